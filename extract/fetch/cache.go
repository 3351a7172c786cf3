package fetch

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/extract"
)

// ErrLocked is returned by Crawl when another crawl holds the cache's lock.
var ErrLocked = errors.New("cache in use by another crawl")

// ErrTooLarge is the error of a response longer than Crawler.MaxBytes.
var ErrTooLarge = errors.New("response too large")

// cache is the on-disk store described in the package documentation.
type cache struct {
	dir string // absolute
}

// entry is a cached response: the sidecar docs/<key>.json beside its body.
type entry struct {
	URL          string         `json:"url"`               // final URL the body came from
	Body         string         `json:"body,omitempty"`    // file name of the body in docs/
	Skipped      string         `json:"skipped,omitempty"` // why the response was not kept (no body)
	Missing      bool           `json:"missing,omitempty"` // a sitemap the server does not have (4xx)
	Format       extract.Format `json:"format"`
	ETag         string         `json:"etag,omitempty"`
	LastModified string         `json:"last_modified,omitempty"`
	SHA256       string         `json:"sha256"`
	Size         int64          `json:"size"`
	Fetched      time.Time      `json:"fetched"` // last 200 response
	Checked      time.Time      `json:"checked"` // last 200 or 304 response
}

// runRecord is what runs/<key>.json remembers of the last complete crawl of
// a start URL: every document it reached with the digest of its body.
type runRecord struct {
	Start     string            `json:"start"`
	Finished  time.Time         `json:"finished"`
	Documents map[string]string `json:"documents"` // URL → sha256
}

func openCache(dir string) (*cache, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("cache %s: %w", dir, err)
	}
	for _, sub := range []string{"docs", "runs"} {
		if err := os.MkdirAll(filepath.Join(abs, sub), 0o755); err != nil {
			return nil, fmt.Errorf("cache %s: %w", dir, err)
		}
	}
	return &cache{dir: abs}, nil
}

// fileKey names the cache files of a page key or start URL.
func fileKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}

func (c *cache) docPath(name string) string { return filepath.Join(c.dir, "docs", name) }

// entry returns the cached response of a page, or nil.
func (c *cache) entry(key string) *entry {
	var e entry
	if readJSON(c.docPath(fileKey(key)+".json"), &e) != nil || e.Body == "" && e.Skipped == "" && !e.Missing {
		return nil
	}
	return &e
}

// put streams body into the cache as the page key's new body, at most max
// bytes, and records it with the response's validators.
func (c *cache) put(key, final string, format extract.Format, hdr http.Header, body io.Reader, max int64, now time.Time) (*entry, error) {
	base := fileKey(key)
	e := &entry{
		URL:          final,
		Body:         base + "." + extension(format),
		Format:       format,
		ETag:         hdr.Get("ETag"),
		LastModified: hdr.Get("Last-Modified"),
		Fetched:      now,
		Checked:      now,
	}
	old := c.entry(key)
	h := sha256.New()
	var tooLarge error
	err := atomicfile.Write(c.docPath(e.Body), func(w io.Writer) error {
		n, err := io.Copy(io.MultiWriter(w, h), io.LimitReader(body, max+1))
		e.Size = n
		if err == nil && n > max {
			tooLarge = fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
			return tooLarge
		}
		return err
	})
	if tooLarge != nil {
		return nil, tooLarge
	}
	if err != nil {
		return nil, err
	}
	e.SHA256 = hex.EncodeToString(h.Sum(nil))
	if err := c.save(key, e); err != nil {
		return nil, err
	}
	if old != nil && old.Body != e.Body {
		os.Remove(c.docPath(old.Body))
	}
	return e, nil
}

// putSkipped records a response that was not kept, with its validators, so
// the next crawl asks for it conditionally instead of downloading it again.
func (c *cache) putSkipped(key, final, reason string, hdr http.Header, now time.Time) error {
	e := &entry{URL: final, Skipped: reason, ETag: hdr.Get("ETag"), LastModified: hdr.Get("Last-Modified"), Checked: now}
	if e.ETag == "" && e.LastModified == "" {
		return nil
	}
	if old := c.entry(key); old != nil && old.Body != "" {
		os.Remove(c.docPath(old.Body))
	}
	return c.save(key, e)
}

// putMissing records that a file the crawler asked for is not there.
func (c *cache) putMissing(key, u string, now time.Time) error {
	return c.save(key, &entry{URL: u, Missing: true, Checked: now})
}

// touch records a 304 answer: the check time and any new validators.
func (c *cache) touch(key string, e *entry, hdr http.Header, now time.Time) error {
	if v := hdr.Get("ETag"); v != "" {
		e.ETag = v
	}
	if v := hdr.Get("Last-Modified"); v != "" {
		e.LastModified = v
	}
	e.Checked = now
	return c.save(key, e)
}

