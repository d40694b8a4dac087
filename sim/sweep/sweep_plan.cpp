// Planning a sweep: axis keys against the scenario schema, every point through the scenario
// loader, and the plan document with its SHA-256.
#include "sim/sweep/sweep_plan.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "sim/scenario/overrides.hpp"
#include "sim/scenario/problem.hpp"
#include "sim/scenario/scenario_schema.hpp"
#include "sim/scenario/strict_json.hpp"

namespace sliversim::sweep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::optional<std::string> read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `message` without the loader's " (from --set ...)" ending.
std::string without_origin(std::string message) {
  const std::size_t at = message.rfind(" (from --set ");
  return at == std::string::npos ? message : message.substr(0, at);
}

// Each axis key must name a key the scenario schema knows (checked by applying the axis's first
// value to the base document, as --set would).
std::vector<std::string> axis_key_problems(const SweepSpec& sweep, json base_document) {
  std::vector<std::string> lines;
  for (std::size_t a = 0; a < sweep.grid.axes.size(); ++a) {
    const Axis& axis = sweep.grid.axes[a];
    scenario::Problems problems;
    std::vector<scenario::Override> overrides;
    if (auto o =
            scenario::parse_override(axis.pointer + "=" + axis.values.front().dump(), problems)) {
      overrides.push_back(std::move(*o));
    }
    scenario::apply_overrides(scenario::scenario_spec().spec(), overrides, base_document, problems);
    for (const scenario::Problem& p : problems) {
      lines.push_back(fmt::format("{}: /sweep/axes/{}/key: {}{}", sweep.path, a,
                                  p.where.empty() ? "" : p.where + ": ",
                                  without_origin(p.message)));
    }
  }
  return lines;
}

// Problem lines shared by several points, in first-seen order, with the points they affect.
class ProblemGroups {
 public:
  void add(const std::string& line, std::size_t point) {
    auto [it, inserted] = points_.try_emplace(line);
    if (inserted) order_.push_back(line);
    it->second.push_back(point);
  }

  std::vector<std::string> lines(const SweepSpec& sweep, const std::vector<SweepPoint>& all) const {
    std::vector<std::string> out;
    for (const std::string& line : order_) {
      const std::vector<std::size_t>& points = points_.at(line);
      std::string which;
      if (points.size() == all.size() && all.size() > 1) {
        which = fmt::format("all {} points", all.size());
      } else if (points.size() == 1) {
        which = fmt::format("point {} ({})", points[0], point_label(sweep.grid, all[points[0]]));
      } else {
        which = fmt::format("points {} (of {})", index_ranges(points), all.size());
      }
      out.push_back(fmt::format("{}: {}: {}", sweep.path, which, line));
    }
    return out;
  }

  bool empty() const { return order_.empty(); }

 private:
  std::vector<std::string> order_;
  std::map<std::string, std::vector<std::size_t>> points_;
};

json plan_document(const SweepSpec& sweep, const std::vector<PlannedPoint>& points) {
  json axes = json::array();
  for (const Axis& axis : sweep.grid.axes) {
    axes.push_back({{"key", axis.key}, {"values", axis.values}});
  }
  json list = json::array();
  for (const PlannedPoint& p : points) {
    list.push_back({{"index", p.point.index},
                    {"params", p.params},
                    {"seed", p.point.seed},
                    {"overrides", p.overrides},
                    {"resolved_sha256", p.resolved_sha256}});
  }
  json doc = {{"schema_version", kSweepSchemaVersion},
              {"kind", kPlanKind},
              {"name", sweep.name},
              {"axes", std::move(axes)},
              {"seeds", sweep.grid.seeds},
              {"zip", sweep.grid.zip},
              {"points", std::move(list)}};
  doc["plan_sha256"] = plan_sha256(doc);
  return doc;
}

}  // namespace

std::string plan_sha256(json document) {
  document.erase("plan_sha256");
  return scenario::sha256_hex(document.dump());
}

PlanResult plan_sweep(const SweepSpec& sweep, const ScenarioCheck& check) {
  const BaseScenario& base = sweep.base;
  const std::optional<std::string> text =
      base.file ? read_text(*base.file) : std::optional<std::string>(base.inline_scenario.dump());
  if (!text) return {std::nullopt, {base.display_name + ": cannot read the base scenario"}};
  const scenario::ParsedJson parsed = scenario::parse_strict_json(*text);
  if (!parsed.syntax_ok || !parsed.problems.empty() || !parsed.value.is_object()) {
    scenario::LoadResult bad =
        scenario::load_scenario_text(*text, base.display_name, base.base_dir, {});
    return {std::nullopt, std::move(bad.problems)};
  }
  if (auto lines = axis_key_problems(sweep, parsed.value); !lines.empty()) {
    return {std::nullopt, std::move(lines)};
  }
  const std::vector<SweepPoint> points = expand_grid(sweep.grid);
  ProblemGroups groups;
  std::vector<PlannedPoint> planned;
  for (const SweepPoint& point : points) {
    std::vector<std::string> overrides = point_overrides(sweep.grid, point);
    scenario::LoadResult loaded =
        scenario::load_scenario_text(*text, base.display_name, base.base_dir, overrides);
    if (loaded.scenario && check) loaded.problems = check(*loaded.scenario);
    for (const std::string& line : loaded.problems) groups.add(line, point.index);
    if (!loaded.problems.empty() || !groups.empty()) continue;
    const std::string sha = scenario::sha256_hex(loaded.scenario->resolved.dump());
    planned.push_back(PlannedPoint{point, point_params(sweep.grid, point), std::move(overrides),
                                   std::move(*loaded.scenario), sha});
  }
  if (!groups.empty()) return {std::nullopt, groups.lines(sweep, points)};
  SweepPlan plan{sweep, std::move(planned), {}, {}};
  plan.document = plan_document(sweep, plan.points);
  plan.sha256 = plan.document["plan_sha256"].get<std::string>();
  return {std::move(plan), {}};
}

PlanResult plan_sweep_file(const std::string& path, const ScenarioCheck& check) {
  SweepLoadResult loaded = load_sweep_file(path);
  if (!loaded.sweep) return {std::nullopt, std::move(loaded.problems)};
  return plan_sweep(*loaded.sweep, check);
}

}  // namespace sliversim::sweep
