package fetch

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/begroot/begroot/fixtures"
)

// fixtureSite serves a site under fixtures/sites/<name> on loopback the way
// the hosted platforms do: /doc/page is doc/page.html, a folder without its
// slash redirects to it, _redirects lists further redirects, and
// "{{other}}" in a file stands for the URL of a second host. It records
// every request both hosts see.
type fixtureSite struct {
	*httptest.Server
	other *httptest.Server
	root  string
	clock *fakeClock

	mu        sync.Mutex
	requests  []request
	toOther   []string
	inFlight  int
	maxFlight int
	faults    map[string]http.HandlerFunc // path → handler replacing the file
	bodies    map[string]string           // path → content replacing the file
	redirects map[string]redirectRule
	latency   time.Duration // fake time every request takes
}

type request struct {
	Target      string // path and query
	Conditional bool
	Status      int
	UserAgent   string
	At          time.Time // on the fake clock
}

type redirectRule struct {
	to   string
	code int
}

// modTime is the Last-Modified of every fixture file.
var modTime = time.Date(2024, 11, 1, 12, 0, 0, 0, time.UTC)

func newFixtureSite(t testing.TB, name string) *fixtureSite {
	t.Helper()
	s := &fixtureSite{
		root:   fixtures.Path(filepath.Join("sites", name)),
		clock:  newFakeClock(),
		faults: map[string]http.HandlerFunc{},
		bodies: map[string]string{},
	}
	s.other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.toOther = append(s.toOther, r.URL.RequestURI())
		s.mu.Unlock()
		http.NotFound(w, r)
	}))
	t.Cleanup(s.other.Close)
	s.Server = httptest.NewServer(s)
	t.Cleanup(s.Close)
	s.redirects = map[string]redirectRule{}
	for _, row := range s.readTable(t, "_redirects") {
		code, _ := strconv.Atoi(row[2])
		s.redirects[row[0]] = redirectRule{to: s.expand(row[1]), code: code}
	}
	return s
}

// readTable reads a whitespace-separated table of the site, skipping
// comments; a missing file is an empty table.
func (s *fixtureSite) readTable(t testing.TB, name string) [][]string {
	f, err := os.Open(filepath.Join(s.root, name))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fields := strings.Fields(sc.Text()); len(fields) > 0 && !strings.HasPrefix(fields[0], "#") {
			rows = append(rows, fields)
		}
	}
	return rows
}

func (s *fixtureSite) expand(text string) string {
	return strings.ReplaceAll(text, "{{other}}", s.other.URL)
}

func (s *fixtureSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.inFlight++
	s.maxFlight = max(s.maxFlight, s.inFlight)
	fault := s.faults[r.URL.Path]
	latency := s.latency
	s.mu.Unlock()
	s.clock.advance(latency)
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.requests = append(s.requests, request{
			Target:      r.URL.RequestURI(),
			Conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "",
			Status:      rec.status,
			UserAgent:   r.UserAgent(),
			At:          s.clock.Now(),
		})
		s.mu.Unlock()
	}()
	if fault != nil {
		fault(rec, r)
		return
	}
	s.serveFile(rec, r)
}

func (s *fixtureSite) serveFile(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if rule, ok := s.redirects[p]; ok {
		http.Redirect(w, r, rule.to, rule.code)
		return
	}
	s.mu.Lock()
	override, overridden := s.bodies[p]
	s.mu.Unlock()
	name := path.Base(p)
	var data []byte
	switch {
	case overridden:
		data = []byte(override)
		if path.Ext(name) == "" {
			name += ".html"
		}
	default:
		full := filepath.Join(s.root, filepath.FromSlash(path.Clean(p)))
		st, err := os.Stat(full)
		switch {
		case err == nil && st.IsDir() && !strings.HasSuffix(p, "/"):
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		case err == nil && st.IsDir():
			full = filepath.Join(full, "index.html")
		case err != nil && strings.HasSuffix(p, "/") && exists(strings.TrimSuffix(full, "/")+".html"):
			http.Redirect(w, r, strings.TrimSuffix(p, "/"), http.StatusMovedPermanently)
			return
		case err != nil:
			full += ".html"
		}
		data, err = os.ReadFile(full)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		name = filepath.Base(full)
	}
	data = []byte(s.expand(string(data)))
	sum := sha256.Sum256(data)
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sum[:8]))
	http.ServeContent(w, r, name, modTime, bytes.NewReader(data))
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// setBody replaces the content served at a path ("" restores the file).
func (s *fixtureSite) setBody(p, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if body == "" {
		delete(s.bodies, p)
		return
	}
	s.bodies[p] = body
}

// setFault makes h answer requests for a path.
func (s *fixtureSite) setFault(p string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults[p] = h
}

// took returns the requests seen so far and forgets them.
func (s *fixtureSite) took() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.requests
	s.requests = nil
	return r
}

// count returns how many requests for target (path and query) were seen.
func count(reqs []request, target string) int {
	n := 0
	for _, r := range reqs {
		if r.Target == target {
			n++
		}
	}
	return n
}

// crawler returns a Crawler for the site with the server's client, a fresh
// cache and the fake clock.
func (s *fixtureSite) crawler(t testing.TB) *Crawler {
	return &Crawler{Client: s.Client(), Cache: t.TempDir(), Clock: s.clock}
}

// crawl crawls the site from a start path and fails the test on a crawl
// error.
func (s *fixtureSite) crawl(t testing.TB, c *Crawler, start string) (Site, *events) {
	t.Helper()
	ev := &events{}
	ev.watch(c)
	sites, err := c.Crawl(context.Background(), s.URL+start)
	if err != nil {
		t.Fatalf("Crawl(%s): %v", start, err)
	}
	return sites[0], ev
}

// local turns the URLs of the fixture host into paths, for comparison.
func (s *fixtureSite) local(urls []string) []string {
	out := make([]string, len(urls))
	for i, u := range urls {
		out[i] = strings.TrimPrefix(u, s.URL)
	}
	slices.Sort(out)
	return out
}

func (s *fixtureSite) docPaths(site Site) []string {
	var urls []string
	for _, d := range site.Docs {
		urls = append(urls, d.Source.URL)
	}
	return s.local(urls)
}

// events records what the callbacks reported.
type events struct {
	mu      sync.Mutex
	skipped map[string]string // URL → reason
	errors  map[string]error
	fetched int
}

func (e *events) watch(c *Crawler) {
	e.skipped, e.errors = map[string]string{}, map[string]error{}
	c.OnFetched = func(Result) { e.mu.Lock(); e.fetched++; e.mu.Unlock() }
	c.OnSkipped = func(u, reason string) { e.mu.Lock(); e.skipped[u] = reason; e.mu.Unlock() }
	c.OnError = func(u string, err error) { e.mu.Lock(); e.errors[u] = err; e.mu.Unlock() }
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// fakeClock advances only when the crawler sleeps, and remembers each sleep.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2025, 1, 1, 3, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.sleeps = append(c.sleeps, d)
	return nil
}

// advance moves the clock on without a sleep, as a slow server would.
func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func (c *fakeClock) slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.sleeps)
}
