// How `sliversim compare` shows a CompareReport: a text table for people and CI logs, and a JSON
// document for tools.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/compare/compare.hpp"

namespace sliversim::compare {

// What was compared with what, for the headings.
struct CompareContext {
  std::string baseline_name;
  std::string candidate_name;
  CompareOptions options;
  std::vector<std::string> notes;  // from check_comparable
};

// The notes ("note: ..."), a table with columns metric / baseline / candidate / change /
// verdict, and a closing summary ("compared N metrics: ...", then "no regression" or
// "REGRESSION: ..."). The table lists the rows that differ (every verdict but "same" and
// "only-in-candidate"); with `all`, every row. Metrics only in the candidate are otherwise
// counted in one line. Numbers are printed exactly as in the results; "n/a" is a null, "-" an
// absent value; change is (candidate - baseline) / |baseline| in percent. Ends with a newline.
std::string report_text(const CompareReport& report, const CompareContext& context, bool all);

// {"schema_version": 1, "kind": "sliversim-compare", "baseline", "candidate", "options":
// {"rel_tol", "abs_tol", "strict", "per_epoch", "metrics"}, "notes", "regressed", "counts":
// {verdict: n, ...}, "rows": [{"metric", "baseline", "candidate", "change", "direction",
// "verdict", "fails"}, ...]}: every row, with "baseline"/"candidate" left out when absent and
// "change" null when it has no value.
nlohmann::json report_json(const CompareReport& report, const CompareContext& context);

}  // namespace sliversim::compare
