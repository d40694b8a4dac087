// World test helpers: config loading and the by-construction checks.
#include "sim/model/world_test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>

#include <nlohmann/json.hpp>

#include "sim/model/node_status.hpp"
#include "sim/scenario/loader.hpp"

namespace sliversim::model::testing {
namespace {

const std::filesystem::path kScenarios = std::filesystem::path(SLIVERSIM_SOURCE_DIR) / "scenarios";

scenario::ScenarioConfig take(scenario::LoadResult result) {
  INFO(nlohmann::json(result.problems).dump(2));
  REQUIRE(result.scenario.has_value());
  return std::move(result.scenario->config);
}

// The counts an epoch's events give (node and blob counts at the end are checked elsewhere).
EpochStats counted(const std::vector<WorldEvent>& events) {
  EpochStats s;
  for (const WorldEvent& e : events) {
    switch (e.kind) {
      case WorldEventKind::kNodeFail:
        ++s.deaths;
        ++(e.cause == EventCause::kTrace ? s.failures_trace : s.failures_permanent);
        break;
      case WorldEventKind::kNodeJoin:
        ++s.joins;
        break;
      case WorldEventKind::kNodeLeave:
        ++s.leaves;
        break;
      case WorldEventKind::kDataLoss:
        ++s.data_losses;
        break;
      case WorldEventKind::kBlobWrite:
        ++s.blobs_written;
        break;
      case WorldEventKind::kBlobExpire:
        ++s.blobs_expired;
        break;
      case WorldEventKind::kChallengeRound:
        ++s.challenge_rounds;
        break;
      case WorldEventKind::kAdversaryStart:
        ++s.adversaries_started;
        break;
      default:
        break;
    }
  }
  return s;
}

void check_counts(const EpochRecord& epoch, const std::vector<WorldEvent>& events) {
  const EpochStats c = counted(events);
  CHECK(epoch.stats.deaths == c.deaths);
  CHECK(epoch.stats.failures_permanent == c.failures_permanent);
  CHECK(epoch.stats.joins == c.joins);
  CHECK(epoch.stats.leaves == c.leaves);
  CHECK(epoch.stats.data_losses == c.data_losses);
  CHECK(epoch.stats.blobs_written == c.blobs_written);
  CHECK(epoch.stats.blobs_expired == c.blobs_expired);
  CHECK(epoch.stats.challenge_rounds == c.challenge_rounds);
  CHECK(epoch.stats.adversaries_started == c.adversaries_started);
  // Trace failures also count traced outages, which need not change the node's state.
  CHECK(epoch.stats.failures_trace >= c.failures_trace);
}

// The epoch start: committee, counts, owners and moves against the board of node states.
void check_assignment(const EpochRecord& epoch, const EpochRecord* previous,
                      const NodeStatusBoard& board, std::uint32_t n_shards) {
  std::vector<NodeId> alive;
  for (std::size_t i = 0; i < board.node_count(); ++i) {
    if (board.is_alive(id_at<NodeId>(i))) alive.push_back(id_at<NodeId>(i));
  }
  CHECK(epoch.committee == alive);
  CHECK(epoch.stats.committee_size == epoch.committee.size());
  REQUIRE(epoch.shard_counts.size() == epoch.committee.size());
  REQUIRE(epoch.owners.size() == n_shards);
  const std::uint32_t total =
      std::accumulate(epoch.shard_counts.begin(), epoch.shard_counts.end(), 0U);
  CHECK(total == (epoch.committee.empty() ? 0U : n_shards));
  std::map<NodeId, std::uint32_t> held;
  for (const NodeId o : epoch.owners) ++held[o];
  for (std::size_t m = 0; m < epoch.committee.size(); ++m) {
    CHECK(held[epoch.committee[m]] == epoch.shard_counts[m]);
  }
  if (previous == nullptr) {
    CHECK(epoch.moves.empty());
    return;
  }
  std::vector<ShardMove> diff;
  std::uint32_t cooperative = 0;
  for (std::uint32_t s = 0; s < n_shards; ++s) {
    const NodeId from = previous->owners[s];
    if (from == epoch.owners[s]) continue;
    const bool coop = from != kNoNode && board.can_hand_over(from);
    diff.push_back({ShardId{s}, from, epoch.owners[s], coop});
    cooperative += coop ? 1U : 0U;
  }
  CHECK(epoch.moves == diff);
  CHECK(epoch.stats.shard_moves == diff.size());
  CHECK(epoch.stats.cooperative_moves == cooperative);
}

void check_epoch_end(const EpochRecord& epoch, const NodeStatusBoard& board,
                     std::uint32_t live_blobs) {
  std::uint32_t alive = 0;
  std::uint32_t up = 0;
  for (std::size_t i = 0; i < board.node_count(); ++i) {
    alive += board.is_alive(id_at<NodeId>(i)) ? 1U : 0U;
    up += board.state(id_at<NodeId>(i)) == NodeState::kUp ? 1U : 0U;
  }
  CHECK(epoch.stats.alive_nodes_end == alive);
  CHECK(epoch.stats.up_nodes_end == up);
  CHECK(epoch.stats.live_blobs_end == live_blobs);
}

void check_epoch_times(const WorldTrace& trace) {
  REQUIRE_FALSE(trace.epochs.empty());
  for (std::size_t e = 0; e < trace.epochs.size(); ++e) {
    CHECK(trace.epochs[e].epoch == e);
    CHECK(trace.epochs[e].start == trace.epoch_length * static_cast<std::int64_t>(e));
    const kernel::Ticks end =
        e + 1 < trace.epochs.size() ? trace.epochs[e + 1].start : trace.duration;
    CHECK(trace.epochs[e].end == end);
  }
  CHECK(trace.epochs.back().end == trace.duration);
}

void check_blobs(const WorldTrace& trace, const scenario::ScenarioConfig& config) {
  for (const BlobRecord& b : trace.blobs) {
    const auto lifetime = config.blobs[index_of(b.blob_class)].lifetime_epochs;
    CHECK(b.expires_at == trace.epoch_length * (std::int64_t{b.written_epoch} + lifetime));
    CHECK(b.written_at >= trace.epochs[b.written_epoch].start);
    CHECK(b.written_at < trace.epochs[b.written_epoch].end);
  }
}

}  // namespace

scenario::ScenarioConfig config_from_text(const std::string& text,
                                          const std::vector<std::string>& overrides) {
  return take(scenario::load_scenario_text(text, "test.json", kScenarios, overrides));
}

scenario::ScenarioConfig config_from_file(const std::string& name,
                                          const std::vector<std::string>& overrides) {
  return take(scenario::load_scenario((kScenarios / name).string(), overrides));
}

void check_by_construction(const WorldTrace& trace, const scenario::ScenarioConfig& config) {
  check_epoch_times(trace);
  check_blobs(trace, config);
  CHECK(std::is_sorted(trace.events.begin(), trace.events.end(),
                       [](const WorldEvent& a, const WorldEvent& b) { return a.time < b.time; }));
  NodeStatusBoard board(trace.initial_nodes);
  std::uint32_t previous_alive = trace.initial_nodes;
  std::uint32_t live_blobs = 0;
  std::vector<WorldEvent> epoch_events;
  std::size_t epoch = 0;
  const auto close_epoch = [&] {
    const EpochRecord& e = trace.epochs[epoch];
    check_counts(e, epoch_events);
    check_epoch_end(e, board, live_blobs);
    CHECK(e.stats.alive_nodes_end ==
          previous_alive + e.stats.joins - e.stats.deaths - e.stats.leaves);
    previous_alive = e.stats.alive_nodes_end;
    epoch_events.clear();
  };
  for (const WorldEvent& event : trace.events) {
    if (event.kind == WorldEventKind::kEpochStart) {
      REQUIRE(event.index < trace.epochs.size());
      if (event.index > 0) {
        close_epoch();
        epoch = event.index;
      }
      check_assignment(trace.epochs[epoch], epoch == 0 ? nullptr : &trace.epochs[epoch - 1], board,
                       trace.n_shards);
      continue;
    }
    board.apply(event);
    epoch_events.push_back(event);
    if (event.kind == WorldEventKind::kBlobWrite) ++live_blobs;
    if (event.kind == WorldEventKind::kBlobExpire) --live_blobs;
  }
  close_epoch();
  CHECK(epoch + 1 == trace.epochs.size());
  CHECK(board.node_count() == trace.nodes.size());
}

}  // namespace sliversim::model::testing
