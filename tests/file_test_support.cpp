// End-to-end test helpers (see file_test_support.hpp).
#include "tests/file_test_support.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace sliversim::test {

namespace fs = std::filesystem;

fs::path scratch_dir(const std::string& prefix, const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / (prefix + "_" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace sliversim::test
