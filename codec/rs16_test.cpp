// Reed–Solomon over GF(2^16): rate rule, round trips over every small erasure pattern, large
// seeded shapes, batching, the single-point evaluator, kernel agreement and argument checking.
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <numeric>
#include <random>
#include <vector>

#include "codec/rs16.hpp"
#include "codec/test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;
namespace gf = sliversim::codec::gf16;

namespace {

// A code with random originals and encoded recovery shards, each of `symbol` bytes x `batch`.
struct Codeword {
  RsCode code;
  Batch batch;
  std::vector<Bytes> shards;  // k originals then r recovery

  std::vector<const std::uint8_t*> originals() const {
    std::vector<const std::uint8_t*> p;
    for (std::size_t i = 0; i < code.original_count(); ++i) p.push_back(shards[i].data());
    return p;
  }
};

Codeword make_codeword(std::size_t k, std::size_t r, std::size_t symbol, std::size_t batch,
                       std::mt19937_64& rng, const gf::Kernels& kern = gf::default_kernels()) {
  Codeword cw{*RsCode::make(k, r), Batch{symbol, batch, 0}, {}};
  for (std::size_t i = 0; i < k; ++i)
    cw.shards.push_back(testing::random_bytes(rng, symbol * batch));
  for (std::size_t i = 0; i < r; ++i) cw.shards.emplace_back(symbol * batch, 0);
  std::vector<std::uint8_t*> rec;
  for (std::size_t i = 0; i < r; ++i) rec.push_back(cw.shards[k + i].data());
  REQUIRE(rs_encode(cw.code, cw.batch, cw.originals(), rec, kern) == RsStatus::kOk);
  return cw;
}

// Decodes every shard not in `present` from those that are, and checks the bytes.
void check_decode(const Codeword& cw, const std::vector<std::size_t>& present,
                  const gf::Kernels& kern = gf::default_kernels()) {
  const std::size_t n = cw.code.total_count();
  std::vector<ShardIn> in;
  for (std::size_t i : present) in.push_back({i, cw.shards[i].data()});
  std::vector<Bytes> out(n, Bytes(cw.shards[0].size(), 0xEE));
  std::vector<ShardOut> wanted;
  for (std::size_t i = 0; i < n; ++i) wanted.push_back({i, out[i].data()});
  REQUIRE(rs_decode(cw.code, cw.batch, in, wanted, kern) == RsStatus::kOk);
  for (std::size_t i = 0; i < n; ++i) REQUIRE(out[i] == cw.shards[i]);
}

}  // namespace

TEST_CASE("the rate rule picks high or low rate and rejects shapes beyond 65536 points") {
  CHECK(RsCode::make(334, 666)->rate() == RsRate::kLow);
  CHECK(RsCode::make(667, 333)->rate() == RsRate::kHigh);
  CHECK(RsCode::make(4, 6)->rate() == RsRate::kLow);
  CHECK(RsCode::make(7, 3)->rate() == RsRate::kHigh);
  CHECK(RsCode::make(1, 1)->rate() == RsRate::kHigh);
  CHECK(RsCode::make(3, 4)->rate() == RsRate::kHigh);  // equal powers, k <= r
  CHECK(RsCode::make(4, 3)->rate() == RsRate::kLow);   // equal powers, k > r
  CHECK(RsCode::make(32768, 32768)->rate() == RsRate::kHigh);
  CHECK(RsCode::make(65535, 1).has_value());
  CHECK(RsCode::make(1, 65535).has_value());
  CHECK_FALSE(RsCode::make(32769, 32768).has_value());
  CHECK_FALSE(RsCode::make(0, 5).has_value());
  CHECK_FALSE(RsCode::make(5, 0).has_value());
  CHECK_FALSE(RsCode::make(65536, 1).has_value());
  CHECK(RsCode::make(667, 333)->work_size() == 2048);
  CHECK(RsCode::make(334, 666)->work_size() == 2048);
}

