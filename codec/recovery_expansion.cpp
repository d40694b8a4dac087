// Position-major expansion of helper slivers (see recovery_expansion.hpp).
#include "codec/recovery_expansion.hpp"

#include <cstdlib>
#include <vector>

#include "codec/rs16.hpp"

namespace sliversim::codec {
namespace {

// Bytes of one whole block of 32 elements inside a symbol (REDSTUFF.md §5).
constexpr std::size_t kSymbolBlockBytes = 64;

// One batch of `part` bytes per symbol at `offset` inside every s-byte symbol.
void encode_part(const RsCode& code, std::size_t s, std::size_t count, std::size_t offset,
                 std::size_t part, std::span<std::uint8_t> work) {
  const std::size_t k = code.original_count();
  const std::size_t n = code.total_count();
  std::vector<const std::uint8_t*> originals(k);
  std::vector<std::uint8_t*> recovery(n - k);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint8_t* base = work.data() + i * count * s + offset;
    if (i < k) {
      originals[i] = base;
    } else {
      recovery[i - k] = base;
    }
  }
  // The callers meet the preconditions, so a codec error is a broken invariant.
  if (rs_encode(code, Batch{part, count, s}, originals, recovery) != RsStatus::kOk) std::abort();
}

}  // namespace

void expand_position_major(const RedStuffParams& params, SliverAxis axis, std::size_t symbol_bytes,
                           std::size_t count, std::span<std::uint8_t> work) {
  const RsCode& code = params.expansion_code(axis);
  const std::size_t s = symbol_bytes;
  const std::size_t head = s - s % kSymbolBlockBytes;
  if (head != 0) encode_part(code, s, count, 0, head, work);
  if (head != s) encode_part(code, s, count, head, s - head, work);
}

}  // namespace sliversim::codec
