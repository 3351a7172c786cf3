package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/fetch"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
)

// seedSite serves fixtures/sites/seeds on loopback the way a plain static
// server does (http.FileServer): a report under /verslagen/ whose pages are
// the seed renderings of fixtures/html, directory listings for the root and
// /downloads/. took returns the requests seen since its last call.
func seedSite(t *testing.T) (ts *httptest.Server, took func() []seenRequest) {
	t.Helper()
	var (
		mu   sync.Mutex
		seen []seenRequest
	)
	files := http.FileServer(http.Dir(fixtures.Path("sites/seeds")))
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		files.ServeHTTP(rec, r)
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, seenRequest{
			Target:      r.URL.RequestURI(),
			Conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "",
			Status:      rec.status,
		})
	}))
	t.Cleanup(ts.Close)
	return ts, func() []seenRequest {
		mu.Lock()
		defer mu.Unlock()
		r := seen
		seen = nil
		return r
	}
}

type seenRequest struct {
	Target      string
	Conditional bool
	Status      int
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func runCrawlCLI(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runCrawl(context.Background(), args, &stdout, &stderr)
	return code, stdout.String() + stderr.String()
}

func TestCrawlCommand(t *testing.T) {
	ts, _ := seedSite(t)
	out, cache := t.TempDir(), t.TempDir()
	sites := filepath.Join(t.TempDir(), "sites.csv")
	os.WriteFile(sites, []byte("gemeente,url,doc_type,year\nVoorbeeld,"+ts.URL+"/verslagen/,jaarstukken,2017\n"), 0o644)
	args := []string{"-o", out, "--cache", cache, "--delay", "0", "-q", "--sites", sites}

	if code, log := runCrawlCLI(t, args...); code != exitOK {
		t.Fatalf("first crawl: exit %d\n%s", code, log)
	}
	reportFile := filepath.Join(out, "voorbeeld-jaarstukken-2017.json")
	first, err := os.ReadFile(reportFile)
	if err != nil {
		t.Fatal(err)
	}
	var rep normalize.Report
	if err := json.Unmarshal(first, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Document != "voorbeeld-jaarstukken-2017" || rep.Gemeente != "Voorbeeld" || rep.DocType != "jaarstukken" ||
		rep.Year != 2017 || rep.URL != ts.URL+"/verslagen/" {
		t.Errorf("report: got document %q gemeente %q doc_type %q year %d url %q",
			rep.Document, rep.Gemeente, rep.DocType, rep.Year, rep.URL)
	}
	if len(rep.Indicators) == 0 || len(rep.Objectives) == 0 {
		t.Errorf("report: %d indicators, %d objectives; want some of each from the seed pages", len(rep.Indicators), len(rep.Objectives))
	}
	var urls []string
	for _, in := range rep.Indicators {
		urls = append(urls, in.URL)
	}
	for _, o := range rep.Objectives {
		urls = append(urls, o.URL)
	}
	for _, f := range rep.Financial {
		urls = append(urls, f.URL)
	}
	for _, u := range urls {
		if !strings.HasPrefix(u, ts.URL+"/") {
			t.Errorf("record URL %q is not a page of the site", u)
			break
		}
	}
	for _, name := range []string{"dataset.json", "changes.json", "begroot.xlsx"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	changes := readChanges(t, out)
	if len(changes) != 1 || len(changes[0].New) != 7 || !slices.Equal(changes[0].Reports, []string{"voorbeeld-jaarstukken-2017"}) {
		t.Errorf("first changes.json: %+v, want 7 new documents", changes)
	}

	// Nothing changed: the same reports, byte for byte, from cached results.
	if code, log := runCrawlCLI(t, args...); code != exitOK {
		t.Fatalf("second crawl: exit %d\n%s", code, log)
	}
	second, _ := os.ReadFile(reportFile)
	if !bytes.Equal(first, second) {
		t.Errorf("second crawl changed %s", reportFile)
	}
	changes = readChanges(t, out)
	if len(changes) != 1 || len(changes[0].Unchanged) != 7 || len(changes[0].New)+len(changes[0].Changed)+len(changes[0].Removed) > 0 {
		t.Errorf("second changes.json: %+v, want 7 unchanged documents", changes)
	}
}

// TestCrawlStaticSite is the acceptance test of begroot crawl: the seeds
// site, served as plain files and crawled from the host's root, gives one
// report per seed page in DIR/documents that scores like the seed gold, and
// a second crawl is answered by 304s alone and writes the same bytes.
func TestCrawlStaticSite(t *testing.T) {
	ts, took := seedSite(t)
	out, cache := t.TempDir(), t.TempDir()
	args := []string{"-o", out, "--cache", cache, "--delay", "0", "-q", ts.URL + "/"}
	if code, log := runCrawlCLI(t, args...); code != exitOK {
		t.Fatalf("first crawl: exit %d\n%s", code, log)
	}
	first := jsonOutputs(t, out)
	stems, _ := filepath.Glob(fixtures.Path("html/*.html"))
	want := []string{"documents/jaarstukken-2017.json", "documents/verslagen.json"}
	for _, f := range stems {
		want = append(want, "documents/"+strings.TrimSuffix(filepath.Base(f), ".html")+".json")
	}
	slices.Sort(want)
	var docs []string
	for name := range first {
		if strings.HasPrefix(name, "documents/") {
			docs = append(docs, name)
		}
	}
	slices.Sort(docs)
	if !slices.Equal(docs, want) {
		t.Errorf("document reports:\ngot  %q\nwant %q", docs, want)
	}
	for _, r := range took() {
		if r.Target == "/robots.txt" && r.Status != http.StatusOK {
			t.Errorf("first crawl: robots.txt answered %d", r.Status)
		}
	}

	t.Run("score", func(t *testing.T) {
		score := fixtures.Shared(t, "tools/score.py")
		gold := fixtures.Shared(t, "gold")
		python := fixtures.Program(t, "python3")
		cmd := exec.Command(python, score, gold, filepath.Join(out, "documents"), "--json")
		text, err := cmd.Output()
		if err != nil {
			t.Fatalf("score.py: %v\n%s", err, text)
		}
		lines := strings.Split(strings.TrimSpace(string(text)), "\n")
		var result struct {
			Categories map[string]struct {
				F1 float64 `json:"f1"`
			} `json:"categories"`
		}
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), &result); err != nil || len(result.Categories) == 0 {
			t.Fatalf("score.py output: %v\n%s", err, text)
		}
		for cat, c := range result.Categories {
			if c.F1 < 0.95 {
				t.Errorf("%s: F1 %.3f, want at least 0.95\n%s", cat, c.F1, text)
			}
		}
	})

	if code, log := runCrawlCLI(t, args...); code != exitOK {
		t.Fatalf("second crawl: exit %d\n%s", code, log)
	}
	reqs := took()
	if len(reqs) == 0 {
		t.Fatal("second crawl made no requests")
	}
	for _, r := range reqs {
		if !r.Conditional || r.Status != http.StatusNotModified {
			t.Errorf("second crawl: %s conditional %v, status %d; want a conditional request answered 304", r.Target, r.Conditional, r.Status)
		}
	}
	second := jsonOutputs(t, out)
	for name, data := range first {
		if name == "changes.json" || name == "run.json" {
			continue // new the first time, unchanged the second; the time of the run
		}
		if !bytes.Equal(data, second[name]) {
			t.Errorf("second crawl changed %s", name)
		}
	}
	if len(second) != len(first) {
		t.Errorf("second crawl wrote %d JSON files, the first %d", len(second), len(first))
	}
	changes := readChanges(t, out)
	if len(changes) != 1 || len(changes[0].Unchanged) != len(want) || len(changes[0].New)+len(changes[0].Changed)+len(changes[0].Removed) > 0 {
		t.Errorf("second changes.json: %+v, want %d unchanged documents", changes, len(want))
	}
}

// jsonOutputs reads the JSON files under dir, by slash-separated path.
func jsonOutputs(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".json" {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func readChanges(t *testing.T, out string) []siteChanges {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "changes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c []siteChanges
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCrawlUsage(t *testing.T) {
	dir := t.TempDir()
	badSites := filepath.Join(dir, "bad.csv")
	os.WriteFile(badSites, []byte("naam,adres\nX,https://x.nl/\n"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		says string
	}{
		{"no URL", []string{"-o", dir}, exitUsage, "no URL given"},
		{"not a URL", []string{"-o", dir, "lingewaard.nl"}, exitUsage, `"lingewaard.nl" is not an http(s) URL`},
		{"negative delay", []string{"--delay", "-1s", "https://x.nl/"}, exitUsage, "--delay -1s"},
		{"zero pages", []string{"--max-pages", "0", "https://x.nl/"}, exitUsage, "--max-pages 0"},
		{"zero host time", []string{"--max-host-time", "0", "https://x.nl/"}, exitUsage, "--max-host-time 0s: want more than 0"},
		{"negative cache age", []string{"--max-cache-age", "-1h", "https://x.nl/"}, exitUsage, "--max-cache-age -1h0m0s: want more than 0"},
		{"quiet and verbose", []string{"-q", "-v", "https://x.nl/"}, exitUsage, "exclude"},
		{"sites without columns", []string{"--sites", badSites}, exitUsage, "no column gemeente"},
		{"sites missing", []string{"--sites", filepath.Join(dir, "nope.csv")}, exitUsage, "nope.csv"},
		{"help", []string{"-h"}, exitOK, "-user-agent"},
		{"help on host time", []string{"-h"}, exitOK, "-max-host-time"},
		{"help on cache age", []string{"-h"}, exitOK, "-max-cache-age"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out := runCrawlCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.says) {
				t.Errorf("begroot crawl %q = %d, output %q; want %d and %q", tc.args, code, out, tc.code, tc.says)
			}
		})
	}
}

func TestReadSites(t *testing.T) {
	for _, tc := range []struct {
		name, csv string
		want      []target
		err       string
	}{
		{
			name: "all columns, any order, extra ignored",
			csv:  "\uFEFFurl,Gemeente,year,doc_type,opmerking\nhttps://a.nl/b,Lingewaard,2017,jaarstukken,x\n# uit\n https://c.nl/, Deventer,,begroting,\n",
			want: []target{
				{URL: "https://a.nl/b", Gemeente: "Lingewaard", DocType: "jaarstukken", Year: 2017},
				{URL: "https://c.nl/", Gemeente: "Deventer", DocType: "begroting"},
			},
		},
		{name: "minimal", csv: "gemeente,url\nZevenaar,https://z.nl/\n", want: []target{{URL: "https://z.nl/", Gemeente: "Zevenaar"}}},
		{name: "no url column", csv: "gemeente\nX\n", err: `header "gemeente" has no column url`},
		{name: "bad year", csv: "gemeente,url,year\nX,https://x.nl/,twintig\n", err: `line 2: year "twintig" is not a number`},
		{name: "empty url", csv: "gemeente,url\nX,\n", err: "line 2: no url"},
		{name: "ragged", csv: "gemeente,url\nX,https://x.nl/,extra\n", err: "wrong number of fields"},
		{name: "empty", csv: "", err: "header: EOF"},
		{
			name: "semicolons, as Dutch Excel saves",
			csv:  "\uFEFFgemeente;url;year\r\n's-Hertogenbosch;https://s.nl/a,b;2024\r\n",
			want: []target{{URL: "https://s.nl/a,b", Gemeente: "'s-Hertogenbosch", Year: 2024}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readSites(strings.NewReader(tc.csv))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("readSites: got %v, want error %q", err, tc.err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Errorf("readSites:\ngot  %+v %v\nwant %+v", got, err, tc.want)
			}
		})
	}
}

func TestDocumentNames(t *testing.T) {
	docs := func(urls ...string) fetch.Site {
		var s fetch.Site
		for _, u := range urls {
			s.Docs = append(s.Docs, fetch.Result{Source: extract.Source{URL: u, Path: "/cache/docs/0a1b.html"}})
		}
		return s
	}
	got := documentNames([]fetch.Site{
		docs("https://a.nl:8443/", "https://a.nl:8443/verslagen/", "https://a.nl:8443/verslagen/000_x.html", "https://a.nl:8443/p12/inleiding?id=3"),
		docs("https://b.nl/inleiding", "https://a.nl:8443/verslagen/000_x.html", "https://b.nl/downloads/Begroting%202024.pdf"),
	})
	want := [][]string{
		{"document.json", "verslagen.json", "000_x.json", "inleiding-a9b22453.json"},
		{"inleiding-39c07835.json", "", "Begroting 2024.json"},
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("documentNames:\ngot  %q\nwant %q", got, want)
	}
}

func TestReportIDs(t *testing.T) {
	long := "https://x.nl/" + strings.Repeat("a", 200)
	got := reportIDs([]reportKey{
		{target{URL: "https://lingewaard.begrotingsapp.nl/begroting-2024", Gemeente: "Lingewaard", DocType: "begroting", Year: 2024}, "/begroting-2024"},
		{target{URL: "https://x.nl/a", Gemeente: "'s-Hertogenbosch", DocType: "jaarstukken"}, "/a"},
		{target{URL: "https://lingewaard.jaarverslag-2017.nl/"}, "/"},
		{target{URL: "https://lingewaard.jaarverslag-2017.nl/"}, "/"},
		{target{URL: "https://lingewaard.begrotingsapp.nl/", Gemeente: "Lingewaard"}, "/"},
		{target{URL: "https://lingewaard.begrotingsapp.nl/", Gemeente: "Lingewaard"}, "/jaarstukken-2023"},
		{target{URL: "https://lingewaard.begrotingsapp.nl/begroting-2024/inleiding"}, "/begroting-2024"},
		{target{URL: "https://lingewaard.begrotingsapp.nl/begroting-2024/"}, "/voorjaarsnota-2025"},
		{target{URL: "https://dataset.nl/", Gemeente: "Dataset"}, "/"},
		{target{URL: long}, "/"},
		{target{URL: long}, "/begroting-2024"},
	})
	want := []string{
		"lingewaard-begroting-2024", "s-hertogenbosch-jaarstukken", "lingewaard-jaarverslag-2017-nl", "lingewaard-jaarverslag-2017-nl-2",
		"lingewaard", "lingewaard-jaarstukken-2023",
		"lingewaard-begrotingsapp-nl-begroting-2024-inleiding", "lingewaard-begrotingsapp-nl-begroting-2024-voorjaarsnota-2025",
		"dataset-01bee4d1", "x-nl-" + strings.Repeat("a", 115) + "-544b4bff", "x-nl-" + strings.Repeat("a", 115) + "-231f809e",
	}
	if !slices.Equal(got, want) {
		t.Errorf("reportIDs:\ngot  %q\nwant %q", got, want)
	}
}

// platformSite serves fixtures/sites/<name> on loopback the way the hosted
// platforms do (fixtures/sites/README.md): /doc/page is doc/page.html, a
// folder without its slash redirects to it and serves its index.html, and
// _redirects lists further redirects. "{{other}}" stands for a host that is
// never asked. robots.txt loses its Crawl-delay lines, so the test is not
// paced by them. faults replace the files at their paths.
func platformSite(t *testing.T, name string, faults map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	root := fixtures.Path(filepath.Join("sites", name))
	const other = "http://other.invalid"
	redirects := map[string][2]string{}
	if data, err := os.ReadFile(filepath.Join(root, "_redirects")); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Fields(line); len(f) == 3 && !strings.HasPrefix(f[0], "#") {
				redirects[f[0]] = [2]string{strings.ReplaceAll(f[1], "{{other}}", other), f[2]}
			}
		}
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if h, ok := faults[p]; ok {
			h(w, r)
			return
		}
		if rd, ok := redirects[p]; ok {
			code, _ := strconv.Atoi(rd[1])
			http.Redirect(w, r, rd[0], code)
			return
		}
		file := filepath.Join(root, filepath.FromSlash(p))
		if fi, err := os.Stat(file); err == nil && fi.IsDir() {
			if !strings.HasSuffix(p, "/") {
				http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
				return
			}
			file = filepath.Join(file, "index.html")
		} else if strings.HasSuffix(p, "/") && p != "/" {
			http.Redirect(w, r, strings.TrimSuffix(p, "/"), http.StatusMovedPermanently)
			return
		} else if path.Ext(p) == "" {
			file += ".html"
		}
		data, err := os.ReadFile(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if p == "/robots.txt" {
			var keep []string
			for _, line := range strings.Split(string(data), "\n") {
				if !strings.HasPrefix(line, "Crawl-delay") {
					keep = append(keep, line)
				}
			}
			data = []byte(strings.Join(keep, "\n"))
		}
		data = bytes.ReplaceAll(data, []byte("{{other}}"), []byte(other))
		http.ServeContent(w, r, filepath.Base(file), fixtureModTime, bytes.NewReader(data))
	}))
	t.Cleanup(ts.Close)
	return ts
}

