// Seeded random runs of the flow network: flows started at random times (some from completion
// callbacks, some with latency or over shared links), capacity changes, pauses, failures and
// cancellations. At every step the rates must be feasible and max-min fair (every running flow
// bottlenecked), and the run must be a pure function of its calls: identical completions and
// trace digest on a rerun and with whole-network recomputation instead of per-component.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"
#include "sim/kernel/simulator.hpp"
#include "sim/model/network.hpp"

namespace sliversim::model {
namespace {

using kernel::Phase;
using kernel::Simulator;
using kernel::Ticks;

constexpr std::uint32_t kNodes = 10;
constexpr std::uint32_t kLinks = 2;
constexpr double kMB = 1e6;

struct Spec {
  std::uint32_t source = 0;
  std::uint32_t destination = 0;
  std::vector<std::uint32_t> links;
};

struct Outcome {
  std::vector<std::pair<std::uint64_t, std::int64_t>> completions;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ends;  // (id, bytes transferred)
  std::string digest;
  int checks = 0;
};

class RandomRun {
 public:
  RandomRun(std::uint64_t seed, RecomputeScope scope)
      : net_(sim_, NetworkOptions{Phase{0}, 7, scope}),
        rng_(kernel::make_stream(seed, "network_property_test")) {
    for (std::uint32_t i = 0; i < kNodes; ++i) set_node(i);
    for (std::uint32_t l = 0; l < kLinks; ++l) {
      link_capacity_[l] = pick_capacity();
      net_.set_link_capacity(LinkId{l}, link_capacity_[l]);
    }
  }

  Outcome run() {
    for (int step = 0; step < 300; ++step) {
      sim_.schedule_at(Ticks::milliseconds(10 * step), Phase{1}, 0,
                       [this](Simulator&) { random_action(); });
      sim_.schedule_at(Ticks::milliseconds(10 * step + 3), Phase{2}, 0,
                       [this](Simulator&) { check_rates(); });
    }
    sim_.run_until(Ticks::seconds(3));
    // Then every capacity positive and every node resumed, so all flows finish.
    for (std::uint32_t i = 0; i < kNodes; ++i) {
      if (net_.is_paused(NodeId{i})) net_.resume_node(NodeId{i});
      net_.set_node_capacity(NodeId{i}, 10 * kMB, 10 * kMB);
    }
    for (std::uint32_t l = 0; l < kLinks; ++l) net_.set_link_capacity(LinkId{l}, 10 * kMB);
    sim_.run_until(Ticks::days(1));
    CHECK(live_.empty());
    CHECK(net_.active_flow_count() == 0);
    outcome_.digest = sim_.digest_hex();
    return outcome_;
  }

 private:
  double pick_capacity() {
    static constexpr double kChoices[] = {0.0, 10 * kMB, 20 * kMB, 50 * kMB, 100 * kMB};
    return kChoices[kernel::uniform_below(rng_, 5)];
  }

  void set_node(std::uint32_t i) {
    up_[i] = pick_capacity();
    down_[i] = pick_capacity();
    // A node never stays at capacity 0 both ways, so most flows finish.
    if (up_[i] == 0.0 && down_[i] == 0.0) up_[i] = 10 * kMB;
    net_.set_node_capacity(NodeId{i}, up_[i], down_[i]);
  }

  void start_random_flow() {
    Spec spec;
    spec.source = static_cast<std::uint32_t>(kernel::uniform_below(rng_, kNodes));
    spec.destination = static_cast<std::uint32_t>(kernel::uniform_below(rng_, kNodes));
    std::vector<LinkId> links;
    if (kernel::bernoulli(rng_, 0.3)) {
      const auto first = static_cast<std::uint32_t>(kernel::uniform_below(rng_, kLinks));
      spec.links.push_back(first);
      if (kernel::bernoulli(rng_, 0.5)) spec.links.push_back((first + 1) % kLinks);
    }
    for (const std::uint32_t l : spec.links) links.push_back(LinkId{l});
    const auto bytes = kernel::uniform_below(rng_, 30'000'000);
    const Ticks latency = kernel::bernoulli(rng_, 0.5)
                              ? Ticks::microseconds(kernel::uniform_int(rng_, 1, 5000))
                              : Ticks{};
    const FlowId id =
        net_.start_flow({NodeId{spec.source}, NodeId{spec.destination}, bytes, latency, links},
                        [this](FlowId done, Ticks at) { on_complete(done, at); });
    live_.emplace(static_cast<std::uint64_t>(id), spec);
  }

  void on_complete(FlowId id, Ticks at) {
    CHECK(live_.erase(static_cast<std::uint64_t>(id)) == 1);
    outcome_.completions.emplace_back(static_cast<std::uint64_t>(id), at.count());
    if (kernel::bernoulli(rng_, 0.3)) start_random_flow();
  }

  void record_ends(const std::vector<FlowEnd>& ends) {
    for (const FlowEnd& end : ends) {
      CHECK(live_.erase(static_cast<std::uint64_t>(end.id)) == 1);
      outcome_.ends.emplace_back(static_cast<std::uint64_t>(end.id), end.bytes_transferred);
    }
  }

