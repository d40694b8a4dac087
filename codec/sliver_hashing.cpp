// Sliver hashes of an expanded blob (see sliver_hashing.hpp).
//
// Rows are cut into blocks of R = 2^h rows. A block hashes its leaves once, reduces each of its
// rows to that row's root, and reduces each column's R leaves to the column tree's node at level
// h. Because only a level's last node is ever paired with the empty node, an aligned block of R
// leaves is a complete subtree of the column tree; the short last block's root is lifted to level
// h by pairing it with the empty node once per missing level (its levels are the column tree's
// odd-length tails). The column roots are then the trees over the blocks' nodes.
#include "codec/sliver_hashing.hpp"

#include <algorithm>
#include <bit>
#include <span>

#include "codec/merkle.hpp"
#include "codec/parallel.hpp"

namespace sliversim::codec {
namespace {

constexpr std::size_t kTargetBlockBytes = std::size_t{1} << 20;

// A block's leaf digests should stay near kTargetBlockBytes (cache-sized), but the per-column
// nodes of all blocks take n^2 / R digests, so R never drops below sqrt(n): both buffers then stay
// O(n^1.5) digests (at n = 8192: 32 MiB of leaves per worker, 16 MiB of nodes).
std::size_t pick_block_rows(std::size_t n, std::size_t block_rows) {
  if (block_rows != 0) return block_rows;
  const std::size_t fit =
      std::bit_floor(std::max<std::size_t>(kTargetBlockBytes / (n * kDigestBytes), 1));
  std::size_t root = 1;
  while (root * root < n) root *= 2;
  return std::max(fit, root);
}

struct BlockLayout {
  std::size_t n = 0;
  std::size_t rows = 0;    // R, rows per block
  std::size_t height = 0;  // h = log2(R)
  std::size_t count = 0;   // number of blocks
};

// Working space of one worker, reused across its blocks.
struct BlockScratch {
  std::vector<Digest> leaves;  // R x n leaf digests of the current block
  std::vector<Digest> column;  // one column's leaves of the block
  std::vector<Digest> tree;    // merkle_root's scratch
};

// Hashes block b: its rows' roots into row_roots, its per-column nodes into column_nodes[b*n+j].
void hash_block(const ExpandedBlob& e, const BlockLayout& layout, std::size_t b,
                BlockScratch& scratch, Digest* row_roots, Digest* column_nodes) {
  const std::size_t n = layout.n;
  const std::size_t s = e.symbol_bytes();
  const std::size_t first = b * layout.rows;
  const std::size_t rows = std::min(layout.rows, n - first);
  scratch.leaves.resize(rows * n);
  for (std::size_t r = 0; r < rows; ++r) {
    Digest* leaves = scratch.leaves.data() + r * n;
    blake2b256_prefixed_batch(kMerkleLeafPrefix, e.row(first + r).data(), s, s, n, leaves);
    row_roots[first + r] = merkle_root(std::span<const Digest>(leaves, n), scratch.tree);
  }
  scratch.column.resize(rows);
  const std::size_t lift = layout.count > 1 ? layout.height - merkle_proof_length(rows) : 0;
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t r = 0; r < rows; ++r) scratch.column[r] = scratch.leaves[r * n + j];
    Digest node = merkle_root(scratch.column, scratch.tree);
    for (std::size_t level = 0; level < lift; ++level) {
      node = merkle_inner_hash(node, kEmptyMerkleNode);
    }
    column_nodes[b * n + j] = node;
  }
}

}  // namespace

Digest symbols_merkle_root(const std::uint8_t* symbols, std::size_t symbol_bytes,
                           std::size_t count) {
  std::vector<Digest> leaves(count);
  blake2b256_prefixed_batch(kMerkleLeafPrefix, symbols, symbol_bytes, symbol_bytes, count,
                            leaves.data());
  std::vector<Digest> scratch;
  return merkle_root(leaves, scratch);
}

std::vector<SliverPairHashes> compute_sliver_hashes(const ExpandedBlob& expanded,
                                                    std::size_t threads, std::size_t block_rows) {
  BlockLayout layout;
  layout.n = expanded.n_shards();
  layout.rows = pick_block_rows(layout.n, block_rows);
  layout.height = static_cast<std::size_t>(std::countr_zero(layout.rows));
  layout.count = (layout.n + layout.rows - 1) / layout.rows;
  const std::size_t n = layout.n;
  const std::size_t workers = resolve_threads(threads);

  std::vector<Digest> row_roots(n);
  std::vector<Digest> column_nodes(layout.count * n);
  parallel_ranges(layout.count, workers, [&](std::size_t begin, std::size_t end) {
    BlockScratch scratch;
    for (std::size_t b = begin; b < end; ++b) {
      hash_block(expanded, layout, b, scratch, row_roots.data(), column_nodes.data());
    }
  });

  std::vector<Digest> column_roots(n);
  parallel_ranges(n, workers, [&](std::size_t begin, std::size_t end) {
    std::vector<Digest> nodes(layout.count);
    std::vector<Digest> tree;
    for (std::size_t j = begin; j < end; ++j) {
      for (std::size_t b = 0; b < layout.count; ++b) nodes[b] = column_nodes[b * n + j];
      column_roots[j] = merkle_root(nodes, tree);
    }
  });

  std::vector<SliverPairHashes> hashes(n);
  for (std::size_t p = 0; p < n; ++p) hashes[p] = {row_roots[p], column_roots[n - 1 - p]};
  return hashes;
}

}  // namespace sliversim::codec
