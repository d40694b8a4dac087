// The full-blob-rebuild RS baseline as a storage scheme (see rs_rebuild_scheme.hpp).
#include "sim/schemes/rs_rebuild_scheme.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "codec/parallel.hpp"
#include "sim/kernel/invariant.hpp"
#include "sim/schemes/helper_ring.hpp"

namespace sliversim::schemes {
namespace {

// A piece's digest: BLAKE2b-256 of this byte and the piece (so every piece of a blob is hashed
// in lane-parallel batches at encode time).
constexpr std::uint8_t kPieceDigestPrefix = 0;

codec::Digest piece_digest(std::span<const std::uint8_t> piece) {
  return codec::blake2b256_prefixed(kPieceDigestPrefix, piece);
}

}  // namespace

std::unique_ptr<RsRebuildScheme> RsRebuildScheme::make(std::size_t n_shards, std::size_t threads) {
  const std::optional<codec::RsRebuildCode> code = codec::RsRebuildCode::make(n_shards);
  if (!code) return nullptr;
  return std::unique_ptr<RsRebuildScheme>(new RsRebuildScheme(*code, threads));
}

const RsRebuildScheme::BlobRecord& RsRebuildScheme::record(model::BlobIndex blob) const {
  const std::size_t b = model::index_of(blob);
  kernel::check_invariant(b < blobs_.size() && blobs_[b].present,
                          "rs_rebuild: a blob that is not encoded");
  return blobs_[b];
}

RsRebuildScheme::BlobRecord& RsRebuildScheme::record(model::BlobIndex blob) {
  return const_cast<BlobRecord&>(std::as_const(*this).record(blob));
}

void RsRebuildScheme::encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) {
  const std::size_t b = model::index_of(blob);
  if (b >= blobs_.size()) blobs_.resize(b + 1);
  kernel::check_invariant(!blobs_[b].present, "rs_rebuild: a blob encoded twice");
  const std::size_t n = code_.n_shards();
  BlobRecord& rec = blobs_[b];
  rec.present = true;
  rec.unencoded_bytes = content.size();
  rec.piece_bytes = code_.piece_bytes(rec.unencoded_bytes);
  // Encoded straight into the units' own buffers, which the store then takes over.
  std::vector<std::vector<std::uint8_t>> units = new_units(n, rec.piece_bytes, threads_);
  std::vector<std::uint8_t*> pieces(n);
  for (std::size_t i = 0; i < n; ++i) pieces[i] = units[i].data();
  // The blob, in order, into pieces 0..k-1 (zeros past its end), then the recovery pieces.
  for (std::uint64_t at = 0, i = 0; at < rec.unencoded_bytes; at += rec.piece_bytes, ++i) {
    const auto take = static_cast<std::size_t>(
        std::min<std::uint64_t>(rec.piece_bytes, rec.unencoded_bytes - at));
    content.read({pieces[i], take});
  }
  kernel::check_invariant(codec::rs_rebuild_encode_parity(code_, rec.unencoded_bytes, pieces,
                                                          threads_) == codec::BaselineStatus::kOk,
                          "rs_rebuild: encoding failed");
  rec.digests.resize(n);
  rec.checked.resize(n);
  const std::vector<const std::uint8_t*> messages(pieces.begin(), pieces.end());
  codec::parallel_ranges(
      n, codec::resolve_threads(threads_), [&](std::size_t begin, std::size_t end) {
        codec::blake2b256_prefixed_batch(
            kPieceDigestPrefix,
            std::span<const std::uint8_t* const>(messages).subspan(begin, end - begin),
            rec.piece_bytes, rec.digests.data() + begin);
      });
  for (std::size_t i = 0; i < n; ++i) {
    const model::ShardId shard = model::id_at<model::ShardId>(i);
    store.put(blob, shard, std::move(units[i]));
    rec.checked[i] = store.version(blob, shard);  // the encoder's own bytes
  }
}

bool RsRebuildScheme::holds_unit(model::BlobIndex, model::ShardId) const { return true; }

std::uint64_t RsRebuildScheme::unit_bytes(model::BlobIndex blob, model::ShardId) const {
  return record(blob).piece_bytes;
}

std::uint64_t RsRebuildScheme::stored_bytes(model::BlobIndex blob) const {
  return static_cast<std::uint64_t>(record(blob).piece_bytes) * code_.n_shards();
}

void RsRebuildScheme::forget(model::BlobIndex blob) {
  const std::size_t b = model::index_of(blob);
  if (b < blobs_.size()) blobs_[b] = BlobRecord{};
}

