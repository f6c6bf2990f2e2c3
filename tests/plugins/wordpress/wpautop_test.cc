// wpautop's common cases: what WordPress shows of a classic-editor post.

#include "plugins/wordpress/wpautop.h"

#include <gtest/gtest.h>

namespace morgue::wordpress_plugin {
namespace {

TEST(AutoParagraphsTest, BlankLinesAreParagraphsAndSingleLineBreaksAreBr) {
  EXPECT_EQ(AutoParagraphs("One.\n\nTwo,\nstill two.\n\n\n  \nThree."),
            "<p>One.</p>\n<p>Two,<br />\nstill two.</p>\n<p>Three.</p>\n");
}

TEST(AutoParagraphsTest, WindowsLineEndsAreLineEnds) {
  EXPECT_EQ(AutoParagraphs("One.\r\n\r\nTwo.\r\n"), "<p>One.</p>\n<p>Two.</p>\n");
}

TEST(AutoParagraphsTest, BlockElementsAreNotWrapped) {
  EXPECT_EQ(AutoParagraphs("Before.\n<blockquote>Quoted.</blockquote>\nAfter."),
            "<p>Before.</p>\n<blockquote>Quoted.</blockquote>\n<p>After.</p>\n");
  EXPECT_EQ(AutoParagraphs("<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
  EXPECT_EQ(AutoParagraphs("<div class=\"note\">Text</div>"), "<div class=\"note\">Text</div>\n");
}

TEST(AutoParagraphsTest, InlineMarkupStaysInItsParagraph) {
  EXPECT_EQ(AutoParagraphs("<strong>Bold</strong> and <a href=\"x\">a link</a>.\n\nNext."),
            "<p><strong>Bold</strong> and <a href=\"x\">a link</a>.</p>\n<p>Next.</p>\n");
}

TEST(AutoParagraphsTest, PreKeepsItsLinesAndBlankLines) {
  EXPECT_EQ(AutoParagraphs("Code:\n\n<pre>a\n\nb</pre>\n\nDone."),
            "<p>Code:</p>\n<pre>a\n\nb</pre>\n<p>Done.</p>\n");
}

TEST(AutoParagraphsTest, BlockEditorContentIsLeftAsItIs) {
  const std::string blocks =
      "<!-- wp:paragraph -->\n<p>One.</p>\n<!-- /wp:paragraph -->\n\n"
      "<!-- wp:paragraph -->\n<p>Two.</p>\n<!-- /wp:paragraph -->";
  EXPECT_EQ(AutoParagraphs(blocks), blocks);
}

TEST(AutoParagraphsTest, NothingGivesNothing) {
  EXPECT_EQ(AutoParagraphs(""), "");
  EXPECT_EQ(AutoParagraphs(" \n\n \n"), "");
}

}  // namespace
}  // namespace morgue::wordpress_plugin

namespace morgue::wordpress_plugin {
namespace {

TEST(AutoParagraphsTest, CaptionShortcodesAreFigures) {
  EXPECT_EQ(AutoParagraphs("Before.\n\n[caption id=\"attachment_7\" align=\"alignleft\" "
                           "width=\"300\"]<img src=\"a.jpg\" width=\"300\" /> A caption."
                           "[/caption]\n\nAfter."),
            "<p>Before.</p>\n<figure id=\"attachment_7\" class=\"wp-caption alignleft\">"
            "<img src=\"a.jpg\" width=\"300\" />\n<figcaption class=\"wp-caption-text\">A "
            "caption.</figcaption>\n</figure>\n<p>After.</p>\n");
  // The image in a link; the caption of WordPress before 3.4 as an attribute.
  EXPECT_EQ(AutoParagraphs("[caption caption=\"Old style\"]<a href=\"b.jpg\"><img "
                           "src=\"b.jpg\" /></a>[/caption]"),
            "<figure class=\"wp-caption\"><a href=\"b.jpg\"><img src=\"b.jpg\" /></a>\n"
            "<figcaption class=\"wp-caption-text\">Old style</figcaption>\n</figure>\n");
  // Unclosed: left as written.
  EXPECT_EQ(AutoParagraphs("[caption]no end"), "<p>[caption]no end</p>\n");
}

}  // namespace
}  // namespace morgue::wordpress_plugin
