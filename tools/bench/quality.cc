// morgue_quality: how well the html importer reads real pages.
//
//   morgue_quality PLUGIN_DIR [CORPUS_DIR] [--verbose]
//                  [--results FILE] [--only PAGE,...]   (trafilatura-eval corpus only)
//
// A CORPUS_DIR holding truth.json is the trafilatura-eval corpus, scored with its score.py
// metric (trafilatura_eval.h; its exit status uses regression floors). Otherwise it is the
// Readability corpus: every folder of CORPUS_DIR holds source.html, expected-metadata.json (title,
// byline, siteName, publishedTime) and expected.html (the main content as Mozilla Readability
// extracts it). Each source.html goes through the html plugin, loaded as the CLI loads
// it; the table shows per-field accuracy over the pages that have the field, and the
// body's token F1 against expected.html. Exit status: 0 when every target is met, 3 when
// one is not (so CI catches a regression), 77 when the corpus is missing (ctest's skip
// code), 1 when the plugin cannot be loaded, 2 when one page makes the importer run for
// more than a minute.

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_support.h"
#include "morgue/plugin_registry.h"
#include "morgue/publications.h"
#include "morgue/text.h"
#include "trafilatura_eval.h"

namespace fs = std::filesystem;

using morgue::LowerAscii;
using morgue::bench::CollectingSink;
using morgue::bench::kBelowTargetExitCode;
using morgue::bench::kSkipExitCode;
using morgue::bench::ReadFile;
using morgue::bench::Watchdog;

namespace {

constexpr double kBodyTarget = 0.90;  // mean token F1

// Lower-cased words: runs of ASCII letters and digits, and of non-ASCII bytes.
std::vector<std::string> Tokens(const std::string& text) {
  std::vector<std::string> tokens;
  std::string word;
  for (char c : LowerAscii(text)) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      tokens.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) tokens.push_back(std::move(word));
  return tokens;
}

std::string JoinTokens(const std::vector<std::string>& tokens) {
  std::string out;
  for (const std::string& token : tokens) out += (out.empty() ? "" : " ") + token;
  return out;
}

double TokenF1(const std::string& ours, const std::string& expected) {
  std::map<std::string, int> counts;
  const std::vector<std::string> a = Tokens(ours);
  const std::vector<std::string> b = Tokens(expected);
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  for (const std::string& token : b) ++counts[token];
  double common = 0;
  for (const std::string& token : a) {
    if (auto it = counts.find(token); it != counts.end() && it->second > 0) {
      --it->second;
      ++common;
    }
  }
  if (common == 0) return 0.0;
  const double precision = common / static_cast<double>(a.size());
  const double recall = common / static_cast<double>(b.size());
  return 2 * precision * recall / (precision + recall);
}

std::string HtmlText(const std::string& html) {
  xmlDoc* doc = htmlReadMemory(
      html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (doc == nullptr) return {};
  std::string text;
  if (xmlNode* root = xmlDocGetRootElement(doc)) {
    xmlChar* content = xmlNodeGetContent(root);
    if (content != nullptr) text = reinterpret_cast<const char*>(content);
    xmlFree(content);
  }
  xmlFreeDoc(doc);
  return text;
}

// Folds ASCII whitespace, no-break spaces and ideographic spaces.
std::string FoldSpaces(std::string text) {
  for (std::string_view wide : {"\xC2\xA0", "\xE3\x80\x80"}) {
    for (size_t at = text.find(wide); at != std::string::npos; at = text.find(wide, at)) {
      text.replace(at, wide.size(), " ");
    }
  }
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Strict: the same text, case and whitespace aside.
bool TitleMatchesExactly(const std::string& ours, const std::string& expected) {
  return LowerAscii(FoldSpaces(ours)) == LowerAscii(FoldSpaces(expected));
}

// Dashes, quotes and the ellipsis in one spelling each, as trafilatura-eval's score.py
// compares titles.
std::string FoldTypography(std::string text) {
  constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
      {"\xE2\x80\x93", "-"},  {"\xE2\x80\x94", "-"},  {"\xE2\x88\x92", "-"},
      {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x9E", "\""},
      {"\xC2\xAB", "\""},     {"\xC2\xBB", "\""},     {"\xE2\x80\x98", "'"},
      {"\xE2\x80\x99", "'"},  {"\xE2\x80\xA6", "..."}};
  for (const auto& [from, to] : kSpellings) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
      text.replace(at, from.size(), to);
      at += to.size();
    }
  }
  return LowerAscii(FoldSpaces(text));
}

