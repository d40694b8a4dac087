// network_bench: throughput of the flow network (sim/model/network.hpp). A steady workload keeps
// C flows in flight over N nodes: every completion starts a new flow, so the table reports flows
// started + completed per wall second, with rates recomputed per changed component, over the
// whole network, or adaptively (same results, compared by trace digest; the run fails if they
// differ). Patterns: "random" pairs, and "fan-in"
// (groups of 16 flows into one node, as a repair collects symbols). --json prints JSON, --quick
// runs tiny sizes (CI smoke test). Timing: wall clock (std::chrono::steady_clock) and process CPU
// time (std::clock), which is steadier on a machine shared with other work.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/bench_util.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"
#include "sim/kernel/simulator.hpp"
#include "sim/model/network.hpp"

namespace {

namespace k = sliversim::kernel;
namespace m = sliversim::model;
using k::Ticks;

struct Config {
  std::string pattern;  // "random" or "fan-in"
  std::uint32_t nodes;
  std::uint32_t concurrent;
  m::RecomputeScope scope;
  std::uint64_t completions;  // measured completions (after a warm-up)
};

struct Result {
  Config config;
  double seconds = 0.0;
  double cpu_seconds = 0.0;
  std::uint64_t flows = 0;  // started + completed in the measured part
  double sim_seconds = 0.0;
  double solved_flows_per_solve = 0.0;
  double solves_per_completion = 0.0;
  std::string digest;
};

constexpr std::uint32_t kFanIn = 16;
constexpr m::RecomputeScope kScopes[] = {m::RecomputeScope::kComponent, m::RecomputeScope::kWhole,
                                         m::RecomputeScope::kAdaptive};

const char* scope_name(m::RecomputeScope scope) {
  switch (scope) {
    case m::RecomputeScope::kComponent:
      return "component";
    case m::RecomputeScope::kWhole:
      return "whole";
    case m::RecomputeScope::kAdaptive:
      return "adaptive";
  }
  return "?";
}

// Keeps `concurrent` flows in flight; stops the simulator every `target` completions.
class Workload {
 public:
  explicit Workload(const Config& config)
      : config_(config),
        net_(sim_, m::NetworkOptions{k::Phase{0}, 1, config.scope}),
        rng_(k::make_stream(1, "bench.network")) {
    // Link speeds 100 Mbit/s, 1 Gbit/s (most), 10 Gbit/s, in bytes per second.
    static constexpr double kSpeeds[] = {12.5e6, 125e6, 125e6, 125e6, 1.25e9};
    for (std::uint32_t i = 0; i < config.nodes; ++i) {
      net_.set_node_capacity(m::NodeId{i}, kSpeeds[k::uniform_below(rng_, 5)],
                             kSpeeds[k::uniform_below(rng_, 5)]);
    }
  }

  void start_one() {
    if (config_.pattern == "random" || started_ % kFanIn == 0) {
      fan_in_destination_ = static_cast<std::uint32_t>(k::uniform_below(rng_, config_.nodes));
    }
    const std::uint32_t destination = fan_in_destination_;
    auto source = static_cast<std::uint32_t>(k::uniform_below(rng_, config_.nodes - 1));
    if (source >= destination) ++source;
    // Sizes log-uniform in [64 KiB, 64 MiB]; latency uniform in [0, 50 ms].
    const double log_bytes = k::uniform_real(rng_, std::log(65536.0), std::log(67108864.0));
    const auto bytes = static_cast<std::uint64_t>(std::exp(log_bytes));
    const Ticks latency = Ticks::microseconds(k::uniform_int(rng_, 0, 50'000));
    net_.start_flow({m::NodeId{source}, m::NodeId{destination}, bytes, latency, {}},
                    [this](m::FlowId, Ticks) { on_complete(); });
    ++started_;
  }

  // Runs until `more` further completions. Returns the wall and CPU seconds taken.
  std::pair<double, double> run(std::uint64_t more) {
    target_ = completed_ + more;
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    sim_.run_until(Ticks::max());
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), cpu};
  }

  k::Simulator& sim() { return sim_; }
  m::Network& net() { return net_; }

 private:
  void on_complete() {
    ++completed_;
    start_one();
    if (completed_ == target_) sim_.stop();
  }

