// Exact byte accounting of RedStuff recovery (REDSTUFF.md §4), by category, so the simulator
// counts what really crosses the network: symbol data, the BCS framing around it, the Merkle
// proofs (their real BCS size), and the metadata a node fetches when it lacks it. Every proof for
// target index t has the shape of leaf t in an n-leaf tree whichever helper sends it, so recovering
// sliver t from k symbols costs k * (s + framing(s) + proof(n, t)) bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

struct RecoveryCost {
  std::uint64_t symbols = 0;         // recovery symbols transferred
  std::uint64_t payload_bytes = 0;   // their data (s bytes each)
  std::uint64_t framing_bytes = 0;   // BCS framing around each symbol's data (excluding proof)
  std::uint64_t proof_bytes = 0;     // Merkle proofs in BCS
  std::uint64_t metadata_bytes = 0;  // metadata fetched by a node that lacked it (wire size)

  // The sum of every byte category.
  std::uint64_t total_bytes() const;
  // Per-symbol wire bytes beyond the payload: framing and proof.
  std::uint64_t overhead_bytes() const { return framing_bytes + proof_bytes; }
  RecoveryCost& operator+=(const RecoveryCost& other);
  bool operator==(const RecoveryCost&) const = default;
};

// The cost of the symbols actually received (all of them, rejected ones too: they crossed the
// network), measured from each symbol's data and real proof.
RecoveryCost cost_of_symbols(std::span<const RecoverySymbol> symbols);

// The cost of recovering `target` from exactly k = symbols_per_sliver(target.axis) symbols of
// symbol_bytes bytes, from the closed form. REQUIRES: target.index < n.
RecoveryCost sliver_recovery_cost(const RedStuffParams& params, std::size_t symbol_bytes,
                                  RecoveryTarget target);

// Fetching the blob's metadata (metadata_wire_bytes(n)).
RecoveryCost metadata_fetch_cost(std::size_t n_shards);

// Recovering both slivers of pair p (primary p from k_s symbols, secondary n-1-p from k_p), plus
// one metadata fetch when `fetch_metadata`. Payload is exactly (k_p + k_s) * s. REQUIRES: p < n.
RecoveryCost pair_recovery_cost(const RedStuffParams& params, std::size_t symbol_bytes,
                                SliverPairIndex p, bool fetch_metadata);

}  // namespace sliversim::codec
