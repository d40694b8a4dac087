// Decoding by linear combination: byte-identical to the transform decoder for both rates, symbol
// sizes with and without a tail, batches with a stride, repeated and received wanted positions,
// any thread count; the cost rule; and the same argument checks as rs_decode.
#include "codec/rs_direct_decode.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <numeric>
#include <random>
#include <vector>

#include "codec/test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

// n shards of one code, each `stride * (count - 1) + symbol` bytes, encoded from random originals.
struct Encoded {
  RsCode code;
  Batch batch;
  std::vector<Bytes> shards;
};

Encoded encode(std::size_t k, std::size_t r, const Batch& batch, std::mt19937_64& rng) {
  Encoded e{*RsCode::make(k, r), batch, {}};
  const std::size_t bytes = batch.stride() * (batch.codeword_count - 1) + batch.symbol_bytes;
  std::vector<const std::uint8_t*> originals;
  std::vector<std::uint8_t*> recovery;
  for (std::size_t i = 0; i < k + r; ++i) e.shards.push_back(testing::random_bytes(rng, bytes));
  for (std::size_t i = 0; i < k; ++i) originals.push_back(e.shards[i].data());
  for (std::size_t i = k; i < k + r; ++i) recovery.push_back(e.shards[i].data());
  REQUIRE(rs_encode(e.code, batch, originals, recovery) == RsStatus::kOk);
  return e;
}

// A random set of `count` distinct positions out of n, in random order.
std::vector<std::size_t> pick(std::size_t n, std::size_t count, std::mt19937_64& rng) {
  std::vector<std::size_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  std::shuffle(all.begin(), all.end(), rng);
  all.resize(count);
  return all;
}

// Decodes `wanted` from `present` both ways and checks both give the encoder's bytes (only the
// symbols: the gaps between strided symbols are left as they were).
void check_both(const Encoded& e, const std::vector<std::size_t>& present,
                const std::vector<std::size_t>& wanted, std::size_t threads) {
  RsErasurePlan plan;
  REQUIRE(RsErasurePlan::make(e.code, present, &plan) == RsStatus::kOk);
  std::vector<ShardIn> in;
  for (const std::size_t i : present) in.push_back({i, e.shards[i].data()});
  const std::size_t bytes = e.shards[0].size();
  std::vector<Bytes> by_fft(wanted.size(), Bytes(bytes, 0xEE));
  std::vector<Bytes> direct(wanted.size(), Bytes(bytes, 0xEE));
  std::vector<ShardOut> out_fft;
  std::vector<ShardOut> out_direct;
  for (std::size_t w = 0; w < wanted.size(); ++w) {
    out_fft.push_back({wanted[w], by_fft[w].data()});
    out_direct.push_back({wanted[w], direct[w].data()});
  }
  REQUIRE(rs_decode(plan, e.batch, in, out_fft) == RsStatus::kOk);
  REQUIRE(rs_decode_direct(plan, e.batch, in, out_direct, threads) == RsStatus::kOk);
  for (std::size_t w = 0; w < wanted.size(); ++w) {
    REQUIRE(direct[w] == by_fft[w]);
    for (std::size_t b = 0; b < e.batch.codeword_count; ++b) {
      const std::size_t at = b * e.batch.stride();
      REQUIRE(std::equal(direct[w].begin() + static_cast<std::ptrdiff_t>(at),
                         direct[w].begin() + static_cast<std::ptrdiff_t>(at + e.batch.symbol_bytes),
                         e.shards[wanted[w]].begin() + static_cast<std::ptrdiff_t>(at)));
    }
  }
}

}  // namespace

TEST_CASE("direct decoding equals the transform decoder for both rates and any symbol size") {
  std::mt19937_64 rng(2024);
  struct Shape {
    std::size_t k, r;
  };
  // Low rate (RedStuff's column code at n = 10, 100, 1000), high rate, and equal powers of two.
  const Shape shapes[] = {{4, 6}, {34, 66}, {334, 666}, {7, 3}, {67, 33}, {3, 4}, {4, 3}, {1, 5}};
  const std::size_t symbols[] = {2, 6, 62, 64, 66, 130, 1000};
  for (const Shape& shape : shapes) {
    for (const std::size_t s : symbols) {
      CAPTURE(shape.k);
      CAPTURE(shape.r);
      CAPTURE(s);
      const std::size_t n = shape.k + shape.r;
      const Encoded e = encode(shape.k, shape.r, Batch{s, 1, 0}, rng);
      const std::vector<std::size_t> present = pick(n, shape.k, rng);
      std::vector<std::size_t> lost;
      for (std::size_t i = 0; i < n; ++i) {
        if (std::find(present.begin(), present.end(), i) == present.end()) lost.push_back(i);
      }
      std::shuffle(lost.begin(), lost.end(), rng);
      lost.resize(std::min<std::size_t>(lost.size(), 5));
      check_both(e, present, lost, 1);
    }
  }
}

