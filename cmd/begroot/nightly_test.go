package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
)

// page is a small P&C page with one financial table, different per title.
func page(title string) string {
	title = strings.ReplaceAll(title, "\x00", "")
	return "<html><body><h1>Gemeente Voorbeeld - Begroting 2024 - " + title + "</h1>" +
		"<table><caption>bedragen x € 1.000</caption><tr><th>Programma</th><th>Begroting 2024</th></tr>" +
		"<tr><td>Lasten</td><td>" + fmt.Sprint(len(title)) + ".000</td></tr></table></body></html>"
}

// TestUniqueNames: output names are safe and bounded on every OS, unique
// (also across case), never a run output's, and the same whatever the
// order of the documents.
func TestUniqueNames(t *testing.T) {
	long := strings.Repeat("a", 236)
	ids := []string{"https://x.nl/r/" + long + ".html", "https://x.nl/r/x%00y.html", "/in/x.pdf", "/in/x.html",
		"https://x.nl/a/x.pdf", "https://x.nl/b/x.pdf", "/in/dataset.pdf", "/in/CON.txt", "/in/..", `/in/a\b.txt`, "/in/X.txt", "/in/Begroting 2024.pdf"}
	stems := []string{long, "x\x00y", "x", "x", "x", "x", "dataset", "CON", "..", `a\b`, "X", "Begroting 2024"}
	names := uniqueNames(ids, stems)
	seen := map[string]bool{}
	for i, n := range names {
		lower := strings.ToLower(n)
		switch {
		case seen[lower]:
			t.Errorf("%s: name %q is not unique", ids[i], n)
		case len(n) > maxStemBytes+1+hashLen+len(".json"):
			t.Errorf("%s: name %q is %d bytes", ids[i], n, len(n))
		case strings.ContainsAny(n, "/\\\x00:*?\"<>|") || strings.HasPrefix(n, "."):
			t.Errorf("%s: name %q is not safe", ids[i], n)
		case reservedNames[strings.TrimSuffix(lower, ".json")]:
			t.Errorf("%s: name %q is reserved", ids[i], n)
		}
		seen[lower] = true
	}
	if names[len(names)-1] != "Begroting 2024.json" {
		t.Errorf("a plain unique stem was changed: %q", names[len(names)-1])
	}
	// Reversed order, as another -j could finish them: the same names.
	rids, rstems := slices.Clone(ids), slices.Clone(stems)
	slices.Reverse(rids)
	slices.Reverse(rstems)
	rnames := uniqueNames(rids, rstems)
	slices.Reverse(rnames)
	if !slices.Equal(names, rnames) {
		t.Errorf("names depend on the order:\n%q\n%q", names, rnames)
	}
}

// hostileSite serves a start page linking to pages whose names are long,
// hold %00, or clash with each other and with the run's own outputs.
func hostileSite(t *testing.T, links []string) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/r/" {
			var b strings.Builder
			b.WriteString("<html><body><h1>Begroting 2024</h1>")
			for _, l := range links {
				fmt.Fprintf(&b, `<a href="%s">x</a> `, l)
			}
			b.WriteString("</body></html>")
			io.WriteString(w, b.String())
			return
		}
		io.WriteString(w, page(r.URL.Path))
	}))
	t.Cleanup(ts.Close)
	return ts
}

func TestCrawlHostileNames(t *testing.T) {
	links := []string{"/r/" + strings.Repeat("a", 236) + ".html", "/r/x%00y.html", "/r/a/x.html", "/r/b/x.html", "/r/x.pdf.html", "/r/dataset.html", "/r/changes"}
	ts := hostileSite(t, links)
	out := t.TempDir()
	code, log := runCrawlCLI(t, "-o", out, "--cache", t.TempDir(), "--delay", "0", ts.URL+"/r/")
	if code != exitOK {
		t.Fatalf("exit %d, want 0\n%s", code, log)
	}
	docs, _ := os.ReadDir(filepath.Join(out, "documents"))
	if len(docs) != len(links)+1 {
		t.Errorf("%d document reports, want %d", len(docs), len(links)+1)
	}
	var ds normalize.Dataset
	readJSON(t, filepath.Join(out, "dataset.json"), &ds)
	if len(ds.Documents) != 1 || len(ds.Errors) != 0 {
		t.Errorf("dataset: %d reports, errors %v; want the site's report", len(ds.Documents), ds.Errors)
	}
	readChanges(t, out)
}

