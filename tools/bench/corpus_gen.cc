// morgue_corpus_gen: writes a synthetic, reproducible corpus of news articles for the
// benchmarks, as JSON Lines (morgue's own record format) and as blog-post HTML pages.
//
//   morgue_corpus_gen --articles N [--seed S] [--jsonl FILE] [--html-dir DIR]
//                     [--html-pages M] [--script latin|hangul]
//
// Every article has a title, an optional deck, 1-3 authors, a date over 20 years with its
// offset, one of 100 sources, 1-5 tags out of 300 and a body of 200-2,000 words drawn
// from a Zipf-distributed vocabulary of 30,000 words, in paragraphs. With --script
// hangul the words are Korean syllables (from 950 common ones), two in five with a particle
// attached (군사협정을), for the CJK search benchmark. The same N and seed
// give the same bytes on every machine: only the raw output of std::mt19937_64 (whose
// sequence the standard fixes) is used, never the library's distributions (whose output
// differs between standard libraries).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr int kVocabularySize = 30000;
constexpr int kSources = 100;
constexpr int kTags = 300;
constexpr int kAuthors = 2000;
constexpr double kZipfExponent = 1.07;  // close to word frequencies in English news

class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  // Uniform in [0, n).
  uint64_t Below(uint64_t n) { return engine_() % n; }
  // Uniform in [low, high].
  int Between(int low, int high) {
    const uint64_t span = static_cast<uint64_t>(high) - static_cast<uint64_t>(low) + 1;
    return low + static_cast<int>(Below(span));
  }
  // Uniform in [0, 1), from the top 53 bits.
  double Unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }

 private:
  std::mt19937_64 engine_;
};

bool g_hangul = false;  // --script hangul

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (cp & 0x3F));
}

// A Hangul syllable of one of 19 initials, 10 common vowels and 5 common finals.
void AppendHangulSyllable(Random& random, std::string& out) {
  static constexpr int kVowels[] = {0, 1, 4, 5, 8, 12, 13, 17, 18, 20};
  static constexpr int kFinals[] = {0, 0, 4, 8, 16, 21};
  const int initial = static_cast<int>(random.Below(19));
  const int vowel = kVowels[random.Below(std::size(kVowels))];
  const int final_consonant = kFinals[random.Below(std::size(kFinals))];
  AppendUtf8(static_cast<char32_t>(0xAC00 + (initial * 21 + vowel) * 28 + final_consonant), out);
}

// Pronounceable made-up words: consonant-vowel syllables (Hangul ones with --script hangul).
std::string MakeWord(Random& random, int syllables) {
  if (g_hangul) {
    std::string word;
    for (int i = 0; i < syllables; ++i) AppendHangulSyllable(random, word);
    return word;
  }
  static constexpr std::string_view kOnsets[] = {
      "b", "c", "d", "f",  "g",  "h",  "j",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",
      "v", "w", "z", "br", "ch", "cl", "dr", "gr", "pl", "pr", "sh", "st", "th", "tr", "wh"};
  static constexpr std::string_view kVowels[] = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "y"};
  static constexpr std::string_view kCodas[] = {"", "", "", "n", "r", "s", "t", "l", "nd", "ck"};
  std::string word;
  for (int i = 0; i < syllables; ++i) {
    word += kOnsets[random.Below(std::size(kOnsets))];
    word += kVowels[random.Below(std::size(kVowels))];
  }
  word += kCodas[random.Below(std::size(kCodas))];
  return word;
}

std::string Capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

struct Source {
  std::string name;
  std::string domain;
};

// The fixed parts of the corpus: vocabulary, sources, tags, author names.
struct World {
  std::vector<std::string> words;
  std::vector<double> zipf_cdf;
  std::vector<Source> sources;
  std::vector<std::string> tags;
  std::vector<std::string> authors;

