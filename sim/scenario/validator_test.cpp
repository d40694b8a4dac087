// Tests of the validator and the binders on a small schema built for the purpose: every kind of
// key, checked before conversion, collected, defaulted and bound.
#include "sim/scenario/validator.hpp"

#include <doctest/doctest.h>

#include <optional>

#include "sim/scenario/distribution_spec.hpp"
#include "sim/scenario/spec_builders.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

enum class Colour : std::uint8_t { kRed, kBlue };

struct Item {
  std::string name;
  double weight = 0.0;
};

struct Sample {
  std::uint32_t count = 0;
  std::optional<std::uint32_t> maybe;
  double ratio = 0.0;
  bool flag = false;
  std::string label;
  Colour colour = Colour::kRed;
  std::vector<std::string> tags;
  std::vector<Item> items;
  DistributionConfig delay_hours;
  std::optional<Item> extra;
};

const StructSpec<Sample>& sample_spec() {
  static const StructSpec<Sample> spec = [] {
    const auto item = StructSpec<Item>::object(
        "an item", {string_key("name", &Item::name, true, required(), "name"),
                    number_key("weight", &Item::weight, positive(10), by_default(1), "", "w")});
    return StructSpec<Sample>::object(
        "a sample",
        {integer_key("count", &Sample::count, {1, 100}, by_default(7), "", "a count"),
         integer_key("maybe", &Sample::maybe, {0, 5}, nullable(), "", "optional"),
         number_key("ratio", &Sample::ratio, {0, 1, true, false}, by_default(0.5), "", "ratio"),
         boolean_key("flag", &Sample::flag, by_default(true), "flag"),
         string_key("label", &Sample::label, false, by_default("x"), "label"),
         enum_key("colour", &Sample::colour, {{"red", Colour::kRed}, {"blue", Colour::kBlue}},
                  by_default("red"), "colour"),
         string_list_key("tags", &Sample::tags, {0, 3, "."}, by_default(json::array()), "tags"),
         struct_list_key("items", &Sample::items, item, {0, 10, "name"}, by_default(json::array()),
                         "items"),
         distribution_key(
             "delay_hours", &Sample::delay_hours,
             {"hours",
              {DistKind::kFixed, DistKind::kExponential, DistKind::kUniform, DistKind::kEmpirical},
              non_negative(100)},
             by_default(json{{"dist", "fixed"}, {"value_hours", 2}}), "delay"),
         optional_struct_key("extra", &Sample::extra, item, "extra")});
  }();
  return spec;
}

struct Outcome {
  json resolved;
  Problems problems;
};

Outcome validate(const json& doc) {
  Outcome o;
  o.resolved = validate_document(sample_spec().spec(), doc, {"."}, o.problems);
  return o;
}

// The single problem of `doc`, as "where: message".
std::string only_problem(const json& doc) {
  const Outcome o = validate(doc);
  REQUIRE(o.problems.size() == 1);
  return o.problems[0].where + ": " + o.problems[0].message;
}

}  // namespace

TEST_CASE("an empty object resolves to every default and binds them") {
  const Outcome o = validate(json::object());
  CHECK(o.problems.empty());
  CHECK(o.resolved["count"] == 7);
  CHECK(o.resolved["maybe"].is_null());
  CHECK(o.resolved["extra"].is_null());
  CHECK(o.resolved["delay_hours"] == json{{"dist", "fixed"}, {"value_hours", 2}});
  Sample s;
  sample_spec().bind(o.resolved, s);
  CHECK(s.count == 7);
  CHECK_FALSE(s.maybe.has_value());
  CHECK(s.ratio == 0.5);
  CHECK(s.flag);
  CHECK(s.label == "x");
  CHECK(s.delay_hours.kind == DistKind::kFixed);
  CHECK(s.delay_hours.value == 2.0);
  CHECK_FALSE(s.extra.has_value());
}

