// Field properties of GF(2^16) in the Cantor basis, the skew closed form, and kernel agreement.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "codec/gf16.hpp"
#include "codec/gf16_kernels.hpp"
#include "codec/test_support.hpp"

namespace gf = sliversim::codec::gf16;

TEST_CASE("the Cantor basis satisfies beta0 = 1 and beta_i^2 + beta_i = beta_(i-1)") {
  CHECK(gf::kCantorBasis[0] == 1);
  for (unsigned i = 1; i < gf::kBits; ++i) {
    const gf::Element b = gf::kCantorBasis[i];
    CHECK((gf::polynomial_mul(b, b) ^ b) == gf::kCantorBasis[i - 1]);
  }
}

TEST_CASE("x is primitive: its powers visit every non-zero element exactly once") {
  const gf::Tables& t = gf::tables();
  std::vector<int> seen(gf::kOrder, 0);
  for (std::uint32_t l = 0; l < gf::kModulus; ++l) ++seen[t.exp[l]];
  CHECK(seen[0] == 0);
  for (std::uint32_t c = 1; c < gf::kOrder; ++c) REQUIRE(seen[c] == 1);
}

TEST_CASE("LOG and EXP are inverse and LOG[0] is the sentinel") {
  const gf::Tables& t = gf::tables();
  CHECK(t.log[0] == gf::kModulus);
  CHECK(t.exp[gf::kModulus] == 1);
  CHECK(t.exp[0] == 1);
  CHECK(t.log[1] == 0);
  for (std::uint32_t c = 1; c < gf::kOrder; ++c) REQUIRE(t.exp[t.log[c]] == c);
  for (std::uint32_t l = 0; l < gf::kModulus; ++l) REQUIRE(t.log[t.exp[l]] == l);
}

TEST_CASE("table multiplication agrees with polynomial multiplication modulo 0x1002D") {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 20000; ++i) {
    const auto a = static_cast<gf::Element>(rng());
    const auto b = static_cast<gf::Element>(rng());
    const gf::Element want =
        gf::polynomial_mul(gf::cantor_to_polynomial(a), gf::cantor_to_polynomial(b));
    REQUIRE(gf::cantor_to_polynomial(gf::mul(a, b)) == want);
  }
}

TEST_CASE("skew factors equal the normalised subspace polynomials W_m at each block start") {
  // W_0(x) = x; W_{i+1}(x) = W_i(x) * (W_i(x) + W_i(v_i)), v_i = omega_{2^i}; normalised by
  // W_m(v_m). The closed form in the table claims W_m(omega_x) / W_m(v_m) = omega_{x >> m}.
  auto subspace = [](unsigned m, gf::Element x) {
    // Carry wx = W_i(x) and wv[j] = W_i(v_j) up from i = 0.
    gf::Element wx = x;
    std::vector<gf::Element> wv(gf::kBits);
    for (unsigned i = 0; i < gf::kBits; ++i) wv[i] = static_cast<gf::Element>(1U << i);
    for (unsigned i = 0; i < m; ++i) {
      const gf::Element shift = wv[i];
      wx = gf::mul(wx, static_cast<gf::Element>(wx ^ shift));
      for (unsigned j = i + 1; j < gf::kBits; ++j) {
        wv[j] = gf::mul(wv[j], static_cast<gf::Element>(wv[j] ^ shift));
      }
    }
    const gf::Element inverse_norm = gf::tables().exp[gf::sub_mod(0, gf::tables().log[wv[m]])];
    return gf::mul(wx, inverse_norm);
  };
  const gf::Tables& t = gf::tables();
  std::mt19937_64 rng(2);
  for (unsigned m = 0; m < gf::kBits; ++m) {
    for (int trial = 0; trial < 64; ++trial) {
      const std::uint32_t x = (static_cast<std::uint32_t>(rng()) & 0xFFFFU) >> m << m;
      const gf::Element want = subspace(m, static_cast<gf::Element>(x));
      REQUIRE(want == static_cast<gf::Element>(x >> m));
      // FFT blocks start at multiples of 2^(m+1); the butterfly at layer 2^m reads skew[q - 1].
      const std::uint32_t block = x >> (m + 1) << (m + 1);
      const std::uint32_t q = block + (1U << m);
      if (q < gf::kOrder) REQUIRE(t.skew[q - 1] == t.log[block >> m]);
    }
  }
}

TEST_CASE("scalar kernels multiply element by element, in the internal block layout") {
  std::mt19937_64 rng(3);
  const auto& k = gf::scalar_kernels();
  auto x = sliversim::codec::testing::random_bytes(rng, 256);
  const auto y = sliversim::codec::testing::random_bytes(rng, 256);
  const auto x0 = x;
  const gf::Log log_m = 12345;
  k.mul_add(x.data(), y.data(), log_m, x.size());
  for (std::size_t b = 0; b < 256; b += 64) {
    for (std::size_t j = 0; j < 32; ++j) {
      const auto ey = static_cast<gf::Element>(y[b + j] | (y[b + 32 + j] << 8));
      const auto ex0 = static_cast<gf::Element>(x0[b + j] | (x0[b + 32 + j] << 8));
      const auto ex = static_cast<gf::Element>(x[b + j] | (x[b + 32 + j] << 8));
      REQUIRE(ex == static_cast<gf::Element>(ex0 ^ gf::mul_log(ey, log_m)));
    }
  }
}