RepairPlan RsRebuildScheme::plan_repair(model::BlobIndex blob, model::ShardId target,
                                        std::span<const ShardAvailability> shards) const {
  kernel::check_invariant(
      shards.size() == code_.n_shards() && model::index_of(target) < code_.n_shards(),
      "rs_rebuild: a repair planned with the wrong shard count");
  const BlobRecord& rec = record(blob);
  const std::size_t k = code_.source_pieces();
  const UnitHolders holders = unit_holders(blob, target, shards, k);
  RepairPlan plan;
  if (holders.stored < k) return plan;  // kUnrecoverable
  if (holders.live.size() < k) {
    plan.kind = PlanKind::kWait;
    return plan;
  }
  plan.kind = PlanKind::kRepair;
  for (const model::ShardId helper : holders.live) {
    HelperPart part{helper, {}, 0};
    part.bytes[ByteCategory::kFullBlob] = rec.piece_bytes;
    plan.helpers.push_back(part);
  }
  return plan;
}

std::vector<RepairResult> RsRebuildScheme::execute_repairs(model::BlobIndex blob,
                                                           std::span<const RepairRequest> requests,
                                                           UnitStore& store) {
  BlobRecord& rec = record(blob);
  std::map<std::size_t, PieceCheck> checked;  // by helper shard
  auto check = [&](model::ShardId shard) {
    const auto [it, inserted] = checked.try_emplace(model::index_of(shard), PieceCheck::kGood);
    if (inserted) it->second = check_piece(store, blob, shard, rec);
    return it->second;
  };
  std::vector<RepairResult> results(requests.size());
  std::vector<std::size_t> clean;  // requests whose helpers all hold verified pieces
  for (std::size_t r = 0; r < requests.size(); ++r) {
    const RepairPlan& plan = *requests[r].plan;
    kernel::check_invariant(plan.kind == PlanKind::kRepair, "rs_rebuild: execute without a plan");
    bool gone = false;
    for (const HelperPart& part : plan.helpers) {
      const PieceCheck c = check(part.helper);
      gone |= c == PieceCheck::kGone;
      if (c == PieceCheck::kBad) results[r].bad_helpers.push_back(part.helper);
    }
    if (!results[r].bad_helpers.empty()) {
      results[r].outcome = RepairOutcome::kHelperLied;
    } else if (!gone) {
      clean.push_back(r);
    }
  }
  if (!clean.empty()) rebuild(blob, requests, clean, store, results);
  return results;
}

RsRebuildScheme::PieceCheck RsRebuildScheme::check_piece(const UnitStore& store,
                                                         model::BlobIndex blob,
                                                         model::ShardId shard, BlobRecord& rec) {
  const UnitState state = store.state(blob, shard);
  const std::span<const std::uint8_t> piece = store.bytes(blob, shard);
  if ((state != UnitState::kValid && state != UnitState::kCorrupt) ||
      piece.size() != rec.piece_bytes) {
    return PieceCheck::kGone;
  }
  const std::size_t i = model::index_of(shard);
  const std::uint64_t version = store.version(blob, shard);
  if (rec.checked[i] == version) return PieceCheck::kGood;
  if (piece_digest(piece) != rec.digests[i]) return PieceCheck::kBad;
  rec.checked[i] = version;
  return PieceCheck::kGood;
}

void RsRebuildScheme::rebuild(model::BlobIndex blob, std::span<const RepairRequest> requests,
                              const std::vector<std::size_t>& clean, UnitStore& store,
                              std::vector<RepairResult>& results) {
  BlobRecord& rec = record(blob);
  std::vector<codec::PieceRef> live;
  std::vector<bool> is_live(code_.n_shards(), false);
  for (const HelperPart& part : requests[clean.front()].plan->helpers) {
    live.push_back({static_cast<codec::PieceIndex>(model::index_of(part.helper)),
                    store.bytes(blob, part.helper)});
    is_live[model::index_of(part.helper)] = true;
  }
  std::vector<codec::PieceIndex> lost;
  std::vector<std::size_t> lost_request;
  for (const std::size_t r : clean) {
    const std::size_t target = model::index_of(requests[r].target);
    if (is_live[target]) {  // a verified piece already: nothing to rebuild
      results[r].outcome = RepairOutcome::kRebuilt;
      continue;
    }
    lost.push_back(static_cast<codec::PieceIndex>(target));
    lost_request.push_back(r);
  }
  std::vector<std::vector<std::uint8_t>> rebuilt;
  codec::BaselineRepairCost cost;
  kernel::check_invariant(codec::rs_rebuild_repair(code_, rec.unencoded_bytes, live, lost, &rebuilt,
                                                   &cost, threads_) == codec::BaselineStatus::kOk,
                          "rs_rebuild: verified pieces failed to decode");
  for (std::size_t j = 0; j < lost.size(); ++j) {
    const model::ShardId target = requests[lost_request[j]].target;
    const std::size_t i = model::index_of(target);
    if (piece_digest(rebuilt[j]) != rec.digests[i]) continue;  // kFailed
    store.put(blob, target, std::move(rebuilt[j]));
    rec.checked[i] = store.version(blob, target);
    results[lost_request[j]].outcome = RepairOutcome::kRebuilt;
  }
}

}  // namespace sliversim::schemes
