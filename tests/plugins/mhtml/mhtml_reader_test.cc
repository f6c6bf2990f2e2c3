// The MHTML reader through the mhtml plugin, loaded as the host loads it: a page saved by
// Chrome (tests/fixtures/mhtml/), read in reads of 1, 7 and 4096 bytes; base64, frames,
// a declared charset; broken and truncated files; an HTML part that fails alone.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace morgue {
namespace {

using ::morgue::testing::ContainerReading;
using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadContainer;
using ::morgue::testing::ReadFile;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kUrl[] = "https://www.koreatimes.co.kr/www/nation/2011/01/205_79083.html";
constexpr char kBoundary[] =
    "----MultipartBoundary--INBaI0nC30kJFYiddvfZnR9CFv2LpTd1neruMTGSjY----";

std::string Saved() {
  return ReadFile(FixturesDir() / "mhtml" / "korea-times-2011-01-04.newspage.mhtml");
}

// The page Chrome saved: the news page as Blink serialized it (its charset meta first in
// <head>), with CRLF line ends, as the fixture's HTML part decodes.
std::string SavedPage() {
  std::string page = ReadFile(FixturesDir() / "articles" / "korea-times-2011-01-04.newspage.html");
  page.replace(page.find("<head>\n"), 7,
               "<head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n");
  std::string crlf;
  for (const char c : page) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return crlf.substr(0, crlf.size() - 2);  // the last line end is the delimiter's
}

std::vector<std::string> Summary(const ContainerReading& reading) {
  std::vector<std::string> out;
  for (const ContainerItem& item : reading.items) {
    if (item.kind == ContainerItem::kDocument) {
      out.push_back(item.id);
    } else if (item.kind == ContainerItem::kSkipped) {
      out.push_back("skipped " + item.skip_reason);
    } else {
      out.push_back("failed " + item.id + ": " + item.failure.message());
    }
  }
  return out;
}

// An MHTML of `parts` (each its headers, a blank line and its body) as Chrome lays it out.
std::string Mhtml(const std::vector<std::string>& parts, const std::string& snapshot = kUrl) {
  std::string out = "From: <Saved by Blink>\r\n";
  if (!snapshot.empty()) out += "Snapshot-Content-Location: " + snapshot + "\r\n";
  out +=
      "Subject: A page\r\nDate: Sun, 6 Dec 2026 09:15:42 -0000\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"" +
      std::string(kBoundary) + "\"\r\n\r\n\r\n";
  for (const std::string& part : parts)
    out += "--" + std::string(kBoundary) + "\r\n" + part + "\r\n";
  return out + "--" + kBoundary + "--\r\n";
}

class MhtmlReaderTest : public testing::BuiltinPluginTest {
 protected:
  MhtmlReaderTest() : BuiltinPluginTest("mhtml") {}
  ContainerReading Read(std::string bytes, size_t chunk = 4096) {
    return ReadContainer(registry_, "mhtml", std::move(bytes), "page.mhtml", chunk);
  }
};

TEST_F(MhtmlReaderTest, ThePageIsTheDocumentAndItsResourcesAreSkipped) {
  const std::string saved = Saved();
  for (const size_t chunk : {size_t{1}, size_t{7}, size_t{4096}}) {
    SCOPED_TRACE("chunk " + std::to_string(chunk));
    const ContainerReading reading = Read(saved, chunk);
    ASSERT_TRUE(reading.opened.ok()) << reading.opened.ToString();
    EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
    EXPECT_THAT(Summary(reading), ElementsAre("html", "skipped stylesheets", "skipped images"));
    ASSERT_FALSE(reading.items.empty());
    const ContainerItem& page = reading.items[0];
    EXPECT_EQ(page.bytes, SavedPage());
    EXPECT_EQ(page.format, "");
    EXPECT_EQ(page.extension, ".html");
    EXPECT_EQ(page.media_type, "text/html");
    EXPECT_EQ(page.hints.origin, "mhtml page");
    EXPECT_EQ(page.hints.url, kUrl);
    EXPECT_EQ(page.hints.captured, "2026-12-06T09:15:42Z");
    EXPECT_EQ(page.hints.published, "");  // when it was saved is not when it was published
    EXPECT_EQ(page.hints.title, "");      // the page's own <title> says it
    // Each part starts after its delimiter line.
    const std::string delimiter = "--" + std::string(kBoundary) + "\r\n";
    size_t at = 0;
    for (const ContainerItem& item : reading.items) {
      at = saved.find(delimiter, at) + delimiter.size();
      EXPECT_EQ(item.offset, at);
    }
  }
}

TEST_F(MhtmlReaderTest, Base64AndACharsetAndTheFirstHtmlPartWithoutSnapshotLocation) {
  const std::string mhtml = Mhtml(
      {"Content-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n"
       "Content-Location: https://example.org/a.html\r\n\r\n"
       "PGh0bWw+PGJvZHk+Q2Fm6TwvYm9keT48L2h0bWw+",
       "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
       "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: cid:frame-1@mhtml.blink"
       "\r\n\r\n<p>ad</p>",
       "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA"},
      "");
  const ContainerReading reading = Read(mhtml, 7);
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  EXPECT_THAT(Summary(reading), ElementsAre("html", "skipped frames", "skipped other parts"));
  EXPECT_EQ(reading.items[0].bytes, "<html><body>Caf\xE9</body></html>");
  EXPECT_EQ(reading.items[0].media_type, "text/html; charset=windows-1252");
  EXPECT_EQ(reading.items[0].hints.url, "https://example.org/a.html");
}

TEST_F(MhtmlReaderTest, AnHtmlPartThatCannotBeDecodedFailsAlone) {
  const std::string mhtml =
      Mhtml({"Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n"
             "Content-Location: " +
                 std::string(kUrl) + "\r\n\r\nPGh0b*Wwg",
             "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo="});
  const ContainerReading reading = Read(mhtml);
  EXPECT_TRUE(reading.ended.ok()) << reading.ended.ToString();
  EXPECT_THAT(Summary(reading),
              ElementsAre("failed html: the HTML part's base64 is broken", "skipped images"));
}

TEST_F(MhtmlReaderTest, NoPageAtTheSnapshotLocationIsOneFailure) {
  const std::string mhtml =
      Mhtml({"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo="});
  const ContainerReading reading = Read(mhtml);
  EXPECT_TRUE(reading.ended.ok());
  EXPECT_THAT(Summary(reading),
              ElementsAre("skipped images", std::string("failed html: no HTML part is at its "
                                                        "Snapshot-Content-Location ") +
                                                kUrl));
}

TEST_F(MhtmlReaderTest, ATruncatedFileKeepsThePartsBeforeTheCut) {
  const std::string saved = Saved();
  const std::string cut = saved.substr(0, saved.find("Content-Type: image/jpeg") + 40);
  for (const size_t chunk : {size_t{1}, size_t{4096}}) {
    const ContainerReading reading = Read(cut, chunk);
    EXPECT_THAT(Summary(reading), ElementsAre("html", "skipped stylesheets"));
    EXPECT_EQ(reading.ended.code(), StatusCode::kCorruption);
    EXPECT_EQ(reading.ended.message(),
              "at byte " + std::to_string(cut.size()) + ": the file ends inside a part's headers");
  }
  const std::string in_body = saved.substr(0, saved.rfind("--" + std::string(kBoundary) + "--"));
  const ContainerReading reading = Read(in_body, 7);
  EXPECT_THAT(Summary(reading), ElementsAre("html", "skipped stylesheets"));
  EXPECT_EQ(reading.ended.message(), "at byte " + std::to_string(in_body.size()) +
                                         ": the file ends inside a part (no closing boundary)");
}

TEST_F(MhtmlReaderTest, NotAnMhtmlFile) {
  ContainerReading reading = Read("<html><body>hello</body></html>\r\n\r\n");
  EXPECT_TRUE(reading.items.empty());
  EXPECT_EQ(reading.ended.message(),
            "at byte 0: not an MHTML file: its Content-Type is not multipart/related with a "
            "boundary");
  reading = Read("");
  EXPECT_EQ(reading.ended.message(), "at byte 0: not an MHTML file: its headers never end");
  reading = Read("Content-Type: multipart/related; boundary=\"b\"\r\n\r\nno parts here\r\n");
  EXPECT_THAT(reading.ended.message(), StartsWith("at byte "));
  EXPECT_THAT(reading.ended.message(), HasSubstr("no part starts with the boundary \"b\""));
}

}  // namespace
}  // namespace morgue

namespace morgue {
namespace {

class MhtmlProbeTest : public testing::BuiltinPluginTest {
 protected:
  MhtmlProbeTest() : BuiltinPluginTest("mhtml") {}
  int Score(const std::string& path, const std::string& head) {
    Result<ImporterHandle> importer = registry_.ImporterFor("mhtml");
    EXPECT_TRUE(importer.ok());
    return importer.ok() ? importer->Probe({.path = path, .head = head}) : -1;
  }
};

TEST_F(MhtmlProbeTest, CertainOfASavedPage) {
  const std::string head = Saved().substr(0, kProbeBytes);
  EXPECT_EQ(Score("page.mhtml", head), kProbeCertain);
  EXPECT_EQ(Score("", head), kProbeCertain);  // Chrome's headers say it
  const std::string plain =
      "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n";
  EXPECT_EQ(Score("page.mht", plain), kProbeCertain);
  EXPECT_EQ(Score("message.eml", plain), kProbePlausible);
  EXPECT_EQ(Score("mail.eml", "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"), kProbeNo);
  EXPECT_EQ(Score("page.mhtml", "<html><body>hello</body></html>\n\n"), kProbeNo);
}

}  // namespace
}  // namespace morgue
