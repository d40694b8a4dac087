// How the process treats the memory it frees. A scheme writes gigabytes of units, and the first
// touch of a fresh page is expensive: the kernel zeroes it and, on a virtual machine, the host
// backs it first (measured on our 2-core VMs: 1-2 s of system time per GB, more than the codec
// spends on the same bytes). When schemes run one after another, freed memory therefore stays in
// the process and the next units reuse it: by a repair's new units after an erasure, and by the
// next scheme (a mainnet-like year faulted 29 GB with memory handed back after each scheme, 14 GB
// without, at the same 13 GB peak). Schemes side by side allocate from separate per-thread heaps,
// where memory one frees is not reusable by another, so there it goes back to the system (kept,
// the same year grew from 19 GB to over 24 GB).
#pragma once

namespace sliversim::schemes {

enum class FreedMemory {
  // glibc's default: large blocks have their own mappings, unmapped when freed, and free heap tops
  // are trimmed (its adaptive thresholds, or its static defaults once kKept has been set).
  kReturned,
  // Blocks up to 32 MiB (every unit and working buffer of blobs up to 1 GiB at n = 1000) come
  // from the heaps, and free heap memory is never trimmed.
  kKept,
};

// Sets the allocator's policy, process-wide (glibc; elsewhere nothing).
// REQUIRES: no other thread allocates during the call.
void set_freed_memory(FreedMemory policy);

// Hands every free page of every heap back to the system now (glibc's malloc_trim).
void return_free_memory();

}  // namespace sliversim::schemes
