// Reading a plan document back: shape checks with pointer-named problems, then its SHA-256.
#include "sim/sweep/plan_file.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "sim/scenario/problem.hpp"
#include "sim/scenario/strict_json.hpp"
#include "sim/sweep/sweep_plan.hpp"

namespace sliversim::sweep {
namespace {

using nlohmann::json;
using scenario::describe_value;
using scenario::pointer_join;

class PlanReader {
 public:
  // The plan in `doc`, or nullopt with problems.
  std::optional<PlanDocument> read(const json& doc) {
    if (!doc.is_object()) {
      fail("", "expected a sweep plan object, got " + describe_value(doc));
      return std::nullopt;
    }
    if (doc.value("kind", json()) != kPlanKind) {
      fail("/kind", fmt::format("expected \"{}\" (a plan written by sliversim sweep), got {}",
                                kPlanKind, describe_value(doc.value("kind", json()))));
      return std::nullopt;
    }
    if (doc.value("schema_version", json()) != kSweepSchemaVersion) {
      fail("/schema_version", fmt::format("expected {}, got {}", kSweepSchemaVersion,
                                          describe_value(doc.value("schema_version", json()))));
      return std::nullopt;
    }
    PlanDocument plan;
    plan.document = doc;
    plan.name = string_at(doc, "/name");
    plan.sha256 = string_at(doc, "/plan_sha256");
    read_axes(doc, plan);
    read_points(doc, plan);
    if (problems_.empty() && plan_sha256(doc) != plan.sha256) {
      fail("/plan_sha256",
           "expected the SHA-256 of the plan's content, got a different one (the "
           "file was edited)");
    }
    if (!problems_.empty()) return std::nullopt;
    return plan;
  }

  const scenario::Problems& problems() const { return problems_; }

 private:
  void fail(std::string where, std::string message) {
    problems_.push_back({std::move(where), std::move(message)});
  }

  // The value at `pointer` when it satisfies `ok`, else nullptr after a problem.
  template <class Ok>
  const json* at(const json& doc, const std::string& pointer, const char* expected, Ok ok) {
    const json::json_pointer p(pointer);
    if (doc.contains(p) && ok(doc.at(p))) return &doc.at(p);
    fail(pointer, std::string("expected ") + expected + ", got " +
                      (doc.contains(p) ? describe_value(doc.at(p)) : std::string("nothing")));
    return nullptr;
  }

  std::string string_at(const json& doc, const std::string& pointer) {
    const json* v = at(doc, pointer, "a string", [](const json& j) { return j.is_string(); });
    return v != nullptr ? v->get<std::string>() : std::string();
  }

  void read_axes(const json& doc, PlanDocument& plan) {
    const json* axes = at(doc, "/axes", "an array", [](const json& j) { return j.is_array(); });
    if (axes == nullptr) return;
    for (std::size_t i = 0; i < axes->size(); ++i) {
      const std::string where = pointer_join("/axes", i);
      plan.axis_keys.push_back(string_at(doc, where + "/key"));
      const json* values = at(doc, where + "/values", "a non-empty array",
                              [](const json& j) { return j.is_array() && !j.empty(); });
      plan.axis_values.push_back(values != nullptr ? values->get<std::vector<json>>()
                                                   : std::vector<json>{});
    }
  }

  void read_points(const json& doc, PlanDocument& plan) {
    const json* seeds = at(doc, "/seeds", "a non-empty array",
                           [](const json& j) { return j.is_array() && !j.empty(); });
    const json* points = at(doc, "/points", "an array", [](const json& j) { return j.is_array(); });
    if (seeds == nullptr || points == nullptr) return;
    plan.seed_count = seeds->size();
    if (points->size() % plan.seed_count != 0) {
      fail("/points", fmt::format("expected a multiple of {} points (one per seed), got {}",
                                  plan.seed_count, points->size()));
      return;
    }
    for (std::size_t i = 0; i < points->size(); ++i) {
      const std::string where = pointer_join("/points", i);
      at(doc, where + "/index", "the point's position",
         [i](const json& j) { return j.is_number_unsigned() && j.get<std::size_t>() == i; });
      at(doc, where + "/params", "an object", [](const json& j) { return j.is_object(); });
      at(doc, where + "/seed", "integer >= 0",
         [](const json& j) { return j.is_number_unsigned(); });
      string_at(doc, where + "/resolved_sha256");
      plan.points.push_back((*points)[i]);
    }
  }

  scenario::Problems problems_;
};

}  // namespace

PlanFileResult read_plan_file(const std::filesystem::path& file) {
  const std::string name = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) return {std::nullopt, {name + ": expected a sweep plan file, got no such file"}};
  std::ostringstream text;
  text << in.rdbuf();
  const scenario::ParsedJson parsed = scenario::parse_strict_json(text.str());
  if (!parsed.syntax_ok || !parsed.problems.empty()) {
    return {std::nullopt, scenario::format_problems(name, parsed.problems)};
  }
  PlanReader reader;
  std::optional<PlanDocument> plan = reader.read(parsed.value);
  if (!plan) return {std::nullopt, scenario::format_problems(name, reader.problems())};
  return {std::move(plan), {}};
}

}  // namespace sliversim::sweep
