// kernel_bench: throughput of the simulation kernel. Prints a table of events scheduled and
// executed per second for several queue sizes and patterns, and of random draws per second for
// each distribution; --json prints the same as JSON, --quick runs tiny sizes (CI smoke test).
// Single-threaded; wall-clock timing by std::chrono::steady_clock (benchmarks only).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "bench/bench_util.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"
#include "sim/kernel/simulator.hpp"

namespace {

namespace k = sliversim::kernel;
using k::Phase;
using k::Simulator;
using k::Ticks;

struct QueueResult {
  std::string pattern;     // hold, bulk, cancel, ties
  std::string api;         // "Simulator (callbacks)" or "EventQueue<POD>"
  std::size_t queue_size;  // events pending during the measurement
  std::uint64_t events;    // events scheduled and executed in the timed part
  double seconds;          // best of the repetitions
  std::string digest;      // trace digest, identical on every run of the binary
};

struct DrawResult {
  std::string name;
  std::uint64_t draws;
  double seconds;
  double checksum;
};

double elapsed_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs measure() `repetitions` times and keeps the fastest result.
QueueResult best_of(int repetitions, const std::function<QueueResult()>& measure) {
  QueueResult best = measure();
  for (int i = 1; i < repetitions; ++i) {
    QueueResult r = measure();
    if (r.seconds < best.seconds) best = r;
  }
  return best;
}

// Hold model through Simulator: n events pending; each executed callback schedules one more at
// now + uniform[0, 2n) µs, keeping the queue at n. Times `events` executions.
QueueResult hold_simulator(std::size_t n, std::uint64_t events) {
  struct Context {
    k::Rng rng = k::make_stream(1, "bench.hold");
    std::uint64_t range_us;
  };
  struct Hold {
    Context* context;
    void operator()(Simulator& sim) const {
      const auto delay = Ticks::microseconds(
          static_cast<std::int64_t>(k::uniform_below(context->rng, context->range_us)));
      sim.schedule_in(delay, Phase{0}, 1, Hold{context});
    }
  };
  Context context{.range_us = 2 * n};
  Simulator sim(1);
  for (std::size_t i = 0; i < n; ++i) {
    const auto at = static_cast<std::int64_t>(k::uniform_below(context.rng, context.range_us));
    sim.schedule_at(Ticks::microseconds(at), Phase{0}, 1, Hold{&context});
  }
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < events; ++i) sim.step();
  return {"hold", "Simulator (callbacks)", n, events, elapsed_since(start), sim.digest_hex()};
}

// The same hold model on EventQueue<uint32_t> with a templated handler (no callbacks).
QueueResult hold_queue(std::size_t n, std::uint64_t events) {
  k::Rng rng = k::make_stream(1, "bench.hold");
  const std::uint64_t range_us = 2 * n;
  k::EventQueue<std::uint32_t> queue(1);
  auto delay = [&rng, range_us] {
    return Ticks::microseconds(static_cast<std::int64_t>(k::uniform_below(rng, range_us)));
  };
  for (std::size_t i = 0; i < n; ++i) queue.schedule(delay(), Phase{0}, 1, 0);
  auto handler = [&](const k::EventInfo& info, std::uint32_t& payload) {
    queue.schedule(info.time + delay(), Phase{0}, 1, payload + 1);
  };
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < events; ++i) queue.step(handler);
  return {"hold", "EventQueue<POD>", n, events, elapsed_since(start), queue.digest_hex()};
}

// Bulk: schedule n events at random times in [0, 1 day), then run them all; times both.
QueueResult bulk_simulator(std::size_t n) {
  k::Rng rng = k::make_stream(1, "bench.bulk");
  std::uint64_t counter = 0;
  Simulator sim(1);
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    const auto at = static_cast<std::int64_t>(
        k::uniform_below(rng, static_cast<std::uint64_t>(Ticks::kPerDay)));
    const auto phase = static_cast<std::uint8_t>(i % 3);
    sim.schedule_at(Ticks::microseconds(at), Phase{phase}, i,
                    [&counter](Simulator&) { ++counter; });
  }
  sim.run_until(Ticks::days(1));
  return {"bulk", "Simulator (callbacks)", n, n, elapsed_since(start), sim.digest_hex()};
}

