#!/usr/bin/env bash
# Installs what is missing (with the PostgreSQL server the PostgreSQL store's tests start),
# builds morgue with its tests, and runs the whole suite; then
# runs it again built with AddressSanitizer and UndefinedBehaviorSanitizer (clang, in
# build-sanitize/), and runs each fuzz target briefly. MORGUE_SKIP_STAGES=sanitize,fuzz
# skips the last two locally; CI runs everything.
source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"

# Each stage's time goes to the log, so that a slow run shows where it went.
stage_started=$SECONDS
stage_done() {
  echo "run-tests: $1 took $((SECONDS - stage_started)) s" >&2
  stage_started=$SECONDS
}

morgue_install_deps "${MORGUE_TEST_PACKAGES[@]}"
# The tests of the PostgreSQL store start a throwaway server of their own; here, one that
# cannot start fails them instead of skipping them.
export MORGUE_REQUIRE_POSTGRES=1
stage_done "installing"

morgue_build -DMORGUE_BUILD_TESTS=ON
stage_done "the build"
ctest --test-dir "$MORGUE_BUILD_DIR" --output-on-failure --parallel "$(nproc)" --timeout 900
stage_done "the tests"

# The html importer's quality on real pages (issue targets), shown in the log when the
# shared corpus is present; ctest above already failed the run if a target was missed.
# The same with trafilatura-eval's hand-made truth and its score.py metric.
for quality_corpus in "$MORGUE_ROOT/../shared/corpora/readability-test-pages" \
  "$MORGUE_ROOT/../shared/corpora/trafilatura-eval"; do
  if [ -d "$quality_corpus" ]; then
    "$MORGUE_BUILD_DIR/tools/bench/morgue_quality" "$MORGUE_BUILD_DIR/plugins" "$quality_corpus"
  fi
done

if morgue_stage sanitize; then
  morgue_build_sanitized
  morgue_sanitizer_env
  ctest --test-dir "$MORGUE_SANITIZE_BUILD_DIR" --output-on-failure --parallel "$(nproc)" \
    --timeout 900
  stage_done "the sanitizer build and its tests"
fi

if morgue_stage fuzz; then
  "$MORGUE_ROOT/tools/run-fuzzers.sh" --seconds "${MORGUE_FUZZ_SECONDS:-12}"
  stage_done "the fuzzers"
fi
