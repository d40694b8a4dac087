// Command-line overrides: `--set /json/pointer=value` changes one key of a scenario before it is
// validated, so an overridden value gets exactly the checks of a value in the file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/scenario/problem.hpp"
#include "sim/scenario/spec.hpp"

namespace sliversim::scenario {

// One parsed override.
struct Override {
  std::string text;      // as given: "/nodes/count=150"
  std::string pointer;   // "/nodes/count"
  nlohmann::json value;  // the text after the first '=' parsed as JSON, or that text as a string
                         // when it is not JSON ("hello" -> "hello", "150" -> 150)
  std::string applied_pointer;  // set by apply_overrides: where the value went ("-" resolved to
                                // the index), or "" when it could not be applied
};

// Parses "POINTER=VALUE". POINTER must start with '/'. Returns nullopt and appends a problem
// (where = "--set") when the text is malformed or the value is JSON with a duplicate key.
std::optional<Override> parse_override(const std::string& text, Problems& out);

// Applies `overrides` in order to `document`. Each pointer must name a key the schema `root`
// knows (unknown keys get "did you mean"); an array step must be an existing index or "-"
// (append). Absent objects on the way are created (arrays from their default). A problem names
// the pointer and ends with "(from --set TEXT)"; that override is skipped. Sets each override's
// applied_pointer. REQUIRES: `root` is a kObject spec.
void apply_overrides(const Spec& root, std::vector<Override>& overrides, nlohmann::json& document,
                     Problems& out);

}  // namespace sliversim::scenario
