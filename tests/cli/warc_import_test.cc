// Importing web archives through the real binary: a site written here is served on
// 127.0.0.1 and crawled by the real wget --warc-file (warc_crawl.py), which writes the
// WARC as crawlers do (a gzip member per record; also plain, and compressed whole by
// gzip), with a redirect, a missing page, an image, a stylesheet, a page sent in chunks
// and one sent gzip-compressed. The archive is then read back with list, show, export and
// original; the WARC's own records are read independently by warc_crawl.py's index.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue::testing {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kOk = 0;
constexpr int kPartial = 1;

// The site's pages, by file name: distinct articles, one with its own publication date.
const std::map<std::string, std::string>& SitePages() {
  static const std::map<std::string, std::string> pages = {
      {"index.html",
       "<!DOCTYPE html>\n<html><head><title>City desk</title>"
       "<link rel=\"stylesheet\" href=\"style.css\"></head><body><article><h1>City desk</h1>\n"
       "<p>The city desk covers the harbour, the trains, the libraries and the people who use "
       "them every day; new stories appear on this page each morning before eight.</p>\n"
       "<ul><li><a href=\"a.html\">Bridge</a></li><li><a href=\"b.html\">Cafes</a></li>"
       "<li><a href=\"chunked.html\">Trains</a></li><li><a href=\"gzip.html\">Library</a></li>"
       "<li><a href=\"old.html\">Moved</a></li><li><a href=\"missing.html\">Gone</a></li></ul>\n"
       "<img src=\"pic.png\" alt=\"\"></article></body></html>\n"},
      {"a.html",
       "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<title>Harbour bridge reopens after repairs</title></head><body><article>\n"
       "<h1>Harbour bridge reopens after repairs</h1><p class=\"byline\">By Jane Doe</p>\n"
       "<p>The harbour bridge reopened on Monday after eight months of repairs that cost the "
       "city more than it had planned.</p>\n<p>Commuters said the queues had been long, and "
       "traders near the old ferry landing welcomed the return of foot traffic.</p>\n"
       "</article></body></html>\n"},
      {"b.html",
       "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<meta property=\"article:published_time\" content=\"2011-01-04T09:30:00+09:00\">"
       "<title>Seoul caf\xC3\xA9 owners count the cost of the cold</title></head><body>"
       "<article>\n<h1>Seoul caf\xC3\xA9 owners count the cost of the cold</h1>\n"
       "<p>Owners of small caf\xC3\xA9s in Seoul said the coldest January in a decade had "
       "kept customers at home and doubled their heating bills.</p>\n<p>Several said they "
       "would shorten their opening hours until the spring.</p>\n</article></body></html>\n"},
      {"chunked.html",
       "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<title>Night trains return to the coast</title></head><body><article>\n"
       "<h1>Night trains return to the coast</h1>\n<p>The night train to the coast runs "
       "again from Friday, the rail company said, three years after the line was closed "
       "for want of passengers.</p>\n<p>Tickets went on sale this morning and the first "
       "week is already sold out, according to the company.</p>\n</article></body></html>\n"},
      {"gzip.html",
       "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
       "<title>Library extends its opening hours</title></head><body><article>\n"
       "<h1>Library extends its opening hours</h1>\n<p>The central library will stay open "
       "until ten in the evening on weekdays, the council decided on Tuesday after a "
       "petition signed by four thousand students.</p>\n<p>The longer hours start next "
       "month and will be reviewed after a year.</p>\n</article></body></html>\n"},
  };
  return pages;
}

// One record of a WARC, as warc_crawl.py's index gives it.
struct IndexedRecord {
  std::string offset, type, id, uri, date;
  int status = 0;
};

std::vector<IndexedRecord> ReadIndex(const fs::path& path) {
  std::vector<IndexedRecord> records;
  std::istringstream lines(ReadFile(path));
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
    if (fields.size() == 5) fields.insert(fields.begin() + 3, "");  // no target URI
    EXPECT_EQ(fields.size(), 6u) << line;
    if (fields.size() != 6) continue;
    records.push_back(
        {fields[0], fields[1], fields[2], fields[3], fields[4], std::stoi(fields[5])});
  }
  return records;
}