  void random_action() {
    const double u = kernel::uniform01(rng_);
    const auto n = static_cast<std::uint32_t>(kernel::uniform_below(rng_, kNodes));
    if (u < 0.55) {
      start_random_flow();
      start_random_flow();
    } else if (u < 0.7) {
      set_node(n);
    } else if (u < 0.8) {
      if (net_.is_paused(NodeId{n})) {
        net_.resume_node(NodeId{n});
      } else {
        net_.pause_node(NodeId{n});
      }
    } else if (u < 0.85) {
      record_ends(net_.fail_node_flows(NodeId{n}));
    } else if (u < 0.9 && !live_.empty()) {
      auto it = live_.begin();
      std::advance(it, static_cast<long>(kernel::uniform_below(rng_, live_.size())));
      const auto end = net_.cancel_flow(FlowId{it->first});
      REQUIRE(end.has_value());
      record_ends({*end});
    } else {
      const auto l = static_cast<std::uint32_t>(kernel::uniform_below(rng_, kLinks));
      link_capacity_[l] = pick_capacity();
      net_.set_link_capacity(LinkId{l}, link_capacity_[l]);
    }
  }

  // Feasibility and the max-min property over the running flows, from progress().
  void check_rates() {
    ++outcome_.checks;
    CHECK(net_.active_flow_count() == live_.size());
    // Resources: uplinks 0..N-1, downlinks N..2N-1, links 2N...
    std::vector<double> capacity(up_.begin(), up_.end());
    capacity.insert(capacity.end(), down_.begin(), down_.end());
    capacity.insert(capacity.end(), link_capacity_.begin(), link_capacity_.end());
    std::vector<double> load(capacity.size(), 0.0);
    std::vector<double> fastest(capacity.size(), 0.0);
    std::vector<std::pair<double, std::vector<std::uint32_t>>> running;
    for (const auto& [id, spec] : live_) {
      const auto p = net_.progress(FlowId{id});
      REQUIRE(p.has_value());
      CHECK(p->bytes_done >= 0.0);
      CHECK(p->bytes_done <= static_cast<double>(p->bytes));
      if (p->state != FlowState::kRunning) continue;
      std::vector<std::uint32_t> crossed = {spec.source, kNodes + spec.destination};
      for (const std::uint32_t l : spec.links) crossed.push_back(2 * kNodes + l);
      for (const std::uint32_t r : crossed) {
        load[r] += p->rate_bytes_per_s;
        fastest[r] = std::max(fastest[r], p->rate_bytes_per_s);
      }
      running.emplace_back(p->rate_bytes_per_s, crossed);
    }
    for (std::size_t r = 0; r < capacity.size(); ++r) CHECK(load[r] <= capacity[r] * (1 + 1e-12));
    for (const auto& [rate, crossed] : running) {
      bool bottlenecked = false;
      for (const std::uint32_t r : crossed) {
        const bool saturated = load[r] >= capacity[r] * (1 - 1e-9);
        if (saturated && rate >= fastest[r] * (1 - 1e-9)) bottlenecked = true;
      }
      CHECK(bottlenecked);
    }
  }

  Simulator sim_{7};
  Network net_;
  kernel::Rng rng_;
  std::array<double, kNodes> up_{};
  std::array<double, kNodes> down_{};
  std::array<double, kLinks> link_capacity_{};
  std::map<std::uint64_t, Spec> live_;
  Outcome outcome_;
};

TEST_CASE("random runs keep every resource within capacity and every flow bottlenecked") {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RecomputeScope scope =
        seed % 2 == 0 ? RecomputeScope::kComponent : RecomputeScope::kWhole;
    const Outcome outcome = RandomRun(seed, scope).run();
    CHECK(outcome.checks == 300);
    CHECK(outcome.completions.size() > 100);
  }
}

TEST_CASE("the same calls give identical completions and digest whatever the recompute scope") {
  for (std::uint64_t seed = 10; seed <= 13; ++seed) {
    const Outcome first = RandomRun(seed, RecomputeScope::kComponent).run();
    const Outcome again = RandomRun(seed, RecomputeScope::kComponent).run();
    const Outcome whole = RandomRun(seed, RecomputeScope::kWhole).run();
    const Outcome adaptive = RandomRun(seed, RecomputeScope::kAdaptive).run();
    CHECK(first.completions == again.completions);
    CHECK(first.ends == again.ends);
    CHECK(first.digest == again.digest);
    CHECK(first.completions == whole.completions);
    CHECK(first.ends == whole.ends);
    CHECK(first.digest == whole.digest);
    CHECK(first.completions == adaptive.completions);
    CHECK(first.digest == adaptive.digest);
  }
}

TEST_CASE("completion times are non-decreasing in callback order") {
  const Outcome outcome = RandomRun(21, RecomputeScope::kAdaptive).run();
  for (std::size_t i = 1; i < outcome.completions.size(); ++i) {
    CHECK(outcome.completions[i - 1].second <= outcome.completions[i].second);
  }
}

}  // namespace
}  // namespace sliversim::model
