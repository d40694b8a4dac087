// Tests of strict JSON parsing: syntax errors with positions, duplicate keys by pointer.
#include "sim/scenario/strict_json.hpp"

#include <doctest/doctest.h>

namespace sliversim::scenario {

TEST_CASE("a clean document parses without problems") {
  const ParsedJson p = parse_strict_json(R"({"a": 1, "b": [{"a": 2}, {"a": 3}], "c": {"a": 4}})");
  CHECK(p.syntax_ok);
  CHECK(p.problems.empty());
  CHECK(p.value["b"][1]["a"] == 3);
}

TEST_CASE("a syntax error is reported with its line and column, and nothing else") {
  const ParsedJson p = parse_strict_json("{\n  \"a\": 1,\n  \"a\": 2,\n}\n");
  CHECK_FALSE(p.syntax_ok);
  REQUIRE(p.problems.size() == 1);
  CHECK(p.problems[0].where == "line 4, column 1");
  CHECK(p.problems[0].message.find("expected valid JSON") == 0);
  CHECK(p.problems[0].message.find("unexpected '}'") != std::string::npos);
}

TEST_CASE("an empty text and trailing garbage are syntax errors") {
  CHECK_FALSE(parse_strict_json("").syntax_ok);
  CHECK_FALSE(parse_strict_json("{} x").syntax_ok);
  CHECK_FALSE(parse_strict_json("{\"a\": 1} // comment").syntax_ok);
}

TEST_CASE("duplicate keys are found at any depth, inside arrays too, each once per repeat") {
  const ParsedJson p = parse_strict_json(R"({
    "a": 1, "b": {"x": 1, "y": 2, "x": 3},
    "list": [{"k": 1}, {"k": 1, "k": 2, "k": 3}, [{"z": 0, "z": 0}]],
    "a": 5
  })");
  REQUIRE(p.syntax_ok);
  REQUIRE(p.problems.size() == 5);
  CHECK(p.problems[0].where == "/b/x");
  CHECK(p.problems[1].where == "/list/1/k");
  CHECK(p.problems[2].where == "/list/1/k");
  CHECK(p.problems[3].where == "/list/2/0/z");
  CHECK(p.problems[4].where == "/a");
  CHECK(p.problems[4].message == "expected each key once per object, got \"a\" again");
}

TEST_CASE("the same key in sibling objects is not a duplicate") {
  const ParsedJson p = parse_strict_json(R"([{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}])");
  CHECK(p.syntax_ok);
  CHECK(p.problems.empty());
}

TEST_CASE("keys needing pointer escapes are escaped in the pointer") {
  const ParsedJson p = parse_strict_json(R"({"a/b": {"c~d": 1, "c~d": 2}})");
  REQUIRE(p.problems.size() == 1);
  CHECK(p.problems[0].where == "/a~1b/c~0d");
}

}  // namespace sliversim::scenario
