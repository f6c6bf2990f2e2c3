#!/usr/bin/env bash
# Installs what is missing, builds morgue with its tests, and runs the whole suite.
source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"

morgue_install_deps
morgue_build -DMORGUE_BUILD_TESTS=ON
ctest --test-dir "$MORGUE_BUILD_DIR" --output-on-failure --parallel "$(nproc)" --timeout 900

# The html importer's quality on real pages (issue targets), shown in the log when the
# shared corpus is present; ctest above already failed the run if a target was missed.
quality_corpus="$MORGUE_ROOT/../shared/corpora/readability-test-pages"
if [ -d "$quality_corpus" ]; then
  "$MORGUE_BUILD_DIR/tools/bench/morgue_quality" "$MORGUE_BUILD_DIR/plugins" "$quality_corpus"
fi
