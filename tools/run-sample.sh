#!/usr/bin/env bash
# Installs what is missing, builds morgue, and runs its main job on the bundled sample:
# create an archive, import, list, search, show, export.
source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"

morgue_install_deps
morgue_build

morgue="$MORGUE_BUILD_DIR/bin/morgue"
work="$MORGUE_BUILD_DIR/sample"
archive="$work/morgue.db"
rm -rf "$work"
mkdir -p "$work"

step() { printf '\n$ %s\n' "$*"; "$@"; }

step "$morgue" --archive "$archive" init
step "$morgue" --archive "$archive" import "$MORGUE_ROOT/tests/fixtures/sample-articles.jsonl"
step "$morgue" --archive "$archive" list
step "$morgue" --archive "$archive" search "military pact"
step "$morgue" --archive "$archive" show 1 --provenance
step "$morgue" --archive "$archive" export --format jsonl --tag japan -o "$work/japan.jsonl"
step "$morgue" --archive "$archive" stats
printf '\nArchive: %s\nExport:  %s (%s articles)\n' "$archive" "$work/japan.jsonl" \
  "$(wc -l <"$work/japan.jsonl")"
