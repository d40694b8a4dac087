// Wire sizes in Walrus's BCS framing (see wire_sizes.hpp).
#include "codec/wire_sizes.hpp"

#include <algorithm>

#include "codec/blake2b.hpp"
#include "codec/merkle.hpp"

namespace sliversim::codec {
namespace {

constexpr std::size_t kEnumTagBytes = 1;
constexpr std::size_t kU16Bytes = 2;
constexpr std::size_t kU64Bytes = 8;
constexpr std::size_t kDigestNodeBytes = kEnumTagBytes + kDigestBytes;

}  // namespace

std::size_t recovery_symbol_framing_bytes(std::size_t symbol_bytes) {
  return kEnumTagBytes + kU16Bytes + uleb128_bytes(symbol_bytes) + kU16Bytes;
}

std::size_t recovery_symbol_wire_bytes(std::size_t n_shards, std::size_t symbol_bytes,
                                       std::size_t target_index) {
  return symbol_bytes + recovery_symbol_framing_bytes(symbol_bytes) +
         merkle_proof_wire_bytes(n_shards, target_index);
}

ProofWireStats proof_wire_stats(std::size_t n_shards) {
  ProofWireStats stats;
  if (n_shards == 0) return stats;
  stats.min_bytes = merkle_proof_wire_bytes(n_shards, 0);
  std::size_t total = 0;
  for (std::size_t i = 0; i < n_shards; ++i) {
    const std::size_t bytes = merkle_proof_wire_bytes(n_shards, i);
    stats.min_bytes = std::min(stats.min_bytes, bytes);
    stats.max_bytes = std::max(stats.max_bytes, bytes);
    total += bytes;
  }
  stats.mean_bytes = static_cast<double>(total) / static_cast<double>(n_shards);
  return stats;
}

std::size_t metadata_bytes(std::size_t n_shards) {
  return 2 * kDigestBytes * n_shards + kDigestBytes;
}

std::size_t metadata_wire_bytes(std::size_t n_shards) {
  return kDigestBytes + kEnumTagBytes + kEnumTagBytes + kU64Bytes + uleb128_bytes(n_shards) +
         2 * kDigestNodeBytes * n_shards;
}

std::size_t sliver_wire_bytes(std::size_t symbols, std::size_t symbol_bytes) {
  const std::size_t data = symbols * symbol_bytes;
  return kEnumTagBytes + uleb128_bytes(data) + data + kU16Bytes + kU16Bytes;
}

}  // namespace sliversim::codec
