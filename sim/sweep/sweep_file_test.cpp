// Reading sweep files: the accepted forms, and every kind of mistake reported with the file, the
// JSON pointer and what was expected.
#include "sim/sweep/sweep_file.hpp"

#include <doctest/doctest.h>

#include <string>

namespace sliversim::sweep {
namespace {

namespace fs = std::filesystem;

const fs::path kScenarios = fs::path(SLIVERSIM_SOURCE_DIR) / "scenarios";

SweepLoadResult load(const std::string& text) {
  return load_sweep_text(text, "s.json", kScenarios);
}

// The problems of an invalid sweep text, one string.
std::string problems_of(const std::string& text) {
  const SweepLoadResult r = load(text);
  CHECK_FALSE(r.sweep);
  std::string all;
  for (const auto& line : r.problems) all += line + "\n";
  return all;
}

TEST_CASE("a sweep with a base file, a seed list and two axes loads") {
  const SweepLoadResult r = load(R"({"description": "d", "sweep": {"name": "x",
      "base": "minimal.json", "seeds": [3, 1],
      "axes": [{"key": "/shards/n", "values": [10, 100]},
               {"key": "nodes.count", "values": [20, 40, 80]}]}})");
  REQUIRE(r.sweep);
  const SweepSpec& s = *r.sweep;
  CHECK(s.name == "x");
  CHECK(s.description == "d");
  CHECK(s.base.file == kScenarios / "minimal.json");
  CHECK(s.grid.seeds == std::vector<std::uint64_t>{3, 1});
  REQUIRE(s.grid.axes.size() == 2);
  CHECK(s.grid.axes[1].key == "nodes.count");
  CHECK(s.grid.axes[1].pointer == "/nodes/count");
  CHECK(s.grid.axes[1].values.size() == 3);
  CHECK_FALSE(s.grid.zip);
}

TEST_CASE("seeds given as a count and a first seed") {
  const SweepLoadResult r = load(R"({"sweep": {"name": "x", "base": {"run": {}},
      "seeds": {"count": 4, "first": 10}, "axes": []}})");
  REQUIRE(r.sweep);
  CHECK(r.sweep->grid.seeds == std::vector<std::uint64_t>{10, 11, 12, 13});
  CHECK(r.sweep->base.inline_scenario == nlohmann::json({{"run", nlohmann::json::object()}}));
  CHECK(r.sweep->base.display_name == "s.json#/sweep/base");
  const SweepLoadResult d = load(R"({"sweep": {"name": "x", "base": {}, "seeds": {"count": 2},
      "axes": []}})");
  REQUIRE(d.sweep);
  CHECK(d.sweep->grid.seeds == std::vector<std::uint64_t>{1, 2});
}

TEST_CASE("dotted axis keys become JSON pointers") {
  CHECK(axis_pointer("blobs.0.size_bytes.value_bytes") == "/blobs/0/size_bytes/value_bytes");
  CHECK(axis_pointer("/shards/n") == "/shards/n");
  CHECK_FALSE(axis_pointer(""));
  CHECK_FALSE(axis_pointer("a..b"));
  CHECK_FALSE(axis_pointer(".a"));
  CHECK_FALSE(axis_pointer("a."));
}

TEST_CASE("an empty axis is refused naming its values") {
  const std::string p = problems_of(R"({"sweep": {"name": "x", "base": "minimal.json",
      "seeds": [1], "axes": [{"key": "/shards/n", "values": []}]}})");
  CHECK(p ==
        "s.json: /sweep/axes/0/values: expected an array of 1 to 10000 values, got an empty "
        "array\n");
}

TEST_CASE("unknown keys get a did-you-mean, missing keys are named") {
  const std::string p = problems_of(R"({"sweeps": 1, "sweep": {"nme": "x", "base": "minimal.json",
      "seeds": [1], "axes": [{"key": "/shards/n", "valeus": [4]}]}})");
  CHECK(p.find("s.json: /sweeps: expected one of the keys \"description\", \"sweep\", got "
               "\"sweeps\" (did you mean \"sweep\"?)\n") != std::string::npos);
  CHECK(p.find("s.json: /sweep/nme: expected one of the keys \"name\", \"base\", \"seeds\", "
               "\"axes\", \"zip\", got \"nme\" (did you mean \"name\"?)\n") != std::string::npos);
  CHECK(p.find("s.json: /sweep/name: expected a non-empty string, got nothing (the key is "
               "required)\n") != std::string::npos);
  CHECK(p.find("s.json: /sweep/axes/0/values: expected a non-empty array of values, got nothing "
               "(the key is required)\n") != std::string::npos);
  CHECK(p.find("/sweep/axes/0/valeus: expected one of the keys \"key\", \"values\", got \"valeus\""
               " (did you mean \"values\"?)") != std::string::npos);
}