// fixtureModTime is the Last-Modified of every file platformSite serves.
var fixtureModTime = time.Date(2024, 11, 1, 12, 0, 0, 0, time.UTC)

// appShell is a page whose content a script fills in.
const appShell = `<!DOCTYPE html><html><head><title>Investeringen</title><script src="/app.js"></script></head><body><div id="app"></div></body></html>`

func serveShell(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, appShell)
}

func readReport(t *testing.T, file string) normalize.Report {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var rep normalize.Report
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return rep
}

// TestCrawlDocumentRoots crawls the begrotingsapp fixture from its host's
// root: every document root becomes a report of its own with its own
// metadata, the sites file's gemeente holds for all, an app shell page is
// a warning in its reports, and a dead link is a warning, not a failure.
func TestCrawlDocumentRoots(t *testing.T) {
	ts := platformSite(t, "begrotingsapp", map[string]http.HandlerFunc{
		"/voorjaarsnota-2025/bijlagen/investeringen.html": serveShell,
		"/begroting-2024/programma-2":                     func(w http.ResponseWriter, r *http.Request) { http.Error(w, "weg", http.StatusGone) },
	})
	out, cache := t.TempDir(), t.TempDir()
	sites := filepath.Join(t.TempDir(), "sites.csv")
	os.WriteFile(sites, []byte("gemeente,url,doc_type,year\nVoorbeeld,"+ts.URL+"/,begroting,2024\n"), 0o644)
	code, log := runCrawlCLI(t, "-o", out, "--cache", cache, "--delay", "0", "--sites", sites)
	if code != exitOK {
		t.Fatalf("crawl with a dead link: exit %d, want %d\n%s", code, exitOK, log)
	}
	for _, says := range []string{"dead link", "programma-2", "app shell"} {
		if !strings.Contains(log, says) {
			t.Errorf("log does not say %q:\n%s", says, log)
		}
	}
	changes := readChanges(t, out)
	wantIDs := []string{"voorbeeld", "voorbeeld-begroting-2024", "voorbeeld-jaarstukken-2023", "voorbeeld-voorjaarsnota-2025"}
	if len(changes) != 1 || !slices.Equal(changes[0].Reports, wantIDs) || changes[0].Truncated != nil {
		t.Fatalf("changes.json: %+v, want reports %q and no truncation", changes, wantIDs)
	}
	if want := []string{ts.URL + "/begroting-2024/programma-2"}; !slices.Equal(changes[0].Dead, want) {
		t.Errorf("changes.json dead: %q, want %q", changes[0].Dead, want)
	}
	for _, tc := range []struct {
		id, url, docType string // docType "" for a report whose pages' vote is not checked
		year             int
		shell            bool
	}{
		{"voorbeeld", ts.URL + "/", "", 0, false}, // the landing page, which names two reports
		{"voorbeeld-begroting-2024", ts.URL + "/begroting-2024", "begroting", 2024, false},
		{"voorbeeld-jaarstukken-2023", ts.URL + "/jaarstukken-2023", "jaarstukken", 2023, false},
		{"voorbeeld-voorjaarsnota-2025", ts.URL + "/voorjaarsnota-2025", "voorjaarsnota", 2025, true},
	} {
		rep := readReport(t, filepath.Join(out, tc.id+".json"))
		if tc.docType == "" {
			tc.docType, tc.year = rep.DocType, rep.Year
		}
		if rep.Document != tc.id || rep.Gemeente != "Voorbeeld" || rep.URL != tc.url || rep.DocType != tc.docType || rep.Year != tc.year {
			t.Errorf("%s: document %q gemeente %q url %q doc_type %q year %d; want %q Voorbeeld %q %q %d",
				tc.id, rep.Document, rep.Gemeente, rep.URL, rep.DocType, rep.Year, tc.id, tc.url, tc.docType, tc.year)
		}
		shell := slices.ContainsFunc(rep.Warnings, func(w string) bool { return strings.HasSuffix(w, ": "+shellWarning) })
		if shell != tc.shell {
			t.Errorf("%s: warnings %q; want the app shell warning: %v", tc.id, rep.Warnings, tc.shell)
		}
	}
	doc := readReport(t, filepath.Join(out, "documents", "investeringen.json"))
	if !slices.Contains(doc.Warnings, shellWarning) {
		t.Errorf("documents/investeringen.json: warnings %q, want %q", doc.Warnings, shellWarning)
	}
}

