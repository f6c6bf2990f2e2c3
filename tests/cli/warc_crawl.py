#!/usr/bin/env python3
"""Crawls a folder served on 127.0.0.1 with the real wget --warc-file, for the warc
import tests (warc_import_test.cc).

    warc_crawl.py SITE OUT

Serves SITE on a free port of 127.0.0.1 (as python3 -m http.server does, plus a
redirect, a page sent with chunked transfer coding and one sent gzip-compressed to a
client that accepts it), crawls it twice with wget -r, and writes to OUT:
  crawl.warc.gz   wget's default: one gzip member per record
  plain.warc      the same crawl with --no-warc-compression
  whole.warc.gz   plain.warc compressed as one gzip stream by gzip(1)
  <file>.index    for each of them, one line per record, tab-separated: the offset where
                  it starts in the file as stored (for whole.warc.gz: -), WARC-Type,
                  WARC-Record-ID without brackets, WARC-Target-URI without brackets,
                  WARC-Date, HTTP status (0 when none)
  base            the crawled address, http://127.0.0.1:PORT
"""
import functools
import gzip
import http.server
import os
import subprocess
import sys
import threading
import zlib


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, body, headers):
        self.send_response(200)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/old.html":  # moved
            self.send_response(301)
            self.send_header("Location", "/a.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/chunked.html":
            body = open(os.path.join(self.directory, "chunked.html"), "rb").read()
            chunks = b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 100]), body[i:i + 100])
                              for i in range(0, len(body), 100))
            self.send_body(chunks + b"0\r\n\r\n",
                           [("Content-Type", "text/html; charset=utf-8"),
                            ("Transfer-Encoding", "chunked")])
            return
        if path == "/gzip.html" and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(open(os.path.join(self.directory, "gzip.html"), "rb").read())
            self.send_body(body, [("Content-Type", "text/html; charset=utf-8"),
                                  ("Content-Encoding", "gzip"),
                                  ("Content-Length", str(len(body)))])
            return
        super().do_GET()


def records(path):
    """(offset, header text, block) of each record of a plain or per-record gzip WARC."""
    data = open(path, "rb").read()
    members = []
    if data[:2] == b"\x1f\x8b":
        pos = 0
        while pos < len(data):
            inflater = zlib.decompressobj(31)
            text = inflater.decompress(data[pos:])
            members.append((pos, text))
            pos = len(data) - len(inflater.unused_data)
    else:
        pos = 0
        while pos < len(data):
            end = data.index(b"\r\n\r\n", pos) + 4
            length = [int(line.split(b":", 1)[1]) for line in data[pos:end].split(b"\r\n")
                      if line.lower().startswith(b"content-length:")][0]
            members.append((pos, data[pos:end + length + 4]))
            pos = end + length + 4
    for offset, text in members:
        end = text.index(b"\r\n\r\n") + 4
        yield offset, text[:end].decode(), text[end:]


def write_index(path, offsets=True):
    with open(path + ".index", "w") as out:
        for offset, header, block in records(path):
            fields = {}
            for line in header.split("\r\n")[1:]:
                if ":" in line:
                    name, value = line.split(":", 1)
                    fields[name.strip().lower()] = value.strip().strip("<>")
            status = block.split(b" ", 2)[1].decode() if block.startswith(b"HTTP/") else "0"
            out.write("\t".join([str(offset) if offsets else "-", fields["warc-type"],
                                 fields["warc-record-id"], fields.get("warc-target-uri", ""),
                                 fields["warc-date"], status]) + "\n")


def main():
    site, out = sys.argv[1], sys.argv[2]
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = "http://127.0.0.1:%d" % server.server_address[1]
    for name, extra in (("crawl", []), ("plain", ["--no-warc-compression"])):
        command = ["wget", "--quiet", "--recursive", "--level=2", "-e", "robots=off",
                   "--compression=auto", "--warc-file=" + os.path.join(out, name),
                   "--directory-prefix=" + os.path.join(out, "download-" + name)] + extra
        # wget exits with 8 when the server answered an error, as for the missing page.
        code = subprocess.run(command + [base + "/index.html"]).returncode
        if code not in (0, 8):
            sys.exit("warc_crawl: wget failed with exit code %d" % code)
    server.shutdown()
    whole = os.path.join(out, "whole.warc.gz")
    with open(whole, "wb") as compressed:
        subprocess.run(["gzip", "-c", os.path.join(out, "plain.warc")], stdout=compressed,
                       check=True)
    write_index(os.path.join(out, "crawl.warc.gz"))
    write_index(os.path.join(out, "plain.warc"))
    with open(os.path.join(out, "base"), "w") as f:
        f.write(base)


main()
