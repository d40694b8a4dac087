// Recursive (cache-oblivious) additive FFT/IFFT; the butterflies are exactly those of the
// layer-by-layer formulation in REDSTUFF.md §5, in a depth-first order.
#include "codec/fft16.hpp"

#include <algorithm>

namespace sliversim::codec::fft16 {
namespace {

using gf16::kModulus;
using gf16::Log;

// Butterflies of one block: x = shards [pos, pos+dist), y = [pos+dist, pos+2*dist).
void ifft_block(const gf16::Kernels& k, const Work& w, std::size_t pos, std::size_t dist,
                Log log_m) {
  std::uint8_t* x = w.shard(pos);
  std::uint8_t* y = w.shard(pos + dist);
  const std::size_t bytes = dist * w.shard_bytes;
  if (log_m == kModulus) {
    k.add(y, x, bytes);
  } else {
    k.ifft_butterfly(x, y, log_m, bytes);
  }
}

void fft_block(const gf16::Kernels& k, const Work& w, std::size_t pos, std::size_t dist,
               Log log_m) {
  std::uint8_t* x = w.shard(pos);
  std::uint8_t* y = w.shard(pos + dist);
  const std::size_t bytes = dist * w.shard_bytes;
  if (log_m == kModulus) {
    k.add(y, x, bytes);
  } else {
    k.fft_butterfly(x, y, log_m, bytes);
  }
}

}  // namespace

void ifft(const gf16::Kernels& k, const Work& w, std::size_t pos, std::size_t size,
          std::size_t truncated, std::size_t delta) {
  if (size <= 1 || truncated == 0) return;
  const std::size_t half = size / 2;
  ifft(k, w, pos, half, std::min(truncated, half), delta);
  if (truncated > half) ifft(k, w, pos + half, half, truncated - half, delta + half);
  ifft_block(k, w, pos, half, gf16::tables().skew[half + delta - 1]);
}

void fft(const gf16::Kernels& k, const Work& w, std::size_t pos, std::size_t size,
         std::size_t truncated, std::size_t delta) {
  if (size <= 1 || truncated == 0) return;
  const std::size_t half = size / 2;
  fft_block(k, w, pos, half, gf16::tables().skew[half + delta - 1]);
  fft(k, w, pos, half, std::min(truncated, half), delta);
  if (truncated > half) fft(k, w, pos + half, half, truncated - half, delta + half);
}

void formal_derivative(const gf16::Kernels& k, const Work& w, std::size_t size) {
  for (std::size_t i = 1; i < size; ++i) {
    const std::size_t width = i & (~i + 1);
    k.add(w.shard(i - width), w.shard(i), width * w.shard_bytes);
  }
}

}  // namespace sliversim::codec::fft16
