// sliversim sweep and sliversim merge end to end, in process, on a tiny churn scenario (four
// points of a fraction of a second each): the acceptance test (a sweep run as 3 shards and merged
// is byte-identical to the same sweep run whole), skipping complete points, recomputing broken
// ones, a point file equal to `sliversim run` of the same scenario, and bad input refused with
// exit 2 before anything is simulated or written.
#include <doctest/doctest.h>

#include <filesystem>
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
using test::write_text;

const fs::path kSource = SLIVERSIM_SOURCE_DIR;

// 2 blob sizes x 2 seeds of a 3-day, 20-node world with failures, all four schemes.
constexpr const char* kSweep = R"({"description": "tests/sweep_cli_test.cpp", "sweep": {
  "name": "acceptance", "seeds": [1, 2],
  "base": {"run": {"duration_days": 3}, "shards": {"n": 100}, "epochs": {"length_hours": 24},
    "nodes": {"count": 20, "classes": [{"name": "all", "fraction": 1, "churn": {
      "permanent_failures": {"lifetime_days": {"dist": "exponential", "mean_days": 15}},
      "transient_outages": {"rate_per_year": 50,
                            "duration_hours": {"dist": "fixed", "value_hours": 2}}}}]},
    "blobs": [{"name": "b", "initial_count": 2, "weight": 10,
               "size_bytes": {"dist": "fixed", "value_bytes": 65536}}]},
  "axes": [{"key": "/blobs/0/size_bytes/value_bytes", "values": [65536, 262144]}]}})";

fs::path scratch(const std::string& name) {
  return test::scratch_dir("sliversim_sweep_cli_test", name);
}

// The sweep file kSweep in `dir`.
fs::path sweep_file(const fs::path& dir, const std::string& text = kSweep) {
  write_text(dir / "sweep_file.json", text);
  return dir / "sweep_file.json";
}

// Runs a command that must succeed; returns its stdout.
std::string ok(int (*command)(const cli::Args&, std::ostream&), const cli::Args& args) {
  std::ostringstream out;
  REQUIRE(command(args, out) == cli::kExitOk);
  return out.str();
}

// The CliError of a command that must fail.
cli::CliError error_of(int (*command)(const cli::Args&, std::ostream&), const cli::Args& args) {
  std::ostringstream ignored;
  try {
    command(args, ignored);
  } catch (const cli::CliError& e) {
    return e;
  }
  FAIL("expected the command to fail");
  return cli::CliError("unreachable");
}

