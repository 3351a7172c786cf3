package ocr

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/begroot/begroot/atomicfile"
)

// CacheMaxAge is how long a cached page lives unused: long enough for a
// monthly run over the same folder to find it again, short enough that
// the pages of documents gone for good do not pile up.
const CacheMaxAge = 60 * 24 * time.Hour

// cacheFormat names what an entry holds and how a page is read beyond
// the key's options, PreprocessVersion and the programs (the word
// cleaning, the TSV parsing, the picture test); change it when they
// change.
const cacheFormat = 1

// Cache keeps what Read got for each page, one file per page in a
// folder, so that a run over documents read before does not pay for
// tesseract again. An entry is keyed by SHA-256 over everything its words
// depend on: the PDF's content, the page number, the options that change
// the reading (DPI, PSM, language, orientation, Force), PreprocessVersion,
// cacheFormat and the programs (their versions and the language models).
// Entries are written atomically, so runs may share the folder; an
// unreadable or corrupt entry is a miss, a failed write is ignored (the
// page was read all the same). Entries are touched when used; Prune
// removes those unused for CacheMaxAge. Only pages read without an
// error are stored.
type Cache struct {
	dir string
}

// NewCache is the cache in dir, created on the first store.
func NewCache(dir string) *Cache {
	return &Cache{dir: dir}
}

// Prune removes the entries unused for CacheMaxAge and the temporary
// files of killed runs, and returns how many files it removed.
func (c *Cache) Prune(now time.Time) int {
	return atomicfile.Prune(c.dir, CacheMaxAge, now)
}

// cacheEntry is the file of one page.
type cacheEntry struct {
	Key           string // the file's name again: a file that is not its own entry is a miss
	Width, Height float64
	Rotated       int
	Words         []Word
	Skipped       int
	Picture       string
}

// key is the entry name of page number of the PDF with content digest
// digest, read with opt by the programs engine identifies.
func (c *Cache) key(digest, engine string, number int, opt Options) string {
	sum := sha256.Sum256(fmt.Appendf(nil, "begroot OCR cache %d\npdf %s\npage %d\ndpi %d psm %d language %s keep-orientation %t force %t preprocess %d\n%s",
		cacheFormat, digest, number, opt.DPI, opt.PSM, opt.Language, opt.KeepOrientation, opt.Mode == Force, PreprocessVersion, engine))
	return hex.EncodeToString(sum[:])
}

func (c *Cache) path(key string) string {
	return filepath.Join(c.dir, key+".json")
}

// load returns the page stored under key; a missing, unreadable or
// corrupt entry is a miss.
func (c *Cache) load(key string, number int) (Page, bool) {
	path := c.path(key)
	data, err := os.ReadFile(path)
	if err != nil {
		return Page{}, false
	}
	var e cacheEntry
	if json.Unmarshal(data, &e) != nil || e.Key != key {
		return Page{}, false
	}
	atomicfile.Touch(path) // used: keep it from Prune
	return Page{Number: number, Width: e.Width, Height: e.Height, Rotated: e.Rotated, Words: e.Words, Skipped: e.Skipped, Picture: e.Picture, Cached: true}, true
}

// store keeps p under key. A failure leaves no file and is not an error
// of the run: the page was read, it is only not kept.
func (c *Cache) store(key string, p Page) {
	e := cacheEntry{Key: key, Width: p.Width, Height: p.Height, Rotated: p.Rotated, Words: p.Words, Skipped: p.Skipped, Picture: p.Picture}
	atomicfile.Write(c.path(key), func(w io.Writer) error { return json.NewEncoder(w).Encode(e) })
}

// tessdataLine is the head of tesseract --list-langs, naming the folder
// of the language models.
var tessdataLine = regexp.MustCompile(`languages in "([^"]+)"`)

// identify identifies the programs for the cache key: the version output
// of tesseract and of poppler's pdftoppm, and the size and time of each
// language model used (language and osd, for the orientation), which a
// package upgrade can replace without a new tesseract version. langs is
// the output of tesseract --list-langs. It is "" when a version cannot
// be read.
func (t tools) identify(ctx context.Context, language string, langs []byte) string {
	ctx, cancel := withLimit(ctx, infoTimeout, "for the program versions")
	defer cancel()
	var b strings.Builder
	for _, prog := range []string{t.tesseract, t.pdftoppm} {
		// Both print their version on stderr or stdout, by version.
		out, err := exec.CommandContext(ctx, prog, "-v").CombinedOutput()
		if err != nil {
			return ""
		}
		b.Write(out)
	}
	if m := tessdataLine.FindSubmatch(langs); m != nil {
		for _, l := range append(strings.Split(language, "+"), "osd") {
			path := filepath.Join(string(m[1]), l+".traineddata")
			if info, err := os.Stat(path); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", path, info.Size(), info.ModTime().UnixNano())
			}
		}
	}
	return b.String()
}
