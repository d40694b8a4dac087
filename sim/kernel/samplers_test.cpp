// The samplers: pinned values of every method (cross-checked against an independent
// implementation of the documented formulas), exact integer properties, and uniformity.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <numeric>
#include <vector>

#include "sim/kernel/ks_test_support.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/kernel/samplers.hpp"

namespace k = sliversim::kernel;
namespace t = sliversim::kernel::testing;

namespace {

k::Rng fresh() { return k::make_stream(2024, "pins", 0); }

// Three draws of sampler from a fresh "pins" stream, compared exactly (17 significant digits
// round-trip). Exact, because even a one-bit change of method (e.g. 53 -> 52 uniform bits) only
// moves the 15th digit. The values go through libm: a run is a function of the binary.
template <class Sampler>
void check_pinned(Sampler sampler, const std::array<double, 3>& want) {
  k::Rng rng = fresh();
  for (const double w : want) CHECK(sampler(rng) == w);
}

}  // namespace

TEST_CASE("uniform01 and uniform_open01 use the top 53 and 52 bits exactly as documented") {
  k::Rng a = fresh();
  CHECK(k::uniform01(a) == 0.83737991540114487);
  CHECK(k::uniform01(a) == 0.0056315271382869625);
  CHECK(k::uniform01(a) == 0.88818253786170775);
  k::Rng b = fresh();
  CHECK(k::uniform_open01(b) == 0.83737991540114487);
  CHECK(k::uniform_open01(b) == 0.0056315271382870735);
  CHECK(k::uniform_open01(b) == 0.88818253786170775);
  k::Rng c = fresh();
  CHECK(k::uniform_real(c, -2.0, 5.0) == 3.8616594078080144);
}

TEST_CASE("uniform01 and uniform_open01 at the extreme raw draws 0 and 2^64 - 1") {
  // xoshiro256** outputs 0 when state word 1 is 0, and 2^64 - 1 when it is 0x4FC71C71C71C71C7.
  k::Rng zero({1, 0, 0, 0});
  CHECK(k::Rng(zero).next_u64() == 0);
  CHECK(k::uniform01(zero) == 0.0);
  k::Rng zero_open({1, 0, 0, 0});
  CHECK(k::uniform_open01(zero_open) == 0x1.0p-53);
  k::Rng ones({1, 0x4FC71C71C71C71C7ULL, 0, 0});
  CHECK(k::Rng(ones).next_u64() == ~std::uint64_t{0});
  CHECK(k::uniform01(ones) == 1.0 - 0x1.0p-53);
  k::Rng ones_open({1, 0x4FC71C71C71C71C7ULL, 0, 0});
  CHECK(k::uniform_open01(ones_open) == 1.0 - 0x1.0p-53);
  CHECK(k::uniform_open01(ones_open) < 1.0);
}

TEST_CASE("integer samplers have pinned values") {
  k::Rng a = fresh();
  for (const std::uint64_t w : {8ULL, 0ULL, 8ULL, 0ULL, 7ULL, 7ULL, 7ULL, 0ULL})
    CHECK(k::uniform_below(a, 10) == w);
  k::Rng b = fresh();
  const std::uint64_t big = (std::uint64_t{1} << 63) + 1;
  for (const std::uint64_t w :
       {7723466495934738061ULL, 51941669932064993ULL, 8192037983336383667ULL}) {
    CHECK(k::uniform_below(b, big) == w);
  }
  k::Rng c = fresh();
  for (const std::int64_t w : {2, -3, 3, -3, 1, 2, 2, -3}) CHECK(k::uniform_int(c, -3, 3) == w);
  k::Rng d = fresh();
  for (const bool w : {false, true, false, true, false, false, false, true}) {
    CHECK(k::bernoulli(d, 0.3) == w);
  }
}

TEST_CASE("continuous samplers have pinned values") {
  check_pinned([](k::Rng& r) { return k::exponential(r, 2.0); },
               {0.35495482031823467, 10.358749246944813, 0.23715599291917452});
  check_pinned([](k::Rng& r) { return k::weibull(r, 1.5, 10.0); },
               {3.1581206818355936, 29.935387418258841, 2.4136228315474755});
  check_pinned([](k::Rng& r) { return k::standard_normal(r); },
               {0.80641658415961259, -1.5453917180788264, -0.36734102863809021});
  check_pinned([](k::Rng& r) { return k::normal(r, 5.0, 2.0); },
               {6.6128331683192254, 1.9092165638423473, 4.2653179427238195});
  check_pinned([](k::Rng& r) { return k::log_normal(r, 0.0, 0.5); },
               {1.4966185929994085, 0.46176653134457962, 0.83220995992428037});
  check_pinned([](k::Rng& r) { return k::pareto(r, 1.0, 2.5); },
               {1.0735715251005584, 7.938702504616594, 1.0485740552594891});
}

TEST_CASE("shuffle has a pinned permutation") {
  k::Rng rng = fresh();
  std::vector<int> v(10);
  std::iota(v.begin(), v.end(), 0);
  k::shuffle(std::span<int>(v), rng);
  CHECK(v == std::vector<int>{1, 5, 6, 2, 3, 4, 9, 7, 0, 8});
}

