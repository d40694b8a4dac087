// What one scheme's replay measured, per epoch: repair bytes by category (weighted by each
// representative's weight, rounded to whole bytes per addition), repairs, losses, unavailability,
// challenge and sync counters, repair durations, epoch-change durations and peak node bandwidth.
// The summary is the sum (or maximum) over epochs. Plain data: the driver fills it, the results
// writer (sim/report/scheme_results.hpp) turns it into JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// Counters that add up over epochs.
struct MetricCounters {
  ByteCounts repair_bytes;                   // weighted bytes moved, by category
  std::uint64_t lost_bytes_repaired = 0;     // weighted bytes of the units rebuilt
  double repairs = 0.0;                      // units rebuilt, weighted
  std::uint64_t repaired_units = 0;          // units rebuilt (representatives)
  std::uint64_t repair_jobs = 0;             // jobs completed
  std::uint64_t loss_events = 0;             // representatives lost
  double blobs_lost = 0.0;                   // blobs lost, weighted
  std::uint64_t bytes_lost = 0;              // weighted unencoded bytes of the blobs lost
  double unavailable_blob_seconds = 0.0;     // weighted blob-seconds with too few reachable units
  std::uint64_t corrupt_symbols_caught = 0;  // helpers whose data failed verification
  std::uint64_t challenge_failures = 0;      // owners that failed a challenge round
  std::uint64_t cooperative_transfers = 0;   // moved shards handed over completely
  std::uint64_t recovered_moves = 0;         // moved shards (partly) recovered instead
  std::uint64_t sync_timeouts = 0;           // transfers switched to recovery by the timeout
  std::uint64_t aborted_bytes = 0;           // weighted bytes of flows cut by a failure or move

  // Adds every counter of `other` to this.
  void add(const MetricCounters& other);
};

// One epoch's figures.
struct EpochMetrics {
  MetricCounters counters;
  std::vector<double> repair_seconds;            // one per completed job, in completion order
  std::optional<double> epoch_change_seconds;    // empty: no quorum synced in the epoch
  std::optional<double> full_sync_seconds;       // until every moved shard synced; empty: never
  double peak_node_bandwidth_bytes_per_s = 0.0;  // largest up- or downlink use of a node
};

// Percentiles of a sample by nearest rank (p in (0, 1]; the ceil(p * size)-th smallest).
struct Percentiles {
  double p50 = 0.0;
  double p90 = 0.0;
  double p99 = 0.0;
  double max = 0.0;
};
// The percentiles of `values` (all zero when empty).
Percentiles percentiles(std::vector<double> values);

// One point of an empirical distribution: `fraction` of the sample is at most `value`.
struct QuantilePoint {
  double value = 0.0;
  double fraction = 0.0;
};
// The sample's quantile function at `points` evenly spaced fractions 0, 1/(points-1), ..., 1:
// fraction 0 gives the smallest value, fraction q > 0 the nearest-rank quantile (the
// ceil(q * size)-th smallest, as percentiles() does), fraction 1 the largest. Values are
// nondecreasing. Empty when `values` is empty. REQUIRES: points >= 2.
std::vector<QuantilePoint> quantile_curve(std::vector<double> values, std::size_t points);

class SchemeMetrics {
 public:
  // Metrics for `epochs` epochs (at least one).
  explicit SchemeMetrics(std::size_t epochs) : epochs_(epochs == 0 ? 1 : epochs) {}

  // The epoch that counters are attributed to from now on. REQUIRES: epoch < epoch_count().
  void set_epoch(std::size_t epoch) { current_ = epoch; }
  std::size_t current_epoch() const { return current_; }
  // The current epoch's figures, to add to.
  EpochMetrics& now() { return epochs_[current_]; }

  std::size_t epoch_count() const { return epochs_.size(); }
  const EpochMetrics& epoch(std::size_t e) const { return epochs_[e]; }
  EpochMetrics& epoch(std::size_t e) { return epochs_[e]; }

  // The sum of every epoch's counters.
  MetricCounters total() const;
  // Every job duration of the run, epoch by epoch.
  std::vector<double> all_repair_seconds() const;
  // The largest per-epoch peak node bandwidth.
  double peak_node_bandwidth_bytes_per_s() const;

 private:
  std::vector<EpochMetrics> epochs_;
  std::size_t current_ = 0;
};

// bytes * weight rounded to the nearest whole byte (the weighting of every byte count).
std::uint64_t weighted_bytes(std::uint64_t bytes, double weight);

// Repair bytes per byte lost and rebuilt: the non-transfer repair bytes over lost_bytes_repaired
// (cooperative transfers move data that was not lost). Empty when nothing was rebuilt.
std::optional<double> bytes_per_lost_byte(const MetricCounters& c);

}  // namespace sliversim::schemes
