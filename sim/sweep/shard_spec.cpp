// Parsing and applying --shard I/N.
#include "sim/sweep/shard_spec.hpp"

#include <charconv>

#include <fmt/format.h>

namespace sliversim::sweep {
namespace {

// A decimal integer made of digits only, or nullopt.
std::optional<std::uint64_t> parse_decimal(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<ShardSpec> parse_shard_spec(std::string_view text, std::string* error) {
  const auto fail = [&](std::string_view why) -> std::optional<ShardSpec> {
    if (error != nullptr) {
      *error = fmt::format("expected I/N with integers 0 <= I < N <= {}, got \"{}\"{}",
                           kMaxShardCount, text, why);
    }
    return std::nullopt;
  };
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return fail("");
  const auto index = parse_decimal(text.substr(0, slash));
  const auto count = parse_decimal(text.substr(slash + 1));
  if (!index || !count) return fail("");
  if (*count == 0 || *count > kMaxShardCount) return fail(" (N out of range)");
  if (*index >= *count) return fail(" (I must be below N; shards count from 0)");
  return ShardSpec{static_cast<std::uint32_t>(*index), static_cast<std::uint32_t>(*count)};
}

bool shard_contains(const ShardSpec& shard, std::size_t point_index) {
  return point_index % shard.count == shard.index;
}

std::string to_string(const ShardSpec& shard) {
  return fmt::format("{}/{}", shard.index, shard.count);
}

}  // namespace sliversim::sweep