func (c *cache) save(key string, e *entry) error {
	return writeJSON(c.docPath(fileKey(key)+".json"), e)
}

// verify checks that an entry's body is still on disk as recorded, so a 304
// never hands out a body that a crash or a person changed.
func (c *cache) verify(e *entry) error {
	f, err := os.Open(c.docPath(e.Body))
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return err
	}
	if n != e.Size || hex.EncodeToString(h.Sum(nil)) != e.SHA256 {
		return fmt.Errorf("cached body %s does not match its record", f.Name())
	}
	return nil
}

// source describes a cached body as an extract.Source.
func (c *cache) source(e *entry) extract.Source {
	return extract.Source{Path: c.docPath(e.Body), URL: e.URL, Format: e.Format, SHA256: e.SHA256, Size: e.Size}
}

func (c *cache) runPath(startKey string) string {
	return filepath.Join(c.dir, "runs", fileKey(startKey)+".json")
}

// lastRun returns the documents of the previous crawl of a start URL, or nil.
func (c *cache) lastRun(startKey string) map[string]string {
	var r runRecord
	if readJSON(c.runPath(startKey), &r) != nil {
		return nil
	}
	return r.Documents
}

func (c *cache) saveRun(startKey string, r *runRecord) error {
	return writeJSON(c.runPath(startKey), r)
}

// extension is the file extension of a cached body of format f, without
// the dot: the first of the format's extensions in extract.Formats.
func extension(f extract.Format) string {
	if spec, ok := f.Spec(); ok {
		return strings.TrimPrefix(spec.Extensions[0], ".")
	}
	return string(f)
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

func writeJSON(path string, v any) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	})
}

// clean removes what interrupted and old crawls left in the cache: the
// temporary files of writes a killed crawl never finished (".<name>.tmp…"),
// bodies that no record names, and the entries and run records not
// confirmed since cutoff (none when cutoff is zero). It runs under the
// lock, so no other crawl is writing. Removal is best effort: a file that
// stays is tried again by the next crawl.
func (c *cache) clean(cutoff time.Time) error {
	names, err := os.ReadDir(filepath.Join(c.dir, "docs"))
	if err != nil {
		return fmt.Errorf("cache %s: %w", c.dir, err)
	}
	kept := map[string]bool{} // bodies named by a kept record
	var bodies []string
	for _, d := range names {
		name := d.Name()
		switch {
		case strings.HasPrefix(name, "."):
			os.Remove(c.docPath(name))
		case strings.HasSuffix(name, ".json"):
			var e entry
			if readJSON(c.docPath(name), &e) != nil || !cutoff.IsZero() && e.Checked.Before(cutoff) && e.Fetched.Before(cutoff) {
				os.Remove(c.docPath(name)) // its body goes with the orphans below
				continue
			}
			kept[e.Body] = true
		default:
			bodies = append(bodies, name)
		}
	}
	for _, name := range bodies {
		if !kept[name] {
			os.Remove(c.docPath(name))
		}
	}
	runs, err := os.ReadDir(filepath.Join(c.dir, "runs"))
	if err != nil {
		return fmt.Errorf("cache %s: %w", c.dir, err)
	}
	for _, d := range runs {
		path := filepath.Join(c.dir, "runs", d.Name())
		var r runRecord
		if strings.HasPrefix(d.Name(), ".") || readJSON(path, &r) != nil || !cutoff.IsZero() && r.Finished.Before(cutoff) {
			os.Remove(path)
		}
	}
	return nil
}

// lock takes the cache's lock file, created exclusively with "pid host".
// A lock left by a process of this host that no longer runs is stale and
// taken over; any other lock makes lock fail with ErrLocked.
func (c *cache) lock() (unlock func(), err error) {
	path := filepath.Join(c.dir, "lock")
	host, _ := os.Hostname()
	for range 2 {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			_, err = fmt.Fprintf(f, "%d %s\n", os.Getpid(), host)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				os.Remove(path)
				return nil, fmt.Errorf("lock %s: %w", path, err)
			}
			return func() { os.Remove(path) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue // released meanwhile
		}
		pidText, lockHost, _ := strings.Cut(strings.TrimSpace(string(data)), " ")
		pid, perr := strconv.Atoi(pidText)
		if perr == nil && lockHost == host && !running(pid) {
			os.Remove(path)
			continue
		}
		return nil, fmt.Errorf("lock %s: held by process %s on %s (remove the file if no crawl is running): %w",
			path, pidText, lockHost, ErrLocked)
	}
	return nil, fmt.Errorf("lock %s: %w", path, ErrLocked)
}

// running reports whether a process with the pid exists. When it cannot
// tell, it says yes: a lock is only broken when its owner is surely gone.
func running(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || !errors.Is(err, os.ErrProcessDone) && !errors.Is(err, syscall.ESRCH)
}
