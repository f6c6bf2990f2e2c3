// The headline a blog's comment section quotes: when the share card and the <title> say
// something else than the page's h1, a heading of the comment section that quotes the h1
// as the post's title ("2 Antworten auf „Headline“", "One thought on “Headline”")
// confirms the h1. A quote outside the comment section, or of something else, does not.
// One invented page per row, in the languages blogs use; then the same through the html
// plugin, loaded as the host loads it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "morgue/archive.h"
#include "morgue/import.h"
#include "plugins/html/dom.h"
#include "plugins/html/metadata.h"
#include "plugins/html/title.h"
#include "support/test_support.h"

namespace morgue::html_plugin {
namespace {

struct CommentsCase {
  const char* name;
  const char* share_title;  // og:title and <title>
  const char* h1;
  const char* after;  // after the article: the comment section, or other headings
  const char* title;
  const char* rule;
};

std::string Page(const CommentsCase& c) {
  return std::string("<!DOCTYPE html><html><head><meta charset='utf-8'><title>") + c.share_title +
         "</title><meta property='og:title' content='" + c.share_title +
         "'></head><body><article><h1>" + c.h1 +
         "</h1><p>Text of the post, long enough to be one.</p></article>" + c.after +
         "</body></html>";
}

constexpr CommentsCase kCases[] = {
    {"wordpress_de", "Geschenkideen für Weihnachten | Wohnblog | Jetzt entdecken!",
     "Mein kleiner Geschenkeführer für gemütliche Abende",
     "<div id='comments'><h2 class='comments-title'>Eine Antwort auf \xE2\x80\x9E"
     "Mein kleiner Geschenkeführer für gemütliche Abende\xE2\x80\x9C</h2></div>",
     "Mein kleiner Geschenkeführer für gemütliche Abende", "h1+comments-heading"},
    {"wordpress_en", "Gift ideas | Home Notes | Discover now", "My cosy winter gift guide",
     "<div class='comments-area'><h3>One thought on \xE2\x80\x9CMy cosy winter gift guide"
     "\xE2\x80\x9D</h3></div>",
     "My cosy winter gift guide", "h1+comments-heading"},
    {"reply_form_fr", "Idées cadeaux | Carnet de maison", "Mon petit guide des cadeaux d'hiver",
     "<h3 class='comment-reply-title'>2 réflexions sur \xC2\xAB Mon petit guide des cadeaux "
     "d'hiver \xC2\xBB</h3>",
     "Mon petit guide des cadeaux d'hiver", "h1+comments-heading"},
    {"wordpress_es", "Ideas para regalar | Cuaderno de casa",
     "Mi pequeña guía de regalos de invierno",
     "<section id='comments'><h2>3 comentarios en \xC2\xABMi pequeña guía de regalos de "
     "invierno\xC2\xBB</h2></section>",
     "Mi pequeña guía de regalos de invierno", "h1+comments-heading"},
    // A quote in a heading outside the comment section is a citation, not the post's title.
    {"quote_outside_comments_de", "Geschenkideen für Weihnachten | Wohnblog",
     "Mein kleiner Geschenkeführer",
     "<h2>Das Buch \xE2\x80\x9EMein kleiner Geschenkeführer\xE2\x80\x9C</h2>",
     "Geschenkideen für Weihnachten | Wohnblog", "og:title"},
    // A comment section quoting another title confirms nothing.
    {"quotes_another_title_en", "Gift ideas | Home Notes", "My cosy winter gift guide",
     "<div id='comments'><h2>One thought on \xE2\x80\x9CSummer picnic recipes\xE2\x80\x9D</h2>"
     "</div>",
     "Gift ideas | Home Notes", "og:title"},
};

class HeadlineCommentsTest : public ::testing::TestWithParam<CommentsCase> {};

TEST_P(HeadlineCommentsTest, ChoosesTheHeadline) {
  const CommentsCase& c = GetParam();
  Result<Document> document = Document::Parse(Page(c));
  ASSERT_TRUE(document.ok());
  const TitleChoice choice = ChooseTitle(ExtractMetadata(document->root()));
  EXPECT_EQ(choice.value, c.title);
  EXPECT_EQ(choice.rule, c.rule);
}

INSTANTIATE_TEST_SUITE_P(Rows, HeadlineCommentsTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace morgue::html_plugin

namespace morgue {
namespace {

class HeadlineCommentsPluginTest : public testing::BuiltinPluginTest {
 protected:
  HeadlineCommentsPluginTest() : BuiltinPluginTest("html") {}
};

TEST_F(HeadlineCommentsPluginTest, TheHeadlineTheCommentSectionQuotes) {
  const std::string page =
      "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
      "<title>Geschenkideen für Weihnachten | Wohnblog | Jetzt entdecken!</title>"
      "<meta property='og:title' content='Geschenkideen für Weihnachten | Wohnblog | Jetzt "
      "entdecken!'></head><body><article><h1>Mein kleiner Geschenkeführer für gemütliche "
      "Abende</h1><p>Kerzen, eine warme Decke und ein gutes Buch: Für die langen Abende im "
      "Dezember habe ich ein paar Dinge gesammelt, über die sich jeder freut.</p>"
      "<p>Die meisten davon gibt es in kleinen Läden in der Nachbarschaft, und keines kostet "
      "mehr als zwanzig Euro.</p></article><div id='comments'><h2 class='comments-title'>"
      "Eine Antwort auf \xE2\x80\x9EMein kleiner Geschenkeführer für gemütliche Abende"
      "\xE2\x80\x9C</h2><ol><li><p>Schöne Ideen, danke!</p></li></ol></div></body></html>";
  const Article article = ImportPageAlone(page);
  EXPECT_EQ(article.title, "Mein kleiner Geschenkeführer für gemütliche Abende");
  EXPECT_EQ(article.provenance.at("title"), "h1+comments-heading");
}

}  // namespace
}  // namespace morgue
