// Reading a sweep file: strict JSON, then one check per key, every problem collected.
#include "sim/sweep/sweep_file.hpp"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "sim/scenario/problem.hpp"
#include "sim/scenario/strict_json.hpp"
#include "sim/scenario/suggest.hpp"

namespace sliversim::sweep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using scenario::describe_value;
using scenario::pointer_join;
using scenario::Problems;

constexpr std::uint64_t kMaxU64 = std::numeric_limits<std::uint64_t>::max();

// The value of an integral JSON number in [0, 2^64) (3 and 3.0 alike), or nullopt.
std::optional<std::uint64_t> as_unsigned(const json& v) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer()) {
    const auto i = v.get<std::int64_t>();
    if (i < 0) return std::nullopt;
    return static_cast<std::uint64_t>(i);
  }
  if (!v.is_number_float()) return std::nullopt;
  const double d = v.get<double>();
  if (!(d >= 0.0) || d >= 18446744073709551616.0 ||
      d != static_cast<double>(static_cast<std::uint64_t>(d))) {
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(d);
}

// describe_value, with "an empty array" for [].
std::string describe(const json& v) {
  return v.is_array() && v.empty() ? "an empty array" : describe_value(v);
}

class Checker {
 public:
  Checker(fs::path base_dir, std::string display_name)
      : base_dir_(std::move(base_dir)), display_name_(std::move(display_name)) {}

  std::optional<SweepSpec> check(const json& doc) {
    if (!doc.is_object()) {
      fail("", "expected a sweep object {\"description\", \"sweep\"}, got " + describe_value(doc));
      return std::nullopt;
    }
    SweepSpec spec;
    known_keys(doc, "", {"description", "sweep"});
    if (const auto it = doc.find("description"); it != doc.end()) {
      if (it->is_string()) {
        spec.description = it->get<std::string>();
      } else {
        fail("/description", "expected string, got " + describe_value(*it));
      }
    }
    const auto sweep = doc.find("sweep");
    if (sweep == doc.end()) {
      fail("/sweep",
           "expected an object {\"name\", \"base\", \"seeds\", \"axes\"}, got nothing "
           "(the key is required)");
    } else if (!sweep->is_object()) {
      fail("/sweep", "expected an object {\"name\", \"base\", \"seeds\", \"axes\"}, got " +
                         describe_value(*sweep));
    } else {
      check_sweep(*sweep, spec);
    }
    if (!problems_.empty()) return std::nullopt;
    return spec;
  }

  const Problems& problems() const { return problems_; }

 private:
  void fail(std::string where, std::string message) {
    problems_.push_back({std::move(where), std::move(message)});
  }

  void known_keys(const json& object, const std::string& where,
                  const std::vector<std::string>& allowed) {
    for (const auto& [key, value] : object.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      fail(pointer_join(where, key), "expected one of the keys " + scenario::quoted_list(allowed) +
                                         ", got \"" + key + "\"" +
                                         scenario::did_you_mean(key, allowed));
    }
  }

  // The value of required key `key`, or nullptr after a problem.
  const json* required(const json& object, const std::string& where, const std::string& key,
                       const std::string& expected) {
    const auto it = object.find(key);
    if (it != object.end()) return &*it;
    fail(pointer_join(where, key), "expected " + expected + ", got nothing (the key is required)");
    return nullptr;
  }

  void check_sweep(const json& s, SweepSpec& spec) {
    known_keys(s, "/sweep", {"name", "base", "seeds", "axes", "zip"});
    if (const json* name = required(s, "/sweep", "name", "a non-empty string")) {
      if (name->is_string() && !name->get<std::string>().empty()) {
        spec.name = name->get<std::string>();
      } else {
        fail("/sweep/name", "expected a non-empty string, got " + describe_value(*name));
      }
    }
    if (const json* base = required(s, "/sweep", "base", kBaseExpected)) check_base(*base, spec);
    if (const json* seeds = required(s, "/sweep", "seeds", kSeedsExpected)) {
      check_seeds(*seeds, spec.grid);
    }
    if (const auto zip = s.find("zip"); zip != s.end()) {
      if (zip->is_boolean()) {
        spec.grid.zip = zip->get<bool>();
      } else {
        fail("/sweep/zip", "expected true or false, got " + describe_value(*zip));
      }
    }
    if (const json* axes = required(s, "/sweep", "axes", kAxesExpected)) {
      check_axes(*axes, spec.grid);
    }
  }

  static constexpr const char* kBaseExpected =
      "a scenario file name (relative to the sweep file) or an inline scenario object";
  static constexpr const char* kSeedsExpected =
      "an array of seeds or an object {\"count\": C, \"first\": F}";
  static constexpr const char* kAxesExpected = "an array of {\"key\", \"values\"} objects";

