#!/usr/bin/env python3
"""Checks that morgue_quality's trafilatura-eval figures are score.py's.

Usage: check_score.py MORGUE_QUALITY PLUGIN_DIR CORPUS_DIR N

Runs morgue_quality on N pages of the corpus (--only) writing --results, runs the
corpus's own score.py on those results against truth.json restricted to the same pages
(score.py counts a page missing from the results as an empty extraction), and compares
every figure both print. Exit status: 0 when all agree, 1 when one differs or a run
fails, 77 when the corpus is missing (ctest's skip code). The N pages are spread evenly
over those whose truth has a title, an author and a date, in the order of their files, so
that no page of the corpus is named here.
"""
import json, os, re, subprocess, sys, tempfile


def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"check_score: {' '.join(command)} exited {done.returncode}:\n"
                 f"{done.stdout}{done.stderr}")
    return done.stdout


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    tool, plugins, corpus, count = argv[1], argv[2], argv[3], int(argv[4])
    if not os.path.exists(os.path.join(corpus, "truth.json")):
        print(f"corpus {corpus} not found: skipped")
        return 77
    truth = json.load(open(os.path.join(corpus, "truth.json"), encoding="utf-8"))
    full = sorted(t["file"] for t in truth.values()
                  if t.get("title") and t.get("author") and t.get("date"))
    if len(full) < count:
        sys.exit(f"check_score: only {len(full)} pages have a title, an author and a date")
    pages = [full[i * len(full) // count] for i in range(count)]
    kept = {url: t for url, t in truth.items() if t["file"] in pages}
    with tempfile.TemporaryDirectory() as tmp:
        results = os.path.join(tmp, "results.jsonl")
        truth_file = os.path.join(tmp, "truth.json")
        with open(truth_file, "w", encoding="utf-8") as f:
            json.dump(kept, f, ensure_ascii=False)
        ours = run([tool, plugins, corpus, "--only", ",".join(pages), "--results", results])
        theirs = run([sys.executable, os.path.join(corpus, "score.py"), truth_file, results])
    print(ours)
    print("score.py:\n" + theirs)

    expected = {}
    m = re.search(r"^pages (\d+) \(with a result: (\d+)\)", theirs, re.M)
    expected["pages"] = m.group(1)
    expected["pages with a result"] = m.group(2)
    m = re.search(r"^body segments: precision (\S+) recall (\S+) accuracy (\S+) F1 (\S+) "
                  r"\(tp (\d+) fp (\d+) fn (\d+) tn (\d+)\)", theirs, re.M)
    for key, value in zip(["body precision", "body recall", "body accuracy", "body F1",
                           "tp", "fp", "fn", "tn"], m.groups()):
        expected[key] = value
    for field in ("title", "date", "author"):
        m = re.search(rf"^{field}: (\d+)/(\d+) = (\S+)", theirs, re.M)
        expected[field] = f"{m.group(1)}/{m.group(2)} = {m.group(3)}"

    got = {}
    m = re.search(r"^html importer on trafilatura-eval: (\d+) pages", ours, re.M)
    got["pages"] = got["pages with a result"] = m.group(1) if m else None
    m = re.search(r"^body segments: tp (\d+) fp (\d+) fn (\d+) tn (\d+)", ours, re.M)
    for key, value in zip(["tp", "fp", "fn", "tn"], m.groups() if m else [None] * 4):
        got[key] = value
    for key in ("body precision", "body recall", "body accuracy", "body F1"):
        m = re.search(rf"^{key} +(\S+)", ours, re.M)
        got[key] = m.group(1) if m else None
    for field in ("title", "date", "author"):
        m = re.search(rf"^{field} +(\S+) +(\d+)/(\d+)", ours, re.M)
        got[field] = f"{m.group(2)}/{m.group(3)} = {m.group(1)}" if m else None

    differ = [k for k in expected if expected[k] != got.get(k)]
    for key in expected:
        print(f"{'DIFFERS' if key in differ else 'same   '} {key}: morgue_quality "
              f"{got.get(key)}, score.py {expected[key]}")
    if differ:
        print(f"check_score: morgue_quality and score.py differ on: {', '.join(differ)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