func TestExtractNamesClash(t *testing.T) {
	in := t.TempDir()
	for _, name := range []string{"x.txt", "x.html", "dataset.txt", "changes.html"} {
		os.WriteFile(filepath.Join(in, name), []byte(page(name)), 0o644)
	}
	out := t.TempDir()
	for _, jobs := range []string{"1", "4"} {
		if code, log := runCLI(t, "extract", "-j", jobs, "-o", out, in); code != exitOK {
			t.Fatalf("-j %s: exit %d\n%s", jobs, code, log)
		}
		var ds normalize.Dataset
		readJSON(t, filepath.Join(out, "dataset.json"), &ds)
		if len(ds.Documents) != 4 {
			t.Errorf("-j %s: dataset.json has %d documents, want 4", jobs, len(ds.Documents))
		}
		files, _ := filepath.Glob(filepath.Join(out, "*.json"))
		if len(files) != 4+2 { // and dataset.json, run.json
			t.Errorf("-j %s: %d JSON files, want 6: %q", jobs, len(files), files)
		}
	}
}

// TestCrashAfterFetch: a run that fetched but could not write its outputs
// must not count its new documents as seen: the next changes.json lists
// them as new.
func TestCrashAfterFetch(t *testing.T) {
	links := []string{"/r/a.html"}
	ts := hostileSite(t, links)
	out, cache := t.TempDir(), t.TempDir()
	args := []string{"-q", "-o", out, "--cache", cache, "--delay", "0", ts.URL + "/r/"}
	if code, log := runCrawlCLI(t, args...); code != exitOK {
		t.Fatalf("first: exit %d\n%s", code, log)
	}
	links = append(links, "/r/b.html")
	ts.Config.Handler = hostileSite(t, links).Config.Handler
	// documents/ a file: writing the document reports fails after the fetch.
	os.RemoveAll(filepath.Join(out, "documents"))
	os.WriteFile(filepath.Join(out, "documents"), nil, 0o644)
	if code, _ := runCrawlCLI(t, args...); code != exitFatal {
		t.Fatalf("second: exit %d, want %d", code, exitFatal)
	}
	os.Remove(filepath.Join(out, "documents"))
	if code, log := runCrawlCLI(t, args...); code != exitOK {
		t.Fatalf("third: exit %d\n%s", code, log)
	}
	ch := readChanges(t, out)
	if len(ch) != 1 || !slices.Equal(ch[0].New, []string{ts.URL + "/r/b.html"}) {
		t.Errorf("changes after the crash: %+v; want /r/b.html new", ch)
	}
}

// TestIncompleteRunKeepsDataset: an interrupted rerun, or one that loses a
// document the last complete run had, leaves dataset.json and the workbook
// of the last complete run and writes its own to OUT/partial; a document
// that always fails does not hold the dataset back.
func TestIncompleteRunKeepsDataset(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	for _, name := range []string{"a.html", "b.html", "c.html"} {
		os.WriteFile(filepath.Join(in, name), []byte(page(name)), 0o644)
	}
	os.WriteFile(filepath.Join(in, "broken.pdf"), []byte("%PDF-1.7\nnot really"), 0o644)
	if code, log := runCLI(t, "extract", "-o", out, in); code != exitPartial {
		t.Fatalf("first run: exit %d, want partial\n%s", code, log)
	}
	complete, _ := os.ReadFile(filepath.Join(out, "dataset.json"))
	workbook, _ := os.ReadFile(filepath.Join(out, "begroot.xlsx"))
	if bytes.Contains(complete, []byte(`"documents": []`)) || len(workbook) == 0 {
		t.Fatalf("first run wrote no dataset")
	}
	if _, err := os.Stat(filepath.Join(out, partialDir)); err == nil {
		t.Errorf("a document that always fails made the run incomplete")
	}

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	var stderr bytes.Buffer
	if code := run(cancelled, []string{"extract", "-o", out, in}, io.Discard, &stderr); code != exitInterrupted {
		t.Fatalf("interrupted run: exit %d\n%s", code, stderr.String())
	}
	os.WriteFile(filepath.Join(in, "b.html"), nil, 0o644) // b now fails
	if code, log := runCLI(t, "extract", "-o", out, in); code != exitPartial {
		t.Fatalf("run losing b: exit %d\n%s", code, log)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "dataset.json")); !bytes.Equal(got, complete) {
		t.Errorf("an incomplete run replaced dataset.json")
	}
	if got, _ := os.ReadFile(filepath.Join(out, "begroot.xlsx")); !bytes.Equal(got, workbook) {
		t.Errorf("an incomplete run replaced begroot.xlsx")
	}
	var partial normalize.Dataset
	readJSON(t, filepath.Join(out, partialDir, "dataset.json"), &partial)
	if len(partial.Documents) != 2 || len(partial.Errors) != 2 {
		t.Errorf("partial dataset: %d documents, %d errors; want 2 and 2", len(partial.Documents), len(partial.Errors))
	}
	os.WriteFile(filepath.Join(in, "b.html"), []byte(page("b.html")), 0o644)
	if code, log := runCLI(t, "extract", "-o", out, in); code != exitPartial {
		t.Fatalf("run after the fix: exit %d\n%s", code, log)
	}
	if _, err := os.Stat(filepath.Join(out, partialDir)); err == nil {
		t.Errorf("a complete run left OUT/partial")
	}
}