  explicit World(Random& random) {
    // Short words are the frequent ones, as in real text.
    for (int i = 0; i < kVocabularySize; ++i) {
      words.push_back(MakeWord(random, i < 100 ? 1 : i < 3000 ? 2 : random.Between(2, 4)));
    }
    double total = 0;
    for (int rank = 1; rank <= kVocabularySize; ++rank) {
      total += 1.0 / std::pow(rank, kZipfExponent);
      zipf_cdf.push_back(total);
    }
    for (double& p : zipf_cdf) p /= total;
    static constexpr std::string_view kKinds[] = {"Times",     "Herald", "Post",    "Gazette",
                                                  "Tribune",   "Daily",  "Journal", "Observer",
                                                  "Chronicle", "News"};
    for (int i = 0; i < kSources; ++i) {
      const std::string place = Capitalized(MakeWord(random, 2)) + (i % 3 == 0 ? "ton" : "");
      const std::string_view kind = kKinds[random.Below(std::size(kKinds))];
      sources.push_back({"The " + place + " " + std::string(kind) + " " + std::to_string(i),
                         place + std::string(kind) + std::to_string(i) + ".example.com"});
      for (char& c : sources.back().domain) c = static_cast<char>(std::tolower(c));
    }
    for (int i = 0; i < kTags; ++i) tags.push_back(MakeWord(random, random.Between(2, 3)));
    for (int i = 0; i < kAuthors; ++i) {
      authors.push_back(Capitalized(MakeWord(random, 2)) + " " +
                        Capitalized(MakeWord(random, random.Between(2, 3))));
    }
  }

  const std::string& Word(Random& random) const {
    const double u = random.Unit();
    const auto it = std::lower_bound(zipf_cdf.begin(), zipf_cdf.end(), u);
    return words[static_cast<size_t>(
        std::min<std::ptrdiff_t>(it - zipf_cdf.begin(), kVocabularySize - 1))];
  }
};

struct GeneratedArticle {
  std::string title;
  std::string subtitle;
  std::vector<std::string> authors;
  std::string published;  // ISO 8601 with offset
  const Source* source = nullptr;
  std::string url;
  std::vector<std::string> tags;
  std::vector<std::string> paragraphs;
};

// A Korean particle written against the word before it.
std::string_view Particle(Random& random) {
  static constexpr std::string_view kParticles[] = {"을", "를", "이", "가", "은",   "는",
                                                    "에", "의", "와", "과", "에서", "으로"};
  return kParticles[random.Below(std::size(kParticles))];
}

std::string Sentence(const World& world, Random& random, int words) {
  std::string sentence;
  for (int i = 0; i < words; ++i) {
    if (i > 0) sentence += random.Chance(0.06) ? ", " : " ";
    sentence += i == 0 ? Capitalized(world.Word(random)) : world.Word(random);
    if (g_hangul && random.Chance(0.4)) sentence += Particle(random);
  }
  return sentence + (g_hangul ? "다." : ".");
}

GeneratedArticle MakeArticle(const World& world, Random& random, int64_t index) {
  GeneratedArticle article;
  const int title_words = random.Between(5, 11);
  for (int i = 0; i < title_words; ++i) {
    article.title += (i == 0 ? "" : " ") +
                     (i == 0 ? Capitalized(world.Word(random)) : std::string(world.Word(random)));
  }
  if (random.Chance(0.6)) article.subtitle = Sentence(world, random, random.Between(6, 14));
  const int authors = random.Chance(0.7) ? 1 : random.Chance(0.7) ? 2 : 3;
  for (int i = 0; i < authors; ++i) {
    article.authors.push_back(world.authors[random.Below(world.authors.size())]);
  }
  // 2005-01-01 .. 2024-12-31, days of 28 so every month works.
  char date[40];
  std::snprintf(date, sizeof(date), "%04d-%02d-%02dT%02d:%02d:00+%02d:00",
                random.Between(2005, 2024), random.Between(1, 12), random.Between(1, 28),
                random.Between(0, 23), random.Between(0, 59), random.Between(0, 9));
  article.published = date;
  article.source = &world.sources[random.Below(world.sources.size())];
  article.url = "https://www." + article.source->domain + "/" + article.published.substr(0, 4) +
                "/" + article.published.substr(5, 2) + "/article-" + std::to_string(index) +
                ".html";
  const int tags = random.Between(1, 5);
  for (int i = 0; i < tags; ++i) {
    const std::string& tag = world.tags[random.Below(world.tags.size())];
    if (std::find(article.tags.begin(), article.tags.end(), tag) == article.tags.end()) {
      article.tags.push_back(tag);
    }
  }
  // Lengths skewed towards short news items: 200-2,000 words.
  const int body_words = 200 + static_cast<int>(1800 * std::pow(random.Unit(), 3.0));
  int written = 0;
  while (written < body_words) {
    std::string paragraph;
    const int paragraph_words = std::min(random.Between(40, 120), body_words - written);
    int in_paragraph = 0;
    while (in_paragraph < paragraph_words) {
      const int words = std::min(random.Between(8, 25), paragraph_words - in_paragraph);
      paragraph += (paragraph.empty() ? "" : " ") + Sentence(world, random, std::max(words, 1));
      in_paragraph += std::max(words, 1);
    }
    written += in_paragraph;
    article.paragraphs.push_back(std::move(paragraph));
  }
  return article;
}

