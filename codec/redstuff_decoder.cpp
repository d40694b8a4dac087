// Whole-blob decoding with consistency checks (see redstuff_decoder.hpp).
#include "codec/redstuff_decoder.hpp"

#include <cstdlib>
#include <cstring>

#include "codec/parallel.hpp"
#include "codec/sliver_expansion.hpp"

namespace sliversim::codec {
namespace {

RedStuffStatus check_slivers(const RedStuffParams& params, SliverAxis axis, std::size_t s,
                             std::span<const SliverRef> slivers) {
  const std::size_t n = params.n_shards();
  std::vector<std::uint8_t> seen(n, 0);
  for (const SliverRef& sliver : slivers) {
    if (to_size(sliver.index) >= n) return RedStuffStatus::kInvalidSliverIndex;
    if (seen[to_size(sliver.index)] != 0) return RedStuffStatus::kDuplicateSliver;
    seen[to_size(sliver.index)] = 1;
    if (sliver.data.size() != params.symbols_per_sliver(axis) * s) {
      return RedStuffStatus::kWrongSliverSize;
    }
  }
  return slivers.size() < params.decoding_threshold(axis) ? RedStuffStatus::kTooFewSlivers
                                                          : RedStuffStatus::kOk;
}

// Decodes codewords [begin, end) of one axis: shard position i of codeword b is the symbol b of
// the received sliver with index i; the wanted originals go to wanted[c] + b * wanted_stride.
void decode_range(const RsErasurePlan& plan, std::span<const SliverRef> used, std::size_t s,
                  std::span<std::uint8_t* const> wanted, std::size_t begin, std::size_t end) {
  std::vector<ShardIn> in;
  in.reserve(used.size());
  for (const SliverRef& sliver : used) {
    in.push_back({to_size(sliver.index), sliver.data.data() + begin * s});
  }
  std::vector<ShardOut> want;
  want.reserve(wanted.size());
  for (std::size_t c = 0; c < wanted.size(); ++c) want.push_back({c, wanted[c] + begin * s});
  if (rs_decode(plan, Batch{s, end - begin, s}, in, want) != RsStatus::kOk) std::abort();
}

// Decodes the message matrix (k_p x k_s symbols, row-major) from threshold-many slivers.
std::vector<std::uint8_t> decode_message(const RedStuffParams& params, SliverAxis axis,
                                         std::size_t s, std::span<const SliverRef> used,
                                         std::size_t threads) {
  const std::size_t k_p = params.primary_source_symbols();
  const std::size_t k_s = params.secondary_source_symbols();
  // Primary slivers are codewords of the column code along each message column; secondary
  // slivers of the row code along each message row.
  const bool primary = axis == SliverAxis::kPrimary;
  const RsCode& code = primary ? params.primary_code() : params.secondary_code();
  std::vector<std::size_t> indices;
  for (const SliverRef& sliver : used) indices.push_back(to_size(sliver.index));
  RsErasurePlan plan;
  if (RsErasurePlan::make(code, indices, &plan) != RsStatus::kOk) std::abort();

  std::vector<std::uint8_t> message(k_p * k_s * s);
  // Decoded originals: message rows (primary) are contiguous in the message; message columns
  // (secondary) are decoded into `columns` and transposed afterwards.
  std::vector<std::uint8_t> columns(primary ? 0 : k_s * k_p * s);
  const std::size_t originals = code.original_count();
  std::vector<std::uint8_t*> wanted(originals);
  for (std::size_t c = 0; c < originals; ++c) {
    wanted[c] = primary ? message.data() + c * k_s * s : columns.data() + c * k_p * s;
  }
  const std::size_t codewords = primary ? k_s : k_p;
  parallel_ranges(codewords, resolve_threads(threads), [&](std::size_t begin, std::size_t end) {
    decode_range(plan, used, s, wanted, begin, end);
  });
  if (!primary) {
    for (std::size_t c = 0; c < k_s; ++c) {
      for (std::size_t r = 0; r < k_p; ++r) {
        std::memcpy(message.data() + (r * k_s + c) * s, columns.data() + (c * k_p + r) * s, s);
      }
    }
  }
  return message;
}

// Re-encodes the decoded blob and compares it with the metadata.
RedStuffStatus check_consistency(const RedStuffParams& params, const BlobMetadata& metadata,
                                 const DecodeOptions& options, std::span<const std::uint8_t> blob,
                                 DecodeResult* out) {
  EncodedBlob again;
  if (encode_blob(params, blob, options.threads, &again) != RedStuffStatus::kOk) {
    return RedStuffStatus::kMetadataMismatch;
  }
  if (options.check == ConsistencyCheck::kStrict) {
    for (std::size_t p = 0; p < params.n_shards(); ++p) {
      if (again.metadata.hashes[p] != metadata.hashes[p]) {
        out->inconsistent_pairs.push_back(static_cast<SliverPairIndex>(p));
      }
    }
  }
  return again.blob_id == metadata.blob_id() ? RedStuffStatus::kOk
                                             : RedStuffStatus::kInconsistentEncoding;
}

}  // namespace

RedStuffStatus decode_blob(const RedStuffParams& params, const BlobMetadata& metadata,
                           SliverAxis axis, std::span<const SliverRef> slivers,
                           const DecodeOptions& options, DecodeResult* out) {
  *out = DecodeResult{};
  std::size_t s = 0;
  if (metadata.check(params) != RedStuffStatus::kOk ||
      params.symbol_bytes_for(metadata.unencoded_bytes, &s) != RedStuffStatus::kOk) {
    return RedStuffStatus::kMetadataMismatch;
  }
  if (const RedStuffStatus st = check_slivers(params, axis, s, slivers);
      st != RedStuffStatus::kOk) {
    return st;
  }
  if (options.check == ConsistencyCheck::kStrict) {
    for (const SliverRef& sliver : slivers) {
      if (verify_sliver(params, metadata, axis, sliver.index, sliver.data) != RedStuffStatus::kOk) {
        out->bad_slivers.push_back(sliver.index);
      }
    }
    if (!out->bad_slivers.empty()) return RedStuffStatus::kSliverHashMismatch;
  }
  const auto used = slivers.first(params.decoding_threshold(axis));
  std::vector<std::uint8_t> blob = decode_message(params, axis, s, used, options.threads);
  blob.resize(static_cast<std::size_t>(metadata.unencoded_bytes));
  if (options.check != ConsistencyCheck::kNone) {
    if (const RedStuffStatus st = check_consistency(params, metadata, options, blob, out);
        st != RedStuffStatus::kOk) {
      return st;
    }
  }
  out->blob = std::move(blob);
  return RedStuffStatus::kOk;
}

}  // namespace sliversim::codec
