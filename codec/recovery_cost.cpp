// Byte accounting of recovery (see recovery_cost.hpp).
#include "codec/recovery_cost.hpp"

#include "codec/merkle.hpp"
#include "codec/wire_sizes.hpp"

namespace sliversim::codec {

std::uint64_t RecoveryCost::total_bytes() const {
  return payload_bytes + framing_bytes + proof_bytes + metadata_bytes;
}

RecoveryCost& RecoveryCost::operator+=(const RecoveryCost& other) {
  symbols += other.symbols;
  payload_bytes += other.payload_bytes;
  framing_bytes += other.framing_bytes;
  proof_bytes += other.proof_bytes;
  metadata_bytes += other.metadata_bytes;
  return *this;
}

RecoveryCost cost_of_symbols(std::span<const RecoverySymbol> symbols) {
  RecoveryCost cost;
  for (const RecoverySymbol& symbol : symbols) {
    ++cost.symbols;
    cost.payload_bytes += symbol.data.size();
    cost.framing_bytes += symbol.framing_bytes();
    cost.proof_bytes += symbol.proof.wire_bytes();
  }
  return cost;
}

RecoveryCost sliver_recovery_cost(const RedStuffParams& params, std::size_t symbol_bytes,
                                  RecoveryTarget target) {
  const std::uint64_t k = params.symbols_per_sliver(target.axis);
  RecoveryCost cost;
  cost.symbols = k;
  cost.payload_bytes = k * symbol_bytes;
  cost.framing_bytes = k * recovery_symbol_framing_bytes(symbol_bytes);
  cost.proof_bytes = k * merkle_proof_wire_bytes(params.n_shards(), to_size(target.index));
  return cost;
}

RecoveryCost metadata_fetch_cost(std::size_t n_shards) {
  RecoveryCost cost;
  cost.metadata_bytes = metadata_wire_bytes(n_shards);
  return cost;
}

RecoveryCost pair_recovery_cost(const RedStuffParams& params, std::size_t symbol_bytes,
                                SliverPairIndex p, bool fetch_metadata) {
  RecoveryCost cost = sliver_recovery_cost(
      params, symbol_bytes, {SliverAxis::kPrimary, params.sliver_of_pair(p, SliverAxis::kPrimary)});
  cost += sliver_recovery_cost(
      params, symbol_bytes,
      {SliverAxis::kSecondary, params.sliver_of_pair(p, SliverAxis::kSecondary)});
  if (fetch_metadata) cost += metadata_fetch_cost(params.n_shards());
  return cost;
}

}  // namespace sliversim::codec
