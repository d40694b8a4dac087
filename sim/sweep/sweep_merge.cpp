// Merging: the plan, the point files checked against it, then statistics per combination.
#include "sim/sweep/sweep_merge.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "sim/compare/metric_pattern.hpp"
#include "sim/scenario/loader.hpp"
#include "sim/scenario/problem.hpp"
#include "sim/scenario/strict_json.hpp"
#include "sim/sweep/plan_file.hpp"
#include "sim/sweep/point_file.hpp"
#include "sim/sweep/sweep_grid.hpp"
#include "sim/sweep/sweep_metrics.hpp"

namespace sliversim::sweep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The point files of `dir` by index (Determinism: a std::map, so read in index order).
std::map<std::size_t, fs::path> list_point_files(const fs::path& dir) {
  std::map<std::size_t, fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (const auto index = parse_point_file_name(entry.path().filename().string())) {
      files.emplace(*index, entry.path());
    }
  }
  return files;
}

// Why the results `doc` of `file` is not the plan's point `expected`, or "".
std::string foreign_point_problem(const json& doc, const PlanDocument& plan, const json& expected) {
  const json sweep = doc.is_object() ? doc.value("sweep", json()) : json();
  if (!sweep.is_object()) {
    return "/sweep: expected the point's sweep object, got nothing (not a sweep point file)";
  }
  if (sweep.value("plan_sha256", json()) != plan.sha256 ||
      sweep.value("name", json()) != plan.name) {
    return fmt::format(
        "/sweep/plan_sha256: expected {} (sweep \"{}\", the plan in sweep.json), got {}: the file "
        "belongs to another sweep or plan",
        plan.sha256, plan.name, sweep.value("plan_sha256", json()).dump());
  }
  for (const char* key : {"index", "params", "seed"}) {
    if (sweep.value(key, json()) != expected[key]) {
      return fmt::format("/sweep/{}: expected {}, got {}", key, expected[key].dump(),
                         scenario::describe_value(sweep.value(key, json())));
    }
  }
  const json::json_pointer resolved("/scenario/resolved");
  if (!doc.contains(resolved) ||
      scenario::sha256_hex(doc.at(resolved).dump()) != expected["resolved_sha256"]) {
    return "/scenario/resolved: expected the plan's resolved scenario, got another";
  }
  return "";
}

class Merger {
 public:
  Merger(const PlanDocument& plan, const MergeOptions& options) : plan_(plan), options_(options) {}

  // Reads one point file into values_; returns a problem line or "".
  std::string read_point(std::size_t index, const fs::path& file) {
    present_.insert(index);
    if (index >= plan_.points.size()) {
      return fmt::format("{}: expected a point of sweep \"{}\" (indices 0-{}), got index {}",
                         file.string(), plan_.name, plan_.points.size() - 1, index);
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const scenario::ParsedJson parsed = scenario::parse_strict_json(text.str());
    if (!in || !parsed.syntax_ok || !parsed.problems.empty()) {
      const auto lines = scenario::format_problems(file.string(), parsed.problems);
      return lines.empty() ? file.string() + ": cannot read" : lines.front();
    }
    if (auto why = foreign_point_problem(parsed.value, plan_, plan_.points[index]); !why.empty()) {
      return file.string() + ": " + why;
    }
    values_[index] = options_.metric_patterns.empty()
                         ? summary_metrics(parsed.value)
                         : selected_metrics(parsed.value, options_.metric_patterns);
    for (const auto& [metric, value] : values_[index]) metrics_.insert(metric);
    return "";
  }

  MergedTable table() const {
    MergedTable t{plan_.name, plan_.axis_keys, plan_.axis_values, {}, plan_.points.size(), {}};
    const std::size_t seeds = plan_.seed_count;
    for (std::size_t c = 0; c * seeds < plan_.points.size(); ++c) {
      for (const std::string& metric : metrics_) {
        std::vector<double> samples;
        for (std::size_t i = c * seeds; i < (c + 1) * seeds; ++i) {
          const auto point = values_.find(i);
          if (point == values_.end()) continue;
          const auto value = point->second.find(metric);
          if (value != point->second.end() && value->second) samples.push_back(*value->second);
        }
        if (samples.empty()) continue;
        t.rows.push_back({c, plan_.points[c * seeds]["params"], metric, summarize(samples)});
      }
    }
    for (std::size_t i = 0; i < plan_.points.size(); ++i) {
      if (present_.count(i) == 0) t.missing_points.push_back(i);
    }
    return t;
  }

  // Patterns that selected nothing in any file.
  std::vector<std::string> unmatched_patterns() const {
    std::vector<std::string> out;
    for (const std::string& pattern : options_.metric_patterns) {
      const bool matched = std::any_of(metrics_.begin(), metrics_.end(), [&](const auto& metric) {
        return compare::pattern_selects(pattern, metric);
      });
      if (!matched) out.push_back(pattern);
    }
    return out;
  }

 private:
  const PlanDocument& plan_;
  const MergeOptions& options_;
  std::set<std::size_t> present_;  // indices with a point file, usable or not
  std::map<std::size_t, MetricValues> values_;
  std::set<std::string> metrics_;  // Determinism: sorted, the row order within a combination
};

}  // namespace

MergeResult merge_sweep_dir(const fs::path& dir, const MergeOptions& options) {
  if (auto problems = metric_pattern_problems(options.metric_patterns); !problems.empty()) {
    return {std::nullopt, std::move(problems)};
  }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return {std::nullopt, {dir.string() + ": expected a sweep folder, got no such folder"}};
  }
  PlanFileResult plan = read_plan_file(dir / "sweep.json");
  if (!plan.plan) return {std::nullopt, std::move(plan.problems)};
  Merger merger(*plan.plan, options);
  std::vector<std::string> problems;
  for (const auto& [index, file] : list_point_files(dir)) {
    if (auto problem = merger.read_point(index, file); !problem.empty()) {
      problems.push_back(std::move(problem));
    }
  }
  MergedTable table = merger.table();
  if (!table.missing_points.empty() && !options.allow_missing) {
    problems.push_back(fmt::format(
        "{}: expected all {} points of sweep \"{}\", got {} missing: {} (run the missing shards "
        "again, or merge with --allow-missing)",
        dir.string(), table.points_total, table.sweep_name, table.missing_points.size(),
        index_ranges(table.missing_points)));
  }
  for (const std::string& pattern : merger.unmatched_patterns()) {
    problems.push_back("--metric " + pattern +
                       ": expected a pattern selecting metrics of the "
                       "point files, got one that selects none");
  }
  if (!problems.empty()) return {std::nullopt, std::move(problems)};
  return {std::move(table), {}};
}

}  // namespace sliversim::sweep
