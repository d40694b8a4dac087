// The merged table as text (shared format, /tmp/s2/shared_formats.md and the README):
// CSV with columns `<axis key 1>,...,<axis key k>,metric,n,mean,stdev,ci95_low,ci95_high`, and
// JSON {"schema_version": 1, "kind": "sliversim-merged-sweep", "sweep": {"name", "axes":
// [{"key", "values"}]}, "rows": [{"params", "metric", "n", "mean", "stdev", "ci95_low",
// "ci95_high"}, ...], "missing_points": [...]}, one row per line. Numbers are written the
// shortest way that reads back exactly; the text is a pure function of the table.
#pragma once

#include <string>

#include "sim/sweep/sweep_merge.hpp"

namespace sliversim::sweep {

// The "kind" of a merged table's JSON.
inline constexpr const char* kMergedKind = "sliversim-merged-sweep";

// The CSV text: a header line, then one line per row. Fields holding a comma, quote or line
// break are quoted (RFC 4180); string parameter values are written bare, others as JSON.
std::string merged_csv(const MergedTable& table);

// The JSON text, ending with a newline.
std::string merged_json(const MergedTable& table);

}  // namespace sliversim::sweep
