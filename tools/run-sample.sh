#!/usr/bin/env bash
# Installs what is missing, builds morgue, and runs its main job on the bundled sample:
# create an archive, import, list, search, show, export.
source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"

morgue_install_deps
morgue_build -DMORGUE_BUILD_TESTS=OFF

morgue="$MORGUE_BUILD_DIR/bin/morgue"
work="$MORGUE_BUILD_DIR/sample"
archive="$work/morgue.db"
rm -rf "$work"
mkdir -p "$work"

step() { printf '\n$ %s\n' "$*"; "$@"; }

step "$morgue" --archive "$archive" init
fixtures="$MORGUE_ROOT/tests/fixtures"
# The Korea Times article as saved text, as a Blogger repost and as a WordPress repost:
# three inputs, one article. Then a Korean page in EUC-KR, and a JSON Lines file.
step "$morgue" --archive "$archive" import \
  "$fixtures/korea-times-2011-01-04.txt" \
  "$fixtures/articles/korea-times-2011-01-04.blogger.html" \
  "$fixtures/articles/korea-times-2011-01-04.wordpress.html" \
  "$fixtures/articles/hankyoreh-2011-01-15.euckr.html" \
  "$fixtures/sample-articles.jsonl"
step "$morgue" --archive "$archive" list
step "$morgue" --archive "$archive" search "military pact"
step "$morgue" --archive "$archive" show 1 --provenance
step "$morgue" --archive "$archive" export --format jsonl --tag japan -o "$work/japan.jsonl"
step "$morgue" --archive "$archive" stats
printf '\nArchive: %s\nExport:  %s (%s articles)\n' "$archive" "$work/japan.jsonl" \
  "$(wc -l <"$work/japan.jsonl")"
