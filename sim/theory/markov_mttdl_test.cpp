// The Markov MTTDL against closed forms derived by hand (n = 2 and 3, k = n, no repairs) and
// against an independent dense solve of the chain's linear system for many shapes.
#include "sim/theory/markov_mttdl.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace sliversim::theory {
namespace {

MdsSystem system_of(std::uint32_t n, std::uint32_t k, double lambda, double mu,
                    RepairPolicy policy) {
  return MdsSystem{n, k, lambda, mu, policy};
}

// Solves A x = b by Gaussian elimination with partial pivoting (A is m × m, row-major).
std::vector<double> solve(std::vector<double> a, std::vector<double> b) {
  const std::size_t m = b.size();
  for (std::size_t col = 0; col < m; ++col) {
    std::size_t pivot = col;
    for (std::size_t r = col + 1; r < m; ++r) {
      if (std::fabs(a[r * m + col]) > std::fabs(a[pivot * m + col])) pivot = r;
    }
    for (std::size_t c = 0; c < m; ++c) std::swap(a[col * m + c], a[pivot * m + c]);
    std::swap(b[col], b[pivot]);
    for (std::size_t r = col + 1; r < m; ++r) {
      const double f = a[r * m + col] / a[col * m + col];
      for (std::size_t c = col; c < m; ++c) a[r * m + c] -= f * a[col * m + c];
      b[r] -= f * b[col];
    }
  }
  std::vector<double> x(m);
  for (std::size_t i = m; i-- > 0;) {
    double s = b[i];
    for (std::size_t c = i + 1; c < m; ++c) s -= a[i * m + c] * x[c];
    x[i] = s / a[i * m + i];
  }
  return x;
}

// The mean absorption time from state 0 from the generator restricted to the transient states
// 0..n-k: for each state i, (up_i + down_i) T_i - up_i T_{i+1} - down_i T_{i-1} = 1 (T_m = 0).
// With `per_transition` every sojourn counts 1 instead of its mean duration (jump counts).
double dense_absorption(std::uint32_t n, std::uint32_t k, double lambda, double mu,
                        RepairPolicy policy, bool per_transition) {
  const std::size_t m = n - k + 1;
  std::vector<double> a(m * m, 0.0);
  std::vector<double> b(m, 1.0);
  for (std::size_t i = 0; i < m; ++i) {
    const double up = static_cast<double>(n - i) * lambda;
    const double down =
        i == 0 ? 0.0 : (policy == RepairPolicy::kOneAtATime ? mu : static_cast<double>(i) * mu);
    a[i * m + i] = up + down;
    if (i + 1 < m) a[i * m + i + 1] = -up;
    if (i > 0) a[i * m + i - 1] = -down;
    if (per_transition) b[i] = up + down;
  }
  return solve(a, b)[0];
}

TEST_CASE("n = 2, k = 1: MTTDL is (3λ + μ) / (2λ²) under either repair policy") {
  for (const double lambda : {0.5, 1.0, 2e-3}) {
    for (const double mu : {0.0, 0.1, 1.0, 40.0}) {
      const double want = (3.0 * lambda + mu) / (2.0 * lambda * lambda);
      for (const RepairPolicy p : {RepairPolicy::kOneAtATime, RepairPolicy::kIndependent}) {
        CAPTURE(lambda);
        CAPTURE(mu);
        CHECK(markov_mttdl(system_of(2, 1, lambda, mu, p)) == doctest::Approx(want).epsilon(1e-13));
      }
    }
  }
}

TEST_CASE(
    "n = 3, k = 1: (11λ² + 4λμ + μ²)/(6λ³) with one repair, (11λ² + 7λμ + 2μ²)/(6λ³) "
    "with independent repairs") {
  const double lambda = 0.25;
  for (const double mu : {0.0, 0.5, 2.5, 100.0}) {
    const double l2 = lambda * lambda;
    const double l3 = l2 * lambda;
    CHECK(markov_mttdl(system_of(3, 1, lambda, mu, RepairPolicy::kOneAtATime)) ==
          doctest::Approx((11.0 * l2 + 4.0 * lambda * mu + mu * mu) / (6.0 * l3)).epsilon(1e-13));
    CHECK(markov_mttdl(system_of(3, 1, lambda, mu, RepairPolicy::kIndependent)) ==
          doctest::Approx((11.0 * l2 + 7.0 * lambda * mu + 2.0 * mu * mu) / (6.0 * l3))
              .epsilon(1e-13));
  }
  // λ = 1, μ = 10: 151/6 and 281/6.
  CHECK(markov_mttdl(system_of(3, 1, 1.0, 10.0, RepairPolicy::kOneAtATime)) ==
        doctest::Approx(151.0 / 6.0).epsilon(1e-14));
  CHECK(markov_mttdl(system_of(3, 1, 1.0, 10.0, RepairPolicy::kIndependent)) ==
        doctest::Approx(281.0 / 6.0).epsilon(1e-14));
}

TEST_CASE("k = n loses data at the first failure; without repairs the MTTDL is a harmonic sum") {
  CHECK(markov_mttdl(system_of(7, 7, 0.5, 3.0, RepairPolicy::kIndependent)) ==
        doctest::Approx(1.0 / 3.5).epsilon(1e-15));
  // μ = 0: the (n-k+1)-th smallest of n exponentials, Σ_{i=0}^{n-k} 1 / ((n-i)λ).
  const double lambda = 0.01;
  double want = 0.0;
  for (std::uint32_t i = 0; i <= 6; ++i) want += 1.0 / (static_cast<double>(10 - i) * lambda);
  CHECK(markov_mttdl(system_of(10, 4, lambda, 0.0, RepairPolicy::kOneAtATime)) ==
        doctest::Approx(want).epsilon(1e-13));
  const std::vector<double> d =
      first_passage_times(system_of(10, 4, lambda, 0.0, RepairPolicy::kOneAtATime));
  REQUIRE(d.size() == 7);
  CHECK(d[0] == doctest::Approx(10.0).epsilon(1e-15));  // 1 / (10 · 0.01)
  CHECK(d[6] == doctest::Approx(25.0).epsilon(1e-15));  // 1 / (4 · 0.01)
}

TEST_CASE("the recurrence equals a dense solve of the chain for many shapes and rates") {
  struct Shape {
    std::uint32_t n;
    std::uint32_t k;
  };
  int compared = 0;
  for (const Shape s : {Shape{3, 1}, Shape{6, 4}, Shape{9, 6}, Shape{10, 4}, Shape{14, 10},
                        Shape{30, 10}, Shape{31, 11}}) {
    for (const double ratio : {0.5, 0.1, 0.02}) {  // λ / μ
      for (const RepairPolicy p : {RepairPolicy::kOneAtATime, RepairPolicy::kIndependent}) {
        CAPTURE(s.n);
        CAPTURE(s.k);
        CAPTURE(ratio);
        const double lambda = 1e-3;
        const double mu = lambda / ratio;
        const MdsSystem sys = system_of(s.n, s.k, lambda, mu, p);
        const double dense = dense_absorption(s.n, s.k, lambda, mu, p, false);
        // The dense solve loses digits as the chain grows stiff (MTTDL·λ beyond ~1e6); the big
        // values are pinned exactly below.
        if (dense * lambda > 1e6) continue;
        CHECK(markov_mttdl(sys) == doctest::Approx(dense).epsilon(1e-9));
        CHECK(expected_transitions(sys) ==
              doctest::Approx(dense_absorption(s.n, s.k, lambda, mu, p, true)).epsilon(1e-9));
        ++compared;
      }
    }
  }
  CHECK(compared >= 30);
}

TEST_CASE("stiff chains keep every digit (exact rational values)") {
  // Computed with exact fractions from the chain's definition, λ = 1/1000.
  CHECK(markov_mttdl(system_of(30, 10, 1e-3, 1e-2, RepairPolicy::kIndependent)) ==
        doctest::Approx(6116167301065393.0).epsilon(1e-12));
  CHECK(markov_mttdl(system_of(31, 11, 1e-3, 5e-2, RepairPolicy::kIndependent)) ==
        doctest::Approx(1.9128592166937935e28).epsilon(1e-12));
  CHECK(markov_mttdl(system_of(30, 10, 1e-3, 5e-2, RepairPolicy::kOneAtATime)) ==
        doctest::Approx(38646309906.05675).epsilon(1e-12));
  CHECK(markov_mttdl(system_of(10, 4, 1e-3, 5e-2, RepairPolicy::kIndependent)) ==
        doctest::Approx(22983314567.857143).epsilon(1e-12));
}

TEST_CASE("expected transitions: n = 2, k = 1 takes 2 + 2μ/λ events on average") {
  CHECK(expected_transitions(system_of(2, 1, 1.0, 2.0, RepairPolicy::kOneAtATime)) ==
        doctest::Approx(6.0));
  CHECK(expected_transitions(system_of(2, 1, 0.1, 5.0, RepairPolicy::kIndependent)) ==
        doctest::Approx(102.0));
}

TEST_CASE("invalid systems are named, and refused by the solvers") {
  CHECK(check_system(system_of(6, 4, 1.0, 1.0, RepairPolicy::kOneAtATime)).empty());
  const std::vector<std::string> problems =
      check_system(system_of(3, 4, 0.0, -1.0, RepairPolicy::kOneAtATime));
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "k: expected 1 <= k <= n = 3, got 4");
  CHECK(problems[1] == "failure rate: expected a finite number > 0, got 0");
  CHECK(problems[2] == "repair rate: expected a finite number >= 0, got -1");
  CHECK(check_system(system_of(0, 0, 1.0, 1.0, RepairPolicy::kOneAtATime)).size() == 2);
  CHECK_THROWS_AS(markov_mttdl(system_of(3, 0, 1.0, 1.0, RepairPolicy::kOneAtATime)),
                  std::invalid_argument);
  CHECK(policy_name(RepairPolicy::kIndependent) == "independent");
}

}  // namespace
}  // namespace sliversim::theory