// TestLock: a run holding the output directory makes the next one exit 4 at
// once; lock files left by a killed run (empty, or another host's) do not
// stop a run.
func TestLock(t *testing.T) {
	in, out, cache := t.TempDir(), t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(in, "a.html"), []byte(page("a")), 0o644)
	unlock, err := lockDirs(out)
	if err != nil {
		t.Fatal(err)
	}
	code, log := runCLI(t, "extract", "-o", out, in)
	if code != exitLocked || !strings.Contains(log, "another begroot run holds the lock") {
		t.Errorf("extract while locked: exit %d, want %d\n%s", code, exitLocked, log)
	}
	code, log = runCrawlCLI(t, "-o", t.TempDir(), "--cache", out, "https://x.nl/")
	if code != exitLocked {
		t.Errorf("crawl with a locked cache: exit %d, want %d\n%s", code, exitLocked, log)
	}
	unlock()

	os.WriteFile(filepath.Join(out, lockName), nil, 0o644)
	os.WriteFile(filepath.Join(out, ".dataset.json.tmp123"), []byte("{"), 0o644) // a run killed while writing
	os.WriteFile(filepath.Join(cache, "lock"), []byte("1 elsewhere\n"), 0o644)   // fetch's own lock of a container
	if code, log := runCLI(t, "extract", "-o", out, in); code != exitOK {
		t.Errorf("extract after a power loss: exit %d\n%s", code, log)
	}
	assertNoTemp(t, out)
	ts := hostileSite(t, nil)
	if code, log := runCrawlCLI(t, "-o", out, "--cache", cache, "--delay", "0", ts.URL+"/r/"); code != exitOK {
		t.Errorf("crawl with a stale lock: exit %d\n%s", code, log)
	}
}

func TestFlagsAfterInputs(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(in, "-a.html"), []byte(page("a")), 0o644)
	wd, _ := os.Getwd()
	os.Chdir(in)
	defer os.Chdir(wd)
	if code, log := runCLI(t, "extract", ".", "-o", out, "-q"); code != exitOK {
		t.Fatalf("exit %d\n%s", code, log)
	}
	if _, err := os.Stat(filepath.Join(out, "-a.json")); err != nil {
		t.Errorf("flags after the input: %v", err)
	}
	if _, err := os.Stat(filepath.Join(in, "out")); err == nil {
		t.Errorf("-o after the input was taken as an input; the run wrote ./out")
	}
	out2 := t.TempDir()
	if code, log := runCLI(t, "extract", "-o", out2, "--", "-a.html"); code != exitOK {
		t.Fatalf("-- then an input that looks like a flag: exit %d\n%s", code, log)
	}
}

// TestOutputChecksAndStale: an unwritable output directory fails before any
// work; the outputs of inputs gone since the last complete run are removed.
func TestOutputChecksAndStale(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	for _, name := range []string{"a.html", "b.html"} {
		os.WriteFile(filepath.Join(in, name), []byte(page(name)), 0o644)
	}
	notDir := filepath.Join(t.TempDir(), "file")
	os.WriteFile(notDir, nil, 0o644)
	code, log := runCLI(t, "extract", "-o", filepath.Join(notDir, "out"), in)
	if code != exitFatal || strings.Contains(log, "extracted") {
		t.Errorf("unwritable -o: exit %d, want %d before extracting\n%s", code, exitFatal, log)
	}
	if code, log := runCLI(t, "extract", "-o", out, in); code != exitOK {
		t.Fatalf("exit %d\n%s", code, log)
	}
	os.Remove(filepath.Join(in, "b.html"))
	code, log = runCLI(t, "extract", "-o", out, in)
	if code != exitOK || !strings.Contains(log, "removed stale output") {
		t.Errorf("exit %d, log %s", code, log)
	}
	if _, err := os.Stat(filepath.Join(out, "b.json")); err == nil {
		t.Errorf("b.json of a removed input is still there")
	}
}

