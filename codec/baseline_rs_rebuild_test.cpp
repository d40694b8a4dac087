// The 1-D Reed–Solomon rebuild baseline: piece sizes and padding, the code is RedStuff's column
// code, every lost piece rebuilds byte-exactly from every k-subset (one fewer fails), a batched
// repair charges k pieces per lost piece, and malformed input gives statuses.
#include "codec/baseline_rs_rebuild.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "codec/blob_metadata.hpp"
#include "codec/recovery_test_support.hpp"

using namespace sliversim::codec;
using testing::Bytes;

namespace {

PieceIndex piece(std::size_t i) { return static_cast<PieceIndex>(i); }

std::vector<PieceRef> refs(const RsRebuildBlob& blob, const std::vector<std::size_t>& indices) {
  std::vector<PieceRef> out;
  for (const std::size_t i : indices) out.push_back({piece(i), blob.piece(piece(i))});
  return out;
}

RsRebuildBlob encode(const RsRebuildCode& code, const Bytes& blob) {
  RsRebuildBlob out;
  REQUIRE(rs_rebuild_encode(code, blob, &out) == BaselineStatus::kOk);
  return out;
}

}  // namespace

TEST_CASE("pieces are ceil(max(L, 1) / k_p) bytes rounded up to even, zero-padded") {
  const auto code = *RsRebuildCode::make(10);
  CHECK(code.source_pieces() == 4);
  CHECK(code.n_shards() == 10);
  CHECK(code.piece_bytes(0) == 2);
  CHECK(code.piece_bytes(1) == 2);
  CHECK(code.piece_bytes(8) == 2);
  CHECK(code.piece_bytes(9) == 4);
  CHECK(code.piece_bytes(4000) == 1000);
  CHECK(code.piece_bytes(4001) == 1002);
  CHECK(code.storage_bytes(4000) == 10000);
  const auto mainnet = *RsRebuildCode::make(1000);
  CHECK(mainnet.source_pieces() == 334);
  CHECK(mainnet.piece_bytes(1 << 20) == 3140);  // 1 048 576 / 334 = 3139.4
  CHECK(mainnet.storage_bytes(1 << 20) == 3140000);
  const Bytes blob = testing::seeded_blob(4001, 1);
  const RsRebuildBlob encoded = encode(code, blob);
  CHECK(encoded.piece_count() == 10);
  CHECK(encoded.unencoded_bytes() == 4001);
  Bytes systematic;
  for (std::size_t i = 0; i < 4; ++i) {
    systematic.insert(systematic.end(), encoded.piece(piece(i)).begin(),
                      encoded.piece(piece(i)).end());
  }
  CHECK(systematic.size() == 4008);
  CHECK(std::equal(blob.begin(), blob.end(), systematic.begin()));
  CHECK(std::all_of(systematic.begin() + 4001, systematic.end(), [](auto b) { return b == 0; }));
}

TEST_CASE("encoding into caller buffers gives rs_rebuild_encode's pieces") {
  // 280 003 bytes: pieces of 70 002 bytes, more than one codec call of whole blocks and a tail.
  for (const std::size_t size : {0U, 1U, 999U, 4000U, 4001U, 280003U}) {
    CAPTURE(size);
    const auto code = *RsRebuildCode::make(10);
    const Bytes blob = testing::seeded_blob(size, 12);
    const RsRebuildBlob whole = encode(code, blob);
    std::vector<Bytes> pieces(10, Bytes(whole.piece_bytes(), 0xEE));
    std::vector<std::uint8_t*> out;
    for (Bytes& b : pieces) out.push_back(b.data());
    REQUIRE(rs_rebuild_encode_into(code, blob, out) == BaselineStatus::kOk);
    for (std::size_t i = 0; i < 10; ++i) {
      const auto want = whole.piece(piece(i));
      CHECK(std::equal(want.begin(), want.end(), pieces[i].begin(), pieces[i].end()));
    }
    const std::vector<Bytes> one_thread = pieces;
    REQUIRE(rs_rebuild_encode_into(code, blob, out, 3) == BaselineStatus::kOk);
    CHECK(pieces == one_thread);
    for (std::size_t i = 4; i < 10; ++i) std::fill(pieces[i].begin(), pieces[i].end(), 0xEE);
    REQUIRE(rs_rebuild_encode_parity(code, blob.size(), out, 2) == BaselineStatus::kOk);
    CHECK(pieces == one_thread);  // from the blob already in pieces 0..3
    // Every lost piece rebuilds from the others, whatever the piece size.
    const std::vector<PieceIndex> lost{piece(0), piece(9)};
    std::vector<std::vector<std::uint8_t>> rebuilt;
    BaselineRepairCost cost;
    for (const std::size_t threads : {1U, 2U}) {
      REQUIRE(rs_rebuild_repair(code, blob.size(), refs(whole, {1, 3, 5, 8}), lost, &rebuilt, &cost,
                                threads) == BaselineStatus::kOk);
      CHECK(rebuilt[0] == pieces[0]);
      CHECK(rebuilt[1] == pieces[9]);
    }
    out.pop_back();
    CHECK(rs_rebuild_encode_into(code, blob, out) == BaselineStatus::kInvalidShape);
  }
}