  void check_base(const json& base, SweepSpec& spec) {
    spec.base.base_dir = base_dir_;
    if (base.is_object()) {
      spec.base.inline_scenario = base;
      spec.base.display_name = display_name_ + "#/sweep/base";
      return;
    }
    if (!base.is_string() || base.get<std::string>().empty()) {
      fail("/sweep/base",
           std::string("expected ") + kBaseExpected + ", got " + describe_value(base));
      return;
    }
    const fs::path file = base_dir_ / base.get<std::string>();
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) {
      fail("/sweep/base", "expected an existing scenario file, got " + describe_value(base) +
                              " (no such file: " + file.string() + ")");
      return;
    }
    spec.base.file = file;
    spec.base.base_dir = file.parent_path();
    spec.base.display_name = file.string();
  }

  void check_seeds(const json& seeds, Grid& grid) {
    if (seeds.is_array()) {
      check_seed_list(seeds, grid);
    } else if (seeds.is_object()) {
      check_seed_range(seeds, grid);
    } else {
      fail("/sweep/seeds",
           std::string("expected ") + kSeedsExpected + ", got " + describe_value(seeds));
    }
  }

  void check_seed_list(const json& seeds, Grid& grid) {
    if (seeds.empty() || seeds.size() > kMaxSeeds) {
      fail("/sweep/seeds",
           fmt::format("expected 1 to {} seeds, got {}", kMaxSeeds, describe(seeds)));
      return;
    }
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      const std::string where = pointer_join("/sweep/seeds", i);
      const auto seed = as_unsigned(seeds[i]);
      if (!seed) {
        fail(where, "expected integer >= 0, got " + describe_value(seeds[i]));
        continue;
      }
      const auto earlier = std::find(grid.seeds.begin(), grid.seeds.end(), *seed);
      if (earlier != grid.seeds.end()) {
        fail(where, fmt::format("expected a seed not already listed, got {} (also at {})", *seed,
                                pointer_join("/sweep/seeds", static_cast<std::size_t>(
                                                                 earlier - grid.seeds.begin()))));
        continue;
      }
      grid.seeds.push_back(*seed);
    }
  }

  void check_seed_range(const json& seeds, Grid& grid) {
    known_keys(seeds, "/sweep/seeds", {"count", "first"});
    std::optional<std::uint64_t> count;
    if (const json* c = required(seeds, "/sweep/seeds", "count",
                                 fmt::format("integer in [1, {}]", kMaxSeeds))) {
      count = as_unsigned(*c);
      if (!count || *count < 1 || *count > kMaxSeeds) {
        fail("/sweep/seeds/count",
             fmt::format("expected integer in [1, {}], got {}", kMaxSeeds, describe_value(*c)));
        count.reset();
      }
    }
    std::uint64_t first = 1;
    if (const auto f = seeds.find("first"); f != seeds.end()) {
      const std::uint64_t max_first = kMaxU64 - (count ? *count - 1 : 0);
      const auto value = as_unsigned(*f);
      if (!value || *value > max_first) {
        fail("/sweep/seeds/first",
             fmt::format("expected integer in [0, {}], got {}", max_first, describe_value(*f)));
        return;
      }
      first = *value;
    }
    if (!count) return;
    for (std::uint64_t i = 0; i < *count; ++i) grid.seeds.push_back(first + i);
  }

  void check_axes(const json& axes, Grid& grid) {
    if (!axes.is_array() || axes.size() > kMaxAxes) {
      fail("/sweep/axes", fmt::format("expected {} (at most {}), got {}", kAxesExpected, kMaxAxes,
                                      describe_value(axes)));
      return;
    }
    for (std::size_t i = 0; i < axes.size(); ++i)
      check_axis(axes[i], pointer_join("/sweep/axes", i), grid);
    if (grid.axes.size() != axes.size()) return;
    check_point_count(grid);
  }

  void check_axis(const json& axis, const std::string& where, Grid& grid) {
    if (!axis.is_object()) {
      fail(where, "expected an object {\"key\", \"values\"}, got " + describe_value(axis));
      return;
    }
    known_keys(axis, where, {"key", "values"});
    Axis out;
    bool ok = true;
    if (const json* key = required(axis, where, "key", kKeyExpected)) {
      ok = check_axis_key(*key, where + "/key", out) && ok;
    } else {
      ok = false;
    }
    if (const json* values = required(axis, where, "values", "a non-empty array of values")) {
      ok = check_axis_values(*values, where + "/values", out) && ok;
    } else {
      ok = false;
    }
    if (ok) grid.axes.push_back(std::move(out));
  }

  static constexpr const char* kKeyExpected =
      "a --set path such as \"/shards/n\" (or dotted, \"shards.n\")";

  bool check_axis_key(const json& key, const std::string& where, Axis& out) {
    const std::optional<std::string> pointer =
        key.is_string() ? axis_pointer(key.get<std::string>()) : std::nullopt;
    if (!pointer) {
      fail(where, std::string("expected ") + kKeyExpected + ", got " + describe_value(key));
      return false;
    }
    for (const auto& [seen, seen_where] : axis_pointers_) {
      if (seen != *pointer) continue;
      fail(where, fmt::format("expected a key no other axis sweeps, got {} (the key of {})",
                              describe_value(key), seen_where.substr(0, seen_where.size() - 4)));
      return false;
    }
    axis_pointers_.emplace_back(*pointer, where);
    out.key = key.get<std::string>();
    out.pointer = *pointer;
    return true;
  }

  bool check_axis_values(const json& values, const std::string& where, Axis& out) {
    if (!values.is_array() || values.empty() || values.size() > kMaxAxisValues) {
      fail(where, fmt::format("expected an array of 1 to {} values, got {}", kMaxAxisValues,
                              describe(values)));
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const auto earlier = std::find(out.values.begin(), out.values.end(), values[i]);
      if (earlier != out.values.end()) {
        fail(pointer_join(where, i),
             "expected a value not already listed, got " + describe_value(values[i]) +
                 " (also at " +
                 pointer_join(where, static_cast<std::size_t>(earlier - out.values.begin())) + ")");
        ok = false;
        continue;
      }
      out.values.push_back(values[i]);
    }
    return ok;
  }

  void check_point_count(const Grid& grid) {
    std::size_t combinations = grid.axes.empty() ? 1 : (grid.zip ? grid.axes[0].values.size() : 1);
    for (std::size_t i = 0; i < grid.axes.size(); ++i) {
      const std::size_t size = grid.axes[i].values.size();
      if (grid.zip) {
        if (size == grid.axes[0].values.size()) continue;
        fail(pointer_join(pointer_join("/sweep/axes", i), "values"),
             fmt::format("expected {} values (as many as /sweep/axes/0/values, since zip is "
                         "true), got {}",
                         grid.axes[0].values.size(), size));
        return;
      }
      if (combinations > kMaxPoints) break;
      combinations *= size;
    }
    const std::size_t seeds = std::max<std::size_t>(grid.seeds.size(), 1);
    if (combinations > kMaxPoints || combinations * seeds > kMaxPoints) {
      fail("/sweep", fmt::format("expected at most {} points (parameter combinations x seeds), "
                                 "got more",
                                 kMaxPoints));
    }
  }

  fs::path base_dir_;
  std::string display_name_;
  Problems problems_;
  // (pointer, where) of every axis key accepted so far, in file order.
  std::vector<std::pair<std::string, std::string>> axis_pointers_;
};

}  // namespace

