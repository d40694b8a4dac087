// Reading back a plan document (DIR/sweep.json, written by `sliversim sweep`): what merge and
// later sweeps into the same folder need, checked strictly so a foreign or edited file is refused
// with a clear message rather than misread.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sliversim::sweep {

// The plan document as read back from a sweep.json: what merge and later sweeps need.
struct PlanDocument {
  std::string name;
  std::vector<std::string> axis_keys;                    // in axis order
  std::vector<std::vector<nlohmann::json>> axis_values;  // per axis
  std::size_t seed_count = 0;
  std::vector<nlohmann::json> points;  // {"index", "params", "seed", "overrides",
                                       // "resolved_sha256"}, point i at position i
  std::string sha256;
  nlohmann::json document;  // the whole file
};

// The outcome of reading a plan file.
struct PlanFileResult {
  std::optional<PlanDocument> plan;   // set exactly when problems is empty
  std::vector<std::string> problems;  // "FILE: /pointer: expected ..., got ..."
};

// Reads the plan file at `file`: strict JSON, kind and schema_version, the layout above, and
// plan_sha256 matching the content. Never throws for bad input.
PlanFileResult read_plan_file(const std::filesystem::path& file);

}  // namespace sliversim::sweep
