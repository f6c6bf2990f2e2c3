// Byline forms beyond a lead word and names on one line: a label whose colon follows the
// lead word ("Von:", "By:", "Auteur(s) :"), a plural label without a colon ("Autoren X
// und Y"), a publisher's label ("Herausgeber:"), dashes set before the byline, and the
// invisible soft hyphens of hyphenated text inside a name. One row per form and language.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "morgue/text.h"

namespace morgue {
namespace {

using Names = std::vector<std::string>;

struct FormRow {
  const char* language;
  const char* line;
  Names names;
};

Names NamesOf(const std::optional<Byline>& byline) {
  Names names;
  if (byline.has_value()) {
    for (const Author& author : byline->authors) names.push_back(author.name);
  }
  return names;
}

TEST(ParseBylineFormsTest, ReadsLabelsDashesAndHyphenatedNames) {
  const std::vector<FormRow> rows = {
      {"de", "Von: Ilse Wegner", {"Ilse Wegner"}},
      {"en", "By: Adam Porter", {"Adam Porter"}},
      {"fr", "Par : Claire Dubois", {"Claire Dubois"}},
      {"fr", "Auteur(s) : Claire Dubois et Paul Girard", {"Claire Dubois", "Paul Girard"}},
      {"en", "Author(s): Nora Whitfield", {"Nora Whitfield"}},
      {"de", "Autoren Jana Beispiel und Tom Muster", {"Jana Beispiel", "Tom Muster"}},
      {"de", "Autorinnen Greta Sommer und Ida Brandt", {"Greta Sommer", "Ida Brandt"}},
      {"en", "Authors Nora Whitfield and Sam Okafor", {"Nora Whitfield", "Sam Okafor"}},
      {"de", "Herausgeber: Beispiel Energie AG", {"Beispiel Energie AG"}},
      {"en", "---- by Adam Porter", {"Adam Porter"}},
      {"de", "\u2014 Von Lena Vogt", {"Lena Vogt"}},
      {"fr", "\u2013 Par Marie Dupont", {"Marie Dupont"}},
      {"de", "Von Ma\u00ADthi\u00ADas Kern\u00ADberg", {"Mathias Kernberg"}},
      {"de", "Text: Jo\u00ADhan\u00ADna Wei\u00DF", {"Johanna Wei\u00DF"}},
  };
  for (const FormRow& row : rows) {
    const std::optional<Byline> byline = ParseByline(row.line);
    EXPECT_TRUE(byline.has_value()) << row.language << ": " << row.line;
    EXPECT_EQ(NamesOf(byline), row.names) << row.language << ": " << row.line;
  }
}

TEST(ParseBylineFormsTest, APluralLabelStillNeedsAFullName) {
  // "Autoren" without a colon is a label only before a name of two words.
  EXPECT_FALSE(ParseByline("Autoren Treffen").has_value());
  EXPECT_FALSE(ParseByline("Von: 12 Uhr").has_value());
}

TEST(SplitAuthorNamesFormsTest, DropsSoftHyphensAndLeadingDashes) {
  EXPECT_EQ(SplitAuthorNames("Ma\u00ADthi\u00ADas Kern\u00ADberg"), Names{"Mathias Kernberg"});
  EXPECT_EQ(SplitAuthorNames("\u2014 Lena Vogt, Jonas Reuter"),
            (Names{"Lena Vogt", "Jonas Reuter"}));
}

}  // namespace
}  // namespace morgue
