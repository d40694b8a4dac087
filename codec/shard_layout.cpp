// Symbol bytes <-> internal blocks (see shard_layout.hpp).
#include "codec/shard_layout.hpp"

#include <algorithm>
#include <cstring>
#include <new>

#include "codec/gf16_kernels.hpp"

namespace sliversim::codec {
namespace {

constexpr std::size_t kBlock = gf16::kBlockBytes;
constexpr std::size_t kHalf = kBlock / 2;

// Splits m consecutive internal elements starting at idx into runs inside one block each and calls
// fn(block_offset, lane, done, n) per run: elements [done, done + n) of the run sit at lanes
// [lane, lane + n) of the block at byte block_offset.
template <class Fn>
void for_each_run(std::size_t idx, std::size_t m, Fn&& fn) {
  for (std::size_t done = 0; done < m;) {
    const std::size_t lane = (idx + done) % kHalf;
    const std::size_t n = std::min(m - done, kHalf - lane);
    fn(((idx + done) / kHalf) * kBlock, lane, done, n);
    done += n;
  }
}

// Calls fn(first_element, lo_offset, hi_offset, count) for each run of a symbol of s bytes: each
// full 64-byte block is a run of 32 low and 32 high bytes, the tail of t bytes a run of t/2 and
// t/2.
template <class Fn>
void for_each_symbol_run(std::size_t s, Fn&& fn) {
  const std::size_t full = s / kBlock;
  for (std::size_t j = 0; j < full; ++j) fn(j * kHalf, j * kBlock, j * kBlock + kHalf, kHalf);
  const std::size_t tail_half = (s - full * kBlock) / 2;
  if (tail_half > 0) {
    fn(full * kHalf, full * kBlock, full * kBlock + tail_half, tail_half);
  }
}

}  // namespace

std::size_t Batch::internal_shard_bytes() const {
  const std::size_t elements = codeword_count * (symbol_bytes / 2);
  return ((elements + kHalf - 1) / kHalf) * kBlock;
}

void import_shard(const Batch& batch, const std::uint8_t* user, std::uint8_t* internal) {
  const std::size_t s = batch.symbol_bytes;
  const std::size_t total = batch.internal_shard_bytes();
  if (s % kBlock == 0) {
    for (std::size_t b = 0; b < batch.codeword_count; ++b) {
      std::memcpy(internal + b * s, user + b * batch.stride(), s);
    }
    std::memset(internal + batch.codeword_count * s, 0, total - batch.codeword_count * s);
    return;
  }
  std::memset(internal, 0, total);
  for (std::size_t b = 0; b < batch.codeword_count; ++b) {
    const std::uint8_t* sym = user + b * batch.stride();
    for_each_symbol_run(s, [&](std::size_t e, std::size_t lo, std::size_t hi, std::size_t m) {
      for_each_run(b * (s / 2) + e, m,
                   [&](std::size_t blk, std::size_t lane, std::size_t d, std::size_t n) {
                     std::memcpy(internal + blk + lane, sym + lo + d, n);
                     std::memcpy(internal + blk + kHalf + lane, sym + hi + d, n);
                   });
    });
  }
}

void export_shard(const Batch& batch, const std::uint8_t* internal, std::uint8_t* user) {
  const std::size_t s = batch.symbol_bytes;
  if (s % kBlock == 0) {
    for (std::size_t b = 0; b < batch.codeword_count; ++b) {
      std::memcpy(user + b * batch.stride(), internal + b * s, s);
    }
    return;
  }
  for (std::size_t b = 0; b < batch.codeword_count; ++b) {
    std::uint8_t* sym = user + b * batch.stride();
    for_each_symbol_run(s, [&](std::size_t e, std::size_t lo, std::size_t hi, std::size_t m) {
      for_each_run(b * (s / 2) + e, m,
                   [&](std::size_t blk, std::size_t lane, std::size_t d, std::size_t n) {
                     std::memcpy(sym + lo + d, internal + blk + lane, n);
                     std::memcpy(sym + hi + d, internal + blk + kHalf + lane, n);
                   });
    });
  }
}

AlignedBuffer::AlignedBuffer(std::size_t bytes, Init init) : size_(bytes) {
  const std::size_t rounded = ((bytes + kBlock - 1) / kBlock) * kBlock;
  void* p = std::aligned_alloc(kBlock, rounded == 0 ? kBlock : rounded);
  if (p == nullptr) throw std::bad_alloc();
  if (init == kZeroed) std::memset(p, 0, rounded == 0 ? kBlock : rounded);
  data_.reset(static_cast<std::uint8_t*>(p));
}

}  // namespace sliversim::codec
