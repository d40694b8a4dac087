// Symbol bytes <-> internal blocks (see shard_layout.hpp).
#include "codec/shard_layout.hpp"

#include <cstring>
#include <new>

#include "codec/gf16_kernels.hpp"

namespace sliversim::codec {
namespace {

constexpr std::size_t kBlock = gf16::kBlockBytes;
constexpr std::size_t kHalf = kBlock / 2;

// Byte offsets, inside a symbol of s bytes, of element e's low and high byte.
struct ElementBytes {
  std::size_t lo;
  std::size_t hi;
};

inline ElementBytes symbol_element(std::size_t s, std::size_t e) {
  const std::size_t full_elements = (s / kBlock) * kHalf;
  if (e < full_elements) {
    const std::size_t base = (e / kHalf) * kBlock + e % kHalf;
    return {base, base + kHalf};
  }
  const std::size_t tail_start = (s / kBlock) * kBlock;
  const std::size_t tail_half = (s - tail_start) / 2;
  const std::size_t te = e - full_elements;
  return {tail_start + te, tail_start + tail_half + te};
}

inline ElementBytes internal_element(std::size_t idx) {
  const std::size_t base = (idx / kHalf) * kBlock + idx % kHalf;
  return {base, base + kHalf};
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
  const std::size_t per_symbol = s / 2;
  for (std::size_t b = 0; b < batch.codeword_count; ++b) {
    const std::uint8_t* sym = user + b * batch.stride();
    for (std::size_t e = 0; e < per_symbol; ++e) {
      const ElementBytes from = symbol_element(s, e);
      const ElementBytes to = internal_element(b * per_symbol + e);
      internal[to.lo] = sym[from.lo];
      internal[to.hi] = sym[from.hi];
    }
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
  const std::size_t per_symbol = s / 2;
  for (std::size_t b = 0; b < batch.codeword_count; ++b) {
    std::uint8_t* sym = user + b * batch.stride();
    for (std::size_t e = 0; e < per_symbol; ++e) {
      const ElementBytes to = symbol_element(s, e);
      const ElementBytes from = internal_element(b * per_symbol + e);
      sym[to.lo] = internal[from.lo];
      sym[to.hi] = internal[from.hi];
    }
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
