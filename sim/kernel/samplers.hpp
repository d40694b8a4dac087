// Our own random variate generation (the <random> distributions differ between standard
// libraries, so they are not used). Every sampler documents its method; pinned-value tests in
// samplers_test.cpp fail if a method changes. All take the stream to draw from; none keeps state.
// Real values use the double functions of <cmath> (log, exp, pow, sqrt), with FP contraction off.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>

#include "sim/kernel/rng.hpp"

namespace sliversim::kernel {

// Uniform on [0, 1): the top 53 bits of one draw times 2^-53.
inline double uniform01(Rng& rng) { return static_cast<double>(rng.next_u64() >> 11) * 0x1.0p-53; }

// Uniform on the open interval (0, 1): (top 52 bits + 0.5) * 2^-52, so values lie in
// [2^-53, 1 - 2^-53], all exact (with 53 bits, (2^53 - 1) + 0.5 would round up to 2^53 and give
// 1.0). Safe for log(u) and log(1 - u).
inline double uniform_open01(Rng& rng) {
  return (static_cast<double>(rng.next_u64() >> 12) + 0.5) * 0x1.0p-52;
}

// Uniform on [lo, hi): lo + (hi - lo) * uniform01. REQUIRES: lo <= hi, both finite.
inline double uniform_real(Rng& rng, double lo, double hi) {
  return lo + (hi - lo) * uniform01(rng);
}

// The 128-bit product a * b: returns the high 64 bits and stores the low 64 bits in *low.
// Portable schoolbook version on 32-bit halves.
inline std::uint64_t mul_wide_portable(std::uint64_t a, std::uint64_t b, std::uint64_t* low) {
  const std::uint64_t a_lo = a & 0xFFFFFFFFULL, a_hi = a >> 32;
  const std::uint64_t b_lo = b & 0xFFFFFFFFULL, b_hi = b >> 32;
  const std::uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
  const std::uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFULL) + (hl & 0xFFFFFFFFULL);
  *low = (mid << 32) | (ll & 0xFFFFFFFFULL);
  return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

// The 128-bit product a * b as mul_wide_portable, with the compiler's 128-bit type when it has one
// (same result).
inline std::uint64_t mul_wide(std::uint64_t a, std::uint64_t b, std::uint64_t* low) {
#if defined(__SIZEOF_INT128__)
  __extension__ using Wide = unsigned __int128;
  const Wide product = static_cast<Wide>(a) * b;
  *low = static_cast<std::uint64_t>(product);
  return static_cast<std::uint64_t>(product >> 64);
#else
  return mul_wide_portable(a, b, low);
#endif
}

// Uniform integer on [0, n), exactly unbiased (Lemire 2019, "Fast random integer generation in
// an interval": multiply-shift with rejection). REQUIRES: n > 0.
inline std::uint64_t uniform_below(Rng& rng, std::uint64_t n) {
  std::uint64_t low = 0;
  std::uint64_t high = mul_wide(rng.next_u64(), n, &low);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) high = mul_wide(rng.next_u64(), n, &low);
  }
  return high;
}

// Uniform integer on [lo, hi] (both inclusive), exactly unbiased. REQUIRES: lo <= hi.
inline std::int64_t uniform_int(Rng& rng, std::int64_t lo, std::int64_t hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
  const std::uint64_t offset =
      span == ~std::uint64_t{0} ? rng.next_u64() : uniform_below(rng, span + 1);
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + offset);
}

// True with probability p: uniform01 < p. p <= 0 never, p >= 1 always.
inline bool bernoulli(Rng& rng, double p) { return uniform01(rng) < p; }

// Exponential with the given mean: -mean * log(uniform_open01) (inversion).
// REQUIRES: mean > 0.
inline double exponential(Rng& rng, double mean) { return -mean * std::log(uniform_open01(rng)); }

// Weibull with shape k and scale lambda: lambda * (-log(uniform_open01))^(1/k) (inversion).
// REQUIRES: shape > 0, scale > 0.
inline double weibull(Rng& rng, double shape, double scale) {
  return scale * std::pow(-std::log(uniform_open01(rng)), 1.0 / shape);
}

// Standard normal by the Marsaglia polar method: draw u, v uniform on [-1, 1) (as
// 2 * uniform01 - 1, u first) until 0 < s = u^2 + v^2 < 1, return u * sqrt(-2 log(s) / s).
// The second variate of the pair is discarded, so the sampler keeps no state.
inline double standard_normal(Rng& rng) {
  while (true) {
    const double u = 2.0 * uniform01(rng) - 1.0;
    const double v = 2.0 * uniform01(rng) - 1.0;
    const double s = u * u + v * v;
    if (s > 0.0 && s < 1.0) return u * std::sqrt(-2.0 * std::log(s) / s);
  }
}

// Normal with the given mean and standard deviation: mean + stddev * standard_normal.
// REQUIRES: stddev >= 0.
inline double normal(Rng& rng, double mean, double stddev) {
  return mean + stddev * standard_normal(rng);
}

// Log-normal: exp(mu + sigma * standard_normal), mu and sigma of the underlying normal.
// REQUIRES: sigma >= 0.
inline double log_normal(Rng& rng, double mu, double sigma) {
  return std::exp(mu + sigma * standard_normal(rng));
}

// Pareto (type I) with minimum `scale` and tail index `shape`: scale * uniform_open01^(-1/shape)
// (inversion). REQUIRES: scale > 0, shape > 0.
inline double pareto(Rng& rng, double scale, double shape) {
  return scale * std::pow(uniform_open01(rng), -1.0 / shape);
}

// Shuffles items in place, Fisher–Yates from the back: for i = n-1 down to 1, swap item i with
// item uniform_below(i + 1). Every permutation equally likely; the same on every platform.
template <class T>
void shuffle(std::span<T> items, Rng& rng) {
  for (std::size_t i = items.size(); i > 1; --i) {
    const std::size_t j = static_cast<std::size_t>(uniform_below(rng, i));
    using std::swap;
    swap(items[i - 1], items[j]);
  }
}

}  // namespace sliversim::kernel
