# morgue_add_plugin(NAME SOURCES src... [LINK_LIBRARIES lib...] [OUTPUT_DIRECTORY dir])
#
# Declares a morgue plugin: a MODULE library named morgue_<NAME>.so, built with hidden
# visibility and linked against libmorgue, so that only the symbols MORGUE_PLUGIN
# exports are visible. Used for the built-in plugins and, through the installed CMake
# package, by anyone writing their own.
function(morgue_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "OUTPUT_DIRECTORY" "SOURCES;LINK_LIBRARIES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "morgue_add_plugin(${name}): SOURCES is required")
  endif()
  set(target morgue_plugin_${name})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE morgue::morgue ${ARG_LINK_LIBRARIES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "morgue_${name}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  endif()
endfunction()