// Whether `record` holds one of the site's pages fetched with success.
bool IsPage(const IndexedRecord& record) {
  return record.type == "response" && record.status == 200 && record.uri.ends_with(".html");
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The path of `program` in PATH, or "" when it is not there.
std::string FindProgram(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path == nullptr ? "" : path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const fs::path candidate = fs::path(dir) / program;
    if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

class WarcImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(FindProgram("wget"), "")
        << "wget is missing: these tests crawl with the real wget --warc-file; install it "
           "(tools/scripts/common.sh lists it among the packages the project installs)";
    const fs::path site = dir_ / "site";
    fs::create_directories(site);
    for (const auto& [name, content] : SitePages()) WriteFile(site / name, content);
    WriteFile(site / "style.css", "body { font-family: serif; }\n");
    WriteFile(site / "pic.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const CommandResult crawl =
        RunCommand({"/usr/bin/env", "python3", (SourceDir() / "tests/cli/warc_crawl.py").string(),
                    site.string(), dir_.path().string()});
    ASSERT_EQ(crawl.exit_code, 0) << crawl.out << crawl.err;
    base_ = ReadFile(dir_ / "base");
    index_ = ReadIndex(dir_ / "crawl.warc.gz.index");
    ASSERT_FALSE(index_.empty());
  }

  CommandResult Morgue(const std::string& archive, std::vector<std::string> args) {
    args.insert(args.begin(), {"--archive", archive});
    return RunMorgue(args, "", {{"MORGUE_ARCHIVE", ""}, {"MORGUE_PLUGIN_PATH", ""}}, dir_.path());
  }
  CommandResult Import(const std::string& archive, std::vector<std::string> inputs) {
    inputs.insert(inputs.begin(), {"import", "--create"});
    return Morgue(archive, inputs);
  }
  // The archive's articles as `export --format jsonl` writes them.
  std::vector<Json> Articles(const std::string& archive) {
    const CommandResult exported = Morgue(archive, {"export", "--format", "jsonl"});
    EXPECT_EQ(exported.exit_code, kOk) << exported.err;
    std::vector<Json> articles;
    for (const std::string& line : Lines(exported.out)) articles.push_back(Json::parse(line));
    return articles;
  }

  // The closing lines `morgue import` prints for crawl.warc.gz as wget wrote it: what
  // the container held, counted from the index.
  std::string ContainerLine(const std::string& name, const std::vector<IndexedRecord>& index) {
    std::map<std::string, int> skipped;
    int documents = 0;
    for (const IndexedRecord& record : index) {
      if (IsPage(record)) {
        ++documents;
      } else if (record.type != "response") {
        ++skipped[record.type + " records"];
      } else if (record.status >= 300 && record.status < 400) {
        ++skipped["redirects"];
      } else if (record.status >= 400) {
        ++skipped["error responses"];
      } else if (record.uri.ends_with(".png")) {
        ++skipped["images"];
      } else if (record.uri.ends_with(".css")) {
        ++skipped["stylesheets"];
      }
    }
    int skipped_total = 0;
    std::string reasons;
    for (const auto& [reason, count] : skipped) {
      skipped_total += count;
      reasons += (reasons.empty() ? " " : ", ") + std::to_string(count) + " " + reason;
    }
    return "morgue: " + name + ": warc: " + std::to_string(index.size()) +
           " records: " + std::to_string(documents) + " documents, " +
           std::to_string(skipped_total) + " skipped:" + reasons;
  }

  TempDir dir_;
  std::string base_;                  // http://127.0.0.1:PORT
  std::vector<IndexedRecord> index_;  // crawl.warc.gz's records
};

TEST_F(WarcImportTest, ImportsTheCrawledPagesWithTheirAddressAndCaptureDate) {
  // The crawl holds every kind of record it should: pages, a redirect, an error, an
  // image, a stylesheet, requests and wget's own records.
  std::set<std::string> kinds;
  std::set<std::string> page_uris;
  int pages = 0;
  for (const IndexedRecord& record : index_) {
    kinds.insert(record.type + (record.status ? std::to_string(record.status / 100) : ""));
    if (IsPage(record)) {
      ++pages;
      page_uris.insert(record.uri);
    }
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"warcinfo", "request", "response2", "response3",
                                          "response4", "metadata", "resource"}));
  ASSERT_EQ(page_uris.size(), SitePages().size());
  // The redirect led wget back to a page it had: that record is a duplicate.
  const int duplicates = pages - static_cast<int>(page_uris.size());

  const CommandResult imported = Import("a.db", {"crawl.warc.gz"});
  ASSERT_EQ(imported.exit_code, kOk) << imported.err;
  const std::vector<std::string> lines = Lines(imported.err);
  ASSERT_GE(lines.size(), 2u) << imported.err;
  EXPECT_EQ(lines[lines.size() - 2], ContainerLine("crawl.warc.gz", index_)) << imported.err;
  EXPECT_EQ(lines.back(), "1 file (1 container with " + std::to_string(pages) + " documents, " +
                              std::to_string(index_.size() - pages) +
                              " records skipped): " + std::to_string(page_uris.size()) +
                              " articles imported, " + std::to_string(duplicates) +
                              (duplicates == 1 ? " duplicate" : " duplicates") +
                              "; 0 inputs failed, 0 skipped");

  // Each article's URL is the page's target URI; the capture date is kept with the
  // document, never as the publication date: only the page that states its date has one.
  const std::vector<Json> articles = Articles("a.db");
  ASSERT_EQ(articles.size(), SitePages().size());
  std::set<std::string> urls;
  for (const Json& article : articles) {
    const std::string url = article.at("url");
    urls.insert(url);
    EXPECT_EQ(article.at("provenance").at("url"), "warc record");
    const std::string file = url.substr(url.rfind('/') + 1);
    ASSERT_TRUE(SitePages().count(file)) << url;
    const Json& published = article.at("published");
    if (file == "b.html") {
      EXPECT_EQ(published, "2011-01-04T09:30:00+09:00");
      EXPECT_EQ(article.at("title"), "Seoul caf\xC3\xA9 owners count the cost of the cold");
    } else {
      EXPECT_TRUE(published.is_null()) << url << ": " << published;
    }
  }
  EXPECT_EQ(urls, page_uris);

  // Each document: named after its record, with the record's offset in the file as
  // stored, its target URI and its capture date; `morgue original` gives the page's bytes
  // as served, whatever the transfer (chunked) and content (gzip) encodings.
  std::set<std::string> seen;
  for (const IndexedRecord& record : index_) {
    // The page fetched again after the redirect is a duplicate: its document is not kept.
    if (!IsPage(record) || !seen.insert(record.uri).second) continue;
    const std::string where = "original_path = 'crawl.warc.gz#" + record.id + "'";
    const std::string document = QuerySql(dir_ / "a.db", "SELECT id FROM documents WHERE " + where);
    ASSERT_NE(document, "") << record.uri;
    EXPECT_EQ(QuerySql(dir_ / "a.db",
                       "SELECT container || ' ' || container_offset || ' ' || "
                       "target_uri || ' ' || captured_at FROM documents WHERE " +
                           where),
              "crawl.warc.gz " + record.offset + " " + record.uri + " " + record.date);
    const std::string article = QuerySql(
        dir_ / "a.db", "SELECT article_id FROM article_documents WHERE document_id = " + document);
    ASSERT_NE(article, "") << record.uri;
    const std::string file = record.uri.substr(record.uri.rfind('/') + 1);
    const CommandResult original = Morgue("a.db", {"original", article});
    EXPECT_EQ(original.exit_code, kOk) << original.err;
    EXPECT_TRUE(original.out == SitePages().at(file)) << record.uri << ":\n" << original.out;
  }

  const CommandResult listed = Morgue("a.db", {"list"});
  EXPECT_NE(listed.out.find("Harbour bridge reopens after repairs"), std::string::npos);
  EXPECT_NE(listed.out.find("Night trains return to the coast"), std::string::npos);
  EXPECT_NE(listed.out.find("Library extends its opening hours"), std::string::npos);
  const CommandResult shown = Morgue("a.db", {"show", "1"});
  EXPECT_NE(shown.out.find("crawl.warc.gz#urn:uuid:"), std::string::npos) << shown.out;
}

