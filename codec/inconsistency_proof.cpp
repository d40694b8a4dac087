// Inconsistency proofs and their verification (see inconsistency_proof.hpp).
#include "codec/inconsistency_proof.hpp"

#include <cstdint>

#include "codec/recovery_codeword.hpp"

namespace sliversim::codec {
namespace {

constexpr std::size_t kAxisTagBytes = 1;
constexpr std::size_t kIndexBytes = 2;

// Checks the shape of the proof and every symbol; kProven means "well formed and proven so far".
InconsistencyStatus check_symbols(const RedStuffParams& params, const BlobMetadata& metadata,
                                  std::size_t s, const InconsistencyProof& proof) {
  const std::size_t n = params.n_shards();
  if (to_size(proof.target.index) >= n ||
      proof.symbols.size() != params.symbols_per_sliver(proof.target.axis)) {
    return InconsistencyStatus::kMalformed;
  }
  std::vector<std::uint8_t> seen(n, 0);
  bool proofs_ok = true;
  for (const RecoverySymbol& symbol : proof.symbols) {
    const SymbolVerdict verdict = check_recovery_symbol(params, metadata, s, proof.target, symbol);
    if (verdict == SymbolVerdict::kBadProof) {
      proofs_ok = false;
    } else if (verdict != SymbolVerdict::kValid) {
      return InconsistencyStatus::kMalformed;
    }
    if (seen[to_size(symbol.helper_index)] != 0) return InconsistencyStatus::kMalformed;
    seen[to_size(symbol.helper_index)] = 1;
  }
  return proofs_ok ? InconsistencyStatus::kProven : InconsistencyStatus::kBadSymbolProof;
}

}  // namespace

std::size_t InconsistencyProof::wire_bytes() const {
  std::size_t bytes = kAxisTagBytes + kIndexBytes + uleb128_bytes(symbols.size());
  for (const RecoverySymbol& symbol : symbols) bytes += symbol.wire_bytes();
  return bytes;
}

InconsistencyStatus verify_inconsistency_proof(const RedStuffParams& params,
                                               const BlobMetadata& metadata,
                                               const InconsistencyProof& proof) {
  const std::size_t s = recovery_symbol_bytes(params, metadata);
  if (s == 0) return InconsistencyStatus::kMetadataMismatch;
  if (const InconsistencyStatus st = check_symbols(params, metadata, s, proof);
      st != InconsistencyStatus::kProven) {
    return st;
  }
  std::vector<const RecoverySymbol*> used;
  used.reserve(proof.symbols.size());
  for (const RecoverySymbol& symbol : proof.symbols) used.push_back(&symbol);
  std::vector<std::uint8_t> expanded(params.n_shards() * s);
  const Digest root = decode_expanded_target(params, proof.target, s, used, expanded);
  return root == metadata.sliver_hash(proof.target.axis, proof.target.index)
             ? InconsistencyStatus::kTargetConsistent
             : InconsistencyStatus::kProven;
}

}  // namespace sliversim::codec
