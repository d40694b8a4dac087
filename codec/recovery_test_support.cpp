// Recovery test helpers (see recovery_test_support.hpp).
#include "codec/recovery_test_support.hpp"

#include <stdexcept>

namespace sliversim::codec::testing {

const std::vector<RecoveryHelper>& HelpedBlob::helpers(SliverAxis axis) const {
  return axis == SliverAxis::kPrimary ? primary_helpers : secondary_helpers;
}

Bytes HelpedBlob::sliver(RecoveryTarget target) const {
  return encoded.expanded.sliver(target.axis, target.index);
}

std::vector<RecoverySymbol> HelpedBlob::symbols(
    RecoveryTarget target, const std::vector<std::size_t>& helper_indices) const {
  const std::vector<RecoveryHelper>& from = helpers(orthogonal(target.axis));
  std::vector<RecoverySymbol> out;
  out.reserve(helper_indices.size());
  for (const std::size_t h : helper_indices) out.push_back(from[h].recovery_symbol(target.index));
  return out;
}

std::vector<RecoverySymbol> symbols_from(const RedStuffParams& params, const EncodedBlob& encoded,
                                         RecoveryTarget target,
                                         const std::vector<std::size_t>& helper_indices) {
  const SliverAxis helper_axis = orthogonal(target.axis);
  const std::size_t s = encoded.expanded.symbol_bytes();
  std::vector<RecoverySymbol> out;
  out.reserve(helper_indices.size());
  for (const std::size_t h : helper_indices) {
    const SliverIndex index{static_cast<std::uint32_t>(h)};
    RecoveryHelper helper;
    if (RecoveryHelper::make(params, helper_axis, index,
                             encoded.expanded.sliver(helper_axis, index), s,
                             &helper) != RedStuffStatus::kOk) {
      throw std::runtime_error("test helper does not build");
    }
    out.push_back(helper.recovery_symbol(target.index));
  }
  return out;
}

HelpedBlob make_helped_blob(std::size_t n_shards, const Bytes& blob) {
  HelpedBlob out{*RedStuffParams::make(n_shards), {}, 0, {}, {}};
  if (encode_blob(out.params, blob, 1, &out.encoded) != RedStuffStatus::kOk) {
    throw std::runtime_error("test blob does not encode");
  }
  out.symbol_bytes = out.encoded.expanded.symbol_bytes();
  for (const SliverAxis axis : {SliverAxis::kPrimary, SliverAxis::kSecondary}) {
    std::vector<RecoveryHelper>& list =
        axis == SliverAxis::kPrimary ? out.primary_helpers : out.secondary_helpers;
    list.resize(n_shards);
    for (std::size_t i = 0; i < n_shards; ++i) {
      const SliverIndex index{static_cast<std::uint32_t>(i)};
      const Bytes data = out.encoded.expanded.sliver(axis, index);
      if (RecoveryHelper::make(out.params, axis, index, data, out.symbol_bytes, &list[i]) !=
          RedStuffStatus::kOk) {
        throw std::runtime_error("test helper does not build");
      }
    }
  }
  return out;
}

std::size_t uniform_below(std::mt19937_64& rng, std::size_t bound) {
  const std::uint64_t b = bound;
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % b;
  std::uint64_t x = rng();
  while (x >= limit) x = rng();
  return static_cast<std::size_t>(x % b);
}

std::vector<std::size_t> sample_distinct(std::mt19937_64& rng, std::size_t n, std::size_t count) {
  std::vector<std::size_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = i;
  for (std::size_t i = 0; i < count; ++i) {
    std::swap(all[i], all[i + uniform_below(rng, n - i)]);
  }
  all.resize(count);
  return all;
}

Bytes seeded_blob(std::size_t length, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  return random_bytes(rng, length);
}

}  // namespace sliversim::codec::testing
