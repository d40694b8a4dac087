// results_json: assembling the results file.
#include "sim/report/results.hpp"

#include <filesystem>
#include <stdexcept>

#include "sim/report/provenance.hpp"
#include "sim/report/world_json.hpp"

namespace sliversim::report {
namespace {

nlohmann::json timing_json(const Timing& t, std::uint64_t kernel_events) {
  return {{"wall_seconds", t.wall_seconds},
          {"load_seconds", t.load_seconds},
          {"world_seconds", t.world_seconds},
          {"world_events_per_second",
           t.world_seconds > 0.0 ? static_cast<double>(kernel_events) / t.world_seconds : 0.0},
          {"threads", t.threads},
          {"schemes_at_once", t.schemes_at_once},
          {"repair_blobs_at_once", t.repair_blobs_at_once},
          {"schemes_seconds", t.schemes_seconds},
          {"schemes", t.per_scheme}};
}

}  // namespace

nlohmann::json results_json(const RunRecord& record) {
  const scenario::LoadedScenario& s = *record.scenario;
  const model::WorldTrace& world = *record.world;
  const Provenance p = provenance();
  return {{"schema_version", kResultsSchemaVersion},
          {"tool",
           {{"name", "sliversim"},
            {"version", p.version},
            {"git", p.git},
            {"compiler", p.compiler},
            {"build", p.build}}},
          {"scenario",
           {{"path", std::filesystem::path(s.path).lexically_normal().generic_string()},
            {"sha256", s.sha256_hex},
            {"overrides", s.overrides},
            {"resolved", s.resolved}}},
          {"seed", world.seed},
          {"trace_digest", world.digest_hex},
          {"world", world_json(world)},
          {"schemes", record.schemes},
          {"comparison", record.comparison},
          {"timing", timing_json(record.timing, world.kernel_events)}};
}

nlohmann::json deterministic_part(nlohmann::json results) {
  results.erase("timing");
  results.erase("tool");
  return results;
}

}  // namespace sliversim::report