TEST_CASE("bad seeds, duplicate values and a missing base file are each reported") {
  const std::string p = problems_of(R"({"sweep": {"name": "x", "base": "nope.json",
      "seeds": [1, -2, 1.5, 1], "axes": [{"key": "/shards/n", "values": [10, 20, 10.0]},
      {"key": "shards.n", "values": [4]}, {"key": "", "values": [1]}]}})");
  CHECK(p.find("s.json: /sweep/base: expected an existing scenario file, got string \"nope.json\""
               " (no such file: ") != std::string::npos);
  CHECK(p.find("s.json: /sweep/seeds/1: expected integer >= 0, got -2\n") != std::string::npos);
  CHECK(p.find("s.json: /sweep/seeds/2: expected integer >= 0, got 1.5\n") != std::string::npos);
  CHECK(p.find("s.json: /sweep/seeds/3: expected a seed not already listed, got 1 (also at "
               "/sweep/seeds/0)\n") != std::string::npos);
  CHECK(p.find("s.json: /sweep/axes/0/values/2: expected a value not already listed, got 10 (also"
               " at /sweep/axes/0/values/0)\n") != std::string::npos);
  CHECK(p.find("s.json: /sweep/axes/1/key: expected a key no other axis sweeps, got string "
               "\"shards.n\" (the key of /sweep/axes/0)\n") != std::string::npos);
  CHECK(p.find("s.json: /sweep/axes/2/key: expected a --set path such as \"/shards/n\" (or "
               "dotted, \"shards.n\"), got string \"\"\n") != std::string::npos);
}

TEST_CASE("seed ranges and zip lengths are checked") {
  CHECK(problems_of(R"({"sweep": {"name": "x", "base": {}, "seeds": {"count": 0}, "axes": []}})") ==
        "s.json: /sweep/seeds/count: expected integer in [1, 10000], got 0\n");
  CHECK(problems_of(R"({"sweep": {"name": "x", "base": {}, "seeds": {"count": 2,
      "first": 18446744073709551615}, "axes": []}})")
            .find("/sweep/seeds/first: expected integer in [0, 18446744073709551614]") !=
        std::string::npos);
  CHECK(problems_of(R"({"sweep": {"name": "x", "base": {}, "seeds": [1], "zip": true,
      "axes": [{"key": "/a", "values": [1, 2]}, {"key": "/b", "values": [1, 2, 3]}]}})") ==
        "s.json: /sweep/axes/1/values: expected 2 values (as many as /sweep/axes/0/values, since "
        "zip is true), got 3\n");
  CHECK(problems_of(R"({"sweep": {"name": "x", "base": 7, "seeds": "1", "axes": {}, "zip": 1}})")
            .find("/sweep/seeds: expected an array of seeds or an object {\"count\": C, "
                  "\"first\": F}, got string \"1\"") != std::string::npos);
}

TEST_CASE("grids over the point limit are refused") {
  std::string values;
  for (int i = 0; i < 400; ++i) {
    if (i > 0) values += ',';
    values += std::to_string(i);
  }
  const std::string p = problems_of(
      R"({"sweep": {"name": "x", "base": {}, "seeds": {"count": 2}, "axes": [{"key": "/a",
      "values": [)" +
      values + R"(]}, {"key": "/b", "values": [)" + values + "]}]}}");
  CHECK(p ==
        "s.json: /sweep: expected at most 100000 points (parameter combinations x seeds), "
        "got more\n");
}

TEST_CASE("syntax errors and duplicate keys are reported like the scenario loader's") {
  CHECK(problems_of("{\"sweep\": {\n  \"name\": }}")
            .find("s.json: line 2, column 11: expected "
                  "valid JSON") == 0);
  CHECK(problems_of(R"({"sweep": {"name": "a", "name": "b"}})").find("s.json: /sweep/name: ") == 0);
}

TEST_CASE("sweep files are told apart from scenarios by their sweep key") {
  CHECK(is_sweep_file((kScenarios / "blob_size_sweep.json").string()));
  CHECK_FALSE(is_sweep_file((kScenarios / "minimal.json").string()));
  CHECK_FALSE(is_sweep_file((kScenarios / "no_such_file.json").string()));
}

}  // namespace
}  // namespace sliversim::sweep
