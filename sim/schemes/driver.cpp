// Replay of the recorded world in one scheme's simulator: every world event is re-scheduled at
// its time and phase; node state, blob writes and expiries, data losses and failures are applied
// here, the rest is dispatched to the other driver_*.cpp files.
#include "sim/schemes/driver.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cstring>

#include "sim/kernel/invariant.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/kernel/trace_digest.hpp"

namespace sliversim::schemes {
namespace {

// Steps of a replay (see SchemeDriver::run).
constexpr std::int64_t kProgressSteps = 400;

}  // namespace

using kernel::Ticks;
using model::BlobIndex;
using model::NodeId;
using model::ShardId;
using model::WorldEventKind;

DriverOptions driver_options(const scenario::ScenarioConfig& config) {
  DriverOptions o;
  o.detection_delay = Ticks::from_seconds(config.network.detection_delay_seconds);
  o.sync_timeout = Ticks::from_hours(config.epochs.sync_timeout_hours);
  o.latency_enabled = config.network.latency_enabled;
  o.challenge_blobs_per_shard = config.challenges ? config.challenges->blobs_per_shard : 0;
  return o;
}

BlobStream::BlobStream(std::uint64_t seed, BlobIndex blob, std::uint64_t size)
    : rng_(kernel::make_stream(seed, "blob_content", model::index_of(blob))), size_(size) {}

void BlobStream::read(std::span<std::uint8_t> out) {
  kernel::check_invariant(out.size() <= size_ - read_, "a blob read past its end");
  read_ += out.size();
  std::size_t at = 0;
  for (; at < out.size() && word_left_ > 0; ++at, --word_left_) {  // the word begun before
    out[at] = static_cast<std::uint8_t>(word_ >> (8 * (8 - word_left_)));
  }
  for (; at + 8 <= out.size(); at += 8) {
    const std::uint64_t word = rng_.next_u64();
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(out.data() + at, &word, 8);  // the same little-endian bytes, one store
    } else {
      for (std::size_t i = 0; i < 8; ++i) out[at + i] = static_cast<std::uint8_t>(word >> (8 * i));
    }
  }
  if (at == out.size()) return;
  word_ = rng_.next_u64();
  for (word_left_ = 8; at < out.size(); ++at, --word_left_) {
    out[at] = static_cast<std::uint8_t>(word_ >> (8 * (8 - word_left_)));
  }
}

std::vector<std::uint8_t> blob_content(std::uint64_t seed, BlobIndex blob, std::uint64_t size) {
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  BlobStream(seed, blob, size).read(bytes);
  return bytes;
}

std::uint64_t adversary_hash(std::uint64_t seed, NodeId node, BlobIndex blob, ShardId shard) {
  std::uint64_t h = kernel::mix64(seed ^ 0xAD5E7A11D0C0FFEEULL);
  h = kernel::mix64(h ^ model::index_of(node));
  h = kernel::mix64(h ^ model::index_of(blob));
  return kernel::mix64(h ^ model::index_of(shard));
}

SchemeDriver::SchemeDriver(const model::WorldTrace& trace, StorageScheme& scheme,
                           DriverOptions options)
    : trace_(trace),
      scheme_(scheme),
      options_(options),
      n_(trace.n_shards),
      threshold_(scheme.read_threshold()),
      sim_(trace.seed),
      store_(trace.n_shards),
      metrics_(trace.epochs.size()),
      nodes_(trace.nodes.size()),
      blobs_(trace.blobs.size()),
      owners_(trace.n_shards, model::kNoNode),
      unsynced_(trace.n_shards, false),
      synced_count_(trace.n_shards) {
  model::NetworkOptions net_options;
  net_options.phase = kPhaseNetwork;
  net_options.event_tag = kernel::fnv1a64("network");
  net_ = std::make_unique<model::Network>(sim_, net_options);
  for (const model::NodeInfo& info : trace.nodes) {
    net_->set_node_capacity(info.id, info.uplink_bytes_per_s, info.downlink_bytes_per_s);
    nodes_[model::index_of(info.id)].joined = info.initial;
  }
}

SchemeDriver::~SchemeDriver() = default;