std::string JsonLine(const GeneratedArticle& article) {
  nlohmann::ordered_json record;
  record["title"] = article.title;
  if (!article.subtitle.empty()) record["subtitle"] = article.subtitle;
  record["authors"] = nlohmann::ordered_json::array();
  for (const std::string& name : article.authors) record["authors"].push_back({{"name", name}});
  record["published"] = article.published;
  record["source"] = article.source->name;
  record["url"] = article.url;
  record["language"] = g_hangul ? "ko" : "en";
  record["tags"] = article.tags;
  std::string body;
  for (const std::string& paragraph : article.paragraphs) {
    body += (body.empty() ? "" : "\n\n") + paragraph;
  }
  record["body"] = body;
  return record.dump() + "\n";
}

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A Blogger-style post page: header, the post with its date header, title, byline, body
// and labels, share buttons, comments, and a sidebar of archive links and labels — the
// furniture an extractor has to get past.
std::string HtmlPage(const World& world, const GeneratedArticle& article, Random& random) {
  std::string html;
  html.reserve(16384);
  html += "<!DOCTYPE html>\n<html lang='en'><head><meta charset='UTF-8'>\n<title>";
  html += Escape(article.title) + " | Reposted News</title>\n";
  html += "<meta property='og:title' content='" + Escape(article.title) + "'>\n";
  html += "<meta property='og:url' content='" + article.url + "'>\n";
  html += "<link rel='stylesheet' href='/static/blog.css'>\n";
  html += "<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>\n";
  html += "</head><body class='variant-simple'>\n<div class='header'><h1 class='title'>";
  html +=
      "<a href='/'>Reposted News</a></h1><p class='description'>Articles worth keeping"
      "</p></div>\n<div class='main-outer'><div class='main'>\n";
  html += "<div class='date-outer'><h2 class='date-header'><span>" +
          article.published.substr(0, 10) + "</span></h2>\n";
  html += "<div class='post hentry'>\n<h3 class='post-title entry-title'>" + Escape(article.title) +
          "</h3>\n<div class='post-body entry-content'>\n";
  if (!article.subtitle.empty()) html += "<p><b>" + Escape(article.subtitle) + "</b></p>\n";
  html += "<p>By ";
  for (size_t i = 0; i < article.authors.size(); ++i) {
    html += (i == 0                            ? ""
             : i + 1 == article.authors.size() ? " and "
                                               : ", ") +
            Escape(article.authors[i]);
  }
  html += "</p>\n";
  for (const std::string& paragraph : article.paragraphs) {
    html += "<p>" + Escape(paragraph) + "</p>\n";
  }
  html += "<p>From " + Escape(article.source->name) + ": <a href='" + article.url + "'>" +
          article.url + "</a></p>\n";
  html +=
      "</div>\n<div class='post-footer'><span class='post-author vcard'>Posted by "
      "<span class='fn'>newsfan</span></span> <span class='post-labels'>Labels: ";
  for (size_t i = 0; i < article.tags.size(); ++i) {
    html += (i == 0 ? "" : ", ") + std::string("<a href='/search/label/") + article.tags[i] +
            "' rel='tag'>" + article.tags[i] + "</a>";
  }
  html +=
      "</span>\n<div class='post-share-buttons'><a href='#'>Email This</a> <a href='#'>"
      "BlogThis!</a> <a href='#'>Share to Twitter</a></div></div>\n</div></div>\n";
  const int comments = random.Between(0, 3);
  html += "<div class='comments'><h4>" + std::to_string(comments) + " comments:</h4>\n";
  for (int i = 0; i < comments; ++i) {
    html += "<dl><dt>Anonymous said...</dt><dd><p>" +
            Sentence(world, random, random.Between(6, 20)) + "</p></dd></dl>\n";
  }
  html +=
      "<p>Post a Comment</p></div>\n</div></div>\n<div class='sidebar'>\n"
      "<h2>Blog Archive</h2><ul>\n";
  for (int year = 2024; year >= 2015; --year) {
    html += "<li><a href='/" + std::to_string(year) + "/'>" + std::to_string(year) + "</a> (" +
            std::to_string(random.Between(10, 90)) + ")</li>\n";
  }
  html += "</ul>\n<h2>Labels</h2><ul>\n";
  for (int i = 0; i < 20; ++i) {
    const std::string& tag = world.tags[random.Below(world.tags.size())];
    html.append("<li><a href='/search/label/").append(tag).append("'>").append(tag);
    html += "</a></li>\n";
  }
  html += "</ul></div>\n<div class='footer'>Powered by Blogger</div>\n</body></html>\n";
  return html;
}

