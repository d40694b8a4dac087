// Sections of codec_bench: each measures one component and appends its tables.
#pragma once

#include <string>
#include <vector>

#include "bench/bench_util.hpp"

namespace sliversim::bench {

struct BenchOptions {
  bool quick = false;        // tiny shapes and short timings (CI smoke run)
  double min_seconds = 0.3;  // per measurement
};

// 1-D GF(2^16) Reed–Solomon encode/decode throughput (original bytes per second).
void rs16_section(const BenchOptions& opt, std::vector<Table>& out);
// Error-locator cost: direct sum against the two Walsh transforms.
void locator_section(const BenchOptions& opt, std::vector<Table>& out);
// RedStuff at n = 1000: encode + metadata, decode, and the official WASM encoder on the same blobs.
void redstuff_section(const BenchOptions& opt, std::vector<Table>& out);
// Batched BLAKE2b-256 per implementation (the Merkle hashing RedStuff spends its time in).
void hash_section(const BenchOptions& opt, std::vector<Table>& out);
// ISA-L GF(2^8) Cauchy Reed–Solomon as a reference point (skipped when the build has no ISA-L).
void isal_section(const BenchOptions& opt, std::vector<Table>& out);

}  // namespace sliversim::bench