// TestInputsSkippedAndDuplicates: files that are not documents are skipped
// with a log line whether named or found in a folder, and identical files
// are extracted once.
func TestInputsSkippedAndDuplicates(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(in, "a.html"), []byte(page("a")), 0o644)
	os.WriteFile(filepath.Join(in, "kopie.html"), []byte(page("a")), 0o644)
	os.WriteFile(filepath.Join(in, "sites.csv"), []byte("gemeente,url\n"), 0o644)
	named := filepath.Join(t.TempDir(), "data.json")
	os.WriteFile(named, []byte("{}"), 0o644)
	code, log := runCLI(t, "extract", "-o", out, in, named)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, log)
	}
	for _, want := range []string{"skipped file=" + filepath.Join(in, "sites.csv"), "skipped file=" + named, "duplicate source=" + filepath.Join(in, "kopie.html")} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	var ds normalize.Dataset
	readJSON(t, filepath.Join(out, "dataset.json"), &ds)
	if len(ds.Documents) != 1 {
		t.Errorf("%d documents, want 1", len(ds.Documents))
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		bi   debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"}}}, "dev (abc123+modified)"},
	} {
		if got := versionFrom(&tc.bi); got != tc.want {
			t.Errorf("versionFrom(%v) = %q, want %q", tc.bi.Main, got, tc.want)
		}
	}
}

// TestReportCache: entries are keyed by the executable, so another build
// does not reuse them, and prune removes unused entries and left-over
// temporary files.
func TestReportCache(t *testing.T) {
	dir := t.TempDir()
	src := extract.Source{URL: "https://x.nl/a", SHA256: "00"}
	c := newReportCache(dir, "ocr auto")
	if c.build == "" {
		t.Fatal("no hash of the test executable")
	}
	if err := c.Store(src, &normalize.Report{Document: "a"}); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Load(src); !ok {
		t.Error("stored report not found")
	}
	if _, ok := (reportCache{dir: dir, build: "another build"}).Load(src); ok {
		t.Error("another build reused the report")
	}
	os.WriteFile(filepath.Join(dir, ".x.json.tmp1"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "old.json"), nil, 0o644)
	old := time.Now().Add(-reportMaxAge - time.Hour)
	os.Chtimes(filepath.Join(dir, "old.json"), old, old)
	if n := c.prune(time.Now().Add(2 * atomicfile.TempMaxAge)); n != 2 {
		t.Errorf("prune removed %d files, want the temp file and the old report", n)
	}
	if _, ok := c.Load(src); !ok {
		t.Error("prune removed a report in use")
	}
}

// syncBuffer is a bytes.Buffer safe for the status line's redraws.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestStatusLine: on a terminal the bar shows from the start of a phase,
// and a log line clears it, prints, and draws it again below.
func TestStatusLine(t *testing.T) {
	var buf syncBuffer
	st := &status{w: &buf, live: true, ticker: time.NewTicker(time.Hour), quit: make(chan struct{})}
	st.start("extracting", 4)
	if !strings.Contains(buf.String(), "0/4") {
		t.Errorf("nothing shown at the start: %q", buf.String())
	}
	st.add()
	newLogger(st, Options{}).Warn("let op")
	st.stop()
	got := buf.String()
	i := strings.Index(got, "time=")
	if i < 0 || !strings.HasSuffix(got[:i], "1/4\r\x1b[K") || !strings.Contains(got[i:], "\n"+"extracting [=======") {
		t.Errorf("log line not printed over a cleared bar and the bar redrawn:\n%q", got)
	}
	if !strings.HasSuffix(got, "\r\x1b[K") {
		t.Errorf("stop left the bar: %q", got)
	}
}

// TestCronSummary: without a terminal, one line per document and a summary
// with the counts and the documents that need a look.
func TestCronSummary(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(in, "a.html"), []byte(page("a")), 0o644)
	os.WriteFile(filepath.Join(in, "b.html"), []byte(page("b")), 0o644)
	runCLI(t, "extract", "-o", out, in)
	os.WriteFile(filepath.Join(in, "b.html"), []byte(page("bb")), 0o644)
	os.WriteFile(filepath.Join(in, "scan.pdf"), mustRead(t, fixtures.Path("pdf/scan.pdf")), 0o644)
	_, log := runCLI(t, "extract", "-o", out, in)
	if n := strings.Count(log, "msg=extracted"); n != 3 {
		t.Errorf("%d document lines, want 3:\n%s", n, log)
	}
	if !strings.Contains(log, "msg=summary new=1 changed=1 unchanged=1 failed=0 needs_review=") ||
		!strings.Contains(log, `msg="needs review" document=`+filepath.Join(in, "scan.pdf")) {
		t.Errorf("summary:\n%s", log)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
