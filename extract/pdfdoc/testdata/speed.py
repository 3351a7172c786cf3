#!/usr/bin/env python3
"""Times begroot's whole pipeline against pdftotext -layout per corpus PDF.

Usage (from the repository root):
    python3 extract/pdfdoc/testdata/speed.py [-n 3] [-min-pages 10] [-args="-ocr off"] [BEGROOT...] [-- PDF...]

Each BEGROOT is a built binary (default: builds ./cmd/begroot to a temporary
file). Per file it runs pdftotext and every binary in turn, n rounds, and keeps
the best wall time and the best user+sys CPU time of each. Runs alternate so
that load from other users of the machine falls on all of them alike. PDFs
default to the text-layer PDFs of ../shared/corpus/raw with at least
-min-pages pages (pdfinfo) on which begroot finds text. -args adds flags to
every begroot run: "-ocr off" times the text-layer pipeline alone, like for
like with pdftotext; the default (-ocr auto) includes OCR of image-only pages.
"""
import argparse, glob, os, resource, shlex, subprocess, sys, tempfile, time


def run(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return r.returncode, wall, cpu, r.stderr.decode(errors="replace")


def pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def producer(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Producer:"):
            return " ".join(line.split()[1:4])
    return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3)
    ap.add_argument("-min-pages", type=int, default=10)
    ap.add_argument("-args", default="", help="extra begroot extract flags, e.g. \"-ocr off\"")
    ap.add_argument("bins", nargs="*")
    argv, pdfs = sys.argv[1:], []
    if "--" in argv:  # argparse would give the PDFs after -- to bins
        i = argv.index("--")
        argv, pdfs = argv[:i], argv[i + 1:]
    args = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="begroot-speed-")
    bins = args.bins
    if not bins:
        b = os.path.join(tmp, "begroot")
        subprocess.run(["go", "build", "-o", b, "./cmd/begroot"], check=True)
        bins = [b]
    if not pdfs:
        pdfs = sorted(glob.glob("../shared/corpus/raw/*/*.pdf"))
        pdfs = [p for p in pdfs if pages(p) >= args.min_pages]
    out = os.path.join(tmp, "out")
    extra = shlex.split(args.args)
    tools = [("pdftotext", lambda p: ["pdftotext", "-layout", p, os.devnull])]
    for b in bins:
        tools.append((b, lambda p, b=b: [b, "extract", "-q", "-j", "1", "-xlsx", "-", *extra, "-o", out, p]))
    total = {name: [0.0, 0.0] for name, _ in tools}
    print(f"{'file':44} {'pages':>5}  " + "  ".join(f"{os.path.basename(n)[:14]:>14} wall/cpu s" for n, _ in tools) + "  ratio wall/cpu  pages/s")
    for pdf in pdfs:
        best = {name: [1e9, 1e9] for name, _ in tools}
        skip = False
        for _ in range(args.n):
            for name, cmd in tools:
                rc, wall, cpu, err = run(cmd(pdf))
                if rc != 0 and name != "pdftotext":
                    skip = True  # no text layer: begroot reports it and writes nothing
                best[name][0] = min(best[name][0], wall)
                best[name][1] = min(best[name][1], cpu)
        if skip:
            print(f"{os.path.basename(pdf)[:44]:44} skipped: begroot finds no text")
            continue
        n = pages(pdf)
        for name, _ in tools:
            total[name][0] += best[name][0]
            total[name][1] += best[name][1]
        ref = best["pdftotext"]
        last = best[tools[-1][0]]
        cols = "  ".join(f"{best[name][0]:14.3f} {best[name][1]:5.3f}    " for name, _ in tools)
        print(f"{os.path.basename(pdf)[:44]:44} {n:5}  {cols}  {last[0]/ref[0]:5.2f} {last[1]/ref[1]:5.2f}  {n/last[0]:7.0f}  {producer(pdf)}")
    ref = total["pdftotext"]
    cols = "  ".join(f"{total[name][0]:14.3f} {total[name][1]:5.3f}    " for name, _ in tools)
    last = total[tools[-1][0]]
    print(f"{'TOTAL':44} {'':5}  {cols}  {last[0]/ref[0]:5.2f} {last[1]/ref[1]:5.2f}")


if __name__ == "__main__":
    main()
