// The scenario loader: the steps of load_scenario in order, each adding to one problem list.
#include "sim/scenario/loader.hpp"

#include <sodium.h>

#include <fstream>
#include <sstream>

#include "sim/scenario/cross_checks.hpp"
#include "sim/scenario/derived_defaults.hpp"
#include "sim/scenario/overrides.hpp"
#include "sim/scenario/scenario_schema.hpp"
#include "sim/scenario/strict_json.hpp"
#include "sim/scenario/topology_file.hpp"
#include "sim/scenario/trace_file.hpp"
#include "sim/scenario/validator.hpp"

namespace sliversim::scenario {

namespace {

using nlohmann::json;

class Loading {
 public:
  Loading(std::string name, std::filesystem::path base_dir)
      : name_(std::move(name)), base_dir_(std::move(base_dir)) {}

  LoadResult run(std::string_view text, const std::vector<std::string>& override_texts) {
    ParsedJson parsed = parse_strict_json(text);
    problems_ = std::move(parsed.problems);
    if (!parsed.syntax_ok) return finish(text, {});
    for (const auto& t : override_texts) {
      if (auto o = parse_override(t, problems_)) overrides_.push_back(std::move(*o));
    }
    apply_overrides(scenario_spec().spec(), overrides_, parsed.value, problems_);
    resolved_ = validate_document(scenario_spec().spec(), parsed.value, {base_dir_}, problems_);
    fill_derived_defaults(resolved_);
    scenario_spec().bind(resolved_, config_);
    complete_config();
    const Problems before_cross_checks = problems_;
    check_cross_fields(config_, before_cross_checks, problems_);
    return finish(text, override_texts);
  }

 private:
  // Derived config members and the files the scenario refers to.
  void complete_config() {
    if (!any_overlap(problems_,
                     {"/nodes/count", "/nodes/classes/*/count", "/nodes/classes/*/fraction"})) {
      const auto counts = apportion_class_counts(config_.nodes.classes, config_.nodes.count);
      for (std::size_t i = 0; i < counts.size(); ++i) {
        config_.nodes.classes[i].initial_count = counts[i];
      }
    }
    if (!any_overlap(problems_, {"/topology"})) load_topology();
    if (config_.trace &&
        !any_overlap(problems_,
                     {"/trace", "/nodes/count", "/nodes/classes/*/count", "/run/duration_days"})) {
      load_trace();
    }
  }

  void load_topology() {
    TopologyConfig& t = config_.topology;
    if (t.source == TopologySource::kGenerated) {
      t.layout = generate_layout(t);
      return;
    }
    const std::filesystem::path path = base_dir_ / t.file;
    TopologyFileResult loaded = load_topology_file(path);
    if (loaded.problems.empty()) {
      t.layout = std::move(loaded.layout);
      return;
    }
    referenced_file_failed("/topology/file", "topology", path, loaded.problems);
  }

  void load_trace() {
    const std::filesystem::path path = base_dir_ / config_.trace->file;
    TraceFileResult loaded =
        load_trace_file(path, config_.nodes.count, config_.run.duration_days * 24.0);
    if (loaded.problems.empty()) {
      config_.trace->events = std::move(loaded.events);
      return;
    }
    referenced_file_failed("/trace/file", "trace", path, loaded.problems);
  }

  void referenced_file_failed(const std::string& where, const std::string& what,
                              const std::filesystem::path& path, const Problems& problems) {
    problems_.push_back({where, "expected a valid " + what + " file, got " +
                                    std::to_string(problems.size()) + " problem" +
                                    (problems.size() == 1 ? "" : "s") + " in " + path.string()});
    for (auto& line : format_problems(path.string(), problems)) {
      referenced_lines_.push_back(std::move(line));
    }
  }

  // Marks the problems of overridden keys, so the user knows where the bad value came from.
  void note_override_origins() {
    for (auto& p : problems_) {
      if (p.message.find("(from --set ") != std::string::npos) continue;
      for (auto it = overrides_.rbegin(); it != overrides_.rend(); ++it) {
        if (!it->applied_pointer.empty() && pointer_is_under(p.where, it->applied_pointer)) {
          p.message += " (from --set " + it->text + ")";
          break;
        }
      }
    }
  }

  LoadResult finish(std::string_view text, const std::vector<std::string>& override_texts) {
    note_override_origins();
    LoadResult result;
    result.problems = format_problems(name_, problems_);
    for (auto& line : referenced_lines_) result.problems.push_back(std::move(line));
    if (!result.problems.empty()) return result;
    result.scenario = LoadedScenario{name_, sha256_hex(text), std::move(config_),
                                     std::move(resolved_), override_texts};
    return result;
  }

  std::string name_;
  std::filesystem::path base_dir_;
  Problems problems_;
  std::vector<Override> overrides_;
  std::vector<std::string> referenced_lines_;
  json resolved_;
  ScenarioConfig config_;
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * sizeof digest);
  for (const unsigned char b : digest) {
    hex.push_back(kHex[b >> 4]);
    hex.push_back(kHex[b & 0x0F]);
  }
  return hex;
}

LoadResult load_scenario_text(std::string_view text, const std::string& display_name,
                              const std::filesystem::path& base_dir,
                              const std::vector<std::string>& overrides) {
  return Loading(display_name, base_dir).run(text, overrides);
}

LoadResult load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    const bool folder = std::filesystem::is_directory(path, ec);
    return {std::nullopt,
            {path + ": expected a scenario file, got " + (folder ? "a folder" : "no such file")}};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) {
    return {std::nullopt,
            {path + ": expected a readable scenario file, got one that cannot be "
                    "opened"}};
  }
  std::ostringstream text;
  text << in.rdbuf();  // an empty file leaves `text` empty: a JSON syntax error like any other
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  return load_scenario_text(text.str(), path, base, overrides);
}

}  // namespace sliversim::scenario
