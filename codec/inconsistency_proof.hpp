// Inconsistency proofs (REDSTUFF.md §4): when k recovery symbols for a target sliver all carry
// valid Merkle proofs against their helpers' sliver hashes, yet decode to a sliver whose hash is
// not the target's hash in the metadata, the slivers the writer committed to are not one
// codeword of the 2-D code: the writer encoded inconsistently. The k symbols with their proofs
// show it to anyone holding the metadata, who re-runs the same decoding.
#pragma once

#include <cstddef>
#include <vector>

#include "codec/blob_metadata.hpp"
#include "codec/recovery_status.hpp"
#include "codec/recovery_symbol.hpp"
#include "codec/redstuff_params.hpp"

namespace sliversim::codec {

struct InconsistencyProof {
  RecoveryTarget target;
  // Exactly k = symbols_per_sliver(target.axis) symbols from distinct helpers, each for target.
  std::vector<RecoverySymbol> symbols;

  // Bytes on the wire: a target tag (1) and index (u16, 2), a ULEB128 symbol count, and every
  // symbol's wire_bytes().
  std::size_t wire_bytes() const;

  bool operator==(const InconsistencyProof&) const = default;
};

// Re-verifies `proof` against `metadata`: every symbol must be for proof.target, from a distinct
// helper of the orthogonal axis, of the blob's symbol size, with a valid Merkle proof, and there
// must be exactly k of them; the decoded target must then NOT hash to the metadata's entry.
// Returns kProven, or kMetadataMismatch, kMalformed (also a target index >= n),
// kBadSymbolProof, kTargetConsistent.
InconsistencyStatus verify_inconsistency_proof(const RedStuffParams& params,
                                               const BlobMetadata& metadata,
                                               const InconsistencyProof& proof);

}  // namespace sliversim::codec
