// Merging a sweep folder: statistics per parameter combination with known answers, which leaves
// are metrics, the exact CSV and JSON text, and refusals (foreign, missing and stray point files,
// bad --metric patterns). Point files here are made by hand, so no simulation runs.
#include "sim/sweep/sweep_merge.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>

#include "sim/sweep/merged_output.hpp"
#include "sim/sweep/point_file.hpp"
#include "sim/sweep/sweep_plan.hpp"

namespace sliversim::sweep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kBase =
    R"({"run": {"duration_days": 2}, "shards": {"n": 100}, "epochs": {"length_hours": 24},
        "nodes": {"count": 20}, "blobs": [{"name": "small", "initial_count": 2,
        "size_bytes": {"dist": "fixed", "value_bytes": 65536}}]})";

SweepPlan make_plan(const std::string& axes, const std::string& seeds, const std::string& name) {
  const std::string text = R"({"sweep": {"name": ")" + name + R"(", "base": )" + kBase +
                           R"(, "seeds": )" + seeds + R"(, "axes": )" + axes + "}}";
  SweepLoadResult loaded = load_sweep_text(text, "s.json", ".");
  REQUIRE(loaded.sweep);
  PlanResult plan = plan_sweep(*loaded.sweep);
  REQUIRE(plan.plan);
  return std::move(*plan.plan);
}

