#!/usr/bin/env bash
# The performance suite: installs what is missing, makes a Release build of morgue and
# its benchmark tools in build-bench/, then measures morgue against its references
# (tools/bench/suite.py) and prints one table. Not part of the tests: it takes a while
# and its figures are ratios, meaningful only within one run.
#
#   tools/bench/run.sh [suite options]    e.g. --sizes 10000 --html-pages 2000
#   tools/bench/run.sh --readability      also Readability.js (npm, into the work folder)
#
# Corpora and archives go to $MORGUE_BENCH_DIR (default: /tmp/morgue-bench); generated
# corpora are kept between runs.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"

MORGUE_BUILD_DIR="${MORGUE_BENCH_BUILD_DIR:-$MORGUE_ROOT/build-bench}"
morgue_install_deps
morgue_build -DMORGUE_BUILD_TESTS=OFF
# The reference of the near-duplicates step: the same morgue without the lookup.
without_near="$MORGUE_BUILD_DIR-without-near-duplicates"
MORGUE_BUILD_DIR="$without_near" MORGUE_BUILD_TARGETS=morgue_cli \
  morgue_build -DMORGUE_BUILD_TESTS=OFF -DMORGUE_BENCH_WITHOUT_NEAR_DUPLICATES=ON
exec python3 "$MORGUE_ROOT/tools/bench/suite.py" --build "$MORGUE_BUILD_DIR" \
  --build-without-near-duplicates "$without_near" \
  --work "${MORGUE_BENCH_DIR:-/tmp/morgue-bench}" "$@"
