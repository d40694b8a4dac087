// The MSR cut-set bound (see baseline_msr_bound.hpp). Exact integer arithmetic, rounded up.
#include "codec/baseline_msr_bound.hpp"

namespace sliversim::codec {
namespace {

__extension__ typedef unsigned __int128 Wide;

std::uint64_t ceil_div(Wide num, Wide den) {
  return static_cast<std::uint64_t>((num + den - 1) / den);
}

}  // namespace

std::optional<MsrBound> msr_bound(std::uint64_t blob_bytes, std::size_t n_nodes, std::size_t k,
                                  std::size_t helpers) {
  if (k == 0 || k > helpers || helpers + 1 > n_nodes) return std::nullopt;
  const Wide l = blob_bytes;
  MsrBound bound;
  bound.storage_bytes = ceil_div(l * n_nodes, k);
  bound.repair_bytes = ceil_div(l * helpers, static_cast<Wide>(k) * (helpers - k + 1));
  return bound;
}

}  // namespace sliversim::codec
