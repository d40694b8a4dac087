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

SymbolVerdict check_recovery_symbol(const RedStuffParams& params, const BlobMetadata& metadata,
                                    std::size_t symbol_bytes, RecoveryTarget target,
                                    const RecoverySymbol& symbol) {
  if (symbol.helper_axis != orthogonal(target.axis)) return SymbolVerdict::kWrongAxis;
  if (symbol.target_index != target.index) return SymbolVerdict::kWrongTarget;
  if (to_size(symbol.helper_index) >= params.n_shards()) {
    return SymbolVerdict::kInvalidHelperIndex;
  }
  if (symbol.data.size() != symbol_bytes) return SymbolVerdict::kWrongSize;
  const Digest& helper_hash = metadata.sliver_hash(symbol.helper_axis, symbol.helper_index);
  if (!symbol.proof.verify(helper_hash, symbol.data, to_size(target.index))) {
    return SymbolVerdict::kBadProof;
  }
  return SymbolVerdict::kValid;
}

}  // namespace sliversim::codec
