// Expanding helper slivers for recovery, many at a time. The slivers sit position-major in one
// buffer (the symbol at position i of sliver b at (i * count + b) * s), so each position is one
// base pointer of a codec batch and one rs_encode call expands them all. The code acts on each
// 16-bit element of a symbol independently, and a symbol's whole 64-byte blocks hold the same
// elements as a symbol made of just those blocks would, as does its tail (REDSTUFF.md §5): the
// blocks are encoded as one batch (copied block by block) and the tail as another, giving the
// same bytes as one s-byte batch without converting every element separately.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

// Fills positions k..n-1 of `count` slivers of `axis` (k = symbols_per_sliver(axis)) from their
// positions 0..k-1, in the position-major `work`. Each sliver's n symbols are then its expanded
// sliver, byte-identical to expand_sliver's.
// REQUIRES: symbol_bytes even and > 0; count > 0; work.size() == n * count * symbol_bytes.
void expand_position_major(const RedStuffParams& params, SliverAxis axis, std::size_t symbol_bytes,
                           std::size_t count, std::span<std::uint8_t> work);

}  // namespace sliversim::codec
