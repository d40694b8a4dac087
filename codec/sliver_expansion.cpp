// Expanding, hashing and verifying one sliver (see sliver_expansion.hpp).
#include "codec/sliver_expansion.hpp"

#include <cstring>
#include <vector>

namespace sliversim::codec {

RedStuffStatus expand_sliver(const RedStuffParams& params, SliverAxis axis,
                             std::span<const std::uint8_t> sliver, std::size_t symbol_bytes,
                             std::span<std::uint8_t> expanded) {
  const std::size_t n = params.n_shards();
  const std::size_t k = params.symbols_per_sliver(axis);
  const std::size_t s = symbol_bytes;
  if (s == 0 || s % 2 != 0 || sliver.size() != k * s || expanded.size() != n * s) {
    return RedStuffStatus::kWrongSliverSize;
  }
  std::memcpy(expanded.data(), sliver.data(), k * s);
  std::vector<const std::uint8_t*> originals(k);
  std::vector<std::uint8_t*> recovery(n - k);
  for (std::size_t i = 0; i < k; ++i) originals[i] = sliver.data() + i * s;
  for (std::size_t i = k; i < n; ++i) recovery[i - k] = expanded.data() + i * s;
  if (rs_encode(params.expansion_code(axis), Batch{s, 1, s}, originals, recovery) !=
      RsStatus::kOk) {
    return RedStuffStatus::kWrongSliverSize;
  }
  return RedStuffStatus::kOk;
}

RedStuffStatus compute_sliver_hash(const RedStuffParams& params, SliverAxis axis,
                                   std::span<const std::uint8_t> sliver, std::size_t symbol_bytes,
                                   Digest* hash) {
  std::vector<std::uint8_t> expanded(params.n_shards() * symbol_bytes);
  if (const RedStuffStatus st = expand_sliver(params, axis, sliver, symbol_bytes, expanded);
      st != RedStuffStatus::kOk) {
    return st;
  }
  *hash = symbols_merkle_root(expanded.data(), symbol_bytes, params.n_shards());
  return RedStuffStatus::kOk;
}

RedStuffStatus verify_sliver(const RedStuffParams& params, const BlobMetadata& metadata,
                             SliverAxis axis, SliverIndex index,
                             std::span<const std::uint8_t> sliver) {
  if (const RedStuffStatus st = metadata.check(params); st != RedStuffStatus::kOk) return st;
  if (to_size(index) >= params.n_shards()) return RedStuffStatus::kInvalidSliverIndex;
  std::size_t s = 0;
  if (params.symbol_bytes_for(metadata.unencoded_bytes, &s) != RedStuffStatus::kOk) {
    return RedStuffStatus::kMetadataMismatch;
  }
  Digest hash;
  if (const RedStuffStatus st = compute_sliver_hash(params, axis, sliver, s, &hash);
      st != RedStuffStatus::kOk) {
    return st;
  }
  return hash == metadata.sliver_hash(axis, index) ? RedStuffStatus::kOk
                                                   : RedStuffStatus::kSliverHashMismatch;
}

}  // namespace sliversim::codec
