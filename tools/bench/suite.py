#!/usr/bin/env python3
"""morgue's performance suite: morgue and a reference measured side by side, in one run.

Run through tools/bench/run.sh, which builds what this needs. Every figure is a ratio to
a reference run on the same machine, the same inputs, in the same run, because absolute
times on shared machines are not comparable between runs.

  suite.py --build DIR --work DIR [--sizes 10000,100000] [--html-pages 20000]
           [--pages DIR [--pages DIR ...]] [--readability [--readability-pages N]]
           [--only ...]

Benchmarks (each measured as a whole process: wall time and peak RSS from wait4):
  import-jsonl  morgue import of N generated articles vs the sqlite3 shell at its best:
                the same text made CSV beforehand (not timed), .import into a plain table
                and the same FTS5 index built in one pass, one transaction; and vs the shell
                parsing each line's JSON in SQL into morgue's own tables (its triggers index)
  import-html   morgue import of real pages (the Readability corpus, trafilatura-eval's
                pages, and any folder given with --pages) and of generated blog pages vs a
                bare libxml2 parse of the same bytes, on one core and on all; and
                Readability.js when asked
  export        morgue export csv / jsonl vs sqlite3 -csv / -json of the same columns
  import-warc   morgue import of the generated blog pages as one .warc.gz (a request and
                a response record each, as a crawler writes them) vs zcat of the file and
                a bare libxml2 parse of its pages; --warc-size 2G adds a large one for
                its peak RSS
  search        50 queries: morgue search vs the same FTS5 query run by sqlite3
  search-cjk    40 Korean queries on a Korean corpus: morgue search (words inside longer
                runs) vs the plain FTS5 query run by sqlite3; import rate; archive size with
                and without the CJK grams
"""

import argparse
import csv
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS = CORPORA / "readability-test-pages"
# Real pages with hand-made truth (tools/bench/quality.cc reads it too).
TRAFILATURA_PAGES = CORPORA / "trafilatura-eval" / "pages"
# Holds a process to one core, for the single-threaded figures.
ONE_CORE = ["taskset", "-c", "0"] if shutil.which("taskset") else []
EXPORT_FIELDS = ["id", "title", "subtitle", "authors", "published", "source", "url", "tags",
                 "body"]
# The same columns, read by sqlite3 from the view morgue documents for outside tools.
EXPORT_SQL = ("SELECT id, title, subtitle, authors, published, source, url, tags, body "
              "FROM articles_flat ORDER BY id")


class Run:
    """One finished process: wall seconds, peak RSS in MiB, standard output."""

    def __init__(self, seconds, rss_mib, stdout):
        self.seconds = seconds
        self.rss_mib = rss_mib
        self.stdout = stdout


def run(cmd, stdin=None, cwd=None, env=None):
    """Runs a command that is not measured (setup, counts); stops the suite if it fails."""
    stdin_file = open(stdin, "rb") if stdin else subprocess.DEVNULL
    try:
        proc = subprocess.run([str(c) for c in cmd], stdin=stdin_file, capture_output=True,
                              cwd=cwd, env=env, check=False)
    finally:
        if stdin:
            stdin_file.close()
    if proc.returncode != 0:
        sys.stderr.write(f"suite: {' '.join(map(str, cmd))} failed ({proc.returncode}):\n"
                         f"{proc.stderr.decode(errors='replace')[-2000:]}\n")
        raise SystemExit(1)
    return Run(0.0, 0.0, proc.stdout)


def measure(cmd, stdin=None, cwd=None, env=None, ok_codes=(0,)):
    """Runs cmd and returns its wall time and its own peak RSS, read with wait4. Standard
    error goes to suite.log in the current folder of the suite, for when it fails; an exit
    code outside ok_codes stops the suite."""
    read_out, write_out = os.pipe()
    log = os.open("suite.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.dup2(write_out, 1)
            os.dup2(log, 2)
            os.dup2(os.open(stdin or os.devnull, os.O_RDONLY), 0)
            if cwd:
                os.chdir(cwd)
            os.execvpe(str(cmd[0]), [str(c) for c in cmd], env or os.environ)
        finally:
            os._exit(127)
    os.close(write_out)
    os.close(log)
    chunks = []
    while chunk := os.read(read_out, 1 << 16):
        chunks.append(chunk)
    os.close(read_out)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok_codes:
        sys.stderr.write(f"suite: {' '.join(map(str, cmd))} exited with {code} "
                         "(see suite.log)\n")
        raise SystemExit(1)
    return Run(seconds, usage.ru_maxrss / 1024.0, b"".join(chunks))


def parse_size(text):
    """"2G", "500M", "0" as bytes (binary multiples)."""
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def median_run(runs):
    """The run of median time, with the highest peak RSS of them all."""
    middle = sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]
    return Run(middle.seconds, max(r.rss_mib for r in runs), middle.stdout)


