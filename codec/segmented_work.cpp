// Segment-major work arrays (see segmented_work.hpp).
#include "codec/segmented_work.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <vector>

#include "codec/gf16_kernels.hpp"

namespace sliversim::codec {
namespace {

constexpr std::size_t kBlock = gf16::kBlockBytes;
// Buffers up to this size go back to a process-wide pool (at most kPoolSlots of them), so that
// repeated encodes and decodes, even from short-lived worker threads, reuse pages already mapped.
constexpr std::size_t kPoolMaxBytes = std::size_t{256} << 20;
constexpr std::size_t kPoolSlots = 4;

std::mutex& pool_mutex() {
  static std::mutex m;
  return m;
}

std::vector<AlignedBuffer>& pool() {
  static std::vector<AlignedBuffer> buffers;
  return buffers;
}

AlignedBuffer take_buffer(std::size_t bytes) {
  const std::lock_guard<std::mutex> lock(pool_mutex());
  auto& p = pool();
  for (auto it = p.begin(); it != p.end(); ++it) {
    if (it->size() >= bytes) {
      AlignedBuffer b = std::move(*it);
      p.erase(it);
      return b;
    }
  }
  return AlignedBuffer(bytes, AlignedBuffer::kUninitialized);
}

void give_back(AlignedBuffer&& b) {
  if (b.size() == 0 || b.size() > kPoolMaxBytes) return;
  const std::lock_guard<std::mutex> lock(pool_mutex());
  auto& p = pool();
  if (p.size() >= kPoolSlots) {
    // Keep the larger buffers: they serve more requests.
    auto smallest = std::min_element(
        p.begin(), p.end(), [](const auto& x, const auto& y) { return x.size() < y.size(); });
    if (smallest->size() >= b.size()) return;
    *smallest = std::move(b);
    return;
  }
  p.push_back(std::move(b));
}

}  // namespace

SegmentedWork::SegmentedWork(std::size_t shard_count, std::size_t shard_bytes)
    : count_(shard_count), bytes_(shard_bytes) {
  const std::size_t per_shard = kCacheTargetBytes / std::max<std::size_t>(shard_count, 1);
  segment_bytes_ = std::clamp<std::size_t>(per_shard / kBlock * kBlock, kBlock,
                                           std::max<std::size_t>(shard_bytes, kBlock));
  segments_ = shard_bytes == 0 ? 0 : (shard_bytes + segment_bytes_ - 1) / segment_bytes_;
  buffer_ = take_buffer(count_ * bytes_);
}

SegmentedWork::~SegmentedWork() { give_back(std::move(buffer_)); }

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

void SegmentedWork::import_user(std::size_t i, const Batch& batch, const std::uint8_t* user) {
  const std::size_t s = batch.symbol_bytes;
  if (s % kBlock != 0) {
    // Element-wise conversion needed: through one internal shard.
    if (tmp_.size() < bytes_) tmp_ = AlignedBuffer(bytes_);
    import_shard(batch, user, tmp_.data());
    store(i, tmp_.data());
    return;
  }
  // Whole blocks: symbol b is internal bytes [b*s, (b+1)*s), copied straight into its segments.
  const std::size_t used = batch.codeword_count * s;
  for (std::size_t off = 0; off < bytes_;) {
    const std::size_t g = off / segment_bytes_;
    const std::size_t within = off % segment_bytes_;
    std::uint8_t* dst = segment(g).shard(i) + within;
    std::size_t n = std::min(segment_bytes_ - within, bytes_ - off);
    if (off >= used) {
      std::memset(dst, 0, n);
    } else {
      const std::size_t b = off / s;
      n = std::min(n, (b + 1) * s - off);
      std::memcpy(dst, user + b * batch.stride() + (off - b * s), n);
    }
    off += n;
  }
}

void SegmentedWork::export_user(std::size_t i, const Batch& batch, std::uint8_t* user) const {
  const std::size_t s = batch.symbol_bytes;
  if (s % kBlock != 0) {
    if (tmp_.size() < bytes_) tmp_ = AlignedBuffer(bytes_);
    load(i, tmp_.data());
    export_shard(batch, tmp_.data(), user);
    return;
  }
  const std::size_t used = batch.codeword_count * s;
  for (std::size_t off = 0; off < used;) {
    const std::size_t g = off / segment_bytes_;
    const std::size_t within = off % segment_bytes_;
    const std::size_t b = off / s;
    const std::size_t n = std::min({segment_bytes_ - within, used - off, (b + 1) * s - off});
    std::memcpy(user + b * batch.stride() + (off - b * s), segment(g).shard(i) + within, n);
    off += n;
  }
}

void SegmentedWork::zero(std::size_t first, std::size_t count) {
  for (std::size_t g = 0; g < segments_; ++g) {
    const fft16::Work w = segment(g);
    std::memset(w.shard(first), 0, count * w.shard_bytes);
  }
}

}  // namespace sliversim::codec
