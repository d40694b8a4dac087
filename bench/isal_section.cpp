// codec_bench section: ISA-L's GF(2^8) Cauchy Reed–Solomon (Debian libisal) as a reference point.
#include <fmt/core.h>

#include <cstring>
#include <random>

#include "bench/codec_bench.hpp"

#ifdef SLIVERSIM_HAVE_ISAL
#include <isa-l/erasure_code.h>
#endif

namespace sliversim::bench {

#ifdef SLIVERSIM_HAVE_ISAL
namespace {

void measure_isal(int k, int r, std::size_t shard, const BenchOptions& opt, Table& t) {
  const int n = k + r;
  std::vector<unsigned char> matrix(static_cast<std::size_t>(n * k));
  gf_gen_cauchy1_matrix(matrix.data(), n, k);
  std::vector<unsigned char> g_tbls(static_cast<std::size_t>(k * r * 32));
  ec_init_tables(k, r, matrix.data() + k * k, g_tbls.data());
  std::vector<std::vector<unsigned char>> buf(static_cast<std::size_t>(n),
                                              std::vector<unsigned char>(shard));
  std::mt19937_64 rng(static_cast<std::uint64_t>(k * 31 + r));
  for (int i = 0; i < k; ++i) {
    for (auto& b : buf[static_cast<std::size_t>(i)]) b = static_cast<unsigned char>(rng());
  }
  std::vector<unsigned char*> ptr(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    ptr[static_cast<std::size_t>(i)] = buf[static_cast<std::size_t>(i)].data();
  const auto len = static_cast<int>(shard);
  const double enc =
      best_seconds([&] { ec_encode_data(len, k, r, g_tbls.data(), ptr.data(), ptr.data() + k); },
                   opt.min_seconds);
  // Decode: lose the first min(k, r) originals; invert the surviving rows once (not timed).
  const int lost = std::min(k, r);
  std::vector<unsigned char> sub(static_cast<std::size_t>(k * k));
  std::vector<unsigned char*> src;
  for (int row = lost, j = 0; j < k; ++row, ++j) {
    std::memcpy(sub.data() + j * k, matrix.data() + row * k, static_cast<std::size_t>(k));
    src.push_back(ptr[static_cast<std::size_t>(row)]);
  }
  std::vector<unsigned char> inv(static_cast<std::size_t>(k * k));
  if (gf_invert_matrix(sub.data(), inv.data(), k) != 0) std::abort();
  std::vector<unsigned char> dtbls(static_cast<std::size_t>(k * lost * 32));
  ec_init_tables(k, lost, inv.data(), dtbls.data());
  std::vector<std::vector<unsigned char>> out(static_cast<std::size_t>(lost),
                                              std::vector<unsigned char>(shard));
  std::vector<unsigned char*> outp;
  for (auto& o : out) outp.push_back(o.data());
  const double dec =
      best_seconds([&] { ec_encode_data(len, k, lost, dtbls.data(), src.data(), outp.data()); },
                   opt.min_seconds);
  if (out[0] != buf[0]) std::abort();
  const double original = static_cast<double>(k) * static_cast<double>(shard);
  t.add_row({fmt::format("{} + {}", k, r), bytes_label(shard), std::to_string(lost),
             gbps(original, enc), gbps(original, dec)},
            {{"k", k},
             {"r", r},
             {"shard_bytes", shard},
             {"lost_originals", lost},
             {"encode_gbps", original / enc / 1e9},
             {"decode_gbps", original / dec / 1e9}});
}

}  // namespace
#endif

void isal_section(const BenchOptions& opt, std::vector<Table>& out) {
  Table t("Reference: ISA-L GF(2^8) Cauchy RS, one thread (decode matrix inverted outside timing)",
          {"shape k + r", "shard", "lost", "encode GB/s", "decode GB/s"});
#ifdef SLIVERSIM_HAVE_ISAL
  const std::vector<std::size_t> shards =
      opt.quick ? std::vector<std::size_t>{4096} : std::vector<std::size_t>{1024, 4096, 65536};
  for (const auto& [k, r] : {std::pair{10, 4}, std::pair{128, 127}}) {
    for (std::size_t shard : shards) measure_isal(k, r, shard, opt, t);
  }
#else
  (void)opt;
  t.add_row({"skipped: built without ISA-L (Debian libisal-dev)", "", "", "", ""},
            {{"skipped", "built without ISA-L"}});
#endif
  out.push_back(std::move(t));
}

}  // namespace sliversim::bench
