// Sums, percentiles and weighting of the per-scheme metrics.
#include "sim/schemes/scheme_metrics.hpp"

#include <algorithm>
#include <cmath>

namespace sliversim::schemes {

void MetricCounters::add(const MetricCounters& o) {
  for (std::size_t i = 0; i < kByteCategories; ++i) {
    repair_bytes.by_category[i] += o.repair_bytes.by_category[i];
  }
  lost_bytes_repaired += o.lost_bytes_repaired;
  repairs += o.repairs;
  repaired_units += o.repaired_units;
  repair_jobs += o.repair_jobs;
  loss_events += o.loss_events;
  blobs_lost += o.blobs_lost;
  bytes_lost += o.bytes_lost;
  unavailable_blob_seconds += o.unavailable_blob_seconds;
  corrupt_symbols_caught += o.corrupt_symbols_caught;
  challenge_failures += o.challenge_failures;
  cooperative_transfers += o.cooperative_transfers;
  recovered_moves += o.recovered_moves;
  sync_timeouts += o.sync_timeouts;
  aborted_bytes += o.aborted_bytes;
}

Percentiles percentiles(std::vector<double> values) {
  Percentiles p;
  if (values.empty()) return p;
  std::sort(values.begin(), values.end());
  const auto rank = [&](double q) {
    const auto r = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(r, 1, values.size()) - 1];
  };
  p.p50 = rank(0.50);
  p.p90 = rank(0.90);
  p.p99 = rank(0.99);
  p.max = values.back();
  return p;
}

std::vector<QuantilePoint> quantile_curve(std::vector<double> values, std::size_t points) {
  std::vector<QuantilePoint> curve;
  if (values.empty() || points < 2) return curve;
  std::sort(values.begin(), values.end());
  const std::size_t last = points - 1;
  curve.reserve(points);
  for (std::size_t i = 0; i < points; ++i) {
    // ceil(i * size / last) in integers, so 0.07 * 100 is rank 7, not 8.
    const std::size_t rank = (i * values.size() + last - 1) / last;
    curve.push_back({values[std::clamp<std::size_t>(rank, 1, values.size()) - 1],
                     static_cast<double>(i) / static_cast<double>(last)});
  }
  return curve;
}

MetricCounters SchemeMetrics::total() const {
  MetricCounters sum;
  for (const EpochMetrics& e : epochs_) sum.add(e.counters);
  return sum;
}

std::vector<double> SchemeMetrics::all_repair_seconds() const {
  std::vector<double> all;
  for (const EpochMetrics& e : epochs_) {
    all.insert(all.end(), e.repair_seconds.begin(), e.repair_seconds.end());
  }
  return all;
}

double SchemeMetrics::peak_node_bandwidth_bytes_per_s() const {
  double peak = 0.0;
  for (const EpochMetrics& e : epochs_) peak = std::max(peak, e.peak_node_bandwidth_bytes_per_s);
  return peak;
}

std::uint64_t weighted_bytes(std::uint64_t bytes, double weight) {
  return static_cast<std::uint64_t>(std::llround(static_cast<double>(bytes) * weight));
}

std::optional<double> bytes_per_lost_byte(const MetricCounters& c) {
  if (c.lost_bytes_repaired == 0) return std::nullopt;
  const std::uint64_t moved = c.repair_bytes.total() - c.repair_bytes[ByteCategory::kTransfer];
  return static_cast<double>(moved) / static_cast<double>(c.lost_bytes_repaired);
}

}  // namespace sliversim::schemes
