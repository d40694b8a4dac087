// Baseline: the cut-set bound at the minimum-storage regenerating (MSR) point (Dimakis et al.,
// "Network coding for distributed storage systems", IEEE Trans. Inf. Theory 56(9), 2010). With n
// nodes, any k of which hold the blob, each node stores alpha = L / k bytes and a lost node is
// regenerated from d helpers (k <= d <= n - 1) that each send beta = alpha / (d - k + 1), so
// repair moves gamma = d L / (k (d - k + 1)). Analytic only: no codec achieves it here, and the
// results label it as such.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace sliversim::codec {

struct MsrBound {
  std::uint64_t storage_bytes = 0;  // n alpha = n L / k, rounded up
  std::uint64_t repair_bytes = 0;   // gamma = d L / (k (d - k + 1)), rounded up
};

// The bound for a blob of `blob_bytes` bytes; nullopt unless 1 <= k <= d <= n - 1.
std::optional<MsrBound> msr_bound(std::uint64_t blob_bytes, std::size_t n_nodes, std::size_t k,
                                  std::size_t helpers);

}  // namespace sliversim::codec
