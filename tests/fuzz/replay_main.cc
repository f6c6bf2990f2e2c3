// Runs a fuzz target's LLVMFuzzerTestOneInput once on each file named on the command line
// (folders: every file in them, recursively, in name order; --lines=FILE: each line of
// FILE), without libFuzzer. The test suite uses it to replay the seeds and every past
// finding (tests/fixtures/fuzz/) in any build, sanitized or not. Exits 1 when an argument
// names nothing or no input was found.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

namespace {

void Run(const std::string& bytes) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  size_t inputs = 0;
  constexpr std::string_view kLines = "--lines=";
  for (int i = 1; i < argc; ++i) {
    const std::string_view text = argv[i];
    if (text.starts_with(kLines)) {
      std::ifstream in(std::string(text.substr(kLines.size())), std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", argv[i]);
        return 1;
      }
      for (std::string line; std::getline(in, line); ++inputs) {
        std::printf("replay: line '%s'\n", line.c_str());
        std::fflush(stdout);
        Run(line);
      }
      continue;
    }
    const fs::path arg = argv[i];
    if (fs::is_directory(arg)) {
      for (const fs::directory_entry& entry : fs::recursive_directory_iterator(arg)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else if (fs::is_regular_file(arg)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "replay: %s is neither a file nor a folder\n", argv[i]);
      return 1;
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
      return 1;
    }
    std::printf("replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
    std::fflush(stdout);
    Run(bytes);
    ++inputs;
  }
  std::printf("replay: %zu inputs, all passed\n", inputs);
  return inputs == 0 ? 1 : 0;
}
