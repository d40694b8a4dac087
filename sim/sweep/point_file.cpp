// Point files: names, the sweep object, the skip check and atomic writes.
#include "sim/sweep/point_file.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace sliversim::sweep {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kPrefix = "point-";
constexpr std::string_view kSuffix = ".json";
constexpr std::size_t kDigits = 5;

}  // namespace

std::string point_file_name(std::size_t index) { return fmt::format("point-{:05}.json", index); }

std::optional<std::size_t> parse_point_file_name(std::string_view name) {
  if (name.size() != kPrefix.size() + kDigits + kSuffix.size()) return std::nullopt;
  if (name.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  if (name.substr(kPrefix.size() + kDigits) != kSuffix) return std::nullopt;
  std::size_t index = 0;
  for (const char c : name.substr(kPrefix.size(), kDigits)) {
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index;
}

json point_sweep_block(const SweepPlan& plan, const PlannedPoint& point) {
  return {{"name", plan.sweep.name},
          {"index", point.point.index},
          {"params", point.params},
          {"seed", point.point.seed},
          {"plan_sha256", plan.sha256}};
}

std::string existing_point_problem(const fs::path& file, const SweepPlan& plan,
                                   const PlannedPoint& point, int results_schema_version) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return "no such file";
  std::ostringstream text;
  text << in.rdbuf();
  const json doc = json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return "not a complete JSON file";
  if (doc.value("schema_version", json()) != results_schema_version) {
    return "another results schema_version";
  }
  if (!doc.contains("schemes") || !doc["schemes"].is_object() || !doc.contains("comparison") ||
      !doc["comparison"].is_object()) {
    return "not a complete results file";
  }
  if (doc.value("sweep", json()) != point_sweep_block(plan, point)) return "another sweep plan";
  const json::json_pointer resolved("/scenario/resolved");
  if (!doc.contains(resolved) || doc.at(resolved) != point.scenario.resolved) {
    return "another resolved scenario";
  }
  return "";
}

void write_file_atomically(const fs::path& path, std::string_view text) {
  // Unique per host and process: shards on several machines may share the folder.
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  const fs::path temp =
      path.parent_path() / fmt::format(".{}.tmp-{}-{}", path.filename().string(),
                                       static_cast<const char*>(host), ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      throw std::runtime_error(path.string() + ": cannot write");
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw std::runtime_error(path.string() + ": cannot write: " + ec.message());
  }
}

}  // namespace sliversim::sweep
