// Shared inputs of the compare tests: a small results document shaped like `sliversim run`'s.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace sliversim::compare::testing {

// A results document: schema_version 1, a scenario (sha256 "aa..", resolved with run.seed 7),
// seed 7, trace_digest, schemes redstuff and rs_rebuild (summary with repair_bytes_total 1000
// and 4000, repair_seconds p50/max, epoch_change_seconds completed/epochs/p50, repairs,
// bytes_per_lost_byte null, a boolean and a string; a 3-epoch per_epoch series), a comparison
// ratio, and timing.
nlohmann::json sample_results();

// Writes `text` to a fresh file named `name` in a per-process scratch folder; returns its path.
std::filesystem::path write_scratch_file(const std::string& name, const std::string& text);

}  // namespace sliversim::compare::testing