// Hold model where every callback also schedules a timeout and cancels the previous one, so half
// of all scheduled events are cancelled. Counts executed + cancelled events.
QueueResult cancel_simulator(std::size_t n, std::uint64_t events) {
  struct Context {
    k::Rng rng = k::make_stream(1, "bench.cancel");
    std::uint64_t range_us;
    std::vector<k::EventId> timeouts;
  };
  struct Work {
    Context* context;
    std::uint32_t lane;
    void operator()(Simulator& sim) const {
      k::Rng& rng = context->rng;
      const auto delay =
          Ticks::microseconds(static_cast<std::int64_t>(k::uniform_below(rng, context->range_us)));
      sim.cancel(context->timeouts[lane]);
      context->timeouts[lane] = sim.schedule_in(delay + delay, Phase{1}, 2, [](Simulator&) {});
      sim.schedule_in(delay, Phase{0}, 1, Work{context, lane});
    }
  };
  Context context{.range_us = 2 * n, .timeouts = std::vector<k::EventId>(n)};
  Simulator sim(1);
  for (std::uint32_t i = 0; i < n; ++i) sim.schedule_at(Ticks{}, Phase{0}, 1, Work{&context, i});
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t done = 0;
  while (done < events && sim.step()) done = sim.executed_count() + sim.cancelled_count();
  return {"cancel", "Simulator (callbacks)", 2 * n, done, elapsed_since(start), sim.digest_hex()};
}

// Ties: n events at the same time and phase (insertion order decides), scheduled then run.
QueueResult ties_simulator(std::size_t n) {
  std::uint64_t counter = 0;
  Simulator sim(1);
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    sim.schedule_at(Ticks::seconds(1), Phase{0}, i, [&counter](Simulator&) { ++counter; });
  }
  sim.run_until(Ticks::seconds(1));
  return {"ties", "Simulator (callbacks)", n, n, elapsed_since(start), sim.digest_hex()};
}