TEST_CASE("given values are bound into their members") {
  const Outcome o = validate(json::parse(R"({"count": 3.0, "maybe": 4, "ratio": 1, "flag": false,
      "label": "", "colour": "blue", "tags": ["a", "b"],
      "items": [{"name": "p"}, {"name": "q", "weight": 2.5}],
      "delay_hours": {"dist": "empirical", "values_hours": [1, 2], "weights": [3, 1]},
      "extra": {"name": "e"}})"));
  REQUIRE(o.problems.empty());
  Sample s;
  sample_spec().bind(o.resolved, s);
  CHECK(s.count == 3);
  CHECK(s.maybe == 4U);
  CHECK(s.ratio == 1.0);
  CHECK_FALSE(s.flag);
  CHECK(s.colour == Colour::kBlue);
  CHECK(s.tags == std::vector<std::string>{"a", "b"});
  REQUIRE(s.items.size() == 2);
  CHECK(s.items[0].weight == 1.0);
  CHECK(s.items[1].name == "q");
  CHECK(s.items[1].weight == 2.5);
  CHECK(s.delay_hours.kind == DistKind::kEmpirical);
  CHECK(s.delay_hours.values == std::vector<double>{1, 2});
  CHECK(s.delay_hours.weights == std::vector<double>{3, 1});
  REQUIRE(s.extra.has_value());
  CHECK(s.extra->name == "e");
}

TEST_CASE("integers are checked before conversion: fractions, negatives and huge values") {
  CHECK(only_problem({{"count", 3.7}}) == "/count: expected integer in [1, 100], got 3.7");
  CHECK(only_problem({{"count", -5}}) == "/count: expected integer in [1, 100], got -5");
  CHECK(only_problem({{"count", 18446744073709551615ULL}}) ==
        "/count: expected integer in [1, 100], got 18446744073709551615");
  CHECK(only_problem({{"count", 1e300}}) == "/count: expected integer in [1, 100], got 1e+300");
  CHECK(only_problem({{"count", "5"}}) == "/count: expected integer in [1, 100], got string \"5\"");
  CHECK(only_problem({{"count", true}}) == "/count: expected integer in [1, 100], got true");
  CHECK(validate({{"count", 100}}).problems.empty());
  CHECK(validate({{"count", 1e2}}).problems.empty());
}

TEST_CASE("number ranges honour exclusive and inclusive ends") {
  CHECK(only_problem({{"ratio", 0}}) == "/ratio: expected number in (0, 1], got 0");
  CHECK(only_problem({{"ratio", 1.0000001}}) == "/ratio: expected number in (0, 1], got 1.0000001");
  CHECK(only_problem({{"ratio", nullptr}}) == "/ratio: expected number in (0, 1], got null");
  CHECK(validate({{"ratio", 1e-300}}).problems.empty());
}

TEST_CASE("strings, booleans and choices are type-checked; choices suggest the closest") {
  CHECK(only_problem({{"flag", 1}}) == "/flag: expected true or false, got 1");
  CHECK(only_problem({{"label", 3}}) == "/label: expected string, got 3");
  CHECK(only_problem({{"colour", "bleu"}}) ==
        "/colour: expected one of \"red\", \"blue\", got string \"bleu\" (did you mean \"blue\"?)");
}

TEST_CASE("unknown keys are rejected with the valid keys and a suggestion") {
  CHECK(only_problem({{"cuont", 3}}) ==
        "/cuont: expected one of the keys \"count\", \"maybe\", \"ratio\", \"flag\", \"label\", "
        "\"colour\", \"tags\", \"items\", \"delay_hours\", \"extra\", got \"cuont\" (did you mean "
        "\"count\"?)");
}

TEST_CASE("required keys must be present; nullable ones may be null") {
  CHECK(only_problem({{"items", {json::object()}}}) ==
        "/items/0/name: expected non-empty string, got nothing (the key is required)");
  CHECK(only_problem({{"extra", json::object()}}) ==
        "/extra/name: expected non-empty string, got nothing (the key is required)");
  CHECK(validate({{"extra", nullptr}, {"maybe", nullptr}}).problems.empty());
}

TEST_CASE("arrays check their length, items and uniqueness") {
  CHECK(only_problem({{"tags", {"a", "b", "c", "d"}}}) ==
        "/tags: expected array of at most 3 items, got an array of 4 items");
  CHECK(only_problem({{"tags", {"a", 2}}}) == "/tags/1: expected non-empty string, got 2");
  CHECK(only_problem({{"tags", {"a", "a"}}}) ==
        "/tags/1: expected a value not used by another item, got string \"a\" again (also item 0)");
  CHECK(only_problem({{"items", {{{"name", "p"}}, {{"name", "p"}}}}}) ==
        "/items/1/name: expected a value not used by another item, got string \"p\" again (also "
        "item 0)");
}

