// The allocator settings of process_memory.hpp.
#include "sim/schemes/process_memory.hpp"

#include <cstddef>
#include <limits>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sliversim::schemes {

void keep_freed_memory() {
#if defined(__GLIBC__)
  // glibc's largest mmap threshold on 64-bit systems (half its per-thread heap size); a larger
  // value is refused.
  constexpr int kLargestHeapBlock = 32 << 20;
  (void)mallopt(M_MMAP_THRESHOLD, kLargestHeapBlock);
  (void)mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
#endif
}

}  // namespace sliversim::schemes
