// Runs every enabled scheme over one recorded world (the memory-budget check made before anything
// runs is in memory_estimate.hpp): one SchemeDriver per scheme on a pool of worker threads. The
// outcomes come back in the order the schemes were given, whatever the thread count: drivers
// share nothing but the (read-only) trace.
#pragma once

#include <memory>
#include <vector>

#include "sim/model/world_trace.hpp"
#include "sim/schemes/driver.hpp"
#include "sim/schemes/memory_estimate.hpp"
#include "sim/schemes/process_memory.hpp"
#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

// Replays the trace through every scheme (each scheme object used by one driver, on at most
// `threads` worker threads, e.g. MemoryEstimate::concurrency) and returns the outcomes in the
// order of `schemes`. After its replay a scheme has forgotten every blob; its memory is reused by
// the next scheme when they run one at a time, and handed back otherwise (sets the allocator's
// policy, process_memory.hpp). `observer` (if any) hears every replay's progress,
// scheme i as index i, from the threads that run them.
// REQUIRES: threads >= 1; each scheme fresh.
std::vector<SchemeOutcome> run_schemes(const model::WorldTrace& trace,
                                       std::vector<std::unique_ptr<StorageScheme>>& schemes,
                                       const DriverOptions& options, unsigned threads,
                                       SchemeObserver* observer = nullptr);

}  // namespace sliversim::schemes
