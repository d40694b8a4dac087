// sliversim run end to end, in process: the results file's keys, determinism, --seed, the event
// log, bad input (exit 2, nothing written) and the golden results of every scenario in
// scenarios/ (tests/golden/, regenerated only by tests/golden/regenerate.sh), all with only the
// analytic msr_bound scheme (kWorldOnly).
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
using test::read_text;

const fs::path kSource = SLIVERSIM_SOURCE_DIR;

fs::path scratch(const std::string& name) { return test::scratch_dir("sliversim_run_test", name); }

std::string scenario_path(const std::string& name) {
  return (kSource / "scenarios" / name).string();
}

// The overrides that leave only the analytic msr_bound scheme on (a scenario needs one): the tests
// here are about the world and the results file, and stay fast; the real schemes have their own
// end-to-end tests (tests/schemes_run_test.cpp).
const std::vector<std::string> kWorldOnly = {"--set", "/schemes/redstuff/enabled=false",
                                             "--set", "/schemes/rs_rebuild/enabled=false",
                                             "--set", "/schemes/replication/enabled=false"};

// args followed by kWorldOnly.
std::vector<std::string> world_only(std::vector<std::string> args) {
  args.insert(args.end(), kWorldOnly.begin(), kWorldOnly.end());
  return args;
}

// Runs `sliversim run` with args plus --quiet --out FILE and returns the results file's text.
std::string run_text(std::vector<std::string> args, const fs::path& out) {
  args.insert(args.end(), {"--quiet", "--out", out.string()});
  std::ostringstream stdout_text;
  REQUIRE(cli::cmd_run(args, stdout_text) == cli::kExitOk);
  CHECK(stdout_text.str().find("trace digest: ") != std::string::npos);
  return read_text(out);
}

json run_json(std::vector<std::string> args, const fs::path& out) {
  return json::parse(run_text(std::move(args), out));
}

// The CliError of a run that must fail.
cli::CliError run_error(const std::vector<std::string>& args) {
  std::ostringstream ignored;
  try {
    cli::cmd_run(args, ignored);
  } catch (const cli::CliError& e) {
    return e;
  }
  FAIL("expected sliversim run to fail");
  return cli::CliError("unreachable");
}

}  // namespace

TEST_CASE("run writes the documented results keys, integers as integers") {
  const fs::path dir = scratch("keys");
  const json r = run_json(world_only({scenario_path("world_churn_mix.json")}), dir / "r.json");
  CHECK(r["schema_version"] == 1);
  CHECK(r["tool"]["name"] == "sliversim");
  for (const char* key : {"version", "git", "compiler", "build"}) CHECK(r["tool"][key].is_string());
  CHECK(r["scenario"]["path"] == scenario_path("world_churn_mix.json"));
  CHECK(r["scenario"]["sha256"].get<std::string>().size() == 64);
  CHECK(r["scenario"]["resolved"]["run"]["seed"] == 3);
  CHECK(r["seed"] == 3);
  CHECK(r["trace_digest"].get<std::string>().size() == 32);
  CHECK(r["schemes"].size() == 1);
  CHECK(r["schemes"]["msr_bound"]["summary"]["repair_bytes_total"].is_number_integer());
  CHECK(r["comparison"] == json::object());  // no redstuff to compare with
  for (const char* key :
       {"wall_seconds", "load_seconds", "world_seconds", "world_events_per_second"}) {
    CHECK(r["timing"][key].is_number());
  }
  const json& world = r["world"];
  REQUIRE(world["per_epoch"].size() == 10);
  const json& e1 = world["per_epoch"][1];
  for (const char* key :
       {"epoch", "start_us", "end_us", "committee_size", "alive_nodes", "deaths", "joins", "leaves",
        "shard_moves", "cooperative_moves", "blobs_written", "blobs_expired", "challenge_rounds"}) {
    INFO(key);
    CHECK(e1[key].is_number_integer());
  }
  for (const char* kind : {"permanent", "transient", "correlated", "trace"}) {
    CHECK(e1["failures"][kind].is_number_integer());
  }
  CHECK(e1["start_days"] == 1.0);
  CHECK(world["summary"]["epochs"] == 10);
  CHECK(world["summary"]["shard_moves"].is_number_integer());
}

TEST_CASE("the same scenario and seed twice give byte-identical results apart from timing") {
  const fs::path dir = scratch("determinism");
  const std::string a = run_text(
      world_only({scenario_path("world_churn_mix.json"), "--threads", "1"}), dir / "a.json");
  const std::string b = run_text(
      world_only({scenario_path("world_churn_mix.json"), "--threads", "2"}), dir / "b.json");
  json ja = json::parse(a);
  json jb = json::parse(b);
  CHECK(a == ja.dump(2) + "\n");  // the file is the canonical dump, so equal values = equal bytes
  CHECK(ja["timing"] != jb["timing"]);
  ja.erase("timing");
  jb.erase("timing");
  CHECK(ja.dump(2) == jb.dump(2));
}

