// Made-up paragraphs for story tests: paragraph n is twenty words no other paragraph has,
// so two bodies share exactly the paragraphs they have in common, and how alike they are
// is known in advance (Body(0, 3) is half of Body(0, 7) and shares nothing with
// Body(4, 7)).
//
// Thread-safety: pure functions.

#ifndef MORGUE_TESTS_SUPPORT_MADE_UP_TEXT_H_
#define MORGUE_TESTS_SUPPORT_MADE_UP_TEXT_H_

#include <string>

namespace morgue::testing {

inline std::string MadeUpParagraph(int n) {
  std::string text;
  for (int word = 0; word < 20; ++word) {
    int value = n * 20 + word;
    std::string spelled;
    do {
      spelled += static_cast<char>('a' + value % 26);
      value /= 26;
    } while (value > 0);
    text += (word == 0 ? "" : " ") + spelled + "ward";
  }
  return text + ".";
}

// Paragraphs first … last, separated by a blank line (`separator` for another spelling of
// it, such as the two characters \n\n inside a JSON string).
inline std::string MadeUpBody(int first, int last, const std::string& separator = "\n\n") {
  std::string body;
  for (int n = first; n <= last; ++n) body += (n == first ? "" : separator) + MadeUpParagraph(n);
  return body;
}

}  // namespace morgue::testing

#endif  // MORGUE_TESTS_SUPPORT_MADE_UP_TEXT_H_
