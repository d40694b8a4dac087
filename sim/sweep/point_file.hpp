// The results file of one sweep point: DIR/point-NNNNN.json (the index in five digits), the
// results JSON of `sliversim run` for the point's scenario plus a "sweep" object
// {"name", "index", "params", "seed", "plan_sha256"} naming the plan it belongs to. Files are
// written to a temporary name and renamed, so an interrupted sweep never leaves a half file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/sweep/sweep_plan.hpp"

namespace sliversim::sweep {

// "point-00042.json". REQUIRES: index < kMaxPoints.
std::string point_file_name(std::size_t index);

// The index of a point file name ("point-00042.json" -> 42), or nullopt for any other name.
std::optional<std::size_t> parse_point_file_name(std::string_view name);

// The "sweep" object of `point`'s results file.
nlohmann::json point_sweep_block(const SweepPlan& plan, const PlannedPoint& point);

// Why the file at `file` cannot stand for `point` (so the point must be computed again), or ""
// when it can: it must parse as JSON, have schema_version == `results_schema_version`, the
// "schemes" and "comparison" objects, the same resolved scenario, and exactly the point's sweep
// object. A missing file gives "no such file".
std::string existing_point_problem(const std::filesystem::path& file, const SweepPlan& plan,
                                   const PlannedPoint& point, int results_schema_version);

// Writes `text` to `path` through a temporary file in the same folder and a rename, so readers
// see the old file or the whole new one. Throws std::runtime_error naming the path on failure.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace sliversim::sweep
