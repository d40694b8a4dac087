// Which way is better for each metric of a results file, so `sliversim compare` can tell a
// regression from an improvement. A metric is a JSON pointer to a numeric leaf; its direction is
// looked up from its path relative to `/schemes/<scheme>/summary/` or
// `/schemes/<scheme>/per_epoch/<i>/` (the per-epoch series carry the same counters).
//
// The table (first matching pattern wins; "*" is one path token):
//   lower is better:  repair_bytes_total, repair_bytes/* (bytes moved to repair),
//                     repair_seconds/{p50,p90,p99,max,mean} and repair_seconds (per epoch),
//                     repair_seconds/cdf/*/0 (the duration at each CDF point),
//                     bytes_per_lost_byte, blobs_lost, bytes_lost, loss_events,
//                     unavailable_blob_seconds, aborted_bytes, sync_timeouts,
//                     epoch_change_seconds and full_sync_seconds (per epoch, and their
//                     p50/p90/p99/max in the summary)
//   higher is better: epoch_change_seconds/completed, full_sync_seconds/completed (epoch
//                     changes that finished)
//   no direction:     everything else: counts the churn trace decides rather than the scheme's
//                     quality (repairs, repair_jobs, repaired_units, lost_bytes_repaired,
//                     recovered_moves, cooperative_transfers, challenge_failures,
//                     corrupt_symbols_caught, epochs, epoch), peak_node_bandwidth_bytes_per_s
//                     (a higher peak is a faster repair as much as a heavier one), the CDF
//                     fractions, every `/comparison` ratio (its two sides are gated where they
//                     are measured), anything outside `/schemes`, and keys this table does not
//                     know yet. A metric with no direction that changes is reported as
//                     "changed" and fails only under --strict.
#pragma once

#include <string_view>

namespace sliversim::compare {

// Which way a metric should move.
enum class Direction {
  kLowerIsBetter,
  kHigherIsBetter,
  kNone,  // a change is reported, not judged
};

// The direction of the metric at `pointer` (a JSON pointer such as
// "/schemes/redstuff/summary/repair_bytes_total"), from the table above. Never fails: an unknown
// or malformed pointer has no direction.
Direction metric_direction(std::string_view pointer);

// "lower", "higher" or "none".
std::string_view direction_name(Direction direction);

}  // namespace sliversim::compare