SchemeOutcome SchemeDriver::run(SchemeObserver* observer, std::size_t index) {
  sim_.check(!ran_, "SchemeDriver::run called twice");
  ran_ = true;
  schedule_world_events();
  // Determinism: the same steps with or without an observer (events keep their order across
  // steps; each runs at its own time).
  const std::int64_t step = std::max<std::int64_t>(trace_.duration.count() / kProgressSteps, 1);
  for (Ticks t{}; t < trace_.duration;) {
    t = std::min(t + Ticks::microseconds(step), trace_.duration);
    sim_.run_until(t);
    if (observer != nullptr) {
      observer->on_scheme_progress(
          {index, scheme_.name(), t, trace_.duration, sim_.executed_count(), false});
    }
  }
  if (trace_.duration.count() <= 0) sim_.run_until(trace_.duration);
  finish_run();
  if (observer != nullptr) {
    observer->on_scheme_progress(
        {index, scheme_.name(), trace_.duration, trace_.duration, sim_.executed_count(), true});
  }
  SchemeOutcome out;
  out.name = std::string(scheme_.name());
  out.analytic = scheme_.analytic();
  out.read_threshold = threshold_;
  out.metrics = metrics_;
  out.kernel_events = sim_.executed_count();
  out.digest_hex = sim_.digest_hex();
  out.network = net_->counters();
  out.peak_held_bytes = peak_held_bytes_;
  out.codec_calls = codec_calls_;
  out.codec_targets = codec_targets_;
  out.encode_seconds = encode_seconds_;
  out.repair_seconds = repair_seconds_;
  return out;
}

void SchemeDriver::schedule_world_events() {
  // Determinism: the trace's events are in execution order and keep their phases, so
  // simultaneous events run in the world's order.
  for (std::size_t i = 0; i < trace_.events.size(); ++i) {
    const model::WorldEvent& e = trace_.events[i];
    const std::uint64_t subject = e.node == model::kNoNode ? e.index : model::index_of(e.node);
    sim_.schedule_at(e.time, model::world_event_phase(e.kind), model::event_tag(e.kind, subject),
                     [this, i](kernel::Simulator&) { apply(trace_.events[i]); });
  }
}

void SchemeDriver::apply(const model::WorldEvent& e) {
  switch (e.kind) {
    case WorldEventKind::kEpochStart:
      on_epoch_start(e.index);
      break;
    case WorldEventKind::kNodeJoin:
      nodes_[model::index_of(e.node)].joined = true;
      nodes_[model::index_of(e.node)].state = model::NodeState::kUp;
      break;
    case WorldEventKind::kNodeDown:
      on_node_down(e.node);
      break;
    case WorldEventKind::kNodeUp:
      on_node_up(e.node);
      break;
    case WorldEventKind::kDataLoss:
      on_data_loss(e.node, false);
      break;
    case WorldEventKind::kNodeFail:
      on_data_loss(e.node, true);
      break;
    case WorldEventKind::kNodeLeave:
      nodes_[model::index_of(e.node)].state = model::NodeState::kLeft;
      break;
    case WorldEventKind::kAdversaryStart:
      on_adversary_start(e.node);
      break;
    case WorldEventKind::kBlobWrite:
      on_blob_write(model::id_at<BlobIndex>(e.index));
      break;
    case WorldEventKind::kBlobExpire:
      on_blob_expire(model::id_at<BlobIndex>(e.index));
      break;
    case WorldEventKind::kChallengeRound:
      on_challenge_round(e.index);
      break;
  }
}

bool SchemeDriver::is_up(NodeId node) const {
  if (node == model::kNoNode) return false;
  const NodeStatus& s = nodes_[model::index_of(node)];
  return s.joined && s.state == model::NodeState::kUp;
}

std::vector<ShardId> SchemeDriver::shards_of(NodeId node) const {
  std::vector<ShardId> shards;
  for (std::size_t s = 0; s < n_; ++s) {
    if (owners_[s] == node) shards.push_back(model::id_at<ShardId>(s));
  }
  return shards;
}

void SchemeDriver::erase_unit(BlobIndex blob, ShardId shard) {
  const UnitState before = unit_state(blob, shard);
  if (store_.state(blob, shard) == UnitState::kAbsent) return;
  store_.erase(blob, shard);
  hidden_.erase({static_cast<std::uint32_t>(blob), static_cast<std::uint32_t>(shard)});
  on_unit_changed(blob, shard, before == UnitState::kValid);
}

void SchemeDriver::on_node_down(NodeId node) {
  if (!is_up(node)) return;
  nodes_[model::index_of(node)].state = model::NodeState::kDown;
  net_->pause_node(node);
  on_reachability_changed(node, false);
}

