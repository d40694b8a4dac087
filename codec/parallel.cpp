// Fixed-partition parallel loops (see parallel.hpp).
#include "codec/parallel.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace sliversim::codec {

std::size_t resolve_threads(std::size_t threads) {
  if (threads != 0) return threads;
  return std::max<std::size_t>(1, std::thread::hardware_concurrency());
}

void parallel_ranges(std::size_t count, std::size_t parts,
                     const std::function<void(std::size_t, std::size_t)>& fn) {
  if (count == 0) return;
  parts = std::clamp<std::size_t>(parts, 1, count);
  auto begin_of = [&](std::size_t part) { return count * part / parts; };
  std::vector<std::exception_ptr> errors(parts);
  auto run = [&](std::size_t part) {
    try {
      fn(begin_of(part), begin_of(part + 1));
    } catch (...) {
      errors[part] = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(parts - 1);
  for (std::size_t part = 1; part < parts; ++part) workers.emplace_back(run, part);
  run(0);
  for (auto& w : workers) w.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace sliversim::codec
