// Inconsistency proofs: a blob whose metadata commits to one altered row yields, on recovery, a
// proof that verifies for anyone holding the metadata; a consistent blob yields none and no set
// of honest symbols proves anything; tampered proofs are refused.
#include "codec/inconsistency_proof.hpp"

#include <doctest/doctest.h>

#include <random>

#include "codec/recovery_decoder.hpp"
#include "codec/recovery_test_support.hpp"
#include "codec/sliver_expansion.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

SliverIndex idx(std::size_t i) { return static_cast<SliverIndex>(i); }

// A writer who stores garbage as primary sliver `bad_row` (and commits to its expansion in the
// metadata) while every other sliver and hash is honest.
struct BadlyEncoded {
  testing::HelpedBlob honest;
  BlobMetadata metadata;          // the writer's metadata
  RecoveryHelper bad_row_helper;  // the holder of the altered primary sliver
};

BadlyEncoded encode_badly(std::size_t n, std::size_t bad_row, std::uint64_t seed) {
  BadlyEncoded out{testing::make_helped_blob(n, testing::seeded_blob(60 * n, seed)), {}, {}};
  const auto& params = out.honest.params;
  const std::size_t s = out.honest.symbol_bytes;
  Bytes altered = out.honest.sliver({SliverAxis::kPrimary, idx(bad_row)});
  std::mt19937_64 rng(seed);
  for (auto& byte : altered) byte = static_cast<std::uint8_t>(byte ^ (1 + (rng() % 255)));
  out.metadata = out.honest.encoded.metadata;
  Digest hash;
  REQUIRE(compute_sliver_hash(params, SliverAxis::kPrimary, altered, s, &hash) ==
          RedStuffStatus::kOk);
  out.metadata.hashes[bad_row].primary = hash;
  REQUIRE(RecoveryHelper::make(params, SliverAxis::kPrimary, idx(bad_row), altered, s,
                               &out.bad_row_helper) == RedStuffStatus::kOk);
  return out;
}

// The symbols the writer's nodes send: honest ones, except from the altered row's holder.
std::vector<RecoverySymbol> writer_symbols(const BadlyEncoded& blob, std::size_t bad_row,
                                           RecoveryTarget target,
                                           const std::vector<std::size_t>& helpers) {
  std::vector<RecoverySymbol> symbols = blob.honest.symbols(target, helpers);
  for (std::size_t i = 0; i < helpers.size(); ++i) {
    if (target.axis == SliverAxis::kSecondary && helpers[i] == bad_row) {
      symbols[i] = blob.bad_row_helper.recovery_symbol(target.index);
    }
  }
  return symbols;
}

}  // namespace

TEST_CASE("recovering the altered row proves the writer's inconsistency") {
  for (const std::size_t bad_row : {2U, 8U}) {  // a systematic and a repair row at n = 10
    const BadlyEncoded blob = encode_badly(10, bad_row, 40 + bad_row);
    const auto& params = blob.honest.params;
    const RecoveryTarget target{SliverAxis::kPrimary, idx(bad_row)};
    const auto symbols = writer_symbols(blob, bad_row, target, {9, 0, 8, 1, 7, 2, 6});
    RecoveryResult result;
    REQUIRE(recover_sliver(params, blob.metadata, target, symbols, {}, &result) ==
            RecoveryStatus::kResultMismatch);
    CHECK(result.sliver.empty());
    CHECK(result.rejected == 0);
    REQUIRE(result.inconsistency);
    const InconsistencyProof& proof = *result.inconsistency;
    CHECK(proof.target == target);
    CHECK(proof.symbols == symbols);
    CHECK(verify_inconsistency_proof(params, blob.metadata, proof) == InconsistencyStatus::kProven);
    // Against the honest metadata the same symbols decode to the honest row: nothing proven.
    CHECK(verify_inconsistency_proof(params, blob.honest.encoded.metadata, proof) ==
          InconsistencyStatus::kTargetConsistent);
  }
}