void SchemeDriver::on_node_up(NodeId node) {
  NodeStatus& status = nodes_[model::index_of(node)];
  if (status.state != model::NodeState::kDown) return;
  status.state = model::NodeState::kUp;
  net_->resume_node(node);
  on_reachability_changed(node, true);
  // Walrus nodes sync the blobs they missed while down: recover every absent unit.
  for (const ShardId shard : shards_of(node)) {
    for (std::size_t b = 0; b < blobs_.size(); ++b) {
      const BlobIndex blob = model::id_at<BlobIndex>(b);
      if (!blobs_[b].live || blobs_[b].lost || !scheme_.holds_unit(blob, shard)) continue;
      if (unit_state(blob, shard) == UnitState::kAbsent) {
        request_repair(blob, shard, options_.detection_delay);
      }
    }
  }
  retry_waiting();
}

void SchemeDriver::on_data_loss(NodeId node, bool dead) {
  NodeStatus& status = nodes_[model::index_of(node)];
  if (dead) {
    on_node_down(node);
    status.state = model::NodeState::kDead;
    for (const model::FlowEnd& end : net_->fail_node_flows(node)) on_flow_failed(end, node);
    std::vector<std::uint64_t> own;
    for (const auto& [id, job] : jobs_) {
      if (job.node == node) own.push_back(id);
    }
    for (const std::uint64_t id : own) abort_job(id, false);
  }
  for (const ShardId shard : shards_of(node)) {
    for (std::size_t b = 0; b < blobs_.size(); ++b) {
      const BlobIndex blob = model::id_at<BlobIndex>(b);
      if (store_.state(blob, shard) == UnitState::kAbsent) continue;
      erase_unit(blob, shard);
      // A node that lost data but lives recovers its units after the detection delay; a dead
      // node's shards are recovered by their next owner at the next epoch start.
      if (!dead) request_repair(blob, shard, options_.detection_delay);
    }
  }
}

void SchemeDriver::on_blob_write(BlobIndex blob) {
  const model::BlobRecord& record = trace_.blobs[model::index_of(blob)];
  blobs_[model::index_of(blob)].live = true;
  {
    BlobStream content(trace_.seed, blob, record.size_bytes);
    const auto started = std::chrono::steady_clock::now();
    scheme_.encode(blob, content, store_);
    encode_seconds_ +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }
  for (std::size_t s = 0; s < n_; ++s) {
    const ShardId shard = model::id_at<ShardId>(s);
    if (!scheme_.holds_unit(blob, shard)) continue;
    if (scheme_.analytic() && store_.state(blob, shard) == UnitState::kAbsent) {
      store_.put(blob, shard, {});
    }
    // An owner that is down (or gone) misses the write.
    if (!is_up(owners_[s])) store_.erase(blob, shard);
  }
  recount_blob(blob);
  check_blob(blob);
  peak_held_bytes_ = std::max(peak_held_bytes_, store_.held_bytes());
}

void SchemeDriver::on_blob_expire(BlobIndex blob) {
  BlobStatus& status = blobs_[model::index_of(blob)];
  close_unavailability(blob);
  for (std::size_t s = 0; s < n_; ++s) store_.erase(blob, model::id_at<ShardId>(s));
  const std::uint32_t b = static_cast<std::uint32_t>(blob);
  hidden_.erase(hidden_.lower_bound({b, 0}), hidden_.lower_bound({b + 1, 0}));
  scheme_.forget(blob);
  forget_repairs(blob);
  status.live = false;
  status.valid = 0;
  status.reachable = 0;
  check_all_unsynced();
}

void SchemeDriver::record_epoch_peak() {
  double peak = 0.0;
  for (const model::NodeInfo& info : trace_.nodes) {
    const model::NodeTraffic t = net_->node_traffic(info.id);
    peak =
        std::max({peak, t.interval_peak_uplink_bytes_per_s, t.interval_peak_downlink_bytes_per_s});
  }
  EpochMetrics& m = metrics_.now();
  m.peak_node_bandwidth_bytes_per_s = std::max(m.peak_node_bandwidth_bytes_per_s, peak);
  net_->reset_interval_peaks();
}

void SchemeDriver::finish_run() {
  // Units rebuilt for jobs still in flight never arrived: the store shows what the driver saw.
  for (const auto& [key, hidden] : hidden_) {
    store_.erase(model::id_at<BlobIndex>(key.first), model::id_at<ShardId>(key.second));
  }
  hidden_.clear();
  for (std::size_t b = 0; b < blobs_.size(); ++b) {
    if (blobs_[b].live) close_unavailability(model::id_at<BlobIndex>(b));
  }
  record_epoch_peak();
}

}  // namespace sliversim::schemes
