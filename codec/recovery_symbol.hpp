// Recovery symbols (REDSTUFF.md §4): to rebuild sliver t of one axis, a node collects symbols of
// the orthogonal axis's expanded slivers. Helper sliver h (expanded: n symbols, the line of the
// expanded matrix E it spans) sends its symbol at position t, i.e. E[t][h] for a primary target
// or E[h][t] for a secondary one, with the Merkle proof of leaf t against h's sliver hash. The
// helper index h is the symbol's position in the target's codeword, so any k distinct helpers
// decode the target (k = k_s for a primary target, k_p for a secondary one).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/blob_metadata.hpp"
#include "codec/merkle.hpp"
#include "codec/recovery_status.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

// A sliver to recover: its axis and index.
struct RecoveryTarget {
  SliverAxis axis = SliverAxis::kPrimary;
  SliverIndex index{};

  bool operator==(const RecoveryTarget&) const = default;
};

// One recovery symbol as sent by a helper.
struct RecoverySymbol {
  SliverAxis helper_axis = SliverAxis::kSecondary;  // the helper's sliver axis
  SliverIndex helper_index{};  // the helper's sliver index: the position in the target's codeword
  SliverIndex target_index{};  // the target sliver's index: the proof's leaf index
  std::vector<std::uint8_t> data;  // one symbol of the blob's symbol size
  MerkleProof proof;               // leaf target_index of the helper's expanded sliver

  // The axis of the sliver this symbol helps to recover (orthogonal to the helper's).
  SliverAxis target_axis() const { return orthogonal(helper_axis); }
  // The target this symbol is for.
  RecoveryTarget target() const { return {target_axis(), target_index}; }
  // BCS framing around the data, excluding the proof (wire_sizes.hpp).
  std::size_t framing_bytes() const;
  // The whole symbol on the wire: data + framing + proof.wire_bytes().
  std::size_t wire_bytes() const;

  // Equal fields and equal proof paths.
  bool operator==(const RecoverySymbol& other) const;
};

// The symbol size of the blob `metadata` describes, or 0 when the metadata does not fit
// `params` (another n, the wrong number of hashes, a length over the maximum).
std::size_t recovery_symbol_bytes(const RedStuffParams& params, const BlobMetadata& metadata);

// Checks one symbol for `target` on its own (no duplicate detection): kValid, or the first of
// kWrongAxis, kWrongTarget, kInvalidHelperIndex, kWrongSize, kBadProof that applies. The proof
// is checked against metadata.sliver_hash(helper_axis, helper_index) with leaf index target.index.
// REQUIRES: symbol_bytes == recovery_symbol_bytes(params, metadata) != 0; target.index < n.
SymbolVerdict check_recovery_symbol(const RedStuffParams& params, const BlobMetadata& metadata,
                                    std::size_t symbol_bytes, RecoveryTarget target,
                                    const RecoverySymbol& symbol);

// check_recovery_symbol for every symbol, out[i] for symbols[i], with the proofs of all symbols
// hashed together in lane-parallel batches (merkle.hpp compute_roots). Same preconditions.
// REQUIRES: out has room for symbols.size() verdicts.
void check_recovery_symbols(const RedStuffParams& params, const BlobMetadata& metadata,
                            std::size_t symbol_bytes, RecoveryTarget target,
                            std::span<const RecoverySymbol* const> symbols, SymbolVerdict* out);

}  // namespace sliversim::codec
