// The blob population: initial representatives, Poisson writes and expiries.
#include "sim/model/blob_population.hpp"

#include <algorithm>
#include <cmath>

#include "sim/kernel/samplers.hpp"
#include "sim/model/distribution_config.hpp"

namespace sliversim::model {

std::uint64_t largest_blob_bytes(std::uint32_t n_shards) {
  const std::uint64_t f = (n_shards - 1) / 3;
  const std::uint64_t k_primary = n_shards - 2 * f;
  const std::uint64_t k_secondary = n_shards - f;
  return k_primary * k_secondary * 65534;
}

BlobPopulation::BlobPopulation(const std::vector<scenario::BlobClassConfig>& classes,
                               std::uint32_t n_shards, kernel::Ticks epoch_length,
                               WorldState& world, const kernel::RngStreams& streams,
                               kernel::Ticks horizon)
    : world_(world),
      max_bytes_(largest_blob_bytes(n_shards)),
      epoch_length_(epoch_length),
      horizon_(horizon) {
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const scenario::BlobClassConfig& bc = classes[c];
    classes_.push_back(ClassProcess{to_distribution(bc.size_bytes), streams.stream("blobs.size", c),
                                    streams.stream("blobs.write", c),
                                    bc.write_rate_per_day > 0.0 ? 1.0 / bc.write_rate_per_day : 0.0,
                                    bc.initial_count, bc.lifetime_epochs, bc.weight});
  }
}

void BlobPopulation::start() {
  world_.sim().schedule_at(kernel::Ticks{}, kPhaseBlob, event_tag(WorldEventKind::kBlobWrite, 0),
                           [this](kernel::Simulator&) {
                             for (std::size_t c = 0; c < classes_.size(); ++c) {
                               for (std::uint32_t i = 0; i < classes_[c].initial_count; ++i) {
                                 write(c);
                               }
                             }
                           });
  for (std::size_t c = 0; c < classes_.size(); ++c) schedule_next(c, kernel::Ticks{});
}

void BlobPopulation::schedule_next(std::size_t blob_class, kernel::Ticks from) {
  ClassProcess& p = classes_[blob_class];
  if (p.mean_gap_days <= 0.0) return;
  const kernel::Ticks at =
      from + kernel::Ticks::from_days(kernel::exponential(p.write_rng, p.mean_gap_days));
  if (at >= horizon_) return;
  world_.sim().schedule_at(at, kPhaseBlob, event_tag(WorldEventKind::kBlobWrite, blob_class),
                           [this, blob_class](kernel::Simulator& sim) {
                             write(blob_class);
                             schedule_next(blob_class, sim.now());
                           });
}

void BlobPopulation::write(std::size_t blob_class) {
  ClassProcess& p = classes_[blob_class];
  const double drawn = std::round(p.size_bytes.sample(p.size_rng));
  const double clamped = std::clamp(drawn, 0.0, static_cast<double>(max_bytes_));
  const auto epoch = static_cast<std::uint32_t>(world_.trace().epochs.size() - 1);
  BlobRecord blob;
  blob.blob_class = id_at<BlobClassId>(blob_class);
  blob.size_bytes = std::min(static_cast<std::uint64_t>(clamped), max_bytes_);
  blob.weight = p.weight;
  blob.written_at = world_.sim().now();
  blob.written_epoch = epoch;
  blob.expires_at = epoch_length_ * (std::int64_t{epoch} + p.lifetime_epochs);
  const BlobIndex id = world_.add_blob(blob);
  if (blob.expires_at >= horizon_) return;
  world_.sim().schedule_at(blob.expires_at, kPhaseBlobExpiry,
                           event_tag(WorldEventKind::kBlobExpire, index_of(id)),
                           [this, id](kernel::Simulator&) { world_.expire_blob(id); });
}

}  // namespace sliversim::model