fs::path scratch(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("sliversim_sweep_merge_test_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A results file for `p` with repair_bytes_total = x, p50 = x / 2 and the given ratio.
json point_results(const SweepPlan& plan, const PlannedPoint& p, double x, json ratio) {
  const json summary = {{"repair_bytes_total", x},
                        {"repair_seconds", {{"p50", x / 2}, {"cdf", {{1.0, 0.5}, {2.0, 1.0}}}}},
                        {"analytic", false},
                        {"bytes_per_lost_byte", nullptr}};
  return {{"schema_version", 1},
          {"tool", {{"name", "sliversim"}, {"version", "9"}}},
          {"scenario", {{"path", "x"}, {"resolved", p.scenario.resolved}}},
          {"schemes", {{"redstuff", {{"summary", summary}, {"per_epoch", json::array()}}}}},
          {"comparison", {{"rs_rebuild_over_redstuff", {{"repair_bytes_total", ratio}}}}},
          {"timing", {{"wall_seconds", 1.5}}},
          {"sweep", point_sweep_block(plan, p)}};
}

void write_point(const fs::path& dir, const SweepPlan& plan, std::size_t i, double x,
                 json ratio = nullptr) {
  write_file_atomically(dir / point_file_name(i),
                        point_results(plan, plan.points[i], x, std::move(ratio)).dump(2));
}

void write_plan(const fs::path& dir, const SweepPlan& plan) {
  write_file_atomically(dir / "sweep.json", plan.document.dump(2));
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& line : lines) all += line + "\n";
  return all;
}

const std::string kCountAxis = R"([{"key": "/nodes/count", "values": [20, 30]}])";

TEST_CASE("merge aggregates each combination across its seeds, known answers") {
  const SweepPlan plan = make_plan(kCountAxis, "[1, 2, 3]", "m");
  const fs::path dir = scratch("known");
  write_plan(dir, plan);
  for (std::size_t i = 0; i < 6; ++i) {
    write_point(dir, plan, i, static_cast<double>(i + 1),
                i == 3 ? json(2.0) : (i == 5 ? json(4) : json(nullptr)));
  }
  const MergeResult r = merge_sweep_dir(dir, {});
  REQUIRE(r.table);
  const auto& rows = r.table->rows;
  REQUIRE(rows.size() == 5);  // a metric null for every seed of a combination gives no row
  CHECK(rows[0].metric == "/schemes/redstuff/summary/repair_bytes_total");
  CHECK(rows[0].params == json({{"/nodes/count", 20}}));
  CHECK(rows[0].stats.n == 3);
  CHECK(rows[0].stats.mean == 2.0);
  CHECK(rows[0].stats.stdev == 1.0);
  CHECK(rows[0].stats.ci95_high == doctest::Approx(2.0 + 4.3026527297494638523 / std::sqrt(3.0)));
  CHECK(rows[1].metric == "/schemes/redstuff/summary/repair_seconds/p50");
  CHECK(rows[1].stats.mean == 1.0);
  CHECK(rows[2].metric == "/comparison/rs_rebuild_over_redstuff/repair_bytes_total");
  CHECK(rows[2].params == json({{"/nodes/count", 30}}));
  CHECK(rows[2].stats.n == 2);  // null for one seed: "n/a" is left out
  CHECK(rows[2].stats.mean == 3.0);
  CHECK(rows[2].stats.ci95_low == doctest::Approx(3.0 - 12.706204736174704646));
  CHECK(rows[3].stats.mean == 5.0);
  CHECK(rows[4].stats.mean == 2.5);
  CHECK(r.table->missing_points.empty());
}

TEST_CASE("merged CSV and JSON text, with a string axis value that needs quoting") {
  const SweepPlan plan =
      make_plan(R"([{"key": "blobs.0.name", "values": ["x,y", "plain"]}])", "[1]", "fmt");
  const fs::path dir = scratch("format");
  write_plan(dir, plan);
  write_point(dir, plan, 0, 1.5, 0.25);
  write_point(dir, plan, 1, 2.0);
  const MergeResult r =
      merge_sweep_dir(dir, {{"/schemes/*/summary/repair_bytes_total", "/comparison"}, false});
  REQUIRE(r.table);
  CHECK(merged_csv(*r.table) ==
        "blobs.0.name,metric,n,mean,stdev,ci95_low,ci95_high\n"
        "\"x,y\",/comparison/rs_rebuild_over_redstuff/repair_bytes_total,1,0.25,0.0,0.25,0.25\n"
        "\"x,y\",/schemes/redstuff/summary/repair_bytes_total,1,1.5,0.0,1.5,1.5\n"
        "plain,/schemes/redstuff/summary/repair_bytes_total,1,2.0,0.0,2.0,2.0\n");
  CHECK(merged_json(*r.table) ==
        "{\"schema_version\":1,\"kind\":\"sliversim-merged-sweep\",\"sweep\":{\"name\":\"fmt\","
        "\"axes\":[{\"key\":\"blobs.0.name\",\"values\":[\"x,y\",\"plain\"]}]},\n\"rows\": [\n"
        "  {\"params\":{\"blobs.0.name\":\"x,y\"},\"metric\":\"/comparison/rs_rebuild_over_redstuff"
        "/repair_bytes_total\",\"n\":1,\"mean\":0.25,\"stdev\":0.0,\"ci95_low\":0.25,"
        "\"ci95_high\":0.25},\n"
        "  {\"params\":{\"blobs.0.name\":\"x,y\"},\"metric\":\"/schemes/redstuff/summary/"
        "repair_bytes_total\",\"n\":1,\"mean\":1.5,\"stdev\":0.0,\"ci95_low\":1.5,"
        "\"ci95_high\":1.5},\n"
        "  {\"params\":{\"blobs.0.name\":\"plain\"},\"metric\":\"/schemes/redstuff/summary/"
        "repair_bytes_total\",\"n\":1,\"mean\":2.0,\"stdev\":0.0,\"ci95_low\":2.0,"
        "\"ci95_high\":2.0}\n"
        "],\n\"missing_points\": []}\n");
  CHECK(json::parse(merged_json(*r.table))["rows"].size() == 3);
}

TEST_CASE("booleans, arrays and timing are not metrics unless a pattern asks for array items") {
  const SweepPlan plan = make_plan(kCountAxis, "[1]", "leaves");
  const fs::path dir = scratch("leaves");
  write_plan(dir, plan);
  write_point(dir, plan, 0, 1.0);
  write_point(dir, plan, 1, 2.0);
  const MergeResult all = merge_sweep_dir(dir, {});
  REQUIRE(all.table);
  for (const MergedRow& row : all.table->rows) {
    CHECK(row.metric.find("analytic") == std::string::npos);
    CHECK(row.metric.find("cdf") == std::string::npos);
    CHECK(row.metric.find("timing") == std::string::npos);
  }
  const MergeResult cdf =
      merge_sweep_dir(dir, {{"/schemes/redstuff/summary/repair_seconds/cdf"}, false});
  REQUIRE(cdf.table);
  CHECK(cdf.table->rows.size() == 8);  // 4 numbers in each of 2 combinations
  CHECK(cdf.table->rows[1].metric == "/schemes/redstuff/summary/repair_seconds/cdf/0/1");
}

TEST_CASE("bad or unmatched --metric patterns are refused") {
  const SweepPlan plan = make_plan(kCountAxis, "[1]", "patterns");
  const fs::path dir = scratch("patterns");
  write_plan(dir, plan);
  write_point(dir, plan, 0, 1.0);
  write_point(dir, plan, 1, 2.0);
  CHECK(joined(merge_sweep_dir(dir, {{"/timing/wall_seconds", "schemes"}, false}).problems) ==
        "--metric /timing/wall_seconds: expected a metric outside /timing (wall clock) and /tool, "
        "got \"/timing/wall_seconds\"\n"
        "--metric schemes: expected a JSON pointer starting with '/' (e.g. "
        "/schemes/*/summary/repair_bytes_total), got \"schemes\"\n");
  CHECK(joined(merge_sweep_dir(dir, {{"/schemes/*/summary/nope"}, false}).problems) ==
        "--metric /schemes/*/summary/nope: expected a pattern selecting metrics of the point "
        "files, got one that selects none\n");
}

TEST_CASE("missing points are listed, and merged only with allow_missing") {
  const SweepPlan plan = make_plan(kCountAxis, "[1, 2, 3]", "gaps");
  const fs::path dir = scratch("gaps");
  write_plan(dir, plan);
  for (const std::size_t i : {0U, 2U, 3U}) write_point(dir, plan, i, 1.0);
  CHECK(joined(merge_sweep_dir(dir, {}).problems) ==
        dir.string() +
            ": expected all 6 points of sweep \"gaps\", got 3 missing: 1, 4-5 (run "
            "the missing shards again, or merge with --allow-missing)\n");
  const MergeResult partial = merge_sweep_dir(dir, {{}, true});
  REQUIRE(partial.table);
  CHECK(partial.table->missing_points == std::vector<std::size_t>{1, 4, 5});
  CHECK(partial.table->rows.front().stats.n == 2);
}

TEST_CASE("point files of another sweep, another plan or beyond the plan are refused") {
  const SweepPlan plan = make_plan(kCountAxis, "[1]", "mine");
  const SweepPlan other_seeds = make_plan(kCountAxis, "[1, 2]", "mine");
  const SweepPlan other_name = make_plan(kCountAxis, "[1]", "theirs");
  const fs::path dir = scratch("foreign");
  write_plan(dir, plan);
  write_point(dir, plan, 0, 1.0);
  write_file_atomically(dir / point_file_name(1),
                        point_results(other_name, other_name.points[1], 1.0, nullptr).dump());
  write_file_atomically(dir / point_file_name(3),
                        point_results(other_seeds, other_seeds.points[3], 1.0, nullptr).dump());
  std::ofstream(dir / "notes.txt") << "ignored";
  const std::string p = joined(merge_sweep_dir(dir, {}).problems);
  CHECK(p.find((dir / "point-00001.json").string() + ": /sweep/plan_sha256: expected " +
               plan.sha256 + " (sweep \"mine\", the plan in sweep.json), got \"" +
               other_name.sha256 + "\": the file belongs to another sweep or plan\n") !=
        std::string::npos);
  CHECK(p.find((dir / "point-00003.json").string() +
               ": expected a point of sweep \"mine\" (indices 0-1), got index 3\n") !=
        std::string::npos);
  CHECK(p.find("notes.txt") == std::string::npos);
  CHECK(p.find("missing") == std::string::npos);  // a refused file is not also called missing
}

TEST_CASE("a broken point file or a folder without a plan is refused, naming the file") {
  const SweepPlan plan = make_plan(kCountAxis, "[1]", "broken");
  const fs::path dir = scratch("broken");
  CHECK(joined(merge_sweep_dir(dir, {}).problems) ==
        (dir / "sweep.json").string() + ": expected a sweep plan file, got no such file\n");
  write_plan(dir, plan);
  write_point(dir, plan, 0, 1.0);
  std::ofstream(dir / point_file_name(1)) << "{\"schema_version\": 1,\n \"schemes\": {";
  CHECK(joined(merge_sweep_dir(dir, {}).problems)
            .find((dir / "point-00001.json").string() + ": line 2, column 14: expected valid "
                                                        "JSON") == 0);
  CHECK(joined(merge_sweep_dir(dir / "nope", {}).problems) ==
        (dir / "nope").string() + ": expected a sweep folder, got no such folder\n");
}

}  // namespace
}  // namespace sliversim::sweep
