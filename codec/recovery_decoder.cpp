// Recovering one sliver from recovery symbols (see recovery_decoder.hpp).
#include "codec/recovery_decoder.hpp"

#include <algorithm>

#include "codec/recovery_codeword.hpp"

namespace sliversim::codec {
namespace {

// Gives every symbol its verdict and lists the first k valid ones in out->used. Symbols are
// checked in order, the proofs of as many as are still needed (all, with check_all_symbols)
// hashed together; a symbol after the first k valid ones stays kUnchecked.
void classify_symbols(const RedStuffParams& params, const BlobMetadata& metadata, std::size_t s,
                      RecoveryTarget target, std::span<const RecoverySymbol> symbols,
                      const RecoveryOptions& options, RecoveryResult* out) {
  const std::size_t k = params.symbols_per_sliver(target.axis);
  std::vector<std::uint8_t> accepted(params.n_shards(), 0);
  out->verdicts.assign(symbols.size(), SymbolVerdict::kUnchecked);
  std::vector<const RecoverySymbol*> batch;
  for (std::size_t next = 0; next < symbols.size();) {
    if (out->used.size() == k && !options.check_all_symbols) break;
    const std::size_t want =
        options.check_all_symbols ? symbols.size() - next : k - out->used.size();
    const std::size_t end = std::min(symbols.size(), next + want);
    batch.clear();
    for (std::size_t i = next; i < end; ++i) batch.push_back(&symbols[i]);
    check_recovery_symbols(params, metadata, s, target, batch, out->verdicts.data() + next);
    for (std::size_t i = next; i < end; ++i) {
      SymbolVerdict& verdict = out->verdicts[i];
      if (verdict == SymbolVerdict::kValid) {
        std::uint8_t& seen = accepted[to_size(symbols[i].helper_index)];
        if (seen != 0) {
          verdict = SymbolVerdict::kDuplicateHelper;
        } else {
          seen = 1;
          if (out->used.size() < k) out->used.push_back(i);
        }
      }
      if (verdict != SymbolVerdict::kValid) ++out->rejected;
    }
    next = end;
  }
  if (out->used.size() < k) out->used.clear();
}

InconsistencyProof make_inconsistency_proof(RecoveryTarget target,
                                            std::span<const RecoverySymbol* const> used) {
  InconsistencyProof proof{target, {}};
  proof.symbols.reserve(used.size());
  for (const RecoverySymbol* symbol : used) proof.symbols.push_back(*symbol);
  return proof;
}

}  // namespace

RecoveryStatus recover_sliver(const RedStuffParams& params, const BlobMetadata& metadata,
                              RecoveryTarget target, std::span<const RecoverySymbol> symbols,
                              const RecoveryOptions& options, RecoveryResult* out) {
  *out = RecoveryResult{};
  const std::size_t s = recovery_symbol_bytes(params, metadata);
  if (s == 0) return RecoveryStatus::kMetadataMismatch;
  const std::size_t n = params.n_shards();
  if (to_size(target.index) >= n) return RecoveryStatus::kInvalidTarget;
  classify_symbols(params, metadata, s, target, symbols, options, out);
  if (out->used.empty()) return RecoveryStatus::kTooFewSymbols;

  std::vector<const RecoverySymbol*> used;
  used.reserve(out->used.size());
  for (const std::size_t i : out->used) used.push_back(&symbols[i]);
  std::vector<std::uint8_t> expanded(n * s);
  const Digest root = decode_expanded_target(params, target, s, used, expanded);
  if (root != metadata.sliver_hash(target.axis, target.index)) {
    out->inconsistency = make_inconsistency_proof(target, used);
    return RecoveryStatus::kResultMismatch;
  }
  expanded.resize(params.symbols_per_sliver(target.axis) * s);
  out->sliver = std::move(expanded);
  return RecoveryStatus::kOk;
}

}  // namespace sliversim::codec
