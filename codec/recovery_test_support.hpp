// Helpers shared by the recovery tests: an encoded blob with a RecoveryHelper for every sliver,
// symbol collection from chosen helpers, and seeded sampling (own code: std distributions and
// std::shuffle differ between standard libraries).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "codec/blob_metadata.hpp"
#include "codec/recovery_helper.hpp"
#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"
#include "codec/test_support.hpp"

namespace sliversim::codec::testing {

// A blob encoded at n shards, with a helper built from every honest sliver of both axes.
struct HelpedBlob {
  RedStuffParams params;
  EncodedBlob encoded;
  std::size_t symbol_bytes = 0;
  std::vector<RecoveryHelper> primary_helpers;    // by primary sliver index
  std::vector<RecoveryHelper> secondary_helpers;  // by secondary sliver index

  // The helpers of `axis`.
  const std::vector<RecoveryHelper>& helpers(SliverAxis axis) const;
  // The encoder's sliver `target`.
  Bytes sliver(RecoveryTarget target) const;
  // The symbols for `target` from the helpers (of the orthogonal axis) with the given indices,
  // in that order.
  std::vector<RecoverySymbol> symbols(RecoveryTarget target,
                                      const std::vector<std::size_t>& helper_indices) const;
};

// Encodes `blob` at `n_shards` (one thread) and builds every helper.
HelpedBlob make_helped_blob(std::size_t n_shards, const Bytes& blob);

// The symbols for `target` from the helpers (of the orthogonal axis) with the given indices, in
// that order, each helper built on demand from its sliver of `encoded`: cheaper than a HelpedBlob
// when few of many helpers answer. Throws std::runtime_error if a helper does not build.
std::vector<RecoverySymbol> symbols_from(const RedStuffParams& params, const EncodedBlob& encoded,
                                         RecoveryTarget target,
                                         const std::vector<std::size_t>& helper_indices);

// A uniform value in [0, bound) by rejection sampling. REQUIRES: bound > 0.
std::size_t uniform_below(std::mt19937_64& rng, std::size_t bound);

// `count` distinct values from [0, n) in random order (partial Fisher-Yates). REQUIRES: count <= n.
std::vector<std::size_t> sample_distinct(std::mt19937_64& rng, std::size_t n, std::size_t count);

// Calls fn(subset) for every k-subset of [0, n) in lexicographic order.
template <class Fn>
void for_each_subset(std::size_t n, std::size_t k, Fn fn) {
  std::vector<std::size_t> idx(k);
  for (std::size_t i = 0; i < k; ++i) idx[i] = i;
  while (true) {
    fn(idx);
    std::size_t i = k;
    while (i > 0 && idx[i - 1] == n - k + i - 1) --i;
    if (i == 0) return;
    ++idx[i - 1];
    for (std::size_t j = i; j < k; ++j) idx[j] = idx[j - 1] + 1;
  }
}

// A seeded random blob of `length` bytes.
Bytes seeded_blob(std::size_t length, std::uint64_t seed);

}  // namespace sliversim::codec::testing
