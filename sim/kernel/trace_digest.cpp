// Text form of the trace digest.
#include "sim/kernel/trace_digest.hpp"

namespace sliversim::kernel {

std::string TraceDigest::hex() const {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    const int shift = 60 - 4 * i;
    out[static_cast<std::size_t>(i)] = kDigits[(hi_ >> shift) & 0xF];
    out[static_cast<std::size_t>(16 + i)] = kDigits[(lo_ >> shift) & 0xF];
  }
  return out;
}

}  // namespace sliversim::kernel
