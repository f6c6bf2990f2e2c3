// morgue_bench_libxml2: the reference for the html import benchmark. Reads every .html
// file under the given paths and parses it with libxml2's HTML parser, with the options
// the html plugin uses, doing nothing else: the limit for any extractor built on libxml2.
//
//   morgue_bench_libxml2 PATH...
//
// Prints one line: "pages N bytes B seconds S", S covering reading and parsing, as
// morgue's own figure covers reading its inputs.

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> HtmlFiles(const std::vector<fs::path>& roots) {
  std::vector<fs::path> files;
  for (const fs::path& root : roots) {
    if (fs::is_regular_file(root)) {
      files.push_back(root);
      continue;
    }
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ".html") {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: morgue_bench_libxml2 PATH...\n");
    return 2;
  }
  const std::vector<fs::path> files = HtmlFiles(std::vector<fs::path>(argv + 1, argv + argc));
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  size_t bytes = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const fs::path& file : files) {
    const std::string html = ReadFile(file);
    bytes += html.size();
    htmlDocPtr doc =
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, nullptr, kOptions);
    if (doc == nullptr) {
      std::fprintf(stderr, "morgue_bench_libxml2: %s: not parsed\n", file.c_str());
      return 1;
    }
    xmlFreeDoc(doc);
  }
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  std::printf("pages %zu bytes %zu seconds %.6f\n", files.size(), bytes, seconds.count());
  return 0;
}
