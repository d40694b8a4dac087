// Loading results files and checking that two of them describe the same run setup.
#include "sim/compare/results_input.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "sim/scenario/problem.hpp"
#include "sim/scenario/strict_json.hpp"

namespace sliversim::compare {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxListedDifferences = 8;
constexpr std::size_t kMaxShownValueChars = 72;

// Why `doc` is not a sliversim results file, or empty when it is one.
std::string results_shape_problem(const json& doc) {
  if (!doc.is_object()) return "expected a JSON object, got " + scenario::describe_value(doc);
  if (!doc.contains("schema_version") || !doc["schema_version"].is_number_integer()) {
    return "expected an integer /schema_version";
  }
  if (doc.contains("tool") &&
      !(doc["tool"].is_object() && doc["tool"].value("name", json()) == "sliversim")) {
    return "expected /tool/name \"sliversim\"";
  }
  const json* scenario = doc.contains("scenario") ? &doc["scenario"] : nullptr;
  if (scenario == nullptr || !scenario->is_object() || !scenario->contains("sha256") ||
      !(*scenario)["sha256"].is_string()) {
    return "expected /scenario/sha256";
  }
  if (!doc.contains("schemes") || !doc["schemes"].is_object()) return "expected a /schemes object";
  return {};
}

// `value` as compact JSON, shortened for messages; "absent" for a missing value.
std::string shown(const json* value) {
  if (value == nullptr) return "absent";
  std::string text = value->dump();
  if (text.size() > kMaxShownValueChars) text = text.substr(0, kMaxShownValueChars - 3) + "...";
  return text;
}

// Where `baseline` and `candidate` differ below `pointer`. Keys only the candidate's objects have
// go to `added`; every other difference goes to `changed`.
void diff_values(const json& baseline, const json& candidate, const std::string& pointer,
                 std::vector<std::string>* changed, std::vector<std::string>* added) {
  if (baseline.is_object() && candidate.is_object()) {
    for (const auto& [key, value] : baseline.items()) {
      const std::string child = scenario::pointer_join(pointer, key);
      if (!candidate.contains(key)) {
        changed->push_back(child);
      } else {
        diff_values(value, candidate[key], child, changed, added);
      }
    }
    for (const auto& [key, value] : candidate.items()) {
      if (!baseline.contains(key)) added->push_back(scenario::pointer_join(pointer, key));
    }
    return;
  }
  if (baseline != candidate) changed->push_back(pointer);
}

// The value at `pointer` in `doc`, or nullptr.
const json* find(const json& doc, const std::string& pointer) {
  const json::json_pointer p(pointer);
  return doc.contains(p) ? &doc.at(p) : nullptr;
}

// One message per differing pointer (at most kMaxListedDifferences, then a count).
std::vector<std::string> describe_differences(const ResultsFile& baseline,
                                              const ResultsFile& candidate,
                                              const std::vector<std::string>& pointers) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < pointers.size() && i < kMaxListedDifferences; ++i) {
    lines.push_back(fmt::format("{}: {} in {}, {} in {}", pointers[i],
                                shown(find(baseline.value, pointers[i])), baseline.name,
                                shown(find(candidate.value, pointers[i])), candidate.name));
  }
  if (pointers.size() > kMaxListedDifferences) {
    lines.push_back(
        fmt::format("... and {} more differences", pointers.size() - kMaxListedDifferences));
  }
  return lines;
}

// The pointers where the run setups (scenario sha256, resolved scenario, seed) differ; resolved
// keys only the candidate has go to `added`.
std::vector<std::string> setup_differences(const json& baseline, const json& candidate,
                                           std::vector<std::string>* added) {
  std::vector<std::string> changed;
  for (const char* pointer : {"/scenario/sha256", "/seed"}) {
    const json* b = find(baseline, pointer);
    const json* c = find(candidate, pointer);
    if ((b == nullptr) != (c == nullptr) || (b != nullptr && *b != *c)) {
      changed.emplace_back(pointer);
    }
  }
  const json* b = find(baseline, "/scenario/resolved");
  const json* c = find(candidate, "/scenario/resolved");
  const json empty = json::object();
  diff_values(b != nullptr ? *b : empty, c != nullptr ? *c : empty, "/scenario/resolved", &changed,
              added);
  return changed;
}

}  // namespace

ResultsFile parse_results_text(const std::string& name, const std::string& text) {
  scenario::ParsedJson parsed = scenario::parse_strict_json(text);
  if (!parsed.problems.empty()) {
    throw UnusableInput(scenario::format_problems(name, parsed.problems));
  }
  const std::string problem = results_shape_problem(parsed.value);
  if (!problem.empty()) {
    throw UnusableInput({fmt::format("{}: not a sliversim results file: {}", name, problem)});
  }
  return ResultsFile{name, std::move(parsed.value)};
}

ResultsFile load_results_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw UnusableInput({fmt::format("{}: no such file; expected a sliversim results file", path)});
  }
  if (std::filesystem::is_directory(path, ec)) {
    throw UnusableInput(
        {fmt::format("{}: is a directory; expected a sliversim results file", path)});
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) {
    throw UnusableInput({fmt::format("{}: cannot read; expected a sliversim results file", path)});
  }
  return parse_results_text(path, text.str());
}

std::vector<std::string> check_comparable(const ResultsFile& baseline, const ResultsFile& candidate,
                                          bool allow_different_scenario) {
  const json& b = baseline.value["schema_version"];
  const json& c = candidate.value["schema_version"];
  if (b != c) {
    throw UnusableInput({fmt::format(
        "{} has schema_version {} and {} has schema_version {}; results of different schema "
        "versions are not compared (regenerate the baseline with the same sliversim)",
        baseline.name, b.dump(), candidate.name, c.dump())});
  }
  std::vector<std::string> added;
  const std::vector<std::string> changed =
      setup_differences(baseline.value, candidate.value, &added);
  std::vector<std::string> notes;
  if (!changed.empty()) {
    std::vector<std::string> lines = describe_differences(baseline, candidate, changed);
    if (!allow_different_scenario) {
      lines.insert(lines.begin(),
                   fmt::format("{} and {} come from different scenarios or seeds; refusing to "
                               "compare them (--allow-different-scenario overrides):",
                               baseline.name, candidate.name));
      throw UnusableInput(std::move(lines));
    }
    notes.push_back("scenarios differ (allowed by --allow-different-scenario):");
    notes.insert(notes.end(), lines.begin(), lines.end());
  }
  if (!added.empty()) {
    notes.push_back("resolved scenario keys only in the candidate (additive, accepted):");
    const std::vector<std::string> lines = describe_differences(baseline, candidate, added);
    notes.insert(notes.end(), lines.begin(), lines.end());
  }
  if (baseline.value.value("trace_digest", json()) !=
      candidate.value.value("trace_digest", json())) {
    notes.push_back(
        fmt::format("trace_digest differs: the world's event trace changed ({} in {}, "
                    "{} in {})",
                    shown(find(baseline.value, "/trace_digest")), baseline.name,
                    shown(find(candidate.value, "/trace_digest")), candidate.name));
  }
  return notes;
}

}  // namespace sliversim::compare