TEST_CASE("repair pieces are RedStuff's column code: a message column encodes to a column of E") {
  // At n = 10 the rebuild code RS(4 -> 6) is RedStuff's primary code, so the k_p symbols of one
  // message column, taken as a blob of 4 s bytes, encode to that column of the expanded matrix.
  const auto params = *RedStuffParams::make(10);
  EncodedBlob redstuff;
  REQUIRE(encode_blob(params, testing::pattern_blob(2800, 3), 1, &redstuff) == RedStuffStatus::kOk);
  const std::size_t s = redstuff.expanded.symbol_bytes();
  REQUIRE(s == 100);  // a whole 64-byte block and a tail
  const auto code = *RsRebuildCode::make(10);
  for (std::size_t c = 0; c < 10; ++c) {
    const Bytes column = redstuff.expanded.column(c);
    const Bytes message(column.begin(), column.begin() + static_cast<std::ptrdiff_t>(4 * s));
    const RsRebuildBlob pieces = encode(code, message);
    REQUIRE(pieces.piece_bytes() == s);
    for (std::size_t i = 0; i < 10; ++i) {
      const auto p = pieces.piece(piece(i));
      CHECK(std::equal(p.begin(), p.end(), redstuff.expanded.symbol(i, c)));
    }
  }
}

TEST_CASE("every lost piece rebuilds from every k-subset at n = 7; one fewer fails") {
  const auto code = *RsRebuildCode::make(7);  // k = 3
  const Bytes blob = testing::seeded_blob(1001, 4);
  const RsRebuildBlob encoded = encode(code, blob);
  const std::size_t p = encoded.piece_bytes();
  testing::for_each_subset(7, 3, [&](const std::vector<std::size_t>& live) {
    for (std::size_t lost = 0; lost < 7; ++lost) {
      std::vector<std::vector<std::uint8_t>> rebuilt;
      BaselineRepairCost cost;
      const PieceIndex lost_piece = piece(lost);
      REQUIRE(rs_rebuild_repair(code, blob.size(), refs(encoded, live), {&lost_piece, 1}, &rebuilt,
                                &cost) == BaselineStatus::kOk);
      REQUIRE(rebuilt.size() == 1);
      const auto want = encoded.piece(lost_piece);
      REQUIRE(std::equal(rebuilt[0].begin(), rebuilt[0].end(), want.begin(), want.end()));
      REQUIRE(cost == BaselineRepairCost{3, 3 * p});
    }
    std::vector<std::uint8_t> decoded;
    REQUIRE(rs_rebuild_decode(code, blob.size(), refs(encoded, live), &decoded) ==
            BaselineStatus::kOk);
    REQUIRE(decoded == blob);
  });
  testing::for_each_subset(7, 2, [&](const std::vector<std::size_t>& live) {
    std::vector<std::vector<std::uint8_t>> rebuilt;
    BaselineRepairCost cost;
    const PieceIndex lost_piece = piece(6);
    REQUIRE(rs_rebuild_repair(code, blob.size(), refs(encoded, live), {&lost_piece, 1}, &rebuilt,
                              &cost) == BaselineStatus::kTooFewPieces);
    REQUIRE(cost == BaselineRepairCost{});
    REQUIRE(rebuilt.empty());
  });
}

TEST_CASE("a batched repair rebuilds 2f lost pieces from one decode, charged k pieces each") {
  for (const std::size_t n : {13U, 100U}) {
    const auto code = *RsRebuildCode::make(n);
    const std::size_t k = code.source_pieces();
    const Bytes blob = testing::seeded_blob(50 * n + 7, n);
    const RsRebuildBlob encoded = encode(code, blob);
    std::mt19937_64 rng(n);
    const auto order = testing::sample_distinct(rng, n, n);
    const std::vector<std::size_t> live(order.begin(),
                                        order.begin() + static_cast<std::ptrdiff_t>(k));
    std::vector<PieceIndex> lost;
    for (std::size_t i = k; i < n; ++i) lost.push_back(piece(order[i]));
    std::vector<std::vector<std::uint8_t>> rebuilt;
    BaselineRepairCost cost{1, 5};  // costs accumulate
    REQUIRE(rs_rebuild_repair(code, blob.size(), refs(encoded, live), lost, &rebuilt, &cost) ==
            BaselineStatus::kOk);
    REQUIRE(rebuilt.size() == lost.size());
    for (std::size_t j = 0; j < lost.size(); ++j) {
      const auto want = encoded.piece(lost[j]);
      CHECK(std::equal(rebuilt[j].begin(), rebuilt[j].end(), want.begin(), want.end()));
    }
    const std::uint64_t pieces = lost.size() * k;
    CHECK(cost == BaselineRepairCost{1 + pieces, 5 + pieces * encoded.piece_bytes()});
  }
}

