// Grid expansion: mixed-radix counting over the axes (last axis fastest), seeds innermost.
#include "sim/sweep/sweep_grid.hpp"

#include <fmt/format.h>

namespace sliversim::sweep {

std::size_t combination_count(const Grid& grid) {
  if (grid.axes.empty()) return 1;
  if (grid.zip) return grid.axes.front().values.size();
  std::size_t count = 1;
  for (const Axis& axis : grid.axes) count *= axis.values.size();
  return count;
}

std::vector<SweepPoint> expand_grid(const Grid& grid) {
  const std::size_t combinations = combination_count(grid);
  std::vector<SweepPoint> points;
  points.reserve(combinations * grid.seeds.size());
  for (std::size_t c = 0; c < combinations; ++c) {
    std::vector<nlohmann::json> values(grid.axes.size());
    std::size_t rest = c;
    for (std::size_t a = grid.axes.size(); a-- > 0;) {
      const std::size_t size = grid.axes[a].values.size();
      const std::size_t pick = grid.zip ? c : rest % size;
      values[a] = grid.axes[a].values[pick];
      rest /= size;
    }
    for (const std::uint64_t seed : grid.seeds) {
      points.push_back(SweepPoint{points.size(), c, values, seed});
    }
  }
  return points;
}

std::vector<std::string> point_overrides(const Grid& grid, const SweepPoint& point) {
  std::vector<std::string> overrides;
  for (std::size_t a = 0; a < grid.axes.size(); ++a) {
    overrides.push_back(grid.axes[a].pointer + "=" + point.values[a].dump());
  }
  overrides.push_back(fmt::format("/run/seed={}", point.seed));
  return overrides;
}

nlohmann::json point_params(const Grid& grid, const SweepPoint& point) {
  nlohmann::json params = nlohmann::json::object();
  for (std::size_t a = 0; a < grid.axes.size(); ++a) params[grid.axes[a].key] = point.values[a];
  return params;
}

std::string point_label(const Grid& grid, const SweepPoint& point) {
  std::string label;
  for (std::size_t a = 0; a < grid.axes.size(); ++a) {
    label += grid.axes[a].key + "=" + point.values[a].dump() + ", ";
  }
  return label + fmt::format("seed {}", point.seed);
}

std::string index_ranges(const std::vector<std::size_t>& sorted_indices) {
  std::string out;
  for (std::size_t i = 0; i < sorted_indices.size();) {
    std::size_t j = i;
    while (j + 1 < sorted_indices.size() && sorted_indices[j + 1] == sorted_indices[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += j == i ? std::to_string(sorted_indices[i])
                  : fmt::format("{}-{}", sorted_indices[i], sorted_indices[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace sliversim::sweep
