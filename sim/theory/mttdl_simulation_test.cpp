// The kernel simulation of an (n, k) MDS code against the Markov chain: the exact MTTDL lies in
// the 95 % confidence interval of the replications, the interval is tight enough that the other
// repair policy's MTTDL lies outside it, and replications are deterministic and independent.
#include "sim/theory/mttdl_simulation.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>

namespace sliversim::theory {
namespace {

constexpr std::uint32_t kReplications = 20000;

RepairPolicy other(RepairPolicy p) {
  return p == RepairPolicy::kOneAtATime ? RepairPolicy::kIndependent : RepairPolicy::kOneAtATime;
}

// Simulates `system` and checks it against the chain, and against the other policy's chain.
void check_against_markov(const MdsSystem& system, bool policies_differ) {
  CAPTURE(system.n);
  CAPTURE(system.k);
  CAPTURE(system.repair_rate);
  CAPTURE(policy_name(system.policy));
  const MttdlSimulation sim = simulate_mttdl(system, {kReplications, 1, 1e9});
  const double exact = markov_mttdl(system);
  CAPTURE(exact);
  CAPTURE(sim.estimate.mean);
  CAPTURE(sim.estimate.ci95_low);
  CAPTURE(sim.estimate.ci95_high);
  CHECK(sim.estimate.count == kReplications);
  CHECK(sim.estimate.covers(exact));
  // Sharp: the interval's half-width is within 3 % of the mean (times are near-exponential).
  CHECK((sim.estimate.ci95_high - sim.estimate.ci95_low) / 2.0 < 0.03 * exact);
  // Each replication ran about expected_transitions events, plus the n initial clocks' pending
  // ones never run: executed events per replication average expected_transitions.
  const double per_replication = static_cast<double>(sim.events) / kReplications;
  CHECK(per_replication == doctest::Approx(expected_transitions(system)).epsilon(0.05));
  if (policies_differ) {
    MdsSystem swapped = system;
    swapped.policy = other(system.policy);
    CHECK_FALSE(sim.estimate.covers(markov_mttdl(swapped)));
  }
}

TEST_CASE("(3, 1) replication, λ/μ = 0.1: the simulated MTTDL covers the chain's, per policy") {
  check_against_markov({3, 1, 1.0, 10.0, RepairPolicy::kOneAtATime}, true);
  check_against_markov({3, 1, 1.0, 10.0, RepairPolicy::kIndependent}, true);
}

TEST_CASE("(6, 4), λ/μ = 0.2 and (9, 6), λ/μ = 0.1: the simulated MTTDL covers the chain's") {
  check_against_markov({6, 4, 0.5, 2.5, RepairPolicy::kOneAtATime}, true);
  check_against_markov({6, 4, 0.5, 2.5, RepairPolicy::kIndependent}, true);
  check_against_markov({9, 6, 2e-3, 2e-2, RepairPolicy::kOneAtATime}, true);
  check_against_markov({9, 6, 2e-3, 2e-2, RepairPolicy::kIndependent}, true);
}

TEST_CASE("n = 2, k = 1 and no repairs: the simulation covers the closed forms") {
  // (3λ + μ) / (2λ²) = 11.5 for λ = 1, μ = 20; both policies are the same chain here.
  check_against_markov({2, 1, 1.0, 20.0, RepairPolicy::kOneAtATime}, false);
  // μ = 0: the third failure of 5 pieces, 1/5 + 1/4 + 1/3.
  check_against_markov({5, 3, 1.0, 0.0, RepairPolicy::kIndependent}, false);
}

TEST_CASE("replications are deterministic, independent of R, and differ between seeds") {
  const MdsSystem system{6, 4, 1.0, 5.0, RepairPolicy::kOneAtATime};
  const MttdlSimulation a = simulate_mttdl(system, {200, 7, 1e9});
  const MttdlSimulation b = simulate_mttdl(system, {200, 7, 1e9});
  CHECK(a.estimate.mean == b.estimate.mean);
  CHECK(a.estimate.stdev == b.estimate.stdev);
  CHECK(a.events == b.events);
  // Replication 3 is the same whether 10 or 200 are run.
  double sum10 = 0.0;
  for (std::uint64_t r = 0; r < 10; ++r) sum10 += simulate_time_to_loss(system, 7, r);
  CHECK(simulate_mttdl(system, {10, 7, 1e9}).estimate.mean == doctest::Approx(sum10 / 10.0));
  CHECK(simulate_time_to_loss(system, 7, 3) == simulate_time_to_loss(system, 7, 3));
  CHECK(simulate_time_to_loss(system, 7, 3) != simulate_time_to_loss(system, 8, 3));
  CHECK(simulate_mttdl(system, {200, 8, 1e9}).estimate.mean != a.estimate.mean);
}

TEST_CASE("scaling both rates by c scales every simulated time by 1/c") {
  const MdsSystem slow{9, 6, 1e-4, 1e-3, RepairPolicy::kIndependent};
  const MdsSystem fast{9, 6, 1.0, 10.0, RepairPolicy::kIndependent};
  for (std::uint64_t r = 0; r < 20; ++r) {
    CHECK(simulate_time_to_loss(slow, 3, r) ==
          doctest::Approx(1e4 * simulate_time_to_loss(fast, 3, r)).epsilon(1e-12));
  }
}

TEST_CASE("runs that would be too long or invalid are refused before simulating") {
  const MdsSystem rare{9, 6, 1e-6, 1.0, RepairPolicy::kIndependent};  // about 1e16 events each
  CHECK_THROWS_AS(simulate_mttdl(rare, {1000, 1, 1e9}), std::invalid_argument);
  CHECK_THROWS_AS(simulate_mttdl({6, 4, 1.0, 1.0, RepairPolicy::kOneAtATime}, {1, 1, 1e9}),
                  std::invalid_argument);
  CHECK_THROWS_AS(simulate_time_to_loss({6, 7, 1.0, 1.0, RepairPolicy::kOneAtATime}, 1, 0),
                  std::invalid_argument);
}

}  // namespace
}  // namespace sliversim::theory