TEST_CASE("every erased shard of a small code decodes directly from every k-subset") {
  std::mt19937_64 rng(7);
  const Encoded e = encode(3, 4, Batch{66, 1, 0}, rng);
  for (unsigned mask = 0; mask < (1U << 7); ++mask) {
    if (std::popcount(mask) < 3) continue;
    std::vector<std::size_t> present;
    std::vector<std::size_t> lost;
    for (std::size_t i = 0; i < 7; ++i) ((mask >> i) & 1U ? present : lost).push_back(i);
    if (lost.empty()) continue;
    CAPTURE(mask);
    check_both(e, present, lost, 1);
  }
}

TEST_CASE("direct decoding handles batches, more than k received, repeats and received positions") {
  std::mt19937_64 rng(99);
  const Encoded e = encode(34, 66, Batch{70, 3, 100}, rng);
  const std::vector<std::size_t> present = pick(100, 40, rng);  // six more than k
  std::vector<std::size_t> wanted;
  for (std::size_t i = 0; i < 100 && wanted.size() < 4; ++i) {
    if (std::find(present.begin(), present.end(), i) == present.end()) wanted.push_back(i);
  }
  wanted.push_back(wanted.front());  // the same erased position twice
  wanted.push_back(present[3]);      // a received one: a copy
  check_both(e, present, wanted, 1);
  check_both(e, present, wanted, 3);
}

TEST_CASE("direct decoding gives the same bytes on any number of threads") {
  std::mt19937_64 rng(5);
  const Encoded e = encode(334, 666, Batch{64 * 700 + 34, 1, 0}, rng);
  const std::vector<std::size_t> present = pick(1000, 334, rng);
  std::vector<std::size_t> lost;
  for (std::size_t i = 0; i < 1000 && lost.size() < 20; ++i) {
    if (std::find(present.begin(), present.end(), i) == present.end()) lost.push_back(i);
  }
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
    CAPTURE(threads);
    check_both(e, present, lost, threads);
  }
  const Encoded batched = encode(334, 666, Batch{2048 + 30, 4, 2100}, rng);
  check_both(batched, present, lost, 2);
}

TEST_CASE("a combination made once encodes chosen recovery shards of many large-symbol batches") {
  // Received = the k originals: the combination is an encoder of a few recovery positions, here
  // over three codewords of 1100-byte symbols (whole blocks in place, a 12-byte tail imported).
  std::mt19937_64 rng(11);
  const RsCode code = *RsCode::make(67, 33);
  std::vector<std::size_t> originals(67);
  std::iota(originals.begin(), originals.end(), 0);
  RsErasurePlan plan;
  REQUIRE(RsErasurePlan::make(code, originals, &plan) == RsStatus::kOk);
  const std::vector<std::size_t> wanted{99, 70, 67};
  RsCombination combination;
  REQUIRE(RsCombination::make(plan, originals, wanted, &combination) == RsStatus::kOk);
  CHECK(combination.received_count() == 67);
  CHECK(combination.wanted_count() == 3);
  for (const int round : {0, 1}) {
    CAPTURE(round);
    const Encoded e = encode(67, 33, Batch{1100, 3, 1200}, rng);
    std::vector<const std::uint8_t*> in;
    for (std::size_t i = 0; i < 67; ++i) in.push_back(e.shards[i].data());
    std::vector<Bytes> out(3, Bytes(e.shards[0].size(), 0));
    std::vector<std::uint8_t*> out_ptr;
    for (Bytes& o : out) out_ptr.push_back(o.data());
    REQUIRE(combination.apply(e.batch, in, out_ptr, 2) == RsStatus::kOk);
    for (std::size_t w = 0; w < 3; ++w) {
      for (std::size_t b = 0; b < 3; ++b) {
        const auto at = static_cast<std::ptrdiff_t>(b * 1200);
        REQUIRE(std::equal(out[w].begin() + at, out[w].begin() + at + 1100,
                           e.shards[wanted[w]].begin() + at));
      }
    }
  }
}

