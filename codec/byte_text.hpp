// Printable forms of byte strings: unpadded base64url (RFC 4648 §5, how Walrus shows blob IDs)
// and lowercase hexadecimal.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sliversim::codec {

// Base64url without '=' padding: 32 bytes give 43 characters.
std::string base64url_encode(std::span<const std::uint8_t> bytes);

// The bytes of an unpadded base64url string; nullopt when `text` has a character outside the
// alphabet, '=' padding, an impossible length (4k+1) or non-zero unused trailing bits.
std::optional<std::vector<std::uint8_t>> base64url_decode(std::string_view text);

// Lowercase hex, two digits per byte.
std::string hex_encode(std::span<const std::uint8_t> bytes);

// The bytes of a hex string (either case); nullopt on an odd length or a non-hex character.
std::optional<std::vector<std::uint8_t>> hex_decode(std::string_view text);

}  // namespace sliversim::codec