std::string all_lines(const cli::CliError& e) {
  std::string text;
  for (const auto& line : e.lines()) text += line + "\n";
  return text;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST_CASE("a sweep run as 3 shards and merged is byte-identical to the sweep run whole") {
  const fs::path dir = scratch("acceptance");
  const std::string sweep = sweep_file(dir).string();
  const std::string whole = (dir / "whole").string();
  const std::string sharded = (dir / "sharded").string();
  ok(cli::cmd_sweep, {sweep, "--out-dir", whole, "--quiet", "--threads", "1"});
  for (const char* shard : {"2/3", "0/3", "1/3"}) {  // any order, any thread count
    ok(cli::cmd_sweep,
       {sweep, "--out-dir", sharded, "--shard", shard, "--quiet", "--threads", "2"});
  }
  ok(cli::cmd_merge, {whole, "--out", (dir / "whole.csv").string()});
  ok(cli::cmd_merge, {sharded, "--out", (dir / "sharded.csv").string()});
  const std::string csv = read_text(dir / "whole.csv");
  CHECK(csv == read_text(dir / "sharded.csv"));
  CHECK(read_text(dir / "whole.json") == read_text(dir / "sharded.json"));
  CHECK(csv.find("/blobs/0/size_bytes/value_bytes,metric,n,mean,stdev,ci95_low,ci95_high\n") == 0);
  CHECK(count_of(csv, "\n65536,/comparison/rs_rebuild_over_redstuff/repair_bytes_total,2,") == 1);
  CHECK(count_of(csv, "\n262144,/schemes/redstuff/summary/repair_bytes_total,2,") == 1);
  const json table = json::parse(read_text(dir / "whole.json"));
  CHECK(table["kind"] == "sliversim-merged-sweep");
  CHECK(table["sweep"]["axes"][0]["values"] == json({65536, 262144}));
  CHECK(table["rows"].size() > 100);
  for (std::size_t i = 0; i < 4; ++i) {
    const std::string name = "point-0000" + std::to_string(i) + ".json";
    CHECK(report::deterministic_part(json::parse(read_text(fs::path(whole) / name))) ==
          report::deterministic_part(json::parse(read_text(fs::path(sharded) / name))));
  }
}

TEST_CASE("a point's file is what sliversim run writes for its scenario, plus the sweep object") {
  const fs::path dir = scratch("same_as_run");
  const std::string sweep = sweep_file(dir).string();
  ok(cli::cmd_sweep, {sweep, "--out-dir", (dir / "out").string(), "--quiet", "--shard", "3/4"});
  const json point = json::parse(read_text(dir / "out" / "point-00003.json"));
  CHECK(point["sweep"] == json({{"name", "acceptance"},
                                {"index", 3},
                                {"params", {{"/blobs/0/size_bytes/value_bytes", 262144}}},
                                {"seed", 2},
                                {"plan_sha256", point["sweep"]["plan_sha256"]}}));
  CHECK(point["scenario"]["overrides"] ==
        json({"/blobs/0/size_bytes/value_bytes=262144", "/run/seed=2"}));
  // The same scenario through `sliversim run`: the inline base as a file, the same overrides.
  write_text(dir / "base.json", json::parse(kSweep)["sweep"]["base"].dump());
  ok(cli::cmd_run, {(dir / "base.json").string(), "--set", "/blobs/0/size_bytes/value_bytes=262144",
                    "--set", "/run/seed=2", "--quiet", "--out", (dir / "run.json").string()});
  json run = report::deterministic_part(json::parse(read_text(dir / "run.json")));
  json swept = report::deterministic_part(point);
  swept.erase("sweep");
  for (json* j : {&run, &swept}) {
    (*j)["scenario"].erase("path");
    (*j)["scenario"].erase("sha256");  // the inline base is hashed as compact JSON
  }
  CHECK(run == swept);
}

TEST_CASE("complete points are skipped; broken or stale ones are recomputed") {
  const fs::path dir = scratch("skip");
  const std::string sweep = sweep_file(dir).string();
  const fs::path out = dir / "out";
  ok(cli::cmd_sweep, {sweep, "--out-dir", out.string(), "--quiet"});
  const std::string before = read_text(out / "point-00001.json");
  std::string text = ok(cli::cmd_sweep, {sweep, "--out-dir", out.string()});
  CHECK(count_of(text, ": skipped, already complete\n") == 4);
  CHECK(text.find("0 run, 4 already complete") != std::string::npos);
  CHECK(read_text(out / "point-00001.json") == before);  // not rewritten: same timing bytes

  write_text(out / "point-00001.json", before.substr(0, before.size() / 2));  // interrupted copy
  json stale = json::parse(read_text(out / "point-00002.json"));
  stale["scenario"]["resolved"]["run"]["duration_days"] = 2;
  write_text(out / "point-00002.json", stale.dump());
  text = ok(cli::cmd_sweep, {sweep, "--out-dir", out.string()});
  CHECK(text.find("[2/4] point-00001.json (/blobs/0/size_bytes/value_bytes=65536, seed 2): "
                  "recomputing (not a complete JSON file)\n") != std::string::npos);
  CHECK(text.find("point-00002.json (/blobs/0/size_bytes/value_bytes=262144, seed 1): "
                  "recomputing (another resolved scenario)\n") != std::string::npos);
  CHECK(text.find("2 run, 2 already complete") != std::string::npos);
  CHECK(report::deterministic_part(json::parse(read_text(out / "point-00001.json"))) ==
        report::deterministic_part(json::parse(before)));
  for (const auto& entry : fs::directory_iterator(out)) {
    CHECK(entry.path().filename().string().find(".tmp") == std::string::npos);
  }
}

TEST_CASE("--dry-run lists the shard's points and writes nothing") {
  const fs::path dir = scratch("dry_run");
  const std::string text =
      ok(cli::cmd_sweep, {sweep_file(dir).string(), "--out-dir", (dir / "out").string(),
                          "--dry-run", "--shard", "1/2"});
  CHECK(text ==
        "sweep acceptance: 4 points (2 parameter combinations x 2 seeds); shard 1/2 has 2\n"
        "[1/2] point-00001.json (/blobs/0/size_bytes/value_bytes=65536, seed 2): to run\n"
        "[2/2] point-00003.json (/blobs/0/size_bytes/value_bytes=262144, seed 2): to run\n");
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("bad shard specs and options are refused with exit 2") {
  const fs::path dir = scratch("bad_options");
  const std::string sweep = sweep_file(dir).string();
  const std::string out = (dir / "out").string();
  for (const char* shard : {"3/3", "a/b"}) {
    const cli::CliError e = error_of(cli::cmd_sweep, {sweep, "--out-dir", out, "--shard", shard});
    CHECK(e.exit_code() == cli::kExitBadInput);
    CHECK(all_lines(e).find(std::string("sweep: --shard: expected I/N with integers 0 <= I < N <= "
                                        "1000000, got \"") +
                            shard + "\"") == 0);
  }
  CHECK(all_lines(error_of(cli::cmd_sweep, {sweep})) ==
        "sweep: --out-dir: expected a folder, got none\n");
  CHECK(error_of(cli::cmd_sweep, {sweep, "--out-dir", out, "--threads", "x"}).exit_code() ==
        cli::kExitBadInput);
  CHECK(all_lines(error_of(cli::cmd_merge, {out})) ==
        "merge: --out: expected a CSV file, got none\n");
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("invalid sweeps are refused with exit 2 before anything runs or is written") {
  const fs::path dir = scratch("invalid");
  const fs::path out = dir / "out";
  const auto refused = [&](const std::string& text) {
    const cli::CliError e =
        error_of(cli::cmd_sweep, {sweep_file(dir, text).string(), "--out-dir", out.string()});
    CHECK(e.exit_code() == cli::kExitBadInput);
    CHECK_FALSE(fs::exists(out));
    return all_lines(e);
  };
  const std::string file = (dir / "sweep_file.json").string();
  std::string text = kSweep;
  text.replace(text.find("\"/blobs/0/size_bytes/value_bytes\""), 33, "\"/blobs/0/size_byte\"");
  CHECK(refused(text) == file +
                             ": /sweep/axes/0/key: /blobs/0/size_byte: expected one of the "
                             "keys \"name\", \"initial_count\", \"write_rate_per_day\", "
                             "\"size_bytes\", \"lifetime_epochs\", \"weight\", got "
                             "\"size_byte\" (did you mean \"size_bytes\"?)\n");
  text = kSweep;
  text.replace(text.find("[65536, 262144]"), 15, "[]");
  CHECK(refused(text) == file +
                             ": /sweep/axes/0/values: expected an array of 1 to 10000 values, "
                             "got an empty array\n");
  text = kSweep;
  text.replace(text.find("[65536, 262144]"), 15, "[65536, -1]");
  CHECK(refused(text).find(file + ": points 2-3 (of 4): " + file +
                           "#/sweep/base: /blobs/0/size_bytes/value_bytes: expected number in [0, "
                           "1000000000000], got -1 (from --set "
                           "/blobs/0/size_bytes/value_bytes=-1)\n") == 0);
}

TEST_CASE("a sweep with points over the memory budget is refused before any point runs") {
  const fs::path dir = scratch("over_budget");
  const fs::path out = dir / "out";
  std::string text = kSweep;
  text.replace(text.find("\"/blobs/0/size_bytes/value_bytes\", \"values\": [65536, 262144]"), 60,
               "\"/run/memory_budget_gib\", \"values\": [20, 0.001]");
  const cli::CliError e =
      error_of(cli::cmd_sweep, {sweep_file(dir, text).string(), "--out-dir", out.string()});
  CHECK(e.exit_code() == cli::kExitBadInput);
  CHECK_FALSE(fs::exists(out));  // not even the plan: nothing ran
  // The two points with the small budget (one per seed), each named with the budget's numbers.
  const std::string lines = all_lines(e);
  CHECK(count_of(lines, "run.memory_budget_gib: the largest scheme alone needs") == 2);
  CHECK(e.lines().size() == 2);
  for (const std::string& line : e.lines()) {
    CHECK(line.find("point-0000") == 0);
    CHECK(line.find("1073742 bytes") != std::string::npos);  // 0.001 GiB, rounded
  }
}

TEST_CASE("a folder holding another sweep's plan is refused") {
  const fs::path dir = scratch("other_plan");
  const fs::path out = dir / "out";
  ok(cli::cmd_sweep,
     {sweep_file(dir).string(), "--out-dir", out.string(), "--quiet", "--shard", "0/4"});
  std::string other = kSweep;
  other.replace(other.find("[1, 2]"), 6, "[1, 3]");
  const cli::CliError e =
      error_of(cli::cmd_sweep, {sweep_file(dir, other).string(), "--out-dir", out.string()});
  CHECK(e.exit_code() == cli::kExitBadInput);
  CHECK(all_lines(e).find((out / "sweep.json").string() + ": expected the plan of ") == 0);
  CHECK(all_lines(e).find("use another --out-dir") != std::string::npos);
  const cli::CliError dry = error_of(
      cli::cmd_sweep, {sweep_file(dir, other).string(), "--out-dir", out.string(), "--dry-run"});
  CHECK(all_lines(dry) == all_lines(e));  // a dry run makes the checks a run makes
}

TEST_CASE("merge reports missing points, and merges them only with --allow-missing") {
  const fs::path dir = scratch("merge_missing");
  const std::string sweep = sweep_file(dir).string();
  const std::string out = (dir / "out").string();
  ok(cli::cmd_sweep, {sweep, "--out-dir", out, "--quiet", "--shard", "0/2"});
  const cli::CliError e = error_of(cli::cmd_merge, {out, "--out", (dir / "t.csv").string()});
  CHECK(e.exit_code() == cli::kExitBadInput);
  CHECK(all_lines(e) == out +
                            ": expected all 4 points of sweep \"acceptance\", got 2 missing: 1, "
                            "3 (run the missing shards again, or merge with --allow-missing)\n");
  CHECK_FALSE(fs::exists(dir / "t.csv"));
  const std::string text =
      ok(cli::cmd_merge,
         {out, "--out", (dir / "t.csv").string(), "--json", (dir / "j" / "t.json").string(),
          "--allow-missing", "--metric", "/schemes/*/summary/repair_bytes_total"});
  CHECK(text.find("merge acceptance: 2 of 4 points, 8 rows\n") == 0);
  CHECK(text.find("warning: 2 points missing and left out: 1, 3\n") != std::string::npos);
  CHECK(json::parse(read_text(dir / "j" / "t.json"))["missing_points"] == json({1, 3}));
}

TEST_CASE("validate checks every point of a sweep file") {
  const fs::path dir = scratch("validate");
  CHECK(ok(cli::cmd_validate, {sweep_file(dir).string()}) ==
        (dir / "sweep_file.json").string() +
            ": ok\n  sweep acceptance: 4 points, each a valid scenario\n");
  std::string bad = kSweep;
  bad.replace(bad.find("[65536, 262144]"), 15, "[65536, -1]");
  const cli::CliError e = error_of(cli::cmd_validate, {sweep_file(dir, bad).string()});
  CHECK(e.exit_code() == cli::kExitBadInput);
  CHECK(all_lines(e).find("points 2-3 (of 4)") != std::string::npos);
  for (const char* name : {"blob_size_sweep.json", "shard_count_sweep.json"}) {
    const std::string path = (kSource / "scenarios" / name).string();
    CHECK(ok(cli::cmd_validate, {path}).find(path + ": ok\n  sweep ") == 0);
  }
}

}  // namespace
}  // namespace sliversim
