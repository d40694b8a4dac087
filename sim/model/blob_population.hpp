// The blob population: for each blob class, initial_count representatives written at time 0
// (class by class) and then a Poisson process of write_rate_per_day writes (gaps from
// ("blobs.write", class)). Each size is drawn from the class's distribution
// (("blobs.size", class), initial blobs first), rounded to whole bytes and clamped to
// [0, the largest blob RedStuff encodes with n shards]. A blob written in epoch e expires at the
// end of epoch e + lifetime_epochs - 1 (a kBlobExpire event at that boundary, before the next
// epoch starts, when the boundary is before the horizon).
// Times and sizes only: nothing is encoded here.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/kernel/distribution.hpp"
#include "sim/kernel/rng.hpp"
#include "sim/model/world_state.hpp"
#include "sim/scenario/config.hpp"

namespace sliversim::model {

// The largest blob RedStuff encodes with n shards: k_p * k_s * 65534 bytes with
// f = floor((n - 1) / 3), k_p = n - 2f, k_s = n - f (REDSTUFF.md section 1).
// REQUIRES: n_shards >= 4.
std::uint64_t largest_blob_bytes(std::uint32_t n_shards);

class BlobPopulation {
 public:
  // REQUIRES: world and streams outlive this.
  BlobPopulation(const std::vector<scenario::BlobClassConfig>& classes, std::uint32_t n_shards,
                 kernel::Ticks epoch_length, WorldState& world, const kernel::RngStreams& streams,
                 kernel::Ticks horizon);

  // Schedules the initial writes (time 0) and every class's first write.
  void start();

 private:
  struct ClassProcess {
    kernel::Distribution size_bytes;
    kernel::Rng size_rng;
    kernel::Rng write_rng;
    double mean_gap_days = 0.0;  // 0: no writes after time 0
    std::uint32_t initial_count = 0;
    std::uint32_t lifetime_epochs = 0;
    double weight = 0.0;
  };

  void write(std::size_t blob_class);
  void schedule_next(std::size_t blob_class, kernel::Ticks from);

  WorldState& world_;
  std::uint64_t max_bytes_;
  kernel::Ticks epoch_length_;
  kernel::Ticks horizon_;
  std::vector<ClassProcess> classes_;
};

}  // namespace sliversim::model
