#!/usr/bin/env bash
# The SDK test (registered by tests/sdk/CMakeLists.txt as sdk_example_plugin):
#   1. cmake --install the build tree into a temporary prefix;
#   2. build the example plugin project (plugins/example/) against that prefix with
#      find_package(morgue);
#   3. run the INSTALLED morgue: import .headline files with the example importer,
#      export them with the example exporter, and check `morgue plugins` lists the
#      installed json plugin and both example plugins;
#   4. install the example plugins and check morgue finds them with no --plugin-dir;
#   5. check that the SDK needs no Boost: no Boost header reaches the example sources and
#      the installed CMake package does not name Boost.
# Any mismatch stops the test with a message saying what was expected.
set -euo pipefail

build_dir= config= cmake=cmake generator= make_program= cxx= libdir=lib example= data=
cxx_flags= module_linker_flags=
requires=()
while (($#)); do
  case "$1" in
    --build-dir) build_dir=$2 ;;
    --config) config=$2 ;;
    --cmake) cmake=$2 ;;
    --generator) generator=$2 ;;
    --make-program) make_program=$2 ;;
    --cxx) cxx=$2 ;;
    --cxx-flags) cxx_flags=$2 ;;
    --module-linker-flags) module_linker_flags=$2 ;;
    --libdir) libdir=$2 ;;
    --example) example=$2 ;;
    --data) data=$2 ;;
    --requires) requires+=("$2") ;;
    *) echo "sdk_test: unknown argument $1" >&2; exit 2 ;;
  esac
  shift 2
done

fail() {
  echo "sdk_test: FAIL: $*" >&2
  exit 1
}
step() { echo "sdk_test: $*"; }

# Runs a command with its output in $log, printing that output if it fails.
log=
run_logged() {
  log=$1
  shift
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "command failed: $*"
  fi
}

expect_contains() {  # what haystack needle
  if ! grep -qF -- "$3" <<<"$2"; then
    printf '%s\n' "$2" >&2
    fail "$1: expected to find '$3' in the output above"
  fi
}

for file in "${requires[@]}"; do
  [[ -e "$file" ]] || fail "$file is missing: build the project before running the tests"
done
[[ -d "$example" && -d "$data" && -d "$build_dir" ]] || fail "bad arguments"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/morgue-sdk-test-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

step "installing $build_dir into $prefix"
install_args=(--install "$build_dir" --prefix "$prefix")
[[ -n "$config" ]] && install_args+=(--config "$config")
run_logged "$tmp/install.log" "$cmake" "${install_args[@]}"
morgue=$prefix/bin/morgue
plugin_install_dir=$prefix/$libdir/morgue/plugins
[[ -x "$morgue" ]] || fail "the install has no $morgue"
[[ -f "$plugin_install_dir/morgue_json.so" ]] ||
  fail "the install has no json plugin in $plugin_install_dir"
for header in plugin.h status.h article.h archive.h; do
  [[ -f "$prefix/include/morgue/$header" ]] || fail "the install has no include/morgue/$header"
done

step "building the example plugins against the installed SDK"
configure_args=(-S "$example" -B "$tmp/build" "-DCMAKE_PREFIX_PATH=$prefix"
  -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON "-DCMAKE_BUILD_TYPE=${config:-Release}")
# Same generator and compiler as the main build: a plugin from another C++ runtime would
# be refused, and Ninja keeps the test quick.
[[ -n "$generator" ]] && configure_args+=(-G "$generator")
[[ -n "$make_program" ]] && configure_args+=("-DCMAKE_MAKE_PROGRAM=$make_program")
[[ -n "$cxx" ]] && configure_args+=("-DCMAKE_CXX_COMPILER=$cxx")
[[ -n "${cxx_flags// /}" ]] && configure_args+=("-DCMAKE_CXX_FLAGS=$cxx_flags")
[[ -n "${module_linker_flags// /}" ]] &&
  configure_args+=("-DCMAKE_MODULE_LINKER_FLAGS=$module_linker_flags")
run_logged "$tmp/configure.log" "$cmake" "${configure_args[@]}"
found_dir=$(sed -n 's/^morgue_DIR:PATH=//p' "$tmp/build/CMakeCache.txt")
[[ "$found_dir" == "$prefix/"* ]] ||
  fail "find_package(morgue) found '$found_dir', not the installed SDK under $prefix"
run_logged "$tmp/build.log" "$cmake" --build "$tmp/build"
plugins=$tmp/build/plugins
for lib in morgue_headline.so morgue_titles.so morgue_digest.so; do
  [[ -f "$plugins/$lib" ]] || fail "the example build made no $plugins/$lib"
done

