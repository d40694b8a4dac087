// Many helpers answering at once: when a node recovers a sliver it needs symbols from k helpers,
// and when a shard is lost every pair of it needs the same helpers again. Serving them together
// expands blocks of helper slivers with one rs_encode call each (small symbols no longer pay for
// a whole 64-byte internal block per codeword) and splits the blocks over worker threads. The
// symbols and proofs are byte-identical to RecoveryHelper's, whatever the thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"
#include "codec/redstuff_status.hpp"

namespace sliversim::codec {

// A helper's stored sliver; the bytes stay the caller's.
struct HelperSliver {
  SliverIndex index{};
  std::span<const std::uint8_t> data;  // symbols_per_sliver(axis) symbols
};

// For every helper h (slivers of `helper_axis`) and target t, the recovery symbol h sends for
// sliver targets[t] of the orthogonal axis: (*out)[h * targets.size() + t] equals
// RecoveryHelper::make(helpers[h]...).recovery_symbol(targets[t]). `threads` workers (0 =
// hardware concurrency). Returns kOk, kInvalidSliverIndex (a helper or target index >= n), or
// kWrongSliverSize (symbol_bytes zero or odd, or a helper sliver not k symbols); *out is then
// untouched.
RedStuffStatus serve_recovery_symbols(const RedStuffParams& params, SliverAxis helper_axis,
                                      std::span<const HelperSliver> helpers,
                                      std::size_t symbol_bytes,
                                      std::span<const SliverIndex> targets, std::size_t threads,
                                      std::vector<RecoverySymbol>* out);

}  // namespace sliversim::codec