TEST_CASE("at n = 1000 many lost pieces in one repair equal the same pieces repaired one by one") {
  // 100 lost pieces take the transform decoder, one lost piece a combination of the k pieces.
  const auto code = *RsRebuildCode::make(1000);
  const Bytes blob = testing::seeded_blob(334 * 2000 + 11, 8);  // pieces with a tail block
  const RsRebuildBlob encoded = encode(code, blob);
  std::mt19937_64 rng(8);
  const auto order = testing::sample_distinct(rng, 1000, 434);
  const std::vector<std::size_t> live(order.begin(), order.begin() + 334);
  std::vector<PieceIndex> lost;
  for (std::size_t i = 334; i < 434; ++i) lost.push_back(piece(order[i]));
  std::vector<std::vector<std::uint8_t>> together;
  BaselineRepairCost cost;
  REQUIRE(rs_rebuild_repair(code, blob.size(), refs(encoded, live), lost, &together, &cost) ==
          BaselineStatus::kOk);
  for (std::size_t j = 0; j < lost.size(); ++j) {
    std::vector<std::vector<std::uint8_t>> alone;
    REQUIRE(rs_rebuild_repair(code, blob.size(), refs(encoded, live), {&lost[j], 1}, &alone,
                              &cost) == BaselineStatus::kOk);
    REQUIRE(alone[0] == together[j]);
    const auto want = encoded.piece(lost[j]);
    REQUIRE(std::equal(want.begin(), want.end(), alone[0].begin(), alone[0].end()));
  }
}

TEST_CASE("repairing a 1 MiB blob's piece at n = 1000 downloads k_p pieces, about L bytes") {
  const auto code = *RsRebuildCode::make(1000);
  const Bytes blob = testing::seeded_blob(1 << 20, 5);
  const RsRebuildBlob encoded = encode(code, blob);
  std::mt19937_64 rng(5);
  auto live = testing::sample_distinct(rng, 1000, 335);
  const PieceIndex target = piece(live.back());
  live.pop_back();
  std::vector<std::vector<std::uint8_t>> rebuilt;
  BaselineRepairCost cost;
  REQUIRE(rs_rebuild_repair(code, blob.size(), refs(encoded, live), {&target, 1}, &rebuilt,
                            &cost) == BaselineStatus::kOk);
  const auto want = encoded.piece(target);
  CHECK(std::equal(rebuilt[0].begin(), rebuilt[0].end(), want.begin(), want.end()));
  CHECK(cost.pieces_downloaded == 334);
  CHECK(cost.download_bytes == 334 * 3140);
  CHECK(cost.download_bytes >= blob.size());
  CHECK(cost.download_bytes < blob.size() + 334 * 2);
}

TEST_CASE("malformed rebuild input is reported") {
  CHECK(!RsRebuildCode::make(3));
  CHECK(!RsRebuildCode::make(10, 0));
  CHECK(!RsRebuildCode::make(10, 10));
  CHECK(RsRebuildCode::make(10, 9));
  const auto code = *RsRebuildCode::make(7);
  const Bytes blob = testing::seeded_blob(300, 6);
  const RsRebuildBlob encoded = encode(code, blob);
  std::vector<std::vector<std::uint8_t>> rebuilt;
  BaselineRepairCost cost;
  const PieceIndex lost = piece(5);
  auto repair = [&](const std::vector<PieceRef>& live, std::span<const PieceIndex> which) {
    return rs_rebuild_repair(code, blob.size(), live, which, &rebuilt, &cost);
  };
  CHECK(repair(refs(encoded, {0, 0, 1}), {&lost, 1}) == BaselineStatus::kDuplicatePiece);
  auto bad = refs(encoded, {0, 1, 2});
  bad[1].index = piece(7);
  CHECK(repair(bad, {&lost, 1}) == BaselineStatus::kInvalidPieceIndex);
  bad = refs(encoded, {0, 1, 2});
  bad[2].data = bad[2].data.first(bad[2].data.size() - 2);
  CHECK(repair(bad, {&lost, 1}) == BaselineStatus::kWrongPieceSize);
  const std::vector<PieceIndex> twice{piece(5), piece(5)};
  CHECK(repair(refs(encoded, {0, 1, 2}), twice) == BaselineStatus::kDuplicatePiece);
  const PieceIndex outside = piece(7);
  CHECK(repair(refs(encoded, {0, 1, 2}), {&outside, 1}) == BaselineStatus::kInvalidPieceIndex);
  CHECK(cost == BaselineRepairCost{});
  CHECK(describe(BaselineStatus::kTooFewPieces) == "too few pieces to repair");
}
