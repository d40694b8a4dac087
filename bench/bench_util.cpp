// Benchmark helpers (see bench_util.hpp).
#include "bench/bench_util.hpp"

#include <cstdio>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <thread>

#include <fmt/core.h>

namespace sliversim::bench {

double best_seconds(const std::function<void()>& body, double min_seconds, int min_reps) {
  using Clock = std::chrono::steady_clock;
  double best = 1e300;
  double total = 0;
  for (int rep = 0; rep < min_reps || total < min_seconds; ++rep) {
    const auto t0 = Clock::now();
    body();
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    best = std::min(best, s);
    total += s;
  }
  return best;
}

Table::Table(std::string title, std::vector<std::string> columns)
    : title_(std::move(title)), columns_(std::move(columns)) {}

void Table::add_row(std::vector<std::string> cells, nlohmann::json record) {
  rows_.push_back(std::move(cells));
  records_.push_back(std::move(record));
}

void Table::print() const {
  std::vector<std::size_t> width(columns_.size(), 0);
  for (std::size_t c = 0; c < columns_.size(); ++c) width[c] = columns_[c].size();
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], row[c].size());
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (std::size_t c = 0; c < width.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      out += " " + cell + std::string(width[c] - cell.size(), ' ') + " |";
    }
    std::cout << out << "\n";
  };
  std::cout << "\n" << title_ << "\n\n";
  line(columns_);
  std::string sep = "|";
  for (std::size_t w : width) sep += std::string(w + 2, '-') + "|";
  std::cout << sep << "\n";
  for (const auto& row : rows_) line(row);
  std::cout.flush();
}

std::string gbps(double bytes, double seconds) {
  return fmt::format("{:.2f}", bytes / seconds / 1e9);
}

std::string bytes_label(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 30) && bytes % (std::size_t{1} << 30) == 0) {
    return fmt::format("{} GiB", bytes >> 30);
  }
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return fmt::format("{} MiB", bytes >> 20);
  }
  if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} B", bytes);
}

std::string machine_description() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  std::string model = "unknown CPU";
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  }
  return fmt::format("{}, {} hardware threads", model, std::thread::hardware_concurrency());
}

bool parse_bench_flags(int argc, char** argv, const char* program, BenchFlags* flags) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json") {
      flags->json = true;
    } else if (arg == "--quick") {
      flags->quick = true;
    } else {
      std::fprintf(stderr, "usage: %s [--json] [--quick]\n", program);
      return false;
    }
  }
  return true;
}

}  // namespace sliversim::bench
