// D'Hondt apportionment with a cap, and the minimal-movement shard reassignment.
#include "sim/model/committee.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

#include "sim/kernel/invariant.hpp"

namespace sliversim::model {
namespace {

// A member's next quotient stake / (seats + 1), with its tie-break keys.
struct Candidate {
  double stake;
  std::uint32_t seats;
  std::uint32_t member;  // index in the committee (ascending NodeId)
};

// True when a's quotient ranks below b's (so the priority queue pops the best first).
// Determinism: ties are broken by stake, then by member index, never by heap order.
struct RanksBelow {
  bool operator()(const Candidate& a, const Candidate& b) const {
    const double lhs = a.stake * (static_cast<double>(b.seats) + 1.0);
    const double rhs = b.stake * (static_cast<double>(a.seats) + 1.0);
    if (lhs != rhs) return lhs < rhs;
    if (a.stake != b.stake) return a.stake < b.stake;
    return a.member > b.member;
  }
};

}  // namespace

std::uint32_t shard_cap(std::uint32_t n_shards, double cap_fraction, std::uint32_t cap_min_nodes,
                        std::size_t members) {
  if (members == 0 || members < cap_min_nodes) return n_shards;
  // The small epsilon keeps e.g. 0.1 * 1000 = 100 from flooring to 99 after rounding.
  const double capped = std::floor(cap_fraction * static_cast<double>(n_shards) + 1e-9);
  const auto cap = static_cast<std::uint32_t>(std::min(capped, static_cast<double>(n_shards)));
  const auto fit = static_cast<std::uint32_t>((n_shards + members - 1) / members);
  return std::max(cap, fit);
}

std::vector<std::uint32_t> apportion_shards(std::span<const StakeEntry> committee,
                                            std::uint32_t n_shards, std::uint32_t cap) {
  std::vector<std::uint32_t> counts(committee.size(), 0);
  if (committee.empty()) return counts;
  kernel::check_invariant(static_cast<std::uint64_t>(cap) * committee.size() >= n_shards,
                          "apportion_shards: the cap leaves shards without an owner");
  std::vector<Candidate> initial;
  initial.reserve(committee.size());
  for (std::size_t i = 0; i < committee.size(); ++i) {
    initial.push_back(Candidate{committee[i].stake, 0, static_cast<std::uint32_t>(i)});
  }
  std::priority_queue<Candidate, std::vector<Candidate>, RanksBelow> queue(RanksBelow{},
                                                                           std::move(initial));
  for (std::uint32_t seat = 0; seat < n_shards; ++seat) {
    Candidate best = queue.top();
    queue.pop();
    ++counts[best.member];
    if (counts[best.member] < cap) {
      ++best.seats;
      queue.push(best);
    }
  }
  return counts;
}

Reassignment reassign_shards(std::span<const NodeId> previous, std::span<const NodeId> committee,
                             std::span<const std::uint32_t> counts) {
  Reassignment out;
  out.owners.assign(previous.size(), kNoNode);
  if (committee.empty()) {
    for (std::size_t s = 0; s < previous.size(); ++s) {
      if (previous[s] != kNoNode) out.moves.push_back({id_at<ShardId>(s), previous[s], kNoNode});
    }
    return out;
  }
  // Keep: each member keeps its lowest shard ids up to its new count.
  std::vector<std::uint32_t> kept(committee.size(), 0);
  std::vector<std::size_t> freed;
  for (std::size_t s = 0; s < previous.size(); ++s) {
    const auto it = std::lower_bound(committee.begin(), committee.end(), previous[s]);
    const bool member = it != committee.end() && *it == previous[s];
    const auto m = static_cast<std::size_t>(it - committee.begin());
    if (member && kept[m] < counts[m]) {
      ++kept[m];
      out.owners[s] = previous[s];
    } else {
      freed.push_back(s);
    }
  }
  // Hand out: freed shards in ascending id to members below their count, ascending NodeId.
  std::size_t m = 0;
  for (const std::size_t s : freed) {
    while (m < committee.size() && kept[m] >= counts[m]) ++m;
    kernel::check_invariant(m < committee.size(),
                            "reassign_shards: the counts do not add up to the shard count");
    ++kept[m];
    out.owners[s] = committee[m];
    out.moves.push_back({id_at<ShardId>(s), previous[s], committee[m]});
  }
  return out;
}

}  // namespace sliversim::model
