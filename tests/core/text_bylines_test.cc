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
      {"de", "Von Lena Vogt", {"Lena Vogt"}},
      {"de", "von Sabine Lorenz", {"Sabine Lorenz"}},
      {"de", "Von Frauke Lüdecke und Ines Wiegand", {"Frauke Lüdecke", "Ines Wiegand"}},
      {"de", "Text: Anke Sommer", {"Anke Sommer"}},
      {"de", "Autor: Ute Berger", {"Ute Berger"}},
      {"de", "Autorin: Heike Brandt-Seidel", {"Heike Brandt-Seidel"}},
      {"de", "Autor Mark Neumann", {"Mark Neumann"}},
      {"de", "Text und Interview: Harald Winkler", {"Harald Winkler"}},
      {"de", "Text: Swantje Berger, Fotos: Lena Maier", {"Swantje Berger"}},
      {"de", "Verfasst von Jörn Wendeler", {"Jörn Wendeler"}},
      {"de", "Ein Beitrag von Katrin Wendt", {"Katrin Wendt"}},
      {"de", "Von Lena Vogt, Redaktion", {"Lena Vogt"}},
      {"de", "Von Lena Vogt | Stand: 04.01.2022", {"Lena Vogt"}},
      {"de", "Von Jonas Reuter, Redakteurin", {"Jonas Reuter"}},
      {"fr", "Par Marie Dupont et Jean Martin", {"Marie Dupont", "Jean Martin"}},
      {"fr", "Auteur : Luc Arnaud", {"Luc Arnaud"}},
      {"fr", "Écrit par Hélène Lefèvre", {"Hélène Lefèvre"}},
      {"es", "Por Hernán Salas y Paula Giménez", {"Hernán Salas", "Paula Giménez"}},
      {"es", "Por ANDRÉS QUINTERO MÚNERA", {"ANDRÉS QUINTERO MÚNERA"}},
      {"es", "Autora: Camila Ferreyra", {"Camila Ferreyra"}},
      {"es", "Por Gustavo Ledezma @gledezma", {"Gustavo Ledezma"}},
      {"es", "Por E. Olivera / J. M. Da Costa", {"E. Olivera", "J. M. Da Costa"}},
      {"pt", "Por Tiago Moura e Carla Bittencourt", {"Tiago Moura", "Carla Bittencourt"}},
      {"pt", "Escrito por Rui Pedrosa", {"Rui Pedrosa"}},
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
      {"de", "Von Lena Vogt", {"Lena Vogt"}},
      {"de", "Autor: Ute Berger", {"Ute Berger"}},
      {"de", "Frauke Lüdecke und Ines Wiegand", {"Frauke Lüdecke", "Ines Wiegand"}},
      {"pt", "'Carla Bittencourt, Diego Amaral'", {"Carla Bittencourt", "Diego Amaral"}},
      {"es", "Gustavo Ledezma @gledezma", {"Gustavo Ledezma"}},
      {"es", "RAMIRO ECHEVERRÍA", {"RAMIRO ECHEVERRÍA"}},
      {"es", "Marta Rivas y Elena Ibarra", {"Marta Rivas", "Elena Ibarra"}},
      {"sv", "Karin Lindqvist och Erik Nilsson", {"Karin Lindqvist", "Erik Nilsson"}},
      {"ru", "Автор: Иван Петров", {"Иван Петров"}},
      {"de", "Lena Vogt, Online-Redaktion", {"Lena Vogt"}},
      {"pl", "Jan Nowak i Anna Kowalska", {"Jan Nowak", "Anna Kowalska"}},
      {"ru", "Иван Петров и Анна Смирнова", {"Иван Петров", "Анна Смирнова"}},
      {"es", "E. Olivera / J. M. Da Costa", {"E. Olivera", "J. M. Da Costa"}},
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