def page_files(folder):
    """Every file under `folder`, in order."""
    return sorted(f for f in folder.rglob("*") if f.is_file())


class Suite:
    def __init__(self, args):
        self.build = Path(args.build).resolve()
        self.work = Path(args.work).resolve()
        self.morgue = self.build / "bin" / "morgue"
        self.plugins = self.build / "plugins"
        self.gen = self.build / "tools" / "bench" / "morgue_corpus_gen"
        self.libxml2 = self.build / "tools" / "bench" / "morgue_bench_libxml2"
        self.sizes = [int(n) for n in args.sizes.split(",")]
        self.html_pages = args.html_pages
        self.user_pages = [Path(p).resolve() for p in args.pages]
        self.readability = args.readability
        self.readability_pages = args.readability_pages
        self.warc_bytes = parse_size(args.warc_size)
        self.rows = []  # (benchmark, what, morgue, reference, ratio, target, memory)
        self.env = dict(os.environ, MORGUE_PLUGIN_PATH=str(self.plugins))
        # The same morgue built without the near-duplicate lookup, the reference of its cost.
        self.without_near = (Path(args.build_without_near_duplicates).resolve()
                             if args.build_without_near_duplicates else None)

    # ---- helpers -------------------------------------------------------------------------

    def morgue_cmd(self, archive, *args):
        return [self.morgue, "--archive", archive, "--quiet", *args]

    def fresh(self, path):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        return path

    def row(self, benchmark, what, ours, reference, ratio, target, memory):
        self.rows.append((benchmark, what, ours, reference, ratio, target, memory))
        print(f"  {benchmark:<13} {what:<34} {ours:>18} {reference:>22} {ratio:>7} "
              f"{target:>8} {memory}", flush=True)

    # ---- corpora -------------------------------------------------------------------------

    def generate(self):
        self.work.mkdir(parents=True, exist_ok=True)
        for n in self.sizes:
            jsonl = self.work / f"articles-{n}.jsonl"
            if not jsonl.exists():
                run([self.gen, "--articles", n, "--jsonl", jsonl])
            self.csv_for(jsonl)  # here, so that writing it overlaps no timed run
        pages = self.work / f"pages-{self.html_pages}"
        if not pages.exists():
            run([self.gen, "--articles", self.html_pages, "--html-dir", pages])

    # ---- import-jsonl ----------------------------------------------------------------

    def sqlite_load_script(self, jsonl):
        # The rows morgue writes for these records: sources, articles (with the derived
        # author and tag text the search index reads), authors, tags and their links. The
        # FTS5 triggers of the schema index every article, as they do for morgue.
        return f"""
.bail on
.mode ascii
.separator "\\037" "\\n"
CREATE TEMP TABLE lines(line TEXT);
.import '{jsonl}' lines
BEGIN;
INSERT OR IGNORE INTO sources(name, origin) SELECT DISTINCT line->>'source', 'import'
  FROM lines WHERE line->>'source' IS NOT NULL;
INSERT OR IGNORE INTO authors(name, email) SELECT DISTINCT j.value->>'name', '' FROM lines,
  json_each(line, '$.authors') j;
INSERT OR IGNORE INTO tags(name) SELECT DISTINCT j.value FROM lines, json_each(line, '$.tags') j;
INSERT INTO article_authors(article_id, author_id, position, role)
  SELECT l.rowid, (SELECT id FROM authors WHERE name = j.value->>'name' AND email = ''),
         j.key, 'author'
  FROM lines l, json_each(l.line, '$.authors') j;
INSERT INTO article_tags(article_id, tag_id)
  SELECT l.rowid, (SELECT id FROM tags WHERE name = j.value)
  FROM lines l, json_each(l.line, '$.tags') j;
INSERT INTO articles(id, title, subtitle, body, language, url, published, source_id,
                     word_count, body_hash, authors_text, tags_text, added_at)
  SELECT l.rowid, line->>'title', line->>'subtitle', line->>'body', line->>'language',
         line->>'url', line->>'published',
         (SELECT id FROM sources WHERE name = line->>'source'),
         length(line->>'body') - length(replace(line->>'body', ' ', '')) + 1,
         hex(sha3(line->>'body', 256)),
         (SELECT group_concat(j.value->>'name', '; ') FROM json_each(line, '$.authors') j),
         (SELECT group_concat(j.value, '; ') FROM json_each(line, '$.tags') j),
         strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM lines l;
COMMIT;
"""

    def csv_for(self, jsonl):
        """The JSON Lines records as one CSV of the columns the search index reads (and the
        rest of each article's row), authors and tags joined as morgue's derived text is:
        made once, not timed, so that the strongest reference pays for no JSON at all."""
        target = jsonl.with_suffix(".csv")
        if target.exists() and target.stat().st_mtime >= jsonl.stat().st_mtime:
            return target  # made from this very file
        partial = target.with_suffix(".csv.partial")
        with open(jsonl, encoding="utf-8") as records, \
                open(partial, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["id", "title", "subtitle", "body", "language", "url", "published",
                             "source", "authors", "tags"])
            for number, line in enumerate(records, 1):
                record = json.loads(line)
                authors = [str(a.get("name") or "") if isinstance(a, dict) else str(a)
                           for a in record.get("authors") or []]
                tags = [str(tag) for tag in record.get("tags") or []]
                writer.writerow([number] + [record.get(key) or "" for key in
                                            ("title", "subtitle", "body", "language", "url",
                                             "published", "source")] +
                                ["; ".join(authors), "; ".join(tags)])
        partial.rename(target)
        return target

    @staticmethod
    def sqlite_best_load_script(csv_path):
        # The fastest way the shell loads the same text with the same FTS5 index: a plain
        # table filled by .import in one transaction, then the external-content index
        # built in one pass with a large in-memory hash (issue 16's reference).
        return f"""
.bail on
CREATE TABLE articles(id INTEGER PRIMARY KEY, title TEXT, subtitle TEXT, body TEXT,
                      language TEXT, url TEXT, published TEXT, source TEXT, authors TEXT,
                      tags TEXT);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, subtitle, body, authors, tags, content = 'articles', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1');
BEGIN;
.import --csv --skip 1 '{csv_path}' articles
INSERT INTO articles_fts(articles_fts, rank) VALUES('hashsize', 67108864);
INSERT INTO articles_fts(articles_fts) VALUES('rebuild');
COMMIT;
"""

    def import_jsonl(self):
        print("import-jsonl", flush=True)
        for n in self.sizes:
            jsonl = self.work / f"articles-{n}.jsonl"
            megabytes = jsonl.stat().st_size / 1e6
            archive = self.fresh(self.work / f"morgue-{n}.db")
            ours = measure(self.morgue_cmd(archive, "import", "--create", jsonl), env=self.env)
            best_db = self.fresh(self.work / f"sqlite3-best-{n}.db")
            best_script = self.work / f"load-best-{n}.sql"
            best_script.write_text(self.sqlite_best_load_script(self.csv_for(jsonl)))
            best = measure(["sqlite3", best_db], stdin=best_script)
            best_count = int(run(["sqlite3", best_db, "SELECT count(*) FROM articles"]).stdout)
            if best_count != n:
                sys.stderr.write(f"suite: expected {n} articles, the best sqlite3 load has "
                                 f"{best_count}\n")
                raise SystemExit(1)
            self.row("import-jsonl", f"N={n} ({megabytes:.0f} MB), best load",
                     f"{n / ours.seconds:,.0f} art/s {megabytes / ours.seconds:.1f} MB/s",
                     f"sqlite3 CSV + FTS5 rebuild {n / best.seconds:,.0f} art/s",
                     f"{best.seconds / ours.seconds:.2f}", ">= 0.60",
                     f"{ours.rss_mib:.0f} MiB (sqlite3 {best.rss_mib:.0f})")
            reference_db = self.fresh(self.work / f"sqlite3-{n}.db")
            run([self.morgue, "--archive", reference_db, "--quiet", "init"], env=self.env)
            script = self.work / f"load-{n}.sql"
            script.write_text(self.sqlite_load_script(jsonl))
            reference = measure(["sqlite3", reference_db], stdin=script)
            # The records read (a JSON Lines file is one input of many records), whether
            # new or duplicates.
            count = int(run(["sqlite3", archive,
                             "SELECT sum(imported + duplicates) FROM imports"]).stdout)
            ref_count = int(run(["sqlite3", reference_db,
                                     "SELECT count(*) FROM articles"]).stdout)
            if count != n or ref_count != n:
                sys.stderr.write(f"suite: expected {n} articles, morgue has {count}, "
                                 f"the reference {ref_count}\n")
                raise SystemExit(1)
            ratio = reference.seconds / ours.seconds
            self.row("import-jsonl", f"N={n} ({megabytes:.0f} MB), JSON in SQL",
                     f"{n / ours.seconds:,.0f} art/s {megabytes / ours.seconds:.1f} MB/s",
                     f"sqlite3 {n / reference.seconds:,.0f} art/s",
                     f"{ratio:.2f}", ">= 0.50",
                     f"{ours.rss_mib:.0f} MiB (sqlite3 {reference.rss_mib:.0f})")

    # ---- near-duplicates ---------------------------------------------------------------

    def near_duplicates(self):
        """What finding near-duplicates costs an import: the JSON Lines corpus imported by
        morgue and by the same morgue built without the lookup (CMake option
        MORGUE_BENCH_WITHOUT_NEAR_DUPLICATES), alternating, three runs each, the median
        of each; and what signatures and band keys add to the archive."""
        print("near-duplicates", flush=True)
        if self.without_near is None:
            print("  skipped: no --build-without-near-duplicates (tools/bench/run.sh makes one)",
                  flush=True)
            return
        without = self.without_near / "bin" / "morgue"
        env_without = dict(os.environ, MORGUE_PLUGIN_PATH=str(self.without_near / "plugins"))
        for n in self.sizes:
            jsonl = self.work / f"articles-{n}.jsonl"
            archives = {"with": self.work / f"morgue-{n}-near.db",
                        "without": self.work / f"morgue-{n}-no-near.db"}
            runs = {"with": [], "without": []}
            for _ in range(3):
                for name, binary, env in (("with", self.morgue, self.env),
                                          ("without", without, env_without)):
                    archive = self.fresh(archives[name])
                    runs[name].append(measure([binary, "--archive", archive, "--quiet", "import",
                                               "--create", jsonl], env=env))
            ours, reference = median_run(runs["with"]), median_run(runs["without"])
            links = int(run(["sqlite3", archives["with"],
                             "SELECT count(*) FROM article_links WHERE kind = 'near'"]).stdout)
            self.row("near-dups", f"import N={n} ({links} near links)",
                     f"{n / ours.seconds:,.0f} art/s", f"without {n / reference.seconds:,.0f} art/s",
                     f"{reference.seconds / ours.seconds:.2f}", ">= 0.80",
                     f"{ours.rss_mib:.0f} MiB (without {reference.rss_mib:.0f})")
            sizes = {name: path.stat().st_size / 1e6 for name, path in archives.items()}
            self.row("near-dups", f"archive N={n}", f"{sizes['with']:.1f} MB",
                     f"without {sizes['without']:.1f} MB",
                     f"{sizes['with'] / sizes['without']:.2f}", "", "")

    # ---- import-html -----------------------------------------------------------------

    def inputs_folder(self, name, files):
        """A folder in the work folder of symlinks to `files` (morgue reads the real pages
        without copying them), made anew each time beside it and renamed into place, so
        that a run stopped halfway never leaves a partial one."""
        inputs = self.work / name
        building = self.work / (name + ".building")
        if building.exists():
            shutil.rmtree(building)
        building.mkdir()
        for i, f in enumerate(files):
            (building / f"{i:06d}.html").symlink_to(f)
        if inputs.exists():
            shutil.rmtree(inputs)
        building.rename(inputs)
        return inputs

    def readability_setup(self):
        folder = self.work / "readability-js"
        if not (folder / "node_modules" / "@mozilla" / "readability").exists():
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / "tools" / "bench" / "readability" / "package.json", folder)
            run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=folder)
        shutil.copy(ROOT / "tools" / "bench" / "readability" / "extract.mjs", folder)
        return folder

    def import_html(self):
        print("import-html", flush=True)
        sets = []  # (name in the table, short name for the work folder, files)
        if CORPUS.is_dir():
            sets.append(("Readability corpus", "readability",
                         sorted(CORPUS.glob("*/source.html"))))
        if TRAFILATURA_PAGES.is_dir():
            sets.append(("trafilatura-eval pages", "trafilatura-eval",
                         page_files(TRAFILATURA_PAGES)))
        for number, folder in enumerate(self.user_pages, 1):
            # Every file under the folder, read as HTML whatever its name (main() checked
            # that there are some).
            sets.append((f"{folder}/", f"pages-{number}", page_files(folder)))
        generated = sorted((self.work / f"pages-{self.html_pages}").rglob("*.html"))
        sets.append(("generated blog pages", f"generated-{len(generated)}", generated))
        readability = self.readability_setup() if self.readability else None
        for name, short, files in sets:
            megabytes = sum(f.stat().st_size for f in files) / 1e6
            pages = len(files)
            inputs = self.inputs_folder(f"inputs-{short}", files)
            # Each set is measured several times, the three commands in turn, and each gives
            # its median: on a shared machine one run moves by a third (five times for the
            # real pages, whose run takes about a second).
            repeats = 5 if pages < 1000 else 3
            runs = {"ours": [], "bare": [], "parallel": []}
            cores = os.cpu_count() or 1
            for _ in range(repeats):
                # Single-threaded: one job, and the whole process held to one core (with one
                # job, extraction and storing still overlap on two threads). The bare parse
                # is held to the same core.
                archive = self.fresh(self.work / f"html-{short}.db")
                # A page that is not an article fails its import (exit code 1), counted
                # in the time as any page is; the run goes on.
                runs["ours"].append(measure(
                    [*ONE_CORE, *self.morgue_cmd(archive, "import", "--create", "--jobs", "1",
                                                 "--format", "html", inputs)], env=self.env,
                    ok_codes=(0, 1)))
                runs["bare"].append(measure([*ONE_CORE, self.libxml2, inputs]))
                # All cores (the default), against the single-threaded run.
                archive = self.fresh(self.work / f"html-{short}-all.db")
                runs["parallel"].append(measure(
                    self.morgue_cmd(archive, "import", "--create", "--format", "html", inputs),
                    env=self.env, ok_codes=(0, 1)))
            ours, bare, parallel = (median_run(runs[k]) for k in ("ours", "bare", "parallel"))
            ratio = bare.seconds / ours.seconds
            self.row("import-html", f"{name} ({pages}, {megabytes:.0f} MB), 1 core",
                     f"{pages / ours.seconds:,.0f} pages/s {megabytes / ours.seconds:.1f} MB/s",
                     f"libxml2 {pages / bare.seconds:,.0f} pages/s", f"{ratio:.2f}", ">= 0.50",
                     f"{ours.rss_mib:.0f} MiB")
            self.row("import-html", f"{name}, {cores} cores vs 1",
                     f"{pages / parallel.seconds:,.0f} pages/s",
                     f"1 core {pages / ours.seconds:,.0f} pages/s",
                     f"{ours.seconds / parallel.seconds:.2f}",
                     ">= 1.80" if cores == 2 else "", f"{parallel.rss_mib:.0f} MiB")
            if readability:
                # Readability.js reads the first --readability-pages of the set (2,000 by
                # default: on jsdom Node's heap grows with every page, even with each window
                # closed, and runs out before 20,000), and the rates (pages/s) are compared.
                sample = files[:self.readability_pages] if self.readability_pages else files
                sample_list = self.work / f"list-{short}-first-{len(sample)}.txt"
                sample_list.write_text("".join(f"{f}\n" for f in sample))
                for dom in ("linkedom", "jsdom"):
                    ref = measure(["node", readability / "extract.mjs", dom, sample_list],
                                  cwd=readability)
                    ref_rate = len(sample) / ref.seconds
                    self.row("import-html", f"{name}: vs Readability.js/{dom} ({len(sample)})",
                             f"{pages / ours.seconds:,.0f} pages/s",
                             f"{ref_rate:,.1f} pages/s",
                             f"{(pages / ours.seconds) / ref_rate:.1f}", "",
                             f"node {ref.rss_mib:.0f} MiB")

    # ---- import-warc -----------------------------------------------------------------

    def warc_file(self, pages, target_bytes):
        """A .warc.gz as a crawler writes it: WARC/1.1, one gzip member per record, a
        warcinfo record, then for each page a request and a 200 response serving it as
        HTML. The pages are written once each, or, for `target_bytes` > 0, over and over
        with a new address and a changed line (so that each copy is an article of its own)
        until the file holds that many bytes. Kept between runs."""
        name = f"pages-{len(pages)}" + (f"-{target_bytes}" if target_bytes else "")
        path = self.work / f"{name}.warc.gz"
        if path.exists():
            return path
        import gzip
        import uuid

        def record(kind, uri, block, extra=""):
            head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\n"
                    f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
                    f"WARC-Date: 2024-05-01T10:00:00Z\r\n"
                    + (f"WARC-Target-URI: {uri}\r\n" if uri else "") + extra +
                    f"Content-Length: {len(block)}\r\n\r\n").encode()
            return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6)

        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as out:
            out.write(record("warcinfo", "", b"software: morgue benchmark\r\n",
                             "Content-Type: application/warc-fields\r\n"))
            copy = 0
            while True:
                for i, page in enumerate(pages):
                    body = page.read_bytes()
                    if copy:  # the first paragraph changed: a body of its own
                        body = body.replace(b"<p>", f"<p>Copy {copy}: ".encode(), 1)
                    uri = f"https://blog.example.org/{copy}/{i}.html"
                    request = (f"GET /{copy}/{i}.html HTTP/1.1\r\n"
                               "Host: blog.example.org\r\n\r\n").encode()
                    out.write(record("request", uri, request,
                                     "Content-Type: application/http;msgtype=request\r\n"))
                    response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
                    out.write(record("response", uri, response,
                                     "Content-Type: application/http;msgtype=response\r\n"))
                copy += 1
                if target_bytes == 0 or out.tell() >= target_bytes:
                    break
        tmp.rename(path)
        return path

    def import_warc(self):
        print("import-warc", flush=True)
        pages = sorted((self.work / f"pages-{self.html_pages}").rglob("*.html"))
        # The same pages, for the bare parse.
        inputs = self.inputs_folder(f"inputs-generated-{len(pages)}", pages)
        sizes = [0] + ([self.warc_bytes] if self.warc_bytes else [])
        for target in sizes:
            warc = self.warc_file(pages, target)
            megabytes = warc.stat().st_size / 1e6
            repeats = 3 if target == 0 else 1
            runs = {"ours": [], "zcat": [], "bare": []}
            for _ in range(repeats):
                archive = self.fresh(self.work / "warc.db")
                runs["ours"].append(measure(
                    [*ONE_CORE, *self.morgue_cmd(archive, "import", "--create", warc)],
                    env=self.env))
                runs["zcat"].append(measure([*ONE_CORE, "sh", "-c", f"zcat '{warc}' >/dev/null"]))
                if target == 0:
                    runs["bare"].append(measure([*ONE_CORE, self.libxml2, inputs]))
            ours, unzip = median_run(runs["ours"]), median_run(runs["zcat"])
            count = int(run(["sqlite3", archive, "SELECT count(*) FROM articles"]).stdout)
            what = f"{count:,} pages in one .warc.gz ({megabytes:,.0f} MB), 1 core"
            rate = f"{count / ours.seconds:,.0f} pages/s {megabytes / ours.seconds:.1f} MB/s"
            if runs["bare"]:
                bare = median_run(runs["bare"])
                self.row("import-warc", what, rate,
                         f"libxml2 {len(pages) / bare.seconds:,.0f} pages/s",
                         f"{(count / ours.seconds) / (len(pages) / bare.seconds):.2f}", "",
                         f"{ours.rss_mib:.0f} MiB")
            self.row("import-warc", what if not runs["bare"] else "the same, vs zcat", rate,
                     f"zcat {megabytes / unzip.seconds:,.0f} MB/s",
                     f"{unzip.seconds / ours.seconds:.2f}",
                     "< 64 MiB" if target else "", f"{ours.rss_mib:.0f} MiB")

    # ---- export --------------------------------------------------------------------------

    def export(self):
        print("export", flush=True)
        for n in self.sizes:
            archive = self.work / f"morgue-{n}.db"
            for fmt, mode in (("csv", "-csv"), ("jsonl", "-json")):
                out = self.work / f"export-{n}.{fmt}"
                ours = measure(self.morgue_cmd(archive, "export", "--format", fmt,
                                                   "--fields", ",".join(EXPORT_FIELDS),
                                                   "--force", "-o", out), env=self.env)
                ref_out = self.work / f"export-{n}-sqlite3.{fmt}"
                reference = measure(["sqlite3", mode, "-header", archive,
                                         f".output {ref_out}", EXPORT_SQL])
                megabytes = out.stat().st_size / 1e6
                ratio = ours.seconds / reference.seconds
                self.row("export", f"{fmt} N={n} ({megabytes:.0f} MB)",
                         f"{ours.seconds:.2f} s {megabytes / ours.seconds:.0f} MB/s",
                         f"sqlite3 {mode} {reference.seconds:.2f} s", f"{ratio:.2f}x",
                         "<= 1.25x", f"{ours.rss_mib:.0f} MiB (sqlite3 {reference.rss_mib:.0f})")

    # ---- search --------------------------------------------------------------------------

    def queries(self, jsonl):
        """50 queries from the corpus itself: common and rare words, phrases, prefixes,
        two and three terms, some with filters."""
        titles, tags = [], []
        with open(jsonl, encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                if i >= 2000:
                    break
                record = json.loads(line)
                titles.append(record["title"].lower().split())
                tags.extend(record.get("tags", []))
        counts = {}
        for words in titles:
            for w in words:
                counts[w] = counts.get(w, 0) + 1
        by_count = sorted(counts, key=lambda w: (-counts[w], w))
        common, rare = by_count[:10], by_count[len(by_count) // 2:][:10]
        queries = []
        queries += [(w, []) for w in common[:8]]
        queries += [(w, []) for w in rare[:8]]
        queries += [(f'"{" ".join(t[1:3])}"', []) for t in titles[:8] if len(t) >= 3]
        queries += [(f"{w[:3]}*", []) for w in rare[:6]]
        queries += [(f"{a} {b}", []) for a, b in zip(common[:5], rare[:5])]
        queries += [(f"{a} AND {b} AND {c}", []) for a, b, c in zip(common[:5], common[1:6],
                                                                   rare[:5])]
        queries += [(w, ["--tag", tags[i]]) for i, w in enumerate(common[:5])]
        queries += [(w, ["--since", "2015-01-01"]) for w in rare[:5]]
        return queries[:50]

    def reference_search(self, archive, query, where=""):
        """The time sqlite3 takes for the FTS5 query `query` as morgue's search would show it:
        20 best by rank, with a snippet."""
        sql = ("SELECT a.id, a.title, a.published, snippet(articles_fts, -1, '[', ']', '…', "
               "12) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE "
               f"articles_fts MATCH '{query.replace(chr(39), chr(39) * 2)}'{where} "
               "ORDER BY articles_fts.rank, a.id LIMIT 20")
        return measure(["sqlite3", archive, sql]).seconds

    def percentile_rows(self, benchmark, what, ours, reference, reference_name):
        def pct(values, p):
            values = sorted(values)
            return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

        for p in (50, 95):
            self.row(benchmark, f"p{p} of {len(ours)} {what}",
                     f"{pct(ours, p) * 1000:.1f} ms",
                     f"{reference_name} {pct(reference, p) * 1000:.1f} ms",
                     f"{pct(ours, p) / pct(reference, p):.2f}x",
                     "<= 1.5x" if p == 95 else "", "")

    def search(self):
        print("search", flush=True)
        n = max(self.sizes)
        archive = self.work / f"morgue-{n}.db"
        ours, reference = [], []
        for query, filters in self.queries(self.work / f"articles-{n}.jsonl"):
            ours.append(measure(self.morgue_cmd(archive, "search", "--limit", "20", *filters,
                                                query), env=self.env).seconds)
            where = ""
            if filters[:1] == ["--tag"]:
                where = (" AND EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON "
                         "t.id = at.tag_id WHERE at.article_id = a.id AND t.name = "
                         f"'{filters[1]}')")
            elif filters[:1] == ["--since"]:
                where = f" AND a.published >= '{filters[1]}'"
            reference.append(self.reference_search(archive, query, where))
        self.percentile_rows("search", f"queries, N={n}", ours, reference, "sqlite3")

    # ---- search-cjk ----------------------------------------------------------------------

    def cjk_queries(self, jsonl):
        """40 Korean queries from the corpus itself: whole words, two syllables from inside
        a word, a word with its particle, two-word phrases, single syllables, two terms."""
        words, phrases = [], []
        with open(jsonl, encoding="utf-8") as lines:
            for i, line in enumerate(lines):
                if i >= 2000:
                    break
                title = json.loads(line)["title"].split()
                words += title
                if len(title) >= 3:
                    phrases.append(" ".join(title[1:3]))
        counts = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        by_count = sorted(counts, key=lambda w: (-counts[w], w))
        common, rare = by_count[:10], by_count[len(by_count) // 2:]
        long_words = [w for w in rare if len(w) >= 3][:8]
        queries = [w for w in common[:6]] + [w for w in rare[:6]]
        queries += [w[1:3] for w in long_words]          # inside a word
        queries += [w + "을" for w in common[6:10]]        # a particle attached
        queries += [f'"{p}"' for p in phrases[:6]]
        queries += [w[0] for w in rare[6:10]]            # one syllable
        queries += [f"{a} {b}" for a, b in zip(common[:6], rare[10:16])]
        return queries[:40]

    def search_cjk(self):
        """Korean search at the largest size: morgue (words found inside longer runs, snippets
        from the text) against sqlite3 running the plain FTS5 query (whole tokens) with
        snippet() on the same archive; import rate and archive size with and without the
        grams."""
        print("search-cjk", flush=True)
        n = max(self.sizes)
        jsonl = self.work / f"articles-ko-{n}.jsonl"
        if not jsonl.exists():
            run([self.gen, "--articles", n, "--script", "hangul", "--jsonl", jsonl])
        archive = self.fresh(self.work / f"morgue-ko-{n}.db")
        imported = measure(self.morgue_cmd(archive, "import", "--create", jsonl), env=self.env)
        megabytes = jsonl.stat().st_size / 1e6
        self.row("search-cjk", f"import N={n} Korean ({megabytes:.0f} MB)",
                 f"{n / imported.seconds:,.0f} art/s", "", "", "", f"{imported.rss_mib:.0f} MiB")
        ours, reference = [], []
        for query in self.cjk_queries(jsonl):
            ours.append(measure(self.morgue_cmd(archive, "search", "--limit", "20", query),
                                env=self.env).seconds)
            reference.append(self.reference_search(archive, query))
        self.percentile_rows("search-cjk", f"Korean queries, N={n}", ours, reference,
                             "plain FTS5")
        # The same archive without grams, both compacted: what the grams cost on disk.
        with_grams = self.work / f"morgue-ko-{n}-vacuumed.db"
        without = self.work / f"morgue-ko-{n}-no-grams.db"
        for path in (with_grams, without):
            self.fresh(path)
            run(["sqlite3", archive, f"VACUUM INTO '{path}'"])
        run(["sqlite3", without, "DROP TRIGGER articles_fts_au; UPDATE articles SET "
             "title_grams = NULL, subtitle_grams = NULL, body_grams = NULL; INSERT INTO "
             "articles_fts(articles_fts) VALUES ('rebuild'); VACUUM;"])
        size, base = with_grams.stat().st_size, without.stat().st_size
        self.row("search-cjk", f"archive size, N={n} Korean",
                 f"{size / 1e6:.0f} MB ({size / n:,.0f} B/art)",
                 f"no grams {base / 1e6:.0f} MB", f"{size / base:.2f}x", "", "")
        for path in (with_grams, without):
            self.fresh(path)

    def print_table(self):
        print("\n| benchmark | what | morgue | reference | ratio | target | peak RSS |")
        print("|---|---|---|---|---|---|---|")
        for row in self.rows:
            print("| " + " | ".join(row) + " |")
        cpu = "unknown"
        try:
            for line in open("/proc/cpuinfo", encoding="utf-8"):
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
        sqlite = run(["sqlite3", "--version"]).stdout.decode().split()[0]
        print(f"\nmachine: {os.cpu_count()} cores, {cpu}; {platform.system()} "
              f"{platform.release()}; SQLite {sqlite}")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", required=True, help="a Release build of morgue")
    parser.add_argument("--work", required=True, help="a folder for corpora and archives")
    parser.add_argument("--sizes", default="10000,100000", help="article counts, e.g. 10000")
    parser.add_argument("--html-pages", type=int, default=20000)
    parser.add_argument("--pages", action="append", default=[], metavar="DIR",
                        help="also import the pages in this folder (every file under it, "
                             "as HTML) in the import-html step; may be given again")
    parser.add_argument("--readability", action="store_true",
                        help="also run Readability.js (installs it with npm into --work)")
    parser.add_argument("--readability-pages", type=int, default=2000,
                        help="Readability.js reads at most this many pages of each set "
                             "(0: all)")
    parser.add_argument("--warc-size", default="0",
                        help="also import a .warc.gz of this many bytes (e.g. 2G; generated "
                             "once and kept), for its peak RSS")
    parser.add_argument("--build-without-near-duplicates",
                        help="the same morgue built with MORGUE_BENCH_WITHOUT_NEAR_DUPLICATES, "
                             "for the near-duplicates step (run.sh makes it)")
    parser.add_argument("--only",
                        default="import-jsonl,near-duplicates,import-html,import-warc,export,"
                                "search,search-cjk")
    args = parser.parse_args()
    for folder in args.pages:
        if not Path(folder).is_dir():
            parser.error(f"--pages {folder}: not a folder")
        if not page_files(Path(folder)):
            parser.error(f"--pages {folder}: no files in it")
    if args.pages and "import-html" not in args.only.split(","):
        parser.error("--pages is measured in the import-html step, which --only leaves out")
    suite = Suite(args)
    suite.generate()
    os.chdir(suite.work)  # suite.log goes there
    steps = {"import-jsonl": suite.import_jsonl, "near-duplicates": suite.near_duplicates,
             "import-html": suite.import_html,
             "import-warc": suite.import_warc, "export": suite.export, "search": suite.search,
             "search-cjk": suite.search_cjk}
    only = args.only.split(",")
    if ("export" in only or "search" in only) and "import-jsonl" not in only:
        only.insert(0, "import-jsonl")  # they read the archives it builds
    for name in ("import-jsonl", "near-duplicates", "import-html", "import-warc", "export",
                 "search", "search-cjk"):
        if name in only:
            steps[name]()
    suite.print_table()


if __name__ == "__main__":
    main()
