// memory_bench: what first touching fresh memory costs on this machine. A run's units are real
// bytes (13 GB for the mainnet-like year), and the kernel must back every page of them on first
// touch; on a virtual machine the host may have to back it too, and it takes back memory the guest
// freed some seconds ago. So the same touch costs little right after other memory was freed and
// much more after an idle pause. Each row maps fresh anonymous memory, writes one byte per 4 KiB
// page from `threads` threads (each its own contiguous part), and unmaps it:
//   - "first": the first touch in this process;
//   - "again at once": the same size again right after;
//   - "after N s idle": after sleeping N seconds (not in --quick).
// --json prints the table as JSON; --quick touches 256 MiB and skips the idle row (CI smoke run).
// Wall-clock timing by std::chrono::steady_clock (benchmarks only).
#include <sys/mman.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/bench_util.hpp"

namespace {

constexpr std::size_t kPage = 4096;
constexpr int kIdleSeconds = 40;

// Maps `bytes` of fresh memory, touches every page from `threads` threads, unmaps it. Returns
// the seconds of the mapping and touching, or a negative value when the mapping failed.
double touch_fresh(std::size_t bytes, unsigned threads) {
  const auto started = std::chrono::steady_clock::now();
  void* mapped = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) return -1.0;
  auto* base = static_cast<volatile unsigned char*>(mapped);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([=] {
      const std::size_t begin = bytes / threads * t / kPage * kPage;
      const std::size_t end = t + 1 == threads ? bytes : bytes / threads * (t + 1) / kPage * kPage;
      for (std::size_t at = begin; at < end; at += kPage) base[at] = 1;
    });
  }
  for (std::thread& w : workers) w.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  munmap(mapped, bytes);
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  namespace bench = sliversim::bench;
  bench::BenchFlags flags;
  if (!bench::parse_bench_flags(argc, argv, "memory_bench", &flags)) return 2;
  const std::size_t bytes = flags.quick ? std::size_t{256} << 20 : std::size_t{8} << 30;
  const unsigned threads = std::max(1U, std::min(2U, std::thread::hardware_concurrency()));
  bench::Table table(fmt::format("first touch of fresh memory ({}, {} threads, one write per 4 KiB "
                                 "page)",
                                 bench::bytes_label(bytes), threads),
                     {"case", "seconds", "s per GB", "GB/s"});
  const auto add = [&](const std::string& name, double seconds) {
    if (seconds < 0) {
      std::fprintf(stderr, "memory_bench: cannot map %zu bytes\n", bytes);
      std::exit(1);
    }
    const double gb = static_cast<double>(bytes) / 1e9;
    table.add_row({name, fmt::format("{:.2f}", seconds), fmt::format("{:.2f}", seconds / gb),
                   bench::gbps(static_cast<double>(bytes), seconds)},
                  {{"case", name},
                   {"bytes", bytes},
                   {"threads", threads},
                   {"seconds", seconds},
                   {"seconds_per_gb", seconds / gb}});
  };
  add("first", touch_fresh(bytes, threads));
  add("again at once", touch_fresh(bytes, threads));
  if (!flags.quick) {
    std::this_thread::sleep_for(std::chrono::seconds(kIdleSeconds));
    add(fmt::format("after {} s idle", kIdleSeconds), touch_fresh(bytes, threads));
  }
  if (flags.json) {
    const nlohmann::json doc = {{"benchmark", "memory"},
                                {"quick", flags.quick},
                                {"machine", bench::machine_description()},
                                {"table", table.title()},
                                {"rows", table.records()}};
    std::printf("%s\n", doc.dump(2).c_str());
  } else {
    std::printf("machine: %s\n", bench::machine_description().c_str());
    table.print();
  }
  return 0;
}
