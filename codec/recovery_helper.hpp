// The helper side of RedStuff repair (REDSTUFF.md §4): a node answers requests for recovery
// symbols from its OWN stored sliver. A primary-sliver holder i answers a lost secondary sliver j
// with E[i][j] (its own symbol j when j < k_s, else computed by the row code); a secondary-sliver
// holder c answers a lost primary sliver t with E[t][c]. Each answer carries the Merkle proof of
// leaf j (or t) of the helper's expanded sliver, so it verifies against the helper's sliver hash.
//
// RecoveryHelper expands the sliver and builds its tree once, then answers any number of targets
// (a node serving a whole shard sync asks it n times). RecoverySymbolEvaluator computes bare
// symbols without expansion or tree. A helper whose stored sliver is corrupt produces a tree with
// another root, so every proof it sends fails against the metadata's hash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "codec/merkle.hpp"
#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"
#include "codec/redstuff_status.hpp"
#include "codec/rs16.hpp"

namespace sliversim::codec {

// A helper's expanded sliver and its Merkle tree. Owns its bytes; movable.
class RecoveryHelper {
 public:
  RecoveryHelper() = default;

  // Expands sliver `index` of `axis` (k = symbols_per_sliver(axis) symbols of symbol_bytes) and
  // builds the tree over its n symbols. Returns kOk, kInvalidSliverIndex (index >= n), or
  // kWrongSliverSize (symbol_bytes zero or odd, or the sliver not k symbols); *out is then
  // untouched.
  static RedStuffStatus make(const RedStuffParams& params, SliverAxis axis, SliverIndex index,
                             std::span<const std::uint8_t> sliver, std::size_t symbol_bytes,
                             RecoveryHelper* out);

  SliverAxis axis() const { return axis_; }
  SliverIndex index() const { return index_; }
  std::size_t symbol_bytes() const { return symbol_bytes_; }
  std::size_t n_shards() const { return tree_.leaf_count(); }
  // The root over the expanded sliver: equals the metadata's hash for this sliver exactly when
  // the stored sliver is intact.
  Digest sliver_hash() const { return tree_.root(); }
  // The expanded sliver: n symbols.
  std::span<const std::uint8_t> expanded() const { return expanded_; }

  // The expanded sliver's symbol at position `target`: the symbol a node recovering sliver
  // `target` of the orthogonal axis needs from this helper. REQUIRES: target < n.
  std::span<const std::uint8_t> symbol(SliverIndex target) const;
  // The full recovery symbol for sliver `target` of the orthogonal axis, with its Merkle proof.
  // REQUIRES: target < n.
  RecoverySymbol recovery_symbol(SliverIndex target) const;

 private:
  SliverAxis axis_ = SliverAxis::kPrimary;
  SliverIndex index_{};
  std::size_t symbol_bytes_ = 0;
  std::vector<std::uint8_t> expanded_;
  MerkleTree tree_;
};

// Bare recovery symbols (no proof) of one helper sliver by single-point evaluation: the sliver is
// interpolated once, then each target costs O(chunk) multiply-adds (rs16.hpp RsEvaluator) instead
// of expanding all n symbols. The sliver's bytes stay the caller's and must outlive this object.
class RecoverySymbolEvaluator {
 public:
  RecoverySymbolEvaluator() = default;

  // Interpolates sliver data of `axis` (k symbols of symbol_bytes). Returns kOk or
  // kWrongSliverSize (symbol_bytes zero or odd, or the sliver not k symbols).
  static RedStuffStatus make(const RedStuffParams& params, SliverAxis axis,
                             std::span<const std::uint8_t> sliver, std::size_t symbol_bytes,
                             RecoverySymbolEvaluator* out);

  // Writes the symbol for target sliver `target` of the orthogonal axis (the expanded sliver's
  // symbol at that position) to out. Returns kOk, kInvalidSliverIndex (target >= n) or
  // kWrongSliverSize (out not one symbol).
  RedStuffStatus evaluate(SliverIndex target, std::span<std::uint8_t> out) const;

 private:
  std::size_t symbol_bytes_ = 0;
  std::size_t n_shards_ = 0;
  RsEvaluator evaluator_;
};

}  // namespace sliversim::codec