TEST_CASE("--seed sets the seed, shows in the resolved scenario and changes the digest") {
  const fs::path dir = scratch("seed");
  const json base = run_json(world_only({scenario_path("world_churn_mix.json")}), dir / "a.json");
  const json seeded =
      run_json(world_only({scenario_path("world_churn_mix.json"), "--seed", "11"}), dir / "b.json");
  CHECK(seeded["seed"] == 11);
  CHECK(seeded["scenario"]["resolved"]["run"]["seed"] == 11);
  CHECK(seeded["scenario"]["overrides"].back() == "/run/seed=11");
  CHECK(seeded["trace_digest"] != base["trace_digest"]);
  CHECK(seeded["world"] != base["world"]);
}

TEST_CASE("--events writes one JSON object per world event, in time order") {
  const fs::path dir = scratch("events");
  const json r = run_json(
      world_only({scenario_path("world_churn_mix.json"), "--events", (dir / "e.jsonl").string()}),
      dir / "r.json");
  std::ifstream log(dir / "e.jsonl");
  std::string line;
  std::size_t lines = 0;
  std::int64_t last_time = 0;
  std::size_t epoch_starts = 0;
  while (std::getline(log, line)) {
    const json e = json::parse(line);
    CHECK(e["time_us"].get<std::int64_t>() >= last_time);
    last_time = e["time_us"].get<std::int64_t>();
    epoch_starts += e["kind"] == "epoch_start" ? 1U : 0U;
    ++lines;
  }
  CHECK(lines == r["world"]["summary"]["world_events"].get<std::size_t>());
  CHECK(epoch_starts == 10);
}

TEST_CASE("a scenario with mistakes is refused with every problem, exit 2, nothing written") {
  const fs::path dir = scratch("invalid");
  std::ofstream(dir / "bad.json")
      << R"({"run": {"seed": 3.7}, "nodes": {"count": -1}, "shardz": {}})";
  const cli::CliError e =
      run_error({(dir / "bad.json").string(), "--quiet", "--out", (dir / "r.json").string()});
  CHECK(e.exit_code() == cli::kExitBadInput);
  CHECK(e.lines().size() == 3);
  CHECK_FALSE(fs::exists(dir / "r.json"));
}

TEST_CASE("bad options and oversized worlds are refused with exit 2") {
  const std::string minimal = scenario_path("minimal.json");
  CHECK(run_error({minimal, "--seed", "-1"}).exit_code() == cli::kExitBadInput);
  CHECK(run_error({minimal, "--seed", "18446744073709551616"}).exit_code() == cli::kExitBadInput);
  CHECK(run_error({minimal, "--threads", "x"}).exit_code() == cli::kExitBadInput);
  CHECK(run_error({}).exit_code() == cli::kExitBadInput);
  CHECK(run_error({minimal, minimal}).exit_code() == cli::kExitBadInput);
  const cli::CliError limits =
      run_error({minimal, "--set", "/epochs/length_hours=1e-5", "--set",
                 "/epochs/sync_timeout_hours=1e-6", "--set", "/run/duration_days=36500"});
  CHECK(limits.exit_code() == cli::kExitBadInput);
  REQUIRE(limits.lines().size() == 1);
  CHECK(limits.lines()[0].find("/epochs/length_hours: expected at most") != std::string::npos);
}

TEST_CASE("every scenario in scenarios/ reproduces its golden results") {
  const fs::path dir = scratch("golden");
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "scenarios")) {
    if (entry.path().extension() != ".json") continue;
    if (json::parse(read_text(entry.path())).contains("sweep")) continue;  // a sweep, not a run
    const std::string stem = entry.path().stem().string();
    INFO("scenario " << stem
                     << " (regenerate with tests/golden/regenerate.sh if the change is "
                        "intended)");
    const fs::path golden_path = kSource / "tests" / "golden" / (stem + ".json");
    REQUIRE(fs::exists(golden_path));
    json actual = report::deterministic_part(
        run_json(world_only({entry.path().string()}), dir / (stem + ".json")));
    actual["scenario"].erase("path");
    const json golden = json::parse(read_text(golden_path));
    INFO("first differences: " << json::diff(golden, actual).dump().substr(0, 600));
    CHECK(actual == golden);
    ++checked;
  }
  CHECK(checked >= 7);
}

}  // namespace sliversim
