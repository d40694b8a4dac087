// The outcome of every RedStuff operation (parameters, encoding, decoding, verification).
// Expected failures are values, never exceptions.
#pragma once

#include <cstdint>
#include <string_view>

namespace sliversim::codec {

enum class [[nodiscard]] RedStuffStatus : std::uint8_t{
    kOk,
    kInvalidShardCount,     // n outside [4, max] or a code of that n exceeds the 1-D code's limits
    kBlobTooLarge,          // the symbol size would exceed 65 534 bytes
    kTooFewSlivers,         // fewer distinct valid slivers than the decoding threshold
    kInvalidSliverIndex,    // a sliver index >= n
    kDuplicateSliver,       // the same sliver index given twice
    kWrongSliverSize,       // a sliver whose byte count is not symbols_per_sliver * symbol size
    kMetadataMismatch,      // metadata for another n, or with the wrong number of hashes
    kSliverHashMismatch,    // a sliver does not hash to its entry in the metadata
    kInconsistentEncoding,  // the decoded blob re-encodes to another blob ID: the writer lied
};

// A one-line English description ("too few slivers to decode", ...).
std::string_view describe(RedStuffStatus status);

}  // namespace sliversim::codec
