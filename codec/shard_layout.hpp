// Conversion between the bytes of user symbols and the codec's internal shard layout.
//
// Within one symbol of s bytes (s even), REDSTUFF.md §5 fixes which two bytes form each element:
// a full 64-byte block holds 32 elements (low bytes, then high bytes); a tail of t < 64 bytes holds
// t/2 elements (t/2 low bytes, then t/2 high bytes). A batch of B codewords is packed into one
// internal shard by concatenating the elements of its B symbols, so elements never straddle
// symbols and a batched call gives byte for byte what B single calls give.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace sliversim::codec {

// Where the symbols of a batch of codewords live: codeword b's symbol at one shard position starts
// at (that position's base pointer) + b * codeword_stride and is symbol_bytes long.
struct Batch {
  std::size_t symbol_bytes = 0;     // even, > 0
  std::size_t codeword_count = 1;   // > 0
  std::size_t codeword_stride = 0;  // 0 means symbol_bytes (symbols back to back)

  std::size_t stride() const { return codeword_stride == 0 ? symbol_bytes : codeword_stride; }
  // Bytes of one internal shard holding this batch: elements rounded up to whole blocks.
  std::size_t internal_shard_bytes() const;
};

// Copies one shard position's symbols (all codewords of the batch) from user layout into an
// internal shard of batch.internal_shard_bytes() bytes, zeroing the padding.
void import_shard(const Batch& batch, const std::uint8_t* user, std::uint8_t* internal);

// Copies an internal shard back to user layout (the inverse of import_shard).
void export_shard(const Batch& batch, const std::uint8_t* internal, std::uint8_t* user);

// A 64-byte aligned byte buffer, zero-initialised unless asked not to be.
class AlignedBuffer {
 public:
  enum Init { kZeroed, kUninitialized };
  AlignedBuffer() = default;
  explicit AlignedBuffer(std::size_t bytes, Init init = kZeroed);
  std::uint8_t* data() const { return data_.get(); }
  std::size_t size() const { return size_; }

 private:
  struct Free {
    void operator()(std::uint8_t* p) const { std::free(p); }
  };
  std::unique_ptr<std::uint8_t, Free> data_;
  std::size_t size_ = 0;
};

}  // namespace sliversim::codec
