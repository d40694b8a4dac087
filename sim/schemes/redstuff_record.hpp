// Private to the RedStuff scheme: what it keeps per encoded blob (no sliver bytes: those live in
// the unit store). Memory: the metadata's 2n digests (64n bytes) plus the helper cache.
#pragma once

#include <cstddef>
#include <cstdint>

#include "codec/blob_id.hpp"
#include "codec/blob_metadata.hpp"
#include "sim/schemes/redstuff_helper_cache.hpp"
#include "sim/schemes/redstuff_scheme.hpp"

namespace sliversim::schemes {

struct RedStuffScheme::BlobRecord {
  std::uint64_t unencoded_bytes = 0;
  std::size_t symbol_bytes = 0;
  codec::BlobId id;
  std::size_t rotation =
      0;  // codec::shard_rotation(id, n): pair p is on shard (p + rotation) mod n
  codec::BlobMetadata metadata;
  redstuff::HelperCache cache;  // Merkle levels of intact helper slivers, filled on first use
};

}  // namespace sliversim::schemes