std::vector<QueueResult> queue_results(bool quick) {
  const int reps = quick ? 1 : 3;
  const std::uint64_t events = quick ? 20'000 : 5'000'000;
  const std::vector<std::size_t> sizes =
      quick ? std::vector<std::size_t>{100, 1'000}
            : std::vector<std::size_t>{1'000, 10'000, 100'000, 1'000'000};
  std::vector<QueueResult> out;
  for (const std::size_t n : sizes) {
    out.push_back(best_of(reps, [&] { return hold_simulator(n, events); }));
    out.push_back(best_of(reps, [&] { return hold_queue(n, events); }));
    out.push_back(best_of(reps, [&] { return cancel_simulator(n, events); }));
  }
  const std::vector<std::size_t> bulk_sizes =
      quick ? std::vector<std::size_t>{10'000} : std::vector<std::size_t>{10'000, 1'000'000};
  for (const std::size_t n : bulk_sizes) {
    out.push_back(best_of(reps, [&] { return bulk_simulator(n); }));
    out.push_back(best_of(reps, [&] { return ties_simulator(n); }));
  }
  return out;
}

// Times `draws` samples of d from one stream.
DrawResult time_draws(const std::string& name, const k::Distribution& d, std::uint64_t draws) {
  k::Rng rng = k::make_stream(1, "bench.draws");
  double sum = 0.0;
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < draws; ++i) sum += d.sample(rng);
  return {name, draws, elapsed_since(start), sum};
}

std::vector<DrawResult> draw_results(bool quick) {
  const std::uint64_t draws = quick ? 10'000 : 20'000'000;
  std::vector<DrawResult> out;
  {
    k::Rng rng = k::make_stream(1, "bench.draws");
    std::uint64_t bits = 0;
    const auto start = std::chrono::steady_clock::now();
    for (std::uint64_t i = 0; i < draws; ++i) bits ^= rng.next_u64();
    out.push_back(
        {"xoshiro256** next_u64", draws, elapsed_since(start), static_cast<double>(bits >> 11)});
  }
  std::vector<double> weights(1000);
  for (std::size_t i = 0; i < weights.size(); ++i) weights[i] = 1.0 + static_cast<double>(i % 7);
  std::vector<double> values(weights.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i);
  const std::vector<std::pair<std::string, k::Distribution>> cases = {
      {"uniform(0, 1)", k::Distribution::uniform(0, 1)},
      {"exponential(mean=1)", k::Distribution::exponential(1)},
      {"weibull(1.5, 1)", k::Distribution::weibull(1.5, 1)},
      {"log_normal(0, 1)", k::Distribution::log_normal(0, 1)},
      {"normal(0, 1) polar", k::Distribution::normal(0, 1)},
      {"pareto(1, 2.5)", k::Distribution::pareto(1, 2.5)},
      {"discrete(1000 values, alias)", k::Distribution::discrete(values, weights)},
      {"empirical(1000, interpolated)", k::Distribution::empirical(values, true)},
  };
  for (const auto& [name, d] : cases) out.push_back(time_draws(name, d, draws));
  return out;
}

void print_tables(const std::vector<QueueResult>& queue, const std::vector<DrawResult>& draws) {
  fmt::print("Event queue: events scheduled + executed per second (single thread, best of runs)\n");
  fmt::print("{:<8} {:<22} {:>10} {:>11} {:>12}  {}\n", "pattern", "api", "pending", "events",
             "M events/s", "digest");
  for (const QueueResult& r : queue) {
    fmt::print("{:<8} {:<22} {:>10} {:>11} {:>12.2f}  {}\n", r.pattern, r.api, r.queue_size,
               r.events, static_cast<double>(r.events) / r.seconds / 1e6, r.digest);
  }
  fmt::print("\nRandom draws per second (Distribution::sample, single thread)\n");
  fmt::print("{:<32} {:>11} {:>12}\n", "distribution", "draws", "M draws/s");
  for (const DrawResult& r : draws) {
    fmt::print("{:<32} {:>11} {:>12.1f}\n", r.name, r.draws,
               static_cast<double>(r.draws) / r.seconds / 1e6);
  }
}

nlohmann::json to_json(const std::vector<QueueResult>& queue, const std::vector<DrawResult>& draws,
                       bool quick) {
  nlohmann::json out = {{"benchmark", "kernel"}, {"quick", quick}};
  out["event_queue"] = nlohmann::json::array();
  for (const QueueResult& r : queue) {
    out["event_queue"].push_back({{"pattern", r.pattern},
                                  {"api", r.api},
                                  {"pending", r.queue_size},
                                  {"events", r.events},
                                  {"seconds", r.seconds},
                                  {"events_per_second", static_cast<double>(r.events) / r.seconds},
                                  {"digest", r.digest}});
  }
  out["draws"] = nlohmann::json::array();
  for (const DrawResult& r : draws) {
    out["draws"].push_back({{"distribution", r.name},
                            {"draws", r.draws},
                            {"seconds", r.seconds},
                            {"draws_per_second", static_cast<double>(r.draws) / r.seconds}});
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  sliversim::bench::BenchFlags flags;
  if (!sliversim::bench::parse_bench_flags(argc, argv, "kernel_bench", &flags)) return 2;
  const bool json = flags.json;
  const bool quick = flags.quick;
  const std::vector<QueueResult> queue = queue_results(quick);
  const std::vector<DrawResult> draws = draw_results(quick);
  if (json) {
    fmt::print("{}\n", to_json(queue, draws, quick).dump(2));
  } else {
    print_tables(queue, draws);
  }
  return 0;
}
