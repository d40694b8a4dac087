// The allocator settings of process_memory.hpp.
#include "sim/schemes/process_memory.hpp"

#include <limits>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace sliversim::schemes {

void set_freed_memory(FreedMemory policy) {
#if defined(__GLIBC__)
  // glibc's own policy adapts its thresholds to the blocks freed, which suits schemes side by
  // side best (faults measured: 7.8 million in a mainnet-like year against 10.4 million with the
  // static defaults); it is left alone until kKept is asked for once.
  static bool changed = false;
  if (policy == FreedMemory::kReturned && !changed) return;
  changed = true;
  // glibc's defaults (128 KiB for both) and its largest mmap threshold on 64-bit
  // systems (half its per-thread heap size; a larger value is refused).
  constexpr int kDefaultMmapThreshold = 128 << 10;
  constexpr int kLargestHeapBlock = 32 << 20;
  const bool kept = policy == FreedMemory::kKept;
  (void)mallopt(M_MMAP_THRESHOLD, kept ? kLargestHeapBlock : kDefaultMmapThreshold);
  (void)mallopt(M_TRIM_THRESHOLD, kept ? std::numeric_limits<int>::max() : kDefaultMmapThreshold);
#else
  (void)policy;
#endif
}

void return_free_memory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace sliversim::schemes
