// Point files: their names, when an existing file may stand for its point (the skip check), and
// atomic writes.
#include "sim/sweep/point_file.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>

namespace sliversim::sweep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path scratch(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("sliversim_point_file_test_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

SweepPlan tiny_plan(const std::string& values) {
  const std::string text =
      R"({"sweep": {"name": "p", "base": {"shards": {"n": 100}, "nodes": {"count": 20}},
          "seeds": [1], "axes": [{"key": "/nodes/count", "values": )" +
      values + "}]}}";
  SweepLoadResult loaded = load_sweep_text(text, "s.json", ".");
  REQUIRE(loaded.sweep);
  PlanResult plan = plan_sweep(*loaded.sweep);
  REQUIRE(plan.plan);
  return std::move(*plan.plan);
}

TEST_CASE("point file names have five digits and parse back") {
  CHECK(point_file_name(0) == "point-00000.json");
  CHECK(point_file_name(99999) == "point-99999.json");
  CHECK(parse_point_file_name("point-00042.json") == 42U);
  for (const char* other : {"point-0042.json", "point-000042.json", "point-0004x.json",
                            "sweep.json", ".point-00001.json.tmp-h-1", "point-00001.json~"}) {
    CHECK_FALSE(parse_point_file_name(other));
  }
}

TEST_CASE("an existing file stands for its point only when complete and of the same plan") {
  const SweepPlan plan = tiny_plan("[20, 30]");
  const fs::path dir = scratch("existing");
  const PlannedPoint& point = plan.points[1];
  const fs::path file = dir / point_file_name(1);
  CHECK(existing_point_problem(file, plan, point, 1) == "no such file");
  const json complete = {{"schema_version", 1},
                         {"scenario", {{"resolved", point.scenario.resolved}}},
                         {"schemes", json::object()},
                         {"comparison", json::object()},
                         {"sweep", point_sweep_block(plan, point)}};
  write_file_atomically(file, complete.dump(2));
  CHECK(existing_point_problem(file, plan, point, 1) == "");
  CHECK(existing_point_problem(file, plan, point, 2) == "another results schema_version");
  CHECK(existing_point_problem(file, plan, plan.points[0], 1) == "another sweep plan");
  const SweepPlan other = tiny_plan("[20, 31]");
  CHECK(existing_point_problem(file, other, other.points[1], 1) == "another sweep plan");
  const std::string text = complete.dump(2);
  std::ofstream(file, std::ios::trunc) << text.substr(0, text.size() / 2);
  CHECK(existing_point_problem(file, plan, point, 1) == "not a complete JSON file");
  json no_schemes = complete;
  no_schemes.erase("schemes");
  write_file_atomically(file, no_schemes.dump());
  CHECK(existing_point_problem(file, plan, point, 1) == "not a complete results file");
  json other_scenario = complete;
  other_scenario["scenario"]["resolved"]["run"]["seed"] = 77;
  write_file_atomically(file, other_scenario.dump());
  CHECK(existing_point_problem(file, plan, point, 1) == "another resolved scenario");
}

TEST_CASE("atomic writes replace the file whole and leave no temporary behind") {
  const fs::path dir = scratch("atomic");
  write_file_atomically(dir / "a.json", "first");
  write_file_atomically(dir / "a.json", "second");
  std::ifstream in(dir / "a.json");
  std::string text;
  std::getline(in, text);
  CHECK(text == "second");
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) files += entry.is_regular_file() ? 1U : 0U;
  CHECK(files == 1);
  CHECK_THROWS_AS(write_file_atomically(dir / "no_such_folder" / "a.json", "x"),
                  std::runtime_error);
}

}  // namespace
}  // namespace sliversim::sweep
