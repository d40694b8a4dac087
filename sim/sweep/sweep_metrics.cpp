// Collecting metric leaves from a results document.
#include "sim/sweep/sweep_metrics.hpp"

#include "sim/compare/metric_pattern.hpp"
#include "sim/scenario/problem.hpp"

namespace sliversim::sweep {
namespace {

using nlohmann::json;

// Adds the numeric and null leaves below `node` (at `pointer`) to `out`; array elements only
// when `into_arrays`.
void collect(const json& node, const std::string& pointer, bool into_arrays, MetricValues& out) {
  if (node.is_object()) {
    for (const auto& [key, child] : node.items()) {
      collect(child, scenario::pointer_join(pointer, key), into_arrays, out);
    }
  } else if (node.is_array()) {
    if (!into_arrays) return;
    for (std::size_t i = 0; i < node.size(); ++i) {
      collect(node[i], scenario::pointer_join(pointer, i), into_arrays, out);
    }
  } else if (node.is_number()) {
    out[pointer] = node.get<double>();
  } else if (node.is_null()) {
    out[pointer] = std::nullopt;
  }
}

bool excluded(const std::string& pointer) {
  return scenario::pointer_is_under(pointer, "/timing") ||
         scenario::pointer_is_under(pointer, "/tool");
}

}  // namespace

MetricValues summary_metrics(const json& results) {
  MetricValues out;
  if (!results.is_object()) return out;
  if (const auto schemes = results.find("schemes");
      schemes != results.end() && schemes->is_object()) {
    for (const auto& [name, scheme] : schemes->items()) {
      if (!scheme.is_object() || !scheme.contains("summary")) continue;
      collect(scheme["summary"],
              scenario::pointer_join(scenario::pointer_join("/schemes", name), "summary"), false,
              out);
    }
  }
  if (const auto comparison = results.find("comparison"); comparison != results.end()) {
    if (comparison->is_object()) collect(*comparison, "/comparison", false, out);
  }
  return out;
}

MetricValues selected_metrics(const json& results, const std::vector<std::string>& patterns) {
  MetricValues all;
  collect(results, "", true, all);
  MetricValues out;
  for (auto& [pointer, value] : all) {
    if (excluded(pointer)) continue;
    for (const std::string& pattern : patterns) {
      if (!compare::pattern_selects(pattern, pointer)) continue;
      out.emplace(pointer, value);
      break;
    }
  }
  return out;
}

std::vector<std::string> metric_pattern_problems(const std::vector<std::string>& patterns) {
  std::vector<std::string> out;
  for (const std::string& pattern : patterns) {
    std::string problem = compare::pattern_problem(pattern);
    if (problem.empty() && excluded(pattern)) {
      problem = "expected a metric outside /timing (wall clock) and /tool, got \"" + pattern + "\"";
    }
    if (!problem.empty()) out.push_back("--metric " + pattern + ": " + problem);
  }
  return out;
}

}  // namespace sliversim::sweep
