package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output"
)

// reportCache is the crawl's pipeline.Cache: the report of each fetched
// document, in the fetch cache's reports/ folder, keyed by the document's
// URL and digest and by the build of begroot that made it. An unchanged
// site thus gives identical reports without extracting anything, and a new
// build extracts everything again.
type reportCache struct {
	dir string
}

func (c reportCache) path(src extract.Source) string {
	key := sha256.Sum256([]byte(strings.Join([]string{version, buildRevision(), src.URL, src.SHA256}, "\n")))
	return filepath.Join(c.dir, hex.EncodeToString(key[:16])+".json")
}

// Load returns the stored report of src; a missing or unreadable one is a
// miss.
func (c reportCache) Load(src extract.Source) (*normalize.Report, bool) {
	data, err := os.ReadFile(c.path(src))
	if err != nil {
		return nil, false
	}
	var rep normalize.Report
	if json.Unmarshal(data, &rep) != nil {
		return nil, false
	}
	return &rep, true
}

// Store keeps the report of src.
func (c reportCache) Store(src extract.Source, rep *normalize.Report) error {
	return atomicfile.Write(c.path(src), func(w io.Writer) error { return output.WriteJSON(w, rep) })
}

// buildRevision is the VCS revision begroot was built from, so that cached
// reports of one build are not reused by another.
func buildRevision() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	return rev + modified
}
