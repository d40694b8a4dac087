// sliversim run end to end with all four storage schemes on a small churn scenario
// (tests/schemes/small_churn.json): the physics the totals must show, the documented keys,
// independence from the thread count, the golden results of the real schemes
// (tests/golden/schemes/small_churn.json, regenerated only by tests/golden/regenerate.sh), and the
// memory-budget refusal (exit 2, nothing written).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/cli/commands.hpp"
#include "sim/report/results.hpp"
#include "tests/file_test_support.hpp"

namespace sliversim {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSource = SLIVERSIM_SOURCE_DIR;
const std::string kScenario = (kSource / "tests" / "schemes" / "small_churn.json").string();

fs::path scratch(const std::string& name) {
  return test::scratch_dir("sliversim_schemes_test", name);
}

struct Run {
  json results;
  std::string stdout_text;
};

Run run(std::vector<std::string> args, const fs::path& out) {
  args.insert(args.begin(), kScenario);
  args.insert(args.end(), {"--quiet", "--out", out.string()});
  std::ostringstream text;
  REQUIRE(cli::cmd_run(args, text) == cli::kExitOk);
  std::ifstream in(out);
  return {json::parse(in), text.str()};
}

double per_lost_byte(const json& scheme) {
  return scheme["summary"]["bytes_per_lost_byte"].get<double>();
}

std::uint64_t repair_bytes(const json& scheme) {
  return scheme["summary"]["repair_bytes_total"].get<std::uint64_t>();
}

TEST_CASE(
    "all four schemes run on one churn trace, keep the expected order, and repeat exactly "
    "with 1, 2, 8 or 12 threads") {
  const fs::path dir = scratch("order");
  const Run r = run({"--threads", "2"}, dir / "r.json");
  const json one = report::deterministic_part(run({"--threads", "1"}, dir / "a.json").results);
  const json again = report::deterministic_part(run({"--threads", "2"}, dir / "b.json").results);
  CHECK(one.dump() == report::deterministic_part(r.results).dump());
  CHECK(again.dump() == one.dump());
  // 8 and 12 threads: the four schemes side by side, each repairing 2 or 3 blobs at once.
  for (const char* threads : {"8", "12"}) {
    INFO(threads << " threads");
    const json many =
        report::deterministic_part(run({"--threads", threads}, dir / "many.json").results);
    CHECK(many.dump() == one.dump());
  }
  // Every byte of every scheme's results, against the golden file.
  json actual = one;
  actual["scenario"].erase("path");
  std::ifstream golden_file(kSource / "tests" / "golden" / "schemes" / "small_churn.json");
  REQUIRE(golden_file.good());
  const json golden = json::parse(golden_file);
  INFO("regenerate with tests/golden/regenerate.sh if the change is intended; first differences: "
       << json::diff(golden, actual).dump().substr(0, 600));
  CHECK(actual == golden);
  const json& s = r.results["schemes"];
  REQUIRE(s.size() == 4);
  for (const char* name : {"redstuff", "rs_rebuild", "replication", "msr_bound"}) {
    INFO(name);
    REQUIRE(s.contains(name));
    CHECK(s[name]["summary"]["analytic"] == (std::string(name) == "msr_bound"));
    CHECK(s[name]["summary"]["repairs"].get<double>() > 0.0);
    CHECK(s[name]["summary"]["blobs_lost"] == 0.0);
    CHECK(s[name]["per_epoch"].size() == 3);
    CHECK(s[name]["weighting"]["blob_class_weights"]["large"] == 10.0);
    CHECK(r.stdout_text.find("  " + std::string(name)) != std::string::npos);
  }
  // Rebuilding a 4 MiB blob's piece downloads k_p = 34 pieces; RedStuff moves about its pair.
  CHECK(per_lost_byte(s["rs_rebuild"]) == doctest::Approx(34.0));
  CHECK(per_lost_byte(s["redstuff"]) < 1.5);
  CHECK(per_lost_byte(s["rs_rebuild"]) > 20.0 * per_lost_byte(s["redstuff"]));
  CHECK(per_lost_byte(s["replication"]) == doctest::Approx(1.0));
  // The cut-set bound moves no more than any erasure-coded scheme on the same losses.
  CHECK(repair_bytes(s["msr_bound"]) <= repair_bytes(s["redstuff"]));
  CHECK(repair_bytes(s["redstuff"]) < repair_bytes(s["rs_rebuild"]));
  const json& c = r.results["comparison"]["rs_rebuild_over_redstuff"];
  CHECK(c["repair_bytes_total"].get<double>() ==
        doctest::Approx(static_cast<double>(repair_bytes(s["rs_rebuild"])) /
                        static_cast<double>(repair_bytes(s["redstuff"]))));
  CHECK(r.results["comparison"].size() == 3);
}

TEST_CASE("a run over the memory budget is refused with the numbers, exit 2, nothing written") {
  const fs::path dir = scratch("memory");
  std::ostringstream ignored;
  try {
    cli::cmd_run({kScenario, "--set", "/run/memory_budget_gib=0.01", "--threads", "1", "--quiet",
                  "--out", (dir / "r.json").string()},
                 ignored);
    FAIL("expected a refusal");
  } catch (const cli::CliError& e) {
    CHECK(e.exit_code() == cli::kExitBadInput);
    REQUIRE(e.lines().size() == 1);
    CHECK(e.lines()[0].find("run.memory_budget_gib") != std::string::npos);
    CHECK(e.lines()[0].find("10737418 bytes") != std::string::npos);  // the budget
    CHECK(e.lines()[0].find("redstuff") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir / "r.json"));
}

}  // namespace
}  // namespace sliversim