TEST_CASE("k = 1 gives copies and r = 1 gives the XOR of the originals") {
  std::mt19937_64 rng(10);
  const Codeword one = make_codeword(1, 5, 6, 1, rng);
  for (std::size_t i = 1; i < 6; ++i) CHECK(one.shards[i] == one.shards[0]);
  const Codeword x = make_codeword(5, 1, 6, 1, rng);
  Bytes sum(6, 0);
  for (std::size_t i = 0; i < 5; ++i) {
    for (std::size_t b = 0; b < 6; ++b) sum[b] ^= x.shards[i][b];
  }
  CHECK(x.shards[5] == sum);
}

TEST_CASE("every erasure pattern of every size up to r decodes, for every small shape") {
  std::mt19937_64 rng(11);
  for (std::size_t k = 1; k <= 7; ++k) {
    for (std::size_t r = 1; k + r <= 11; ++r) {
      const Codeword cw = make_codeword(k, r, 4, 1, rng);
      const std::size_t n = k + r;
      for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
        if (static_cast<std::size_t>(std::popcount(mask)) < k) continue;
        std::vector<std::size_t> present;
        for (std::size_t i = 0; i < n; ++i) {
          if ((mask >> i) & 1U) present.push_back(i);
        }
        check_decode(cw, present);
      }
    }
  }
}

TEST_CASE("fewer than k shards, bad indices and bad sizes are refused with a status") {
  std::mt19937_64 rng(12);
  const Codeword cw = make_codeword(4, 3, 6, 1, rng);
  Bytes out(6);
  std::vector<ShardOut> want{{0, out.data()}};
  std::vector<ShardIn> three{
      {1, cw.shards[1].data()}, {2, cw.shards[2].data()}, {5, cw.shards[5].data()}};
  CHECK(rs_decode(cw.code, cw.batch, three, want) == RsStatus::kTooFewShards);
  auto dup = three;
  dup.push_back({1, cw.shards[1].data()});
  CHECK(rs_decode(cw.code, cw.batch, dup, want) == RsStatus::kDuplicateShardIndex);
  auto bad = three;
  bad.push_back({7, cw.shards[1].data()});
  CHECK(rs_decode(cw.code, cw.batch, bad, want) == RsStatus::kInvalidShardIndex);
  auto ok = three;
  ok.push_back({6, cw.shards[6].data()});
  std::vector<ShardOut> bad_want{{9, out.data()}};
  CHECK(rs_decode(cw.code, cw.batch, ok, bad_want) == RsStatus::kInvalidShardIndex);
  auto null_in = ok;
  null_in[0].data = nullptr;
  CHECK(rs_decode(cw.code, cw.batch, null_in, want) == RsStatus::kNullBuffer);
  CHECK(rs_decode(cw.code, Batch{5, 1, 0}, ok, want) == RsStatus::kInvalidSymbolSize);
  CHECK(rs_decode(cw.code, Batch{0, 1, 0}, ok, want) == RsStatus::kInvalidSymbolSize);
  CHECK(rs_decode(cw.code, Batch{6, 0, 0}, ok, want) == RsStatus::kInvalidSymbolSize);
  CHECK(rs_decode(cw.code, cw.batch, ok, want) == RsStatus::kOk);
  CHECK(out == cw.shards[0]);
  // The same missing shard asked for twice is delivered twice, identically.
  Bytes again(6);
  std::vector<ShardOut> twice{{0, out.data()}, {0, again.data()}};
  std::fill(out.begin(), out.end(), 0);
  CHECK(rs_decode(cw.code, cw.batch, ok, twice) == RsStatus::kOk);
  CHECK(out == cw.shards[0]);
  CHECK(again == cw.shards[0]);

  const auto originals = cw.originals();
  std::vector<std::uint8_t*> rec(2, out.data());
  CHECK(rs_encode(cw.code, cw.batch, originals, rec) == RsStatus::kWrongShardCount);
  rec.push_back(nullptr);
  CHECK(rs_encode(cw.code, cw.batch, originals, rec) == RsStatus::kNullBuffer);
  CHECK(rs_encode(cw.code, Batch{3, 1, 0}, originals, rec) == RsStatus::kInvalidSymbolSize);
  CHECK_FALSE(describe(RsStatus::kTooFewShards).empty());
}

