// scheme_bench: the cost of one repair wave in each storage scheme (sim/schemes): a node holding
// T shards dies, so every blob loses T units, and each blob's T targets are planned and rebuilt in
// one execute_repairs call with real bytes. RedStuff is measured with a cold helper cache (the
// first wave after the blob was written), a warm one (the mean of later waves, each losing other
// shards: the cost depends on which pairs are lost) and without the cache.
// --json prints JSON, --quick runs tiny sizes (CI smoke test). Wall-clock: std::chrono.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/bench_util.hpp"
#include "sim/kernel/trace_digest.hpp"
#include "sim/schemes/redstuff_scheme.hpp"
#include "sim/schemes/scheme_factory.hpp"

namespace {

namespace s = sliversim::schemes;
namespace m = sliversim::model;
using Clock = std::chrono::steady_clock;

struct Case {
  std::size_t n;
  std::size_t blob_bytes;
  std::size_t targets;  // units lost per blob
  std::string scheme;   // factory name, or "redstuff-nocache"
  std::size_t threads;
};

struct Result {
  Case c;
  double encode_seconds = 0;
  double first_wave_seconds = 0;  // redstuff: cold cache
  double wave_seconds = 0;        // mean of the later waves (other targets each time)
  double plan_seconds = 0;        // of which planning
  std::uint64_t repair_bytes = 0;
  std::uint64_t cache_bytes = 0;
  std::size_t targets = 0;  // units lost per wave
};

std::vector<std::uint8_t> blob(std::size_t bytes) {
  std::vector<std::uint8_t> out(bytes);
  for (std::size_t i = 0; i < bytes; ++i) {
    out[i] = static_cast<std::uint8_t>(sliversim::kernel::mix64(i / 8) >> (8 * (i % 8)));
  }
  return out;
}

// The units a wave loses: T shards spread over the ring, or for a scheme that stores on a few
// shards only (replication) up to T of its holders, one holder always kept.
std::vector<m::ShardId> wave_targets(const s::StorageScheme& scheme, const Case& c,
                                     std::size_t wave_index) {
  std::vector<m::ShardId> holders;
  for (std::size_t i = 0; i < c.n; ++i) {
    if (scheme.holds_unit(m::BlobIndex{0}, m::id_at<m::ShardId>(i))) {
      holders.push_back(m::id_at<m::ShardId>(i));
    }
  }
  std::vector<m::ShardId> targets;
  if (holders.size() == c.n) {
    for (std::size_t t = 0; t < c.targets; ++t) {
      targets.push_back(m::id_at<m::ShardId>((t * c.n / c.targets + 37 * wave_index) % c.n));
    }
  } else {
    for (std::size_t t = 0; t < c.targets && t + 1 < holders.size(); ++t) {
      targets.push_back(holders[t]);
    }
  }
  return targets;
}

// One wave: erase the targets, plan each, execute all in one call. Returns (total, plan) seconds.
std::pair<double, double> wave(s::StorageScheme& scheme, s::UnitStore& store, const Case& c,
                               std::size_t wave_index, std::uint64_t* bytes) {
  const m::BlobIndex b{0};
  std::vector<m::ShardId> targets = wave_targets(scheme, c, wave_index);
  for (const m::ShardId t : targets) store.erase(b, t);
  const auto t0 = Clock::now();
  std::vector<s::ShardAvailability> shards(c.n);
  for (std::size_t i = 0; i < c.n; ++i) {
    shards[i].state = store.state(b, m::id_at<m::ShardId>(i));
    shards[i].reachable = true;
  }
  std::vector<s::RepairPlan> plans;
  plans.reserve(targets.size());
  for (const m::ShardId t : targets) plans.push_back(scheme.plan_repair(b, t, shards));
  const auto t1 = Clock::now();
  std::vector<s::RepairRequest> requests;
  *bytes = 0;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    requests.push_back({targets[i], &plans[i]});
    for (const s::HelperPart& part : plans[i].helpers) *bytes += part.bytes.total();
  }
  for (const s::RepairResult& r : scheme.execute_repairs(b, requests, store)) {
    if (r.outcome != s::RepairOutcome::kRebuilt) std::fprintf(stderr, "repair failed\n");
  }
  const auto t2 = Clock::now();
  return {std::chrono::duration<double>(t2 - t0).count(),
          std::chrono::duration<double>(t1 - t0).count()};
}

