// Known answers from the official Walrus encoder (codec/testdata/walrus_full_slivers.json): the
// non-systematic slivers of each blob are 1-D codewords of both rates (REDSTUFF.md §7). The
// encoder must reproduce them and the decoder must recover them from every allowed erasure pattern
// (exhaustively while that is at most a few thousand patterns, otherwise from seeded samples).
#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <numeric>
#include <random>

#include "codec/rs16.hpp"
#include "codec/test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

struct VectorCase {
  std::size_t n, k_p, k_s, symbol;
  std::vector<Bytes> primary;    // primary sliver i (k_s symbols)
  std::vector<Bytes> secondary;  // secondary sliver j (k_p symbols), by sliver index
};

std::vector<VectorCase> load_cases() {
  const auto doc = testing::load_testdata("walrus_full_slivers.json");
  std::vector<VectorCase> out;
  for (const auto& c : doc.at("cases")) {
    VectorCase v;
    v.n = c.at("n").get<std::size_t>();
    const std::size_t f = (v.n - 1) / 3;
    v.k_p = v.n - 2 * f;
    v.k_s = v.n - f;
    v.symbol = c.at("symbol_size").get<std::size_t>();
    v.secondary.resize(v.n);
    for (const auto& p : c.at("primary"))
      v.primary.push_back(testing::from_hex(p.at("data").get<std::string>()));
    for (const auto& s : c.at("secondary")) {
      v.secondary[s.at("idx").get<std::size_t>()] =
          testing::from_hex(s.at("data").get<std::string>());
    }
    out.push_back(std::move(v));
  }
  return out;
}

// The codewords of one axis: shard i of every codeword is the sliver `shards[i]`.
struct Axis {
  std::size_t k, r, codewords, symbol;
  std::vector<const Bytes*> shards;
};

// Rows (secondary code, k_s -> n): shard j is secondary sliver j, one symbol per row.
Axis rows(const VectorCase& v) {
  Axis a{v.k_s, v.n - v.k_s, v.k_p, v.symbol, {}};
  for (const auto& s : v.secondary) a.shards.push_back(&s);
  return a;
}

// Columns c < k_s (primary code, k_p -> n): shard i is primary sliver i, one symbol per column.
Axis columns(const VectorCase& v) {
  Axis a{v.k_p, v.n - v.k_p, v.k_s, v.symbol, {}};
  for (const auto& p : v.primary) a.shards.push_back(&p);
  return a;
}

void check_encode(const Axis& a) {
  const RsCode code = *RsCode::make(a.k, a.r);
  std::vector<const std::uint8_t*> orig;
  for (std::size_t i = 0; i < a.k; ++i) orig.push_back(a.shards[i]->data());
  std::vector<Bytes> rec(a.r, Bytes(a.codewords * a.symbol));
  std::vector<std::uint8_t*> rp;
  for (auto& x : rec) rp.push_back(x.data());
  REQUIRE(rs_encode(code, Batch{a.symbol, a.codewords, 0}, orig, rp) == RsStatus::kOk);
  for (std::size_t i = 0; i < a.r; ++i) REQUIRE(rec[i] == *a.shards[a.k + i]);
  // One call per codeword gives the same symbols.
  for (std::size_t b = 0; b < a.codewords; ++b) {
    std::vector<const std::uint8_t*> o1;
    for (std::size_t i = 0; i < a.k; ++i) o1.push_back(a.shards[i]->data() + b * a.symbol);
    std::vector<Bytes> r1(a.r, Bytes(a.symbol));
    std::vector<std::uint8_t*> p1;
    for (auto& x : r1) p1.push_back(x.data());
    REQUIRE(rs_encode(code, Batch{a.symbol, 1, 0}, o1, p1) == RsStatus::kOk);
    for (std::size_t i = 0; i < a.r; ++i) {
      REQUIRE(std::equal(r1[i].begin(), r1[i].end(),
                         a.shards[a.k + i]->begin() + static_cast<long>(b * a.symbol)));
    }
  }
}

void check_decode(const Axis& a, const std::vector<std::size_t>& present) {
  const std::size_t n = a.k + a.r;
  const RsCode code = *RsCode::make(a.k, a.r);
  std::vector<ShardIn> in;
  for (std::size_t i : present) in.push_back({i, a.shards[i]->data()});
  std::vector<Bytes> out(n, Bytes(a.codewords * a.symbol, 0));
  std::vector<ShardOut> want;
  for (std::size_t i = 0; i < n; ++i) want.push_back({i, out[i].data()});
  REQUIRE(rs_decode(code, Batch{a.symbol, a.codewords, 0}, in, want) == RsStatus::kOk);
  for (std::size_t i = 0; i < n; ++i) REQUIRE(out[i] == *a.shards[i]);
}

std::size_t count_patterns(std::size_t n, std::size_t k) {
  std::size_t total = 0;
  for (std::size_t keep = k; keep <= n; ++keep) {
    std::size_t c = 1;
    for (std::size_t i = 0; i < keep; ++i) c = c * (n - i) / (i + 1);
    total += c;
    if (total > 100000) return total;
  }
  return total;
}

void check_all_patterns(const Axis& a, std::mt19937_64& rng) {
  const std::size_t n = a.k + a.r;
  if (n <= 20 && count_patterns(n, a.k) <= 20000) {
    for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
      if (static_cast<std::size_t>(std::popcount(mask)) < a.k) continue;
      std::vector<std::size_t> present;
      for (std::size_t i = 0; i < n; ++i) {
        if ((mask >> i) & 1U) present.push_back(i);
      }
      check_decode(a, present);
    }
    return;
  }
  std::vector<std::size_t> all(n);
  std::iota(all.begin(), all.end(), 0);
  for (int trial = 0; trial < 40; ++trial) {
    std::shuffle(all.begin(), all.end(), rng);
    const std::size_t keep = a.k + static_cast<std::size_t>(trial % 3);
    check_decode(a, std::vector<std::size_t>(all.begin(), all.begin() + static_cast<long>(keep)));
  }
}

}  // namespace

TEST_CASE("the encoder reproduces every 1-D codeword in the Walrus sliver vectors") {
  const auto cases = load_cases();
  REQUIRE(cases.size() == 10);
  for (const VectorCase& v : cases) {
    CAPTURE(v.n);
    CAPTURE(v.symbol);
    check_encode(rows(v));
    check_encode(columns(v));
  }
}

TEST_CASE("the decoder recovers every Walrus vector codeword from every allowed erasure pattern") {
  std::mt19937_64 rng(20);
  for (const VectorCase& v : load_cases()) {
    CAPTURE(v.n);
    CAPTURE(v.symbol);
    check_all_patterns(rows(v), rng);
    check_all_patterns(columns(v), rng);
  }
}
