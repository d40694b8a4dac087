// Validates a JSON document against its Spec and builds the resolved document. Types and ranges
// are checked before any value is converted; every problem is collected, none stops the walk.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "sim/scenario/problem.hpp"
#include "sim/scenario/spec.hpp"

namespace sliversim::scenario {

// What validation needs besides the document.
struct ValidationContext {
  std::filesystem::path base_dir;  // kPath values are relative to this folder
};

// Checks `document` against `root` (a kObject or kVariant spec) and appends one problem per
// mistake to `out`: wrong type, out of range, not a choice, unknown key (with "did you mean"),
// missing required key, missing file, repeated name, and the specs' own checks.
// Returns the resolved document: every valid value, with defaults filled in for absent keys and
// null for absent nullable keys. Invalid values are left out of it (an array with an invalid
// item is left out whole), so binding the result never sees a bad value.
nlohmann::json validate_document(const Spec& root, const nlohmann::json& document,
                                 const ValidationContext& context, Problems& out);

}  // namespace sliversim::scenario
