// Dates in the languages news pages are written in (morgue/text.h: ParseDate and
// ParseDateLine), one row per form and language, as date lines on real pages show them.

#include <gtest/gtest.h>

#include <string>

#include "morgue/text.h"

namespace morgue {
namespace {

struct DateRow {
  const char* language;
  const char* line;
  const char* expected;
};

TEST(ParseDateLanguagesTest, ReadsMonthNamesAndNumericFormsInEachLanguage) {
  const DateRow rows[] = {
      {"en", "Published on 4 January 2011", "2011-01-04"},
      {"en", "Jan. 4, 2011", "2011-01-04"},
      {"en", "Last updated: 04 Jan 2011 at 14:30", "2011-01-04T14:30"},
      {"de", "4. Januar 2011", "2011-01-04"},
      {"de", "Veröffentlicht am 4. Januar 2011", "2011-01-04"},
      {"de", "Dienstag, 4. Januar 2011, 14:30 Uhr", "2011-01-04T14:30"},
      {"de", "Veröffentlicht am Dienstag, 04.01.2011 um 14:30 Uhr", "2011-01-04T14:30"},
      {"de", "Stand: 04.01.2011 14:30 Uhr", "2011-01-04T14:30"},
      {"de", "Aktualisiert am 4. März 2011", "2011-03-04"},
      {"de", "Dez. 4, 2011", "2011-12-04"},
      {"de", "4. Dez. 2011", "2011-12-04"},
      {"de-AT", "4. Jänner 2011", "2011-01-04"},
      {"de", "Di., 04.01.2011", "2011-01-04"},
      {"de", "VERÖFFENTLICHT AM 4. MÄRZ 2011", "2011-03-04"},
      {"fr", "4 janvier 2011", "2011-01-04"},
      {"fr", "Publié le 4 janvier 2011 à 14h30", "2011-01-04"},
      {"fr", "Publié le mardi 1er février 2011", "2011-02-01"},
      {"fr", "4 janv. 2011", "2011-01-04"},
      {"fr", "Mis à jour le 17 août 2011", "2011-08-17"},
      {"fr", "11 décembre 2011", "2011-12-11"},
      {"es", "4 de enero de 2011", "2011-01-04"},
      {"es", "Publicado el 4 de enero de 2011", "2011-01-04"},
      {"es", "martes, 4 de enero del 2011", "2011-01-04"},
      {"es", "Actualizado 4 dic. 2011", "2011-12-04"},
      {"it", "4 gennaio 2011", "2011-01-04"},
      {"it", "Pubblicato il 4 gennaio 2011 alle 14:30", "2011-01-04T14:30"},
      {"de", "Veröffentlicht am 4. Januar 2011 um 9:05 Uhr", "2011-01-04T09:05"},
      {"it", "lunedì 14 novembre 2011", "2011-11-14"},
      {"pt", "4 de janeiro de 2011", "2011-01-04"},
      {"pt", "Publicado em 4 de março de 2011", "2011-03-04"},
      {"nl", "4 januari 2011", "2011-01-04"},
      {"nl", "Gepubliceerd op 4 mei 2011", "2011-05-04"},
      {"nl", "4 mrt. 2011", "2011-03-04"},
      {"da", "4. januar 2011", "2011-01-04"},
      {"da", "Publiceret 4. maj 2011", "2011-05-04"},
      {"no", "Publisert 4. desember 2011", "2011-12-04"},
      {"sv", "Publicerad 4 augusti 2011", "2011-08-04"},
      {"pl", "4 stycznia 2011", "2011-01-04"},
      {"pl", "Opublikowano: 4 października 2011", "2011-10-04"},
      {"pl", "4 Września 2011", "2011-09-04"},
      {"cs", "4. ledna 2011", "2011-01-04"},
      {"cs", "Publikováno 4. července 2011", "2011-07-04"},
      {"ru", "4 января 2011", "2011-01-04"},
      {"ru", "Опубликовано: 4 января 2011 г.", "2011-01-04"},
      {"ru", "4 Февраля 2011, 14:30", "2011-02-04T14:30"},
      {"uk", "4 січня 2011", "2011-01-04"},
      {"uk", "Опубліковано 4 травня 2011 року", "2011-05-04"},
      {"tr", "4 Ocak 2011", "2011-01-04"},
      {"tr", "4 Şubat 2011 Cuma", "2011-02-04"},
      {"tr", "Yayınlanma: 4 Ağustos 2011", "2011-08-04"},
      {"zh", "2011年1月4日", "2011-01-04"},
      {"zh", "发布时间：2011-01-04 14:30", "2011-01-04T14:30"},
      {"ja", "2011年1月4日 発行", "2011-01-04"},
      {"ko", "2011. 1. 4.", "2011-01-04"},
      {"ko", "입력 2011.01.04 14:30", "2011-01-04T14:30"},
      {"numeric", "04.01.2011", "2011-01-04"},
      {"numeric", "4.1.2011", "2011-01-04"},
      {"de", "Erstellt am 04.01.11", "2011-01-04"},
      {"de", "Kultur, 4.01.11", "2011-01-04"},
      {"de-AT", "Lokales, 9.03.11", "2011-03-09"},
      {"es", "04 de enero 2011, 12:00 A. M.", "2011-01-04T00:00"},
      {"es", "4 de enero de 2011 - 02:30 P. M.", "2011-01-04T14:30"},
      {"en", "Jan. 4, 2011 7:05 P. M.", "2011-01-04T19:05"},
  };
  for (const DateRow& row : rows) {
    EXPECT_EQ(ParseDate(row.line), row.expected) << row.language << ": " << row.line;
  }
}

TEST(ParseDateLanguagesTest, RefusesWhatIsNotOneFullDate) {
  for (const char* text : {
           "04/01/2011",   // slashes: 4 January or April 1, never guessed
           "Januar 2011",  // no day
           "4. Januar",    // no year
           "Jahrgang 2011, Heft 4",
           "© 2011 Verlag",
           "Die Regierung hat am 4. Januar 2011 beschlossen, die Steuern nicht zu erhöhen",
           "Le gouvernement a annoncé le 4 janvier 2011 une nouvelle réforme des retraites",
           "31. Februar 2011",
           "4 mai 20110",
           "Abschnitt 1.2.11",  // a section number, not a date with a two-digit year
           "Kapitel 4.1.11",    // a one-digit month too
           "Version 04.01.11.2",
       }) {
    EXPECT_EQ(ParseDate(text), "") << text;
  }
}

struct DateLineRow {
  const char* line;
  const char* published;
  const char* updated;
  const char* unlabelled;
};

TEST(ParseDateLineTest, TellsPublishedFromUpdated) {
  const DateLineRow rows[] = {
      {"Veröffentlicht am 04.01.2011, aktualisiert am 05.01.2011", "2011-01-04", "2011-01-05", ""},
      {"Publié le 4 janvier 2011, mis à jour le 5 janvier 2011", "2011-01-04", "2011-01-05", ""},
      {"Publicado el 4 de enero de 2011 | Actualizado el 5 de enero de 2011", "2011-01-04",
       "2011-01-05", ""},
      {"Aggiornato il 5 gennaio 2011", "", "2011-01-05", ""},
      {"Обновлено 5 января 2011", "", "2011-01-05", ""},
      {"입력 2011.01.04 14:30 | 수정 2011.01.05 09:00", "2011-01-04T14:30", "2011-01-05T09:00", ""},
      {"2011年1月4日 発行 2011年1月5日 更新", "2011-01-04", "2011-01-05", ""},
      {"Updated: January 5, 2011", "", "2011-01-05", ""},
      {"Stand: 05.01.2011", "", "", "2011-01-05"},
      {"Dienstag, 4. Januar 2011", "", "", "2011-01-04"},
      {"Posted on January 4, 2011", "2011-01-04", "", ""},
  };
  for (const DateLineRow& row : rows) {
    const DateLine line = ParseDateLine(row.line);
    EXPECT_EQ(line.published, row.published) << row.line;
    EXPECT_EQ(line.updated, row.updated) << row.line;
    EXPECT_EQ(line.unlabelled, row.unlabelled) << row.line;
  }
}

}  // namespace
}  // namespace morgue
