// Huge-page backed buffers (see large_buffer.hpp).
#include "codec/large_buffer.hpp"

#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace sliversim::codec {
namespace {

constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;
constexpr std::size_t kCacheLineBytes = 64;

}  // namespace

LargeBuffer::LargeBuffer(std::size_t bytes) : size_(bytes) {
  // Small buffers gain nothing from huge pages; align them to a cache line only.
  const std::size_t align = bytes >= kHugePageBytes ? kHugePageBytes : kCacheLineBytes;
  const std::size_t rounded = (bytes + align - 1) / align * align;
  void* p = std::aligned_alloc(align, rounded == 0 ? align : rounded);
  if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__)
  // Advice only: without transparent huge pages the buffer simply uses small pages.
  if (align == kHugePageBytes) madvise(p, rounded, MADV_HUGEPAGE);
#endif
  data_.reset(static_cast<std::uint8_t*>(p));
}

void LargeBuffer::Free::operator()(std::uint8_t* p) const { std::free(p); }

}  // namespace sliversim::codec
