// The schema of a scenario file: every key, with its type, unit, default, range and doc, bound to
// the members of ScenarioConfig (config.hpp). scenarios/README.md's key reference is generated
// from it (schema_doc.hpp).
#pragma once

#include <cstdint>

#include "sim/scenario/config.hpp"
#include "sim/scenario/spec_builders.hpp"

namespace sliversim::scenario {

// Limits shared by the schema and the cross-field checks.
inline constexpr std::int64_t kMinShards = 4;
inline constexpr std::int64_t kMaxShards = 8192;
inline constexpr std::int64_t kMaxNodes = 100000;
inline constexpr double kMaxDays = 36500.0;  // 100 years
inline constexpr double kMaxHours = kMaxDays * 24.0;
inline constexpr double kMaxRatePerYear = 1.0e6;
inline constexpr double kMaxRatePerDay = 1.0e6;
inline constexpr double kMaxMbps = 1.0e7;  // 10 Tbit/s
inline constexpr double kMaxGbps = 1.0e6;
inline constexpr double kMaxLatencyMs = 1.0e5;
inline constexpr double kMaxStake = 1.0e18;
inline constexpr double kMaxBlobBytes = 1.0e12;  // above the largest blob at kMaxShards (9.8e11);
                                                 // the cross-field check applies the bound for n
inline constexpr std::uint32_t kDefaultNodeCount = 120;

// The whole scenario (built once; thread-safe to call).
const StructSpec<ScenarioConfig>& scenario_spec();

// The "nodes" section (part of scenario_spec; exposed for node_schema.cpp's caller).
StructSpec<NodesConfig> nodes_spec();

}  // namespace sliversim::scenario