// TestCrawlTruncated stops a crawl at --max-pages: the log, every report of
// the site and changes.json say so, and the site needs review.
func TestCrawlTruncated(t *testing.T) {
	ts := platformSite(t, "begrotingsapp", nil)
	out := t.TempDir()
	code, log := runCrawlCLI(t, "-o", out, "--cache", t.TempDir(), "--delay", "0", "--max-pages", "3", ts.URL+"/begroting-2024/")
	if code != exitOK {
		t.Fatalf("truncated crawl: exit %d, want %d\n%s", code, exitOK, log)
	}
	for _, says := range []string{"crawl stopped early", "page limit 3", "needs review\" document=" + ts.URL + "/begroting-2024/"} {
		if !strings.Contains(log, says) {
			t.Errorf("log does not say %q:\n%s", says, log)
		}
	}
	changes := readChanges(t, out)
	if len(changes) != 1 || changes[0].Truncated == nil || !strings.Contains(changes[0].Truncated.Reason, "page limit 3") || changes[0].Truncated.Left == 0 {
		t.Fatalf("changes.json: %+v, want a truncation by the page limit with URLs left", changes)
	}
	if len(changes[0].Reports) == 0 {
		t.Fatal("changes.json names no report")
	}
	for _, id := range changes[0].Reports {
		rep := readReport(t, filepath.Join(out, id+".json"))
		if !slices.ContainsFunc(rep.Warnings, func(w string) bool { return strings.HasPrefix(w, "crawl stopped early (page limit 3") }) {
			t.Errorf("%s: warnings %q, want the truncation", id, rep.Warnings)
		}
	}
}

