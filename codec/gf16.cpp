// Construction of the GF(2^16) tables (see gf16.hpp and codec/README.md).
#include "codec/gf16.hpp"

#include <bit>
#include <memory>
#include <mutex>
#include <vector>

namespace sliversim::codec::gf16 {
namespace {

std::unique_ptr<Tables> build_tables() {
  auto t = std::make_unique<Tables>();
  // Discrete logs of polynomial-basis values, by stepping x^i through the LFSR.
  std::vector<Log> poly_log(kOrder);
  std::uint32_t state = 1;
  for (std::uint32_t i = 0; i < kModulus; ++i) {
    poly_log[state] = static_cast<Log>(i);
    state <<= 1;
    if (state >= kOrder) state ^= kPolynomial;
  }
  poly_log[0] = static_cast<Log>(kModulus);
  // log[c] = log of the element whose Cantor coordinates are c.
  for (std::uint32_t c = 0; c < kOrder; ++c) {
    t->log[c] = poly_log[cantor_to_polynomial(static_cast<Element>(c))];
  }
  for (std::uint32_t c = 0; c < kOrder; ++c) t->exp[t->log[c]] = static_cast<Element>(c);
  t->exp[kModulus] = t->exp[0];
  // Closed form of the normalised subspace polynomial W_m at block start x (a multiple of 2^m)
  // in the Cantor basis: W_m(omega_x) = omega_{x >> m}. With q = x + 2^m the stored index is q-1.
  for (std::uint32_t q = 1; q < kOrder; ++q) {
    const std::uint32_t block = (q >> std::countr_zero(q)) ^ 1U;
    t->skew[q - 1] = t->log[block];
  }
  return t;
}

}  // namespace

const Tables& tables() {
  static const std::unique_ptr<Tables> instance = build_tables();
  return *instance;
}

Element cantor_to_polynomial(Element c) {
  Element v = 0;
  for (unsigned i = 0; i < kBits; ++i) {
    if ((c >> i) & 1U) v ^= kCantorBasis[i];
  }
  return v;
}

Element polynomial_mul(Element a, Element b) {
  std::uint32_t acc = 0;
  std::uint32_t aa = a;
  for (unsigned i = 0; i < kBits; ++i) {
    if ((b >> i) & 1U) acc ^= aa << i;
  }
  for (int bit = 31; bit >= static_cast<int>(kBits); --bit) {
    if ((acc >> bit) & 1U) acc ^= kPolynomial << (static_cast<unsigned>(bit) - kBits);
  }
  return static_cast<Element>(acc);
}

void fwht_mod(std::span<Log> data) {
  const std::size_t n = data.size();
  for (std::size_t dist = 1; dist < n; dist <<= 1) {
    for (std::size_t r = 0; r < n; r += 2 * dist) {
      for (std::size_t i = r; i < r + dist; ++i) {
        const Log a = data[i];
        const Log b = data[i + dist];
        data[i] = add_mod(a, b);
        data[i + dist] = sub_mod(a, b);
      }
    }
  }
}

std::span<const Log> log_walsh(unsigned log_n) {
  static std::once_flag once[kBits + 1];
  static std::vector<Log> cache[kBits + 1];
  std::call_once(once[log_n], [log_n] {
    const std::size_t n = std::size_t{1} << log_n;
    std::vector<Log> w(n);
    const Tables& t = tables();
    for (std::size_t i = 1; i < n; ++i) w[i] = t.log[i];
    w[0] = 0;
    fwht_mod(w);
    // Scale by n^{-1} = 2^(16 - log_n) mod 65535 (2^16 == 1 mod 65535).
    const std::uint64_t scale = std::uint64_t{1} << (kBits - log_n);
    for (auto& v : w) v = static_cast<Log>((std::uint64_t{v} * scale) % kModulus);
    cache[log_n] = std::move(w);
  });
  return cache[log_n];
}

}  // namespace sliversim::codec::gf16
