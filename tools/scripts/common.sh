# Shared by the README's two commands: install what is missing, then build.
# Sourced, not run. Works on a fresh Debian 12 machine as root, and is quick when
# everything is already there.

set -euo pipefail

MORGUE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MORGUE_BUILD_DIR="${MORGUE_BUILD_DIR:-$MORGUE_ROOT/build}"
# The clang build with AddressSanitizer, UndefinedBehaviorSanitizer and the fuzz targets.
MORGUE_SANITIZE_BUILD_DIR="${MORGUE_SANITIZE_BUILD_DIR:-$MORGUE_ROOT/build-sanitize}"

# Debian 12 packages morgue builds and tests with. clang and libclang-rt-14-dev (the
# libFuzzer and sanitizer runtimes) build the sanitizer and fuzz configuration; llvm
# brings llvm-symbolizer, which puts function names and lines in sanitizer reports.
# wget writes the web archives (--warc-file) the warc plugin's tests import; the zstd tool
# reads an archived original without morgue, as the README shows (a test runs it); libpq
# is the client of the PostgreSQL store.
MORGUE_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libsqlite3-dev sqlite3
  libboost-dev
  libcli11-dev
  nlohmann-json3-dev
  googletest libgtest-dev
  libxml2-dev libuchardet-dev
  zlib1g-dev libzstd-dev libssl-dev libbrotli-dev
  libpq-dev
  wget zstd
  python3
  clang libclang-rt-14-dev llvm
)

# What only the test suite needs besides: the PostgreSQL server its tests of the
# PostgreSQL store start for themselves (tests/support/postgres_server.sh). Not installed
# by the sample's command: on a machine with systemd, Debian starts the package's own
# server, which the sample does not need.
MORGUE_TEST_PACKAGES=(
  postgresql-15
)

# morgue_install_deps [more packages...]: installs whatever of MORGUE_PACKAGES and the
# packages named is missing.
morgue_install_deps() {
  local missing=()
  local pkg
  for pkg in "${MORGUE_PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "morgue: installing ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# morgue_build [extra cmake arguments...]: a Release build in $MORGUE_BUILD_DIR; of only
# the targets in $MORGUE_BUILD_TARGETS when set.
morgue_build() {
  cmake -S "$MORGUE_ROOT" -B "$MORGUE_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  # shellcheck disable=SC2086 # a list of target names
  cmake --build "$MORGUE_BUILD_DIR" --parallel "$(nproc)" \
    ${MORGUE_BUILD_TARGETS:+--target $MORGUE_BUILD_TARGETS}
}

# morgue_build_sanitized [extra cmake arguments...]: the clang build in
# $MORGUE_SANITIZE_BUILD_DIR with the sanitizers and the fuzz targets (MORGUE_FUZZ).
morgue_build_sanitized() {
  local MORGUE_BUILD_DIR=$MORGUE_SANITIZE_BUILD_DIR
  morgue_build -DMORGUE_BUILD_TESTS=ON -DMORGUE_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ "$@"
}

# What every sanitized process, and each child it starts, runs with: stop at the first
# report, as a crash (SIGABRT), with a symbolized stack.
morgue_sanitizer_env() {
  export ASAN_OPTIONS="abort_on_error=1:halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
  if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && command -v llvm-symbolizer >/dev/null; then
    export ASAN_SYMBOLIZER_PATH
    ASAN_SYMBOLIZER_PATH="$(command -v llvm-symbolizer)"
  fi
}

# morgue_stage NAME: true unless MORGUE_SKIP_STAGES (e.g. "sanitize,fuzz") names it.
# CI skips nothing; the variable is for quicker local runs.
morgue_stage() {
  case ",${MORGUE_SKIP_STAGES:-}," in
    *",$1,"*) echo "morgue: skipping the $1 stage (MORGUE_SKIP_STAGES)" >&2; return 1 ;;
  esac
  return 0
}
