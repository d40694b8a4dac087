// Descriptions of RedStuff statuses (see redstuff_status.hpp).
#include "codec/redstuff_status.hpp"

namespace sliversim::codec {

std::string_view describe(RedStuffStatus status) {
  switch (status) {
    case RedStuffStatus::kOk:
      return "ok";
    case RedStuffStatus::kInvalidShardCount:
      return "unsupported number of shards";
    case RedStuffStatus::kBlobTooLarge:
      return "blob larger than the maximum for this number of shards";
    case RedStuffStatus::kTooFewSlivers:
      return "too few slivers to decode";
    case RedStuffStatus::kInvalidSliverIndex:
      return "sliver index out of range";
    case RedStuffStatus::kDuplicateSliver:
      return "the same sliver given twice";
    case RedStuffStatus::kWrongSliverSize:
      return "sliver size does not match the blob's symbol size";
    case RedStuffStatus::kMetadataMismatch:
      return "metadata does not match the encoding parameters";
    case RedStuffStatus::kSliverHashMismatch:
      return "a sliver does not match its hash in the metadata";
    case RedStuffStatus::kInconsistentEncoding:
      return "inconsistently encoded blob: the decoded data re-encodes to another blob ID";
  }
  return "unknown status";
}

}  // namespace sliversim::codec
