// Decoding a target sliver's codeword from recovery symbols (see recovery_codeword.hpp).
#include "codec/recovery_codeword.hpp"

#include <cstdlib>
#include <vector>

#include "codec/rs16.hpp"
#include "codec/sliver_hashing.hpp"

namespace sliversim::codec {

Digest decode_expanded_target(const RedStuffParams& params, RecoveryTarget target,
                              std::size_t symbol_bytes,
                              std::span<const RecoverySymbol* const> symbols,
                              std::span<std::uint8_t> expanded) {
  const std::size_t n = params.n_shards();
  const std::size_t s = symbol_bytes;
  std::vector<ShardIn> received;
  received.reserve(symbols.size());
  for (const RecoverySymbol* symbol : symbols) {
    received.push_back({to_size(symbol->helper_index), symbol->data.data()});
  }
  std::vector<ShardOut> wanted(n);
  for (std::size_t i = 0; i < n; ++i) wanted[i] = {i, expanded.data() + i * s};
  // The callers check every precondition, so a codec error is a broken invariant.
  if (rs_decode(params.expansion_code(target.axis), Batch{s, 1, s}, received, wanted) !=
      RsStatus::kOk) {
    std::abort();
  }
  return symbols_merkle_root(expanded.data(), s, n);
}

}  // namespace sliversim::codec
