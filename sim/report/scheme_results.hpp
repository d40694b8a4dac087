// The `schemes` and `comparison` objects of the results file (DESIGN.md "Results JSON",
// sim/schemes/README.md "Metrics"): per scheme a `summary`, a `per_epoch` series of the same
// counters, its `weighting` (bytes and counts are scaled by each representative's weight) and
// simulation counters; per baseline its ratios to redstuff. Byte counts are integers.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/model/world_trace.hpp"
#include "sim/schemes/driver.hpp"

namespace sliversim::report {

// {"<name>": {...}, ...} for the outcomes, in their order. The summary's `repair_seconds` holds
// the p50/p90/p99/max of the job durations and `cdf`: [[seconds, fraction], ...] at the 101
// fractions 0, 0.01, ..., 1 (schemes::quantile_curve; empty when no job completed).
nlohmann::json schemes_json(const std::vector<schemes::SchemeOutcome>& outcomes,
                            const model::WorldTrace& world);

// {"<name>": {"wall_seconds", "encode_seconds", "repair_codec_seconds"}, ...}: where each
// scheme's wall-clock time went (for the results' `timing`, never compared).
nlohmann::json schemes_timing_json(const std::vector<schemes::SchemeOutcome>& outcomes);

// {"<name>_over_redstuff": {"repair_bytes_total": ratio, ...}, ...} for every outcome other than
// redstuff; a ratio with a zero denominator is null. Empty when redstuff did not run.
nlohmann::json comparison_json(const std::vector<schemes::SchemeOutcome>& outcomes);

// The per-scheme totals `sliversim run` prints: one line per scheme (repair bytes by category,
// repairs, bytes per lost byte, repair time p50/max, losses, unavailability), then one line per
// baseline with its repair-byte ratios to redstuff. Ends with a newline; empty without outcomes.
std::string scheme_totals_text(const std::vector<schemes::SchemeOutcome>& outcomes);

}  // namespace sliversim::report
