// Serving recovery symbols from a helper's own sliver (see recovery_helper.hpp).
#include "codec/recovery_helper.hpp"

#include <algorithm>

#include "codec/recovery_expansion.hpp"

namespace sliversim::codec {

RedStuffStatus RecoveryHelper::make(const RedStuffParams& params, SliverAxis axis,
                                    SliverIndex index, std::span<const std::uint8_t> sliver,
                                    std::size_t symbol_bytes, RecoveryHelper* out) {
  const std::size_t n = params.n_shards();
  if (to_size(index) >= n) return RedStuffStatus::kInvalidSliverIndex;
  const std::size_t k = params.symbols_per_sliver(axis);
  if (symbol_bytes == 0 || symbol_bytes % 2 != 0 || sliver.size() != k * symbol_bytes) {
    return RedStuffStatus::kWrongSliverSize;
  }
  std::vector<std::uint8_t> expanded(n * symbol_bytes);
  std::copy(sliver.begin(), sliver.end(), expanded.begin());
  expand_position_major(params, axis, symbol_bytes, 1, expanded);
  out->tree_ = MerkleTree::from_leaves(expanded.data(), symbol_bytes, n);
  out->axis_ = axis;
  out->index_ = index;
  out->symbol_bytes_ = symbol_bytes;
  out->expanded_ = std::move(expanded);
  return RedStuffStatus::kOk;
}

std::span<const std::uint8_t> RecoveryHelper::symbol(SliverIndex target) const {
  return std::span<const std::uint8_t>(expanded_).subspan(to_size(target) * symbol_bytes_,
                                                          symbol_bytes_);
}

RecoverySymbol RecoveryHelper::recovery_symbol(SliverIndex target) const {
  const std::span<const std::uint8_t> data = symbol(target);
  RecoverySymbol out;
  out.helper_axis = axis_;
  out.helper_index = index_;
  out.target_index = target;
  out.data.assign(data.begin(), data.end());
  out.proof = tree_.proof(to_size(target));
  return out;
}

RedStuffStatus RecoverySymbolEvaluator::make(const RedStuffParams& params, SliverAxis axis,
                                             std::span<const std::uint8_t> sliver,
                                             std::size_t symbol_bytes,
                                             RecoverySymbolEvaluator* out) {
  const std::size_t k = params.symbols_per_sliver(axis);
  const std::size_t s = symbol_bytes;
  if (s == 0 || s % 2 != 0 || sliver.size() != k * s) return RedStuffStatus::kWrongSliverSize;
  std::vector<const std::uint8_t*> originals(k);
  for (std::size_t i = 0; i < k; ++i) originals[i] = sliver.data() + i * s;
  RsEvaluator evaluator;
  if (RsEvaluator::make(params.expansion_code(axis), Batch{s, 1, s}, originals, &evaluator) !=
      RsStatus::kOk) {
    return RedStuffStatus::kWrongSliverSize;
  }
  out->symbol_bytes_ = s;
  out->n_shards_ = params.n_shards();
  out->evaluator_ = std::move(evaluator);
  return RedStuffStatus::kOk;
}

RedStuffStatus RecoverySymbolEvaluator::evaluate(SliverIndex target,
                                                 std::span<std::uint8_t> out) const {
  if (to_size(target) >= n_shards_) return RedStuffStatus::kInvalidSliverIndex;
  if (out.size() != symbol_bytes_) return RedStuffStatus::kWrongSliverSize;
  if (evaluator_.evaluate(to_size(target), out.data()) != RsStatus::kOk) {
    return RedStuffStatus::kWrongSliverSize;
  }
  return RedStuffStatus::kOk;
}

}  // namespace sliversim::codec
