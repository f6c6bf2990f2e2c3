#!/usr/bin/env python3
"""How well morgue finds the same story: precision and recall of its story clusters.

Real articles are the stories: morgue imports the pages of a corpus (by default the
Readability test pages and the trafilatura evaluation pages beside the project), and each
article of enough words is then run again as wire copies are, by "other outlets" (another
source and address each):

  headline   the same body under another headline             (an exact copy: "copy")
  credit     a dateline and credit line added, a closing line  (near-duplicates: "near")
  cut-one    one paragraph cut
  reordered  two paragraphs moved
  cut-third  the last third cut
  half       only the first half
  edited     a paragraph cut, a credit added, one word in twenty replaced

Every copy is imported with the real binary; the clusters are the sets of articles joined
by morgue's links. A pair of articles is a true pair when both come from one story, so
precision counts the linked pairs of two different stories (the corpus's articles are
different stories, some on the same subjects), recall the pairs of one story that morgue
put in one cluster, overall and by kind of change.

  story_clusters.py --build DIR --work DIR [--corpus DIR ...] [--min-words 150]
"""

import argparse
import itertools
import json
import random
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
KINDS = ["headline", "credit", "cut-one", "reordered", "cut-third", "half", "edited"]
FILLER = ["officials", "reported", "according", "region", "local", "week", "said", "new"]


def morgue(build, archive, *args):
    cmd = [str(build / "bin" / "morgue"), "--archive", str(archive), *map(str, args)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


def variant(kind, paragraphs, rng):
    p = list(paragraphs)
    if kind == "headline":
        return p
    if kind == "credit":
        return ["SEOUL, Jan. 4 (Wire) --"] + p + ["(c) Wire Service. All rights reserved."]
    if kind == "cut-one":
        del p[rng.randrange(1, len(p))]
        return p
    if kind == "reordered":
        i = rng.randrange(1, len(p) - 1)
        p[i], p[i + 1] = p[i + 1], p[i]
        j = rng.randrange(1, len(p))
        p.insert(rng.randrange(1, len(p)), p.pop(j))
        return p
    if kind == "cut-third":
        return p[:max(1, (2 * len(p)) // 3)]
    if kind == "half":
        return p[:max(1, len(p) // 2)]
    if kind == "edited":
        del p[rng.randrange(1, len(p))]
        edited = []
        for paragraph in p:
            words = paragraph.split(" ")
            for i in range(len(words)):
                if rng.random() < 0.05:
                    words[i] = rng.choice(FILLER)
            edited.append(" ".join(words))
        return ["SEOUL, Jan. 4 (Wire) --"] + edited
    raise ValueError(kind)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True, type=Path, help="a build of morgue")
    parser.add_argument("--work", required=True, type=Path, help="a folder for the archive")
    parser.add_argument("--corpus", action="append", type=Path,
                        help="a folder of pages (repeatable); default: the shared corpora")
    parser.add_argument("--min-words", type=int, default=150,
                        help="stories shorter than this are not copied")
    parser.add_argument("--seed", type=int, default=2011)
    args = parser.parse_args()
    corpora = args.corpus or [CORPORA / "readability-test-pages", CORPORA / "trafilatura-eval" / "pages"]
    rng = random.Random(args.seed)

    if args.work.exists():
        shutil.rmtree(args.work)
    args.work.mkdir(parents=True)
    archive = args.work / "stories.db"
    for corpus in corpora:
        morgue(args.build, archive, "import", "--create", "--quiet", "--exclude", "expected*",
               corpus)
    exported = morgue(args.build, archive, "export", "--format", "jsonl").stdout
    originals = [json.loads(line) for line in exported.splitlines() if line.strip()]

    # Each copy carries a tag naming it, so that it is found whether it became an article of
    # its own or was merged into another (a copy of an article that names neither a source
    # nor an address is that article: nothing contradicts it).
    copies = []
    for article in originals:
        body = article.get("body") or ""
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        if len(body.split()) < args.min_words or len(paragraphs) < 4:
            continue
        for n, kind in enumerate(KINDS):
            copies.append((article["id"], kind, {
                "title": f"{kind} copy of story {article['id']}",
                "source": f"Wire Outlet {n + 1}",
                "canonical_url": f"https://outlet{n + 1}.example/story/{article['id']}",
                "tags": [f"copy-{article['id']}-{kind}"],
                "body": "\n\n".join(variant(kind, paragraphs, rng)),
            }))
    (args.work / "copies.jsonl").write_text(
        "".join(json.dumps(record) + "\n" for _, _, record in copies))
    started = time.monotonic()
    imported = morgue(args.build, archive, "import", "--quiet", args.work / "copies.jsonl")
    seconds = time.monotonic() - started
    article_of_tag = {}
    for line in morgue(args.build, archive, "export", "--format", "jsonl").stdout.splitlines():
        if line.strip():
            article = json.loads(line)
            for tag in article.get("tags") or []:
                article_of_tag[tag] = article["id"]
    # Items: each original and each copy, with its story and the article it became.
    items = [(a["id"], "original", a["id"]) for a in originals]
    items += [(story, kind, article_of_tag[record["tags"][0]]) for story, kind, record in copies]

    # Clusters: the articles joined by links (union-find over article_links).
    links = subprocess.run(["sqlite3", str(archive),
                            "SELECT article_id, other_id, kind FROM article_links"],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    parent = {article: article for _, _, article in items}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for line in links:
        if not line:
            continue
        a, b, _ = line.split("|")
        if int(a) in parent and int(b) in parent:
            parent[find(int(a))] = find(int(b))

    # Pairs of items: of one story (should be in one cluster), and of two stories in one
    # cluster (wrong).
    tp = fp = 0
    wrong_examples = []
    found = defaultdict(int)
    total = defaultdict(int)
    for (s1, k1, a1), (s2, k2, a2) in itertools.combinations(items, 2):
        same_cluster = find(a1) == find(a2)
        if s1 == s2:
            kind = k2 if k1 == "original" else k1 if k2 == "original" else "copy with copy"
            total[kind] += 1
            found[kind] += same_cluster
            tp += same_cluster
        elif same_cluster:
            fp += 1
            if len(wrong_examples) < 10:
                wrong_examples.append((a1, s1, a2, s2))
    true_pairs = sum(total.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / true_pairs if true_pairs else 0.0
    stories = len({s for s, _, _ in copies})
    merged = sum(1 for story, kind, article in items if kind != "original" and article == story)
    print(f"stories: {len(originals)} articles imported, {stories} with >= {args.min_words} "
          f"words copied {len(KINDS)} ways: {len(copies)} copies imported in {seconds:.1f} s "
          f"({merged} merged into their original, which names no source or address)")
    print(f"pairs: precision {precision:.3f} ({tp} of {tp + fp} clustered pairs are one story), "
          f"recall {recall:.3f} ({tp} of {true_pairs} pairs of one story clustered)")
    print("recall by change (the original with its copy; copies with each other):")
    for kind in KINDS + ["copy with copy"]:
        if total[kind]:
            print(f"  {kind:15} {found[kind] / total[kind]:.3f}  ({found[kind]}/{total[kind]})")
    if fp:
        print(f"pairs of two stories in one cluster (first {len(wrong_examples)} of {fp}):")
        for a1, s1, a2, s2 in wrong_examples:
            print(f"  article {a1} (story {s1}) ~ article {a2} (story {s2})")
    summary = imported.stderr.strip().splitlines()
    if summary:
        print("import: " + summary[-1])


if __name__ == "__main__":
    main()
