// Month, weekday and date-line words (dates_words.h). Plain tables: a word is
// looked up, never matched by a regular expression.

#include "dates_words.h"

#include <string>
#include <string_view>
#include <unordered_map>

#include "morgue/text.h"
#include "text_chars.h"

namespace morgue::internal {
namespace {

// Upper to lower case for the two-byte letters of Latin-1, Latin Extended-A and
// Cyrillic; other code points are returned unchanged. U+0130 (Turkish dotted İ) is
// left alone: its lower case is one byte long.
char32_t LowerTwoByte(char32_t cp) {
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x410 && cp <= 0x42F)) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  const bool even_upper =
      (cp >= 0x100 && cp <= 0x137 && cp != 0x130) || (cp >= 0x14A && cp <= 0x177);
  const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
  if ((even_upper && cp % 2 == 0) || (odd_upper && cp % 2 == 1)) return cp + 1;
  return cp;
}

using WordTable = std::unordered_map<std::string_view, int>;

// Each language's full names, common abbreviations and (Slavic) genitive forms; a word
// shared by languages names the same month in all of them ("mar", "mai", "listopada").
const WordTable& Months() {
  static const WordTable table = [] {
    WordTable months;
    const auto add = [&months](int month, std::initializer_list<std::string_view> words) {
      for (std::string_view word : words) months.emplace(word, month);
    };
    // English, German, French, Spanish, Italian, Portuguese, Dutch, Danish, Norwegian,
    // Swedish, Polish, Czech, Russian, Ukrainian, Turkish (with the dotless ı also
    // written as i).
    add(1, {"january", "jan",     "januar", "jänner",  "jän",     "janvier", "janv",     "enero",
            "ene",     "gennaio", "gen",    "janeiro", "januari", "styczeń", "stycznia", "styczen",
            "leden",   "ledna",   "январь", "января",  "янв",     "січень",  "січня",    "ocak"});
    add(2, {"february", "feb",    "februar", "feber",    "février",   "fevrier", "févr",
            "fevr",     "fév",    "febrero", "febbraio", "fevereiro", "fev",     "februari",
            "luty",     "lutego", "únor",    "února",    "unora",     "февраль", "февраля",
            "фев",      "февр",   "лютий",   "лютого",   "şubat",     "subat"});
    add(3, {"march",  "mar",    "märz",  "maerz", "mrz",   "mär",      "mars",    "marzo",
            "março",  "marco",  "maart", "mrt",   "marts", "marzec",   "marca",   "březen",
            "března", "brezna", "март",  "марта", "мар",   "березень", "березня", "mart"});
    add(4, {"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia",
            "duben", "dubna", "апрель", "апреля", "апр", "квітень", "квітня", "nisan"});
    add(5, {"may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "květen", "května",
            "kvetna", "май", "мая", "травень", "травня", "mayıs", "mayis"});
    add(6, {"june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca",
            "červen", "června", "cervna", "июнь", "июня", "июн", "червень", "червня", "haziran"});
    add(7, {"july", "jul",   "juli",   "juillet", "juil",     "julio",    "luglio",
            "lug",  "julho", "lipiec", "lipca",   "červenec", "července", "cervence",
            "июль", "июля",  "июл",    "липень",  "липня",    "temmuz"});
    add(8, {"august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "sierpień",
            "sierpnia", "srpen", "srpna", "август", "августа", "авг", "серпень", "серпня",
            "ağustos", "agustos"});
    add(9, {"september", "sep",     "sept",     "septembre", "septiembre", "setiembre",
            "settembre", "set",     "setembro", "wrzesień",  "września",   "wrzesnia",
            "září",      "zari",    "сентябрь", "сентября",  "сен",        "сент",
            "вересень",  "вересня", "eylül",    "eylul"});
    add(10, {"october",      "oct",     "oktober", "okt",   "octobre",     "octubre",
             "ottobre",      "ott",     "outubro", "out",   "październik", "października",
             "pazdziernika", "říjen",   "října",   "rijna", "октябрь",     "октября",
             "окт",          "жовтень", "жовтня",  "ekim"});
    add(11, {"november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada",
             "listopadu", "ноябрь", "ноября", "ноя", "нояб", "листопад", "листопада", "kasım",
             "kasim"});
    add(12, {"december", "dec",       "dezember", "dez",      "décembre", "decembre",
             "déc",      "diciembre", "dic",      "dicembre", "dezembro", "desember",
             "grudzień", "grudnia",   "prosinec", "prosince", "декабрь",  "декабря",
             "дек",      "грудень",   "грудня",   "aralık",   "aralik"});
    return months;
  }();
  return table;
}