TEST_F(WarcImportTest, ImportsNothingTwiceWhenImportedAgainOrGivenTwice) {
  ASSERT_EQ(Import("a.db", {"crawl.warc.gz"}).exit_code, kOk);
  const std::string count = QuerySql(dir_ / "a.db", "SELECT count(*) FROM articles");
  const int pages = static_cast<int>(std::count_if(index_.begin(), index_.end(), IsPage));

  const CommandResult again = Import("a.db", {"crawl.warc.gz"});
  EXPECT_EQ(again.exit_code, kOk) << again.err;
  EXPECT_NE(again.err.find(": 0 articles imported, " + std::to_string(pages) + " duplicates;"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(QuerySql(dir_ / "a.db", "SELECT count(*) FROM articles"), count);

  const CommandResult twice = Import("b.db", {"crawl.warc.gz", "crawl.warc.gz"});
  EXPECT_EQ(twice.exit_code, kOk) << twice.err;
  EXPECT_NE(twice.err.find(": " + count + " articles imported, " +
                           std::to_string(2 * pages - std::stoi(count)) + " duplicates;"),
            std::string::npos)
      << twice.err;
  EXPECT_EQ(QuerySql(dir_ / "b.db", "SELECT count(*) FROM articles"), count);
}

TEST_F(WarcImportTest, PlainAndWholeFileGzipWarcsGiveTheSameArticles) {
  ASSERT_EQ(Import("gz.db", {"crawl.warc.gz"}).exit_code, kOk);
  const CommandResult plain = Import("plain.db", {"plain.warc"});
  ASSERT_EQ(plain.exit_code, kOk) << plain.err;
  const CommandResult whole = Import("whole.db", {"whole.warc.gz"});
  ASSERT_EQ(whole.exit_code, kOk) << whole.err;
  // The second crawl (plain.warc) fetched the same pages in the same order.
  const std::vector<Json> expected = Articles("gz.db");
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(Articles("plain.db"), expected);
  EXPECT_EQ(Articles("whole.db"), expected);
  const std::vector<IndexedRecord> plain_index = ReadIndex(dir_ / "plain.warc.index");
  EXPECT_NE(plain.err.find(ContainerLine("plain.warc", plain_index)), std::string::npos)
      << plain.err;

  // Offsets: a plain file's are exact; a whole-file gzip's lie inside the compressed file,
  // in the records' order.
  std::set<std::string> seen;
  for (const IndexedRecord& record : plain_index) {
    if (!IsPage(record) || !seen.insert(record.uri).second) continue;
    EXPECT_EQ(QuerySql(dir_ / "plain.db",
                       "SELECT container_offset FROM documents WHERE "
                       "original_path = 'plain.warc#" +
                           record.id + "'"),
              record.offset);
  }
  const std::string offsets = QuerySql(dir_ / "whole.db",
                                       "SELECT group_concat(container_offset, ' ') FROM "
                                       "(SELECT container_offset FROM documents ORDER BY id)");
  std::istringstream numbers(offsets);
  long previous = -1;
  for (long offset; numbers >> offset; previous = offset) {
    EXPECT_GT(offset, previous);
    EXPECT_LT(offset, static_cast<long>(fs::file_size(dir_ / "whole.warc.gz")));
  }
}

TEST_F(WarcImportTest, ATruncatedWarcGzKeepsTheRecordsBeforeTheBreak) {
  // Cut in the middle of the gzip member of the page sent in chunks.
  size_t broken = 0;
  for (; broken < index_.size(); ++broken) {
    if (IsPage(index_[broken]) && index_[broken].uri.ends_with("/chunked.html")) break;
  }
  ASSERT_LT(broken + 1, index_.size());
  const size_t start = std::stoul(index_[broken].offset);
  const size_t cut = (start + std::stoul(index_[broken + 1].offset)) / 2;
  WriteFile(dir_ / "cut.warc.gz", ReadFile(dir_ / "crawl.warc.gz").substr(0, cut));
  std::set<std::string> kept_uris;
  for (size_t i = 0; i < broken; ++i) {
    if (IsPage(index_[i])) kept_uris.insert(index_[i].uri);
  }

  const std::string failure = "cut.warc.gz: warc: at byte " + std::to_string(start) +
                              ": the record is cut short: the gzip data ends in the middle of "
                              "a member (at byte " +
                              std::to_string(cut) + ")";
  std::vector<std::string> outcomes;
  for (const std::string& isolate : {"", "--isolate"}) {
    const std::string archive = isolate.empty() ? "a.db" : "isolated.db";
    std::vector<std::string> args = {"cut.warc.gz", "crawl.warc.gz"};
    if (!isolate.empty()) args.insert(args.begin(), isolate);
    const CommandResult imported = Import(archive, args);
    EXPECT_EQ(imported.exit_code, kPartial) << imported.err;
    int failure_lines = 0;
    for (const std::string& line : Lines(imported.err)) {
      if (line.find("at byte") != std::string::npos) {
        ++failure_lines;
        EXPECT_EQ(line, failure);
      }
    }
    EXPECT_EQ(failure_lines, 1) << imported.err;
    EXPECT_NE(imported.err.find("; 1 input failed, 0 skipped"), std::string::npos) << imported.err;
    // The pages before the break come from the cut file; the rest from the whole one.
    std::set<std::string> from_cut;
    for (const Json& article : Articles(archive)) {
      const std::string document =
          QuerySql(dir_ / archive,
                   "SELECT d.container FROM documents d JOIN article_documents ad ON "
                   "ad.document_id = d.id WHERE ad.article_id = " +
                       std::to_string(article.at("id").get<int>()) + " ORDER BY d.id LIMIT 1");
      if (document == "cut.warc.gz") from_cut.insert(article.at("url"));
    }
    EXPECT_EQ(from_cut, kept_uris);
    EXPECT_EQ(Articles(archive).size(), SitePages().size());
    std::string err;
    for (const std::string& line : Lines(imported.err)) {
      if (!line.starts_with("morgue: created archive")) err += line + "\n";
    }
    outcomes.push_back(err + std::to_string(Articles(archive).size()));
  }
  EXPECT_EQ(outcomes[0], outcomes[1]);  // --isolate gives the same result
}

TEST_F(WarcImportTest, RefusesAFileThatIsNotAWarcAndImportsTheRest) {
  WriteFile(dir_ / "notes.warc", "These are my notes, not a web archive.\n");
  const CommandResult imported = Import("a.db", {"notes.warc", "crawl.warc.gz"});
  EXPECT_EQ(imported.exit_code, kPartial) << imported.err;
  EXPECT_NE(imported.err.find("notes.warc: warc: not a WARC file: it starts with 'These are my "
                              "not...', not WARC/1.0 or WARC/1.1\n"),
            std::string::npos)
      << imported.err;
  EXPECT_EQ(Articles("a.db").size(), SitePages().size());
}

TEST_F(WarcImportTest, ABrokenRecordFailsAloneAndTheRestIsImported) {
  // wget's plain WARC with a record whose chunked encoding is broken put after its first
  // page, as a damaged capture would have it.
  const std::vector<IndexedRecord> plain_index = ReadIndex(dir_ / "plain.warc.index");
  const auto first_page = std::find_if(plain_index.begin(), plain_index.end(), IsPage);
  ASSERT_NE(first_page + 1, plain_index.end());
  const size_t after = std::stoul((first_page + 1)->offset);
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
      "zz\r\n<p>x</p>\r\n0\r\n\r\n";
  const std::string id = "urn:uuid:5b0e3c4e-0000-4000-8000-00000000dead";
  const std::string bad = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <" + id +
                          ">\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Target-URI: <" + base_ +
                          "/broken.html>\r\nContent-Type: application/http;msgtype=response\r\n"
                          "Content-Length: " +
                          std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  const std::string plain = ReadFile(dir_ / "plain.warc");
  WriteFile(dir_ / "damaged.warc", plain.substr(0, after) + bad + plain.substr(after));

  const CommandResult imported = Import("a.db", {"damaged.warc"});
  EXPECT_EQ(imported.exit_code, kPartial) << imported.err;
  int failure_lines = 0;
  for (const std::string& line : Lines(imported.err)) {
    if (!line.starts_with("damaged.warc#")) continue;
    ++failure_lines;
    EXPECT_TRUE(line.starts_with("damaged.warc#" + id + ": ")) << line;
    EXPECT_TRUE(line.ends_with(": bad chunked encoding: chunk size 'zz' is not hexadecimal"))
        << line;
  }
  EXPECT_EQ(failure_lines, 1) << imported.err;
  EXPECT_NE(imported.err.find(" documents (1 could not be read), "), std::string::npos)
      << imported.err;
  EXPECT_EQ(Articles("a.db").size(), SitePages().size());
}

}  // namespace
}  // namespace morgue::testing
