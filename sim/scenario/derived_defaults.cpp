// Derived defaults: node count, joiners' stake, and the apportionment of class fractions.
#include "sim/scenario/derived_defaults.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/scenario/scenario_schema.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

void fill_node_count(json& nodes) {
  if (nodes.contains("count") || !nodes.contains("classes")) return;
  std::int64_t sum = 0;
  for (const auto& c : nodes["classes"]) {
    const auto it = c.find("count");
    if (it == c.end() || !it->is_number_integer()) {
      nodes["count"] = kDefaultNodeCount;
      return;
    }
    sum += it->get<std::int64_t>();
  }
  nodes["count"] = sum;
}

void fill_join_stake(json& node_class) {
  if (!node_class.contains("stake") || !node_class.contains("churn")) return;
  json& churn = node_class["churn"];
  const auto joins = churn.find("joins");
  if (joins == churn.end() || !joins->is_object() || joins->contains("stake")) return;
  (*joins)["stake"] = node_class["stake"];
}

}  // namespace

void fill_derived_defaults(json& resolved) {
  const auto nodes = resolved.find("nodes");
  if (nodes == resolved.end() || !nodes->is_object()) return;
  fill_node_count(*nodes);
  const auto classes = nodes->find("classes");
  if (classes == nodes->end()) return;
  for (auto& c : *classes) fill_join_stake(c);
}

std::vector<std::uint32_t> apportion_class_counts(const std::vector<NodeClassConfig>& classes,
                                                  std::uint32_t total) {
  std::vector<std::uint32_t> counts(classes.size(), 0);
  std::vector<double> remainders(classes.size(), -1.0);
  std::uint64_t assigned = 0;
  for (std::size_t i = 0; i < classes.size(); ++i) {
    if (classes[i].count) {
      counts[i] = *classes[i].count;
      continue;
    }
    const double exact = classes[i].fraction.value_or(0.0) * static_cast<double>(total);
    counts[i] = static_cast<std::uint32_t>(std::floor(exact));
    remainders[i] = exact - std::floor(exact);
    assigned += counts[i];
  }
  // Determinism: a stable sort on remainders keeps class order among equal remainders.
  std::vector<std::size_t> order(classes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&remainders](std::size_t a, std::size_t b) {
    return remainders[a] > remainders[b];
  });
  for (const std::size_t i : order) {
    if (assigned >= total || remainders[i] < 0.0) break;
    ++counts[i];
    ++assigned;
  }
  return counts;
}

}  // namespace sliversim::scenario
