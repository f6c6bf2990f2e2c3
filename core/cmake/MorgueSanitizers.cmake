# MORGUE_SANITIZE: builds everything (libmorgue, plugins, CLI, tests) with AddressSanitizer
# and UndefinedBehaviorSanitizer; any report stops the process.
# MORGUE_FUZZ: also builds the libFuzzer targets of tests/fuzz (clang only). It implies
# MORGUE_SANITIZE and adds libFuzzer's coverage instrumentation to all the code, so that
# one build serves both the sanitizer test run and the fuzzers.
#
# The flags go into CMAKE_CXX_FLAGS and the linker flags rather than onto targets, so that
# the SDK test can hand them to the out-of-tree plugin it builds.
option(MORGUE_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(MORGUE_FUZZ "Build the libFuzzer targets (clang; implies MORGUE_SANITIZE)" OFF)

# MORGUE_UNFUZZED_OPTIONS: compile options for code no fuzzer runs (the tests, the CLI):
# without libFuzzer's coverage instrumentation, which costs a fifth of their build time
# and slows every test.
set(MORGUE_UNFUZZED_OPTIONS "")

if(MORGUE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MORGUE_FUZZ needs clang (libFuzzer): configure with "
                        "-DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(MORGUE_SANITIZE ON CACHE BOOL "" FORCE)
  set(MORGUE_UNFUZZED_OPTIONS
      -fno-sanitize-coverage=inline-8bit-counters,indirect-calls,trace-cmp,pc-table,stack-depth)
endif()

if(MORGUE_SANITIZE)
  set(morgue_sanitize_flags
      "-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer")
  # Line numbers in reports, at a fraction of the cost of full debug information.
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    set(morgue_debug_flags "-gline-tables-only")
  else()
    set(morgue_debug_flags "-g1")
  endif()
  set(morgue_compile_flags "${morgue_sanitize_flags} ${morgue_debug_flags}")
  if(MORGUE_FUZZ)
    string(APPEND morgue_compile_flags " -fsanitize=fuzzer-no-link")
  endif()
  string(APPEND CMAKE_CXX_FLAGS " ${morgue_compile_flags}")
  # The runtimes are linked into executables only; shared libraries and plugins find
  # them there when loaded.
  foreach(kind EXE SHARED MODULE)
    string(APPEND CMAKE_${kind}_LINKER_FLAGS " ${morgue_sanitize_flags}")
  endforeach()
endif()