std::optional<std::string> axis_pointer(std::string_view key) {
  if (key.empty()) return std::nullopt;
  if (key.front() == '/') return std::string(key);
  std::string pointer;
  std::size_t start = 0;
  while (start <= key.size()) {
    const std::size_t end = std::min(key.find('.', start), key.size());
    if (end == start) return std::nullopt;
    pointer = pointer_join(pointer, key.substr(start, end - start));
    start = end + 1;
  }
  return pointer;
}

SweepLoadResult load_sweep_text(std::string_view text, const std::string& display_name,
                                const fs::path& base_dir) {
  SweepLoadResult result;
  scenario::ParsedJson parsed = scenario::parse_strict_json(text);
  if (!parsed.syntax_ok || !parsed.problems.empty()) {
    result.problems = scenario::format_problems(display_name, parsed.problems);
    return result;
  }
  Checker checker(base_dir, display_name);
  result.sweep = checker.check(parsed.value);
  if (!result.sweep) {
    result.problems = scenario::format_problems(display_name, checker.problems());
    return result;
  }
  result.sweep->path = display_name;
  return result;
}

SweepLoadResult load_sweep_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::error_code ec;
  if (!in || fs::is_directory(path, ec)) {
    return {std::nullopt, {path + ": expected a readable sweep file, got no such file"}};
  }
  std::ostringstream text;
  text << in.rdbuf();
  return load_sweep_text(text.str(), path, fs::path(path).parent_path());
}

bool is_sweep_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  const json doc = json::parse(text.str(), nullptr, false);
  return doc.is_object() && doc.contains("sweep");
}

}  // namespace sliversim::sweep
