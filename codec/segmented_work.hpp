// A work array of equally sized internal shards stored segment-major: each shard is cut into
// segments of at most one cache-sized slice, and segment g of every shard lies contiguously.
// Transforms then run one segment at a time over a working set that fits the CPU cache, which keeps
// wide shards (batched RedStuff rows, 64 KiB symbols) from being memory-bound. Memory comes from a
// small process-wide pool, so repeated calls do not pay for fresh pages.
#pragma once

#include <cstddef>
#include <cstdint>

#include "codec/fft16.hpp"
#include "codec/shard_layout.hpp"

namespace sliversim::codec {

class SegmentedWork {
 public:
  // REQUIRES: shard_bytes a multiple of 64. Contents are unspecified until written or zeroed.
  SegmentedWork(std::size_t shard_count, std::size_t shard_bytes);
  ~SegmentedWork();
  SegmentedWork(const SegmentedWork&) = delete;
  SegmentedWork& operator=(const SegmentedWork&) = delete;

  // One segment of all shards is at most about this many bytes (half the L2 of current cores).
  static constexpr std::size_t kCacheTargetBytes = std::size_t{512} << 10;

  std::size_t shard_count() const { return count_; }
  std::size_t shard_bytes() const { return bytes_; }
  std::size_t segments() const { return segments_; }
  // Segment g as a contiguous fft16::Work of shard_count shards.
  fft16::Work segment(std::size_t g) const;
  // Imports position i from user symbols (see import_shard), padding with zeros.
  void import_user(std::size_t i, const Batch& batch, const std::uint8_t* user);
  // Exports position i to user symbols (see export_shard).
  void export_user(std::size_t i, const Batch& batch, std::uint8_t* user) const;
  // Copies a whole internal shard (shard_bytes) out of position i.
  void load(std::size_t i, std::uint8_t* internal) const;
  // Zeroes shards [first, first + count) in every segment.
  void zero(std::size_t first, std::size_t count);

 private:
  void store(std::size_t i, const std::uint8_t* internal);
  std::size_t count_;
  std::size_t bytes_;
  std::size_t segment_bytes_;
  std::size_t segments_;
  AlignedBuffer buffer_;
  mutable AlignedBuffer tmp_;  // one internal shard, for element-wise conversions
};

}  // namespace sliversim::codec
