// BLAKE2b-256 through libsodium, and the choice of batch implementation (see blake2b.hpp).
#include "codec/blake2b.hpp"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

#include "codec/blake2b_simd.hpp"

namespace sliversim::codec {
namespace {

// libsodium picks its fastest BLAKE2b implementation in sodium_init(); without it the portable
// one runs. sodium_init is idempotent and thread-safe; the static makes it run once per process.
void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) std::abort();
}

void libsodium_batch(std::uint8_t prefix, const std::uint8_t* data, std::size_t message_bytes,
                     std::size_t stride, std::size_t count, Digest* out) {
  ensure_sodium();
  // Short messages (every leaf of a small blob, every inner node) are copied behind the prefix
  // and hashed in one call: measured cheaper than three streaming calls.
  constexpr std::size_t kShortBytes = 255;
  if (message_bytes <= kShortBytes) {
    std::uint8_t buffer[kShortBytes + 1];
    buffer[0] = prefix;
    for (std::size_t i = 0; i < count; ++i) {
      if (message_bytes > 0) std::memcpy(buffer + 1, data + i * stride, message_bytes);
      crypto_generichash(out[i].data(), kDigestBytes, buffer, message_bytes + 1, nullptr, 0);
    }
    return;
  }
  for (std::size_t i = 0; i < count; ++i) {
    out[i] = blake2b256_prefixed(prefix, {data + i * stride, message_bytes});
  }
}

}  // namespace

Digest blake2b256(std::span<const std::uint8_t> data) {
  ensure_sodium();
  Digest out;
  crypto_generichash(out.data(), out.size(), data.data(), data.size(), nullptr, 0);
  return out;
}

Digest blake2b256_prefixed(std::uint8_t prefix, std::span<const std::uint8_t> data) {
  ensure_sodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, kDigestBytes);
  crypto_generichash_update(&state, &prefix, 1);
  crypto_generichash_update(&state, data.data(), data.size());
  Digest out;
  crypto_generichash_final(&state, out.data(), out.size());
  return out;
}

bool hash_impl_supported(HashImpl impl) {
  switch (impl) {
    case HashImpl::kLibsodium:
      return true;
    case HashImpl::kAvx2:
      return __builtin_cpu_supports("avx2") != 0;
    case HashImpl::kAvx512:
      return __builtin_cpu_supports("avx512f") != 0;
  }
  return false;
}

HashImpl default_hash_impl() {
  static const HashImpl chosen = [] {
    const char* forced = std::getenv("SLIVERSIM_ISA");
    if (forced != nullptr && std::strcmp(forced, "scalar") == 0) return HashImpl::kLibsodium;
    for (const HashImpl best : {HashImpl::kAvx512, HashImpl::kAvx2}) {
      if (hash_impl_supported(best)) return best;
    }
    return HashImpl::kLibsodium;
  }();
  return chosen;
}

std::string_view hash_impl_name(HashImpl impl) {
  switch (impl) {
    case HashImpl::kLibsodium:
      return "libsodium";
    case HashImpl::kAvx2:
      return "avx2x4";
    case HashImpl::kAvx512:
      return "avx512x8";
  }
  return "unknown";
}

void blake2b256_prefixed_batch(std::uint8_t prefix, const std::uint8_t* data,
                               std::size_t message_bytes, std::size_t stride, std::size_t count,
                               Digest* out) {
  blake2b256_prefixed_batch(default_hash_impl(), prefix, data, message_bytes, stride, count, out);
}

void blake2b256_prefixed_batch(HashImpl impl, std::uint8_t prefix, const std::uint8_t* data,
                               std::size_t message_bytes, std::size_t stride, std::size_t count,
                               Digest* out) {
  switch (impl) {
    case HashImpl::kAvx512:
      detail::blake2b256_prefixed_batch_avx512(prefix, data, message_bytes, stride, count, out);
      return;
    case HashImpl::kAvx2:
      detail::blake2b256_prefixed_batch_avx2(prefix, data, message_bytes, stride, count, out);
      return;
    case HashImpl::kLibsodium:
      libsodium_batch(prefix, data, message_bytes, stride, count, out);
      return;
  }
}

void blake2b256_prefixed_batch(std::uint8_t prefix, std::span<const std::uint8_t* const> messages,
                               std::size_t message_bytes, Digest* out) {
  blake2b256_prefixed_batch(default_hash_impl(), prefix, messages, message_bytes, out);
}

void blake2b256_prefixed_batch(HashImpl impl, std::uint8_t prefix,
                               std::span<const std::uint8_t* const> messages,
                               std::size_t message_bytes, Digest* out) {
  switch (impl) {
    case HashImpl::kAvx512:
      detail::blake2b256_prefixed_gather_avx512(prefix, messages.data(), message_bytes,
                                                messages.size(), out);
      return;
    case HashImpl::kAvx2:
      detail::blake2b256_prefixed_gather_avx2(prefix, messages.data(), message_bytes,
                                              messages.size(), out);
      return;
    case HashImpl::kLibsodium:
      for (std::size_t i = 0; i < messages.size(); ++i) {
        out[i] = blake2b256_prefixed(prefix, {messages[i], message_bytes});
      }
      return;
  }
}

}  // namespace sliversim::codec
