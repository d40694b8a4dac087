// The decoding step of sliver recovery: the target sliver's expanded line of E is one codeword of
// the target's expansion code (the row code for a primary target, the column code for a
// secondary one), and each recovery symbol is that codeword's symbol at the helper's index. One
// rs_decode call reveals all n positions, which are the expanded target sliver: its first k
// symbols are the sliver and the Merkle root over all n is what the metadata lists for it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "codec/blake2b.hpp"
#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

// Decodes the expanded target sliver (n symbols of symbol_bytes) into `expanded` from `symbols`
// and returns the Merkle root over it (the target's sliver hash if the inputs were honest).
// Only the symbols' helper indices and data are read; proofs must have been checked already.
// REQUIRES: symbols.size() == symbols_per_sliver(target.axis) (k); distinct helper indices < n;
// every data of symbol_bytes (even, > 0) bytes; expanded.size() == n * symbol_bytes.
Digest decode_expanded_target(const RedStuffParams& params, RecoveryTarget target,
                              std::size_t symbol_bytes,
                              std::span<const RecoverySymbol* const> symbols,
                              std::span<std::uint8_t> expanded);

}  // namespace sliversim::codec
