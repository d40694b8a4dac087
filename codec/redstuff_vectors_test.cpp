// Known answers from the official Walrus encoder (codec/testdata/walrus_vectors.json and
// walrus_full_slivers.json): blob IDs, metadata roots, every sliver hash and every sliver byte
// must come out of our encoder exactly (REDSTUFF.md §7).
#include <doctest/doctest.h>
#include <sodium.h>

#include <string>

#include "codec/blob_metadata.hpp"
#include "codec/byte_text.hpp"
#include "codec/test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

EncodedBlob encode_or_fail(std::size_t n, const Bytes& blob, std::size_t threads = 0) {
  const auto params = RedStuffParams::make(n);
  REQUIRE(params.has_value());
  EncodedBlob encoded;
  REQUIRE(encode_blob(*params, blob, threads, &encoded) == RedStuffStatus::kOk);
  return encoded;
}

std::string hex_of(const Digest& d) { return hex_encode(d); }

// SHA-256 over the concatenated slivers of one axis in pair order (the vector files' digest).
std::string sha256_in_pair_order(const ExpandedBlob& e, SliverAxis axis) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  for (std::size_t p = 0; p < e.n_shards(); ++p) {
    const SliverIndex i = e.params().sliver_of_pair(static_cast<SliverPairIndex>(p), axis);
    const Bytes sliver = e.sliver(axis, i);
    crypto_hash_sha256_update(&state, sliver.data(), sliver.size());
  }
  std::uint8_t digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return hex_encode(digest);
}

}  // namespace

TEST_CASE("the official Walrus blob IDs are reproduced") {
  const auto doc = testing::load_testdata("walrus_vectors.json");
  for (const auto& v : doc.at("official_vectors")) {
    const auto n = v.at("n").get<std::size_t>();
    Bytes blob;
    if (v.contains("blob_ascii")) {
      const auto text = v.at("blob_ascii").get<std::string>();
      blob.assign(text.begin(), text.end());
    } else {
      blob = testing::from_hex(v.at("blob_hex").get<std::string>());
    }
    CAPTURE(n);
    CAPTURE(blob.size());
    const EncodedBlob encoded = encode_or_fail(n, blob);
    if (v.contains("blob_id_b64")) {
      CHECK(encoded.blob_id.to_base64url() == v.at("blob_id_b64").get<std::string>());
    }
    if (v.contains("blob_id_hex")) {
      CHECK(encoded.blob_id.to_hex() == v.at("blob_id_hex").get<std::string>());
    }
  }
}

TEST_CASE("generated cases match in ID, root, pair-0 hashes and digests of all slivers") {
  const auto doc = testing::load_testdata("walrus_vectors.json");
  for (const auto& v : doc.at("generated")) {
    const auto n = v.at("n").get<std::size_t>();
    const Bytes blob =
        testing::pattern_blob(v.at("len").get<std::size_t>(), v.at("seed").get<std::size_t>());
    CAPTURE(n);
    CAPTURE(blob.size());
    const EncodedBlob encoded = encode_or_fail(n, blob);
    CHECK(encoded.expanded.symbol_bytes() == v.at("symbol_size").get<std::size_t>());
    CHECK(encoded.blob_id.to_hex() == v.at("blob_id_hex").get<std::string>());
    CHECK(encoded.blob_id.to_base64url() == v.at("blob_id_b64").get<std::string>());
    CHECK(hex_of(encoded.metadata.merkle_root()) ==
          v.at("metadata_merkle_root_hex").get<std::string>());
    CHECK(hex_of(encoded.metadata.hashes[0].primary) ==
          v.at("pair0_primary_hash").get<std::string>());
    CHECK(hex_of(encoded.metadata.hashes[0].secondary) ==
          v.at("pair0_secondary_hash").get<std::string>());
    CHECK(sha256_in_pair_order(encoded.expanded, SliverAxis::kPrimary) ==
          v.at("sha256_all_primary_slivers_in_pair_order").get<std::string>());
    CHECK(sha256_in_pair_order(encoded.expanded, SliverAxis::kSecondary) ==
          v.at("sha256_all_secondary_slivers_in_pair_order").get<std::string>());
    const std::string prefix = v.at("pair0_primary_sliver_hex_prefix").get<std::string>();
    CHECK(hex_encode(encoded.expanded.primary_sliver(SliverIndex{0})).substr(0, prefix.size()) ==
          prefix);
  }
}

TEST_CASE("every sliver byte and every pair hash of the full-sliver cases match") {
  const auto doc = testing::load_testdata("walrus_full_slivers.json");
  for (const auto& c : doc.at("cases")) {
    const auto n = c.at("n").get<std::size_t>();
    const Bytes blob =
        testing::pattern_blob(c.at("len").get<std::size_t>(), c.at("seed").get<std::size_t>());
    CAPTURE(n);
    CAPTURE(blob.size());
    const EncodedBlob encoded = encode_or_fail(n, blob);
    CHECK(encoded.blob_id.to_hex() == c.at("blob_id_hex").get<std::string>());
    CHECK(hex_of(encoded.metadata.merkle_root()) == c.at("root").get<std::string>());
    const std::vector<SliverPair> pairs = sliver_pairs(encoded.expanded);
    REQUIRE(pairs.size() == n);
    for (std::size_t p = 0; p < n; ++p) {
      CAPTURE(p);
      const auto& primary = c.at("primary").at(p);
      const auto& secondary = c.at("secondary").at(p);
      REQUIRE(primary.at("idx").get<std::size_t>() == p);
      REQUIRE(secondary.at("idx").get<std::size_t>() == n - 1 - p);
      CHECK(hex_encode(pairs[p].primary) == primary.at("data").get<std::string>());
      CHECK(hex_encode(pairs[p].secondary) == secondary.at("data").get<std::string>());
      CHECK(hex_of(encoded.metadata.hashes[p].primary) ==
            c.at("hashes").at(p).at(0).get<std::string>());
      CHECK(hex_of(encoded.metadata.hashes[p].secondary) ==
            c.at("hashes").at(p).at(1).get<std::string>());
    }
  }
}
