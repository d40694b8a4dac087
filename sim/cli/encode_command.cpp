// sliversim encode --shards N FILE --out DIR [--threads T]: every sliver and the metadata of a
// blob, written for inspection in the layout documented in codec/README.md ("Files written by
// sliversim encode"):
//   DIR/metadata.json         blob-id summary plus, per pair: shard, sliver indices, hashes (hex)
//   DIR/metadata.bin          blob ID, then per pair its primary and secondary hash: 64n + 32 B
//   DIR/primary/NNNNN.bin     primary sliver NNNNN (k_s symbols, raw bytes)
//   DIR/secondary/NNNNN.bin   secondary sliver NNNNN (k_p symbols, raw bytes)
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <span>

#include "codec/byte_text.hpp"
#include "sim/cli/blob_input.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/program_options.hpp"

namespace sliversim::cli {
namespace {

namespace fs = std::filesystem;

void write_file(const fs::path& path, std::span<const std::uint8_t> bytes) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!f) throw CliError(path.string() + ": cannot write");
}

void make_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw CliError(dir.string() + ": cannot create the output directory" +
                   (ec ? ": " + ec.message() : std::string(" (a file is in the way)")));
  }
}

std::string sliver_file_name(std::size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "%05zu.bin", index);
  return name;
}

nlohmann::json pairs_json(const codec::EncodedBlob& encoded) {
  const codec::RedStuffParams& p = encoded.expanded.params();
  nlohmann::json pairs = nlohmann::json::array();
  for (std::size_t i = 0; i < p.n_shards(); ++i) {
    const auto pair = static_cast<codec::SliverPairIndex>(i);
    pairs.push_back(
        {{"pair", i},
         {"shard", codec::to_size(codec::shard_for_pair(encoded.blob_id, pair, p.n_shards()))},
         {"primary_sliver", codec::to_size(p.sliver_of_pair(pair, codec::SliverAxis::kPrimary))},
         {"secondary_sliver",
          codec::to_size(p.sliver_of_pair(pair, codec::SliverAxis::kSecondary))},
         {"primary_hash", codec::hex_encode(encoded.metadata.hashes[i].primary)},
         {"secondary_hash", codec::hex_encode(encoded.metadata.hashes[i].secondary)}});
  }
  return pairs;
}

void write_outputs(const codec::EncodedBlob& encoded, const fs::path& dir) {
  const std::size_t n = encoded.expanded.n_shards();
  make_directory(dir / "primary");
  make_directory(dir / "secondary");
  for (std::size_t i = 0; i < n; ++i) {
    const auto index = static_cast<codec::SliverIndex>(i);
    write_file(dir / "primary" / sliver_file_name(i), encoded.expanded.primary_sliver(index));
    write_file(dir / "secondary" / sliver_file_name(i), encoded.expanded.secondary_sliver(index));
  }
  std::vector<std::uint8_t> bin(encoded.blob_id.bytes.begin(), encoded.blob_id.bytes.end());
  for (const auto& h : encoded.metadata.hashes) {
    bin.insert(bin.end(), h.primary.begin(), h.primary.end());
    bin.insert(bin.end(), h.secondary.begin(), h.secondary.end());
  }
  write_file(dir / "metadata.bin", bin);
  nlohmann::json meta = blob_summary_json(encoded);
  meta["pairs"] = pairs_json(encoded);
  const std::string text = meta.dump(2) + "\n";
  write_file(dir / "metadata.json",
             {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()});
}

}  // namespace

int cmd_encode(const Args& args, std::ostream& out) {
  namespace po = boost::program_options;
  po::options_description opts("sliversim encode --shards N FILE --out DIR");
  opts.add_options()("help,h", "show this help")("out,o", po::value<std::string>()->required(),
                                                 "output directory (created if missing)");
  const std::optional<BlobCommand> blob =
      parse_blob_command(args, opts, "encoding threads, 0 = all cores (default 0)", out);
  if (!blob) return kExitOk;
  const codec::EncodedBlob& encoded = blob->encoded;
  const std::string out_dir = blob->options["out"].as<std::string>();
  make_directory(out_dir);
  write_outputs(encoded, out_dir);
  out << "wrote " << 2 * encoded.expanded.n_shards() << " slivers and the metadata of blob "
      << encoded.blob_id.to_base64url() << " to " << out_dir << "\n";
  return kExitOk;
}

}  // namespace sliversim::cli
