// The compare tests' sample results document and scratch files.
#include "sim/compare/compare_test_support.hpp"

#include <unistd.h>

#include <fstream>

namespace sliversim::compare::testing {

nlohmann::json sample_results() {
  return nlohmann::json::parse(R"({
  "schema_version": 1,
  "tool": {"name": "sliversim", "version": "0.1.0", "git": "abc"},
  "scenario": {"path": "s.json", "sha256": "aaaa", "overrides": [],
               "resolved": {"run": {"seed": 7, "duration_days": 3}, "shards": {"n": 100}}},
  "seed": 7,
  "trace_digest": "d1",
  "schemes": {
    "redstuff": {
      "analytic": false,
      "summary": {"repair_bytes_total": 1000, "repairs": 10.0, "bytes_per_lost_byte": null,
                  "analytic": false, "label": "real",
                  "repair_seconds": {"p50": 2.0, "max": 5.0},
                  "epoch_change_seconds": {"completed": 3, "epochs": 3, "p50": 1.5}},
      "per_epoch": [{"epoch": 0, "repair_bytes_total": 0}, {"epoch": 1, "repair_bytes_total": 400},
                    {"epoch": 2, "repair_bytes_total": 600}],
      "simulation": {"kernel_events": 46}
    },
    "rs_rebuild": {
      "summary": {"repair_bytes_total": 4000, "repairs": 10.0, "bytes_per_lost_byte": 4.0,
                  "repair_seconds": {"p50": 3.0, "max": 6.0},
                  "epoch_change_seconds": {"completed": 3, "epochs": 3, "p50": 1.5}},
      "per_epoch": [{"epoch": 0, "repair_bytes_total": 0},
                    {"epoch": 1, "repair_bytes_total": 1600},
                    {"epoch": 2, "repair_bytes_total": 2400}]
    }
  },
  "comparison": {"rs_rebuild_over_redstuff": {"repair_bytes_total": 4.0}},
  "timing": {"wall_seconds": 1.25, "threads": 2}
})");
}

std::filesystem::path write_scratch_file(const std::string& name, const std::string& text) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("sliversim_compare_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / name;
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  return path;
}

}  // namespace sliversim::compare::testing
