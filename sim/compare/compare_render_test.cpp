// The text table and JSON document of a comparison.
#include "sim/compare/compare_render.hpp"

#include <doctest/doctest.h>

#include "sim/compare/compare_test_support.hpp"

namespace sliversim::compare {
namespace {

using nlohmann::json;
using testing::sample_results;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `text` with every run of spaces made one space.
std::string squeezed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  }
  return out;
}

CompareContext context_for(const CompareOptions& options) {
  return {"base.json", "cand.json", options, {"trace_digest differs"}};
}

CompareReport degraded_report() {
  json candidate = sample_results();
  candidate["schemes"]["redstuff"]["summary"]["repair_bytes_total"] = 1050;
  candidate["schemes"]["redstuff"]["summary"]["bytes_per_lost_byte"] = 1.5;
  candidate["schemes"]["redstuff"]["summary"]["new_metric"] = 1;
  return compare_results(sample_results(), candidate, {});
}

}  // namespace

TEST_CASE("the text lists only differing rows, counts new ones, and ends with the verdict") {
  const std::string text = report_text(degraded_report(), context_for({}), false);
  CHECK(text.rfind("note: trace_digest differs\n", 0) == 0);
  CHECK(contains(text, "metric"));
  CHECK(contains(text, "verdict"));
  CHECK(contains(text, "/schemes/redstuff/summary/repair_bytes_total"));
  CHECK(contains(squeezed(text),
                 "\n/schemes/redstuff/summary/repair_bytes_total 1000 1050 +5% "
                 "worse (FAIL)\n"));
  CHECK(contains(squeezed(text),
                 "\n/schemes/redstuff/summary/bytes_per_lost_byte n/a 1.5 changed\n"));
  CHECK_FALSE(contains(text, "/schemes/rs_rebuild/summary/repair_bytes_total"));
  CHECK(contains(text,
                 "1 metric(s) only in the candidate (new keys, informational), e.g. "
                 "/schemes/redstuff/summary/new_metric"));
  CHECK(contains(text,
                 "compared 18 metrics of cand.json (candidate) with base.json (baseline): "
                 "15 same, 1 worse, 1 changed, 1 only-in-candidate\n"));
  CHECK(contains(text, "REGRESSION: 1 metric(s) failed"));
}

TEST_CASE("with all, every row is listed, absent values as a dash") {
  const std::string text = report_text(degraded_report(), context_for({}), true);
  CHECK(contains(text, "/schemes/rs_rebuild/summary/repair_bytes_total"));
  CHECK(contains(text, "/schemes/redstuff/summary/new_metric"));
  CHECK(contains(squeezed(text), "/schemes/redstuff/summary/new_metric - 1 only-in-candidate\n"));
  CHECK_FALSE(contains(text, "--all lists them"));
}

TEST_CASE("identical results print no table and no regression") {
  const CompareReport report = compare_results(sample_results(), sample_results(), {});
  const std::string text = report_text(report, {"a", "b", {}, {}}, false);
  CHECK(text == "compared 17 metrics of b (candidate) with a (baseline): 17 same\nno regression\n");
}

TEST_CASE("the JSON document holds every row, counts and the options") {
  CompareOptions options;
  options.rel_tol = 0.01;
  const json doc = report_json(degraded_report(), context_for(options));
  CHECK(doc["kind"] == "sliversim-compare");
  CHECK(doc["regressed"] == true);
  CHECK(doc["options"]["rel_tol"] == 0.01);
  CHECK(doc["counts"]["same"] == 15);
  CHECK(doc["counts"]["length-differs"] == 0);
  CHECK(doc["rows"].size() == 18);
  CHECK(doc["notes"] == json{"trace_digest differs"});
  const json& new_row = doc["rows"].back();
  CHECK(new_row["metric"] == "/schemes/redstuff/summary/new_metric");
  CHECK_FALSE(new_row.contains("baseline"));
  CHECK(new_row["change"].is_null());
  CHECK(new_row["verdict"] == "only-in-candidate");
  bool found = false;
  for (const json& row : doc["rows"]) {
    if (row["metric"] != "/schemes/redstuff/summary/repair_bytes_total") continue;
    found = true;
    CHECK(row["direction"] == "lower");
    CHECK(row["fails"] == true);
    CHECK(row["change"].get<double>() == doctest::Approx(0.05));
  }
  CHECK(found);
}

}  // namespace sliversim::compare
