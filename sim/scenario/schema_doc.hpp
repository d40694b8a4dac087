// The key reference of scenarios/README.md, generated from the schema so it cannot drift: one
// markdown table per object (key, type, unit, default, allowed values, meaning), the distribution
// kinds, and the topology file's keys. `sliversim scenario-doc` prints or rewrites it; a test
// fails when the README's copy differs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sim/scenario/spec.hpp"

namespace sliversim::scenario {

// The marker lines around the generated part of scenarios/README.md.
inline constexpr std::string_view kGeneratedBegin =
    "<!-- BEGIN GENERATED KEY REFERENCE: `sliversim scenario-doc --write scenarios/README.md` "
    "rewrites this part; do not edit it by hand -->";
inline constexpr std::string_view kGeneratedEnd = "<!-- END GENERATED KEY REFERENCE -->";

// Markdown tables for every object reachable from `root`, headed by their JSON pointers
// (arrays' items as "/path/*"), in schema order. `title` heads the root's table.
std::string key_reference(const Spec& root, const std::string& title);

// The whole generated part: scenario keys, distribution kinds, topology file keys (without the
// markers).
std::string scenario_reference();

// The text between the markers `begin` and `end` of `readme` (exclusive, starting after the
// begin marker's line), or nullopt when the markers are missing or out of order. Without markers:
// kGeneratedBegin and kGeneratedEnd.
std::optional<std::string> generated_section(std::string_view readme,
                                             std::string_view begin = kGeneratedBegin,
                                             std::string_view end = kGeneratedEnd);

// `readme` with the text between its markers replaced by `generated`, or nullopt when the markers
// are missing or out of order. Without markers: kGeneratedBegin and kGeneratedEnd.
std::optional<std::string> with_generated_section(std::string_view readme,
                                                  std::string_view generated,
                                                  std::string_view begin = kGeneratedBegin,
                                                  std::string_view end = kGeneratedEnd);

}  // namespace sliversim::scenario
