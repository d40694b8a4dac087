// Tests of --set parsing and application against the scenario schema.
#include "sim/scenario/overrides.hpp"

#include <doctest/doctest.h>

#include "sim/scenario/scenario_schema.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

// Applies the overrides to `doc`; returns the problems as "where: message" lines.
std::vector<std::string> apply(json& doc, const std::vector<std::string>& texts) {
  Problems problems;
  std::vector<Override> overrides;
  for (const auto& t : texts) {
    if (auto o = parse_override(t, problems)) overrides.push_back(*o);
  }
  apply_overrides(scenario_spec().spec(), overrides, doc, problems);
  std::vector<std::string> lines;
  for (const auto& p : problems) lines.push_back(p.where + ": " + p.message);
  return lines;
}

}  // namespace

TEST_CASE("the value is parsed as JSON, or taken as a string") {
  Problems problems;
  CHECK(parse_override("/nodes/count=150", problems)->value == 150);
  CHECK(parse_override("/description=hello world", problems)->value == "hello world");
  CHECK(parse_override("/description=", problems)->value == "");
  CHECK(parse_override("/a={\"x\": [1, 2]}", problems)->value == json{{"x", {1, 2}}});
  CHECK(parse_override("/a=\"150\"", problems)->value == "150");
  CHECK(parse_override("/a=b=c", problems)->value == "b=c");
  CHECK(problems.empty());
}

TEST_CASE("a malformed override or a value with duplicate keys is a problem") {
  Problems problems;
  CHECK_FALSE(parse_override("nodes/count=5", problems).has_value());
  CHECK_FALSE(parse_override("/nodes/count", problems).has_value());
  CHECK_FALSE(parse_override("/a={\"x\": 1, \"x\": 2}", problems).has_value());
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].where == "--set");
  CHECK(problems[0].message.find("expected /json/pointer=value") == 0);
  CHECK(problems[2].message.find("\"x\" again") != std::string::npos);
}

TEST_CASE("overrides create the objects on their way and replace existing values") {
  json doc = {{"run", {{"duration_days", 10}}}};
  CHECK(apply(doc, {"/run/duration_days=20", "/shards/n=300",
                    "/nodes/classes/0/churn/joins/rate_per_day=0.5"})
            .empty());
  CHECK(doc["run"]["duration_days"] == 20);
  CHECK(doc["shards"]["n"] == 300);
  // The absent classes array was materialised from its default before indexing.
  CHECK(doc["nodes"]["classes"][0]["name"] == "default");
  CHECK(doc["nodes"]["classes"][0]["churn"]["joins"]["rate_per_day"] == 0.5);
}

TEST_CASE("overrides apply in order, the later winning") {
  json doc = json::object();
  CHECK(apply(doc, {"/run/seed=1", "/run/seed=2"}).empty());
  CHECK(doc["run"]["seed"] == 2);
}

TEST_CASE("an append step adds an item, and later steps can index it") {
  json doc = json::object();
  CHECK(apply(doc, {"/correlated_outages/-={\"scope\": \"region\", \"rate_per_year\": 1}",
                    "/correlated_outages/0/rate_per_year=3"})
            .empty());
  REQUIRE(doc["correlated_outages"].size() == 1);
  CHECK(doc["correlated_outages"][0]["rate_per_year"] == 3);
}

TEST_CASE("unknown keys, bad indices and keys below scalars are problems naming the pointer") {
  json doc = json::object();
  const auto lines = apply(doc, {"/nodes/cuont=5", "/nodes/classes/3/name=x",
                                 "/run/duration_days/x=1", "/nodes/classes/01/name=x", "/=1"});
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] ==
        "/nodes/cuont: expected one of the keys \"count\", \"classes\", got \"cuont\" (did you "
        "mean \"count\"?) (from --set /nodes/cuont=5)");
  CHECK(lines[1] ==
        "/nodes/classes/3: expected an index below 1 or \"-\" to append, got \"3\" "
        "(from --set /nodes/classes/3/name=x)");
  CHECK(lines[2] ==
        "/run/duration_days/x: expected no key below /run/duration_days (number in "
        "(0, 36500]), got \"x\" (from --set /run/duration_days/x=1)");
  CHECK(lines[3].find("/nodes/classes/01: expected an index below 1") == 0);
  CHECK(lines[4].find("/: expected one of the keys \"description\"") == 0);
  // A failed override leaves no trace in the document.
  CHECK_FALSE(doc["run"].contains("duration_days"));
}

TEST_CASE("variant keys are found in the variant the document names, or in any") {
  json doc = {
      {"blobs", {{{"name", "a"}, {"size_bytes", {{"dist", "fixed"}, {"value_bytes", 1}}}}}}};
  CHECK(apply(doc, {"/blobs/0/size_bytes/value_bytes=7", "/topology/file=topo.json"}).empty());
  CHECK(doc["blobs"][0]["size_bytes"]["value_bytes"] == 7);
  CHECK(doc["topology"]["file"] == "topo.json");
  const auto lines = apply(doc, {"/blobs/0/size_bytes/mean_byts=1"});
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("/blobs/0/size_bytes/mean_byts: expected one of the keys \"dist\", "
                      "\"value_bytes\"") == 0);
}

}  // namespace sliversim::scenario
