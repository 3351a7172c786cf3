package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output"
)

// reportMaxAge is how long a cached report lives unused: long enough for a
// monthly crawl to find it again, short enough that the reports of pages
// gone for good and of older builds do not pile up.
const reportMaxAge = 60 * 24 * time.Hour

// reportCache is the crawl's pipeline.Cache: the report of each fetched
// document, in the fetch cache's reports/ folder, keyed by the document's
// URL and digest and by the executable that made it. An unchanged site
// thus gives identical reports without extracting anything, and any other
// build of begroot (an upgrade, go install …@version, -buildvcs=false)
// extracts everything again. A report is touched when used; prune removes
// those unused for reportMaxAge.
type reportCache struct {
	dir   string
	build string // executableHash
}

// executableHash is the SHA-256 of the running executable, or "" when it
// cannot be read (then nothing is cached). Hashing the executable takes
// some 30 ms, so runCrawl starts it while the crawl fetches.
var executableHash = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	sum, err := extract.FileSHA256(exe)
	if err != nil {
		return ""
	}
	return sum
})

// newReportCache is the report cache in dir for this executable with
// these settings (the --ocr mode: a report read without OCR is no answer
// for a run with it).
func newReportCache(dir, settings string) reportCache {
	build := executableHash()
	if build != "" {
		build += "\n" + settings
	}
	return reportCache{dir: dir, build: build}
}

func (c reportCache) path(src extract.Source) string {
	key := sha256.Sum256([]byte(strings.Join([]string{c.build, src.URL, src.SHA256}, "\n")))
	return filepath.Join(c.dir, hex.EncodeToString(key[:16])+".json")
}

// Load returns the stored report of src; a missing or unreadable one is a
// miss.
func (c reportCache) Load(src extract.Source) (*normalize.Report, bool) {
	if c.build == "" {
		return nil, false
	}
	path := c.path(src)
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	var rep normalize.Report
	if json.Unmarshal(data, &rep) != nil {
		return nil, false
	}
	atomicfile.Touch(path) // used: keep it from prune
	return &rep, true
}

// Store keeps the report of src.
func (c reportCache) Store(src extract.Source, rep *normalize.Report) error {
	if c.build == "" {
		return nil
	}
	return atomicfile.Write(c.path(src), func(w io.Writer) error { return output.WriteJSON(w, rep) })
}

// prune removes the reports unused for reportMaxAge and the temporary files
// of killed runs, and returns how many files it removed.
func (c reportCache) prune(now time.Time) int {
	return atomicfile.Prune(c.dir, reportMaxAge, now)
}