// Headlines. The expected titles are Readability's, which keeps what og:title or <title>
// carries around the headline (the site's name "| eHow", "- Wikipedia", "[LWN.net]", an
// author, a section) and the metadata's spelling of quotes; morgue stores the headline
// alone, as the page shows it. Right: the expected title, or its headline with such parts
// after or before it (behind a title separator), dashes and quotes spelled one way.
bool TitleMatches(const std::string& ours, const std::string& expected) {
  const std::string headline = FoldTypography(ours);
  const std::string title = FoldTypography(expected);
  if (headline == title) return true;
  if (headline.empty() || headline.size() >= title.size()) return false;
  constexpr std::string_view kSeparators[] = {" | ", " - ",  " \xC2\xB7 ", ": ",
                                              " / ", " :: ", " ["};
  for (std::string_view separator : kSeparators) {
    const std::string before = headline + std::string(separator);
    const std::string after = std::string(separator) + headline;
    if (title.starts_with(before) || title.ends_with(after)) return true;
  }
  return false;
}

// Names as words, without "by", "and" and punctuation: "By A and B" == "a, b".
std::string NameWords(const std::string& text) {
  std::vector<std::string> words;
  for (std::string& token : Tokens(text)) {
    if (token != "by" && token != "and") words.push_back(std::move(token));
  }
  return JoinTokens(words);
}

std::vector<std::string> AuthorNames(const morgue::Article& article) {
  std::vector<std::string> names;
  for (const morgue::Author& author : article.authors) {
    if (author.role == "author") names.push_back(author.name);
  }
  return names;
}

// Strict: our authors' name words are exactly the expected byline's words, "by" and "and"
// aside. Misses every page whose expected byline also holds a date, a desk or a URL.
bool BylineMatchesExactly(const morgue::Article& article, const std::string& expected) {
  std::string joined;
  for (const std::string& name : AuthorNames(article)) joined += name + " and ";
  return !joined.empty() && NameWords(joined) == NameWords(expected);
}

// Names: morgue found at least one author and every author it found is named in the
// expected byline. The expected bylines are the raw text of the page's byline element
// ("By Kelli Miller WebMD Health News", "By Nathan Willis March 25, 2015"), while morgue
// stores people; this compares people.
bool BylineNamesMatch(const morgue::Article& article, const std::string& expected) {
  const std::vector<std::string> names = AuthorNames(article);
  const std::string haystack = " " + JoinTokens(Tokens(expected)) + " ";
  return !names.empty() && std::all_of(names.begin(), names.end(), [&](const std::string& name) {
    const std::string needle = JoinTokens(Tokens(name));
    return !needle.empty() && haystack.find(" " + needle + " ") != std::string::npos;
  });
}

bool SiteMatches(const morgue::Article& article, const std::string& expected) {
  if (article.source.empty()) return false;
  if (LowerAscii(FoldSpaces(article.source)) == LowerAscii(FoldSpaces(expected))) return true;
  const morgue::Publication* publication =
      morgue::PublicationDirectory::Builtin().FindByName(expected);
  return publication != nullptr && publication->name == article.source;
}

bool DateMatches(const morgue::Article& article, const std::string& expected) {
  return article.published.size() >= 10 && expected.size() >= 10 &&
         article.published.substr(0, 10) == expected.substr(0, 10);
}

