// The interface between the scheme driver (replay of the world, network, jobs, metrics) and one
// storage scheme (what each shard stores of a blob and how a lost unit is rebuilt). The driver
// never sees codec types; a scheme never sees time, nodes or the network. See README.md here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "sim/model/ids.hpp"
#include "sim/schemes/unit_store.hpp"

namespace sliversim::schemes {

// Where repair bytes go in the results (`repair_bytes.<category>`).
enum class ByteCategory : std::uint8_t {
  kSymbols,   // recovery symbol payload (redstuff)
  kProofs,    // Merkle proofs and symbol framing (redstuff)
  kMetadata,  // blob metadata fetched by a node that lacks it (redstuff)
  kTransfer,  // cooperative shard transfer at an epoch change (every scheme)
  kFullBlob,  // whole pieces or copies downloaded to rebuild (rs_rebuild, replication, msr_bound)
};
inline constexpr std::size_t kByteCategories = 5;
std::string_view category_name(ByteCategory c);

// Byte counts by category, for one representative (the driver multiplies by its weight).
struct ByteCounts {
  std::array<std::uint64_t, kByteCategories> by_category{};
  std::uint64_t& operator[](ByteCategory c) { return by_category[static_cast<std::size_t>(c)]; }
  std::uint64_t operator[](ByteCategory c) const {
    return by_category[static_cast<std::size_t>(c)];
  }
  std::uint64_t total() const;
};

// What the driver knows about every shard of one blob when a repair is planned.
struct ShardAvailability {
  UnitState state = UnitState::kAbsent;  // what the shard's store holds
  bool reachable = false;                // its owner is up
  bool honest = true;                    // its owner answers truthfully
  // Read for the target only (redstuff): its owner still keeps the blob's metadata, so the
  // repair does not fetch it. False (the default) after a data loss or for a new owner.
  bool has_metadata = false;
};

// One helper's part of a repair: the shard it answers for and the bytes it sends.
struct HelperPart {
  model::ShardId helper;
  ByteCounts bytes;
  std::uint8_t role = 0;  // private to the scheme (redstuff: which slivers it answers for)
};

enum class PlanKind : std::uint8_t {
  kRepair,         // run `helpers` now
  kWait,           // not repairable now, may become so (e.g. two-phase: needs other repairs first)
  kUnrecoverable,  // the blob is lost for this scheme
};

// How to rebuild the unit of (blob, target shard).
struct RepairPlan {
  PlanKind kind = PlanKind::kUnrecoverable;
  std::vector<HelperPart> helpers;  // in the order the scheme will use them
  bool fetch_metadata = false;      // redstuff: the target lacks the blob's metadata
  std::uint8_t stage = 0;           // private to the scheme (redstuff: which slivers it rebuilds)
};

enum class RepairOutcome : std::uint8_t {
  kRebuilt,     // the unit was rebuilt from real bytes, verified and stored
  kHelperLied,  // a helper's data failed verification: plan again without it (see bad_helpers)
  kFailed,      // not enough valid data, or a helper no longer holds its unit: plan again later
  // Redstuff two-phase repair: the secondary sliver was rebuilt and stored (UnitState::kPartial)
  // but the primary still needs more secondary slivers network-wide. Plan again after other
  // repairs of the blob (plan_repair says kWait until the primary is recoverable).
  kPartial,
};

struct RepairResult {
  RepairOutcome outcome = RepairOutcome::kFailed;
  std::vector<model::ShardId> bad_helpers;  // helpers caught by proofs or checks
};

// The bytes of a blob being written, produced in order: a scheme reads them piece by piece into
// its own units, so no copy of the whole blob is held besides them.
class BlobContent {
 public:
  virtual ~BlobContent() = default;
  // The blob's length in bytes.
  virtual std::uint64_t size() const = 0;
  // Writes the next out.size() bytes of the blob. REQUIRES: at most size() bytes read in all.
  virtual void read(std::span<std::uint8_t> out) = 0;
};

// The content of bytes already in memory (they must outlive it).
class SpanContent final : public BlobContent {
 public:
  explicit SpanContent(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  std::uint64_t size() const override { return bytes_.size(); }
  void read(std::span<std::uint8_t> out) override;

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t at_ = 0;
};

// One unit to rebuild: the target shard and the plan made for it.
struct RepairRequest {
  model::ShardId target;
  const RepairPlan* plan = nullptr;
};

// One storage scheme (one object per scheme per run). Calls are made one at a time, except that
// execute_repairs may run for different blobs at once: each call reads and writes only its blob's
// units (whose slots exist) and what the scheme keeps for that blob. It may use internal worker
// threads; its results never depend on them.
class StorageScheme {
 public:
  virtual ~StorageScheme() = default;
  virtual std::string_view name() const = 0;
  // True for msr_bound: no bytes are stored or rebuilt, only counted (labelled in the results).
  virtual bool analytic() const = 0;
  // Encodes a written blob with the real codec and stores its unit on every shard that holds
  // one (all n shards, or the r replica shards) in `store`. Reads the whole content once, in
  // order (an analytic scheme only its size).
  virtual void encode(model::BlobIndex blob, BlobContent& content, UnitStore& store) = 0;
  // The same for bytes in memory. (Schemes say `using StorageScheme::encode;` to keep it.)
  void encode(model::BlobIndex blob, std::span<const std::uint8_t> bytes, UnitStore& store);
  // Valid units needed to read the blob (k_p, k_p, 1, k); fewer stored means lost.
  virtual std::size_t read_threshold() const = 0;
  // True when `shard` holds a unit of `blob` in this scheme (false off the replica ring).
  virtual bool holds_unit(model::BlobIndex blob, model::ShardId shard) const = 0;
  // Bytes of the unit on `shard` (a cooperative transfer moves these).
  virtual std::uint64_t unit_bytes(model::BlobIndex blob, model::ShardId shard) const = 0;
  // Bytes stored for the blob over all shards (for the memory budget and storage overhead).
  virtual std::uint64_t stored_bytes(model::BlobIndex blob) const = 0;
  // Plans the rebuild of (blob, target) from shards[0..n) as the driver sees them now.
  virtual RepairPlan plan_repair(model::BlobIndex blob, model::ShardId target,
                                 std::span<const ShardAvailability> shards) const = 0;
  // Rebuilds the units of several targets of one blob with real bytes read from the helpers'
  // units in `store` (helpers serve every target from one expansion of their unit), verifies
  // each and stores it on its target. Returns one result per request, in order. Helper work is
  // paid once per call, so pass all targets of a blob that are ready together. Analytic
  // schemes only store the targets' empty placeholder units. REQUIRES: distinct targets, each
  // with a kRepair plan made by this scheme for this blob.
  virtual std::vector<RepairResult> execute_repairs(model::BlobIndex blob,
                                                    std::span<const RepairRequest> requests,
                                                    UnitStore& store) = 0;
  // Forgets a blob (expiry): releases whatever the scheme keeps for it outside the store.
  virtual void forget(model::BlobIndex blob) = 0;
};

}  // namespace sliversim::schemes
