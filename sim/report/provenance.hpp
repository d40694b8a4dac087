// Build provenance for results files: tool version, git revision, compiler, build type.
#pragma once

#include <string>

namespace sliversim::report {

struct Provenance {
  std::string version;   // project version from CMake
  std::string git;       // `git describe --always --dirty` at configure time, or "unknown"
  std::string compiler;  // e.g. "GNU 12.2.0"
  std::string build;     // CMake build type
};

// The provenance baked into this binary.
Provenance provenance();

}  // namespace sliversim::report