struct FieldScore {
  int pages = 0;
  int right = 0;
};

struct PageResult {
  std::string name;
  double f1 = 0;
  std::vector<std::string> misses;
};

std::string ExpectedString(const nlohmann::json& expected, const char* field) {
  auto it = expected.find(field);
  return it != expected.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class Bench {
 public:
  explicit Bench(morgue::ImporterHandle importer) : importer_(std::move(importer)) {}

  void Run(const fs::path& page_dir) {
    const std::string source = ReadFile(page_dir / "source.html");
    const nlohmann::json expected =
        nlohmann::json::parse(ReadFile(page_dir / "expected-metadata.json"), nullptr, false);
    const std::string expected_text = HtmlText(ReadFile(page_dir / "expected.html"));

    CollectingSink sink;
    morgue::ImportInput input{page_dir.filename().string() + "/source.html",
                              page_dir / "source.html", source, "html"};
    const morgue::Status status = importer_.Import(input, sink);
    morgue::Article article = sink.articles.empty() ? morgue::Article() : sink.articles.front();

    PageResult result{page_dir.filename().string(), 0, {}};
    if (!status.ok()) {
      ++failures_;
      result.misses.push_back("import failed: " + status.message());
    }
    Check("title", ExpectedString(expected, "title"), article.title,
          TitleMatches(article.title, ExpectedString(expected, "title")), result);
    Check("title (exact)", ExpectedString(expected, "title"), article.title,
          TitleMatchesExactly(article.title, ExpectedString(expected, "title")), result,
          /*report_miss=*/false);
    const std::string byline = ExpectedString(expected, "byline");
    Check("byline", byline, Authors(article), BylineNamesMatch(article, byline), result);
    Check("byline (exact)", byline, Authors(article), BylineMatchesExactly(article, byline), result,
          /*report_miss=*/false);
    Check("siteName", ExpectedString(expected, "siteName"), article.source,
          SiteMatches(article, ExpectedString(expected, "siteName")), result);
    Check("publishedTime", ExpectedString(expected, "publishedTime"), article.published,
          DateMatches(article, ExpectedString(expected, "publishedTime")), result);
    result.f1 = TokenF1(article.body, expected_text);
    results_.push_back(std::move(result));
  }

  // Prints the table; returns whether every target was met.
  bool Print(bool verbose) const {
    std::printf("html importer quality on %zu pages (%d failed to import)\n\n", results_.size(),
                failures_);
    std::printf("%-16s %8s %8s %9s %8s\n", "field", "pages", "right", "accuracy", "target");
    bool met = PrintField("title", 0.95);
    PrintField("title (exact)", 0);
    met &= PrintField("byline", 0.85);
    PrintField("byline (exact)", 0);
    met &= PrintField("siteName", 0.85);
    met &= PrintField("publishedTime", 0.90);
    std::vector<double> f1s;
    for (const PageResult& result : results_) f1s.push_back(result.f1);
    std::sort(f1s.begin(), f1s.end());
    double mean = 0;
    for (double f1 : f1s) mean += f1;
    mean = f1s.empty() ? 0 : mean / static_cast<double>(f1s.size());
    const double median = f1s.empty() ? 0 : f1s[f1s.size() / 2];
    std::printf("%-16s %8zu %8s %9.3f %8.2f  (token F1 mean; median %.3f)\n", "body", f1s.size(),
                "", mean, kBodyTarget, median);
    met &= mean >= kBodyTarget;
    if (verbose) PrintWorst();
    if (!met) std::printf("\nbelow target: see the rows above\n");
    return met;
  }

 private:
  static std::string Authors(const morgue::Article& article) {
    std::string joined;
    for (const std::string& name : AuthorNames(article)) {
      joined += (joined.empty() ? "" : "; ") + name;
    }
    return joined;
  }

  void Check(const std::string& field, const std::string& expected, const std::string& ours,
             bool right, PageResult& result, bool report_miss = true) {
    if (expected.empty()) return;
    FieldScore& score = fields_[field];
    ++score.pages;
    if (right) {
      ++score.right;
    } else if (report_miss) {
      result.misses.push_back(field + ": expected \"" + expected + "\", got \"" + ours + "\"");
    }
  }

  // Prints one row; returns whether it meets its target (a row without one always does).
  bool PrintField(const std::string& field, double target) const {
    auto it = fields_.find(field);
    const FieldScore score = it == fields_.end() ? FieldScore() : it->second;
    const double accuracy = score.pages == 0 ? 0 : 100.0 * score.right / score.pages;
    std::printf("%-16s %8d %8d %8.1f%%", field.c_str(), score.pages, score.right, accuracy);
    if (target > 0) {
      std::printf(" %7.0f%%\n", target * 100);
    } else {
      std::printf(" %8s\n", "-");
    }
    return accuracy >= target * 100;
  }

  void PrintWorst() const {
    std::vector<const PageResult*> sorted;
    for (const PageResult& result : results_) sorted.push_back(&result);
    std::sort(sorted.begin(), sorted.end(), [](const PageResult* a, const PageResult* b) {
      return a->misses.size() != b->misses.size() ? a->misses.size() > b->misses.size()
                                                  : a->f1 < b->f1;
    });
    std::printf("\nPages with misses, worst first:\n");
    for (const PageResult* result : sorted) {
      if (result->misses.empty() && result->f1 >= 0.9) continue;
      std::printf("  %s (body F1 %.3f)\n", result->name.c_str(), result->f1);
      for (const std::string& miss : result->misses) std::printf("      %s\n", miss.c_str());
    }
  }

  morgue::ImporterHandle importer_;
  std::map<std::string, FieldScore> fields_;
  std::vector<PageResult> results_;
  int failures_ = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args;
  bool verbose = false;
  morgue::bench::TrafilaturaOptions trafilatura;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--verbose" || arg == "-v") {
      verbose = true;
    } else if ((arg == "--results" || arg == "--only") && i + 1 < argc) {
      const std::string value = argv[++i];
      if (arg == "--results") {
        trafilatura.results = value;
      } else {
        std::stringstream list(value);
        for (std::string page; std::getline(list, page, ',');) {
          if (!page.empty()) trafilatura.only.insert(page);
        }
      }
    } else {
      args.push_back(arg);
    }
  }
  if (args.empty()) {
    std::fprintf(stderr,
                 "usage: morgue_quality PLUGIN_DIR [CORPUS_DIR] [--verbose] "
                 "[--results FILE] [--only PAGE,...]\n");
    return 1;
  }
  const fs::path corpus = args.size() > 1 ? fs::path(args[1]) : fs::path(MORGUE_DEFAULT_CORPUS);
  if (!fs::is_directory(corpus)) {
    std::printf("corpus %s not found: skipped\n", corpus.c_str());
    return kSkipExitCode;
  }
  morgue::PluginRegistry registry;
  registry.LoadDirectory(args[0]);
  auto importer = registry.ImporterFor("html");
  if (!importer.ok()) {
    std::fprintf(stderr, "morgue_quality: %s\n", importer.status().ToString().c_str());
    return 1;
  }
  if (fs::exists(corpus / "truth.json")) {
    return morgue::bench::RunTrafilaturaEval(importer.value(), corpus, trafilatura, verbose);
  }
  std::vector<fs::path> pages;
  for (const fs::directory_entry& entry : fs::directory_iterator(corpus)) {
    if (entry.is_directory() && fs::exists(entry.path() / "source.html")) {
      pages.push_back(entry.path());
    }
  }
  std::sort(pages.begin(), pages.end());
  Bench bench(std::move(importer.value()));
  {
    Watchdog watchdog;
    for (const fs::path& page : pages) {
      watchdog.Start(page.filename().string());
      bench.Run(page);
    }
  }
  return bench.Print(verbose) ? 0 : kBelowTargetExitCode;
}
