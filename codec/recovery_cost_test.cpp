// Byte accounting of recovery: the closed form equals the bytes of the real symbols and proofs, the
// payload of a pair is exactly (k_p + k_s) s, and at n = 1000 the wire cost per symbol is
// s + 337 B on average (REDSTUFF.md §4); RS full-blob rebuild moves k_p k_s / (k_p + k_s) times
// the payload.
#include "codec/recovery_cost.hpp"

#include <doctest/doctest.h>

#include <random>

#include "codec/baseline_rs_rebuild.hpp"
#include "codec/recovery_decoder.hpp"
#include "codec/recovery_test_support.hpp"
#include "codec/wire_sizes.hpp"

using namespace sliversim::codec;
using testing::Bytes;

TEST_CASE("the closed form equals the measured bytes of every pair's real symbols at small n") {
  for (const std::size_t n : {4U, 7U, 10U, 13U, 31U}) {
    const auto blob = testing::make_helped_blob(n, testing::seeded_blob(77 * n, n));
    const auto& params = blob.params;
    std::mt19937_64 rng(n);
    for (std::size_t p = 0; p < n; ++p) {
      RecoveryCost measured;
      for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
        const RecoveryTarget target{axis,
                                    params.sliver_of_pair(static_cast<SliverPairIndex>(p), axis)};
        const auto helpers = testing::sample_distinct(rng, n, params.symbols_per_sliver(axis));
        const auto symbols = blob.symbols(target, helpers);
        const RecoveryCost cost = cost_of_symbols(symbols);
        CHECK(cost == sliver_recovery_cost(params, blob.symbol_bytes, target));
        measured += cost;
      }
      const RecoveryCost closed =
          pair_recovery_cost(params, blob.symbol_bytes, static_cast<SliverPairIndex>(p), false);
      CHECK(measured == closed);
      CHECK(closed.payload_bytes ==
            (params.primary_source_symbols() + params.secondary_source_symbols()) *
                blob.symbol_bytes);
      CHECK(closed.metadata_bytes == 0);
      RecoveryCost with_metadata = closed;
      with_metadata += metadata_fetch_cost(n);
      CHECK(pair_recovery_cost(params, blob.symbol_bytes, static_cast<SliverPairIndex>(p), true) ==
            with_metadata);
    }
  }
}

TEST_CASE("a pair at n = 1000: payload (k_p + k_s) s exactly, real proofs as the closed form") {
  const std::size_t n = 1000;
  const auto params = *RedStuffParams::make(n);
  EncodedBlob encoded;
  REQUIRE(encode_blob(params, testing::seeded_blob(1 << 20, 90), 0, &encoded) ==
          RedStuffStatus::kOk);
  const std::size_t s = encoded.expanded.symbol_bytes();
  REQUIRE(s == 6);  // ceil(2^20 / (334 * 667)) = 5, rounded up to even
  std::mt19937_64 rng(90);
  const SliverPairIndex pair{3};
  RecoveryCost measured;
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    const RecoveryTarget target{axis, params.sliver_of_pair(pair, axis)};
    const std::vector<RecoverySymbol> symbols = testing::symbols_from(
        params, encoded, target, testing::sample_distinct(rng, n, params.symbols_per_sliver(axis)));
    RecoveryResult result;
    REQUIRE(recover_sliver(params, encoded.metadata, target, symbols, {}, &result) ==
            RecoveryStatus::kOk);
    CHECK(result.sliver == encoded.expanded.sliver(axis, target.index));
    measured += cost_of_symbols(symbols);
  }
  CHECK(measured.symbols == 334 + 667);
  CHECK(measured.payload_bytes == (334 + 667) * s);
  CHECK(measured.framing_bytes == (334 + 667) * 6);
  CHECK(measured == pair_recovery_cost(params, s, pair, false));
  // Pair 3: leaf 3 has a full path (1 + 10 x 33 bytes); leaf 996 meets two empty padding nodes
  // (at the odd levels of 125 and 63 nodes), 1 + 8 x 33 + 2 x 1 bytes, the minimum.
  CHECK(measured.proof_bytes == 667 * 331 + 334 * 267);
}

TEST_CASE("at n = 1000 a recovery symbol costs s + 337 B on the wire on average") {
  const auto params = *RedStuffParams::make(1000);
  const ProofWireStats stats = proof_wire_stats(1000);
  CHECK(stats.min_bytes == 267);
  CHECK(stats.max_bytes == 331);
  CHECK(stats.mean_bytes == doctest::Approx(330.5).epsilon(0.002));
  for (const std::size_t s : {2U, 302U}) {
    RecoveryCost all;
    for (std::size_t p = 0; p < 1000; ++p) {
      const RecoveryCost pair =
          pair_recovery_cost(params, s, static_cast<SliverPairIndex>(p), false);
      REQUIRE(pair.payload_bytes == 1001 * s);
      all += pair;
    }
    const double per_symbol =
        static_cast<double>(all.overhead_bytes()) / static_cast<double>(all.symbols);
    const double framing = s < 128 ? 6.0 : 7.0;
    CHECK(per_symbol == doctest::Approx(stats.mean_bytes + framing).epsilon(1e-12));
    CHECK(per_symbol > 336.0);
    CHECK(per_symbol < 338.0);
  }
  // A node that lacks the metadata fetches it once per pair: 66 n + 42 + ULEB128(n) bytes.
  CHECK(metadata_fetch_cost(1000).metadata_bytes == 66044);
  CHECK(metadata_fetch_cost(1000).total_bytes() == 66044);
}

