// UnitStore: dense slots, held-byte accounting, the deterministic corruption.
#include "sim/schemes/unit_store.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

namespace sliversim::schemes {
namespace {

using model::BlobIndex;
using model::ShardId;

std::vector<std::uint8_t> iota_bytes(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i * 7 + 1);
  return v;
}

TEST_CASE("an empty store reports absent units and no bytes, for any blob index") {
  const UnitStore store(5);
  CHECK(store.n_shards() == 5);
  CHECK(store.state(BlobIndex{1000}, ShardId{4}) == UnitState::kAbsent);
  CHECK(store.bytes(BlobIndex{0}, ShardId{0}).empty());
  CHECK(store.held_bytes() == 0);
}

TEST_CASE("put, replace and erase keep the held byte count exact") {
  UnitStore store(3);
  store.put(BlobIndex{2}, ShardId{1}, iota_bytes(100));
  store.put(BlobIndex{0}, ShardId{2}, iota_bytes(7), UnitState::kPartial);
  CHECK(store.held_bytes() == 107);
  CHECK(store.state(BlobIndex{2}, ShardId{1}) == UnitState::kValid);
  CHECK(store.state(BlobIndex{0}, ShardId{2}) == UnitState::kPartial);
  CHECK(store.state(BlobIndex{1}, ShardId{1}) == UnitState::kAbsent);  // a slot grown, not set
  const std::span<const std::uint8_t> held = store.bytes(BlobIndex{2}, ShardId{1});
  CHECK(std::vector<std::uint8_t>(held.begin(), held.end()) == iota_bytes(100));
  store.put(BlobIndex{2}, ShardId{1}, iota_bytes(40));
  CHECK(store.held_bytes() == 47);
  store.erase(BlobIndex{2}, ShardId{1});
  store.erase(BlobIndex{9}, ShardId{1});  // nothing there
  CHECK(store.held_bytes() == 7);
  CHECK(store.state(BlobIndex{2}, ShardId{1}) == UnitState::kAbsent);
  CHECK(store.bytes(BlobIndex{2}, ShardId{1}).empty());
  store.put(BlobIndex{3}, ShardId{0}, {});  // an analytic placeholder: valid, no bytes
  CHECK(store.state(BlobIndex{3}, ShardId{0}) == UnitState::kValid);
  CHECK(store.held_bytes() == 7);
}

TEST_CASE("corrupt flips one byte by 0x5A in each quarter, the same way for the same salt") {
  UnitStore a(1);
  UnitStore b(1);
  const std::vector<std::uint8_t> original = iota_bytes(1000);
  a.put(BlobIndex{0}, ShardId{0}, original);
  b.put(BlobIndex{0}, ShardId{0}, original);
  a.corrupt(BlobIndex{0}, ShardId{0}, 42);
  b.corrupt(BlobIndex{0}, ShardId{0}, 42);
  const std::span<const std::uint8_t> ca = a.bytes(BlobIndex{0}, ShardId{0});
  const std::span<const std::uint8_t> cb = b.bytes(BlobIndex{0}, ShardId{0});
  CHECK(std::vector<std::uint8_t>(ca.begin(), ca.end()) ==
        std::vector<std::uint8_t>(cb.begin(), cb.end()));
  CHECK(a.state(BlobIndex{0}, ShardId{0}) == UnitState::kCorrupt);
  std::vector<std::size_t> changed;
  for (std::size_t i = 0; i < original.size(); ++i) {
    if (ca[i] != original[i]) {
      CHECK((ca[i] ^ original[i]) == 0x5A);
      changed.push_back(i);
    }
  }
  REQUIRE(changed.size() == 4);
  for (std::size_t q = 0; q < 4; ++q) {
    CHECK(changed[q] >= q * 250);
    CHECK(changed[q] < (q + 1) * 250);
  }
  CHECK(a.held_bytes() == 1000);
  // Another salt picks other positions.
  UnitStore c(1);
  c.put(BlobIndex{0}, ShardId{0}, original);
  c.corrupt(BlobIndex{0}, ShardId{0}, 43);
  const std::span<const std::uint8_t> cc = c.bytes(BlobIndex{0}, ShardId{0});
  CHECK(std::vector<std::uint8_t>(cc.begin(), cc.end()) !=
        std::vector<std::uint8_t>(ca.begin(), ca.end()));
}

TEST_CASE("corrupt alters every byte of a short unit and leaves an absent unit alone") {
  UnitStore store(2);
  store.put(BlobIndex{0}, ShardId{0}, {1, 2, 3});
  store.corrupt(BlobIndex{0}, ShardId{0}, 5);
  const std::span<const std::uint8_t> bytes = store.bytes(BlobIndex{0}, ShardId{0});
  CHECK(std::vector<std::uint8_t>(bytes.begin(), bytes.end()) ==
        std::vector<std::uint8_t>{1 ^ 0x5A, 2 ^ 0x5A, 3 ^ 0x5A});
  store.corrupt(BlobIndex{0}, ShardId{1}, 5);
  store.corrupt(BlobIndex{7}, ShardId{1}, 5);
  CHECK(store.state(BlobIndex{0}, ShardId{1}) == UnitState::kAbsent);
  CHECK(store.state(BlobIndex{7}, ShardId{1}) == UnitState::kAbsent);
}

TEST_CASE("a unit's version changes with every put, erase and corruption, and only then") {
  UnitStore store(2);
  CHECK(store.version(BlobIndex{3}, ShardId{1}) == 0);
  store.put(BlobIndex{0}, ShardId{0}, {1, 2});
  store.put(BlobIndex{0}, ShardId{1}, {1, 2});
  const std::uint64_t first = store.version(BlobIndex{0}, ShardId{0});
  CHECK(first != 0);
  CHECK(store.version(BlobIndex{0}, ShardId{1}) == first);  // counted per slot
  store.corrupt(BlobIndex{0}, ShardId{1}, 9);               // another unit: this one is unchanged
  (void)store.bytes(BlobIndex{0}, ShardId{0});
  CHECK(store.version(BlobIndex{0}, ShardId{0}) == first);
  store.corrupt(BlobIndex{0}, ShardId{0}, 9);
  const std::uint64_t corrupted = store.version(BlobIndex{0}, ShardId{0});
  CHECK(corrupted != first);
  store.put(BlobIndex{0}, ShardId{0}, {1, 2});  // the same bytes again: still a new version
  const std::uint64_t rewritten = store.version(BlobIndex{0}, ShardId{0});
  CHECK(rewritten != corrupted);
  CHECK(rewritten != first);
  store.erase(BlobIndex{0}, ShardId{0});
  CHECK(store.version(BlobIndex{0}, ShardId{0}) != rewritten);
}

TEST_CASE("versions and held bytes do not depend on the order, or threads, writing other blobs") {
  // Blob 0's slots are written on one thread while blob 1's are on another, in either order.
  const auto fill = [](UnitStore& store, BlobIndex blob, std::uint8_t rounds) {
    for (std::uint8_t r = 1; r <= rounds; ++r) {
      for (std::uint32_t s = 0; s < 4; ++s) {
        store.put(blob, ShardId{s}, std::vector<std::uint8_t>(r * 10U + s, r));
        if (r % 2 == 0) store.erase(blob, ShardId{s});
      }
    }
  };
  UnitStore serial(4);
  fill(serial, BlobIndex{1}, 5);
  fill(serial, BlobIndex{0}, 3);
  UnitStore parallel(4);
  for (std::uint32_t s = 0; s < 4; ++s) {
    parallel.ensure_slot(BlobIndex{0}, ShardId{s});
    parallel.ensure_slot(BlobIndex{1}, ShardId{s});
  }
  std::thread other([&] { fill(parallel, BlobIndex{1}, 5); });
  fill(parallel, BlobIndex{0}, 3);
  other.join();
  CHECK(parallel.held_bytes() == serial.held_bytes());
  CHECK(serial.held_bytes() == (50 + 51 + 52 + 53) + (30 + 31 + 32 + 33));
  for (std::uint32_t s = 0; s < 4; ++s) {
    for (const BlobIndex b : {BlobIndex{0}, BlobIndex{1}}) {
      CHECK(parallel.version(b, ShardId{s}) == serial.version(b, ShardId{s}));
      CHECK(parallel.bytes(b, ShardId{s}).size() == serial.bytes(b, ShardId{s}).size());
    }
    CHECK(serial.version(BlobIndex{1}, ShardId{s}) == 7);  // five puts and two erasures
  }
}

TEST_CASE("new unit buffers are zeroed and of the size asked, small or populated at once") {
  for (const std::size_t bytes : {std::size_t{0}, std::size_t{100}, std::size_t{3} << 20}) {
    CAPTURE(bytes);
    const std::vector<std::uint8_t> unit = new_unit_bytes(bytes);
    CHECK(unit.size() == bytes);
    CHECK(std::all_of(unit.begin(), unit.end(), [](std::uint8_t b) { return b == 0; }));
    const std::vector<std::vector<std::uint8_t>> units = new_units(5, bytes, 2);
    REQUIRE(units.size() == 5);
    for (const std::vector<std::uint8_t>& u : units) {
      CHECK(u.size() == bytes);
      CHECK(std::all_of(u.begin(), u.end(), [](std::uint8_t b) { return b == 0; }));
    }
  }
}

}  // namespace
}  // namespace sliversim::schemes