// TestCrawlTruncatedKeepsOutputs: a crawl stopped early keeps the
// documents/<stem>.json files of the pages it did not reach, and the record
// of them, so that the next full crawl keeps them too; only a full crawl
// that no longer finds a page removes its file.
func TestCrawlTruncatedKeepsOutputs(t *testing.T) {
	var gone atomic.Bool
	ts := platformSite(t, "begrotingsapp", map[string]http.HandlerFunc{
		"/begroting-2024/programma-2": func(w http.ResponseWriter, r *http.Request) {
			if gone.Load() {
				http.Error(w, "weg", http.StatusGone)
				return
			}
			http.ServeFile(w, r, fixtures.Path("sites/begrotingsapp/begroting-2024/programma-2.html"))
		},
	})
	out, cache := t.TempDir(), t.TempDir()
	start := ts.URL + "/begroting-2024/"
	docs := func() []string {
		names, err := filepath.Glob(filepath.Join(out, "documents", "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range names {
			names[i] = filepath.Base(n)
		}
		return names
	}
	crawl := func(step string, args ...string) string {
		t.Helper()
		args = append([]string{"-o", out, "--cache", cache, "--delay", "0"}, append(args, start)...)
		code, log := runCrawlCLI(t, args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s", step, code, log)
		}
		return log
	}

	crawl("full crawl")
	full := docs()
	if !slices.Contains(full, "programma-2.json") {
		t.Fatalf("full crawl wrote %q, want programma-2.json among them", full)
	}
	// The truncated crawl may name the pages it reached differently (a
	// name that no longer collides loses its hash), so it keeps at least
	// the full set; the full crawl after it has exactly that set again.
	log := crawl("truncated crawl", "--max-pages", "2")
	if !strings.Contains(log, "page limit 2") {
		t.Fatalf("the truncated crawl did not stop early:\n%s", log)
	}
	if got := docs(); !isSubset(full, got) || strings.Contains(log, "removed stale output") {
		t.Errorf("after the truncated crawl: documents %q, want %q kept\n%s", got, full, log)
	}
	log = crawl("full crawl after the truncated one")
	if got := docs(); !slices.Equal(got, full) {
		t.Errorf("after the full crawl after the truncated one: documents %q, want %q\n%s", got, full, log)
	}

	gone.Store(true)
	log = crawl("full crawl without programma-2")
	if got := docs(); slices.Contains(got, "programma-2.json") || !strings.Contains(log, "file=documents/programma-2.json") {
		t.Errorf("after a full crawl without programma-2: documents %q, want programma-2.json removed\n%s", got, log)
	}
}

// isSubset tells whether every element of sub is in set.
func isSubset(sub, set []string) bool {
	for _, s := range sub {
		if !slices.Contains(set, s) {
			return false
		}
	}
	return true
}

// TestCrawlHostileServers runs begroot crawl through run() against servers
// that misbehave: a body dripping a byte at a time (a host of its own), a
// 429 asking to come back in an hour, a gzip body that inflates past the
// HTML limit, dead links, and names that are long, hold a NUL, collide (in
// case only) or are reserved. The run ends within its bounds, exits 3 for
// the documents it could not fetch, and extracts every other page.
func TestCrawlHostileServers(t *testing.T) {
	const (
		hostTime = 2 * time.Second  // --max-host-time: what the drip may cost
		bound    = 20 * time.Second // the whole run, with room for a slow machine
		bombSize = 32 << 20         // inflated bytes of the gzip bomb: twice the HTML limit
		dripStep = 50 * time.Millisecond
	)
	long := strings.Repeat("x", 300)
	good := []string{"", "inleiding", "Inleiding", "bijlagen/inleiding", "dataset", long, "a%00b"}
	bad := []string{"druk", "bom"}
	var links strings.Builder
	for _, p := range append(append(slices.Clone(good[1:]), bad...), "dood", "verwijderd") {
		fmt.Fprintf(&links, "<li><a href=\"/begroting-2024/%s\">%s</a></li>\n", p, p)
	}
	page := func(title, body string) string {
		return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><main><h1>" + title +
			"</h1><p>Gemeente Voorbeeld, begroting 2024. Deze pagina beschrijft de plannen voor het komende jaar.</p>" + body + "</main></body></html>"
	}
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write([]byte("<html><body>"))
	zw.Write(make([]byte, bombSize))
	zw.Close()

	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := strings.TrimPrefix(r.URL.Path, "/begroting-2024/"); {
		case r.URL.Path == "/begroting-2024/":
			io.WriteString(w, page("Begroting 2024", "<ul>"+links.String()+"</ul>"))
		case p == "druk":
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "te druk", http.StatusTooManyRequests)
		case p == "bom":
			w.Header().Set("Content-Type", "text/html")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb.Bytes())
		case p == "verwijderd":
			http.Error(w, "weg", http.StatusGone)
		case strings.HasPrefix(r.URL.Path, "/begroting-2024/") && slices.Contains(good, strings.ReplaceAll(p, "\x00", "%00")):
			io.WriteString(w, page(fmt.Sprintf("Pagina %d", len(p)), ""))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(ts.Close)
	drip := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/begroting-2024/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		for {
			if _, err := w.Write([]byte("<")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(dripStep):
			}
		}
	}))
	t.Cleanup(drip.Close)

	out := t.TempDir()
	began := time.Now()
	code, log := runCLI(t, "crawl", "-o", out, "--cache", t.TempDir(), "--delay", "0", "--max-host-time", hostTime.String(),
		ts.URL+"/begroting-2024/", drip.URL+"/begroting-2024/")
	if took := time.Since(began); took > bound {
		t.Errorf("crawl took %s, want at most %s", took, bound)
	}
	if code != exitPartial {
		t.Errorf("exit %d, want %d (documents that could not be fetched)\n%s", code, exitPartial, log)
	}
	for _, u := range []string{ts.URL + "/begroting-2024/druk", ts.URL + "/begroting-2024/bom", drip.URL + "/begroting-2024/"} {
		if !strings.Contains(log, `"fetch failed" url=`+u+" ") {
			t.Errorf("log names no failure of %s:\n%s", u, log)
		}
	}
	var want, got []string
	for _, p := range good {
		want = append(want, ts.URL+"/begroting-2024/"+p)
	}
	names, _ := filepath.Glob(filepath.Join(out, "documents", "*.json"))
	for _, name := range names {
		if base := filepath.Base(name); len(base) > maxStemBytes+1+hashLen+len(".json") || strings.ContainsRune(base, 0) {
			t.Errorf("unsafe document name %q", base)
		}
		got = append(got, readReport(t, name).URL)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("documents extracted:\ngot  %q\nwant %q", got, want)
	}
	changes := readChanges(t, out) // complete: nothing the last complete run had failed
	if len(changes) != 2 || len(changes[0].Dead) != 2 {
		t.Errorf("changes.json: %+v, want two sites, the first with two dead links", changes)
	}
}
