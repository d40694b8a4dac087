// The event log lines: fields per kind, and the epoch of events at a boundary.
#include "sim/report/event_log.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace sliversim::report {
namespace {

using kernel::Ticks;
using model::EventCause;
using model::WorldEvent;
using model::WorldEventKind;

model::WorldTrace small_trace() {
  model::WorldTrace t;
  t.blob_class_names = {"small"};
  t.blobs.push_back(
      {model::BlobIndex{0}, model::BlobClassId{0}, 65536, 1.0, Ticks{}, 0, Ticks::days(1)});
  t.nodes.resize(3);
  t.nodes[1].adversary =
      model::AdversaryRole{scenario::AdversaryAction::kCorrupt, 0.25, Ticks::hours(2)};
  t.epochs.resize(2);
  t.epochs[1].stats.committee_size = 5;
  t.epochs[1].stats.shard_moves = 3;
  t.epochs[1].stats.cooperative_moves = 2;
  t.events = {
      {Ticks{}, WorldEventKind::kEpochStart, EventCause::kNone, model::kNoNode, 0},
      {Ticks{}, WorldEventKind::kBlobWrite, EventCause::kNone, model::kNoNode, 0},
      {Ticks::hours(2), WorldEventKind::kAdversaryStart, EventCause::kNone, model::NodeId{1}, 0},
      {Ticks::hours(3), WorldEventKind::kNodeDown, EventCause::kCorrelated, model::NodeId{4}, 7},
      {Ticks::days(1), WorldEventKind::kBlobExpire, EventCause::kNone, model::kNoNode, 0},
      {Ticks::days(1), WorldEventKind::kNodeLeave, EventCause::kGraceful, model::NodeId{2}, 0},
      {Ticks::days(1), WorldEventKind::kEpochStart, EventCause::kNone, model::kNoNode, 1},
      {Ticks::days(1), WorldEventKind::kChallengeRound, EventCause::kNone, model::kNoNode, 0},
  };
  return t;
}

}  // namespace

TEST_CASE("event log lines carry the fields of their kind and the epoch in force") {
  std::ostringstream out;
  REQUIRE(write_event_log(small_trace(), out));
  std::istringstream in(out.str());
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  REQUIRE(lines.size() == 8);
  CHECK(lines[0] == nlohmann::json{{"time_us", 0},
                                   {"epoch", 0},
                                   {"kind", "epoch_start"},
                                   {"committee_size", 0},
                                   {"shard_moves", 0},
                                   {"cooperative_moves", 0}});
  CHECK(lines[1] == nlohmann::json{{"time_us", 0},
                                   {"epoch", 0},
                                   {"kind", "blob_write"},
                                   {"blob", 0},
                                   {"class", "small"},
                                   {"size_bytes", 65536}});
  CHECK(lines[2] == nlohmann::json{{"time_us", 7'200'000'000},
                                   {"epoch", 0},
                                   {"kind", "adversary_start"},
                                   {"node", 1},
                                   {"action", "corrupt"},
                                   {"sliver_fraction", 0.25}});
  lines.erase(lines.begin() + 2);
  CHECK(lines[2] == nlohmann::json{{"time_us", 10'800'000'000},
                                   {"epoch", 0},
                                   {"kind", "node_down"},
                                   {"node", 4},
                                   {"cause", "correlated"},
                                   {"incident", 7}});
  // Expiries and leaves at the boundary end epoch 0.
  CHECK(lines[3]["epoch"] == 0);
  CHECK(lines[4] == nlohmann::json{{"time_us", 86'400'000'000},
                                   {"epoch", 0},
                                   {"kind", "node_leave"},
                                   {"node", 2},
                                   {"cause", "graceful"}});
  CHECK(lines[5]["shard_moves"] == 3);
  CHECK(lines[5]["epoch"] == 1);
  CHECK(lines[6] ==
        nlohmann::json{
            {"time_us", 86'400'000'000}, {"epoch", 1}, {"kind", "challenge_round"}, {"round", 0}});
}

}  // namespace sliversim::report