Result run(const Case& c, int waves) {
  Result r{c};
  const bool nocache = c.scheme == "redstuff-nocache";
  s::SchemeConfig config{c.n, 3, c.threads, !nocache};
  std::unique_ptr<s::StorageScheme> scheme =
      s::make_scheme(nocache ? "redstuff" : c.scheme, config);
  s::UnitStore store(c.n);
  const std::vector<std::uint8_t> bytes = blob(c.blob_bytes);
  const auto t0 = Clock::now();
  scheme->encode(m::BlobIndex{0}, bytes, store);
  r.encode_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.targets = wave_targets(*scheme, c, 0).size();
  r.first_wave_seconds = wave(*scheme, store, c, 0, &r.repair_bytes).first;
  for (int w = 1; w < waves; ++w) {
    const auto [total, plan] =
        wave(*scheme, store, c, static_cast<std::size_t>(w), &r.repair_bytes);
    r.wave_seconds += total / (waves - 1);
    r.plan_seconds += plan / (waves - 1);
  }
  if (c.scheme == "redstuff") {
    r.cache_bytes = static_cast<const s::RedStuffScheme&>(*scheme).cache_bytes();
  }
  return r;
}

std::vector<Case> cases(bool quick) {
  std::vector<Case> out;
  const std::size_t n = quick ? 100 : 1000;
  const std::vector<std::size_t> sizes =
      quick ? std::vector<std::size_t>{64 << 10} : std::vector<std::size_t>{1 << 20, 64 << 20};
  for (const std::size_t size : sizes) {
    for (const std::size_t targets : {std::size_t{1}, std::size_t{10}}) {
      for (const char* name :
           {"redstuff", "redstuff-nocache", "rs_rebuild", "replication", "msr_bound"}) {
        out.push_back({n, size, targets, name, 1});
      }
      out.push_back({n, size, targets, "redstuff", 2});
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  namespace bench = sliversim::bench;
  sliversim::bench::BenchFlags flags;
  if (!sliversim::bench::parse_bench_flags(argc, argv, "scheme_bench", &flags)) return 2;
  const bool json = flags.json;
  const bool quick = flags.quick;
  bench::Table table(
      fmt::format("Repair wave: one execute_repairs per blob ({})", bench::machine_description()),
      {"n", "blob", "lost/blob", "scheme", "threads", "encode s", "first wave s", "mean wave s",
       "plan s", "repair bytes", "cache bytes"});
  for (const Case& c : cases(quick)) {
    const Result r = run(c, quick ? 2 : 6);
    table.add_row({std::to_string(c.n), bench::bytes_label(c.blob_bytes), std::to_string(r.targets),
                   c.scheme, std::to_string(c.threads), fmt::format("{:.3f}", r.encode_seconds),
                   fmt::format("{:.4f}", r.first_wave_seconds),
                   fmt::format("{:.4f}", r.wave_seconds), fmt::format("{:.4f}", r.plan_seconds),
                   std::to_string(r.repair_bytes), std::to_string(r.cache_bytes)},
                  {{"n", c.n},
                   {"blob_bytes", c.blob_bytes},
                   {"targets", r.targets},
                   {"scheme", c.scheme},
                   {"threads", c.threads},
                   {"encode_seconds", r.encode_seconds},
                   {"first_wave_seconds", r.first_wave_seconds},
                   {"wave_seconds", r.wave_seconds},
                   {"plan_seconds", r.plan_seconds},
                   {"repair_bytes", r.repair_bytes},
                   {"cache_bytes", r.cache_bytes}});
  }
  if (json) {
    std::printf(
        "%s\n",
        nlohmann::json{{"benchmark", "scheme"}, {"quick", quick}, {"waves", table.records()}}
            .dump(2)
            .c_str());
  } else {
    table.print();
  }
  return 0;
}
