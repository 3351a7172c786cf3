#!/usr/bin/env bash
# killtest.sh [N]: kill begroot with SIGKILL at random moments, N times
# (default 20) during extract and N times during a crawl of a local static
# site, and check after each kill that every output file is whole (each
# JSON parses, each workbook opens), that OUT keeps a complete dataset, and
# that the next complete crawl's changes.json lists the page added before
# the killed run as new. Run from the repository root; needs python3.
set -u
N=${1:-20}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
go build -o "$work/begroot" ./cmd/begroot || exit 1
bin=$work/begroot
fail=0
hit=0 # kills that stopped a run before it ended

check() { # check OUT NDOCS: whole files, a complete dataset of NDOCS reports
	python3 - "$1" "$2" <<'PY' || fail=$((fail+1))
import json, os, sys, zipfile
out, want = sys.argv[1], int(sys.argv[2])
for d, _, files in os.walk(out):
    for f in files:
        p = os.path.join(d, f)
        if f.endswith(".json"):
            json.load(open(p))
        elif f.endswith(".xlsx"):
            assert zipfile.ZipFile(p).testzip() is None, p
        elif ".tmp" in f:
            print("temp file left (the next run removes it):", p)
ds = json.load(open(os.path.join(out, "dataset.json")))
assert len(ds["documents"]) == want, f"dataset.json has {len(ds['documents'])} reports, want {want}"
PY
}

# extract: 5 HTML pages and 2 PDFs.
mkdir -p "$work/in" && cp fixtures/html/*.html fixtures/pdf/tables.pdf fixtures/pdf/scan.pdf "$work/in/"
"$bin" extract -q -o "$work/ex" "$work/in" || { echo "first extract failed"; exit 1; }
for i in $(seq "$N"); do
	"$bin" extract -q -j 1 -o "$work/ex" "$work/in" 2>/dev/null &
	pid=$!
	sleep "$(python3 -c 'import random; print(random.uniform(0, 0.8))')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ $? = 137 ] && hit=$((hit+1))
	check "$work/ex" 7
done
echo "extract: $N kills"

# crawl: the seeds site on python3 -m http.server.
cp -rL fixtures/sites/seeds "$work/site"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work/site" && exec python3 -m http.server -b 127.0.0.1 "$port" >/dev/null 2>&1) &
server=$!
for _ in $(seq 50); do
	python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break
	sleep 0.2
done
crawlargs=(crawl -q --delay 0 -o "$work/cr" --cache "$work/cache" "http://127.0.0.1:$port/")
crawl() { "$bin" "${crawlargs[@]}"; }
crawl || { echo "first crawl failed"; exit 1; }
for i in $(seq "$N"); do
	cp fixtures/html/000_661f3a9d4a7406e9.html "$work/site/verslagen/nieuw-$i.html"
	echo "<p>$i</p>" >> "$work/site/verslagen/nieuw-$i.html"
	echo "<a href=\"nieuw-$i.html\">nieuw $i</a>" >> "$work/site/verslagen/index.html"
	"$bin" "${crawlargs[@]}" 2>/dev/null & # not through the function: $! must be begroot
	pid=$!
	sleep "$(python3 -c 'import random; print(random.uniform(0, 1.5))')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	killed=$?
	[ $killed = 137 ] && hit=$((hit+1))
	check "$work/cr" 1
	crawl || { echo "crawl after kill $i failed"; fail=$((fail+1)); continue; }
	python3 - "$work/cr/changes.json" "nieuw-$i.html" "$killed" <<'PY' || fail=$((fail+1))
import json, sys
ch = json.load(open(sys.argv[1]))[0]
new = [u for u in ch["new"] if u.endswith("/" + sys.argv[2])]
if sys.argv[3] == "137":  # killed before the end: the page is still new
    assert new, f"kill {sys.argv[2]}: the page added before the killed run is not new: {ch}"
PY
done
echo "crawl: $N kills"
echo "runs killed before their end: $hit of $((2*N)); failures: $fail"
exit $((fail > 0))
