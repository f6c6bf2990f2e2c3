// The warc plugin's container reader, loaded as the host loads it and read through
// testing::ReadContainer with reads of 1, 7 and 4096 bytes, so that records, headers,
// chunks and gzip members split across reads are exercised: hand-made records for each
// kind of record, encoding, failure and break.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/container.h"
#include "morgue/plugin.h"
#include "support/test_support.h"
#include "tests/plugins/warc/warc_records.h"

namespace morgue {
namespace {

using ::morgue::testing::ContainerReading;
using ::morgue::testing::warc::Brotli;
using ::morgue::testing::warc::Chunked;
using ::morgue::testing::warc::Deflate;
using ::morgue::testing::warc::Gzip;
using ::morgue::testing::warc::Http;
using ::morgue::testing::warc::Packing;
using ::morgue::testing::warc::Record;
using ::morgue::testing::warc::WarcFile;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kPage[] =
    "<!DOCTYPE html>\n<html><head><title>Harbour bridge reopens</title></head>\n"
    "<body><article><h1>Harbour bridge reopens</h1><p>The bridge reopened on Monday.</p>"
    "</article></body></html>\n";

// A page of `words` numbers that differ from page to page and compress poorly, so that
// later records lie further into a compressed file.
std::string NumbersPage(int seed, int words) {
  std::string body = "<html><body><p>";
  unsigned state = static_cast<unsigned>(seed) * 2654435761u + 1;
  for (int w = 0; w < words; ++w) {
    state = state * 1103515245u + 12345u;
    body += std::to_string(state % 1000003) + " ";
  }
  return body + "</p></body></html>";
}

std::string Hex(size_t n) {
  char hex[32];
  std::snprintf(hex, sizeof hex, "%zx", n);
  return hex;
}

std::string Uuid(int n) {
  char id[64];
  std::snprintf(id, sizeof id, "urn:uuid:00000000-0000-4000-8000-%012d", n);
  return id;
}

// A record of `type` with `block`, numbered `n` (its id and target URI follow).
Record Make(int n, std::string type, std::string block) {
  Record record;
  record.id = Uuid(n);
  record.uri = "http://news.example/" + std::to_string(n) + ".html";
  record.type = std::move(type);
  record.block = std::move(block);
  if (record.type == "request") record.content_type = "application/http; msgtype=request";
  if (record.type == "warcinfo") {
    record.uri.clear();
    record.content_type = "application/warc-fields";
  }
  if (record.type == "metadata") record.content_type = "application/warc-fields";
  return record;
}

Record Response(int n, std::string http) { return Make(n, "response", std::move(http)); }

Record Page(int n, std::vector<std::string> headers = {"Content-Type: text/html; charset=utf-8"},
            const std::string& body = kPage) {
  return Response(n, Http("200 OK", headers, body));
}

class WarcReaderTest : public testing::BuiltinPluginTest,
                       public ::testing::WithParamInterface<size_t> {
 protected:
  WarcReaderTest() : BuiltinPluginTest("warc") {}

  ContainerReading Read(std::string bytes) {
    return testing::ReadContainer(registry_, "warc", std::move(bytes), "test.warc", GetParam());
  }
  ContainerReading Read(const std::vector<Record>& records, Packing packing = Packing::kPlain) {
    return Read(WarcFile(records, packing));
  }
};

// "d" for a document, "s:<reason>" for a skipped record, "f" for a failed one.
std::vector<std::string> Kinds(const ContainerReading& reading) {
  std::vector<std::string> kinds;
  for (const ContainerItem& item : reading.items) {
    if (item.kind == ContainerItem::kDocument) kinds.push_back("d");
    if (item.kind == ContainerItem::kSkipped) kinds.push_back("s:" + item.skip_reason);
    if (item.kind == ContainerItem::kFailed) kinds.push_back("f");
  }
  return kinds;
}

TEST_P(WarcReaderTest, ReadsTheHtmlResponseOfAWarc11FileAndSkipsTheOtherRecords) {
  const std::vector<Record> records = {
      Make(1, "warcinfo", "software: test\r\nformat: WARC File Format 1.1\r\n"),
      Make(2, "request", "GET /2.html HTTP/1.1\r\nHost: news.example\r\n\r\n"),
      Page(3),
      Make(4, "metadata", "outlinks: http://news.example/5.html\r\n"),
      Make(5, "revisit", Http("200 OK", {"Content-Type: text/html"}, "")),
  };
  std::vector<size_t> offsets;
  const std::string file = WarcFile(records, Packing::kPlain, &offsets);
  const ContainerReading reading = Read(file);
  ASSERT_TRUE(reading.opened.ok()) << reading.opened.ToString();
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  EXPECT_THAT(Kinds(reading), ::testing::ElementsAre("s:warcinfo records", "s:request records", "d",
                                                     "s:metadata records", "s:revisit records"));
  for (size_t i = 0; i < reading.items.size(); ++i) {
    EXPECT_EQ(reading.items[i].offset, offsets[i]) << i;
    EXPECT_EQ(reading.items[i].id, Uuid(static_cast<int>(i) + 1));
  }
  const ContainerItem& page = reading.items[2];
  EXPECT_EQ(page.bytes, kPage);
  EXPECT_EQ(page.extension, ".html");
  EXPECT_EQ(page.media_type, "text/html");
  EXPECT_EQ(page.format, "");
  EXPECT_EQ(page.hints.origin, "warc record");
  EXPECT_EQ(page.hints.url, "http://news.example/3.html");
  EXPECT_EQ(page.hints.captured, "2024-05-01T10:00:00Z");
  EXPECT_EQ(page.hints.published, "");  // a capture date is never a publication date
}

TEST_P(WarcReaderTest, ReadsWarc10AsWgetWritesIt) {
  // wget 1.21 writes WARC/1.0 with the target URI in angle brackets and an HTTP/1.0
  // response whose header names are in any case.
  Record page = Response(1,
                         "HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6\r\ncontent-type: text/html\r\n"
                         "Content-Length: " +
                             std::to_string(std::string(kPage).size()) + "\r\n\r\n" + kPage);
  page.version = "WARC/1.0";
  page.uri = "<http://127.0.0.1:8000/index.html>";
  page.date = "2024-05-01T10:00:00Z";
  const ContainerReading reading = Read({page});
  ASSERT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_THAT(Kinds(reading), ::testing::ElementsAre("d"));
  EXPECT_EQ(reading.items[0].hints.url, "http://127.0.0.1:8000/index.html");
  EXPECT_EQ(reading.items[0].bytes, kPage);
}

TEST_P(WarcReaderTest, GivesEachRecordOfAGzipPerRecordFileTheOffsetOfItsMember) {
  const std::vector<Record> records = {Make(1, "warcinfo", "software: test\r\n"),
                                       Make(2, "request", "GET / HTTP/1.1\r\n\r\n"), Page(3),
                                       Page(4)};
  std::vector<size_t> offsets;
  const std::string file = WarcFile(records, Packing::kGzipPerRecord, &offsets);
  const ContainerReading reading = Read(file);
  ASSERT_TRUE(reading.opened.ok()) << reading.opened.ToString();
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_THAT(Kinds(reading),
              ::testing::ElementsAre("s:warcinfo records", "s:request records", "d", "d"));
  for (size_t i = 0; i < offsets.size(); ++i) EXPECT_EQ(reading.items[i].offset, offsets[i]) << i;
  EXPECT_EQ(reading.items[3].bytes, kPage);
  EXPECT_EQ(reading.items[3].id, Uuid(4));
}

TEST_P(WarcReaderTest, ReadsAWholeFileGzipWithOffsetsInsideTheCompressedFile) {
  std::vector<Record> records;
  for (int n = 1; n <= 12; ++n) {
    records.push_back(Page(n, {"Content-Type: text/html"}, NumbersPage(n, 3000)));
  }
  const std::string file = WarcFile(records, Packing::kGzipWhole);
  const ContainerReading reading = Read(file);
  ASSERT_TRUE(reading.opened.ok()) << reading.opened.ToString();
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_EQ(reading.items.size(), 12u);
  EXPECT_EQ(reading.items[0].offset, 0u);
  for (size_t i = 0; i < reading.items.size(); ++i) {
    EXPECT_EQ(reading.items[i].kind, ContainerItem::kDocument);
    EXPECT_EQ(reading.items[i].bytes, NumbersPage(static_cast<int>(i) + 1, 3000));
    EXPECT_LT(reading.items[i].offset, file.size());
    if (i > 0) EXPECT_GT(reading.items[i].offset, reading.items[i - 1].offset) << i;
  }
}

TEST_P(WarcReaderTest, DecodesChunkedTransferAndGzipDeflateAndBrContent) {
  const std::string page = kPage;
  const std::vector<Record> records = {
      Page(1, {"Content-Type: text/html", "Transfer-Encoding: chunked"}, Chunked(page, 17)),
      Page(2, {"Content-Type: text/html", "Content-Encoding: gzip"}, Gzip(page)),
      Page(3, {"Content-Type: text/html", "Content-Encoding: x-gzip"}, Gzip(page)),
      Page(4, {"Content-Type: text/html", "Content-Encoding: deflate"}, Deflate(page, 15)),
      Page(5, {"Content-Type: text/html", "Content-Encoding: deflate"}, Deflate(page, -15)),
      Page(6, {"Content-Type: text/html", "Content-Encoding: br"}, Brotli(page)),
      Page(7, {"Content-Type: text/html", "Content-Encoding: gzip", "Transfer-Encoding: chunked"},
           Chunked(Gzip(page), 5)),
      Page(8, {"Content-Type: text/html", "Content-Encoding: identity"}, page),
      // Two codings applied in turn, and a chunk with an extension and a trailer.
      Page(9, {"Content-Type: text/html", "Content-Encoding: gzip, br"}, Brotli(Gzip(page))),
      Page(10, {"Content-Type: text/html", "Transfer-Encoding: chunked"},
           "10;name=value\r\n" + page.substr(0, 16) + "\r\n" + Hex(page.size() - 16) + "\r\n" +
               page.substr(16) + "\r\n0\r\nTrailer-Field: x\r\n\r\n"),
  };
  const ContainerReading reading = Read(records);
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_EQ(reading.items.size(), records.size());
  for (const ContainerItem& item : reading.items) {
    EXPECT_EQ(item.kind, ContainerItem::kDocument) << item.id << ": " << item.failure.ToString();
    EXPECT_EQ(item.bytes, page) << item.id;
  }
}

TEST_P(WarcReaderTest, SkipsRecordsThatHoldNoPageCountedByKind) {
  Record resource = Make(20, "resource", "just some text");
  resource.content_type = "text/plain";
  Record dns = Make(21, "response", "20240501100000\nnews.example. 300 IN A 192.0.2.1\n");
  dns.content_type = "text/dns";
  dns.uri = "dns:news.example";
  Record segment = Page(22);
  segment.more_fields = {"WARC-Segment-Number: 1"};
  const std::vector<Record> records = {
      Response(1, Http("301 Moved Permanently", {"Location: /b.html"}, "")),
      Response(2, Http("302 Found", {"Location: /c.html", "Content-Type: text/html"}, kPage)),
      Response(3, Http("404 Not Found", {"Content-Type: text/html"}, kPage)),
      Response(4, Http("500 Internal Server Error", {"Content-Type: text/html"}, kPage)),
      Response(5, Http("304 Not Modified", {}, "")),
      Response(6, Http("206 Partial Content", {"Content-Type: text/html"}, kPage)),
      Response(7, Http("200 OK", {"Content-Type: image/png"}, "\x89PNG\r\n\x1a\n")),
      Response(8, Http("200 OK", {"Content-Type: application/javascript"}, "var a = 1;")),
      Response(9, Http("200 OK", {"Content-Type: text/javascript; charset=utf-8"}, "a();")),
      Response(10, Http("200 OK", {"Content-Type: text/css"}, "p { margin: 0 }")),
      Response(11, Http("200 OK", {"Content-Type: application/pdf"}, "%PDF-1.4")),
      Response(12, Http("200 OK", {"Content-Type: text/plain"}, "<html>not sniffed</html>")),
      Response(13, Http("200 OK", {"Content-Type: text/html"}, "\r\n  \r\n")),
      Make(14, "conversion", "converted"),
      Make(15, "continuation", "the rest"),
      Make(16, "something-new", "whatever"),
      resource,
      dns,
      segment,
  };
  const ContainerReading reading = Read(records);
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  EXPECT_THAT(
      Kinds(reading),
      ::testing::ElementsAre("s:redirects", "s:redirects", "s:error responses", "s:error responses",
                             "s:non-200 responses", "s:non-200 responses", "s:images", "s:scripts",
                             "s:scripts", "s:stylesheets", "s:non-HTML responses",
                             "s:non-HTML responses", "s:empty pages", "s:conversion records",
                             "s:continuation records", "s:records of unknown type",
                             "s:resource records", "s:non-HTTP responses", "s:segmented records"));
}

TEST_P(WarcReaderTest, SniffsAPayloadWhoseTypeIsMissingOrGeneric) {
  Record html_resource = Make(7, "resource", kPage);
  html_resource.content_type = "text/html";
  Record generic_resource = Make(8, "resource", std::string("  <html><body>x</body></html>"));
  generic_resource.content_type = "application/octet-stream";
  const std::vector<Record> records = {
      Response(1, Http("200 OK", {}, kPage)),
      Response(2, Http("200 OK", {"Content-Type: application/octet-stream"},
                       "\xEF\xBB\xBF\n<!-- saved -->\n<html><p>x</p></html>")),
      Response(3, Http("200 OK", {"Content-Type: application/octet-stream"}, "GIF89a\x01\x00")),
      Response(4, Http("200 OK", {"Content-Type: application/xhtml+xml; charset=utf-8"}, kPage)),
      Response(5,
               Http("200 OK", {"Content-Type: TEXT/HTML; charset=ISO-8859-1"}, "<p>caf\xE9</p>")),
      Response(6, Http("200 OK", {}, Gzip("<div class=a>gzip without a type</div>"))),
      html_resource,
      generic_resource,
  };
  // Record 6 has no Content-Encoding header: its gzip bytes are not HTML.
  const ContainerReading reading = Read(records);
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_THAT(Kinds(reading), ::testing::ElementsAre("d", "d", "s:non-HTML responses", "d", "d",
                                                     "s:non-HTML responses", "d", "d"));
  EXPECT_EQ(reading.items[0].media_type, "text/html");
  EXPECT_EQ(reading.items[1].media_type, "text/html");
  EXPECT_EQ(reading.items[3].media_type, "application/xhtml+xml");
  EXPECT_EQ(reading.items[4].media_type, "text/html");
  EXPECT_EQ(reading.items[4].bytes, "<p>caf\xE9</p>");  // as sent: the page's charset is its own
  EXPECT_EQ(reading.items[6].bytes, kPage);
  EXPECT_EQ(reading.items[6].hints.url, "http://news.example/7.html");
  EXPECT_EQ(reading.items[7].media_type, "text/html");
}

TEST_P(WarcReaderTest, FailsABrokenRecordAloneAndReadsTheNextOnes) {
  const std::string page = kPage;
  const std::vector<Record> records = {
      Page(1),
      Page(2, {"Content-Type: text/html", "Transfer-Encoding: chunked"}, "zz\r\nabc\r\n0\r\n\r\n"),
      Page(3, {"Content-Type: text/html", "Transfer-Encoding: chunked"}, "400\r\n" + page),
      Page(4, {"Content-Type: text/html", "Transfer-Encoding: chunked"},
           Chunked(page, 10).substr(0, 31)),
      Page(5, {"Content-Type: text/html", "Content-Encoding: gzip"}, "this is not gzip at all"),
      Page(6, {"Content-Type: text/html", "Content-Encoding: gzip"}, Gzip(page).substr(0, 30)),
      Page(7, {"Content-Type: text/html", "Content-Encoding: br"}, "\xff\xff\xff not brotli"),
      Page(8, {"Content-Type: text/html", "Content-Encoding: deflate"}, "\x78\x9c garbage!"),
      Page(9, {"Content-Type: text/html", "Content-Encoding: zstd"}, page),
      Response(10, "<html><body>a response without its HTTP head</body></html>"),
      Response(11, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"),
      Page(12),
  };
  const ContainerReading reading = Read(records);
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  ASSERT_THAT(Kinds(reading),
              ::testing::ElementsAre("d", "f", "f", "f", "f", "f", "f", "f", "f", "f", "f", "d"));
  const auto failure = [&](size_t i) {
    EXPECT_EQ(reading.items[i].id, Uuid(static_cast<int>(i) + 1));
    return reading.items[i].failure.message();
  };
  EXPECT_EQ(failure(1), "bad chunked encoding: chunk size 'zz' is not hexadecimal");
  EXPECT_EQ(failure(2), "bad chunked encoding: a chunk of 1024 bytes is cut short after " +
                            std::to_string(page.size()));
  EXPECT_EQ(failure(3), "bad chunked encoding: it is cut short in a chunk size line");
  EXPECT_THAT(failure(4), StartsWith("the gzip content does not inflate ("));
  EXPECT_EQ(failure(5), "the gzip content is cut short");
  EXPECT_THAT(failure(6), StartsWith("the br content does not decode ("));
  EXPECT_THAT(failure(7), StartsWith("the deflate content does not inflate ("));
  EXPECT_EQ(failure(8), "the content encoding 'zstd' is not supported");
  EXPECT_EQ(failure(9), "no HTTP status line (found '<html><body>a re...')");
  EXPECT_EQ(failure(10), "the HTTP header does not end");
  EXPECT_EQ(reading.items[1].failure.code(), StatusCode::kCorruption);
  EXPECT_EQ(reading.items[8].failure.code(), StatusCode::kNotSupported);
  EXPECT_EQ(reading.items[11].bytes, page);
}

TEST_P(WarcReaderTest, ToleratesBareLineFeedsAndExtraBlankLinesBetweenRecords) {
  std::string lf_record = Page(1).Text();
  std::string lf;
  for (size_t i = 0; i < lf_record.size(); ++i) {
    if (lf_record.compare(i, 2, "\r\n") == 0 && lf_record.find("\r\n\r\n") > i) {
      lf += '\n';  // the WARC header's line breaks only
      ++i;
    } else {
      lf += lf_record[i];
    }
  }
  const std::string file = lf + "\r\n\r\n\n" + Page(2).Text() + "\r\n";
  const ContainerReading reading = Read(file);
  EXPECT_TRUE(reading.ended.ok()) << reading.opened.ToString() << reading.ended.ToString();
  EXPECT_THAT(Kinds(reading), ::testing::ElementsAre("d", "d"));
}

TEST_P(WarcReaderTest, StopsAtATruncatedRecordKeepingTheOnesBefore) {
  std::vector<size_t> offsets;
  const std::string file = WarcFile({Page(1), Page(2), Page(3)}, Packing::kPlain, &offsets);
  const size_t cut = offsets[2] + 300;
  const ContainerReading reading = Read(file.substr(0, cut));
  ASSERT_THAT(Kinds(reading), ::testing::ElementsAre("d", "d"));
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
  const size_t header = Page(3).Text().find("\r\n\r\n") + 4;
  EXPECT_EQ(reading.ended.message(),
            "at byte " + std::to_string(offsets[2]) + ": the record is cut short: the file ends " +
                std::to_string(300 - header) + " bytes into its block of " +
                std::to_string(Page(3).block.size()) + " (its Content-Length)");

  const ContainerReading in_header = Read(file.substr(0, offsets[2] + 40));
  EXPECT_THAT(Kinds(in_header), ::testing::ElementsAre("d", "d"));
  EXPECT_EQ(in_header.ended.message(),
            "at byte " + std::to_string(offsets[2]) + ": the WARC header is cut short");
}

TEST_P(WarcReaderTest, StopsAtATruncatedGzipMemberKeepingTheRecordsBefore) {
  std::vector<size_t> offsets;
  const std::string file =
      WarcFile({Page(1), Page(2), Page(3), Page(4)}, Packing::kGzipPerRecord, &offsets);
  const size_t cut = offsets[2] + (offsets[3] - offsets[2]) / 2;
  const ContainerReading reading = Read(file.substr(0, cut));
  ASSERT_THAT(Kinds(reading), ::testing::ElementsAre("d", "d"));
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
  EXPECT_EQ(
      reading.ended.message(),
      "at byte " + std::to_string(offsets[2]) +
          ": the record is cut short: the gzip data ends in the middle of a member (at byte " +
          std::to_string(cut) + ")");

  // Cut before the member gave a byte, the record is the one cut short all the same.
  const ContainerReading early = Read(file.substr(0, offsets[2] + 12));
  EXPECT_THAT(Kinds(early), ::testing::ElementsAre("d", "d"));
  EXPECT_EQ(
      early.ended.message(),
      "at byte " + std::to_string(offsets[2]) +
          ": the record is cut short: the gzip data ends in the middle of a member (at byte " +
          std::to_string(offsets[2] + 12) + ")");

  // Cut in its last bytes (the gzip trailer), the record is whole: the break is after it.
  const ContainerReading trailer = Read(file.substr(0, offsets[3] - 3));
  EXPECT_THAT(Kinds(trailer), ::testing::ElementsAre("d", "d", "d"));
  EXPECT_EQ(trailer.ended.message(), "at byte " + std::to_string(offsets[3] - 3) +
                                         ": the gzip data ends in the middle of a member");
}

TEST_P(WarcReaderTest, StopsAtATruncatedWholeFileGzip) {
  const std::string file = WarcFile({Page(1), Page(2), Page(3)}, Packing::kGzipWhole);
  const ContainerReading reading = Read(file.substr(0, file.size() * 2 / 3));
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
  EXPECT_THAT(reading.ended.message(), StartsWith("at byte "));
  EXPECT_THAT(reading.ended.message(), HasSubstr("the gzip data ends in the middle of a member"));
  EXPECT_LT(reading.items.size(), 3u);
}

TEST_P(WarcReaderTest, StopsAtGarbageBetweenRecords) {
  std::vector<size_t> offsets;
  std::string file = WarcFile({Page(1), Page(2)}, Packing::kPlain, &offsets);
  const size_t garbage = file.size();
  file += "<html>stray bytes</html>\r\n" + Page(3).Text();
  const ContainerReading reading = Read(file);
  EXPECT_THAT(Kinds(reading), ::testing::ElementsAre("d", "d"));
  EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
  EXPECT_EQ(reading.ended.message(),
            "at byte " + std::to_string(garbage) +
                ": expected a WARC record (WARC/1.0 or WARC/1.1), found '<html>stray byte...'");

  // A Content-Length that says less than the block holds leaves bytes where the next
  // record should start.
  Record short_length = Page(4);
  std::string text = short_length.Text();
  const std::string length = "Content-Length: " + std::to_string(short_length.block.size());
  text.replace(text.find(length), length.size(), "Content-Length: 20");
  const ContainerReading shorter = Read(text + Page(5).Text());
  EXPECT_THAT(Kinds(shorter), ::testing::ElementsAre("f"));
  EXPECT_THAT(shorter.ended.message(), StartsWith("at byte "));
  EXPECT_THAT(shorter.ended.message(), HasSubstr("expected a WARC record"));
}

TEST_P(WarcReaderTest, StopsAtGarbageAfterAGzipMemberOrCorruptGzipData) {
  std::vector<size_t> offsets;
  std::string file = WarcFile({Page(1), Page(2)}, Packing::kGzipPerRecord, &offsets);
  const size_t end = file.size();
  const ContainerReading garbage = Read(file + "PK\x03\x04 not gzip");
  EXPECT_THAT(Kinds(garbage), ::testing::ElementsAre("d", "d"));
  EXPECT_EQ(garbage.ended.message(),
            "at byte " + std::to_string(end) +
                ": garbage where a gzip member should start ('PK?? not gzip')");

  // Bytes of the second member's deflate data overwritten.
  std::string corrupt = file;
  for (size_t i = offsets[1] + 12; i < offsets[1] + 40; ++i) corrupt[i] = '\xff';
  const ContainerReading broken = Read(corrupt);
  EXPECT_THAT(Kinds(broken), ::testing::ElementsAre("d"));
  EXPECT_EQ(broken.ended.code(), StatusCode::kCorruption);
  EXPECT_THAT(broken.ended.message(), StartsWith("at byte " + std::to_string(offsets[1]) + ": "));
  EXPECT_THAT(broken.ended.message(), HasSubstr("the gzip data is corrupt ("));
}

TEST_P(WarcReaderTest, StopsAtABadWarcHeader) {
  const std::string good = Page(1).Text();
  const auto read_after_good = [&](const std::string& bad) {
    ContainerReading reading = Read(good + bad + Page(3).Text());
    EXPECT_THAT(Kinds(reading), ::testing::ElementsAre("d"));
    EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
    return reading.ended.message();
  };
  const std::string at = "at byte " + std::to_string(good.size()) + ": ";
  EXPECT_EQ(read_after_good("WARC/1.1\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"),
            at + "the record's header has no Content-Length");
  EXPECT_EQ(read_after_good("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\n"),
            at + "the record's Content-Length '12x' is not a number");
  EXPECT_EQ(read_after_good("WARC/1.1\r\nWARC-Type response\r\nContent-Length: 0\r\n\r\n"),
            at + "a WARC header line has no colon ('WARC-Type respon...')");
  EXPECT_EQ(read_after_good("WARC/0.18\r\nWARC-Type: response\r\nContent-Length: 0\r\n\r\n"),
            at + "'WARC/0.18' records are not read (only WARC/1.0 and WARC/1.1)");
  EXPECT_EQ(read_after_good("WARC/1.1\r\nX-Long: " + std::string(70000, 'x') + "\r\n\r\n"),
            at + "the WARC header does not end within 64 KiB");
}

TEST_P(WarcReaderTest, RefusesAFileThatIsNotAWarc) {
  const ContainerReading text = Read(std::string("Hello, this is plain text.\n"));
  EXPECT_EQ(text.opened.code(), StatusCode::kCorruption);
  EXPECT_EQ(text.opened.message(),
            "not a WARC file: it starts with 'Hello, this is p...', not WARC/1.0 or WARC/1.1");
  EXPECT_EQ(Read(std::string()).opened.message(), "not a WARC file: it is empty");
  EXPECT_EQ(Read(Gzip("<html>a page</html>")).opened.message(),
            "not a WARC file: its gzip content starts with '<html>a page</ht...', not WARC/1.0 "
            "or WARC/1.1");
  // A gzip header, then a deflate block of the reserved type 3.
  const ContainerReading broken_gzip =
      Read(std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff\xff", 14));
  EXPECT_EQ(broken_gzip.opened.code(), StatusCode::kCorruption);
  EXPECT_THAT(broken_gzip.opened.message(), StartsWith("not a WARC file: the gzip data "));
}

INSTANTIATE_TEST_SUITE_P(ReadSizes, WarcReaderTest, ::testing::Values(1, 7, 4096),
                         [](const ::testing::TestParamInfo<size_t>& info) {
                           return "Reads" + std::to_string(info.param);
                         });

// Probe, asked as the host asks it.
class WarcProbeTest : public testing::BuiltinPluginTest {
 protected:
  WarcProbeTest() : BuiltinPluginTest("warc") {}
  int Probe(const std::string& path, const std::string& head) {
    Result<ImporterHandle> importer = registry_.ImporterFor("warc");
    EXPECT_TRUE(importer.ok());
    const std::string extension = std::filesystem::path(path).extension().string();
    ProbeInput input{
        .path = path, .head = head, .extension = extension, .own_extension = extension == ".warc"};
    return importer->Probe(input, nullptr);
  }
};

TEST_F(WarcProbeTest, IsCertainOfWarcContentPlainOrGzipAndPlausibleForItsNames) {
  const std::string plain = Page(1).Text();
  EXPECT_EQ(Probe("crawl.warc", plain), kProbeCertain);
  EXPECT_EQ(Probe("crawl.bin", plain), kProbeCertain);
  EXPECT_EQ(Probe("crawl.warc.gz", Gzip(plain)), kProbeCertain);
  EXPECT_EQ(Probe("crawl.gz", Gzip(plain)), kProbeCertain);
  // Standard input, of which Probe sees the first kProbeBytes of a long file.
  std::string crawl;
  for (int n = 0; n < 10; ++n) crawl += Page(n, {}, NumbersPage(n, 1000)).Text();
  ASSERT_GT(Gzip(crawl).size(), kProbeBytes);
  EXPECT_EQ(Probe("", Gzip(crawl).substr(0, kProbeBytes)), kProbeCertain);
  EXPECT_EQ(Probe("crawl.warc", "not a warc"), kProbePlausible);
  EXPECT_EQ(Probe("CRAWL.WARC.GZ", "not a warc"), kProbePlausible);
  EXPECT_EQ(Probe("page.html", "<html></html>"), kProbeNo);
  EXPECT_EQ(Probe("notes.gz", Gzip("WARM/1.0 something else")), kProbeNo);
}

}  // namespace
}  // namespace morgue
