// Tests of the wording helpers and JSON pointer utilities.
#include "sim/scenario/problem.hpp"

#include <doctest/doctest.h>

namespace sliversim::scenario {

TEST_CASE("pointer_join escapes ~ and / as RFC 6901 asks") {
  CHECK(pointer_join("", "nodes") == "/nodes");
  CHECK(pointer_join("/nodes", std::size_t{3}) == "/nodes/3");
  CHECK(pointer_join("/a", "b/c~d") == "/a/b~1c~0d");
  CHECK(pointer_join("", "") == "/");
}

TEST_CASE("pointer_is_under matches whole tokens only") {
  CHECK(pointer_is_under("/a/b", "/a"));
  CHECK(pointer_is_under("/a", "/a"));
  CHECK(pointer_is_under("/a", ""));
  CHECK_FALSE(pointer_is_under("/ab", "/a"));
  CHECK_FALSE(pointer_is_under("/a", "/a/b"));
}

TEST_CASE("pointer_overlaps relates pointers on one path, with * matching one token") {
  CHECK(pointer_overlaps("/nodes/classes/0/count", "/nodes/classes/*/count"));
  CHECK(pointer_overlaps("/nodes/classes/0/count/x", "/nodes/classes/*/count"));
  CHECK(pointer_overlaps("/nodes/classes/0", "/nodes/classes/*/count"));  // an enclosing problem
  CHECK(pointer_overlaps("/nodes", "/nodes/classes/*/count"));
  CHECK(pointer_overlaps("", "/nodes"));  // the whole document
  CHECK_FALSE(pointer_overlaps("/nodes/classes/0/name", "/nodes/classes/*/count"));
  CHECK_FALSE(pointer_overlaps("/nodes/count", "/nodes/classes/*/count"));
  CHECK_FALSE(pointer_overlaps("/nodess", "/nodes"));
  CHECK_FALSE(pointer_overlaps("--set", "/nodes"));
  CHECK_FALSE(pointer_overlaps("line 3, column 4", "/nodes"));
}

TEST_CASE("any_overlap checks every problem against every pattern") {
  const Problems problems = {{"/run/seed", "x"}, {"/blobs/2/name", "y"}};
  CHECK(any_overlap(problems, {"/shards", "/blobs/*/name"}));
  CHECK_FALSE(any_overlap(problems, {"/shards", "/blobs/*/size_bytes", "/run/duration_days"}));
}

TEST_CASE("describe_value names each JSON type the same way") {
  using nlohmann::json;
  CHECK(describe_value(json("abc")) == "string \"abc\"");
  CHECK(describe_value(json(3.7)) == "3.7");
  CHECK(describe_value(json(-5)) == "-5");
  CHECK(describe_value(json(true)) == "true");
  CHECK(describe_value(json(nullptr)) == "null");
  CHECK(describe_value(json::object()) == "an empty object");
  CHECK(describe_value(json{{"a", 1}}) == "an object");
  CHECK(describe_value(json::array({1})) == "an array of 1 item");
  CHECK(describe_value(json(std::string(100, 'x'))) ==
        "string \"" + std::string(60, 'x') + "...\"");
}

TEST_CASE("numbers are written the shortest exact way") {
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(1e6) == "1000000");
  CHECK(format_number(14599533452.0) == "14599533452");
  CHECK(format_number(1e-9) == "1e-09");
}

TEST_CASE("problems are formatted one per line, with or without a location") {
  const auto lines = format_problems("f.json", {{"/a", "m1"}, {"", "m2"}});
  CHECK(lines == std::vector<std::string>{"f.json: /a: m1", "f.json: m2"});
}

}  // namespace sliversim::scenario