TEST_CASE("mul_wide equals the portable schoolbook product, including the extremes") {
  k::Rng rng = k::make_stream(3, "mul_wide");
  const std::uint64_t max = ~std::uint64_t{0};
  std::vector<std::array<std::uint64_t, 2>> cases = {
      {0, 0}, {max, max}, {max, 1}, {1ULL << 32, 1ULL << 32}};
  for (int i = 0; i < 10000; ++i) cases.push_back({rng.next_u64(), rng.next_u64()});
  for (const auto& [a, b] : cases) {
    std::uint64_t lo1 = 0;
    std::uint64_t lo2 = 0;
    REQUIRE(k::mul_wide(a, b, &lo1) == k::mul_wide_portable(a, b, &lo2));
    REQUIRE(lo1 == lo2);
  }
  std::uint64_t low = 0;
  CHECK(k::mul_wide_portable(max, max, &low) == max - 1);
  CHECK(low == 1);
}

TEST_CASE("uniform_below is unbiased over a small range (chi-square, 0.001 level)") {
  k::Rng rng = k::make_stream(11, "uniform_below");
  constexpr std::uint64_t kN = 7;
  std::array<std::uint64_t, kN> counts{};
  constexpr int kDraws = 70000;
  for (int i = 0; i < kDraws; ++i) ++counts[k::uniform_below(rng, kN)];
  const std::vector<double> expected(kN, kDraws / static_cast<double>(kN));
  CHECK(t::chi_square(counts, expected) < t::chi_square_critical_001(kN - 1));
}

TEST_CASE("uniform_below rejects the biased zone: n = 2^63 + 1 gives values below n, both halves") {
  k::Rng rng = k::make_stream(12, "uniform_below.big");
  const std::uint64_t n = (std::uint64_t{1} << 63) + 1;
  int high_half = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::uint64_t x = k::uniform_below(rng, n);
    REQUIRE(x < n);
    high_half += x >= (std::uint64_t{1} << 62) ? 1 : 0;
  }
  CHECK(high_half > 900);
  CHECK(high_half < 1100);
  CHECK(k::uniform_below(rng, 1) == 0);
}

TEST_CASE("uniform_int covers both inclusive ends and the full int64 range") {
  k::Rng rng = k::make_stream(13, "uniform_int");
  std::map<std::int64_t, int> seen;
  for (int i = 0; i < 1000; ++i) ++seen[k::uniform_int(rng, -2, 2)];
  CHECK(seen.size() == 5);
  CHECK(seen.begin()->first == -2);
  CHECK(seen.rbegin()->first == 2);
  const auto lo = std::numeric_limits<std::int64_t>::min();
  const auto hi = std::numeric_limits<std::int64_t>::max();
  bool negative = false;
  bool positive = false;
  for (int i = 0; i < 64; ++i) {
    const std::int64_t x = k::uniform_int(rng, lo, hi);
    negative = negative || x < 0;
    positive = positive || x > 0;
  }
  CHECK(negative);
  CHECK(positive);
  CHECK(k::uniform_int(rng, 5, 5) == 5);
}

TEST_CASE("bernoulli hits its probability and never or always at the ends") {
  k::Rng rng = k::make_stream(14, "bernoulli");
  int hits = 0;
  for (int i = 0; i < 20000; ++i) hits += k::bernoulli(rng, 0.3) ? 1 : 0;
  CHECK(std::abs(hits - 6000) < 5 * 65);  // sd = sqrt(20000 * 0.3 * 0.7) ~ 65
  for (int i = 0; i < 100; ++i) {
    REQUIRE_FALSE(k::bernoulli(rng, 0.0));
    REQUIRE(k::bernoulli(rng, 1.0));
  }
}

TEST_CASE("shuffle makes each permutation of three equally likely (chi-square, 0.001 level)") {
  k::Rng rng = k::make_stream(15, "shuffle");
  std::map<std::array<int, 3>, std::uint64_t> counts;
  constexpr int kDraws = 60000;
  for (int i = 0; i < kDraws; ++i) {
    std::array<int, 3> p = {0, 1, 2};
    k::shuffle(std::span<int>(p), rng);
    ++counts[p];
  }
  REQUIRE(counts.size() == 6);
  std::vector<std::uint64_t> observed;
  for (const auto& [perm, count] : counts) observed.push_back(count);
  const std::vector<double> expected(6, kDraws / 6.0);
  CHECK(t::chi_square(observed, expected) < t::chi_square_critical_001(5));
}

TEST_CASE("the standard normal sampler passes Kolmogorov-Smirnov at the 0.001 level") {
  k::Rng rng = k::make_stream(16, "standard_normal");
  std::vector<double> xs(20000);
  for (double& x : xs) x = k::standard_normal(rng);
  const double d =
      t::ks_statistic(xs, [](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); });
  CHECK(d < t::ks_critical(xs.size(), 0.001));
}
