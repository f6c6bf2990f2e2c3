# Writes OUTPUT, a C++ file defining the function morgue::FUNCTION (declared in
# core/src/migration.h) from the files listed in MIGRATIONS (NNNN_what.sql, sorted, joined
# with '|'). Run at build time by core/CMakeLists.txt, once for schema/ and once for
# schema/postgresql/.
string(REPLACE "|" ";" migrations "${MIGRATIONS}")
set(body "")
foreach(file IN LISTS migrations)
  get_filename_component(name "${file}" NAME)
  string(REGEX MATCH "^([0-9][0-9][0-9][0-9])_" _ "${name}")
  math(EXPR version "${CMAKE_MATCH_1}")
  file(READ "${file}" sql)
  string(APPEND body "      {${version}, \"${name}\", R\"morgue_sql(${sql})morgue_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${SOURCE} by core/cmake/EmbedSchema.cmake. Do not edit.
#include \"migration.h\"

namespace morgue {

const std::vector<Migration>& ${FUNCTION}() {
  static const std::vector<Migration> migrations = {
${body}  };
  return migrations;
}

}  // namespace morgue
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
