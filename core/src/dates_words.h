// The words that dates are written with, in the languages news pages use: month names
// (with their abbreviations and the genitive forms Slavic languages write dates in),
// weekday names, and the words of a date line ("Veröffentlicht am", "Publié le",
// "Опубликовано", "입력", "发布时间"). Internal to libmorgue (dates.cc,
// dates_month_names.cc).
//
// Thread-safety: pure functions over constant tables.

#ifndef MORGUE_CORE_SRC_DATES_WORDS_H_
#define MORGUE_CORE_SRC_DATES_WORDS_H_

#include <string>
#include <string_view>

namespace morgue::internal {

// Lower case for the Latin, Greek-free European and Cyrillic letters dates are written
// with, byte for byte the same length (so positions in the result are positions in the
// text): "JANUAR" → "januar", "Января" → "января", "ŞUBAT" → "şubat". Not LowerAscii
// (morgue/text.h), which leaves every non-ASCII letter as it is: month names are matched
// in their lower-case spelling in every language.
std::string LowerSameLength(std::string_view text);

// The month (1-12) a lower-case word names, without a trailing dot: "january", "jan",
// "januar", "janvier", "janv", "enero", "gennaio", "stycznia", "ledna", "января",
// "січня", "ocak"; 0 when it names none.
int MonthOfWord(std::string_view lower);

// A lower-case weekday name in any of the languages ("tuesday", "dienstag", "mardi",
// "вторник", "화요일"), with or without a trailing dot or comma.
bool IsWeekdayName(std::string_view lower);

// What a word of a date line says about the date next to it.
enum class DateWordRole {
  kNone,    // not a date-line word
  kFiller,  // "am", "le", "um", "Uhr", "à", "г.": part of how dates are written
  kPublished,  // "veröffentlicht", "publié", "publicado", "опубликовано", "입력", "発行"
  kUpdated,  // "aktualisiert", "updated", "mis à jour", "actualizado", "수정", "更新"
  kStatus,   // "Stand": the state the page shows, often its last change
};
DateWordRole RoleOfDateWord(std::string_view lower);

}  // namespace morgue::internal

#endif  // MORGUE_CORE_SRC_DATES_WORDS_H_
