// The direction table: known keys of the summary and the per-epoch series.
#include "sim/compare/metric_direction.hpp"

#include <doctest/doctest.h>

#include <string>

namespace sliversim::compare {

TEST_CASE("bytes, durations, losses and unavailability are better lower") {
  for (const char* key : {"repair_bytes_total", "repair_bytes/symbols", "repair_bytes/proofs",
                          "repair_bytes/full_blob", "repair_seconds/p50", "repair_seconds/max",
                          "repair_seconds/cdf/37/0", "bytes_per_lost_byte", "blobs_lost",
                          "bytes_lost", "loss_events", "unavailable_blob_seconds", "aborted_bytes",
                          "sync_timeouts", "epoch_change_seconds/p99", "full_sync_seconds/max"}) {
    CAPTURE(key);
    CHECK(metric_direction(std::string("/schemes/redstuff/summary/") + key) ==
          Direction::kLowerIsBetter);
  }
}

TEST_CASE("completed epoch changes are better higher") {
  CHECK(metric_direction("/schemes/rs_rebuild/summary/epoch_change_seconds/completed") ==
        Direction::kHigherIsBetter);
  CHECK(metric_direction("/schemes/rs_rebuild/summary/full_sync_seconds/completed") ==
        Direction::kHigherIsBetter);
}

TEST_CASE("trace-driven counts, ratios and unknown keys have no direction") {
  for (const char* pointer :
       {"/schemes/redstuff/summary/repairs", "/schemes/redstuff/summary/lost_bytes_repaired",
        "/schemes/redstuff/summary/repair_jobs",
        "/schemes/redstuff/summary/epoch_change_seconds/epochs",
        "/schemes/redstuff/summary/peak_node_bandwidth_bytes_per_s",
        "/schemes/redstuff/summary/repair_seconds/cdf/37/1",
        "/schemes/redstuff/summary/some_future_key", "/schemes/redstuff/per_epoch/2/epoch",
        "/comparison/rs_rebuild_over_redstuff/repair_bytes_total",
        "/schemes/redstuff/simulation/kernel_events", "/world/nodes", "", "not a pointer"}) {
    CAPTURE(pointer);
    CHECK(metric_direction(pointer) == Direction::kNone);
  }
}

TEST_CASE("per-epoch entries take the summary's directions") {
  CHECK(metric_direction("/schemes/redstuff/per_epoch/0/repair_bytes_total") ==
        Direction::kLowerIsBetter);
  CHECK(metric_direction("/schemes/redstuff/per_epoch/12/epoch_change_seconds") ==
        Direction::kLowerIsBetter);
  CHECK(metric_direction("/schemes/redstuff/per_epoch/12/repair_seconds/p90") ==
        Direction::kLowerIsBetter);
  CHECK(metric_direction("/schemes/redstuff/per_epoch/12/repairs") == Direction::kNone);
}

TEST_CASE("direction names") {
  CHECK(direction_name(Direction::kLowerIsBetter) == "lower");
  CHECK(direction_name(Direction::kHigherIsBetter) == "higher");
  CHECK(direction_name(Direction::kNone) == "none");
}

}  // namespace sliversim::compare