TEST_CASE("every problem is collected, not just the first") {
  const Outcome o = validate(json::parse(
      R"({"count": 0, "ratio": 2, "colour": "green", "zzz": 1, "items": [{"weight": 20}]})"));
  REQUIRE(o.problems.size() == 6);
  CHECK(o.problems[0].where == "/count");
  CHECK(o.problems[1].where == "/ratio");
  CHECK(o.problems[2].where == "/colour");
  CHECK(o.problems[3].where == "/items/0/name");
  CHECK(o.problems[4].where == "/items/0/weight");
  CHECK(o.problems[5].where == "/zzz");
}

TEST_CASE("invalid values are left out of the resolved document") {
  const Outcome o = validate({{"count", 0}, {"tags", {"a", 1}}, {"label", "ok"}});
  CHECK_FALSE(o.resolved.contains("count"));
  CHECK_FALSE(o.resolved.contains("tags"));
  CHECK(o.resolved["label"] == "ok");
}

TEST_CASE("distributions accept only their kinds and each kind's keys") {
  CHECK(only_problem({{"delay_hours", {{"dist", "weibull"}}}}) ==
        "/delay_hours/dist: expected one of \"fixed\", \"exponential\", \"uniform\", "
        "\"empirical\", got string \"weibull\"");
  CHECK(only_problem({{"delay_hours", {{"value_hours", 1}}}}) ==
        "/delay_hours/dist: expected one of \"fixed\", \"exponential\", \"uniform\", "
        "\"empirical\", got nothing (the key is required)");
  const Outcome wrong_unit =
      validate({{"delay_hours", {{"dist", "exponential"}, {"mean_days", 1}}}});
  REQUIRE(wrong_unit.problems.size() == 2);
  CHECK(wrong_unit.problems[0].where == "/delay_hours/mean_hours");
  CHECK(wrong_unit.problems[0].message ==
        "expected number in (0, 100], got nothing (the key is required)");
  CHECK(wrong_unit.problems[1].message ==
        "expected one of the keys \"dist\", \"mean_hours\", got \"mean_days\" (did you mean "
        "\"mean_hours\"?)");
  const Outcome o =
      validate({{"delay_hours", {{"dist", "fixed"}, {"value_hours", 1}, {"mean_hours", 2}}}});
  REQUIRE(o.problems.size() == 1);
  CHECK(o.problems[0].where == "/delay_hours/mean_hours");
  CHECK(o.problems[0].message.find("belongs to another \"dist\"") != std::string::npos);
}

TEST_CASE("distribution checks: uniform bounds in order, empirical weights matching values") {
  CHECK(
      only_problem({{"delay_hours", {{"dist", "uniform"}, {"min_hours", 5}, {"max_hours", 1}}}}) ==
      "/delay_hours/max_hours: expected a number >= min_hours (5), got 1");
  CHECK(only_problem({{"delay_hours",
                       {{"dist", "empirical"}, {"values_hours", {1, 2}}, {"weights", {1}}}}}) ==
        "/delay_hours/weights: expected 2 weights (one per value) or none, got 1");
  CHECK(only_problem({{"delay_hours",
                       {{"dist", "empirical"}, {"values_hours", {1, 2}}, {"weights", {0, 0}}}}}) ==
        "/delay_hours/weights: expected weights with a positive sum, got all zero");
  CHECK(only_problem({{"delay_hours", {{"dist", "empirical"}, {"values_hours", json::array()}}}}) ==
        "/delay_hours/values_hours: expected array of 1 to 1000000 items, got an array of 0 items");
  CHECK(only_problem({{"delay_hours", {{"dist", "fixed"}, {"value_hours", 101}}}}) ==
        "/delay_hours/value_hours: expected number in [0, 100], got 101");
}

TEST_CASE("a document that is not an object is one problem at the root") {
  const Outcome o = validate(json::array());
  REQUIRE(o.problems.size() == 1);
  CHECK(o.problems[0].where.empty());
  CHECK(o.problems[0].message == "expected object, got an array of 0 items");
  CHECK(o.resolved == json::object());
}

}  // namespace sliversim::scenario
