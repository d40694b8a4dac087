// One sliver on its own: expanding it to its full line of the expanded matrix (a primary sliver's
// row, a secondary sliver's column), hashing it, and checking it against blob metadata. A storage
// node does this to verify a sliver it receives, and a repair helper to derive recovery symbols.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "codec/blob_metadata.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

// Writes the n symbols of the expanded sliver to `expanded`: the sliver's own k symbols
// (k = symbols_per_sliver(axis)) followed by its n - k recovery symbols under the orthogonal
// code (primary slivers: the row code RS(k_s -> n); secondary: the column code RS(k_p -> n)).
// Returns kOk, or kWrongSliverSize when symbol_bytes is zero or odd, sliver is not k symbols or
// expanded is not n symbols (nothing written).
RedStuffStatus expand_sliver(const RedStuffParams& params, SliverAxis axis,
                             std::span<const std::uint8_t> sliver, std::size_t symbol_bytes,
                             std::span<std::uint8_t> expanded);

// The sliver's hash: the Merkle root over its n expanded symbols. Same statuses as expand_sliver.
RedStuffStatus compute_sliver_hash(const RedStuffParams& params, SliverAxis axis,
                                   std::span<const std::uint8_t> sliver, std::size_t symbol_bytes,
                                   Digest* hash);

// Checks sliver `index` of `axis` against its hash in `metadata`. Returns kOk,
// kSliverHashMismatch, kWrongSliverSize (size not k * the metadata's symbol size),
// kInvalidSliverIndex, or kMetadataMismatch (metadata does not fit params).
RedStuffStatus verify_sliver(const RedStuffParams& params, const BlobMetadata& metadata,
                             SliverAxis axis, SliverIndex index,
                             std::span<const std::uint8_t> sliver);

}  // namespace sliversim::codec
