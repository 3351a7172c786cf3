package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
)

// seedSite serves fixtures/sites/seeds on loopback: a report under
// /verslagen/ whose pages are the seed renderings in fixtures/html.
func seedSite(t *testing.T) *httptest.Server {
	t.Helper()
	root := fixtures.Path("sites/seeds")
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		file := filepath.Join(root, filepath.FromSlash(p))
		switch {
		case p == "/verslagen/":
			file = filepath.Join(root, "verslagen", "index.html")
		case strings.HasPrefix(p, "/verslagen/"):
			file = fixtures.Path("html/" + path.Base(p) + ".html")
		}
		http.ServeFile(w, r, file)
	}))
	t.Cleanup(ts.Close)
	return ts
}

func runCrawlCLI(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := runCrawl(context.Background(), args, &stdout, &stderr)
	return code, stdout.String() + stderr.String()
}

func TestCrawlCommand(t *testing.T) {
	ts := seedSite(t)
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
	if len(changes) != 1 || len(changes[0].New) != 7 || changes[0].Report != "voorbeeld-jaarstukken-2017" {
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
		{"quiet and verbose", []string{"-q", "-v", "https://x.nl/"}, exitUsage, "exclude"},
		{"sites without columns", []string{"--sites", badSites}, exitUsage, "no column gemeente"},
		{"sites missing", []string{"--sites", filepath.Join(dir, "nope.csv")}, exitUsage, "nope.csv"},
		{"help", []string{"-h"}, exitOK, "-user-agent"},
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

func TestReportIDs(t *testing.T) {
	got := reportIDs([]target{
		{URL: "https://lingewaard.begrotingsapp.nl/begroting-2024", Gemeente: "Lingewaard", DocType: "begroting", Year: 2024},
		{URL: "https://x.nl/a", Gemeente: "'s-Hertogenbosch", DocType: "jaarstukken"},
		{URL: "https://lingewaard.jaarverslag-2017.nl/"},
		{URL: "https://lingewaard.jaarverslag-2017.nl/"},
	})
	want := []string{"lingewaard-begroting-2024", "s-hertogenbosch-jaarstukken", "lingewaard-jaarverslag-2017-nl", "lingewaard-jaarverslag-2017-nl-2"}
	if !slices.Equal(got, want) {
		t.Errorf("reportIDs:\ngot  %q\nwant %q", got, want)
	}
}
