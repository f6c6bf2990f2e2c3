# Writes OUTPUT, a C++ file defining morgue::EmbeddedPublicationsTsv() with the bytes of
# INPUT (schema/publications.tsv). Run at build time by core/CMakeLists.txt.
file(READ "${INPUT}" tsv)
file(WRITE "${OUTPUT}.tmp" "// Generated from schema/publications.tsv by core/cmake/EmbedPublications.cmake.
#include <string_view>

namespace morgue {

std::string_view EmbeddedPublicationsTsv() {
  static constexpr std::string_view kTsv = R\"morgue_tsv(${tsv})morgue_tsv\";
  return kTsv;
}

}  // namespace morgue
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
