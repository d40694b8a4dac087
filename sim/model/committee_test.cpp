// D'Hondt apportionment (hand-computed answers, cap, ties) and the minimal-movement property.
#include "sim/model/committee.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"

namespace sliversim::model {
namespace {

std::vector<StakeEntry> committee_of(const std::vector<double>& stakes) {
  std::vector<StakeEntry> out;
  for (std::size_t i = 0; i < stakes.size(); ++i) out.push_back({id_at<NodeId>(i), stakes[i]});
  return out;
}

std::vector<std::uint32_t> apportion(const std::vector<double>& stakes, std::uint32_t seats,
                                     std::uint32_t cap) {
  return apportion_shards(committee_of(stakes), seats, cap);
}

NodeId node(std::uint32_t i) { return NodeId{i}; }

}  // namespace

TEST_CASE(
    "D'Hondt gives the textbook answer 4, 3, 1, 0 for 100k, 80k, 30k, 20k votes and 8 seats") {
  CHECK(apportion({100000, 80000, 30000, 20000}, 8, 8) == std::vector<std::uint32_t>{4, 3, 1, 0});
}

TEST_CASE("D'Hondt breaks equal quotients by higher stake, then by lower node id") {
  // Quotients of 5, 3, 2: 5, 3, 2.5, 2, 1.67, 1.5, 1.25 take seven seats (A4 B2 C1); then A, B
  // and C all stand at exactly 1.
  CHECK(apportion({5, 3, 2}, 8, 8) == std::vector<std::uint32_t>{5, 2, 1});
  CHECK(apportion({5, 3, 2}, 9, 9) == std::vector<std::uint32_t>{5, 3, 1});
  CHECK(apportion({5, 3, 2}, 10, 10) == std::vector<std::uint32_t>{5, 3, 2});
  // Equal stakes: the extra seat goes to the lowest id.
  CHECK(apportion({1, 1, 1}, 4, 4) == std::vector<std::uint32_t>{2, 1, 1});
  CHECK(apportion({1, 1, 1}, 5, 5) == std::vector<std::uint32_t>{2, 2, 1});
}

TEST_CASE("D'Hondt gives a node at the cap no more seats; they go to the next quotients") {
  CHECK(apportion({10, 1, 1}, 10, 10) == std::vector<std::uint32_t>{10, 0, 0});
  CHECK(apportion({10, 1, 1}, 10, 4) == std::vector<std::uint32_t>{4, 3, 3});
  CHECK(apportion({6, 3, 1}, 10, 5) == std::vector<std::uint32_t>{5, 4, 1});
}

TEST_CASE("D'Hondt seats zero-stake nodes only when nothing else is left") {
  CHECK(apportion({1, 0}, 3, 3) == std::vector<std::uint32_t>{3, 0});
  CHECK(apportion({1, 0}, 3, 2) == std::vector<std::uint32_t>{2, 1});
  // All quotients are zero: the lowest id takes seats up to the cap.
  CHECK(apportion({0, 0}, 3, 3) == std::vector<std::uint32_t>{3, 0});
  CHECK(apportion({0, 0}, 3, 2) == std::vector<std::uint32_t>{2, 1});
}

TEST_CASE("D'Hondt spreads 1000 shards over 120 equal nodes as 9 for the first 40, 8 after") {
  const auto counts = apportion(std::vector<double>(120, 1.0), 1000, 100);
  for (std::size_t i = 0; i < counts.size(); ++i) CHECK(counts[i] == (i < 40 ? 9U : 8U));
}

TEST_CASE("D'Hondt with an empty committee assigns nothing") {
  CHECK(apportion({}, 10, 10).empty());
}

TEST_CASE("the shard cap is 10% of n from cap_min_nodes members on, and never too small to fit") {
  CHECK(shard_cap(1000, 0.1, 20, 20) == 100);
  CHECK(shard_cap(1000, 0.1, 20, 120) == 100);
  CHECK(shard_cap(1000, 0.1, 20, 19) == 1000);
  CHECK(shard_cap(1000, 0.1, 20, 0) == 1000);
  CHECK(shard_cap(1000, 0.1, 1, 5) == 200);  // 5 nodes must hold 1000 shards
  CHECK(shard_cap(1000, 0.1, 1, 7) == 143);  // ceil(1000 / 7)
  CHECK(shard_cap(100, 0.07, 1, 30) == 7);
  CHECK(shard_cap(10, 0.15, 1, 100) == 1);
}

TEST_CASE("minimal movement hands a departed node's shards to the members below their count") {
  const std::vector<NodeId> previous{node(0), node(0), node(1), node(1), node(2)};
  const std::vector<NodeId> committee{node(0), node(1)};
  const Reassignment r = reassign_shards(previous, committee, std::vector<std::uint32_t>{3, 2});
  CHECK(r.owners == std::vector<NodeId>{node(0), node(0), node(1), node(1), node(0)});
  REQUIRE(r.moves.size() == 1);
  CHECK(r.moves[0] == ShardMove{ShardId{4}, node(2), node(0), false});
}

TEST_CASE("minimal movement keeps a shrinking node's lowest shard ids") {
  const std::vector<NodeId> previous{node(0), node(0), node(0), node(1)};
  const std::vector<NodeId> committee{node(0), node(1), node(5)};
  const Reassignment r = reassign_shards(previous, committee, std::vector<std::uint32_t>{1, 1, 2});
  CHECK(r.owners == std::vector<NodeId>{node(0), node(5), node(5), node(1)});
  CHECK(r.moves == std::vector<ShardMove>{{ShardId{1}, node(0), node(5), false},
                                          {ShardId{2}, node(0), node(5), false}});
}

TEST_CASE("minimal movement from no owners moves every shard; to an empty committee, none kept") {
  const std::vector<NodeId> none(3, kNoNode);
  const Reassignment first =
      reassign_shards(none, std::vector<NodeId>{node(4)}, std::vector<std::uint32_t>{3});
  CHECK(first.owners == std::vector<NodeId>(3, node(4)));
  CHECK(first.moves.size() == 3);
  const Reassignment gone = reassign_shards(first.owners, {}, {});
  CHECK(gone.owners == none);
  CHECK(gone.moves.size() == 3);
}

// Seeded random epochs: stakes change, nodes come and go; check the minimal-movement property.
TEST_CASE("minimal movement moves exactly the sum of max(0, new - old) and keeps min(old, new)") {
  kernel::Rng rng = kernel::make_stream(42, "committee_test");
  constexpr std::uint32_t kShards = 300;
  std::vector<NodeId> owners(kShards, kNoNode);
  for (int epoch = 0; epoch < 200; ++epoch) {
    std::vector<StakeEntry> committee;
    for (std::uint32_t i = 0; i < 60; ++i) {
      if (kernel::bernoulli(rng, 0.6)) committee.push_back({node(i), kernel::pareto(rng, 1, 1.2)});
    }
    std::vector<NodeId> ids;
    for (const auto& e : committee) ids.push_back(e.node);
    const std::uint32_t cap = shard_cap(kShards, 0.1, 20, committee.size());
    const auto counts = apportion_shards(committee, kShards, cap);
    CHECK(std::accumulate(counts.begin(), counts.end(), 0U) == (ids.empty() ? 0U : kShards));
    std::map<NodeId, std::uint32_t> old_count;
    for (const NodeId o : owners) ++old_count[o];
    const Reassignment r = reassign_shards(owners, ids, counts);
    std::uint32_t expected_moves = 0;
    for (std::size_t m = 0; m < ids.size(); ++m) {
      CHECK(counts[m] <= cap);
      const std::uint32_t old = old_count.count(ids[m]) != 0 ? old_count[ids[m]] : 0;
      expected_moves += counts[m] > old ? counts[m] - old : 0;
      std::uint32_t held = 0;
      std::uint32_t kept = 0;
      for (std::uint32_t s = 0; s < kShards; ++s) {
        held += r.owners[s] == ids[m] ? 1U : 0U;
        kept += r.owners[s] == ids[m] && owners[s] == ids[m] ? 1U : 0U;
      }
      CHECK(held == counts[m]);
      CHECK(kept == std::min(old, counts[m]));
    }
    if (!ids.empty()) CHECK(r.moves.size() == expected_moves);
    std::size_t changed = 0;
    for (std::uint32_t s = 0; s < kShards; ++s) changed += r.owners[s] != owners[s] ? 1U : 0U;
    CHECK(r.moves.size() == changed);
    for (const ShardMove& m : r.moves) {
      CHECK(owners[index_of(m.shard)] == m.from);
      CHECK(r.owners[index_of(m.shard)] == m.to);
    }
    owners = r.owners;
  }
}

}  // namespace sliversim::model
