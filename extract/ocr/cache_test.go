package ocr

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/begroot/begroot/fixtures"
)

// fakeTesseract answers --list-langs and -v like tesseract (its version
// from $FAKE_VERSION), counts its recognitions in dir/runs and gives one
// word for each, or fails when $FAKE_FAIL is set.
const fakeTesseract = `#!/bin/sh
case "$1" in
-v|--version) echo "tesseract $FAKE_VERSION"; exit 0 ;;
--list-langs) printf 'List of available languages in "%s/" (2):\nnld\nosd\n' "$FAKE_DIR"; exit 0 ;;
esac
echo run >> "$FAKE_DIR/runs"
if [ -n "$FAKE_FAIL" ]; then echo "fake failure" >&2; exit 1; fi
printf 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n'
printf '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n'
printf '5\t1\t1\t1\t1\t1\t300\t400\t500\t60\t96.5\tTaakveld\n'
`

// fakeRuns puts fakeTesseract first on PATH and returns a function
// telling how many recognitions it ran since the last call.
func fakeRuns(t *testing.T) func() int {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tesseract"), []byte(fakeTesseract), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	t.Setenv("FAKE_DIR", dir)
	t.Setenv("FAKE_VERSION", "5.3.0")
	t.Setenv("FAKE_FAIL", "")
	seen := 0
	return func() int {
		data, _ := os.ReadFile(filepath.Join(dir, "runs"))
		n := strings.Count(string(data), "run\n")
		defer func() { seen = n }()
		return n - seen
	}
}

