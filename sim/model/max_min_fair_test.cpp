// Tests of the max-min fair solver: hand-computed allocations, the max-min property on seeded
// random instances, and bit-identical rates whatever the order or grouping of the problem.
#include "sim/model/max_min_fair.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"

namespace sliversim::model {
namespace {

struct Problem {
  std::vector<double> capacity;
  std::vector<std::vector<std::uint32_t>> flows;
};

std::vector<double> solve(MaxMinFairSolver& solver, const Problem& p) {
  solver.clear();
  for (std::uint32_t r = 0; r < p.capacity.size(); ++r) solver.add_resource(p.capacity[r], r);
  for (const auto& f : p.flows) solver.add_flow(f);
  solver.solve();
  std::vector<double> rates;
  for (std::uint32_t f = 0; f < p.flows.size(); ++f) rates.push_back(solver.rate(f));
  return rates;
}

Problem random_problem(kernel::Rng& rng, std::uint32_t resources, std::uint32_t flows) {
  Problem p;
  for (std::uint32_t r = 0; r < resources; ++r) {
    // Mostly distinct capacities, with some exact repeats to exercise ties.
    const bool repeat = kernel::bernoulli(rng, 0.3);
    p.capacity.push_back(repeat ? 100.0 : kernel::uniform_real(rng, 0.0, 1000.0));
  }
  for (std::uint32_t f = 0; f < flows; ++f) {
    const auto k = static_cast<std::uint32_t>(1 + kernel::uniform_below(rng, 3));
    std::vector<std::uint32_t> crossed;
    while (crossed.size() < std::min(k, resources)) {
      const auto r = static_cast<std::uint32_t>(kernel::uniform_below(rng, resources));
      if (std::find(crossed.begin(), crossed.end(), r) == crossed.end()) crossed.push_back(r);
    }
    p.flows.push_back(crossed);
  }
  return p;
}

// Feasible (no resource over capacity) and every flow bottlenecked: some resource it crosses is
// saturated and no flow on it is faster.
void check_max_min(const Problem& p, const std::vector<double>& rates) {
  std::vector<double> load(p.capacity.size(), 0.0);
  std::vector<double> fastest(p.capacity.size(), 0.0);
  for (std::size_t f = 0; f < p.flows.size(); ++f) {
    REQUIRE(rates[f] >= 0.0);
    for (const std::uint32_t r : p.flows[f]) {
      load[r] += rates[f];
      fastest[r] = std::max(fastest[r], rates[f]);
    }
  }
  for (std::size_t r = 0; r < p.capacity.size(); ++r) {
    CHECK(load[r] <= p.capacity[r] * (1 + 1e-12) + 1e-9);
  }
  for (std::size_t f = 0; f < p.flows.size(); ++f) {
    bool bottlenecked = false;
    for (const std::uint32_t r : p.flows[f]) {
      const bool saturated = load[r] >= p.capacity[r] * (1 - 1e-9) - 1e-9;
      if (saturated && rates[f] >= fastest[r] * (1 - 1e-9)) bottlenecked = true;
    }
    CHECK(bottlenecked);
  }
}

TEST_CASE("one flow on one resource gets the whole capacity") {
  MaxMinFairSolver solver;
  const auto rates = solve(solver, {{7.5}, {{0}}});
  CHECK(rates[0] == 7.5);
  CHECK(solver.used(0) == 7.5);
}

TEST_CASE(
    "a flow limited elsewhere leaves the rest of a link to the other (three flows, two links)") {
  // Link 0 (capacity 10) carries flows 0 and 1; link 1 (capacity 4) carries flows 0 and 2.
  // Link 1 saturates first at 4 / 2 = 2 for flows 0 and 2; flow 1 then gets 10 - 2 = 8.
  MaxMinFairSolver solver;
  const auto rates = solve(solver, {{10.0, 4.0}, {{0, 1}, {0}, {1}}});
  CHECK(rates[0] == 2.0);
  CHECK(rates[1] == 8.0);
  CHECK(rates[2] == 2.0);
  CHECK(solver.used(0) == 10.0);
  CHECK(solver.used(1) == 4.0);
}

TEST_CASE("progressive filling freezes flows level by level") {
  // Resources a=6, b=9, c=20. Flows: x on {a}, y on {a, b}, z on {b, c}, w on {c}, v on {b}.
  // Shares: a 6/2 = 3, b 9/3 = 3, c 20/2 = 10. a (tie key 0) freezes x, y at 3; b now has
  // (9 - 3) / 2 = 3 and freezes z, v at 3; c gives w 20 - 3 = 17.
  MaxMinFairSolver solver;
  const auto rates = solve(solver, {{6.0, 9.0, 20.0}, {{0}, {0, 1}, {1, 2}, {2}, {1}}});
  CHECK(rates == std::vector<double>{3.0, 3.0, 3.0, 17.0, 3.0});
}

TEST_CASE("a resource of capacity zero stops its flows and frees nothing") {
  MaxMinFairSolver solver;
  const auto rates = solve(solver, {{0.0, 10.0}, {{0, 1}, {1}}});
  CHECK(rates[0] == 0.0);
  CHECK(rates[1] == 10.0);
}

TEST_CASE("equal flows on a shared resource split it evenly") {
  MaxMinFairSolver solver;
  const auto rates = solve(solver, {{9.0}, {{0}, {0}, {0}}});
  CHECK(rates == std::vector<double>{3.0, 3.0, 3.0});
}

TEST_CASE("random instances satisfy the max-min property") {
  kernel::Rng rng = kernel::make_stream(11, "max_min_fair_test");
  MaxMinFairSolver solver;
  for (int instance = 0; instance < 200; ++instance) {
    const auto resources = static_cast<std::uint32_t>(1 + kernel::uniform_below(rng, 40));
    const auto flows = static_cast<std::uint32_t>(kernel::uniform_below(rng, 120));
    const Problem p = random_problem(rng, resources, flows);
    check_max_min(p, solve(solver, p));
  }
}

TEST_CASE("rates do not depend on the order flows and resources are given in") {
  kernel::Rng rng = kernel::make_stream(12, "max_min_fair_test");
  for (int instance = 0; instance < 50; ++instance) {
    const Problem p = random_problem(rng, 30, 100);
    MaxMinFairSolver solver;
    const std::vector<double> rates = solve(solver, p);
    // Resources in reverse order (same tie keys), flows in reverse order.
    solver.clear();
    const auto n = static_cast<std::uint32_t>(p.capacity.size());
    for (std::uint32_t i = 0; i < n; ++i) solver.add_resource(p.capacity[n - 1 - i], n - 1 - i);
    for (std::size_t f = p.flows.size(); f-- > 0;) {
      std::vector<std::uint32_t> local;
      for (const std::uint32_t r : p.flows[f]) local.push_back(n - 1 - r);
      solver.add_flow(local);
    }
    solver.solve();
    for (std::size_t f = 0; f < p.flows.size(); ++f) {
      CHECK(solver.rate(static_cast<std::uint32_t>(p.flows.size() - 1 - f)) == rates[f]);
    }
  }
}

TEST_CASE("solving two disjoint problems together gives the same bits as apart") {
  kernel::Rng rng = kernel::make_stream(13, "max_min_fair_test");
  for (int instance = 0; instance < 50; ++instance) {
    const Problem a = random_problem(rng, 20, 60);
    const Problem b = random_problem(rng, 20, 60);
    MaxMinFairSolver solver;
    const std::vector<double> rates_a = solve(solver, a);
    // b alone, with tie keys 20.. as in the union.
    solver.clear();
    for (std::uint32_t r = 0; r < 20; ++r) solver.add_resource(b.capacity[r], 20 + r);
    for (const auto& f : b.flows) solver.add_flow(f);
    solver.solve();
    std::vector<double> rates_b;
    for (std::uint32_t f = 0; f < b.flows.size(); ++f) rates_b.push_back(solver.rate(f));
    Problem both = a;
    both.capacity.insert(both.capacity.end(), b.capacity.begin(), b.capacity.end());
    for (auto f : b.flows) {
      for (auto& r : f) r += 20;
      both.flows.push_back(f);
    }
    const std::vector<double> rates = solve(solver, both);
    for (std::size_t f = 0; f < a.flows.size(); ++f) CHECK(rates[f] == rates_a[f]);
    for (std::size_t f = 0; f < b.flows.size(); ++f) CHECK(rates[a.flows.size() + f] == rates_b[f]);
  }
}

}  // namespace
}  // namespace sliversim::model
