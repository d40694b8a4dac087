// The priority queue under EventQueue: a 4-ary min-heap of small POD entries ordered by
// (time, key), where key packs phase and insertion sequence so that no two entries compare equal.
// Because the order is total, the pop order is the same whatever the heap's internal layout.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sliversim::kernel {

// One scheduled event as the heap sees it (24 bytes).
struct HeapEntry {
  std::int64_t time_us;  // when it runs
  std::uint64_t key;     // phase << 56 | sequence number; unique per event
  std::uint32_t slot;    // index of the event's payload slot in EventQueue
};

// True when a runs before b: earlier time, then smaller key. Branch-free (one 128-bit compare
// where the compiler has the type).
inline bool runs_before(const HeapEntry& a, const HeapEntry& b) {
#if defined(__SIZEOF_INT128__)
  __extension__ using Wide = unsigned __int128;
  constexpr std::uint64_t kSign = std::uint64_t{1} << 63;
  const Wide ka = (static_cast<Wide>(static_cast<std::uint64_t>(a.time_us) ^ kSign) << 64) | a.key;
  const Wide kb = (static_cast<Wide>(static_cast<std::uint64_t>(b.time_us) ^ kSign) << 64) | b.key;
  return ka < kb;
#else
  return a.time_us < b.time_us || (a.time_us == b.time_us && a.key < b.key);
#endif
}

class EventHeap {
 public:
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  // The entry that runs first. REQUIRES: !empty().
  const HeapEntry& top() const { return items_.front(); }
  // Reserves room for n entries.
  void reserve(std::size_t n) { items_.reserve(n); }

  // Inserts an entry. O(log n).
  void push(const HeapEntry& entry) {
    std::size_t hole = items_.size();
    items_.push_back(entry);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!runs_before(entry, items_[parent])) break;
      items_[hole] = items_[parent];
      hole = parent;
    }
    items_[hole] = entry;
  }

  // Removes top(). O(log n). REQUIRES: !empty(). Bottom-up: the hole left at the root follows
  // the smallest child down to a leaf, then the last entry is sifted up from there (fewer
  // comparisons than the textbook sift-down, as the last entry usually belongs near the leaves).
  void pop() {
    const HeapEntry last = items_.back();
    items_.pop_back();
    const std::size_t n = items_.size();
    if (n == 0) return;
    std::size_t hole = 0;
    while (true) {
      const std::size_t first = hole * kArity + 1;
      if (first >= n) break;
      const std::size_t best = first + kArity <= n ? min_of_four(first) : min_of_some(first, n);
      items_[hole] = items_[best];
      hole = best;
    }
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / kArity;
      if (!runs_before(last, items_[parent])) break;
      items_[hole] = items_[parent];
      hole = parent;
    }
    items_[hole] = last;
  }

  // Removes every entry for which drop(entry) is true and restores the heap order. O(n).
  template <class Drop>
  void remove_if(Drop drop) {
    std::size_t kept = 0;
    for (const HeapEntry& entry : items_) {
      if (!drop(entry)) items_[kept++] = entry;
    }
    items_.resize(kept);
    for (std::size_t i = kept; i-- > 0;) sift_down(i, items_[i]);
  }

 private:
  static constexpr std::size_t kArity = 4;

  // The index of the smallest of the four entries from first (a branch-free tournament).
  std::size_t min_of_four(std::size_t first) const {
    const HeapEntry* c = &items_[first];
    const std::size_t a = runs_before(c[1], c[0]) ? 1 : 0;
    const std::size_t b = runs_before(c[3], c[2]) ? 3 : 2;
    return first + (runs_before(c[b], c[a]) ? b : a);
  }

  // The index of the smallest entry in [first, end).
  std::size_t min_of_some(std::size_t first, std::size_t end) const {
    std::size_t best = first;
    for (std::size_t i = first + 1; i < end; ++i) {
      if (runs_before(items_[i], items_[best])) best = i;
    }
    return best;
  }

  // Places entry at or below hole, moving smaller children up.
  void sift_down(std::size_t hole, const HeapEntry entry) {
    const std::size_t n = items_.size();
    while (true) {
      const std::size_t first = hole * kArity + 1;
      if (first >= n) break;
      const std::size_t best = first + kArity <= n ? min_of_four(first) : min_of_some(first, n);
      if (!runs_before(items_[best], entry)) break;
      items_[hole] = items_[best];
      hole = best;
    }
    items_[hole] = entry;
  }

  std::vector<HeapEntry> items_;
};

}  // namespace sliversim::kernel
