// codec_bench --section hash: batched BLAKE2b-256 (the Merkle leaves and inner nodes of RedStuff)
// in every implementation this CPU runs, over the message sizes a run at n = 1000 hashes: inner
// nodes (64 bytes), and leaves of the 64 MiB, 256 MiB and 1 GiB blobs' symbols.
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "bench/codec_bench.hpp"
#include "codec/blake2b.hpp"

namespace sliversim::bench {
namespace {

using codec::HashImpl;

const char* impl_name(HashImpl impl) {
  switch (impl) {
    case HashImpl::kAvx512:
      return "avx512 (8 lanes)";
    case HashImpl::kAvx2:
      return "avx2 (4 lanes)";
    case HashImpl::kLibsodium:
      return "libsodium";
  }
  return "?";
}

}  // namespace

void hash_section(const BenchOptions& opt, std::vector<Table>& out) {
  Table t("BLAKE2b-256 of a batch of equal messages (one thread)",
          {"message", "implementation", "ns per message", "GB/s"});
  const std::size_t count = opt.quick ? 64 : 1024;
  const std::vector<std::size_t> sizes =
      opt.quick ? std::vector<std::size_t>{64} : std::vector<std::size_t>{64, 302, 1206, 4820};
  for (const std::size_t size : sizes) {
    std::vector<std::uint8_t> data(count * size);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 131 + 7);
    std::vector<codec::Digest> digests(count);
    for (const HashImpl impl : {HashImpl::kAvx512, HashImpl::kAvx2, HashImpl::kLibsodium}) {
      if (!codec::hash_impl_supported(impl)) continue;
      const double seconds = best_seconds(
          [&] {
            codec::blake2b256_prefixed_batch(impl, 0, data.data(), size, size, count,
                                             digests.data());
          },
          opt.min_seconds / 4);
      const double ns = seconds / static_cast<double>(count) * 1e9;
      t.add_row({bytes_label(size), impl_name(impl), fmt::format("{:.1f}", ns),
                 gbps(static_cast<double>(count * size), seconds)},
                {{"message_bytes", size},
                 {"implementation", impl_name(impl)},
                 {"ns_per_message", ns},
                 {"bytes_per_second", static_cast<double>(count * size) / seconds}});
    }
  }
  out.push_back(std::move(t));
}

}  // namespace sliversim::bench
