// Bylines in the languages news pages are written in: one row per form and language, with
// what morgue/text.h's ParseByline and SplitAuthorNames make of it.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "morgue/text.h"

namespace morgue {
namespace {

using Names = std::vector<std::string>;

struct BylineRow {
  const char* language;
  const char* line;
  Names names;  // the authors' names, in order
};

Names NamesOf(const std::optional<Byline>& byline) {
  Names names;
  if (byline.has_value()) {
    for (const Author& author : byline->authors) names.push_back(author.name);
  }
  return names;
}

TEST(ParseBylineLanguagesTest, ReadsBylinesInEachLanguage) {
  const std::vector<BylineRow> rows = {
      {"de", "Von Julia Kern", {"Julia Kern"}},
      {"de", "von Daniela Obers", {"Daniela Obers"}},
      {"de", "Von Fiona Bornhöft und Mariam Hofbeck", {"Fiona Bornhöft", "Mariam Hofbeck"}},
      {"de", "Text: Marie Jaster", {"Marie Jaster"}},
      {"de", "Autor: Petra Ruland", {"Petra Ruland"}},
      {"de", "Autorin: Gesine Engels-Krone", {"Gesine Engels-Krone"}},
      {"de", "Autor Mark Neumann", {"Mark Neumann"}},
      {"de", "Text und Interview: Harald Winkler", {"Harald Winkler"}},
      {"de", "Text: Swantje Berger, Fotos: Lena Maier", {"Swantje Berger"}},
      {"de", "Verfasst von Jörn Mecher", {"Jörn Mecher"}},
      {"de", "Ein Beitrag von Nadja Podbregar", {"Nadja Podbregar"}},
      {"de", "Von Julia Kern, Redaktion", {"Julia Kern"}},
      {"de", "Von Julia Kern | Stand: 04.01.2022", {"Julia Kern"}},
      {"de", "Von Tilman Weber, Redakteurin", {"Tilman Weber"}},
      {"fr", "Par Marie Dupont et Jean Martin", {"Marie Dupont", "Jean Martin"}},
      {"fr", "Auteur : Denis Clerc", {"Denis Clerc"}},
      {"fr", "Écrit par Hélène Lefèvre", {"Hélène Lefèvre"}},
      {"es", "Por Rodrigo Mejías y Luciana Bertoia", {"Rodrigo Mejías", "Luciana Bertoia"}},
      {"es", "Por JACOBO BETANCUR PELÁEZ", {"JACOBO BETANCUR PELÁEZ"}},
      {"es", "Autora: Camila Méndez", {"Camila Méndez"}},
      {"es", "Por Williams Perdomo @wperdomod", {"Williams Perdomo"}},
      {"es", "Por E. Barreneche / J. I. Da Silva", {"E. Barreneche", "J. I. Da Silva"}},
      {"pt", "Por Bruno Wendel e Luana Patriolino", {"Bruno Wendel", "Luana Patriolino"}},
      {"pt", "Escrito por Adriano Fernandes", {"Adriano Fernandes"}},
      {"it", "Di Marco Rossi e Giulia Bianchi", {"Marco Rossi", "Giulia Bianchi"}},
      {"it", "A cura di Francesca Romano", {"Francesca Romano"}},
      {"nl", "Door Anna de Vries en Piet Jansen", {"Anna de Vries", "Piet Jansen"}},
      {"sv", "Av Karin Lindqvist och Erik Nilsson", {"Karin Lindqvist", "Erik Nilsson"}},
      {"da", "Af Mette Frederiksen og Lars Hansen", {"Mette Frederiksen", "Lars Hansen"}},
      {"pl", "Autor: Jan Kowalski", {"Jan Kowalski"}},
      {"pl", "Autorka: Anna Nowak", {"Anna Nowak"}},
      {"cs", "Autor: Tomáš Dvořák", {"Tomáš Dvořák"}},
      {"ru", "Автор: Иван Петров", {"Иван Петров"}},
      {"uk", "Автор: Олена Коваленко", {"Олена Коваленко"}},
      {"tr", "Yazar: Ayşe Yılmaz", {"Ayşe Yılmaz"}},
      {"ko", "박민수 기자", {"박민수"}},
      {"ko", "글 김지영", {"김지영"}},
      {"ja", "山田太郎記者", {"山田太郎"}},
      {"zh", "记者 张伟", {"张伟"}},
      {"zh", "本报记者 张伟 李娜", {"张伟", "李娜"}},
      {"zh", "文/王芳", {"王芳"}},
      {"zh", "作者：刘洋", {"刘洋"}},
  };
  for (const BylineRow& row : rows) {
    const std::optional<Byline> byline = ParseByline(row.line);
    EXPECT_TRUE(byline.has_value()) << row.language << ": " << row.line;
    EXPECT_EQ(NamesOf(byline), row.names) << row.language << ": " << row.line;
  }
}

TEST(ParseBylineLanguagesTest, RefusesPhotoCreditsAndNamesThatOnlyStartLikeAPrefix) {
  for (const char* line : {
           "Fotos: Lena Maier",      // de: who took the pictures
           "Foto: Lena Maier",       // de
           "Photos : Jean Martin",   // fr
           "Fotografía: Ana López",  // es
           "Фото: Иван Петров",      // ru
           "Photo by Jane Doe",      // en
           "Von Trapp",              // a name, not "Von" + name
           "Di Maio",                // a name, not "Di" + name
           "Von der Kanzlerin wird erwartet, dass sie morgen spricht.",  // a sentence
       }) {
    EXPECT_FALSE(ParseByline(line).has_value()) << line;
  }
}

TEST(SplitAuthorNamesLanguagesTest, SplitsNamesFieldsInEachLanguage) {
  const std::vector<BylineRow> rows = {
      {"de", "Von Julia Kern", {"Julia Kern"}},
      {"de", "Autor: Petra Ruland", {"Petra Ruland"}},
      {"de", "Fiona Bornhöft und Mariam Hofbeck", {"Fiona Bornhöft", "Mariam Hofbeck"}},
      {"pt", "'Luana Patriolino, Raphael Felice'", {"Luana Patriolino", "Raphael Felice"}},
      {"es", "Williams Perdomo @wperdomod", {"Williams Perdomo"}},
      {"es", "VÍCTOR CASTELLANOS", {"VÍCTOR CASTELLANOS"}},
      {"es", "Isabel Caro y Rocío Latorre", {"Isabel Caro", "Rocío Latorre"}},
      {"sv", "Karin Lindqvist och Erik Nilsson", {"Karin Lindqvist", "Erik Nilsson"}},
      {"ru", "Автор: Иван Петров", {"Иван Петров"}},
      {"de", "Julia Kern, Online-Redaktion", {"Julia Kern"}},
      {"pl", "Jan Nowak i Anna Kowalska", {"Jan Nowak", "Anna Kowalska"}},
      {"ru", "Иван Петров и Анна Смирнова", {"Иван Петров", "Анна Смирнова"}},
      {"es", "E. Barreneche / J. I. Da Silva", {"E. Barreneche", "J. I. Da Silva"}},
      {"en", "Staff Writer", {}},
  };
  for (const BylineRow& row : rows) {
    EXPECT_EQ(SplitAuthorNames(row.line), row.names) << row.language << ": " << row.line;
  }
}

TEST(SplitAuthorNamesLanguagesTest, ReturnsNothingForPhotoCredits) {
  for (const char* text : {"Fotos: Lena Maier", "Photo: Jane Doe", "Bild: Karl Huber"}) {
    EXPECT_EQ(SplitAuthorNames(text), Names()) << text;
  }
}

}  // namespace
}  // namespace morgue