TEST_CASE("large shapes round-trip with random erasures (seeded)") {
  struct Shape {
    std::size_t k, r, symbol;
  };
  const std::vector<Shape> shapes = {
      {334, 666, 2},   {334, 666, 66},    {667, 333, 6},      {667, 333, 1024},
      {1000, 24, 62},  {24, 1000, 64},    {4096, 4096, 2},    {4096, 1000, 66},
      {1000, 4096, 6}, {16384, 16384, 2}, {20000, 3000, 2},   {3000, 20000, 2},
      {65535, 1, 2},   {1, 65535, 2},     {2048, 2048, 1024}, {667, 333, 1026}};
  std::mt19937_64 rng(13);
  for (const Shape& s : shapes) {
    CAPTURE(s.k);
    CAPTURE(s.r);
    CAPTURE(s.symbol);
    const Codeword cw = make_codeword(s.k, s.r, s.symbol, 1, rng);
    std::vector<std::size_t> all(s.k + s.r);
    std::iota(all.begin(), all.end(), 0);
    // Exactly k survivors (the hardest case) and a pattern with few losses (the direct locator).
    std::shuffle(all.begin(), all.end(), rng);
    check_decode(cw, std::vector<std::size_t>(all.begin(), all.begin() + static_cast<long>(s.k)));
    const std::size_t few = std::min<std::size_t>(3, s.r);
    check_decode(cw, std::vector<std::size_t>(all.begin(), all.end() - static_cast<long>(few)));
  }
}

TEST_CASE("a batch of codewords gives exactly what one call per codeword gives") {
  std::mt19937_64 rng(14);
  for (const std::size_t symbol : {2U, 6U, 62U, 64U, 66U, 130U}) {
    const std::size_t k = 7, r = 5, count = 9, stride = symbol + 10;
    // Strided batch: codeword b's symbol at shard i lives at base_i + b * stride.
    std::vector<Bytes> shards(k + r, Bytes(count * stride, 0));
    for (std::size_t i = 0; i < k; ++i) shards[i] = testing::random_bytes(rng, count * stride);
    const RsCode code = *RsCode::make(k, r);
    std::vector<const std::uint8_t*> orig;
    std::vector<std::uint8_t*> rec;
    for (std::size_t i = 0; i < k; ++i) orig.push_back(shards[i].data());
    for (std::size_t i = 0; i < r; ++i) rec.push_back(shards[k + i].data());
    REQUIRE(rs_encode(code, Batch{symbol, count, stride}, orig, rec) == RsStatus::kOk);
    for (std::size_t b = 0; b < count; ++b) {
      std::vector<const std::uint8_t*> o1;
      std::vector<Bytes> r1(r, Bytes(symbol));
      std::vector<std::uint8_t*> rp;
      for (std::size_t i = 0; i < k; ++i) o1.push_back(shards[i].data() + b * stride);
      for (auto& x : r1) rp.push_back(x.data());
      REQUIRE(rs_encode(code, Batch{symbol, 1, 0}, o1, rp) == RsStatus::kOk);
      for (std::size_t i = 0; i < r; ++i) {
        REQUIRE(std::equal(r1[i].begin(), r1[i].end(),
                           shards[k + i].begin() + static_cast<long>(b * stride)));
      }
    }
    // Batched decode of originals 0 and 3 from the rest.
    std::vector<ShardIn> in;
    for (std::size_t i = 0; i < k + r; ++i) {
      if (i != 0 && i != 3) in.push_back({i, shards[i].data()});
    }
    std::vector<Bytes> out(2, Bytes(count * stride, 0));
    std::vector<ShardOut> want{{0, out[0].data()}, {3, out[1].data()}};
    REQUIRE(rs_decode(code, Batch{symbol, count, stride}, in, want) == RsStatus::kOk);
    for (std::size_t b = 0; b < count; ++b) {
      CHECK(std::equal(out[0].begin() + static_cast<long>(b * stride),
                       out[0].begin() + static_cast<long>(b * stride + symbol),
                       shards[0].begin() + static_cast<long>(b * stride)));
      CHECK(std::equal(out[1].begin() + static_cast<long>(b * stride),
                       out[1].begin() + static_cast<long>(b * stride + symbol),
                       shards[3].begin() + static_cast<long>(b * stride)));
    }
  }
}