TEST_CASE("a combination refuses what does not fit its pattern") {
  const RsCode code = *RsCode::make(4, 6);
  RsErasurePlan plan;
  REQUIRE(RsErasurePlan::make(code, std::vector<std::size_t>{0, 2, 5, 9}, &plan) == RsStatus::kOk);
  RsCombination c;
  const std::vector<std::size_t> got{9, 5, 2, 0};
  CHECK(RsCombination::make(plan, got, std::vector<std::size_t>{2}, &c) ==
        RsStatus::kInvalidShardIndex);  // wanted but received
  CHECK(RsCombination::make(plan, got, std::vector<std::size_t>{1, 1}, &c) ==
        RsStatus::kDuplicateShardIndex);
  CHECK(RsCombination::make(plan, std::vector<std::size_t>{9, 5, 2}, std::vector<std::size_t>{1},
                            &c) == RsStatus::kTooFewShards);
  REQUIRE(RsCombination::make(plan, got, std::vector<std::size_t>{1, 3}, &c) == RsStatus::kOk);
  Bytes buf(8 * 6, 0);
  std::vector<const std::uint8_t*> in{buf.data(), buf.data() + 8, buf.data() + 16, buf.data() + 24};
  std::vector<std::uint8_t*> out{buf.data() + 32, buf.data() + 40};
  CHECK(c.apply(Batch{8, 1, 0}, std::span(in).first(3), out) == RsStatus::kWrongShardCount);
  CHECK(c.apply(Batch{8, 1, 0}, in, std::span(out).first(1)) == RsStatus::kWrongShardCount);
  CHECK(c.apply(Batch{9, 1, 0}, in, out) == RsStatus::kInvalidSymbolSize);
  in[2] = nullptr;
  CHECK(c.apply(Batch{8, 1, 0}, in, out) == RsStatus::kNullBuffer);
}

TEST_CASE("direct decoding pays while wanted * k stays under N log2 N") {
  const RsCode code = *RsCode::make(334, 666);  // N = 2048: N log2 N = 22528
  CHECK(rs_direct_decode_pays(code, 1));
  CHECK(rs_direct_decode_pays(code, 67));  // 67 * 334 = 22378
  CHECK_FALSE(rs_direct_decode_pays(code, 68));
  CHECK_FALSE(rs_direct_decode_pays(code, 666));
  // With the coefficients' decode counted: never for shards of at most 2k bytes, and for one lost
  // shard of 3140 bytes (a 1 MiB blob's piece) while 3140 (22528 - k) > 22528 * 668.
  CHECK_FALSE(rs_direct_decode_pays(code, 1, 668));
  CHECK(rs_direct_decode_pays(code, 1, 3140));
  CHECK(rs_direct_decode_pays(code, 14, 3140));  // 14 * 334 * 3140 + 22528 * 668 < 22528 * 3140
  CHECK_FALSE(rs_direct_decode_pays(code, 60, 3140));
}

TEST_CASE("direct decoding rejects what rs_decode rejects, writing nothing") {
  std::mt19937_64 rng(3);
  const Encoded e = encode(4, 6, Batch{8, 1, 0}, rng);
  RsErasurePlan plan;
  REQUIRE(RsErasurePlan::make(e.code, std::vector<std::size_t>{0, 2, 5, 9}, &plan) ==
          RsStatus::kOk);
  const std::vector<ShardIn> in{{0, e.shards[0].data()},
                                {2, e.shards[2].data()},
                                {5, e.shards[5].data()},
                                {9, e.shards[9].data()}};
  Bytes out(8, 0xEE);
  const std::vector<ShardOut> want{{1, out.data()}};
  CHECK(rs_decode_direct(plan, Batch{7, 1, 0}, in, want) == RsStatus::kInvalidSymbolSize);
  CHECK(rs_decode_direct(plan, Batch{8, 1, 0}, std::span(in).first(3), want) ==
        RsStatus::kTooFewShards);
  std::vector<ShardIn> dup = in;
  dup[1] = in[0];
  CHECK(rs_decode_direct(plan, Batch{8, 1, 0}, dup, want) == RsStatus::kDuplicateShardIndex);
  std::vector<ShardIn> other = in;
  other[1].index = 3;  // not one of the plan's positions
  CHECK(rs_decode_direct(plan, Batch{8, 1, 0}, other, want) == RsStatus::kInvalidShardIndex);
  const std::vector<ShardOut> out_of_range{{10, out.data()}};
  CHECK(rs_decode_direct(plan, Batch{8, 1, 0}, in, out_of_range) == RsStatus::kInvalidShardIndex);
  const std::vector<ShardOut> null_out{{1, nullptr}};
  CHECK(rs_decode_direct(plan, Batch{8, 1, 0}, in, null_out) == RsStatus::kNullBuffer);
  CHECK(out == Bytes(8, 0xEE));
}
