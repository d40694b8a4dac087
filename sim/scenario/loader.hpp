// Loading a scenario: the one entry point the commands use. Reads the file, parses it strictly,
// applies --set overrides, validates every key, fills defaults, reads the files it refers to
// (topology, trace), runs the cross-field checks, and returns either the config or every problem.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/scenario/config.hpp"

namespace sliversim::scenario {

// A valid scenario.
struct LoadedScenario {
  std::string path;                    // as given to load_scenario
  std::string sha256_hex;              // SHA-256 of the file's bytes, lowercase hex (64 chars)
  ScenarioConfig config;               // everything the simulation reads
  nlohmann::json resolved;             // the scenario with overrides applied and every default
                                       // filled in (what results echo as scenario.resolved)
  std::vector<std::string> overrides;  // the --set texts applied, in order
};

// The outcome of loading: a scenario, or the problems that prevent it.
struct LoadResult {
  std::optional<LoadedScenario> scenario;  // set exactly when problems is empty
  std::vector<std::string> problems;       // one per mistake: "FILE: /json/pointer: expected ...,
                                           // got ..." (FILE may be a referenced topology or trace
                                           // file; problems of an override end "(from --set ...)")
};

// Loads the scenario file at `path` with `overrides` ("/json/pointer=value" each, applied in
// order before validation). Never throws for bad input; every problem found is listed.
LoadResult load_scenario(const std::string& path, const std::vector<std::string>& overrides);

// Loads a scenario from `text`; `display_name` names it in problems and LoadedScenario::path;
// referenced files are looked up relative to `base_dir`. The SHA-256 is that of `text`.
LoadResult load_scenario_text(std::string_view text, const std::string& display_name,
                              const std::filesystem::path& base_dir,
                              const std::vector<std::string>& overrides);

// Lowercase hex SHA-256 of `bytes` (libsodium's crypto_hash_sha256).
std::string sha256_hex(std::string_view bytes);

}  // namespace sliversim::scenario