// cacheFiles lists the names in dir.
func cacheFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestCache reads a generated scan again and again with a fake
// tesseract: a page in the cache runs no recognition and comes back as
// it was read, every change of the key (options, program version, file
// content) misses, a corrupt entry is a miss, a failed page is not
// stored, and no temporary file is left. The blank page of
// fixtures/pdf/scan.pdf has its picture verdict cached.
func TestCache(t *testing.T) {
	fixtures.Program(t, "pdftoppm")
	fixtures.Program(t, "pdfinfo")
	fixtures.Program(t, "pdftotext")
	runs := fakeRuns(t)
	text := filepath.Join(t.TempDir(), "table.pdf")
	if err := os.WriteFile(text, tablePDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	scan := scanOf(t, text)
	blank := fixtures.Path("pdf/scan.pdf")
	data, err := os.ReadFile(scan)
	if err != nil {
		t.Fatal(err)
	}
	changed := filepath.Join(t.TempDir(), "scan.pdf")
	if err := os.WriteFile(changed, append(data, "\n% another revision\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "ocr")
	cache := NewCache(dir)
	// 100 dpi renders the page fast; the fake reads the same word anyway.
	base := Options{Cache: cache, KeepOrientation: true, DPI: 100}
	var first []Page
	tests := []struct {
		name    string
		path    string
		opt     func(o *Options)
		version string
		corrupt bool // overwrite the entries first
		fail    bool // tesseract fails
		runs    int  // recognitions wanted
		cached  bool // the page comes from the cache
		entries int  // files in the cache after
	}{
		{name: "cold", runs: 1, entries: 1},
		{name: "warm", runs: 0, cached: true, entries: 1},
		{name: "dpi", opt: func(o *Options) { o.DPI = 150 }, runs: 1, entries: 2},
		{name: "psm", opt: func(o *Options) { o.PSM = 6 }, runs: 1, entries: 3},
		{name: "language", opt: func(o *Options) { o.Language = "nld+osd" }, runs: 1, entries: 4},
		{name: "force", opt: func(o *Options) { o.Mode = Force }, runs: 1, entries: 5},
		{name: "tesseract version", version: "5.4.1", runs: 1, entries: 6},
		{name: "file content", path: changed, runs: 1, entries: 7},
		{name: "failed page", path: changed, opt: func(o *Options) { o.DPI = 120 }, fail: true, runs: 1, entries: 7},
		{name: "no cache", opt: func(o *Options) { o.Cache = nil }, runs: 1, entries: 7},
		{name: "corrupt", corrupt: true, runs: 1, entries: 7},
		{name: "rewritten", runs: 0, cached: true, entries: 7},
		{name: "picture", path: blank, runs: 0, entries: 8},
		{name: "picture again", path: blank, runs: 0, cached: true, entries: 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("FAKE_VERSION", cmp.Or(tc.version, "5.3.0"))
			if tc.fail {
				t.Setenv("FAKE_FAIL", "1")
			}
			if tc.corrupt {
				for _, name := range cacheFiles(t, dir) {
					os.WriteFile(filepath.Join(dir, name), []byte(`{"Key": "`), 0o644)
				}
			}
			opt := base
			if tc.opt != nil {
				tc.opt(&opt)
			}
			pages, err := Read(context.Background(), cmp.Or(tc.path, scan), nil, opt)
			if tc.fail != (err != nil) {
				t.Fatalf("Read: %v", err)
			}
			if got := runs(); got != tc.runs {
				t.Errorf("%d recognitions, want %d", got, tc.runs)
			}
			if names := cacheFiles(t, dir); len(names) != tc.entries {
				t.Errorf("cache holds %v, want %d entries", names, tc.entries)
			}
			for _, name := range cacheFiles(t, dir) {
				if strings.HasPrefix(name, ".") {
					t.Errorf("temporary file %s left", name)
				}
			}
			if tc.fail {
				return
			}
			words := 1
			if tc.path == blank {
				words = 0
			}
			if len(pages) != 1 || len(pages[0].Words) != words || pages[0].Cached != tc.cached {
				t.Fatalf("pages %+v, want %d words, cached %t", pages, words, tc.cached)
			}
			if first == nil {
				first = pages
			} else if tc.opt == nil && tc.path == "" {
				got := pages[0]
				got.Elapsed, got.Cached = first[0].Elapsed, first[0].Cached
				if !reflect.DeepEqual(got, first[0]) {
					t.Errorf("page %+v, want it as read first: %+v", got, first[0])
				}
			}
		})
	}
}

// TestCachePrune: an entry used is touched and kept, one unused for
// CacheMaxAge is removed.
func TestCachePrune(t *testing.T) {
	dir := t.TempDir()
	c := NewCache(dir)
	used, unused := c.key("aa", "engine", 1, Options{}), c.key("aa", "engine", 2, Options{})
	c.store(used, Page{Number: 1})
	c.store(unused, Page{Number: 2})
	old := time.Now().Add(-CacheMaxAge - time.Hour)
	for _, k := range []string{used, unused} {
		os.Chtimes(c.path(k), old, old)
	}
	if _, ok := c.load(used, 1); !ok {
		t.Fatal("stored page not found")
	}
	if n := c.Prune(time.Now()); n != 1 {
		t.Errorf("Prune removed %d files, want the unused entry", n)
	}
	if _, ok := c.load(used, 1); !ok {
		t.Error("Prune removed the entry in use")
	}
	if _, ok := c.load(unused, 2); ok {
		t.Error("the unused entry is still there")
	}
}

// TestCacheShared: two runs reading the same page into one folder at
// once both get it, and the folder ends with one whole entry.
func TestCacheShared(t *testing.T) {
	fixtures.Program(t, "pdftoppm")
	fixtures.Program(t, "pdfinfo")
	fixtures.Program(t, "pdftotext")
	fakeRuns(t)
	text := filepath.Join(t.TempDir(), "table.pdf")
	if err := os.WriteFile(text, tablePDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	scan := scanOf(t, text)
	dir := t.TempDir()
	pages := make([][]Page, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range pages {
		wg.Go(func() {
			pages[i], errs[i] = Read(context.Background(), scan, nil, Options{Cache: NewCache(dir), KeepOrientation: true, DPI: 100})
		})
	}
	wg.Wait()
	for i := range pages {
		if errs[i] != nil || len(pages[i]) != 1 || len(pages[i][0].Words) != 1 {
			t.Errorf("run %d: %+v, %v; want one page of one word", i, pages[i], errs[i])
		}
	}
	if names := cacheFiles(t, dir); len(names) != 1 || strings.HasPrefix(names[0], ".") {
		t.Errorf("cache holds %v, want one entry", names)
	}
}
