#!/usr/bin/env bash
# Builds the fuzz targets (tests/fuzz, clang with libFuzzer, ASan and UBSan, in
# build-sanitize/) and runs each for a fixed time. Fails when any of them finds a crash,
# a leak, undefined behaviour, a broken promise, a timeout or a memory blow-up.
#
#   tools/run-fuzzers.sh [--seconds N] [--jobs N] [TARGET...]
#
# Targets: html text json warc feed date byline decode wire wxr mhtml (default: all). N seconds each (default 20;
# CI spends 12); targets run --jobs at a time (default: the number of cores). A longer
# run, e.g. ten minutes each at low priority:
#
#   nice tools/run-fuzzers.sh --seconds 600
#
# Seeds are collected afresh into build-sanitize/fuzz/seeds/ from tests/fixtures (and, for
# html, the pages of ../shared/corpora/readability-test-pages when it is there). What the
# fuzzers learn stays in build-sanitize/fuzz/corpus/, so the next run starts from it; a
# finding is written to build-sanitize/fuzz/artifacts/<target>/. To keep a finding as a
# regression test, fix the bug and copy the input to tests/fixtures/fuzz/<target>/: the
# test suite replays every file there (ctest -L fuzz).
source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"

seconds=20
jobs=$(nproc)
targets=()
while (($#)); do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h | --help) sed -n '2,19s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "run-fuzzers: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all_targets=(html text json warc feed date byline decode wire wxr mhtml)
((${#targets[@]})) || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || {
    echo "run-fuzzers: no fuzz target '$target' (have: ${all_targets[*]})" >&2
    exit 2
  }
done

morgue_install_deps
MORGUE_BUILD_TARGETS="${targets[*]/#/fuzz_}" morgue_build_sanitized
morgue_sanitizer_env

fixtures=$MORGUE_ROOT/tests/fixtures
seeds_src=$MORGUE_ROOT/tests/fuzz/seeds
dicts=$MORGUE_ROOT/tests/fuzz/dict
work=$MORGUE_SANITIZE_BUILD_DIR/fuzz
readability=$MORGUE_ROOT/../shared/corpora/readability-test-pages

# seed_files TARGET: the files (or folders) its seeds come from, one per line.
seed_files() {
  case "$1" in
    html) printf '%s\n' "$fixtures"/articles/*.html ;;
    text) printf '%s\n' "$fixtures"/*.txt "$fixtures"/articles/*.txt ;;
    json) printf '%s\n' "$fixtures"/*.jsonl "$fixtures"/foreign/* ;;
    feed) printf '%s\n' "$fixtures"/feed/*.xml "$fixtures"/feed/*.atom "$seeds_src"/feed/* ;;
    decode) printf '%s\n' "$fixtures"/*.txt "$fixtures"/articles/* ;;
    warc) printf '%s\n' "$seeds_src"/warc/* ;;
    wire) printf '%s\n' "$seeds_src"/wire/* ;;
    wxr) printf '%s\n' "$fixtures"/wordpress/* ;;
    mhtml) printf '%s\n' "$fixtures"/mhtml/* ;;
  esac
}

# collect_seeds TARGET DIR: fills DIR with the target's seeds; short-string targets get
# one seed per line.
collect_seeds() {
  local target=$1 dir=$2 file i=0
  rm -rf "$dir"
  mkdir -p "$dir"
  case "$target" in
    date | byline)
      for file in "$seeds_src/${target}s.txt" "$fixtures"/*.txt "$fixtures"/articles/*.txt; do
        split -l 1 -a 5 "$file" "$dir/$(basename "$file")-"
      done
      ;;
    *)
      while IFS= read -r file; do
        cp "$file" "$dir/"
      done < <(seed_files "$target")
      if [[ "$target" == html && -d "$readability" ]]; then
        for file in "$readability"/*/source.html; do
          ln -s "$file" "$dir/readability-$((i++)).html"
        done
      fi
      ;;
  esac
  # Every past finding seeds the next run too.
  cp "$fixtures/fuzz/$target"/* "$dir/"
}

dict_of() {
  case "$1" in
    html | json | warc | feed | date | byline) echo "-dict=$dicts/$1.dict" ;;
    text) echo "-dict=$dicts/byline.dict" ;;
  esac
}

# run_target TARGET: one fuzzing session; its output goes to $work/logs/TARGET.log and
# its exit status to $work/logs/TARGET.status.
run_target() {
  local target=$1
  local binary=$MORGUE_SANITIZE_BUILD_DIR/fuzz/fuzz_$target
  local corpus=$work/corpus/$target seeds=$work/seeds/$target artifacts=$work/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  collect_seeds "$target" "$seeds"
  local args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
    -print_final_stats=1 -artifact_prefix="$artifacts/")
  local dict
  dict=$(dict_of "$target")
  [[ -n "$dict" ]] && args+=("$dict")
  local status=0
  "$binary" "${args[@]}" "$corpus" "$seeds" >"$work/logs/$target.log" 2>&1 || status=$?
  echo "$status" >"$work/logs/$target.status"
}

# summary TARGET STATUS: one line with what the session did.
summary() {
  local log=$work/logs/$1.log
  local runs corpus
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1)
  printf 'fuzz %-7s %s: %s executions in %ss, %s\n' "$1" "$2" "${runs:-?}" "$seconds" \
    "${corpus:-no corpus}"
}

mkdir -p "$work/logs"
failed=()
# running: how many started sessions have not written their status yet.
running() {
  local target count=0
  for target in "${started[@]}"; do
    [[ -e "$work/logs/$target.status" ]] || count=$((count + 1))
  done
  echo "$count"
}
started=()
for target in "${targets[@]}"; do
  while (($(running) >= jobs)); do sleep 1; done
  rm -f "$work/logs/$target.status"
  # A session that fails before the fuzzer runs (set -e in the subshell) still writes its
  # status, so the throttle above never waits for it forever.
  (run_target "$target" || echo "$?" >"$work/logs/$target.status") &
  started+=("$target")
done
wait
for target in "${targets[@]}"; do
  if [[ "$(cat "$work/logs/$target.status" 2>/dev/null)" == 0 ]]; then
    summary "$target" ok
  else
    summary "$target" FAILED
    failed+=("$target")
    tail -n 60 "$work/logs/$target.log" >&2
  fi
done

if ((${#failed[@]})); then
  echo "run-fuzzers: ${failed[*]} failed; the inputs are in $work/artifacts/<target>/," \
    "full logs in $work/logs/" >&2
  exit 1
fi
