// The helper side of a RedStuff repair, with or without the helper cache (see
// redstuff_helper_serve.hpp).
#include "sim/schemes/redstuff_helper_serve.hpp"

#include <algorithm>
#include <cstring>

#include "codec/parallel.hpp"
#include "codec/recovery_expansion.hpp"
#include "codec/recovery_helper_batch.hpp"
#include "codec/rs_direct_decode.hpp"
#include "sim/kernel/invariant.hpp"

namespace sliversim::schemes::redstuff {
namespace {

using codec::Digest;
using codec::RecoverySymbol;
using codec::SliverIndex;

// Expanded bytes one block of helpers aims at, and the most helpers in one block.
constexpr std::size_t kBlockTargetBytes = std::size_t{2} << 20;
constexpr std::size_t kMaxBlockHelpers = 256;

struct Context {
  const codec::RedStuffParams* params;
  codec::SliverAxis axis;
  std::size_t s;
  std::span<const ServedSliver> helpers;
  std::span<const SliverIndex> targets;
  const codec::BlobMetadata* metadata;
  HelperCache* cache;
  std::vector<RecoverySymbol>* answers;
  bool read_cache = false;  // the targets' blocks hold fewer leaves than a whole tree
};

// The symbols of one helper's expanded sliver: position i at base + i * stride.
struct SymbolView {
  const std::uint8_t* base;
  std::size_t stride;
};

void hash_leaves(const Context& ctx, SymbolView view, std::size_t first, std::size_t count,
                 Digest* out) {
  codec::blake2b256_prefixed_batch(codec::kMerkleLeafPrefix, view.base + first * view.stride, ctx.s,
                                   view.stride, count, out);
}

void write_answer(const Context& ctx, std::size_t h, std::size_t t, const std::uint8_t* symbol,
                  codec::MerkleProof proof) {
  RecoverySymbol& answer = (*ctx.answers)[h * ctx.targets.size() + t];
  answer.helper_axis = ctx.axis;
  answer.helper_index = ctx.helpers[h].index;
  answer.target_index = ctx.targets[t];
  answer.data.assign(symbol, symbol + ctx.s);
  answer.proof = std::move(proof);
}

// Answers for helpers ids[b] (symbols in views[b], cached levels cached[b]) from their cached
// levels: only the leaves of each target's block are hashed, every helper's levels in one batch.
void answer_cached(const Context& ctx, std::span<const std::size_t> ids,
                   std::span<const SymbolView> views,
                   std::span<const std::span<const Digest>> cached) {
  const TreeShape& shape = ctx.cache->shape();
  const std::size_t trees = ids.size();
  std::vector<Digest> leaves;
  std::vector<codec::MerkleProof> proofs(trees);
  std::vector<Digest> roots(trees);
  for (std::size_t t = 0; t < ctx.targets.size(); ++t) {
    const std::size_t leaf = codec::to_size(ctx.targets[t]);
    const std::size_t first = shape.block_first(leaf);
    const std::size_t count = shape.block_end(leaf) - first;
    leaves.resize(trees * count);
    for (std::size_t b = 0; b < trees; ++b) {
      hash_leaves(ctx, views[b], first, count, leaves.data() + b * count);
    }
    proofs_from_blocks(shape, leaf, trees, leaves, cached, proofs.data(), roots.data());
    const std::size_t node = shape.cached_offset(shape.block_level(), leaf >> shape.block_level());
    for (std::size_t b = 0; b < trees; ++b) {
      kernel::check_invariant(roots[b] == cached[b][node],
                              "a unit marked valid does not match its cached sliver tree");
      write_answer(ctx, ids[b], t, views[b].base + leaf * views[b].stride, std::move(proofs[b]));
    }
  }
}

// Answers from the whole tree over the expanded sliver; fills the cache when the sliver is intact.
void answer_full(const Context& ctx, std::size_t h, SymbolView view) {
  const std::size_t n = ctx.params->n_shards();
  std::vector<Digest> leaves(n);
  hash_leaves(ctx, view, 0, n, leaves.data());
  const LevelTree tree(std::move(leaves));
  for (std::size_t t = 0; t < ctx.targets.size(); ++t) {
    const std::size_t leaf = codec::to_size(ctx.targets[t]);
    write_answer(ctx, h, t, view.base + leaf * view.stride, tree.proof(leaf));
  }
  const ServedSliver& helper = ctx.helpers[h];
  if (ctx.cache != nullptr && helper.intact && ctx.cache->find(ctx.axis, helper.index).empty() &&
      tree.root() == ctx.metadata->sliver_hash(ctx.axis, helper.index)) {
    ctx.cache->insert(ctx.axis, helper.index, tree.cached_levels(ctx.cache->shape()));
  }
}

std::span<const Digest> usable_cache(const Context& ctx, std::size_t h) {
  if (ctx.cache == nullptr || !ctx.read_cache || !ctx.helpers[h].intact) return {};
  return ctx.cache->find(ctx.axis, ctx.helpers[h].index);
}

// The targets outside the helpers' k stored symbols, which a helper has to compute.
std::vector<std::size_t> computed_targets(const Context& ctx) {
  const std::size_t k = ctx.params->symbols_per_sliver(ctx.axis);
  std::vector<std::size_t> out;
  for (std::size_t t = 0; t < ctx.targets.size(); ++t) {
    if (codec::to_size(ctx.targets[t]) >= k) out.push_back(t);
  }
  return out;
}

// Answers for helpers ids[b] with every leaf cached (block level 0), from each target's symbol
// alone: symbols[b * targets + t] is helper b's symbol for target t. Each target's leaves are
// hashed in one batch, and each must equal the cached leaf.
void answer_symbols(const Context& ctx, std::span<const std::size_t> ids,
                    std::span<const std::uint8_t* const> symbols,
                    std::span<const std::span<const Digest>> cached) {
  const TreeShape& shape = ctx.cache->shape();
  const std::size_t trees = ids.size();
  const std::size_t targets = ctx.targets.size();
  std::vector<std::uint8_t> leaf_bytes(trees * ctx.s);
  std::vector<Digest> leaves(trees);
  std::vector<codec::MerkleProof> proofs(trees);
  std::vector<Digest> roots(trees);
  for (std::size_t t = 0; t < targets; ++t) {
    const std::size_t leaf = codec::to_size(ctx.targets[t]);
    for (std::size_t b = 0; b < trees; ++b) {
      std::memcpy(leaf_bytes.data() + b * ctx.s, symbols[b * targets + t], ctx.s);
    }
    codec::blake2b256_prefixed_batch(codec::kMerkleLeafPrefix, leaf_bytes.data(), ctx.s, ctx.s,
                                     trees, leaves.data());
    proofs_from_blocks(shape, leaf, trees, leaves, cached, proofs.data(), roots.data());
    for (std::size_t b = 0; b < trees; ++b) {
      kernel::check_invariant(roots[b] == cached[b][shape.cached_offset(0, leaf)],
                              "a helper's computed symbol does not match its cached leaf");
      write_answer(ctx, ids[b], t, leaf_bytes.data() + b * ctx.s, std::move(proofs[b]));
    }
  }
}

// Answers for intact helpers ids with every leaf cached, computing each target outside their
// stored symbols as a combination of those (`combination`, for `computed` targets in order).
void evaluate_and_answer(const Context& ctx, std::span<const std::size_t> ids,
                         const codec::RsCombination& combination,
                         const std::vector<std::size_t>& computed) {
  const std::size_t k = ctx.params->symbols_per_sliver(ctx.axis);
  const std::size_t targets = ctx.targets.size();
  std::vector<std::uint8_t> work(ids.size() * computed.size() * ctx.s);
  std::vector<const std::uint8_t*> symbols(ids.size() * targets);
  std::vector<std::span<const Digest>> cached;
  std::vector<const std::uint8_t*> in(k);
  std::vector<std::uint8_t*> out(computed.size());
  for (std::size_t b = 0; b < ids.size(); ++b) {
    const std::uint8_t* sliver = ctx.helpers[ids[b]].data.data();
    for (std::size_t i = 0; i < k; ++i) in[i] = sliver + i * ctx.s;
    for (std::size_t c = 0; c < computed.size(); ++c) {
      out[c] = work.data() + (b * computed.size() + c) * ctx.s;
      symbols[b * targets + computed[c]] = out[c];
    }
    // The helper's own code and symbols, checked on entry: a codec error is a broken invariant.
    kernel::check_invariant(
        combination.apply(codec::Batch{ctx.s, 1, 0}, in, out) == codec::RsStatus::kOk,
        "a helper could not compute its recovery symbols");
    for (std::size_t t = 0; t < targets; ++t) {
      const std::size_t leaf = codec::to_size(ctx.targets[t]);
      if (leaf < k) symbols[b * targets + t] = sliver + leaf * ctx.s;
    }
    cached.push_back(usable_cache(ctx, ids[b]));
  }
  answer_symbols(ctx, ids, symbols, cached);
}

// The combination giving `computed` targets from a sliver's k stored symbols.
codec::RsCombination target_combination(const Context& ctx,
                                        const std::vector<std::size_t>& computed) {
  const codec::RsCode& code = ctx.params->expansion_code(ctx.axis);
  std::vector<std::size_t> originals(code.original_count());
  for (std::size_t i = 0; i < originals.size(); ++i) originals[i] = i;
  std::vector<std::size_t> wanted;
  for (const std::size_t t : computed) wanted.push_back(codec::to_size(ctx.targets[t]));
  codec::RsErasurePlan plan;
  codec::RsCombination combination;
  kernel::check_invariant(
      codec::RsErasurePlan::make(code, originals, &plan) == codec::RsStatus::kOk &&
          codec::RsCombination::make(plan, originals, wanted, &combination) == codec::RsStatus::kOk,
      "no combination for a helper's recovery symbols");
  return combination;
}

// True when hashing the targets' distinct blocks is less work than hashing a whole tree.
bool blocks_pay(const Context& ctx) {
  const TreeShape& shape = ctx.cache->shape();
  std::vector<std::size_t> firsts;
  for (const SliverIndex t : ctx.targets) firsts.push_back(shape.block_first(codec::to_size(t)));
  std::sort(firsts.begin(), firsts.end());
  const auto blocks =
      static_cast<std::size_t>(std::unique(firsts.begin(), firsts.end()) - firsts.begin());
  return (blocks << shape.block_level()) < shape.leaves();
}

// True when every target's block lies among the sliver's own k stored symbols.
bool blocks_systematic(const Context& ctx) {
  const std::size_t k = ctx.params->symbols_per_sliver(ctx.axis);
  const TreeShape& shape = ctx.cache->shape();
  return std::all_of(ctx.targets.begin(), ctx.targets.end(),
                     [&](SliverIndex t) { return shape.block_end(codec::to_size(t)) <= k; });
}

// Expands helpers[ids[first, first + count)] position-major and answers for each.
void expand_and_answer(const Context& ctx, std::span<const std::size_t> ids,
                       std::vector<std::uint8_t>& work) {
  const std::size_t n = ctx.params->n_shards();
  const std::size_t k = ctx.params->symbols_per_sliver(ctx.axis);
  const std::size_t count = ids.size();
  const std::size_t s = ctx.s;
  work.resize(n * count * s);
  for (std::size_t i = 0; i < k; ++i) {
    std::uint8_t* base = work.data() + i * count * s;
    for (std::size_t b = 0; b < count; ++b) {
      std::memcpy(base + b * s, ctx.helpers[ids[b]].data.data() + i * s, s);
    }
  }
  codec::expand_position_major(*ctx.params, ctx.axis, s, count, work);
  std::vector<std::size_t> cached_ids;
  std::vector<SymbolView> cached_views;
  std::vector<std::span<const Digest>> cached_levels;
  for (std::size_t b = 0; b < count; ++b) {
    const SymbolView view{work.data() + b * s, count * s};
    const std::span<const Digest> cached = usable_cache(ctx, ids[b]);
    if (cached.empty()) {
      answer_full(ctx, ids[b], view);
    } else {
      cached_ids.push_back(ids[b]);
      cached_views.push_back(view);
      cached_levels.push_back(cached);
    }
  }
  if (!cached_ids.empty()) answer_cached(ctx, cached_ids, cached_views, cached_levels);
}

void serve_expanded(const Context& ctx, const std::vector<std::size_t>& ids, std::size_t workers) {
  if (ids.empty()) return;
  const std::size_t per_block = std::clamp<std::size_t>(
      kBlockTargetBytes / (ctx.params->n_shards() * ctx.s), 1, kMaxBlockHelpers);
  const std::size_t needed = (ids.size() + per_block - 1) / per_block;
  const std::size_t blocks = std::min(ids.size(), (needed + workers - 1) / workers * workers);
  const std::size_t block_helpers = (ids.size() + blocks - 1) / blocks;
  codec::parallel_ranges(blocks, workers, [&](std::size_t begin, std::size_t end) {
    std::vector<std::uint8_t> work;
    for (std::size_t block = begin; block < end; ++block) {
      const std::size_t first = block * block_helpers;
      if (first >= ids.size()) break;
      const std::size_t count = std::min(block_helpers, ids.size() - first);
      expand_and_answer(ctx, std::span<const std::size_t>(ids).subspan(first, count), work);
    }
  });
}

codec::RedStuffStatus check_input(const Context& ctx) {
  const std::size_t n = ctx.params->n_shards();
  const std::size_t k = ctx.params->symbols_per_sliver(ctx.axis);
  if (ctx.s == 0 || ctx.s % 2 != 0) return codec::RedStuffStatus::kWrongSliverSize;
  for (const SliverIndex t : ctx.targets) {
    if (codec::to_size(t) >= n) return codec::RedStuffStatus::kInvalidSliverIndex;
  }
  for (const ServedSliver& h : ctx.helpers) {
    if (codec::to_size(h.index) >= n) return codec::RedStuffStatus::kInvalidSliverIndex;
    if (h.data.size() != k * ctx.s) return codec::RedStuffStatus::kWrongSliverSize;
  }
  return codec::RedStuffStatus::kOk;
}

}  // namespace

codec::RedStuffStatus serve_helpers(const codec::RedStuffParams& params, codec::SliverAxis axis,
                                    std::span<const ServedSliver> helpers, std::size_t symbol_bytes,
                                    std::span<const SliverIndex> targets,
                                    const codec::BlobMetadata& metadata, HelperCache* cache,
                                    std::size_t threads, std::vector<RecoverySymbol>* out) {
  if (cache == nullptr) {
    std::vector<codec::HelperSliver> plain;
    plain.reserve(helpers.size());
    for (const ServedSliver& h : helpers) plain.push_back({h.index, h.data});
    return codec::serve_recovery_symbols(params, axis, plain, symbol_bytes, targets, threads, out);
  }
  std::vector<RecoverySymbol> answers(helpers.size() * targets.size());
  Context ctx{&params, axis, symbol_bytes, helpers, targets, &metadata, cache, &answers};
  if (const codec::RedStuffStatus st = check_input(ctx); st != codec::RedStuffStatus::kOk) {
    return st;
  }
  ctx.read_cache = blocks_pay(ctx);
  // Cached helpers whose targets are all systematic answer from their stored symbols; with every
  // leaf cached, from their stored symbols and the few targets they compute.
  std::vector<std::size_t> direct;
  std::vector<std::size_t> evaluated;
  std::vector<std::size_t> expand;
  const bool systematic = blocks_systematic(ctx);
  const std::vector<std::size_t> computed = computed_targets(ctx);
  const bool evaluate = cache->shape().block_level() == 0 &&
                        codec::rs_direct_decode_pays(params.expansion_code(axis), computed.size());
  for (std::size_t h = 0; h < helpers.size(); ++h) {
    const bool cached = !usable_cache(ctx, h).empty();
    (cached && systematic ? direct : cached && evaluate ? evaluated : expand).push_back(h);
  }
  const std::size_t workers = codec::resolve_threads(threads);
  if (!evaluated.empty()) {
    const codec::RsCombination combination = target_combination(ctx, computed);
    codec::parallel_ranges(evaluated.size(), workers, [&](std::size_t begin, std::size_t end) {
      for (std::size_t first = begin; first < end; first += kMaxBlockHelpers) {
        const std::size_t count = std::min(kMaxBlockHelpers, end - first);
        evaluate_and_answer(ctx, std::span<const std::size_t>(evaluated).subspan(first, count),
                            combination, computed);
      }
    });
  }
  codec::parallel_ranges(direct.size(), workers, [&](std::size_t begin, std::size_t end) {
    std::vector<SymbolView> views;
    std::vector<std::span<const Digest>> levels;
    for (std::size_t i = begin; i < end; ++i) {
      views.push_back({helpers[direct[i]].data.data(), symbol_bytes});
      levels.push_back(usable_cache(ctx, direct[i]));
    }
    answer_cached(ctx, std::span<const std::size_t>(direct).subspan(begin, end - begin), views,
                  levels);
  });
  serve_expanded(ctx, expand, workers);
  *out = std::move(answers);
  return codec::RedStuffStatus::kOk;
}

}  // namespace sliversim::schemes::redstuff
