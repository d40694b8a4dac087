// Text and JSON renderings of a comparison.
#include "sim/compare/compare_render.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace sliversim::compare {
namespace {

using nlohmann::json;

constexpr std::array kAllVerdicts = {
    Verdict::kSame,    Verdict::kBetter,         Verdict::kWithinTolerance, Verdict::kWorse,
    Verdict::kChanged, Verdict::kOnlyInBaseline, Verdict::kOnlyInCandidate, Verdict::kLengthDiffers,
};

std::string value_text(const std::optional<json>& value) {
  if (!value) return "-";
  return value->is_null() ? "n/a" : value->dump();
}

std::string change_text(const MetricRow& row) {
  if (const auto change = relative_change(row)) return fmt::format("{:+.4g}%", *change * 100.0);
  const bool numbers =
      row.baseline && row.candidate && row.baseline->is_number() && row.candidate->is_number();
  return numbers && *row.baseline != *row.candidate ? "from 0" : "";
}

bool shown_by_default(const MetricRow& row) {
  return row.verdict != Verdict::kSame && row.verdict != Verdict::kOnlyInCandidate;
}

std::string table(const std::vector<const MetricRow*>& rows) {
  std::array<std::string, 5> heading = {"metric", "baseline", "candidate", "change", "verdict"};
  std::vector<std::array<std::string, 5>> cells;
  for (const MetricRow* row : rows) {
    std::string verdict(verdict_name(row->verdict));
    if (row->fails) verdict += " (FAIL)";
    cells.push_back({row->metric, value_text(row->baseline), value_text(row->candidate),
                     change_text(*row), verdict});
  }
  std::array<std::size_t, 5> width{};
  for (std::size_t i = 0; i < width.size(); ++i) width[i] = heading[i].size();
  for (const auto& line : cells) {
    for (std::size_t i = 0; i < width.size(); ++i) width[i] = std::max(width[i], line[i].size());
  }
  std::string out;
  const auto append = [&out, &width](const std::array<std::string, 5>& line) {
    out += fmt::format("{:<{}}  {:>{}}  {:>{}}  {:>{}}  {}\n", line[0], width[0], line[1], width[1],
                       line[2], width[2], line[3], width[3], line[4]);
  };
  append(heading);
  for (const auto& line : cells) append(line);
  return out;
}

std::string summary_text(const CompareReport& report, const CompareContext& context) {
  std::string counts;
  for (const Verdict verdict : kAllVerdicts) {
    const std::size_t n = report.count(verdict);
    if (n == 0) continue;
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", n, verdict_name(verdict));
  }
  std::string out = fmt::format("compared {} metrics of {} (candidate) with {} (baseline): {}\n",
                                report.rows.size(), context.candidate_name, context.baseline_name,
                                counts.empty() ? "none" : counts);
  const auto failing = static_cast<std::size_t>(std::count_if(
      report.rows.begin(), report.rows.end(), [](const MetricRow& r) { return r.fails; }));
  out += failing == 0 ? std::string("no regression\n")
                      : fmt::format("REGRESSION: {} metric(s) failed (rel-tol {}, abs-tol {}{})\n",
                                    failing, context.options.rel_tol, context.options.abs_tol,
                                    context.options.strict ? ", strict" : "");
  return out;
}

}  // namespace

std::string report_text(const CompareReport& report, const CompareContext& context, bool all) {
  std::string out;
  for (const std::string& note : context.notes) out += "note: " + note + "\n";
  std::vector<const MetricRow*> shown;
  for (const MetricRow& row : report.rows) {
    if (all || shown_by_default(row)) shown.push_back(&row);
  }
  if (!shown.empty()) out += table(shown);
  const std::size_t only_candidate = report.count(Verdict::kOnlyInCandidate);
  if (!all && only_candidate > 0) {
    const auto first = std::find_if(report.rows.begin(), report.rows.end(), [](const MetricRow& r) {
      return r.verdict == Verdict::kOnlyInCandidate;
    });
    out += fmt::format(
        "{} metric(s) only in the candidate (new keys, informational), e.g. {}; --all lists "
        "them\n",
        only_candidate, first->metric);
  }
  return out + summary_text(report, context);
}

json report_json(const CompareReport& report, const CompareContext& context) {
  json counts = json::object();
  for (const Verdict verdict : kAllVerdicts) {
    counts[std::string(verdict_name(verdict))] = report.count(verdict);
  }
  json rows = json::array();
  for (const MetricRow& row : report.rows) {
    json r = {{"metric", row.metric}};
    if (row.baseline) r["baseline"] = *row.baseline;
    if (row.candidate) r["candidate"] = *row.candidate;
    const auto change = relative_change(row);
    r["change"] = change ? json(*change) : json();
    r["direction"] = direction_name(row.direction);
    r["verdict"] = verdict_name(row.verdict);
    r["fails"] = row.fails;
    rows.push_back(std::move(r));
  }
  const CompareOptions& o = context.options;
  return {{"schema_version", 1},
          {"kind", "sliversim-compare"},
          {"baseline", context.baseline_name},
          {"candidate", context.candidate_name},
          {"options",
           {{"rel_tol", o.rel_tol},
            {"abs_tol", o.abs_tol},
            {"strict", o.strict},
            {"per_epoch", o.per_epoch},
            {"metrics", o.metric_patterns}}},
          {"notes", context.notes},
          {"regressed", report.regressed()},
          {"counts", counts},
          {"rows", rows}};
}

}  // namespace sliversim::compare
