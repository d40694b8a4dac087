// r-way replication and the MSR cut-set bound: storage and repair bytes by the closed forms,
// copies made and repaired byte-exactly, malformed input refused.
#include "codec/baseline_replication.hpp"

#include <doctest/doctest.h>

#include "codec/baseline_msr_bound.hpp"
#include "codec/recovery_test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

TEST_CASE("replication stores r copies and repairs one from a live copy, L bytes each") {
  const auto scheme = *ReplicationScheme::make(3);
  const Bytes blob = testing::seeded_blob(10007, 1);
  const auto copies = replicate(scheme, blob);
  REQUIRE(copies.size() == 3);
  for (const auto& copy : copies) CHECK(copy == blob);
  CHECK(scheme.storage_bytes(blob.size()) == 30021);
  std::vector<std::uint8_t> rebuilt;
  BaselineRepairCost cost;
  REQUIRE(replication_repair(scheme, blob.size(), copies[1], &rebuilt, &cost) ==
          BaselineStatus::kOk);
  CHECK(rebuilt == blob);
  CHECK(cost == BaselineRepairCost{1, 10007});
  REQUIRE(replication_repair(scheme, blob.size(), copies[2], &rebuilt, &cost) ==
          BaselineStatus::kOk);
  CHECK(cost == BaselineRepairCost{2, 20014});
  CHECK(cost == scheme.repair_cost(blob.size(), 2));
}

TEST_CASE("replication refuses zero copies and a live copy of the wrong length") {
  CHECK(!ReplicationScheme::make(0));
  const auto scheme = *ReplicationScheme::make(1);
  const Bytes blob = testing::seeded_blob(64, 2);
  std::vector<std::uint8_t> rebuilt{9};
  BaselineRepairCost cost;
  CHECK(replication_repair(scheme, 65, blob, &rebuilt, &cost) == BaselineStatus::kWrongPieceSize);
  CHECK(rebuilt == std::vector<std::uint8_t>{9});
  CHECK(cost == BaselineRepairCost{});
  CHECK(replicate(scheme, {}).at(0).empty());
}

TEST_CASE("the MSR bound at n = 1000, k = k_p, d = n - 1") {
  const std::uint64_t l = 334ULL * 666 * 1000;  // divisible by k (d - k + 1)
  const auto bound = *msr_bound(l, 1000, 334, 999);
  CHECK(bound.storage_bytes == 1000ULL * 666 * 1000);
  CHECK(bound.repair_bytes == 999ULL * 1000);
  // Rounded up otherwise; d = k is plain RS (download L), d = n - 1 is the cheapest.
  CHECK(msr_bound(1, 1000, 334, 999)->repair_bytes == 1);
  CHECK(msr_bound(1000, 10, 4, 4)->repair_bytes == 1000);
  CHECK(msr_bound(1001, 10, 4, 9)->repair_bytes == 376);  // 9 009 / 24 = 375.4
  CHECK(!msr_bound(1000, 10, 0, 9));
  CHECK(!msr_bound(1000, 10, 5, 4));
  CHECK(!msr_bound(1000, 10, 4, 10));
}
