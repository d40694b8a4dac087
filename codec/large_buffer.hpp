// A large, uninitialised byte buffer for the expanded matrix (hundreds of MB for big blobs).
// On Linux it asks for transparent huge pages, so first touching it costs one page fault per
// 2 MiB instead of per 4 KiB; elsewhere it is plain aligned memory. Move-only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace sliversim::codec {

class LargeBuffer {
 public:
  LargeBuffer() = default;
  // Allocates `bytes` bytes (contents unspecified). Throws std::bad_alloc on failure.
  explicit LargeBuffer(std::size_t bytes);

  std::uint8_t* data() const { return data_.get(); }
  std::size_t size() const { return size_; }

 private:
  struct Free {
    void operator()(std::uint8_t* p) const;
  };
  std::unique_ptr<std::uint8_t, Free> data_;
  std::size_t size_ = 0;
};

}  // namespace sliversim::codec