TEST_CASE("full-blob rebuild moves 222.6 times RedStuff's pair payload at n = 1000") {
  const auto params = *RedStuffParams::make(1000);
  const auto rebuild = *RsRebuildCode::make(1000);
  const std::uint64_t s = 300;
  const std::uint64_t blob_bytes = 334ULL * 667 * s;  // fills the message matrix exactly
  const RecoveryCost redstuff = pair_recovery_cost(params, s, SliverPairIndex{0}, false);
  const BaselineRepairCost rs = rebuild.repair_cost(blob_bytes, 1);
  CHECK(rs.download_bytes == 334 * (667 * s));
  const double ratio =
      static_cast<double>(rs.download_bytes) / static_cast<double>(redstuff.payload_bytes);
  CHECK(ratio == doctest::Approx(334.0 * 667.0 / 1001.0));
  CHECK(ratio == doctest::Approx(222.6).epsilon(0.001));
}

// REDSTUFF.md §4's table: on the wire the ratio rises with blob size, because every recovery symbol
// carries a ~337 B proof and a node that lost its data fetches the 66 KB metadata. Averaged over
// all 1000 pairs (each leaf's proof is used once per axis, so the mean proof is the mean over
// leaves, ≈ 330.5 B), the expected wire cost of a pair is 1001 (s + framing + mean proof) + 66044.
TEST_CASE("at n = 1000 the rebuild/RedStuff wire ratio rises from 2.6x at 1 MiB to 205x at 1 GiB") {
  const auto params = *RedStuffParams::make(1000);
  const auto rebuild = *RsRebuildCode::make(1000);
  struct Row {
    std::uint64_t blob_bytes;
    std::size_t s;     // the Walrus symbol size
    double with_meta;  // expected ratio when the target fetches the metadata
    double without;    // when it already holds it
  };
  const double mean_proof = proof_wire_stats(1000).mean_bytes;
  const auto expected = [mean_proof](std::uint64_t piece, std::size_t s, bool meta) {
    const double framing = s < 128 ? 6.0 : 7.0;
    const double wire =
        1001.0 * (static_cast<double>(s) + framing + mean_proof) + (meta ? 66044 : 0);
    return 334.0 * static_cast<double>(piece) / wire;
  };
  double previous = 0.0;
  for (const std::uint64_t mib : {1ULL, 16ULL, 64ULL, 256ULL, 1024ULL}) {
    CAPTURE(mib);
    const std::uint64_t blob_bytes = mib << 20;
    std::size_t s = 0;
    REQUIRE(params.symbol_bytes_for(blob_bytes, &s) == RedStuffStatus::kOk);
    RecoveryCost with_meta;
    RecoveryCost without;
    for (std::size_t p = 0; p < 1000; ++p) {
      with_meta += pair_recovery_cost(params, s, static_cast<SliverPairIndex>(p), true);
      without += pair_recovery_cost(params, s, static_cast<SliverPairIndex>(p), false);
    }
    const double rs = static_cast<double>(rebuild.repair_cost(blob_bytes, 1).download_bytes);
    const double ratio_meta = rs * 1000.0 / static_cast<double>(with_meta.total_bytes());
    const double ratio_plain = rs * 1000.0 / static_cast<double>(without.total_bytes());
    const std::uint64_t piece = rebuild.piece_bytes(blob_bytes);
    CHECK(ratio_meta == doctest::Approx(expected(piece, s, true)).epsilon(1e-9));
    CHECK(ratio_plain == doctest::Approx(expected(piece, s, false)).epsilon(1e-9));
    CHECK(ratio_meta > previous);
    previous = ratio_meta;
    if (mib == 1) {
      CHECK(s == 6);
      CHECK(ratio_meta == doctest::Approx(2.565).epsilon(0.001));
      CHECK(ratio_plain == doctest::Approx(3.062).epsilon(0.001));
    }
    if (mib == 1024) {
      CHECK(s == 4820);
      CHECK(ratio_meta == doctest::Approx(205.35).epsilon(0.001));
      // Payload alone approaches k_p k_s / (k_p + k_s) = 222.6 (s is rounded up to even).
      CHECK(rs / static_cast<double>(1001 * s) == doctest::Approx(222.6).epsilon(0.001));
    }
  }
}
