// Exact sizes of what RedStuff puts on the wire, in Walrus's BCS framing (REDSTUFF.md §4), so the
// simulator counts real bytes and not just payload:
//   recovery symbol = axis tag (1) + source sliver index u16 (2) + ULEB128(s) + s data bytes
//                     + target sliver index u16 (2) + Merkle proof;
//   Merkle proof    = ULEB128(node count) + 33 bytes per digest node + 1 byte per empty node;
//   metadata        = blob ID (32) + version tag (1) + encoding tag (1) + u64 length (8)
//                     + ULEB128(n) + n pairs of two digest nodes (66 bytes);
//   sliver          = axis tag (1) + ULEB128(k s) + k s bytes + symbol size u16 (2) + index u16
//   (2).
// metadata_bytes(n) = 64n + 32 is the stored content (blob ID and 2n digests) without framing.
#pragma once

#include <cstddef>
#include <cstdint>

namespace sliversim::codec {

// Framing around a recovery symbol's data bytes, excluding its proof: 5 + ULEB128(s) bytes
// (6 for s < 128, 7 for s < 16384, else 8).
std::size_t recovery_symbol_framing_bytes(std::size_t symbol_bytes);

// The whole recovery symbol for target sliver index `target_index` (its proof's leaf): data,
// framing and the proof against a helper's expanded sliver of n symbols.
// REQUIRES: target_index < n_shards.
std::size_t recovery_symbol_wire_bytes(std::size_t n_shards, std::size_t symbol_bytes,
                                       std::size_t target_index);

// Proof sizes over all leaf indices of an n-leaf tree (the sliver trees have n leaves).
struct ProofWireStats {
  std::size_t min_bytes = 0;
  std::size_t max_bytes = 0;
  double mean_bytes = 0.0;
};
ProofWireStats proof_wire_stats(std::size_t n_shards);

// Stored metadata per node per blob: 64n + 32 bytes.
std::size_t metadata_bytes(std::size_t n_shards);

// The metadata (with its blob ID) as sent to a node that lacks it: 66n + 42 + ULEB128(n) bytes.
std::size_t metadata_wire_bytes(std::size_t n_shards);

// A sliver of `symbols` symbols of `symbol_bytes` bytes as sent whole (shard sync).
std::size_t sliver_wire_bytes(std::size_t symbols, std::size_t symbol_bytes);

}  // namespace sliversim::codec
