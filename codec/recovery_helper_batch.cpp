// Serving recovery symbols from many helpers at once (see recovery_helper_batch.hpp).
#include "codec/recovery_helper_batch.hpp"

#include <algorithm>
#include <cstring>

#include "codec/merkle.hpp"
#include "codec/parallel.hpp"
#include "codec/recovery_expansion.hpp"

namespace sliversim::codec {
namespace {

// Expanded bytes one block aims at (n symbols per helper), and the most helpers in one block.
constexpr std::size_t kBlockTargetBytes = std::size_t{2} << 20;
constexpr std::size_t kMaxBlockHelpers = 256;

struct Shape {
  const RedStuffParams* params;
  SliverAxis axis;
  std::size_t s;
  std::span<const HelperSliver> helpers;
  std::span<const SliverIndex> targets;
};

RedStuffStatus check_input(const Shape& shape) {
  const std::size_t n = shape.params->n_shards();
  const std::size_t k = shape.params->symbols_per_sliver(shape.axis);
  if (shape.s == 0 || shape.s % 2 != 0) return RedStuffStatus::kWrongSliverSize;
  for (const SliverIndex t : shape.targets) {
    if (to_size(t) >= n) return RedStuffStatus::kInvalidSliverIndex;
  }
  for (const HelperSliver& h : shape.helpers) {
    if (to_size(h.index) >= n) return RedStuffStatus::kInvalidSliverIndex;
    if (h.data.size() != k * shape.s) return RedStuffStatus::kWrongSliverSize;
  }
  return RedStuffStatus::kOk;
}

// Expands helpers [first, first + count) into `work`, position-major: the symbol at position i of
// helper b is at (i * count + b) * s, so each position is one base pointer of a batch.
void expand_block(const Shape& shape, std::size_t first, std::size_t count,
                  std::vector<std::uint8_t>& work) {
  const std::size_t n = shape.params->n_shards();
  const std::size_t k = shape.params->symbols_per_sliver(shape.axis);
  const std::size_t s = shape.s;
  work.resize(n * count * s);
  for (std::size_t i = 0; i < k; ++i) {
    std::uint8_t* base = work.data() + i * count * s;
    for (std::size_t b = 0; b < count; ++b) {
      std::memcpy(base + b * s, shape.helpers[first + b].data.data() + i * s, s);
    }
  }
  expand_position_major(*shape.params, shape.axis, s, count, work);
}

// Hashes each helper of the block and writes its symbols for every target.
void answer_block(const Shape& shape, std::size_t first, std::size_t count,
                  const std::vector<std::uint8_t>& work, std::vector<RecoverySymbol>& out) {
  const std::size_t n = shape.params->n_shards();
  const std::size_t s = shape.s;
  for (std::size_t b = 0; b < count; ++b) {
    std::vector<Digest> leaves(n);
    blake2b256_prefixed_batch(kMerkleLeafPrefix, work.data() + b * s, s, count * s, n,
                              leaves.data());
    const MerkleTree tree = MerkleTree::from_leaf_digests(std::move(leaves));
    const HelperSliver& helper = shape.helpers[first + b];
    for (std::size_t t = 0; t < shape.targets.size(); ++t) {
      const std::size_t target = to_size(shape.targets[t]);
      const std::uint8_t* symbol = work.data() + (target * count + b) * s;
      RecoverySymbol& answer = out[(first + b) * shape.targets.size() + t];
      answer.helper_axis = shape.axis;
      answer.helper_index = helper.index;
      answer.target_index = shape.targets[t];
      answer.data.assign(symbol, symbol + s);
      answer.proof = tree.proof(target);
    }
  }
}

}  // namespace

RedStuffStatus serve_recovery_symbols(const RedStuffParams& params, SliverAxis helper_axis,
                                      std::span<const HelperSliver> helpers,
                                      std::size_t symbol_bytes,
                                      std::span<const SliverIndex> targets, std::size_t threads,
                                      std::vector<RecoverySymbol>* out) {
  const Shape shape{&params, helper_axis, symbol_bytes, helpers, targets};
  if (const RedStuffStatus st = check_input(shape); st != RedStuffStatus::kOk) return st;
  std::vector<RecoverySymbol> answers(helpers.size() * targets.size());
  const std::size_t workers = resolve_threads(threads);
  const std::size_t per_block = std::clamp<std::size_t>(
      kBlockTargetBytes / (params.n_shards() * symbol_bytes), 1, kMaxBlockHelpers);
  // A multiple of the worker count (so each worker gets as many blocks), at most one block per
  // helper; blocks of equal size (the last may be shorter).
  const std::size_t needed = (helpers.size() + per_block - 1) / per_block;
  const std::size_t blocks = std::min(helpers.size(), (needed + workers - 1) / workers * workers);
  const std::size_t block_helpers = blocks == 0 ? 0 : (helpers.size() + blocks - 1) / blocks;
  parallel_ranges(blocks, workers, [&](std::size_t begin, std::size_t end) {
    std::vector<std::uint8_t> work;
    for (std::size_t block = begin; block < end; ++block) {
      const std::size_t first = block * block_helpers;
      if (first >= helpers.size()) break;
      const std::size_t count = std::min(block_helpers, helpers.size() - first);
      expand_block(shape, first, count, work);
      answer_block(shape, first, count, work, answers);
    }
  });
  *out = std::move(answers);
  return RedStuffStatus::kOk;
}

}  // namespace sliversim::codec
