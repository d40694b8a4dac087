// Validation of blob command inputs (see blob_input.hpp).
#include "sim/cli/blob_input.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

#include "codec/byte_text.hpp"
#include "codec/wire_sizes.hpp"
#include "sim/cli/commands.hpp"

namespace sliversim::cli {
namespace {

bool parse_decimal(const std::string& text, std::size_t* value) {
  if (text.empty() || text.size() > 12) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

codec::RedStuffParams parse_shards(const std::string& text) {
  std::size_t n = 0;
  if (!parse_decimal(text, &n) || codec::RedStuffParams::check(n) != codec::RedStuffStatus::kOk) {
    throw CliError("--shards: expected an integer from " +
                   std::to_string(codec::RedStuffParams::kMinShards) + " to " +
                   std::to_string(codec::RedStuffParams::kMaxShards) + ", got '" + text + "'");
  }
  return *codec::RedStuffParams::make(n);
}

std::size_t parse_threads(const std::string& text) {
  std::size_t threads = 0;
  if (!parse_decimal(text, &threads) || threads > 1024) {
    throw CliError("--threads: expected 0 (all cores) or a count up to 1024, got '" + text + "'");
  }
  return threads;
}

std::vector<std::uint8_t> read_blob_file(const std::string& path,
                                         const codec::RedStuffParams& params) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    throw CliError(path + ": no such file; expected a readable blob file");
  }
  if (!fs::is_regular_file(status)) {
    throw CliError(path + ": not a regular file; expected a readable blob file");
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw CliError(path + ": cannot read its size: " + ec.message());
  if (size > params.max_blob_bytes()) {
    throw CliError(path + ": " + std::to_string(size) + " bytes; expected at most " +
                   std::to_string(params.max_blob_bytes()) + " bytes (the largest blob for " +
                   std::to_string(params.n_shards()) + " shards)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError(path + ": cannot open: " + std::strerror(errno));
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) {
    throw CliError(path + ": read " + std::to_string(in.gcount()) + " of " + std::to_string(size) +
                   " bytes; the file changed or is unreadable");
  }
  return bytes;
}

codec::EncodedBlob encode_blob_input(const std::string& shards, const std::string& threads,
                                     const std::string& file) {
  const codec::RedStuffParams params = parse_shards(shards);
  const std::size_t thread_count = parse_threads(threads);
  const std::vector<std::uint8_t> blob = read_blob_file(file, params);
  codec::EncodedBlob encoded;
  if (const auto st = codec::encode_blob(params, blob, thread_count, &encoded);
      st != codec::RedStuffStatus::kOk) {
    throw CliError(file + ": " + std::string(codec::describe(st)));
  }
  return encoded;
}

nlohmann::json blob_summary_json(const codec::EncodedBlob& encoded) {
  const codec::RedStuffParams& p = encoded.expanded.params();
  const std::size_t s = encoded.expanded.symbol_bytes();
  return {{"blob_id", encoded.blob_id.to_base64url()},
          {"blob_id_hex", encoded.blob_id.to_hex()},
          {"encoding_type", "RS2"},
          {"unencoded_length", encoded.metadata.unencoded_bytes},
          {"symbol_size", s},
          {"n_shards", p.n_shards()},
          {"max_faulty", p.max_faulty()},
          {"primary_symbols", p.primary_source_symbols()},
          {"secondary_symbols", p.secondary_source_symbols()},
          {"primary_sliver_bytes", p.symbols_per_sliver(codec::SliverAxis::kPrimary) * s},
          {"secondary_sliver_bytes", p.symbols_per_sliver(codec::SliverAxis::kSecondary) * s},
          {"metadata_bytes", codec::metadata_bytes(p.n_shards())},
          {"metadata_root_hex", codec::hex_encode(encoded.metadata.merkle_root())}};
}

std::optional<BlobCommand> parse_blob_command(const Args& args,
                                              boost::program_options::options_description& opts,
                                              const char* threads_help, std::ostream& out) {
  namespace po = boost::program_options;
  opts.add_options()("shards,n", po::value<std::string>()->required(),
                     "number of shards (4 to 49155; Walrus: 1000)")(
      "threads", po::value<std::string>()->default_value("0"), threads_help)(
      "file", po::value<std::string>()->required(), "the blob file");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(opts).positional(positional).run(), vm);
  if (vm.count("help") != 0U) {
    out << opts;
    return std::nullopt;
  }
  po::notify(vm);
  codec::EncodedBlob encoded =
      encode_blob_input(vm["shards"].as<std::string>(), vm["threads"].as<std::string>(),
                        vm["file"].as<std::string>());
  return BlobCommand{std::move(vm), std::move(encoded)};
}

}  // namespace sliversim::cli
