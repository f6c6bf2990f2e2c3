// Test importers that misbehave on purpose, one library per way of misbehaving.
//
// Each claims only files ending in "." HOSTILE_NAME (e.g. ".crashy") and reads them like
// the "headline" importer (first line title, the rest body), unless the input contains
// the word MISBEHAVE; then it does what HOSTILE_MODE_* says:
//   EMPTY    adds an article with neither title nor body, and ignores the refusal
//   BAD_UTF8 adds an article whose title is Latin-1, not UTF-8, and ignores the refusal
//   LOOP     never returns
//   SEGV     dereferences a null pointer
//   ABORT    calls std::abort
//   EXIT     ends the process with status 7
//   SCRIBBLE writes garbage into the import worker's channel (descriptor 3), but only when
//            that is a socket, i.e. in the `--isolate` child; then imports as usual

#include <morgue/plugin.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <string_view>
#include <thread>

#ifndef HOSTILE_NAME
#error "HOSTILE_NAME must name the plugin"
#endif

namespace {

constexpr std::string_view kMarker = "MISBEHAVE";

// Read through a volatile so that the compiler cannot see the null and emit a trap.
int* volatile null_pointer = nullptr;

std::string_view TrimNewlines(std::string_view s) {
  while (!s.empty() && (s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

morgue::Status AddHeadline(std::string_view text, morgue::ArticleSink& sink) {
  text = TrimNewlines(text);
  const size_t eol = text.find('\n');
  morgue::Article article;
  article.title = std::string(TrimNewlines(text.substr(0, eol)));
  if (eol != std::string_view::npos) article.body = std::string(TrimNewlines(text.substr(eol + 1)));
  return sink.Add(std::move(article)).WithContext("line 1");
}

[[maybe_unused]] morgue::Status Misbehave(std::string_view text, morgue::ArticleSink& sink) {
#if defined(HOSTILE_MODE_EMPTY)
  (void)text;
  (void)sink.Add(morgue::Article{});
  return morgue::Status::OK();
#elif defined(HOSTILE_MODE_BAD_UTF8)
  (void)text;
  morgue::Article article;
  article.title = "Caf\xe9 society";  // Latin-1
  article.body = "Bad bytes in the title.";
  (void)sink.Add(std::move(article));
  return morgue::Status::OK();
#elif defined(HOSTILE_MODE_LOOP)
  (void)text;
  (void)sink;
  while (true) std::this_thread::sleep_for(std::chrono::milliseconds(20));
#elif defined(HOSTILE_MODE_SEGV)
  (void)sink;
  *null_pointer = static_cast<int>(text.size());
  return morgue::Status::OK();
#elif defined(HOSTILE_MODE_ABORT)
  (void)text;
  (void)sink;
  std::abort();
#elif defined(HOSTILE_MODE_EXIT)
  (void)text;
  (void)sink;
  _exit(7);
#elif defined(HOSTILE_MODE_SCRIBBLE)
  struct stat channel {};
  if (fstat(3, &channel) == 0 && S_ISSOCK(channel.st_mode)) {
    const char garbage[] = "\xff\xff\xff\xff\xff\xff\xff\x7fnot a frame";
    (void)!write(3, garbage, sizeof garbage - 1);
  }
  return AddHeadline(text, sink);
#else
#error "name a HOSTILE_MODE_*"
#endif
}

class HostileImporter : public morgue::Importer {
 public:
  int Probe(const morgue::ProbeInput& input) const override {
    return input.path.extension() == "." HOSTILE_NAME ? morgue::kProbeCertain : morgue::kProbeNo;
  }

  morgue::Status Import(const morgue::ImportInput& input, morgue::ArticleSink& sink) override {
    if (input.bytes.find(kMarker) != std::string_view::npos) return Misbehave(input.bytes, sink);
    return AddHeadline(input.bytes, sink);
  }
};

}  // namespace

MORGUE_PLUGIN(HostileImporter, morgue::NoExporter,
              {.name = HOSTILE_NAME,
               .version = "0.0.1",
               .formats = HOSTILE_NAME,
               .extensions = "." HOSTILE_NAME,
               .description = "misbehaves on inputs that say MISBEHAVE"})
