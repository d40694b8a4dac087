// codec_bench: throughput of the codec. Prints tables; --json prints them as one JSON document.
//   codec_bench [--quick] [--json] [--section NAME]...   sections: rs16, locator, hash, redstuff,
//   isal
#include "bench/codec_bench.hpp"

#include <cstring>
#include <iostream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "codec/gf16_kernels.hpp"

int main(int argc, char** argv) {
  using namespace sliversim::bench;
  BenchOptions opt;
  bool json = false;
  std::set<std::string> sections;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--quick") {
      opt.quick = true;
      opt.min_seconds = 0.0;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--section" && i + 1 < argc) {
      sections.insert(argv[++i]);
    } else {
      std::cerr << "usage: codec_bench [--quick] [--json] [--section "
                   "rs16|locator|hash|redstuff|isal]...\n";
      return 2;
    }
  }
  auto wanted = [&](const char* name) { return sections.empty() || sections.count(name) != 0; };
  std::vector<Table> tables;
  std::size_t printed = 0;
  auto flush = [&] {
    for (; printed < tables.size(); ++printed) {
      if (!json) tables[printed].print();
    }
  };
  if (!json) {
    std::cout << "codec_bench on " << machine_description() << ", kernels: "
              << sliversim::codec::gf16::isa_name(sliversim::codec::gf16::default_kernels().isa)
              << (opt.quick ? " (quick)" : "") << "\n";
  }
  if (wanted("rs16")) {
    rs16_section(opt, tables);
    flush();
  }
  if (wanted("locator")) {
    locator_section(opt, tables);
    flush();
  }
  if (wanted("hash")) {
    hash_section(opt, tables);
    flush();
  }
  if (wanted("redstuff")) {
    redstuff_section(opt, tables);
    flush();
  }
  if (wanted("isal")) {
    isal_section(opt, tables);
    flush();
  }
  if (json) {
    nlohmann::json doc;
    doc["machine"] = machine_description();
    doc["quick"] = opt.quick;
    for (const Table& t : tables) doc["tables"][t.title()] = t.records();
    std::cout << doc.dump(2) << "\n";
  }
  return 0;
}
