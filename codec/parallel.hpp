// Fixed-partition parallelism for the codec: a range of independent work items is cut into
// contiguous parts, one per worker. Every item's result depends only on the item, so the output
// never depends on the number of threads (Determinism).
#pragma once

#include <cstddef>
#include <functional>

namespace sliversim::codec {

// The number of workers for a `threads` option: 0 means the hardware concurrency (at least 1).
std::size_t resolve_threads(std::size_t threads);

// Calls fn(begin, end) for `parts` contiguous, non-empty ranges that cover [0, count) in order
// (part i is [count*i/parts, count*(i+1)/parts)), each on its own thread; the calling thread runs
// part 0. Fewer parts are used when count < parts. Returns after every part finished; rethrows
// the first exception a part threw.
void parallel_ranges(std::size_t count, std::size_t parts,
                     const std::function<void(std::size_t, std::size_t)>& fn);

}  // namespace sliversim::codec
