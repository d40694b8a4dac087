// Strong identifiers of the world model. Each is a distinct enum type over an unsigned integer,
// so a node can never be passed where a shard is expected; index_of() turns one into a vector
// index. Numbering: nodes present at time 0 are 0, 1, ... class by class in scenario order and
// joiners take the next ids in arrival order; shards are 0..n-1; blobs (representatives) are
// numbered in creation order; topology entities in layout order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace sliversim::model {

enum class NodeId : std::uint32_t {};
enum class ShardId : std::uint32_t {};
enum class BlobIndex : std::uint32_t {};
enum class NodeClassId : std::uint32_t {};
enum class BlobClassId : std::uint32_t {};
enum class RegionId : std::uint32_t {};
enum class DatacenterId : std::uint32_t {};
enum class ProviderId : std::uint32_t {};
enum class LinkId : std::uint32_t {};

// "No node": the owner of a shard when the committee is empty, the previous owner in epoch 0.
inline constexpr NodeId kNoNode{0xFFFFFFFFu};

// The underlying value of an identifier as a vector index.
template <class Id>
requires std::is_enum_v<Id>
constexpr std::size_t index_of(Id id) { return static_cast<std::size_t>(id); }

// The identifier with the given index. REQUIRES: index fits in the underlying type.
template <class Id>
requires std::is_enum_v<Id>
constexpr Id id_at(std::size_t index) {
  return static_cast<Id>(static_cast<std::underlying_type_t<Id>>(index));
}

}  // namespace sliversim::model
