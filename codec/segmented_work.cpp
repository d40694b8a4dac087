// Segment-major work arrays (see segmented_work.hpp).
#include "codec/segmented_work.hpp"

#include <algorithm>
#include <cstring>

#include "codec/gf16_kernels.hpp"

namespace sliversim::codec {
namespace {
constexpr std::size_t kBlock = gf16::kBlockBytes;
}  // namespace

SegmentedWork::SegmentedWork(std::size_t shard_count, std::size_t shard_bytes)
    : count_(shard_count), bytes_(shard_bytes) {
  const std::size_t per_shard = kCacheTargetBytes / std::max<std::size_t>(shard_count, 1);
  segment_bytes_ = std::clamp<std::size_t>(per_shard / kBlock * kBlock, kBlock,
                                           std::max<std::size_t>(shard_bytes, kBlock));
  segments_ = shard_bytes == 0 ? 0 : (shard_bytes + segment_bytes_ - 1) / segment_bytes_;
  buffer_ = AlignedBuffer(count_ * bytes_);
}

fft16::Work SegmentedWork::segment(std::size_t g) const {
  const std::size_t offset = g * segment_bytes_;
  const std::size_t len = std::min(segment_bytes_, bytes_ - offset);
  return fft16::Work{buffer_.data() + offset * count_, len};
}

void SegmentedWork::store(std::size_t i, const std::uint8_t* internal) {
  for (std::size_t g = 0; g < segments_; ++g) {
    const fft16::Work w = segment(g);
    std::memcpy(w.shard(i), internal + g * segment_bytes_, w.shard_bytes);
  }
}

void SegmentedWork::load(std::size_t i, std::uint8_t* internal) const {
  for (std::size_t g = 0; g < segments_; ++g) {
    const fft16::Work w = segment(g);
    std::memcpy(internal + g * segment_bytes_, w.shard(i), w.shard_bytes);
  }
}

void SegmentedWork::zero(std::size_t first, std::size_t count) {
  for (std::size_t g = 0; g < segments_; ++g) {
    const fft16::Work w = segment(g);
    std::memset(w.shard(first), 0, count * w.shard_bytes);
  }
}

}  // namespace sliversim::codec
