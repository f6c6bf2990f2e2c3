#!/usr/bin/env bash
# Installs what is missing, builds morgue with its tests, and runs the whole suite.
source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"

morgue_install_deps
morgue_build -DMORGUE_BUILD_TESTS=ON
ctest --test-dir "$MORGUE_BUILD_DIR" --output-on-failure --parallel "$(nproc)" --timeout 900