const WordTable& Weekdays() {
  static const WordTable table = [] {
    WordTable days;
    for (std::string_view word :
         {"monday",    "tuesday",   "wednesday",  "thursday",     "friday",      "saturday",
          "sunday",    "mon",       "tue",        "tues",         "wed",         "thu",
          "thur",      "thurs",     "fri",        "sat",          "sun",         "montag",
          "dienstag",  "mittwoch",  "donnerstag", "freitag",      "samstag",     "sonnabend",
          "sonntag",   "lundi",     "mardi",      "mercredi",     "jeudi",       "vendredi",
          "samedi",    "dimanche",  "lunes",      "martes",       "miércoles",   "jueves",
          "viernes",   "sábado",    "domingo",    "lunedì",       "martedì",     "mercoledì",
          "giovedì",   "venerdì",   "sabato",     "segunda",      "terça",       "quarta",
          "quinta",    "sexta",     "feira",      "maandag",      "dinsdag",     "woensdag",
          "donderdag", "vrijdag",   "zaterdag",   "zondag",       "mandag",      "tirsdag",
          "onsdag",    "torsdag",   "fredag",     "lørdag",       "søndag",      "måndag",
          "tisdag",    "lördag",    "söndag",     "poniedziałek", "wtorek",      "środa",
          "czwartek",  "piątek",    "sobota",     "niedziela",    "pondělí",     "úterý",
          "středa",    "čtvrtek",   "pátek",      "neděle",       "понедельник", "вторник",
          "среда",     "четверг",   "пятница",    "суббота",      "воскресенье", "понеділок",
          "вівторок",  "середа",    "четвер",     "пʼятниця",     "п'ятниця",    "субота",
          "неділя",    "pazartesi", "salı",       "çarşamba",     "perşembe",    "cuma",
          "cumartesi", "pazar",     "월요일",     "화요일",       "수요일",      "목요일",
          "금요일",    "토요일",    "일요일",     "星期一",       "星期二",      "星期三",
          "星期四",    "星期五",    "星期六",     "星期日",       "星期天",      "周一",
          "周二",      "周三",      "周四",       "周五",         "周六",        "周日",
          "月曜日",    "火曜日",    "水曜日",     "木曜日",       "金曜日",      "土曜日",
          "日曜日"}) {
      days.emplace(word, 1);
    }
    return days;
  }();
  return table;
}

const WordTable& DateLineWords() {
  static const WordTable table = [] {
    WordTable words;
    const auto add = [&words](DateWordRole role, std::initializer_list<std::string_view> list) {
      for (std::string_view word : list) words.emplace(word, static_cast<int>(role));
    };
    add(DateWordRole::kPublished,
        {"published",    "posted",     "veröffentlicht", "erschienen",   "publiziert",
         "erstellt",     "publié",     "publiée",        "publicado",    "publicada",
         "pubblicato",   "pubblicata", "gepubliceerd",   "geplaatst",    "publiceret",
         "publisert",    "publicerad", "publ",           "opublikowano", "dodano",
         "publikováno",  "zveřejněno", "vydáno",         "опубликовано", "опубликован",
         "опубліковано", "yayınlanma", "yayınlandı",     "yayın",        "입력",
         "등록",         "기사입력",   "게재",           "発行",         "公開",
         "掲載",         "投稿",       "配信",           "公開日",       "投稿日",
         "発行日",       "发布时间",   "发布",           "發布",         "發佈",
         "发表",         "發表",       "发表时间",       "發佈時間",     "发布日期"});
    add(DateWordRole::kUpdated,
        {"updated",       "modified",    "aktualisiert", "geändert",     "mis",
         "modifié",       "actualisé",   "actualizado",  "actualizada",  "aggiornato",
         "aggiornata",    "atualizado",  "atualizada",   "bijgewerkt",   "gewijzigd",
         "opdateret",     "oppdatert",   "uppdaterad",   "aktualizacja", "zaktualizowano",
         "aktualizováno", "обновлено",   "обновлен",     "изменено",     "оновлено",
         "güncelleme",    "güncellendi", "güncellenme",  "수정",         "업데이트",
         "최종수정",      "更新",        "更新日",       "更新时间",     "更新時間",
         "最終更新",      "修改时间"});
    add(DateWordRole::kStatus, {"stand"});
    add(DateWordRole::kFiller,
        {"on", "at", "date", "am", "um", "uhr", "vom", "den", "datum", "zuletzt", "le", "à", "a",
         "h", "jour", "el", "las", "fecha", "il", "alle", "ore", "data", "em", "às", "op", "om",
         "kl", "klo", "w", "dnia", "o", "godz", "dne", "г", "года", "в", "дата", "року", "о",
         "saat", "tarih", "tarihi", "last", "time",
         // German weekday abbreviations, as date lines write them ("Di., 04.01.2011"); not
         // weekdays elsewhere, where they are words and name particles ("Di Maio").
         "mo", "di", "mi", "do", "fr", "sa", "so", "시간", "일시", "时间", "日期", "日時"});
    return words;
  }();
  return table;
}

}  // namespace

std::string LowerSameLength(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachCodePoint(text, [&](char32_t cp, size_t pos, size_t length) {
    if (cp < 0x80) {
      out += LowerAscii(static_cast<char>(cp));
      return;
    }
    const char32_t lower = length == 2 ? LowerTwoByte(cp) : cp;
    if (lower == cp || lower >= 0x800) {
      out.append(text.substr(pos, length));
      return;
    }
    out += static_cast<char>(0xC0 | (lower >> 6));
    out += static_cast<char>(0x80 | (lower & 0x3F));
  });
  return out;
}

int MonthOfWord(std::string_view lower) {
  const WordTable& months = Months();
  auto it = months.find(lower);
  return it == months.end() ? 0 : it->second;
}

bool IsWeekdayName(std::string_view lower) {
  while (!lower.empty() && (lower.back() == '.' || lower.back() == ',')) lower.remove_suffix(1);
  return Weekdays().contains(lower);
}

DateWordRole RoleOfDateWord(std::string_view lower) {
  const WordTable& words = DateLineWords();
  auto it = words.find(lower);
  return it == words.end() ? DateWordRole::kNone : static_cast<DateWordRole>(it->second);
}

}  // namespace morgue::internal