  Config config_;
  k::Simulator sim_{1};
  m::Network net_;
  k::Rng rng_;
  std::uint64_t started_ = 0;
  std::uint64_t completed_ = 0;
  std::uint64_t target_ = 0;
  std::uint32_t fan_in_destination_ = 0;
};

Result measure(const Config& config) {
  Workload workload(config);
  for (std::uint32_t i = 0; i < config.concurrent; ++i) workload.start_one();
  workload.run(std::min<std::uint64_t>(config.concurrent / 4 + 1, 500));  // warm-up
  const m::NetworkCounters before = workload.net().counters();
  const Ticks sim_before = workload.sim().now();
  Result r;
  r.config = config;
  std::tie(r.seconds, r.cpu_seconds) = workload.run(config.completions);
  const m::NetworkCounters& after = workload.net().counters();
  const auto solves = static_cast<double>(after.rate_solves - before.rate_solves);
  r.flows = (after.flows_started - before.flows_started) +
            (after.flows_completed - before.flows_completed);
  r.sim_seconds = (workload.sim().now() - sim_before).to_seconds();
  r.solved_flows_per_solve = static_cast<double>(after.solved_flows - before.solved_flows) / solves;
  r.solves_per_completion = solves / static_cast<double>(config.completions);
  r.digest = workload.sim().digest_hex();
  return r;
}

std::vector<Result> run_all(bool quick) {
  std::vector<Config> configs;
  if (quick) {
    for (const m::RecomputeScope scope : kScopes) {
      configs.push_back({"random", 120, 100, scope, 500});
      configs.push_back({"fan-in", 120, 100, scope, 500});
    }
  } else {
    for (const char* pattern : {"random", "fan-in"}) {
      for (const std::uint32_t nodes : {120u, 5000u}) {
        for (const std::uint32_t concurrent : {1000u, 10000u}) {
          for (const m::RecomputeScope scope : kScopes) {
            const std::uint64_t completions = concurrent == 1000 ? 10'000 : 2'000;
            configs.push_back({pattern, nodes, concurrent, scope, completions});
          }
        }
      }
    }
  }
  std::vector<Result> results;
  for (const Config& config : configs) results.push_back(measure(config));
  return results;
}

void print_table(const std::vector<Result>& results) {
  fmt::print("Flow network: flows started + completed per second (single thread)\n");
  fmt::print("{:<7} {:>6} {:>10} {:<10} {:>9} {:>10} {:>11} {:>11} {:>11} {:>9}  {}\n", "pattern",
             "nodes", "concurrent", "recompute", "flows", "flows/s", "flows/cpu-s", "flows/solve",
             "solves/done", "sim s", "digest");
  for (const Result& r : results) {
    const auto flows = static_cast<double>(r.flows);
    fmt::print(
        "{:<7} {:>6} {:>10} {:<10} {:>9} {:>10.0f} {:>11.0f} {:>11.1f} {:>11.2f} {:>9.1f}  {}\n",
        r.config.pattern, r.config.nodes, r.config.concurrent, scope_name(r.config.scope), r.flows,
        flows / r.seconds, flows / r.cpu_seconds, r.solved_flows_per_solve, r.solves_per_completion,
        r.sim_seconds, r.digest);
  }
}

nlohmann::json to_json(const std::vector<Result>& results, bool quick) {
  nlohmann::json out = {{"benchmark", "network"}, {"quick", quick}};
  out["runs"] = nlohmann::json::array();
  for (const Result& r : results) {
    out["runs"].push_back({{"pattern", r.config.pattern},
                           {"nodes", r.config.nodes},
                           {"concurrent_flows", r.config.concurrent},
                           {"recompute", scope_name(r.config.scope)},
                           {"flows", r.flows},
                           {"seconds", r.seconds},
                           {"flows_per_second", static_cast<double>(r.flows) / r.seconds},
                           {"cpu_seconds", r.cpu_seconds},
                           {"flows_per_cpu_second", static_cast<double>(r.flows) / r.cpu_seconds},
                           {"solved_flows_per_solve", r.solved_flows_per_solve},
                           {"solves_per_completion", r.solves_per_completion},
                           {"sim_seconds", r.sim_seconds},
                           {"digest", r.digest}});
  }
  return out;
}

// Every recompute scope must give the same run (same digest).
bool digests_agree(const std::vector<Result>& results) {
  for (const Result& a : results) {
    for (const Result& b : results) {
      const bool same_run = a.config.pattern == b.config.pattern &&
                            a.config.nodes == b.config.nodes &&
                            a.config.concurrent == b.config.concurrent;
      if (same_run && a.digest != b.digest) return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  sliversim::bench::BenchFlags flags;
  if (!sliversim::bench::parse_bench_flags(argc, argv, "network_bench", &flags)) return 2;
  const bool json = flags.json;
  const bool quick = flags.quick;
  const std::vector<Result> results = run_all(quick);
  if (json) {
    fmt::print("{}\n", to_json(results, quick).dump(2));
  } else {
    print_table(results);
  }
  if (!digests_agree(results)) {
    std::fprintf(stderr, "network_bench: recompute scopes gave different runs\n");
    return 1;
  }
  return 0;
}
