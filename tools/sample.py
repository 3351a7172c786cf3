#!/usr/bin/env python3
"""Draws random financial and indicator records from unannotated PDF pages for a hand check.

usage: tools/sample.py [--json DIR] [--corpus DIR] [--gold DIR] [-n N] [--seed S] [--begroot CMD]

Without --json it runs begroot (CMD, default "go run ./cmd/begroot") with --ocr off on
every PDF under the corpus (CORPUS/*/*.pdf, default ../shared/corpus/raw) into a
temporary folder; with --json it reads the per-document reports already in DIR.
Records on pages that a gold file covers (GOLD/*.json, default ../shared/gold-pdf: the
pages of its records and those its "scope" names as p.N) are dropped, so the sample
holds what no gold checks. It then draws N financial and N indicator records with
random.Random(SEED) (default N 30, seed 29112026) and prints each record (document,
page, table, row or name, column, value, raw, scale or unit) above the lines of
`pdftotext -layout -f P -l P` that hold its row label or its raw value, and the
header lines above them that name its column, so a person can judge each one.

The hand check of issue 10:
  python3 tools/sample.py -n 30 --seed 29112026
"""
import argparse
import glob
import json
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile

# HEADER_LINES is how many lines above the record's row are searched for the
# column header: a table's header sits within a screen of its rows.
HEADER_LINES = 40
# MAX_ROW_LINES caps the row lines shown per record: a label such as "Baten"
# recurs on a page, and the first few show which one the record is.
MAX_ROW_LINES = 4
# LABEL_CHARS is how much of a long label is searched for: a label wrapped
# over two lines starts on the first.
LABEL_CHARS = 30


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--json", help="folder of begroot's per-document reports (default: run begroot)")
    p.add_argument("--corpus", default="../shared/corpus/raw", help="folder of <source>/<file>.pdf")
    p.add_argument("--gold", default="../shared/gold-pdf", help="folder of the PDF gold files")
    p.add_argument("-n", type=int, default=30, help="records of each kind")
    p.add_argument("--seed", type=int, default=29112026)
    p.add_argument("--begroot", default="go run ./cmd/begroot", help="command that runs begroot")
    return p.parse_args()


def run_begroot(cmd, pdfs, out):
    args = shlex.split(cmd) + ["extract", "--ocr", "off", "-q", "-xlsx", "-", "-o", out] + pdfs
    res = subprocess.run(args, capture_output=True, text=True)
    if res.returncode not in (0, 3):  # 3: some documents failed, the rest is written
        sys.exit(f"begroot exited {res.returncode}:\n{res.stderr}")


def reports(folder):
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        if os.path.basename(path) in ("dataset.json", "run.json", "changes.json"):
            continue
        with open(path, encoding="utf-8") as f:
            rep = json.load(f)
        if rep.get("format") == "pdf" and rep.get("source"):
            yield rep


def scope_pages(text):
    """Pages a scope text names: "p.15/29/39", "p.64-65", "p.11"."""
    pages = set()
    for m in re.finditer(r"p\.\s*(\d+(?:\s*[/,\-–]\s*\d+)*)", text):
        parts = re.split(r"\s*([/,\-–])\s*", m.group(1))
        nums, seps = [int(x) for x in parts[0::2]], parts[1::2]
        pages.update(nums)
        for a, sep, b in zip(nums, seps, nums[1:]):
            if sep in "-–":
                pages.update(range(a, b + 1))
    return pages


def gold_pages(gold_dir):
    """Maps the base path of each gold document (corpus/raw/...) to the pages it covers."""
    covered = {}
    for path in glob.glob(os.path.join(gold_dir, "*.json")):
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
        pages = set()
        for cat in ("financial", "indicators", "objectives", "tables"):
            pages.update(r["page"] for r in gold.get(cat) or [] if isinstance(r, dict) and r.get("page"))
        for text in (gold.get("scope") or {}).values():
            pages.update(scope_pages(text))
        covered[corpus_key(gold.get("path") or gold["document"])] = pages
    return covered


