// Small helpers shared by the benchmarks: wall-clock timing of a repeated body, aligned table
// printing and machine description. Benchmarks are plain executables; nothing here is a test.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace sliversim::bench {

// Runs body() repeatedly until at least min_seconds have passed (and at least min_reps times)
// and returns the fastest single run in seconds.
double best_seconds(const std::function<void()>& body, double min_seconds, int min_reps = 2);

// A table printed with aligned columns and mirrored as a JSON array of objects.
class Table {
 public:
  Table(std::string title, std::vector<std::string> columns);
  void add_row(std::vector<std::string> cells, nlohmann::json record);
  void print() const;
  const nlohmann::json& records() const { return records_; }
  const std::string& title() const { return title_; }

 private:
  std::string title_;
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
  nlohmann::json records_ = nlohmann::json::array();
};

// "GB/s" figure formatted with two decimals.
std::string gbps(double bytes, double seconds);
// Human-readable byte count: 64 B, 1 KiB, 64 KiB, 1 MiB...
std::string bytes_label(std::size_t bytes);
// CPU model and core count, from /proc/cpuinfo where available.
std::string machine_description();

// The flags every simple benchmark takes: --json (print JSON instead of tables) and --quick
// (smaller cases, for smoke runs).
struct BenchFlags {
  bool json = false;
  bool quick = false;
};
// Parses argv[1..argc) as BenchFlags. On an unknown argument prints "usage: <program> [--json]
// [--quick]" to stderr and returns false (the caller exits 2).
bool parse_bench_flags(int argc, char** argv, const char* program, BenchFlags* flags);

}  // namespace sliversim::bench
