// Recovery symbols and their checks (see recovery_symbol.hpp).
#include "codec/recovery_symbol.hpp"

#include "codec/wire_sizes.hpp"

namespace sliversim::codec {

std::size_t RecoverySymbol::framing_bytes() const {
  return recovery_symbol_framing_bytes(data.size());
}

std::size_t RecoverySymbol::wire_bytes() const {
  return data.size() + framing_bytes() + proof.wire_bytes();
}

bool RecoverySymbol::operator==(const RecoverySymbol& other) const {
  return helper_axis == other.helper_axis && helper_index == other.helper_index &&
         target_index == other.target_index && data == other.data && proof.path == other.proof.path;
}

std::size_t recovery_symbol_bytes(const RedStuffParams& params, const BlobMetadata& metadata) {
  std::size_t s = 0;
  if (metadata.check(params) != RedStuffStatus::kOk ||
      params.symbol_bytes_for(metadata.unencoded_bytes, &s) != RedStuffStatus::kOk) {
    return 0;
  }
  return s;
}

namespace {

// The verdict of the checks before the proof; kValid when only the proof remains to check.
SymbolVerdict check_shape(const RedStuffParams& params, std::size_t symbol_bytes,
                          RecoveryTarget target, const RecoverySymbol& symbol) {
  if (symbol.helper_axis != orthogonal(target.axis)) return SymbolVerdict::kWrongAxis;
  if (symbol.target_index != target.index) return SymbolVerdict::kWrongTarget;
  if (to_size(symbol.helper_index) >= params.n_shards()) {
    return SymbolVerdict::kInvalidHelperIndex;
  }
  if (symbol.data.size() != symbol_bytes) return SymbolVerdict::kWrongSize;
  return SymbolVerdict::kValid;
}

// MerkleProof::verify's check that the leaf index fits the path.
bool index_fits(const MerkleProof& proof, std::size_t leaf_index) {
  return proof.path.size() >= 64 || (leaf_index >> proof.path.size()) == 0;
}

}  // namespace

SymbolVerdict check_recovery_symbol(const RedStuffParams& params, const BlobMetadata& metadata,
                                    std::size_t symbol_bytes, RecoveryTarget target,
                                    const RecoverySymbol& symbol) {
  if (const SymbolVerdict v = check_shape(params, symbol_bytes, target, symbol);
      v != SymbolVerdict::kValid) {
    return v;
  }
  const Digest& helper_hash = metadata.sliver_hash(symbol.helper_axis, symbol.helper_index);
  if (!symbol.proof.verify(helper_hash, symbol.data, to_size(target.index))) {
    return SymbolVerdict::kBadProof;
  }
  return SymbolVerdict::kValid;
}

void check_recovery_symbols(const RedStuffParams& params, const BlobMetadata& metadata,
                            std::size_t symbol_bytes, RecoveryTarget target,
                            std::span<const RecoverySymbol* const> symbols, SymbolVerdict* out) {
  const std::size_t leaf = to_size(target.index);
  std::vector<ProofCheck> checks;
  std::vector<std::size_t> checked;  // positions in symbols of the proofs to hash
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    out[i] = check_shape(params, symbol_bytes, target, *symbols[i]);
    if (out[i] != SymbolVerdict::kValid) continue;
    if (!index_fits(symbols[i]->proof, leaf)) {
      out[i] = SymbolVerdict::kBadProof;
      continue;
    }
    checks.push_back({symbols[i]->data, leaf, &symbols[i]->proof});
    checked.push_back(i);
  }
  const std::vector<Digest> roots = compute_roots(checks);
  for (std::size_t c = 0; c < checked.size(); ++c) {
    const RecoverySymbol& symbol = *symbols[checked[c]];
    if (roots[c] != metadata.sliver_hash(symbol.helper_axis, symbol.helper_index)) {
      out[checked[c]] = SymbolVerdict::kBadProof;
    }
  }
}

}  // namespace sliversim::codec
