// The scheme factory (see scheme_factory.hpp).
#include "sim/schemes/scheme_factory.hpp"

#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "sim/schemes/msr_bound_scheme.hpp"
#include "sim/schemes/redstuff_scheme.hpp"
#include "sim/schemes/replication_scheme.hpp"
#include "sim/schemes/rs_rebuild_scheme.hpp"

namespace sliversim::schemes {
namespace {

constexpr std::array<std::string_view, 4> kNames = {"redstuff", "rs_rebuild", "replication",
                                                    "msr_bound"};

std::unique_ptr<StorageScheme> make_named(std::string_view name, const SchemeConfig& config) {
  if (name == "redstuff") {
    return RedStuffScheme::make(config.n_shards, {config.threads, config.helper_cache});
  }
  if (name == "rs_rebuild") return RsRebuildScheme::make(config.n_shards, config.threads);
  if (name == "replication") {
    return ReplicationScheme::make(config.n_shards, config.replication_copies, config.threads);
  }
  return MsrBoundScheme::make(config.n_shards);
}

}  // namespace

std::span<const std::string_view> scheme_names() { return kNames; }

std::unique_ptr<StorageScheme> make_scheme(std::string_view name, const SchemeConfig& config,
                                           std::string* error) {
  std::string why;
  std::unique_ptr<StorageScheme> scheme;
  if (std::find(kNames.begin(), kNames.end(), name) == kNames.end()) {
    why = fmt::format("unknown scheme \"{}\" (known: redstuff, rs_rebuild, replication, msr_bound)",
                      name);
  } else {
    scheme = make_named(name, config);
    if (scheme == nullptr && name == "replication") {
      why = fmt::format("replication needs 1 to {} copies (the shard count), got {}",
                        config.n_shards, config.replication_copies);
    } else if (scheme == nullptr) {
      why = fmt::format("{} does not support {} shards", name, config.n_shards);
    }
  }
  if (error != nullptr) *error = why;
  return scheme;
}

}  // namespace sliversim::schemes
