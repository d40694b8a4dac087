// The recovering side of RedStuff repair (REDSTUFF.md §4): a node that lost sliver t of one axis
// checks the recovery symbols it received (right target, helper of the orthogonal axis, symbol
// size, distinct helpers, Merkle proof against the helper's sliver hash in the metadata), decodes
// the target from the first k valid ones (k = k_s for a primary sliver, k_p for a secondary one)
// and accepts the result only if its expansion hashes to the target's entry in the metadata. A
// mismatch when every symbol used was proven yields an inconsistency proof.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "codec/blob_metadata.hpp"
#include "codec/inconsistency_proof.hpp"
#include "codec/recovery_status.hpp"
#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

struct RecoveryOptions {
  // Also check the symbols after the first k valid ones (their verdicts are then kValid or a
  // rejection instead of kUnchecked). Costs a proof check per extra symbol; changes no result.
  bool check_all_symbols = false;
};

struct RecoveryResult {
  std::vector<std::uint8_t> sliver;  // the recovered sliver (k symbols); empty unless kOk
  // One verdict per received symbol, in the order given (empty for kInvalidTarget and
  // kMetadataMismatch).
  std::vector<SymbolVerdict> verdicts;
  // Positions (in the received list) of the k symbols decoded, ascending; empty when there were
  // too few valid ones.
  std::vector<std::size_t> used;
  std::size_t rejected = 0;  // symbols with a verdict other than kValid and kUnchecked
  // kResultMismatch only: the proof that the writer encoded inconsistently.
  std::optional<InconsistencyProof> inconsistency;
};

// Recovers `target` from `symbols` for the blob `metadata` describes. Returns kOk (out->sliver
// is byte-identical to the encoder's sliver), kInvalidTarget, kMetadataMismatch, kTooFewSymbols
// (fewer than k valid symbols; see verdicts), or kResultMismatch (see inconsistency). Symbols
// are examined in the order given; the first k valid ones are decoded.
RecoveryStatus recover_sliver(const RedStuffParams& params, const BlobMetadata& metadata,
                              RecoveryTarget target, std::span<const RecoverySymbol> symbols,
                              const RecoveryOptions& options, RecoveryResult* out);

}  // namespace sliversim::codec
