// GF(2^16) as Walrus's Reed–Solomon code uses it: the field GF(2)[x]/(x^16+x^5+x^3+x^2+1)
// (polynomial 0x1002D), elements stored as coordinates in a Cantor basis, multiplication through
// logarithm tables. Invariant: every table here is built once, is immutable afterwards and is
// therefore safe to read from any thread. See codec/README.md for the math.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace sliversim::codec::gf16 {

using Element = std::uint16_t;  // an element in Cantor-basis coordinates
using Log = std::uint16_t;      // a discrete logarithm in [0, kModulus]

inline constexpr unsigned kBits = 16;
inline constexpr std::uint32_t kOrder = 65536;  // number of field elements
inline constexpr std::uint32_t kModulus =
    65535;  // multiplicative group order; also LOG[0]'s sentinel
inline constexpr std::uint32_t kPolynomial = 0x1002D;

// The Cantor basis: beta_0 = 1 and beta_i^2 + beta_i = beta_{i-1}, in polynomial-basis form.
inline constexpr std::array<Element, kBits> kCantorBasis = {
    0x0001, 0xACCA, 0x3C0E, 0x163E, 0xC582, 0xED2E, 0x914C, 0x4012,
    0x6C98, 0x10D8, 0x6A72, 0xB900, 0xFDB8, 0xFB34, 0xFF38, 0x991E};

// The immutable lookup tables. Built on first use by tables(); all spans have the sizes given.
struct Tables {
  std::array<Log, kOrder> log;      // log[c] = discrete log of element c; log[0] = kModulus
  std::array<Element, kOrder> exp;  // exp[l] = element with log l; exp[kModulus] = exp[0] = 1
  std::array<Log, kModulus> skew;   // FFT twiddles (logs): skew[q-1] for q = 1..65535
};

// Returns the process-wide tables, building them on first call (thread-safe).
const Tables& tables();

// (a + b) mod 65535 for a, b in [0, 65535], returning a value in [0, 65535] (65535 == 0 mod 65535).
inline Log add_mod(Log a, Log b) {
  const std::uint32_t sum = std::uint32_t{a} + b;
  return static_cast<Log>(sum + (sum >> kBits));
}

// (a - b) mod 65535, same conventions as add_mod.
inline Log sub_mod(Log a, Log b) {
  const std::uint32_t dif = std::uint32_t{a} + kModulus - b;
  return static_cast<Log>(dif + (dif >> kBits));
}

// a * exp(log_m): multiplies an element by an element given by its logarithm.
inline Element mul_log(Element a, Log log_m) {
  if (a == 0) return 0;
  const Tables& t = tables();
  return t.exp[add_mod(t.log[a], log_m)];
}

// a * b for two elements.
inline Element mul(Element a, Element b) {
  if (b == 0) return 0;
  return mul_log(a, tables().log[b]);
}

// The polynomial-basis value of the element with Cantor coordinates c (XOR of the selected betas).
Element cantor_to_polynomial(Element c);

// Multiplies two polynomial-basis values modulo kPolynomial (slow, bitwise: for tests).
Element polynomial_mul(Element a, Element b);

// The walsh-domain log table for work size 2^log_n (1 <= 2^log_n <= 65536): the Walsh–Hadamard
// transform of log[] (with log[0] replaced by 0) restricted to [0, 2^log_n), pre-scaled by
// 2^(16 - log_n) mod 65535 so that two size-2^log_n transforms need no further normalisation.
std::span<const Log> log_walsh(unsigned log_n);

// In-place Walsh–Hadamard transform modulo 65535 of data (size a power of two, at most 65536).
void fwht_mod(std::span<Log> data);

}  // namespace sliversim::codec::gf16
