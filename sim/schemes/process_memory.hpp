// How the process treats the memory it frees. A scheme writes gigabytes of units, and the first
// touch of a fresh page is expensive: the kernel zeroes it and, on a virtual machine, the host
// backs it first (measured on our 2-core VMs: 1-2 s of system time per GB, more than the codec
// spends on the same bytes). So freed memory stays in the process and is reused by later units:
// by a repair's new units after an erasure, and by the next scheme when schemes run one after
// another (a mainnet-like year faulted 29 GB with memory handed back after each scheme, 14 GB
// without, at the same peak).
#pragma once

namespace sliversim::schemes {

// Once, at start-up, before any large allocation (glibc; elsewhere nothing): blocks up to
// 32 MiB (the units and working buffers of every blob class up to 1 GiB at n = 1000) come from
// the allocator's heaps instead of their own mappings, and free heap memory is never trimmed
// back to the system. The peak resident size is unchanged; memory is not returned before exit.
void keep_freed_memory();

}  // namespace sliversim::schemes
