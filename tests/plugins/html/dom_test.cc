// The html plugin's text measures on parsed pages: the lengths TextLengths computes for
// every element in one pass are those of each element's own Text().

#include "plugins/html/dom.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "plugins/html/charset.h"
#include "support/test_support.h"

namespace morgue::html_plugin {
namespace {

using ::morgue::testing::FixturesDir;
using ::morgue::testing::ReadFile;

std::vector<Node*> Elements(Node* root) {
  return FindAll(root, [](const Node*) { return true; });
}

// Every element's one-pass length agrees with its text, read on its own.
void ExpectLengthsAgree(const std::string& utf8) {
  Result<Document> document = Document::Parse(utf8);
  ASSERT_TRUE(document.ok()) << document.status().ToString();
  const auto lengths = TextLengths(document->root());
  for (Node* element : Elements(document->root())) {
    const size_t expected = CharCount(Text(element));
    EXPECT_EQ(TextLength(element), expected) << Tag(element);
    if (IsTag(element, "script") || IsTag(element, "style")) {
      EXPECT_FALSE(lengths.contains(element));
    } else {
      ASSERT_TRUE(lengths.contains(element)) << Tag(element);
      EXPECT_EQ(lengths.at(element), expected) << Tag(element) << ": " << Text(element);
    }
  }
}

TEST(HtmlTextTest, FoldsWhiteSpaceAndSeparatesBlocks) {
  Result<Document> document = Document::Parse(
      "<html><body><div> a <p>b</p>c<br>d <span>e</span>f\n\t</div>"
      "<ul><li>one</li><li> two </li></ul><script>var x = 1;</script></body></html>");
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(Text(document->body()), "a b c d ef one two");
  EXPECT_EQ(TextLength(document->body()), std::string("a b c d ef one two").size());
}

TEST(HtmlTextTest, OnePassLengthsAgreeWithEachElementsText) {
  ExpectLengthsAgree(
      "<html><head><title> The  title </title><style>p { color: red }</style></head><body>"
      "<div>  <p>Caf\xC3\xA9 <b>au</b><i> lait</i> </p><p></p><br><span> </span>x"
      "<table><tr><td>a</td><td>b</td></tr></table><select><option>no</option></select>"
      "<a href='#top'> link <em>text</em></a>\xE4\xB8\xAD\xE6\x96\x87<noscript>hidden</noscript>"
      "</div><script>var y;</script><pre>  keep\n  lines </pre></body></html>");
  for (const char* name :
       {"korea-times-2011-01-04.blogger.html", "korea-times-2011-01-04.wordpress.html",
        "hankyoreh-2011-01-15.euckr.html"}) {
    SCOPED_TRACE(name);
    Result<std::string> page = DecodePage(ReadFile(FixturesDir() / "articles" / name));
    ASSERT_TRUE(page.ok());
    ExpectLengthsAgree(*page);
  }
}

TEST(HtmlTreeTest, RemoveAllTakesOverlappingNodesInAnyOrder) {
  Result<Document> document = Document::Parse(
      "<html><body><div id=a>one <p id=b>two <span id=c>three</span></p></div>"
      "<p id=d>four</p><p id=e>five</p></body></html>");
  ASSERT_TRUE(document.ok());
  const auto by_id = [&](const char* id) {
    return FindFirst(document->root(), [id](const Node* n) { return Attr(n, "id") == id; });
  };
  // Inner before outer, a node twice, and one on its own.
  RemoveAll({by_id("c"), by_id("a"), by_id("b"), by_id("a"), by_id("e")});
  EXPECT_EQ(Text(document->body()), "four");
}

}  // namespace
}  // namespace morgue::html_plugin
