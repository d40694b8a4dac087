// Encoding straight into slivers (see sliver_encoder.hpp). Two passes, each over blocks of a few
// MiB split among the workers: message rows (row code; the rows' symbols go to their primary
// sliver and one to each secondary sliver), then columns (column code from the secondary
// slivers; every symbol's leaf digest, and the symbols of the rows below k_p into their primary
// slivers). Blocks write disjoint parts of the buffers and of the digests, so the result never
// depends on the worker count.
#include "codec/sliver_encoder.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "codec/merkle.hpp"
#include "codec/parallel.hpp"
#include "codec/shard_layout.hpp"

namespace sliversim::codec {
namespace {

// Bytes of one block's symbols (a row block or a column block of the expanded matrix).
constexpr std::size_t kBlockTargetBytes = std::size_t{4} << 20;
// Messages hashed per batch when leaf digests are computed: enough to fill the hash's lanes.
constexpr std::size_t kLeafBatch = 64;

struct Encoding {
  const RedStuffParams& params;
  std::span<const std::uint8_t> blob;  // empty when the message rows are in place
  bool in_place;                       // primary buffers 0..k_p-1 already hold the message
  const SliverBuffers& buffers;
  std::size_t n;
  std::size_t k_p;
  std::size_t k_s;
  std::size_t s;
  std::vector<Digest>& digests;  // n x n leaf digests
};

// Lines (rows or columns) of n symbols per block, at least one.
std::size_t block_lines(const Encoding& e, std::size_t most) {
  return std::clamp<std::size_t>(kBlockTargetBytes / (e.n * e.s), 1, most);
}

// Message rows [r0, r1): row code in a row-major block, then each row's symbols to its primary
// sliver (the first k_s) and to every secondary sliver (one each).
void encode_row_block(const Encoding& e, std::size_t r0, std::size_t r1,
                      std::vector<std::uint8_t>& block) {
  const std::size_t rows = r1 - r0;
  const std::size_t row_bytes = e.n * e.s;
  const std::size_t message_row = e.k_s * e.s;
  block.resize(rows * row_bytes);
  for (std::size_t r = r0; r < r1; ++r) {
    std::uint8_t* dst = block.data() + (r - r0) * row_bytes;
    if (e.in_place) {
      std::memcpy(dst, e.buffers.primary[r], message_row);
      continue;
    }
    const std::size_t offset = std::min(e.blob.size(), r * message_row);
    const std::size_t take = std::min(e.blob.size() - offset, message_row);
    if (take > 0) std::memcpy(dst, e.blob.data() + offset, take);
    std::memset(dst + take, 0, message_row - take);
  }
  std::vector<const std::uint8_t*> originals(e.k_s);
  std::vector<std::uint8_t*> recovery(e.n - e.k_s);
  for (std::size_t c = 0; c < e.k_s; ++c) originals[c] = block.data() + c * e.s;
  for (std::size_t c = e.k_s; c < e.n; ++c) recovery[c - e.k_s] = block.data() + c * e.s;
  // The shape was checked by symbol_bytes_for: a codec error is a broken invariant.
  if (rs_encode(e.params.secondary_code(), Batch{e.s, rows, row_bytes}, originals, recovery) !=
      RsStatus::kOk) {
    std::abort();
  }
  for (std::size_t r = r0; r < r1; ++r) {
    const std::uint8_t* row = block.data() + (r - r0) * row_bytes;
    if (!e.in_place) std::memcpy(e.buffers.primary[r], row, message_row);
    for (std::size_t j = 0; j < e.n; ++j) {
      std::memcpy(e.buffers.secondary[j] + r * e.s, row + j * e.s, e.s);
    }
  }
}

// The leaf digests of a position-major block of `count` columns. Its n * count symbols are
// contiguous, so they are hashed in groups of whole rows of at least kLeafBatch messages: a block
// of one column (the symbols of the largest blobs) would otherwise keep one hash lane of eight
// busy. Each group's digests are then spread to their rows of the n x n digests.
void hash_column_block(const Encoding& e, std::size_t j0, std::size_t count,
                       const std::vector<std::uint8_t>& block, std::vector<Digest>& group) {
  const std::size_t rows_per_group = std::min(e.n, (kLeafBatch + count - 1) / count);
  for (std::size_t r0 = 0; r0 < e.n; r0 += rows_per_group) {
    const std::size_t rows = std::min(rows_per_group, e.n - r0);
    group.resize(rows * count);
    blake2b256_prefixed_batch(kMerkleLeafPrefix, block.data() + r0 * count * e.s, e.s, e.s,
                              rows * count, group.data());
    for (std::size_t r = 0; r < rows; ++r) {
      std::copy_n(group.data() + r * count, count, e.digests.data() + (r0 + r) * e.n + j0);
    }
  }
}

// Columns [j0, j1): column code in a position-major block (row r of column j0 + b at
// (r * count + b) * s) from the secondary slivers; the leaf digests of all n rows, and the rows
// from k_p on into the primary slivers (columns below k_s).
void encode_column_block(const Encoding& e, std::size_t j0, std::size_t j1,
                         std::vector<std::uint8_t>& block) {
  const std::size_t count = j1 - j0;
  const std::size_t row_bytes = count * e.s;
  block.resize(e.n * row_bytes);
  for (std::size_t r = 0; r < e.k_p; ++r) {
    for (std::size_t b = 0; b < count; ++b) {
      std::memcpy(block.data() + r * row_bytes + b * e.s, e.buffers.secondary[j0 + b] + r * e.s,
                  e.s);
    }
  }
  std::vector<const std::uint8_t*> originals(e.k_p);
  std::vector<std::uint8_t*> recovery(e.n - e.k_p);
  for (std::size_t r = 0; r < e.k_p; ++r) originals[r] = block.data() + r * row_bytes;
  for (std::size_t r = e.k_p; r < e.n; ++r) recovery[r - e.k_p] = block.data() + r * row_bytes;
  if (rs_encode(e.params.primary_code(), Batch{e.s, count, e.s}, originals, recovery) !=
      RsStatus::kOk) {
    std::abort();
  }
  std::vector<Digest> group;
  hash_column_block(e, j0, count, block, group);
  const std::size_t primary_columns = j0 < e.k_s ? std::min(j1, e.k_s) - j0 : 0;
  if (primary_columns == 0) return;
  for (std::size_t r = e.k_p; r < e.n; ++r) {
    std::memcpy(e.buffers.primary[r] + j0 * e.s, block.data() + r * row_bytes,
                primary_columns * e.s);
  }
}

// Runs fn(begin, end, scratch) over blocks of at most `most_per_block` of `lines` lines on the
// workers. The block count is a multiple of the workers (up to one line per block) and block b
// is [lines * b / blocks, lines * (b + 1) / blocks), so the workers get nearly equal shares: a
// small blob's lines fit one block of the target size and would otherwise all go to one worker.
template <class Fn>
void over_blocks(std::size_t lines, std::size_t most_per_block, std::size_t workers, Fn fn) {
  if (lines == 0) return;
  const std::size_t needed = (lines + most_per_block - 1) / most_per_block;
  const std::size_t blocks = std::min(lines, (needed + workers - 1) / workers * workers);
  parallel_ranges(blocks, workers, [&](std::size_t begin, std::size_t end) {
    std::vector<std::uint8_t> scratch;
    for (std::size_t b = begin; b < end; ++b) {
      fn(lines * b / blocks, lines * (b + 1) / blocks, scratch);
    }
  });
}

// The sliver hashes: Merkle roots over each row and each column of the digests.
std::vector<SliverPairHashes> sliver_hashes(const std::vector<Digest>& digests, std::size_t n,
                                            std::size_t workers) {
  std::vector<Digest> row_roots(n);
  std::vector<Digest> column_roots(n);
  parallel_ranges(n, workers, [&](std::size_t begin, std::size_t end) {
    std::vector<Digest> column(n);
    std::vector<Digest> scratch;
    for (std::size_t i = begin; i < end; ++i) {
      row_roots[i] = merkle_root(std::span<const Digest>(digests.data() + i * n, n), scratch);
      for (std::size_t r = 0; r < n; ++r) column[r] = digests[r * n + i];
      column_roots[i] = merkle_root(column, scratch);
    }
  });
  std::vector<SliverPairHashes> hashes(n);
  for (std::size_t p = 0; p < n; ++p) hashes[p] = {row_roots[p], column_roots[n - 1 - p]};
  return hashes;
}

// Above kMaxDigestShards: the expanded matrix, its slivers copied out.
RedStuffStatus encode_through_matrix(const RedStuffParams& params,
                                     std::span<const std::uint8_t> blob, std::size_t threads,
                                     const SliverBuffers& buffers, EncodedSlivers* out) {
  EncodedBlob encoded;
  if (const RedStuffStatus st = encode_blob(params, blob, threads, &encoded);
      st != RedStuffStatus::kOk) {
    return st;
  }
  for (std::size_t i = 0; i < params.n_shards(); ++i) {
    const auto index = static_cast<SliverIndex>(i);
    const std::span<const std::uint8_t> primary = encoded.expanded.primary_sliver(index);
    std::memcpy(buffers.primary[i], primary.data(), primary.size());
    const std::vector<std::uint8_t> secondary = encoded.expanded.secondary_sliver(index);
    std::memcpy(buffers.secondary[i], secondary.data(), secondary.size());
  }
  out->metadata = std::move(encoded.metadata);
  out->blob_id = encoded.blob_id;
  out->symbol_bytes = encoded.expanded.symbol_bytes();
  out->leaf_digests.clear();
  return RedStuffStatus::kOk;
}

bool buffers_ok(const SliverBuffers& buffers, std::size_t n) {
  const auto null = [](const std::uint8_t* p) { return p == nullptr; };
  return buffers.primary.size() == n && buffers.secondary.size() == n &&
         std::none_of(buffers.primary.begin(), buffers.primary.end(), null) &&
         std::none_of(buffers.secondary.begin(), buffers.secondary.end(), null);
}

// The blob gathered back from message rows in place (for the path through the matrix).
std::vector<std::uint8_t> message_of(const RedStuffParams& params, std::size_t s,
                                     std::uint64_t blob_bytes, const SliverBuffers& buffers) {
  const std::size_t row = params.secondary_source_symbols() * s;
  std::vector<std::uint8_t> blob(static_cast<std::size_t>(blob_bytes));
  for (std::size_t at = 0, r = 0; at < blob.size(); at += row, ++r) {
    std::memcpy(blob.data() + at, buffers.primary[r], std::min(row, blob.size() - at));
  }
  return blob;
}

// Both entry points: the blob is `blob`, or (in place) already in the first k_p primary buffers.
RedStuffStatus encode(const RedStuffParams& params, std::span<const std::uint8_t> blob,
                      std::uint64_t blob_bytes, bool in_place, std::size_t threads,
                      const SliverBuffers& buffers, bool keep_leaf_digests, EncodedSlivers* out) {
  std::size_t s = 0;
  if (const RedStuffStatus st = params.symbol_bytes_for(blob_bytes, &s);
      st != RedStuffStatus::kOk) {
    return st;
  }
  const std::size_t n = params.n_shards();
  if (!buffers_ok(buffers, n)) return RedStuffStatus::kWrongSliverSize;
  if (n > kMaxDigestShards) {
    if (!in_place) return encode_through_matrix(params, blob, threads, buffers, out);
    return encode_through_matrix(params, message_of(params, s, blob_bytes, buffers), threads,
                                 buffers, out);
  }
  const std::size_t workers = resolve_threads(threads);
  std::vector<Digest> digests(n * n);
  const Encoding e{params,
                   blob,
                   in_place,
                   buffers,
                   n,
                   params.primary_source_symbols(),
                   params.secondary_source_symbols(),
                   s,
                   digests};
  over_blocks(e.k_p, block_lines(e, e.k_p), workers,
              [&](std::size_t begin, std::size_t end, std::vector<std::uint8_t>& scratch) {
                encode_row_block(e, begin, end, scratch);
              });
  over_blocks(n, block_lines(e, n), workers,
              [&](std::size_t begin, std::size_t end, std::vector<std::uint8_t>& scratch) {
                encode_column_block(e, begin, end, scratch);
              });
  out->metadata.n_shards = n;
  out->metadata.unencoded_bytes = blob_bytes;
  out->metadata.hashes = sliver_hashes(digests, n, workers);
  out->blob_id = out->metadata.blob_id();
  out->symbol_bytes = s;
  out->leaf_digests = keep_leaf_digests ? std::move(digests) : std::vector<Digest>{};
  return RedStuffStatus::kOk;
}

}  // namespace

RedStuffStatus encode_slivers(const RedStuffParams& params, std::span<const std::uint8_t> blob,
                              std::size_t threads, const SliverBuffers& buffers,
                              bool keep_leaf_digests, EncodedSlivers* out) {
  return encode(params, blob, blob.size(), false, threads, buffers, keep_leaf_digests, out);
}

RedStuffStatus encode_slivers_in_place(const RedStuffParams& params, std::uint64_t blob_bytes,
                                       std::size_t threads, const SliverBuffers& buffers,
                                       bool keep_leaf_digests, EncodedSlivers* out) {
  return encode(params, {}, blob_bytes, true, threads, buffers, keep_leaf_digests, out);
}

}  // namespace sliversim::codec