TEST_CASE("recovering a column through the altered row's holder also proves it") {
  const std::size_t bad_row = 8;
  const BadlyEncoded blob = encode_badly(10, bad_row, 50);
  const auto& params = blob.honest.params;
  for (std::size_t j = 0; j < 10; ++j) {
    const RecoveryTarget target{SliverAxis::kSecondary, idx(j)};
    // With the altered row among the k_p = 4 helpers: a proven contradiction.
    const auto with_bad = writer_symbols(blob, bad_row, target, {3, bad_row, 5, 0});
    RecoveryResult result;
    REQUIRE(recover_sliver(params, blob.metadata, target, with_bad, {}, &result) ==
            RecoveryStatus::kResultMismatch);
    REQUIRE(result.inconsistency);
    CHECK(verify_inconsistency_proof(params, blob.metadata, *result.inconsistency) ==
          InconsistencyStatus::kProven);
    // Without it, the honest rows give the honest column, which matches its hash.
    const auto without = writer_symbols(blob, bad_row, target, {3, 9, 5, 0});
    REQUIRE(recover_sliver(params, blob.metadata, target, without, {}, &result) ==
            RecoveryStatus::kOk);
    CHECK(result.sliver == blob.honest.sliver(target));
    CHECK(!result.inconsistency);
  }
}

TEST_CASE("no set of honest symbols proves a consistent blob inconsistent") {
  const auto blob = testing::make_helped_blob(7, testing::seeded_blob(700, 51));
  std::mt19937_64 rng(51);
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    for (std::size_t t = 0; t < 7; ++t) {
      const RecoveryTarget target{axis, idx(t)};
      const std::size_t k = blob.params.symbols_per_sliver(axis);
      const InconsistencyProof proof{target,
                                     blob.symbols(target, testing::sample_distinct(rng, 7, k))};
      CHECK(verify_inconsistency_proof(blob.params, blob.encoded.metadata, proof) ==
            InconsistencyStatus::kTargetConsistent);
    }
  }
}

TEST_CASE("tampered or malformed inconsistency proofs are refused") {
  const std::size_t bad_row = 8;
  const BadlyEncoded blob = encode_badly(10, bad_row, 52);
  const auto& params = blob.honest.params;
  const RecoveryTarget target{SliverAxis::kPrimary, idx(bad_row)};
  const InconsistencyProof good{target,
                                writer_symbols(blob, bad_row, target, {0, 1, 2, 3, 4, 5, 6})};
  REQUIRE(verify_inconsistency_proof(params, blob.metadata, good) == InconsistencyStatus::kProven);
  auto verify = [&](const InconsistencyProof& proof) {
    return verify_inconsistency_proof(params, blob.metadata, proof);
  };
  InconsistencyProof bad = good;
  bad.symbols[3].data[0] ^= 1;
  CHECK(verify(bad) == InconsistencyStatus::kBadSymbolProof);
  bad = good;
  bad.symbols.pop_back();
  CHECK(verify(bad) == InconsistencyStatus::kMalformed);
  bad = good;
  bad.symbols.push_back(blob.honest.secondary_helpers[7].recovery_symbol(idx(bad_row)));
  CHECK(verify(bad) == InconsistencyStatus::kMalformed);
  bad = good;
  bad.symbols[6] = bad.symbols[5];
  CHECK(verify(bad) == InconsistencyStatus::kMalformed);
  bad = good;
  bad.target.index = idx(7);
  CHECK(verify(bad) == InconsistencyStatus::kMalformed);
  bad = good;
  bad.target.index = idx(10);
  CHECK(verify(bad) == InconsistencyStatus::kMalformed);
  bad = good;
  bad.target.axis = SliverAxis::kSecondary;
  CHECK(verify(bad) == InconsistencyStatus::kMalformed);
  BlobMetadata foreign = blob.metadata;
  foreign.hashes.pop_back();
  CHECK(verify_inconsistency_proof(params, foreign, good) ==
        InconsistencyStatus::kMetadataMismatch);
}

TEST_CASE("an inconsistency proof's wire size is its framing plus its symbols") {
  const BadlyEncoded blob = encode_badly(10, 8, 53);
  const RecoveryTarget target{SliverAxis::kPrimary, idx(8)};
  const InconsistencyProof proof{target, writer_symbols(blob, 8, target, {0, 1, 2, 3, 4, 5, 6})};
  std::size_t symbols = 0;
  for (const auto& symbol : proof.symbols) {
    CHECK(symbol.wire_bytes() == blob.honest.symbol_bytes + 6 + symbol.proof.wire_bytes());
    symbols += symbol.wire_bytes();
  }
  CHECK(proof.wire_bytes() == 1 + 2 + 1 + symbols);
}
