// Making a storage scheme by its results name: "redstuff", "rs_rebuild", "replication" or
// "msr_bound", for n shards. The driver and the tools need nothing else to pick schemes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "sim/schemes/storage_scheme.hpp"

namespace sliversim::schemes {

struct SchemeConfig {
  std::size_t n_shards = 0;
  std::size_t replication_copies = 3;  // replication: r
  std::size_t threads = 1;   // redstuff, rs_rebuild: codec workers per call (0 = hardware)
  bool helper_cache = true;  // redstuff: cache helpers' Merkle levels (no effect on results)
};

// The names make_scheme knows, in the order results list them.
std::span<const std::string_view> scheme_names();

// The scheme called `name`, or nullptr with *error (if given) saying why: an unknown name (the
// message lists the known ones), n_shards outside the scheme's range (RedStuff's 4..49155 for
// redstuff and msr_bound; rs_rebuild needs its RS(k_p -> n) code to exist), or
// replication_copies not in [1, n_shards]. *error is cleared on success.
std::unique_ptr<StorageScheme> make_scheme(std::string_view name, const SchemeConfig& config,
                                           std::string* error = nullptr);

}  // namespace sliversim::schemes
