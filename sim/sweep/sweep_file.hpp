// Sweep files (scenarios/*_sweep.json): a base scenario, axes of `--set` keys with the values
// each takes, and seeds. This file reads and checks one as strictly as the scenario loader reads
// scenarios: standard JSON, no unknown or duplicate keys, every problem reported as
// "FILE: /json/pointer: expected ..., got ...". Whether each expanded point is a valid scenario is
// checked later (sweep_plan.hpp), against the base.
//
//   {"description": "...",
//    "sweep": {"name": "blob_size_sweep", "base": "sweep_bases/blob_size.json",
//              "seeds": [1, 2] | {"count": 5, "first": 1},
//              "axes": [{"key": "/blobs/0/size_bytes/value_bytes", "values": [1048576, ...]}],
//              "zip": false}}
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sliversim::sweep {

// Limits that keep a sweep's plan small enough to hold in memory and its point files named with
// five digits.
inline constexpr std::size_t kMaxSeeds = 10000;
inline constexpr std::size_t kMaxAxisValues = 10000;
inline constexpr std::size_t kMaxAxes = 32;
inline constexpr std::size_t kMaxPoints = 100000;

// One axis: a scenario key and the values it takes, in file order.
struct Axis {
  std::string key;      // as written: a --set JSON pointer ("/shards/n") or a dotted path
                        // ("shards.n"); names the axis in params, CSV columns and tables
  std::string pointer;  // the JSON pointer the key names ("/shards/n" for both spellings)
  std::vector<nlohmann::json> values;  // at least one, all different
};

// The grid of a sweep: what expands into points (sweep_grid.hpp).
struct Grid {
  std::vector<Axis> axes;            // may be empty: one parameter combination
  std::vector<std::uint64_t> seeds;  // at least one, all different, in file order
  bool zip = false;  // false: the cartesian product of the axes; true: the axes taken element
                     // by element (all have the same number of values)
};

// The base scenario of a sweep: a file, or a scenario object written inline.
struct BaseScenario {
  std::optional<std::filesystem::path> file;  // the file, relative to the current directory
  nlohmann::json inline_scenario;             // the inline object when `file` is empty
  std::filesystem::path base_dir;             // where the scenario's own relative paths start
  std::string display_name;  // how problems name it: the file's path, or "SWEEP#/sweep/base"
};

// A checked sweep file.
struct SweepSpec {
  std::string path;  // as given
  std::string description;
  std::string name;
  BaseScenario base;
  Grid grid;
};

// The outcome of reading a sweep file: the sweep, or every problem that prevents it.
struct SweepLoadResult {
  std::optional<SweepSpec> sweep;     // set exactly when problems is empty
  std::vector<std::string> problems;  // "FILE: /json/pointer: expected ..., got ..."
};

// Reads and checks the sweep file at `path`. Never throws for bad input.
SweepLoadResult load_sweep_file(const std::string& path);

// As load_sweep_file for `text`, named `display_name` in problems; the base file is looked up
// relative to `base_dir`.
SweepLoadResult load_sweep_text(std::string_view text, const std::string& display_name,
                                const std::filesystem::path& base_dir);

// True when the file at `path` is a JSON object with a top-level "sweep" key (a sweep file rather
// than a scenario). False when it cannot be read or parsed.
bool is_sweep_file(const std::string& path);

// The JSON pointer an axis key names: `key` itself when it starts with '/', else its dotted
// form converted ("blobs.0.size_bytes" -> "/blobs/0/size_bytes"). Returns nullopt for an empty
// key or an empty dotted step ("a..b", ".a").
std::optional<std::string> axis_pointer(std::string_view key);

}  // namespace sliversim::sweep
