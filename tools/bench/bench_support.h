// What both corpus modes of morgue_quality share: exit codes, the per-page time limit, a
// sink that keeps the imported articles, file reading and the hang watchdog. The sink and
// the watchdog belong to one thread (the watchdog's own thread only reads under a lock).

#pragma once

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "morgue/plugin_registry.h"

namespace morgue::bench {

constexpr int kSkipExitCode = 77;
constexpr int kBelowTargetExitCode = 3;
constexpr auto kPageTimeLimit = std::chrono::seconds(60);

class CollectingSink : public morgue::ArticleSink {
 public:
  morgue::Status Add(morgue::Article article) override {
    articles.push_back(std::move(article));
    return morgue::Status::OK();
  }
  std::vector<morgue::Article> articles;
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Ends the process, naming the page, when one import runs past the limit.
class Watchdog {
 public:
  Watchdog() : thread_([this] { Watch(); }) {}
  ~Watchdog() {
    done_ = true;
    thread_.join();
  }
  void Start(const std::string& page) {
    std::lock_guard lock(mutex_);
    page_ = page;
    started_ = std::chrono::steady_clock::now();
  }

 private:
  void Watch() {
    while (!done_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      std::lock_guard lock(mutex_);
      if (!page_.empty() && std::chrono::steady_clock::now() - started_ > kPageTimeLimit) {
        std::fprintf(stderr, "morgue_quality: the importer hangs on %s\n", page_.c_str());
        std::fflush(stderr);
        std::_Exit(2);
      }
    }
  }

  std::mutex mutex_;
  std::string page_;
  std::chrono::steady_clock::time_point started_;
  std::atomic<bool> done_ = false;
  std::thread thread_;
};

}  // namespace morgue::bench
