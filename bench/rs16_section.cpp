// codec_bench section: 1-D Reed–Solomon over GF(2^16) and its error locator.
#include <fmt/core.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "bench/codec_bench.hpp"
#include "codec/rs16.hpp"

namespace sliversim::bench {
namespace {

using codec::Batch;
using codec::RsCode;
using codec::RsStatus;

struct Shape {
  std::size_t k, r;
};

std::vector<std::uint8_t> random_buffer(std::size_t bytes, std::uint64_t seed) {
  std::vector<std::uint8_t> out(bytes);
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i + 8 <= bytes; i += 8) {
    const std::uint64_t v = rng();
    std::memcpy(out.data() + i, &v, 8);
  }
  return out;
}

void measure(const Shape& s, std::size_t shard, const BenchOptions& opt, Table& t) {
  const RsCode code = *RsCode::make(s.k, s.r);
  const Batch batch{shard, 1, 0};
  auto data = random_buffer(s.k * shard, s.k * 7919 + shard);
  std::vector<std::uint8_t> rec(s.r * shard);
  std::vector<const std::uint8_t*> orig;
  std::vector<std::uint8_t*> recp;
  for (std::size_t i = 0; i < s.k; ++i) orig.push_back(data.data() + i * shard);
  for (std::size_t i = 0; i < s.r; ++i) recp.push_back(rec.data() + i * shard);
  const double original_bytes = static_cast<double>(s.k * shard);
  const double enc = best_seconds(
      [&] {
        if (codec::rs_encode(code, batch, orig, recp) != RsStatus::kOk) std::abort();
      },
      opt.min_seconds);
  // Decode: lose min(k, r) originals (the most the code allows), recover them all.
  const std::size_t lost = std::min(s.k, s.r);
  std::vector<codec::ShardIn> in;
  for (std::size_t i = lost; i < s.k; ++i) in.push_back({i, orig[i]});
  for (std::size_t i = 0; i < s.r; ++i) in.push_back({s.k + i, recp[i]});
  std::vector<std::uint8_t> out(lost * shard);
  std::vector<codec::ShardOut> want;
  for (std::size_t i = 0; i < lost; ++i) want.push_back({i, out.data() + i * shard});
  const double dec = best_seconds(
      [&] {
        if (codec::rs_decode(code, batch, in, want) != RsStatus::kOk) std::abort();
      },
      opt.min_seconds);
  if (std::memcmp(out.data(), data.data(), lost * shard) != 0) std::abort();
  const std::string rate = code.rate() == codec::RsRate::kHigh ? "high" : "low";
  t.add_row({fmt::format("{} + {}", s.k, s.r), rate, bytes_label(shard), std::to_string(lost),
             gbps(original_bytes, enc), gbps(original_bytes, dec), fmt::format("{:.3f}", enc * 1e3),
             fmt::format("{:.3f}", dec * 1e3)},
            {{"k", s.k},
             {"r", s.r},
             {"rate", rate},
             {"shard_bytes", shard},
             {"lost_originals", lost},
             {"encode_gbps", original_bytes / enc / 1e9},
             {"decode_gbps", original_bytes / dec / 1e9},
             {"encode_ms", enc * 1e3},
             {"decode_ms", dec * 1e3}});
}

}  // namespace

void rs16_section(const BenchOptions& opt, std::vector<Table>& out) {
  Table t("1-D Reed-Solomon GF(2^16), one thread (throughput = original bytes / s)",
          {"shape k + r", "rate", "shard", "lost", "encode GB/s", "decode GB/s", "encode ms",
           "decode ms"});
  const std::vector<Shape> shapes =
      opt.quick ? std::vector<Shape>{{334, 666}, {667, 333}}
                : std::vector<Shape>{{334, 666}, {667, 333}, {1024, 1024}, {32768, 32768}};
  const std::vector<std::size_t> shards =
      opt.quick ? std::vector<std::size_t>{64} : std::vector<std::size_t>{64, 1024, 65536};
  for (const Shape& s : shapes) {
    for (std::size_t shard : shards) {
      if (s.k * shard > (std::size_t{1} << 31)) continue;  // > 2 GiB of originals: see README
      measure(s, shard, opt, t);
    }
  }
  out.push_back(std::move(t));
}

void locator_section(const BenchOptions& opt, std::vector<Table>& out) {
  Table t("Error locator: direct sum vs two Walsh transforms (one erasure pattern)",
          {"shape k + r", "work N", "erasures", "direct us", "walsh us"});
  const std::vector<Shape> shapes = opt.quick ? std::vector<Shape>{{1024, 1024}}
                                              : std::vector<Shape>{{1024, 1024}, {32768, 32768}};
  for (const Shape& s : shapes) {
    const RsCode code = *RsCode::make(s.k, s.r);
    for (std::size_t lost : {1U, 2U, 4U, 8U, 16U, 32U}) {
      std::vector<std::size_t> present(s.k + s.r);
      std::iota(present.begin(), present.end(), 0);
      present.erase(present.begin(), present.begin() + static_cast<long>(lost));
      codec::RsErasurePlan plan;
      const double direct = best_seconds(
          [&] {
            if (codec::RsErasurePlan::make(code, present, &plan, 1U << 30) != RsStatus::kOk) {
              std::abort();
            }
          },
          opt.min_seconds / 4);
      const double walsh = best_seconds(
          [&] {
            if (codec::RsErasurePlan::make(code, present, &plan, 0) != RsStatus::kOk) std::abort();
          },
          opt.min_seconds / 4);
      t.add_row(
          {fmt::format("{} + {}", s.k, s.r), std::to_string(code.work_size()), std::to_string(lost),
           fmt::format("{:.1f}", direct * 1e6), fmt::format("{:.1f}", walsh * 1e6)},
          {{"k", s.k},
           {"r", s.r},
           {"work_size", code.work_size()},
           {"erasures", lost},
           {"direct_us", direct * 1e6},
           {"walsh_us", walsh * 1e6}});
    }
  }
  out.push_back(std::move(t));
}

}  // namespace sliversim::bench