TEST_CASE("the single-point evaluator reproduces every shard of the encoded codeword") {
  std::mt19937_64 rng(15);
  for (const auto& [k, r] : std::vector<std::pair<std::size_t, std::size_t>>{
           {7, 3}, {4, 6}, {667, 333}, {334, 666}, {1, 9}, {9, 1}, {100, 2000}}) {
    const Codeword cw = make_codeword(k, r, 6, 3, rng);
    RsEvaluator ev;
    const auto orig = cw.originals();
    REQUIRE(RsEvaluator::make(cw.code, cw.batch, orig, &ev) == RsStatus::kOk);
    Bytes out(18);
    for (std::size_t i = 0; i < k + r; ++i) {
      REQUIRE(ev.evaluate(i, out.data()) == RsStatus::kOk);
      REQUIRE(out == cw.shards[i]);
    }
    CHECK(ev.evaluate(k + r, out.data()) == RsStatus::kInvalidShardIndex);
  }
}

TEST_CASE("the direct and the Walsh error locators agree") {
  std::mt19937_64 rng(16);
  for (const auto& [k, r] :
       std::vector<std::pair<std::size_t, std::size_t>>{{667, 333}, {7, 9}, {3000, 100}, {12, 5}}) {
    const RsCode code = *RsCode::make(k, r);
    std::vector<std::size_t> all(k + r);
    std::iota(all.begin(), all.end(), 0);
    std::shuffle(all.begin(), all.end(), rng);
    const std::size_t lost = std::min<std::size_t>(r, 3);
    const std::vector<std::size_t> present(all.begin() + static_cast<long>(lost), all.end());
    RsErasurePlan direct, walsh;
    REQUIRE(RsErasurePlan::make(code, present, &direct, 1U << 20) == RsStatus::kOk);
    REQUIRE(RsErasurePlan::make(code, present, &walsh, 0) == RsStatus::kOk);
    for (std::size_t p = 0; p < code.work_size(); ++p) {
      REQUIRE(direct.lambda(p) % gf::kModulus == walsh.lambda(p) % gf::kModulus);
    }
  }
}

TEST_CASE("scalar, AVX2 and AVX-512 GFNI kernels encode and decode to the same bytes") {
  const gf::Kernels& scalar = gf::kernels_for(gf::Isa::kScalar);
  for (const gf::Isa isa : {gf::Isa::kAvx2, gf::Isa::kAvx512Gfni}) {
    if (!gf::isa_supported(isa)) {
      MESSAGE("not on this CPU, not tested: " << gf::isa_name(isa));
      continue;
    }
    CAPTURE(gf::isa_name(isa));
    const gf::Kernels& simd = gf::kernels_for(isa);
    for (const auto& [k, r] :
         std::vector<std::pair<std::size_t, std::size_t>>{{667, 333}, {334, 666}, {50, 50}}) {
      std::mt19937_64 rng_a(17), rng_b(17);
      const Codeword a = make_codeword(k, r, 130, 2, rng_a, scalar);
      const Codeword b = make_codeword(k, r, 130, 2, rng_b, simd);
      REQUIRE(a.shards == b.shards);
      std::vector<std::size_t> present(k + r);
      std::iota(present.begin(), present.end(), 0);
      std::shuffle(present.begin(), present.end(), rng_a);
      present.resize(k);
      check_decode(a, present, scalar);
      check_decode(a, present, simd);
    }
  }
}
