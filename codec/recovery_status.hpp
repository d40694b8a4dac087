// Outcomes of RedStuff sliver recovery (REDSTUFF.md §4): the status of one recovery, the verdict on
// each recovery symbol received, and the status of an inconsistency-proof check. Expected failures
// are values, never exceptions.
#pragma once

#include <cstdint>
#include <string_view>

namespace sliversim::codec {

// The outcome of recovering one sliver from recovery symbols.
enum class [[nodiscard]] RecoveryStatus : std::uint8_t{
    kOk,
    kInvalidTarget,     // the target sliver index is >= n
    kMetadataMismatch,  // metadata for another n, with the wrong number of hashes or length
    kTooFewSymbols,     // fewer valid symbols (distinct helpers, good proofs) than the threshold
    kResultMismatch,    // every symbol used was proven, yet the decoded sliver does not hash to
                        // the target's entry in the metadata: the writer encoded inconsistently
                        // (an inconsistency proof is produced)
};

// The verdict on one received recovery symbol.
enum class SymbolVerdict : std::uint8_t {
  kValid,               // passed every check
  kUnchecked,           // not examined: k valid symbols came before it
  kWrongAxis,           // from a helper of the target's own axis (must be the orthogonal one)
  kWrongTarget,         // meant for another target sliver index
  kInvalidHelperIndex,  // helper sliver index >= n
  kWrongSize,           // data is not one symbol of the blob's symbol size
  kDuplicateHelper,     // a second symbol from a helper sliver already accepted
  kBadProof,            // the Merkle proof does not lead to the helper's sliver hash
};

// The outcome of checking an inconsistency proof.
enum class [[nodiscard]] InconsistencyStatus : std::uint8_t{
    kProven,            // valid: the proven symbols decode to a sliver that contradicts its hash
    kMetadataMismatch,  // metadata for another n, with the wrong number of hashes or length
    kMalformed,         // wrong target, symbol count, axis, size or a repeated helper
    kBadSymbolProof,    // some symbol's Merkle proof fails against its helper's sliver hash
    kTargetConsistent,  // the symbols decode to exactly the target's hash: nothing is proven
};

// One-line English descriptions ("too few valid recovery symbols", ...).
std::string_view describe(RecoveryStatus status);
std::string_view describe(SymbolVerdict verdict);
std::string_view describe(InconsistencyStatus status);

}  // namespace sliversim::codec
