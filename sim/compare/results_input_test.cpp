// Loading results files and refusing pairs that cannot be compared.
#include "sim/compare/results_input.hpp"

#include <doctest/doctest.h>

#include "sim/compare/compare_test_support.hpp"

namespace sliversim::compare {
namespace {

using nlohmann::json;
using testing::sample_results;
using testing::write_scratch_file;

// The message lines of the UnusableInput `action` throws, or one "did not throw" line.
template <typename Action>
std::vector<std::string> refusal(Action action) {
  try {
    action();
  } catch (const UnusableInput& e) {
    return e.lines();
  }
  return {"did not throw"};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

ResultsFile named(const std::string& name, json value) { return {name, std::move(value)}; }

}  // namespace

TEST_CASE("a results file loads with its path as its name") {
  const auto path = write_scratch_file("good.json", sample_results().dump(2));
  const ResultsFile file = load_results_file(path.string());
  CHECK(file.name == path.string());
  CHECK(file.value == sample_results());
}

TEST_CASE("malformed JSON is refused naming the file, line and column") {
  const auto path = write_scratch_file("malformed.json", "{\n  \"schema_version\": 1,\n  oops\n}");
  const auto lines = refusal([&] { load_results_file(path.string()); });
  REQUIRE(lines.size() == 1);
  CHECK(contains(lines[0], path.string() + ": line 3, column 3: expected valid JSON"));
}

TEST_CASE("a truncated results file is refused naming where it ends") {
  const std::string text = sample_results().dump(2);
  const auto path = write_scratch_file("truncated.json", text.substr(0, text.size() / 2));
  const auto lines = refusal([&] { load_results_file(path.string()); });
  REQUIRE(lines.size() == 1);
  CHECK(contains(lines[0], path.string() + ": line "));
  CHECK(contains(lines[0], "unexpected end of input"));
}

TEST_CASE("missing files, folders and empty files are refused") {
  const auto missing = refusal([] { load_results_file("/nonexistent/results.json"); });
  CHECK(contains(missing.at(0), "/nonexistent/results.json: no such file"));
  const auto dir = write_scratch_file("x.json", "{}").parent_path();
  CHECK(contains(refusal([&] { load_results_file(dir.string()); }).at(0), "is a directory"));
  const auto empty = write_scratch_file("empty.json", "");
  CHECK(contains(refusal([&] { load_results_file(empty.string()); }).at(0),
                 "line 1, column 1: expected valid JSON"));
}

TEST_CASE("documents that are not sliversim results are refused") {
  json no_schemes = sample_results();
  no_schemes.erase("schemes");
  json other_tool = sample_results();
  other_tool["tool"]["name"] = "othersim";
  json string_version = sample_results();
  string_version["schema_version"] = "1";
  const json scenario = json::parse(R"({"description": "x", "shards": {"n": 100}})");
  for (const json& doc : {no_schemes, other_tool, string_version, scenario, json::array()}) {
    const auto lines = refusal([&] { parse_results_text("doc.json", doc.dump()); });
    CAPTURE(doc.dump());
    CHECK(contains(lines.at(0), "doc.json: not a sliversim results file: expected"));
  }
  json no_tool = sample_results();
  no_tool.erase("tool");  // committed expected results drop it
  CHECK(parse_results_text("doc.json", no_tool.dump()).value == no_tool);
}

TEST_CASE("a repeated key is refused with its pointer") {
  const auto lines = refusal(
      [] { parse_results_text("dup.json", R"({"schema_version": 1, "seed": 1, "seed": 2})"); });
  CHECK(contains(lines.at(0), "dup.json: /seed: expected each key once"));
}

TEST_CASE("results of the same scenario and seed are comparable without notes") {
  CHECK(
      check_comparable(named("a.json", sample_results()), named("b.json", sample_results()), false)
          .empty());
}

TEST_CASE("different schema versions are refused naming both files, even when allowed") {
  json candidate = sample_results();
  candidate["schema_version"] = 2;
  for (const bool allow : {false, true}) {
    const auto lines = refusal([&] {
      check_comparable(named("a.json", sample_results()), named("b.json", candidate), allow);
    });
    CHECK(contains(lines.at(0), "a.json has schema_version 1 and b.json has schema_version 2"));
  }
}

TEST_CASE("a different scenario file is refused naming both files and what differs") {
  json candidate = sample_results();
  candidate["scenario"]["sha256"] = "bbbb";
  candidate["scenario"]["resolved"]["run"]["duration_days"] = 4;
  const auto lines = refusal([&] {
    check_comparable(named("a.json", sample_results()), named("b.json", candidate), false);
  });
  REQUIRE(lines.size() == 3);
  CHECK(contains(lines[0], "a.json and b.json come from different scenarios or seeds"));
  CHECK(contains(lines[0], "--allow-different-scenario"));
  CHECK(lines[1] == R"(/scenario/sha256: "aaaa" in a.json, "bbbb" in b.json)");
  CHECK(lines[2] == "/scenario/resolved/run/duration_days: 3 in a.json, 4 in b.json");
}

TEST_CASE("a different seed is refused; allowed, it becomes a note") {
  json candidate = sample_results();
  candidate["seed"] = 8;
  candidate["scenario"]["resolved"]["run"]["seed"] = 8;
  const auto lines = refusal([&] {
    check_comparable(named("a.json", sample_results()), named("b.json", candidate), false);
  });
  REQUIRE(lines.size() == 3);
  CHECK(lines[1] == "/seed: 7 in a.json, 8 in b.json");
  CHECK(lines[2] == "/scenario/resolved/run/seed: 7 in a.json, 8 in b.json");
  const auto notes =
      check_comparable(named("a.json", sample_results()), named("b.json", candidate), true);
  REQUIRE(notes.size() == 3);
  CHECK(contains(notes[0], "allowed by --allow-different-scenario"));
}

TEST_CASE("a resolved key only the candidate has is accepted with a note") {
  json candidate = sample_results();
  candidate["scenario"]["resolved"]["run"]["new_option"] = false;
  const auto notes =
      check_comparable(named("a.json", sample_results()), named("b.json", candidate), false);
  REQUIRE(notes.size() == 2);
  CHECK(contains(notes[0], "only in the candidate"));
  CHECK(notes[1] == "/scenario/resolved/run/new_option: absent in a.json, false in b.json");
  json fewer = sample_results();
  fewer["scenario"]["resolved"]["run"].erase("duration_days");
  CHECK(refusal([&] {
          check_comparable(named("a.json", sample_results()), named("b.json", fewer), false);
        }).size() == 2);
}

TEST_CASE("a changed trace digest is a note, not a refusal") {
  json candidate = sample_results();
  candidate["trace_digest"] = "d2";
  const auto notes =
      check_comparable(named("a.json", sample_results()), named("b.json", candidate), false);
  REQUIRE(notes.size() == 1);
  CHECK(contains(notes[0], "trace_digest differs"));
}

}  // namespace sliversim::compare
