// Helpers shared by the end-to-end tests in tests/: a fresh scratch folder per process and test,
// and whole-file reads and writes.
#pragma once

#include <filesystem>
#include <string>

namespace sliversim::test {

// An empty folder <temp>/<prefix>_<pid>/<name>, created anew (previous contents removed).
std::filesystem::path scratch_dir(const std::string& prefix, const std::string& name);

// The bytes of `path` ("" when it cannot be read).
std::string read_text(const std::filesystem::path& path);

// Replaces the contents of `path` with `text`.
void write_text(const std::filesystem::path& path, const std::string& text);

}  // namespace sliversim::test