namespace {

void check_kernels_agree(const gf::Kernels& s, const gf::Kernels& v) {
  std::mt19937_64 rng(4);
  for (const gf::Log log_m :
       {gf::Log{0}, gf::Log{1}, gf::Log{255}, gf::Log{40000}, gf::Log{65534}}) {
    const auto x = sliversim::codec::testing::random_bytes(rng, 640);
    const auto y = sliversim::codec::testing::random_bytes(rng, 640);
    auto xs = x, ys = y, xv = x, yv = y;
    s.mul_add(xs.data(), ys.data(), log_m, 640);
    v.mul_add(xv.data(), yv.data(), log_m, 640);
    CHECK(xs == xv);
    s.mul(xs.data(), log_m, 640);
    v.mul(xv.data(), log_m, 640);
    CHECK(xs == xv);
    s.fft_butterfly(xs.data(), ys.data(), log_m, 640);
    v.fft_butterfly(xv.data(), yv.data(), log_m, 640);
    CHECK(xs == xv);
    CHECK(ys == yv);
    s.ifft_butterfly(xs.data(), ys.data(), log_m, 640);
    v.ifft_butterfly(xv.data(), yv.data(), log_m, 640);
    CHECK(xs == xv);
    CHECK(ys == yv);
    s.add(xs.data(), ys.data(), 640);
    v.add(xv.data(), yv.data(), 640);
    CHECK(xs == xv);
  }
}

}  // namespace

TEST_CASE("AVX2 and AVX-512 GFNI kernels give the scalar kernels' bytes") {
  for (const gf::Isa isa : {gf::Isa::kAvx2, gf::Isa::kAvx512Gfni}) {
    if (!gf::isa_supported(isa)) {
      MESSAGE("not on this CPU, not tested: " << gf::isa_name(isa));
      continue;
    }
    CAPTURE(gf::isa_name(isa));
    check_kernels_agree(gf::scalar_kernels(), gf::kernels_for(isa));
  }
}

TEST_CASE("every supported ISA multiplies all 65536 elements exactly by sixteen multipliers") {
  // One block per 32 elements covers all 65536 elements; the multipliers are the basis elements.
  std::vector<std::uint8_t> all(65536 * 2);
  for (std::size_t e = 0; e < 65536; ++e) {
    const std::size_t block = e / 32 * 64;
    all[block + e % 32] = static_cast<std::uint8_t>(e & 0xFF);
    all[block + 32 + e % 32] = static_cast<std::uint8_t>(e >> 8);
  }
  for (const gf::Isa isa : {gf::Isa::kScalar, gf::Isa::kAvx2, gf::Isa::kAvx512Gfni}) {
    if (!gf::isa_supported(isa)) continue;
    CAPTURE(gf::isa_name(isa));
    for (unsigned bit = 0; bit < 16; ++bit) {
      const gf::Log log_m = gf::tables().log[static_cast<gf::Element>(1U << bit)];
      std::vector<std::uint8_t> x = all;
      gf::kernels_for(isa).mul(x.data(), log_m, x.size());
      for (std::size_t e = 0; e < 65536; ++e) {
        const std::size_t block = e / 32 * 64;
        const auto got =
            static_cast<gf::Element>(x[block + e % 32] | (x[block + 32 + e % 32] << 8));
        REQUIRE(got == gf::mul_log(static_cast<gf::Element>(e), log_m));
      }
    }
  }
}

TEST_CASE("the scaled Walsh log table turns two size-N transforms into a dyadic convolution") {
  const gf::Tables& t = gf::tables();
  for (unsigned log_n : {1U, 3U, 6U}) {
    const std::size_t n = std::size_t{1} << log_n;
    std::vector<gf::Log> e(n, 0);
    e[1] = 1;
    e[n - 1] = 1;
    std::vector<gf::Log> lam = e;
    gf::fwht_mod(lam);
    const auto lw = gf::log_walsh(log_n);
    for (std::size_t i = 0; i < n; ++i) {
      lam[i] = static_cast<gf::Log>((std::uint32_t{lam[i]} * lw[i]) % gf::kModulus);
    }
    gf::fwht_mod(lam);
    for (std::size_t i = 0; i < n; ++i) {
      std::uint32_t want = 0;
      for (std::size_t j : {std::size_t{1}, n - 1}) {
        const std::size_t x = i ^ j;
        want += x == 0 ? 0U : t.log[x];
      }
      REQUIRE(lam[i] % gf::kModulus == want % gf::kModulus);
    }
  }
}