step "the SDK needs no Boost: no Boost header in the example's includes or the CMake package"
for source in "$example"/*.cc; do
  deps=$("${cxx:-c++}" -std=c++20 -I"$prefix/include" -M "$source") ||
    fail "cannot list the headers $source includes"
  if grep -q 'boost/' <<<"$deps"; then
    grep -o '[^ ]*boost/[^ ]*' <<<"$deps" | head -5 >&2
    fail "$source includes Boost headers through the SDK (above)"
  fi
done
if grep -rqi 'boost' "$prefix/$libdir/cmake/morgue"; then
  grep -rni 'boost' "$prefix/$libdir/cmake/morgue" >&2
  fail "the installed CMake package names Boost (above)"
fi

# Every run below uses the installed binary, with a clean environment for plugins.
unset MORGUE_PLUGIN_PATH MORGUE_ARCHIVE
archive=$tmp/a.db

step "morgue plugins lists the installed json plugin and the example plugins"
listing=$("$morgue" --plugin-dir "$plugins" plugins) || fail "morgue plugins failed"
expect_contains "plugins" "$listing" "json "
expect_contains "plugins" "$listing" "path:       $plugin_install_dir/morgue_json.so"
expect_contains "plugins" "$listing" "headline 1.0.0  (import)"
expect_contains "plugins" "$listing" "path:       $plugins/morgue_headline.so"
expect_contains "plugins" "$listing" "titles 1.0.0  (export)"
expect_contains "plugins" "$listing" "path:       $plugins/morgue_titles.so"
expect_contains "plugins" "$listing" "digest 1.0.0  (import)"
if grep -q '^refused:' <<<"$listing"; then
  printf '%s\n' "$listing" >&2
  fail "plugins: a library was refused"
fi

step "importing .headline files with the example importer"
run_logged "$tmp/import.log" "$morgue" --archive "$archive" --plugin-dir "$plugins" \
  import --create "$data/a-snow.headline" "$data/b-port.headline"

step "exporting with the example exporter"
exported=$("$morgue" --archive "$archive" --plugin-dir "$plugins" \
  export --format titles --order id) || fail "morgue export --format titles failed"
expected=$(printf '1\tSnow closes Seoul schools\n2\tBusan port traffic hits record')
if [[ "$exported" != "$expected" ]]; then
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$exported") >&2 || true
  fail "export --format titles: output differs from the expected (diff above: < expected)"
fi

step "the importer's byline and body reached the archive (checked via the json exporter)"
json=$("$morgue" --archive "$archive" --plugin-dir "$plugins" export --format json --ids 1) ||
  fail "morgue export --format json failed"
expect_contains "json export" "$json" "Kim Tong-hyung"
expect_contains "json export" "$json" "Lee Hyo-sik"
expect_contains "json export" "$json" "Classes resume on Monday, the education office said."

step "a digest's stories are read by the headline importer, each an input of its own"
digest_log=$("$morgue" --archive "$archive" --plugin-dir "$plugins" \
  import "$data/c-weekend.digest" 2>&1) || fail "importing the digest failed: $digest_log"
expect_contains "digest import" "$digest_log" \
  "$data/c-weekend.digest: digest: 2 records: 2 documents"
exported=$("$morgue" --archive "$archive" --plugin-dir "$plugins" \
  export --format titles --order id) || fail "morgue export --format titles failed"
expected=$(printf '1\tSnow closes Seoul schools\n2\tBusan port traffic hits record\n3\tFerries resume after storm\n4\tRice harvest beats forecast')
if [[ "$exported" != "$expected" ]]; then
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$exported") >&2 || true
  fail "after the digest: output differs from the expected (diff above: < expected)"
fi
json=$("$morgue" --archive "$archive" --plugin-dir "$plugins" export --format json --ids 3) ||
  fail "morgue export --format json failed"
expect_contains "digest story" "$json" "https://example.org/ferries"
expect_contains "digest story" "$json" "Park Si-soo"
shown=$("$morgue" --archive "$archive" --plugin-dir "$plugins" show 4) ||
  fail "morgue show 4 failed"
expect_contains "digest story" "$shown" "$data/c-weekend.digest#2"
expect_contains "digest story" "$shown" "from $data/c-weekend.digest at byte"

step "MORGUE_PLUGIN_PATH finds the example plugins too"
listing=$(MORGUE_PLUGIN_PATH="$plugins" "$morgue" plugins) ||
  fail "morgue plugins with MORGUE_PLUGIN_PATH failed"
expect_contains "MORGUE_PLUGIN_PATH" "$listing" "path:       $plugins/morgue_titles.so"

step "installed example plugins are found with no --plugin-dir"
run_logged "$tmp/install-example.log" "$cmake" --install "$tmp/build"
listing=$("$morgue" plugins) || fail "morgue plugins failed"
expect_contains "installed" "$listing" "path:       $plugin_install_dir/morgue_headline.so"
expect_contains "installed" "$listing" "path:       $plugin_install_dir/morgue_titles.so"

step "OK"
