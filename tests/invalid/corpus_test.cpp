// The invalid-input corpus: every tests/invalid/NAME.json must be refused by load_scenario with
// the problems its NAME.expect lists (format: README.md beside this file).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/scenario/loader.hpp"

namespace sliversim::scenario {

namespace {

const std::filesystem::path kCorpus = std::filesystem::path(SLIVERSIM_SOURCE_DIR) / "tests/invalid";

struct Expectation {
  std::vector<std::string> overrides;
  std::vector<std::string> fragments;
  int problem_count = -1;  // -1: not pinned
};

Expectation read_expectation(const std::filesystem::path& path) {
  Expectation e;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("set: ", 0) == 0) {
      e.overrides.push_back(line.substr(5));
    } else if (line.rfind("problems: ", 0) == 0) {
      e.problem_count = std::stoi(line.substr(10));
    } else {
      e.fragments.push_back(line);
    }
  }
  return e;
}

std::vector<std::filesystem::path> cases() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace

TEST_CASE("every corpus case is refused with the problems it expects") {
  const auto paths = cases();
  CHECK(paths.size() >= 50);
  for (const auto& path : paths) {
    auto expect_path = path;
    expect_path.replace_extension(".expect");
    INFO("case ", path.filename().string());
    REQUIRE(std::filesystem::exists(expect_path));
    const Expectation e = read_expectation(expect_path);
    CHECK((!e.fragments.empty() || e.problem_count > 0));
    const LoadResult r = load_scenario(path.string(), e.overrides);
    CHECK_FALSE(r.scenario.has_value());
    std::string all;
    for (const auto& line : r.problems) all += "  " + line + "\n";
    INFO("problems:\n", all);
    if (e.problem_count >= 0) CHECK(static_cast<int>(r.problems.size()) == e.problem_count);
    for (const auto& fragment : e.fragments) {
      const bool found = std::any_of(r.problems.begin(), r.problems.end(), [&](const auto& line) {
        return line.find(fragment) != std::string::npos;
      });
      CHECK_MESSAGE(found, "missing: ", fragment);
    }
  }
}

TEST_CASE("every corpus expectation has its case") {
  for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
    if (entry.path().extension() != ".expect") continue;
    auto json_path = entry.path();
    json_path.replace_extension(".json");
    INFO("expectation ", entry.path().filename().string());
    CHECK(std::filesystem::exists(json_path));
  }
}

TEST_CASE("problems name the file they are in") {
  const auto path = kCorpus / "several_mistakes.json";
  const LoadResult r = load_scenario(path.string(), {});
  REQUIRE_FALSE(r.problems.empty());
  for (const auto& line : r.problems) CHECK(line.rfind(path.string() + ": /", 0) == 0);
}

}  // namespace sliversim::scenario