int Usage() {
  std::cerr << "usage: morgue_corpus_gen --articles N [--seed S] [--jsonl FILE] "
               "[--html-dir DIR] [--html-pages M] [--script latin|hangul]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t articles = -1;
  int64_t html_pages = -1;
  uint64_t seed = 20110104;
  fs::path jsonl_path;
  fs::path html_dir;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const std::string value = argv[++i];
    if (arg == "--articles") {
      articles = std::stoll(value);
    } else if (arg == "--seed") {
      seed = std::stoull(value);
    } else if (arg == "--jsonl") {
      jsonl_path = value;
    } else if (arg == "--html-dir") {
      html_dir = value;
    } else if (arg == "--html-pages") {
      html_pages = std::stoll(value);
    } else if (arg == "--script" && (value == "latin" || value == "hangul")) {
      g_hangul = value == "hangul";
    } else {
      return Usage();
    }
  }
  if (articles < 0 || (jsonl_path.empty() && html_dir.empty())) return Usage();
  if (html_pages < 0 || html_pages > articles) html_pages = articles;

  Random random(seed);
  const World world(random);
  std::ofstream jsonl;
  if (!jsonl_path.empty()) {
    jsonl.open(jsonl_path, std::ios::binary | std::ios::trunc);
    if (!jsonl) {
      std::cerr << "morgue_corpus_gen: cannot write " << jsonl_path << "\n";
      return 1;
    }
  }
  for (int64_t i = 0; i < articles; ++i) {
    // One stream per article, so that the first M pages are the same whatever N is.
    Random article_random(seed ^ (0x9E3779B97F4A7C15ULL * static_cast<uint64_t>(i + 1)));
    const GeneratedArticle article = MakeArticle(world, article_random, i);
    if (jsonl.is_open()) jsonl << JsonLine(article);
    if (!html_dir.empty() && i < html_pages) {
      // Folders of 1,000 pages keep directory listings fast.
      const fs::path folder = html_dir / std::to_string(i / 1000);
      fs::create_directories(folder);
      std::ofstream page(folder / ("post-" + std::to_string(i) + ".html"),
                         std::ios::binary | std::ios::trunc);
      page << HtmlPage(world, article, article_random);
      if (!page) {
        std::cerr << "morgue_corpus_gen: cannot write into " << folder << "\n";
        return 1;
      }
    }
  }
  if (jsonl.is_open() && !jsonl.flush()) {
    std::cerr << "morgue_corpus_gen: cannot write " << jsonl_path << "\n";
    return 1;
  }
  return 0;
}
