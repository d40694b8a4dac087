// Private to the RedStuff scheme: the helper side of a repair. Every helper answers from its own
// stored sliver; without a cache this is codec::serve_recovery_symbols (expand each sliver, build
// its whole Merkle tree). With the helper cache (redstuff_helper_cache.hpp), an intact sliver with
// cached levels hashes only the block of each target's leaf (when the targets' distinct blocks
// hold fewer leaves than the tree), and skips the expansion entirely when every target's block
// lies in its systematic part (its own stored symbols), or, with every leaf cached, when
// computing its few other targets as combinations of its k symbols (codec::RsCombination) costs
// less than expanding it. The output is identical either way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/blob_metadata.hpp"
#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"
#include "codec/redstuff_status.hpp"
#include "sim/schemes/redstuff_helper_cache.hpp"

namespace sliversim::schemes::redstuff {

// One helper's stored sliver; the bytes stay the caller's.
struct ServedSliver {
  codec::SliverIndex index{};
  std::span<const std::uint8_t> data;  // k symbols of the blob's symbol size
  bool intact = false;                 // its unit is kValid in the store: the cache may be used
};

// For every helper h (slivers of `axis`) and target t, the recovery symbol h sends for sliver
// targets[t] of the orthogonal axis, at (*out)[h * targets.size() + t]: byte-identical to
// codec::serve_recovery_symbols. With `cache` (else null), intact slivers use it and a sliver whose
// rebuilt tree has the metadata's root fills it. `threads` workers (0 = hardware concurrency).
// Returns kOk, or the codec's kInvalidSliverIndex / kWrongSliverSize (*out untouched).
codec::RedStuffStatus serve_helpers(const codec::RedStuffParams& params, codec::SliverAxis axis,
                                    std::span<const ServedSliver> helpers, std::size_t symbol_bytes,
                                    std::span<const codec::SliverIndex> targets,
                                    const codec::BlobMetadata& metadata, HelperCache* cache,
                                    std::size_t threads, std::vector<codec::RecoverySymbol>* out);

}  // namespace sliversim::schemes::redstuff