def corpus_key(path):
    """The part of a path from corpus/raw on, or its file name."""
    path = path.replace(os.sep, "/")
    i = path.find("corpus/raw/")
    return path[i:] if i >= 0 else os.path.basename(path)


def page_text(pdf, page, cache={}):
    key = (pdf, page)
    if key not in cache:
        res = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-"],
                             capture_output=True, text=True)
        cache[key] = res.stdout.splitlines() if res.returncode == 0 else [f"(pdftotext failed: {res.stderr.strip()})"]
    return cache[key]


def squash(s):
    return re.sub(r"\s+", " ", s or "").strip().casefold()


def context(lines, label, raw, column):
    """Line numbers of the row lines (label, else raw value) and of the header lines above them."""
    want = squash(label)[:LABEL_CHARS]
    rows = [i for i, l in enumerate(lines) if want and want in squash(l)]
    if raw:
        with_raw = [i for i in rows if raw in lines[i]]
        rows = with_raw or rows or [i for i, l in enumerate(lines) if re.search(r"(?<![\d.,])" + re.escape(raw) + r"(?![\d,]|\.\d)", l)]
    rows = rows[:MAX_ROW_LINES]
    words = [w for w in re.findall(r"\w+", column or "") if len(w) >= 4 or w.isdigit()]
    heads = set()
    for r in rows[:1]:
        for i in range(max(0, r - HEADER_LINES), r):
            if any(w.casefold() in lines[i].casefold() for w in words):
                heads.add(i)
    return sorted(heads), rows


def show(rec, kind, rep, pdf):
    page = rec.get("page")
    label = rec.get("row") if kind == "financial" else rec.get("name")
    print(f"--- {kind} | {rep['document']} p.{page}")
    print(f"    table : {rec.get('table')!r}")
    if rec.get("group"):
        print(f"    group : {rec.get('group')!r}")
    print(f"    {'row' if kind == 'financial' else 'name'}   : {label!r}")
    print(f"    column: {rec.get('column')!r} (year {rec.get('column_year')}, {rec.get('column_kind', '')})")
    if kind == "financial":
        print(f"    value : {rec.get('value')} (raw {rec.get('raw')!r} x {rec.get('scale')}, sign {rec.get('sign', '')!r})")
    else:
        print(f"    value : {rec.get('value')} (raw {rec.get('raw')!r}, unit {rec.get('unit')!r})")
    lines = page_text(pdf, page)
    heads, rows = context(lines, label, rec.get("raw"), rec.get("column"))
    shown = sorted(set(heads) | set(rows))
    for i in shown:
        mark = ">" if i in rows else "h"
        print(f"    {mark}{i + 1:4d}| {lines[i].rstrip()}")
    if not rows:
        print("    (row label and raw value not found on the page)")


def main():
    args = parse_args()
    pdfs = sorted(glob.glob(os.path.join(args.corpus, "*", "*.pdf")))
    if args.json:
        folder = args.json
    else:
        folder = tempfile.mkdtemp(prefix="begroot-sample-")
        run_begroot(args.begroot, pdfs, folder)
    covered = gold_pages(args.gold)
    pools = {"financial": [], "indicators": []}
    for rep in reports(folder):
        pdf = rep["source"]
        skip = covered.get(corpus_key(pdf), set())
        for kind, pool in pools.items():
            for rec in rep.get(kind) or []:
                if rec.get("page") and rec["page"] not in skip and rec.get("raw") not in (None, "", "-"):
                    pool.append((rec, rep, pdf))
    rng = random.Random(args.seed)
    for kind, pool in pools.items():
        n = min(args.n, len(pool))
        print(f"=== {n} of {len(pool)} {kind} records on pages no gold covers (seed {args.seed})")
        for k, (rec, rep, pdf) in enumerate(rng.sample(pool, n), 1):
            print(f"[{kind[0].upper()}{k}]", end=" ")
            show(rec, kind, rep, pdf)
        print()


if __name__ == "__main__":
    main()
