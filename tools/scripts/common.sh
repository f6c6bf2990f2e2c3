# Shared by the README's two commands: install what is missing, then build.
# Sourced, not run. Works on a fresh Debian 12 machine as root, and is quick when
# everything is already there.

set -euo pipefail

MORGUE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MORGUE_BUILD_DIR="${MORGUE_BUILD_DIR:-$MORGUE_ROOT/build}"

# Debian 12 packages morgue builds and tests with.
MORGUE_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libsqlite3-dev sqlite3
  libboost-dev
  libcli11-dev
  nlohmann-json3-dev
  googletest libgtest-dev
  libxml2-dev libuchardet-dev
  zlib1g-dev libssl-dev
  python3
)

morgue_install_deps() {
  local missing=()
  local pkg
  for pkg in "${MORGUE_PACKAGES[@]}"; do
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

# morgue_build [extra cmake arguments...]: a Release build in $MORGUE_BUILD_DIR.
morgue_build() {
  cmake -S "$MORGUE_ROOT" -B "$MORGUE_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$MORGUE_BUILD_DIR" --parallel "$(nproc)"
}
