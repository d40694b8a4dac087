// Distribution values: parameter checks, pinned draws, each sampler against its distribution
// (Kolmogorov–Smirnov or chi-square at the 0.001 level, fixed seeds), and moments.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/kernel/alias_table.hpp"
#include "sim/kernel/distribution.hpp"
#include "sim/kernel/ks_test_support.hpp"
#include "sim/kernel/rng.hpp"

namespace k = sliversim::kernel;
namespace t = sliversim::kernel::testing;
using k::Distribution;

namespace {

constexpr std::size_t kSamples = 20000;

std::vector<double> draw(const Distribution& d, std::string_view stream, std::size_t n) {
  k::Rng rng = k::make_stream(99, stream);
  std::vector<double> xs(n);
  for (double& x : xs) x = d.sample(rng);
  return xs;
}

// The message of the std::invalid_argument that f throws ("" if none).
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("factories reject out-of-range parameters with an 'expected ..., got ...' message") {
  CHECK(error_of([] { Distribution::exponential(-1.0); }) ==
        "expected mean > 0 and finite, got -1");
  CHECK(error_of([] { Distribution::exponential(0.0); }) == "expected mean > 0 and finite, got 0");
  CHECK(error_of([] { Distribution::weibull(0.0, 1.0); }) ==
        "expected shape > 0 and finite, got 0");
  CHECK(error_of([] { Distribution::weibull(1.0, NAN); }) ==
        "expected scale > 0 and finite, got nan");
  CHECK(error_of([] { Distribution::uniform(3.0, 1.0); }) == "expected hi > lo = 3, got 1");
  CHECK(error_of([] { Distribution::normal(0.0, -2.0); }) ==
        "expected stddev > 0 and finite, got -2");
  CHECK(error_of([] { Distribution::log_normal(INFINITY, 1.0); }) == "expected mu finite, got inf");
  CHECK(error_of([] { Distribution::pareto(1.0, 0.0); }) == "expected shape > 0 and finite, got 0");
  CHECK(error_of([] { Distribution::constant(NAN); }) == "expected value finite, got nan");
  CHECK(error_of([] {
          Distribution::discrete({1, 2}, {1});
        }) == "expected as many weights as values (2), got 1");
  CHECK(error_of([] {
          Distribution::discrete({1, 2}, {0, 0});
        }) == "expected weights with a positive finite sum, got 0");
  CHECK(error_of([] { Distribution::discrete({1}, {-1}); }) ==
        "expected weight 0 finite and >= 0, got -1");
  CHECK(error_of([] { Distribution::empirical({}, false); }) ==
        "expected sample count >= 1, got 0");
  CHECK(error_of([] { Distribution::empirical({1}, true); }) ==
        "expected sample count >= 2, got 1");
  CHECK(error_of([] { Distribution::exponential(1.0); }).empty());
}

TEST_CASE("each kind has pinned draws from a fixed stream") {
  const std::vector<std::pair<Distribution, std::vector<double>>> cases = {
      {Distribution::constant(4), {4, 4, 4, 4}},
      {Distribution::uniform(1, 3),
       {2.67475983080229, 1.0112630542765739, 2.7763650757234153, 1.1150483666808266}},
      {Distribution::exponential(2),
       {0.35495482031823467, 10.358749246944813, 0.23715599291917452, 5.7110996795289291}},
      {Distribution::weibull(0.7, 5),
       {0.42297749928508793, 52.404210486594479, 0.23774901708935312, 22.38491005862155}},
      {Distribution::log_normal(1, 0.25),
       {3.325447149238022, 1.8471650724052027, 2.4797673439194523, 3.4354590323946281}},
      {Distribution::normal(-1, 3),
       {1.4192497524788377, -5.6361751542364793, -2.1020230859142703, 1.8098066075719932}},
      {Distribution::pareto(2, 3),
       {2.121888124929654, 11.241422443643238, 2.0806350911236646, 5.1809950226957318}},
      {Distribution::discrete({10, 20, 30}, {1, 2, 3}), {30, 30, 30, 30}},
      {Distribution::empirical({5, 1, 3, 2, 4}, false), {5, 1, 5, 1}},
      {Distribution::empirical({5, 1, 3, 2, 4}, true),
       {4.3495196616045799, 1.0225261085531478, 4.5527301514468306, 1.2300967333616533}},
  };
  for (const auto& [d, want] : cases) {
    CAPTURE(d.describe());
    k::Rng rng = k::make_stream(2024, "pins", 0);
    for (const double w : want) CHECK(d.sample(rng) == w);
  }
  k::AliasTable table(std::vector<double>{1, 0, 3, 6});
  k::Rng rng = k::make_stream(2024, "pins", 0);
  for (const std::size_t w : std::array<std::size_t, 10>{3, 3, 2, 2, 3, 3, 3, 2, 3, 3})
    CHECK(table.sample(rng) == w);
}

TEST_CASE("continuous samplers pass one-sample Kolmogorov-Smirnov at the 0.001 level") {
  const std::vector<Distribution> cases = {
      Distribution::uniform(1, 3),       Distribution::exponential(2),
      Distribution::weibull(0.7, 5),     Distribution::weibull(2.5, 1),
      Distribution::log_normal(1, 0.25), Distribution::log_normal(-2, 1.5),
      Distribution::normal(-1, 3),       Distribution::pareto(2, 3),
      Distribution::pareto(1, 0.8),      Distribution::empirical({0, 1, 2, 4, 8, 8.5}, true),
  };
  const double critical = t::ks_critical(kSamples, 0.001);
  for (const Distribution& d : cases) {
    CAPTURE(d.describe());
    const std::vector<double> xs = draw(d, "ks." + d.describe(), kSamples);
    const double statistic = t::ks_statistic(xs, [&d](double x) { return d.cdf(x); });
    CAPTURE(statistic);
    CHECK(statistic < critical);
  }
}

TEST_CASE("the KS check has power: samples of one kind fail against another's CDF") {
  const std::vector<double> xs = draw(Distribution::weibull(1.2, 2), "ks.power", kSamples);
  const Distribution wrong = Distribution::exponential(2);
  CHECK(t::ks_statistic(xs, [&wrong](double x) { return wrong.cdf(x); }) >
        t::ks_critical(kSamples, 0.001));
}

TEST_CASE("sample mean and variance agree with mean() and variance() within 5 standard errors") {
  const std::vector<Distribution> cases = {
      Distribution::uniform(-4, 6),
      Distribution::exponential(3),
      Distribution::weibull(1.5, 10),
      Distribution::log_normal(0.5, 0.5),
      Distribution::normal(7, 2),
      Distribution::pareto(2, 6),
      Distribution::discrete({1, 5, 9}, {0.2, 0.5, 0.3}),
      Distribution::empirical({3, 1, 4, 1, 5, 9, 2, 6}, false),
      Distribution::empirical({3, 1, 4, 1, 5, 9, 2, 6}, true),
  };
  for (const Distribution& d : cases) {
    CAPTURE(d.describe());
    const t::Moments m = t::sample_moments(draw(d, "moments." + d.describe(), kSamples));
    REQUIRE(d.mean().has_value());
    REQUIRE(d.variance().has_value());
    CHECK(std::abs(m.mean - *d.mean()) < 5 * m.mean_error);
    CHECK(std::abs(m.variance - *d.variance()) < 5 * m.variance_error);
  }
}

TEST_CASE("discrete draws follow the weights (chi-square, 0.001 level) and never a zero weight") {
  const Distribution d = Distribution::discrete({10, 20, 30, 40}, {1, 0, 3, 6});
  std::map<double, std::uint64_t> counts;
  for (const double x : draw(d, "discrete", kSamples)) ++counts[x];
  CHECK(counts.count(20) == 0);
  const std::vector<std::uint64_t> observed = {counts[10], counts[30], counts[40]};
  const std::vector<double> expected = {0.1 * kSamples, 0.3 * kSamples, 0.6 * kSamples};
  CHECK(t::chi_square(observed, expected) < t::chi_square_critical_001(2));
}

TEST_CASE("empirical draws without interpolation are the samples, equally likely, in any order") {
  const Distribution d = Distribution::empirical({4, 2, 8, 6}, false);
  std::map<double, std::uint64_t> counts;
  for (const double x : draw(d, "empirical", kSamples)) ++counts[x];
  REQUIRE(counts.size() == 4);
  const std::vector<std::uint64_t> observed = {counts[2], counts[4], counts[6], counts[8]};
  const std::vector<double> expected(4, kSamples / 4.0);
  CHECK(t::chi_square(observed, expected) < t::chi_square_critical_001(3));
  const Distribution permuted = Distribution::empirical({8, 6, 4, 2}, false);
  CHECK(draw(d, "order", 100) == draw(permuted, "order", 100));
}

TEST_CASE("mean and variance have closed forms, and are absent when infinite") {
  CHECK(Distribution::exponential(2).mean() == 2.0);
  CHECK(Distribution::exponential(2).variance() == 4.0);
  CHECK(*Distribution::weibull(1, 3).mean() == doctest::Approx(3.0));
  CHECK(*Distribution::weibull(1, 3).variance() == doctest::Approx(9.0));
  CHECK(Distribution::uniform(0, 12).mean() == 6.0);
  CHECK(Distribution::uniform(0, 12).variance() == 12.0);
  CHECK(*Distribution::log_normal(0, 1).mean() == doctest::Approx(std::exp(0.5)));
  CHECK(Distribution::constant(4).mean() == 4.0);
  CHECK(Distribution::constant(4).variance() == 0.0);
  CHECK_FALSE(Distribution::pareto(1, 1).mean().has_value());
  CHECK(Distribution::pareto(1, 2).mean() == 2.0);
  CHECK_FALSE(Distribution::pareto(1, 2).variance().has_value());
  CHECK(*Distribution::discrete({0, 10}, {3, 1}).mean() == doctest::Approx(2.5));
  CHECK(*Distribution::empirical({1, 2, 3}, false).variance() == doctest::Approx(2.0 / 3.0));
  CHECK(*Distribution::empirical({1, 2, 3}, true).mean() == doctest::Approx(2.0));
  CHECK(*Distribution::empirical({1, 2, 3}, true).variance() == doctest::Approx(1.0 / 3.0));
}

TEST_CASE("cdf has known values at landmarks") {
  CHECK(Distribution::exponential(2).cdf(2) == doctest::Approx(1.0 - std::exp(-1.0)));
  CHECK(Distribution::exponential(2).cdf(-1) == 0.0);
  CHECK(Distribution::normal(5, 2).cdf(5) == doctest::Approx(0.5));
  CHECK(Distribution::log_normal(1, 2).cdf(std::exp(1.0)) == doctest::Approx(0.5));
  CHECK(Distribution::pareto(3, 2).cdf(3) == 0.0);
  CHECK(Distribution::pareto(3, 2).cdf(6) == doctest::Approx(0.75));
  CHECK(Distribution::weibull(2, 1).cdf(1) == doctest::Approx(1.0 - std::exp(-1.0)));
  CHECK(Distribution::uniform(0, 4).cdf(1) == 0.25);
  CHECK(Distribution::constant(4).cdf(3.9) == 0.0);
  CHECK(Distribution::constant(4).cdf(4) == 1.0);
  CHECK(Distribution::discrete({10, 20}, {1, 3}).cdf(15) == doctest::Approx(0.25));
  CHECK(Distribution::empirical({1, 2, 3}, false).cdf(2) == doctest::Approx(2.0 / 3.0));
  CHECK(Distribution::empirical({1, 2, 3}, true).cdf(1.5) == doctest::Approx(0.25));
  CHECK(Distribution::empirical({1, 2, 3}, true).cdf(3) == 1.0);
  CHECK(Distribution::empirical({1, 2, 3}, true).cdf(0.5) == 0.0);
}

TEST_CASE("describe, kind and parameters report the value") {
  CHECK(Distribution::weibull(1.5, 2).describe() == "weibull(shape=1.5, scale=2)");
  CHECK(Distribution::log_normal(0.1, 0.5).describe() == "log_normal(mu=0.1, sigma=0.5)");
  CHECK(Distribution::discrete({1, 2}, {1, 1}).describe() == "discrete(2 values)");
  CHECK(Distribution::empirical({1, 2}, true).describe() == "empirical(2 samples, interpolated)");
  CHECK(Distribution::pareto(2, 3).kind() == k::DistributionKind::kPareto);
  CHECK(Distribution::pareto(2, 3).parameters() == std::array<double, 2>{2, 3});
  CHECK(Distribution::empirical({3, 1, 2}, false).points() == std::vector<double>{1, 2, 3});
  CHECK(Distribution::exponential(1).points().empty());
  CHECK(k::kind_name(k::DistributionKind::kLogNormal) == "log_normal");
}

TEST_CASE("a copied distribution draws the same values") {
  const Distribution a = Distribution::discrete({1, 2, 3}, {1, 1, 1});
  const Distribution b = a;
  CHECK(draw(a, "copy", 50) == draw(b, "copy", 50));
}

TEST_CASE("alias table probabilities are the normalised weights") {
  const k::AliasTable table(std::vector<double>{2, 0, 6});
  CHECK(table.size() == 3);
  CHECK(table.probability(0) == 0.25);
  CHECK(table.probability(1) == 0.0);
  CHECK(table.probability(2) == 0.75);
}
