// Expanding a sweep's grid into points. Points are numbered in one fixed order: parameter
// combinations in axis order with the last axis changing fastest (or, with zip, the axes' values
// taken element by element), and the seeds innermost; so point i is combination i / #seeds with
// seed #(i % #seeds). A point's scenario is the base with one --set override per axis and
// "/run/seed=SEED".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/sweep/sweep_file.hpp"

namespace sliversim::sweep {

// One point of a sweep.
struct SweepPoint {
  std::size_t index = 0;               // position in the fixed order, from 0
  std::size_t combination = 0;         // index / #seeds: the parameter combination
  std::vector<nlohmann::json> values;  // one per axis, in axis order
  std::uint64_t seed = 0;
};

// How many parameter combinations `grid` has: 1 without axes, the first axis's length with zip,
// else the product of the axes' lengths. REQUIRES: `grid` was checked by load_sweep_file (zip
// axes of equal length, at most kMaxPoints points).
std::size_t combination_count(const Grid& grid);

// Every point of `grid` in the fixed order (combination_count(grid) * grid.seeds.size() points).
// REQUIRES: as combination_count.
std::vector<SweepPoint> expand_grid(const Grid& grid);

// The point's --set overrides: "POINTER=VALUE" per axis in axis order (VALUE as compact JSON),
// then "/run/seed=SEED".
std::vector<std::string> point_overrides(const Grid& grid, const SweepPoint& point);

// The point's parameters: {axis key as written: value}.
nlohmann::json point_params(const Grid& grid, const SweepPoint& point);

// A short description of the point for progress and problems: "/shards/n=10, seed 2".
std::string point_label(const Grid& grid, const SweepPoint& point);

// "0-3, 7, 9-10": point indices (sorted ascending) as ranges.
std::string index_ranges(const std::vector<std::size_t>& sorted_indices);

}  // namespace sliversim::sweep
