// Decoding a whole blob (REDSTUFF.md §2, §4): from any k_p primary slivers (rows; each column of
// the message matrix is a codeword of the column code) or any k_s secondary slivers (columns;
// each message row is a codeword of the row code), one batched rs_decode per worker, then the
// consistency check that Walrus readers run: the decoded blob must re-encode to the blob ID.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/blob_metadata.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

// A sliver handed to the decoder; the bytes stay the caller's.
struct SliverRef {
  SliverIndex index{};
  std::span<const std::uint8_t> data;
};

enum class ConsistencyCheck : std::uint8_t {
  kNone,     // trust the slivers (the caller verified each against the metadata already)
  kDefault,  // re-encode the decoded blob and compare its blob ID with the metadata's
  kStrict,   // verify every given sliver against its hash first, then re-encode and compare every
             // sliver hash, listing what differs
};

struct DecodeOptions {
  ConsistencyCheck check = ConsistencyCheck::kDefault;
  std::size_t threads = 0;  // workers for decoding and re-encoding; 0 = hardware concurrency
};

struct DecodeResult {
  std::vector<std::uint8_t> blob;  // the unencoded bytes; empty unless the status is kOk
  // kStrict only: given slivers whose hash differs from the metadata, in the order given.
  std::vector<SliverIndex> bad_slivers;
  // kStrict only: pairs whose re-encoded hashes differ from the metadata, ascending.
  std::vector<SliverPairIndex> inconsistent_pairs;
};

// Decodes the blob described by `metadata` from slivers of one axis. The first
// decoding_threshold(axis) slivers (in the order given) are decoded; the others are only
// verified (kStrict). Returns kOk, or:
//   kMetadataMismatch    metadata for another n, with the wrong number of hashes or length;
//   kInvalidSliverIndex, kDuplicateSliver, kWrongSliverSize   a malformed sliver (checked first);
//   kTooFewSlivers       fewer than the threshold;
//   kSliverHashMismatch  (kStrict) a given sliver does not match its hash; see bad_slivers;
//   kInconsistentEncoding the decoded blob re-encodes to another blob ID: the writer encoded
//                        inconsistently, or (kDefault, kNone) a given sliver was corrupt.
RedStuffStatus decode_blob(const RedStuffParams& params, const BlobMetadata& metadata,
                           SliverAxis axis, std::span<const SliverRef> slivers,
                           const DecodeOptions& options, DecodeResult* out);

}  // namespace sliversim::codec
