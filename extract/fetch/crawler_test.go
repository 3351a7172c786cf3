package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// siteDocs are the documents of the begrotingsapp fixture crawled from
// /begroting-2024: the pages under the report's path, the PDFs it links to
// on its host, and nothing robots.txt keeps begroot from.
var siteDocs = []string{
	"/begroting-2024/",
	"/begroting-2024/concept/", // disallowed for * only
	"/begroting-2024/downloads/begroting-2024.pdf",
	"/begroting-2024/inleiding",
	"/begroting-2024/intern/openbaar", // Allow beats the shorter Disallow
	"/begroting-2024/overzicht-baten-en-lasten",
	"/begroting-2024/paragrafen/",
	"/begroting-2024/paragrafen/weerstandsvermogen",
	"/begroting-2024/programma-1",
	"/begroting-2024/programma-2",
	"/begroting-2024/zoeken",
	"/files/bijlage-1.pdf", // a PDF outside the path, on the same host
}

func TestCrawlFixtureSite(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	c := s.crawler(t)
	site, ev := s.crawl(t, c, "/begroting-2024")
	reqs := s.took()

	if got := s.docPaths(site); !slices.Equal(got, siteDocs) {
		t.Errorf("documents:\ngot  %q\nwant %q", got, siteDocs)
	}
	for _, e := range site.Errors {
		t.Errorf("page error: %v", e)
	}
	if ev.fetched != len(siteDocs) {
		t.Errorf("OnFetched called %d times, want %d", ev.fetched, len(siteDocs))
	}
	for _, d := range site.Docs {
		src := d.Source
		wantFormat := extract.FormatHTML
		if strings.HasSuffix(src.URL, ".pdf") {
			wantFormat = extract.FormatPDF
		}
		data, err := os.ReadFile(src.Path)
		if err != nil {
			t.Errorf("%s: cached body: %v", src.URL, err)
			continue
		}
		sum := sha256.Sum256(data)
		if src.Format != wantFormat || src.SHA256 != hex.EncodeToString(sum[:]) || src.Size != int64(len(data)) || d.Unchanged {
			t.Errorf("%s: got %+v, unchanged %v; want format %s, sha256 %x, size %d",
				src.URL, src, d.Unchanged, wantFormat, sum, len(data))
		}
	}

	// Skipped links and responses, each reported once with its reason.
	other := strings.TrimPrefix(s.other.URL, "http://")
	wantSkipped := map[string]string{
		"mailto:financien@voorbeeld.nl":                          "scheme mailto",
		"tel:+31140000":                                          "scheme tel",
		"javascript:window.print()":                              "scheme javascript",
		"http://USER:xxxxx@127.0.0.1/begroting-2024/programma-2": "credentials in URL",
		s.other.URL + "/contact":                                 "other host " + other,
		s.URL + "/jaarstukken-2023/":                             "outside /begroting-2024/",
		s.URL + "/begroting-2024/intern/geheim":                  "disallowed by robots.txt",
		s.URL + "/begroting-2024/bijlagen/tabellen.xlsx":         "disallowed by robots.txt",
		s.URL + "/begroting-2024/grafiek.png":                    "content type image/png",
		s.URL + "/begroting-2024/raadsinformatie":                "redirect to " + s.other.URL + "/raad: other host " + other,
		// another report, listed in the host's sitemap
		s.URL + "/voorjaarsnota-2025/":                            "outside /begroting-2024/",
		s.URL + "/voorjaarsnota-2025/programma/wonen.html":        "outside /begroting-2024/",
		s.URL + "/voorjaarsnota-2025/bijlagen/investeringen.html": "outside /begroting-2024/",
	}
	for u, want := range wantSkipped {
		if got, ok := ev.skipped[u]; !ok || got != want {
			t.Errorf("skipped %s: got %q, want %q", u, got, want)
		}
	}
	if len(ev.skipped) != len(wantSkipped) {
		t.Errorf("skipped %d URLs, want %d: %q", len(ev.skipped), len(wantSkipped), ev.skipped)
	}

	// What the server saw: no request twice, none it should not get.
	seen := map[string]int{}
	for _, r := range reqs {
		seen[r.Target]++
		if !strings.HasPrefix(r.UserAgent, "begroot/") {
			t.Errorf("%s requested with User-Agent %q", r.Target, r.UserAgent)
		}
	}
	for target, n := range seen {
		if n > 1 {
			t.Errorf("%s requested %d times", target, n)
		}
	}
	for _, never := range []string{"/begroting-2024/intern/geheim", "/begroting-2024/bijlagen/tabellen.xlsx", "/jaarstukken-2023/"} {
		if seen[never] > 0 {
			t.Errorf("%s was requested", never)
		}
	}
	if len(s.toOther) > 0 {
		t.Errorf("the other host got requests: %q", s.toOther)
	}
	if seen["/robots.txt"] != 1 {
		t.Errorf("robots.txt requested %d times, want 1", seen["/robots.txt"])
	}
	if got := s.local(site.Changes.New); !slices.Equal(got, siteDocs) {
		t.Errorf("Changes.New:\ngot  %q\nwant %q", got, siteDocs)
	}
}

// TestCrawlPoliteness checks that one host gets one request at a time,
// spaced by the larger of Delay and the Crawl-delay, even when two start
// URLs share the host.
func TestCrawlPoliteness(t *testing.T) {
	for _, tc := range []struct {
		name  string
		delay time.Duration
		want  time.Duration
	}{
		{"crawl-delay wins", 0, 2 * time.Second}, // default 1s < Crawl-delay 2
		{"delay wins", 3 * time.Second, 3 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newFixtureSite(t, "begrotingsapp")
			c := s.crawler(t)
			c.Delay = tc.delay
			sites, err := c.Crawl(context.Background(), s.URL+"/begroting-2024/", s.URL+"/jaarstukken-2023/")
			if err != nil {
				t.Fatal(err)
			}
			if len(sites[0].Docs) != len(siteDocs) || len(sites[1].Docs) != 1 {
				t.Errorf("got %d and %d documents, want %d and 1", len(sites[0].Docs), len(sites[1].Docs), len(siteDocs))
			}
			reqs := s.took()
			if s.maxFlight != 1 {
				t.Errorf("%d requests at once, want 1", s.maxFlight)
			}
			// The request for robots.txt comes first, at the plain Delay.
			for i := 2; i < len(reqs); i++ {
				if gap := reqs[i].At.Sub(reqs[i-1].At); gap < tc.want {
					t.Errorf("%s came %s after %s, want at least %s", reqs[i].Target, gap, reqs[i-1].Target, tc.want)
				}
			}
		})
	}
}

// TestCrawlRetries injects failures into one leaf page: the failures that
// can pass are retried, the others are reported while the rest completes.
func TestCrawlRetries(t *testing.T) {
	const page = "/begroting-2024/paragrafen/weerstandsvermogen"
	// failFirst answers the first n requests with fail and the rest with the
	// file. The count is atomic: a retry after a timeout arrives on a new
	// connection, served by another goroutine.
	failFirst := func(s *fixtureSite, n int, fail http.HandlerFunc) http.HandlerFunc {
		var calls atomic.Int32
		return func(w http.ResponseWriter, r *http.Request) {
			if calls.Add(1) <= int32(n) {
				fail(w, r)
				return
			}
			s.serveFile(w, r)
		}
	}
	status := func(code int, retryAfter string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if retryAfter != "" {
				w.Header().Set("Retry-After", retryAfter)
			}
			http.Error(w, http.StatusText(code), code)
		}
	}
	hang := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}
	stallBody := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!DOCTYPE html><html><body><p>half a page"))
		w.(http.Flusher).Flush()
		hang(w, r)
	}
	for _, tc := range []struct {
		name      string
		fault     func(*fixtureSite) http.HandlerFunc
		requests  int    // for the page
		err       string // reported for the page; "" when it was fetched
		minSleeps []time.Duration
	}{
		{name: "500 once", fault: func(s *fixtureSite) http.HandlerFunc { return failFirst(s, 1, status(500, "")) }, requests: 2},
		{name: "500 always", fault: func(s *fixtureSite) http.HandlerFunc { return status(500, "") }, requests: 3,
			err: "500 Internal Server Error (after 3 attempts)", minSleeps: []time.Duration{10 * time.Second, 20 * time.Second}},
		{name: "503 with Retry-After", fault: func(s *fixtureSite) http.HandlerFunc { return failFirst(s, 2, status(503, "30")) }, requests: 3,
			minSleeps: []time.Duration{30 * time.Second, 30 * time.Second}},
		{name: "429 with Retry-After", fault: func(s *fixtureSite) http.HandlerFunc { return failFirst(s, 1, status(429, "17")) }, requests: 2,
			minSleeps: []time.Duration{17 * time.Second}},
		{name: "429 with a Retry-After date", fault: func(s *fixtureSite) http.HandlerFunc {
			return failFirst(s, 1, func(w http.ResponseWriter, r *http.Request) {
				status(429, s.clock.Now().Add(45*time.Second).Format(http.TimeFormat))(w, r)
			})
		}, requests: 2, minSleeps: []time.Duration{45 * time.Second}},
		{name: "Retry-After too long", fault: func(s *fixtureSite) http.HandlerFunc { return status(503, "86400") }, requests: 1,
			err: "503 Service Unavailable, retry after 24h0m0s is too long"},
		{name: "slow once", fault: func(s *fixtureSite) http.HandlerFunc { return failFirst(s, 1, hang) }, requests: 2},
		{name: "slow always", fault: func(s *fixtureSite) http.HandlerFunc { return hang }, requests: 3,
			err: "no data for 250ms (after 3 attempts)"},
		{name: "stalled body once", fault: func(s *fixtureSite) http.HandlerFunc { return failFirst(s, 1, stallBody) }, requests: 2},
		{name: "403", fault: func(s *fixtureSite) http.HandlerFunc { return status(403, "") }, requests: 1, err: "403 Forbidden"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newFixtureSite(t, "begrotingsapp")
			s.setFault(page, tc.fault(s))
			c := s.crawler(t)
			c.Retries, c.Backoff, c.Timeout = 2, 10*time.Second, 250*time.Millisecond
			site, ev := s.crawl(t, c, "/begroting-2024/")
			if n := count(s.took(), page); n != tc.requests {
				t.Errorf("%s requested %d times, want %d", page, n, tc.requests)
			}
			want := siteDocs
			if tc.err != "" {
				want = slices.DeleteFunc(slices.Clone(siteDocs), func(p string) bool { return p == page })
				wantErr := "fetch " + s.URL + page + ": " + tc.err
				if len(site.Errors) != 1 || site.Errors[0].Error() != wantErr {
					t.Errorf("errors: got %v, want [%s]", site.Errors, wantErr)
				}
				if ev.errors[s.URL+page] == nil {
					t.Errorf("OnError not called for %s", page)
				}
			} else if len(site.Errors) > 0 {
				t.Errorf("errors: %v", site.Errors)
			}
			if got := s.docPaths(site); !slices.Equal(got, want) {
				t.Errorf("documents:\ngot  %q\nwant %q", got, want)
			}
			sleeps := s.clock.slept()
			for _, d := range tc.minSleeps {
				i := slices.IndexFunc(sleeps, func(s time.Duration) bool { return s >= d })
				if i < 0 {
					t.Errorf("no wait of %s among %v", d, sleeps)
					continue
				}
				sleeps = slices.Delete(sleeps, i, i+1)
			}
		})
	}
}

// TestCrawlIncremental crawls the fixture three times with one cache: the
// second run only asks whether pages changed; the third finds a changed, a
// new and a removed page.
func TestCrawlIncremental(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	c := s.crawler(t)
	first, _ := s.crawl(t, c, "/begroting-2024")
	s.took()

	second, _ := s.crawl(t, c, "/begroting-2024")
	for _, r := range s.took() {
		if (r.Status == http.StatusOK || r.Status == http.StatusNotModified) && !r.Conditional {
			t.Errorf("second run: %s requested unconditionally", r.Target)
		}
		if r.Status == http.StatusOK {
			t.Errorf("second run: %s sent in full", r.Target)
		}
	}
	if len(second.Docs) != len(first.Docs) {
		t.Fatalf("second run: %d documents, want %d", len(second.Docs), len(first.Docs))
	}
	for i, d := range second.Docs {
		if !d.Unchanged || d.Source != first.Docs[i].Source {
			t.Errorf("second run: got %+v (unchanged %v), want %+v unchanged", d.Source, d.Unchanged, first.Docs[i].Source)
		}
	}
	wantSecond := Changes{New: []string{}, Changed: []string{}, Unchanged: siteDocs, Removed: []string{}}
	if got := s.localChanges(second.Changes); !equalChanges(got, wantSecond) {
		t.Errorf("second run changes:\ngot  %+v\nwant %+v", got, wantSecond)
	}

	// Change a page, link a new one and keep robots from another.
	programma2, _ := os.ReadFile(filepath.Join(s.root, "begroting-2024", "programma-2.html"))
	s.setBody("/begroting-2024/programma-2", strings.Replace(string(programma2), "26.300", "26.350", 1))
	s.setBody("/begroting-2024/nieuw", "<!DOCTYPE html><title>Nieuw</title><p>Een nieuwe pagina.</p>")
	inleiding, _ := os.ReadFile(filepath.Join(s.root, "begroting-2024", "inleiding.html"))
	s.setBody("/begroting-2024/inleiding", strings.Replace(string(inleiding), "</main>", `<a href="nieuw">Nieuw</a></main>`, 1))
	robots, _ := os.ReadFile(filepath.Join(s.root, "robots.txt"))
	s.setBody("/robots.txt", strings.Replace(string(robots), "Crawl-delay: 2", "Disallow: /begroting-2024/zoeken\nCrawl-delay: 2", 1))

	third, _ := s.crawl(t, c, "/begroting-2024")
	changed := []string{"/begroting-2024/inleiding", "/begroting-2024/programma-2"}
	removed := []string{"/begroting-2024/zoeken"}
	var unchanged []string
	for _, p := range siteDocs {
		if !slices.Contains(changed, p) && !slices.Contains(removed, p) {
			unchanged = append(unchanged, p)
		}
	}
	wantThird := Changes{New: []string{"/begroting-2024/nieuw"}, Changed: changed, Unchanged: unchanged, Removed: removed}
	if got := s.localChanges(third.Changes); !equalChanges(got, wantThird) {
		t.Errorf("third run changes:\ngot  %+v\nwant %+v", got, wantThird)
	}
	for _, d := range third.Docs {
		p := strings.TrimPrefix(d.Source.URL, s.URL)
		if d.Unchanged != slices.Contains(unchanged, p) {
			t.Errorf("third run: %s unchanged %v", p, d.Unchanged)
		}
	}
}

func (s *fixtureSite) localChanges(c Changes) Changes {
	return Changes{New: s.local(c.New), Changed: s.local(c.Changed), Unchanged: s.local(c.Unchanged), Removed: s.local(c.Removed)}
}

func equalChanges(a, b Changes) bool {
	return slices.Equal(a.New, b.New) && slices.Equal(a.Changed, b.Changed) &&
		slices.Equal(a.Unchanged, b.Unchanged) && slices.Equal(a.Removed, b.Removed)
}

func TestCrawlDamagedCache(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	c := s.crawler(t)
	first, _ := s.crawl(t, c, "/begroting-2024/")
	if err := os.WriteFile(first.Docs[0].Source.Path, []byte("damaged"), 0o644); err != nil {
		t.Fatal(err)
	}
	s.took()
	second, _ := s.crawl(t, c, "/begroting-2024/")
	if got, want := second.Docs[0].Source, first.Docs[0].Source; got != want {
		t.Errorf("after damage: got %+v, want %+v", got, want)
	}
	if n := count(s.took(), "/begroting-2024/"); n != 2 {
		t.Errorf("damaged page requested %d times, want 2 (conditional, then in full)", n)
	}
}

func TestCrawlLock(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	entered, release := make(chan struct{}), make(chan struct{})
	s.setFault("/begroting-2024/", func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		<-release
		s.serveFile(w, r)
	})
	cache := t.TempDir()
	first := &Crawler{Client: s.Client(), Cache: cache, Clock: s.clock}
	done := make(chan error)
	go func() {
		_, err := first.Crawl(context.Background(), s.URL+"/begroting-2024/")
		done <- err
	}()
	<-entered
	second := &Crawler{Client: s.Client(), Cache: cache, Clock: s.clock}
	_, err := second.Crawl(context.Background(), s.URL+"/begroting-2024/")
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), fmt.Sprintf("held by process %d", os.Getpid())) {
		t.Errorf("overlapping crawl: got %v, want ErrLocked naming pid %d", err, os.Getpid())
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatalf("first crawl: %v", err)
	}
	if _, err := os.Stat(filepath.Join(cache, "lock")); !os.IsNotExist(err) {
		t.Errorf("lock left behind: %v", err)
	}

	// A lock whose process is gone is stale; one from another host is not.
	dead := exec.Command(os.Args[0], "-test.run=^$")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	hostname, _ := os.Hostname()
	for _, tc := range []struct {
		name, lock string
		locked     bool
	}{
		{"stale", fmt.Sprintf("%d %s\n", dead.Process.Pid, hostname), false},
		{"other host", fmt.Sprintf("%d elsewhere.example\n", dead.Process.Pid), true},
		{"unreadable", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "lock"), []byte(tc.lock), 0o644)
			c := &Crawler{Client: s.Client(), Cache: dir, Clock: s.clock}
			s.setFault("/begroting-2024/", nil)
			_, err := c.Crawl(context.Background(), s.URL+"/begroting-2024/inleiding")
			if errors.Is(err, ErrLocked) != tc.locked {
				t.Errorf("got %v, want locked %v", err, tc.locked)
			}
		})
	}
}

func TestCrawlLimits(t *testing.T) {
	t.Run("max pages", func(t *testing.T) {
		s := newFixtureSite(t, "begrotingsapp")
		c := s.crawler(t)
		c.MaxPages = 3
		site, ev := s.crawl(t, c, "/begroting-2024/")
		if len(site.Docs) != 3 {
			t.Errorf("got %d documents, want 3", len(site.Docs))
		}
		limited := 0
		for _, reason := range ev.skipped {
			if reason == "page limit 3 reached" {
				limited++
			}
		}
		if limited == 0 {
			t.Errorf("no URL skipped for the page limit: %q", ev.skipped)
		}
		if tr := site.Truncated; tr == nil || tr.Reason != "page limit 3 reached" || tr.Left != limited {
			t.Errorf("truncated: got %+v, want the page limit with %d URLs left", tr, limited)
		}
		// A crawl cut short does not claim the pages it did not reach are removed.
		c.MaxPages = 1
		site, _ = s.crawl(t, c, "/begroting-2024/")
		if len(site.Changes.Removed) > 0 {
			t.Errorf("removed after a cut crawl: %q", site.Changes.Removed)
		}
	})
	t.Run("max bytes", func(t *testing.T) {
		s := newFixtureSite(t, "begrotingsapp")
		big := "%PDF-1.4\n" + strings.Repeat("0123456789abcdef", 256) // 4 KiB
		// With a Content-Length the response is refused before its body is read.
		s.setBody("/files/bijlage-1.pdf", big)
		// Without one the download stops once the limit is passed.
		s.setFault("/begroting-2024/downloads/begroting-2024.pdf", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/pdf")
			for i := 0; i < len(big); i += 512 {
				w.Write([]byte(big[i:min(i+512, len(big))]))
				w.(http.Flusher).Flush()
			}
		})
		c := s.crawler(t)
		c.MaxBytes = 3000 // above every HTML page
		site, _ := s.crawl(t, c, "/begroting-2024/")
		want := map[string]string{
			s.URL + "/files/bijlage-1.pdf":                         "response too large: 4105 bytes, more than 3000",
			s.URL + "/begroting-2024/downloads/begroting-2024.pdf": "response too large: more than 3000 bytes",
		}
		for _, e := range site.Errors {
			if !errors.Is(e, ErrTooLarge) || e.Err.Error() != want[e.URL] {
				t.Errorf("error for %s: got %v, want %s", e.URL, e.Err, want[e.URL])
			}
			delete(want, e.URL)
		}
		for u := range want {
			t.Errorf("no error for %s", u)
		}
		if len(site.Docs) != len(siteDocs)-2 {
			t.Errorf("got %d documents, want %d", len(site.Docs), len(siteDocs)-2)
		}
		left, _ := filepath.Glob(filepath.Join(c.Cache, "docs", "*.pdf*"))
		if len(left) > 0 {
			t.Errorf("files left of refused downloads: %q", left)
		}
	})
}

func TestCrawlRobotsUnavailable(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		docs   int
	}{
		{"missing allows all", http.StatusNotFound, 1},
		{"server error disallows all", http.StatusInternalServerError, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newFixtureSite(t, "begrotingsapp")
			s.setFault("/robots.txt", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(tc.status) })
			c := s.crawler(t)
			c.Retries = -1
			sites, err := c.Crawl(context.Background(), s.URL+"/jaarstukken-2023/")
			if err != nil {
				t.Fatal(err)
			}
			if got := len(sites[0].Docs); got != tc.docs {
				t.Errorf("got %d documents, want %d (errors %v)", got, tc.docs, sites[0].Errors)
			}
			if tc.docs == 0 && count(s.took(), "/jaarstukken-2023/") > 0 {
				t.Errorf("page requested although robots.txt failed")
			}
		})
	}
}

func TestCrawlStartRedirect(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	s.redirects["/begroting"] = redirectRule{to: "/begroting-2024/", code: http.StatusFound}
	site, _ := s.crawl(t, s.crawler(t), "/begroting")
	if got := s.docPaths(site); !slices.Equal(got, siteDocs) {
		t.Errorf("documents:\ngot  %q\nwant %q", got, siteDocs)
	}
}

func TestCrawlCancel(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	ctx, cancel := context.WithCancel(context.Background())
	c := s.crawler(t)
	c.OnFetched = func(Result) { cancel() }
	sites, err := c.Crawl(ctx, s.URL+"/begroting-2024/")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
	if len(sites) != 1 || len(sites[0].Docs) != 1 || len(sites[0].Errors) != 0 {
		t.Errorf("got %+v, want the one document fetched before the cancel", sites)
	}
}

// TestCrawlSeedSite crawls the site whose content pages are the seed
// renderings in fixtures/html (linked into it), and checks that each
// arrives byte for byte.
func TestCrawlSeedSite(t *testing.T) {
	s := newFixtureSite(t, "seeds")
	site, _ := s.crawl(t, s.crawler(t), "/verslagen/")
	stems, _ := filepath.Glob(fixtures.Path("html/*.html"))
	if len(stems) == 0 {
		t.Skip("no seed renderings in fixtures/html")
	}
	want := []string{"/downloads/jaarstukken-2017.pdf", "/verslagen/"} // a seed page links to the PDF
	sums := map[string]string{}
	for _, file := range stems {
		stem := strings.TrimSuffix(filepath.Base(file), ".html")
		want = append(want, "/verslagen/"+stem+".html")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		sums[s.URL+"/verslagen/"+stem+".html"] = hex.EncodeToString(sum[:])
	}
	if got := s.docPaths(site); !slices.Equal(got, want) {
		t.Fatalf("documents:\ngot  %q\nwant %q", got, want)
	}
	for _, d := range site.Docs {
		if want, ok := sums[d.Source.URL]; ok && (d.Source.SHA256 != want || d.Source.Format != extract.FormatHTML) {
			t.Errorf("%s: got %+v, want the bytes of its fixture", d.Source.URL, d.Source)
		}
	}
	if len(site.Errors) > 0 {
		t.Errorf("errors: %v", site.Errors)
	}
}

func TestCrawlBadStart(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	for _, tc := range []struct{ start, err string }{
		{"mailto:financien@voorbeeld.nl", "fetch mailto:financien@voorbeeld.nl: start URL: scheme mailto"},
		{"https://user:secret@x.nl/doc", "fetch https://user:xxxxx@x.nl/doc: start URL: credentials in URL"},
		{"/begroting-2024/", "fetch /begroting-2024/: start URL: not an absolute URL"},
		{s.URL + "/begroting-2024/intern/geheim", "fetch " + s.URL + "/begroting-2024/intern/geheim: start URL disallowed by robots.txt"},
		{s.URL + "/begroting-2024/grafiek.png", "fetch " + s.URL + "/begroting-2024/grafiek.png: no document: the start page was skipped"},
		{s.URL + "/robots.txt", "fetch " + s.URL + "/robots.txt: start URL: robots.txt is not a document"},
	} {
		t.Run(tc.start, func(t *testing.T) {
			sites, err := s.crawler(t).Crawl(context.Background(), tc.start)
			if err != nil {
				t.Fatal(err)
			}
			if errs := sites[0].Errors; len(errs) != 1 || errs[0].Error() != tc.err || len(sites[0].Docs) > 0 {
				t.Errorf("Crawl(%s): got %v, want [%s]", tc.start, errs, tc.err)
			}
		})
	}
}

// TestCrawlStaticServer crawls the seeds site from the root of a plain
// static file server: the root and /downloads/ are directory listings, the
// root's listing links robots.txt, and every file carries a Last-Modified.
// The listings are followed but are no documents, robots.txt is no page,
// and a second crawl is answered by 304s alone: the sitemap.xml the site
// does not have is not asked for again.
func TestCrawlStaticServer(t *testing.T) {
	var (
		mu   sync.Mutex
		reqs []request
	)
	files := http.FileServer(http.Dir(fixtures.Path("sites/seeds")))
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		files.ServeHTTP(rec, r)
		mu.Lock()
		defer mu.Unlock()
		reqs = append(reqs, request{
			Target:      r.URL.RequestURI(),
			Conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "",
			Status:      rec.status,
		})
	}))
	defer ts.Close()
	stems, _ := filepath.Glob(fixtures.Path("sites/seeds/verslagen/0*.html"))
	if len(stems) != 5 {
		t.Fatalf("got %d seed pages in sites/seeds/verslagen, want 5", len(stems))
	}
	want := []string{"/downloads/jaarstukken-2017.pdf", "/verslagen/"}
	for _, file := range stems {
		want = append(want, "/verslagen/"+filepath.Base(file))
	}
	c := &Crawler{Client: ts.Client(), Cache: t.TempDir(), Delay: -1}
	for run := 1; run <= 2; run++ {
		ev := &events{}
		ev.watch(c)
		sites, err := c.Crawl(context.Background(), ts.URL+"/")
		if err != nil {
			t.Fatal(err)
		}
		site := sites[0]
		var got []string
		for _, d := range site.Docs {
			got = append(got, strings.TrimPrefix(d.Source.URL, ts.URL))
			if f := d.Source.Format; f != extract.FormatHTML && f != extract.FormatPDF {
				t.Errorf("run %d: %s has format %q", run, d.Source.URL, f)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("run %d: documents:\ngot  %q\nwant %q", run, got, want)
		}
		if len(site.Errors) > 0 || len(ev.errors) > 0 {
			t.Errorf("run %d: errors %v %v", run, site.Errors, ev.errors)
		}
		if r := ev.skipped[ts.URL+"/robots.txt"]; r != notADocument {
			t.Errorf("run %d: robots.txt skipped for %q, want %q", run, r, notADocument)
		}
		for _, p := range []string{"/", "/downloads/"} {
			if r := ev.skipped[ts.URL+p]; !strings.HasPrefix(r, "directory listing") {
				t.Errorf("run %d: listing %s skipped for %q, want a directory listing", run, p, r)
			}
		}
		mu.Lock()
		took := reqs
		reqs = nil
		mu.Unlock()
		if count(took, "/robots.txt") != 1 {
			t.Errorf("run %d: robots.txt requested %d times, want once", run, count(took, "/robots.txt"))
		}
		if run == 1 {
			if n := len(site.Changes.New); n != len(want) {
				t.Errorf("run 1: %d new documents, want %d", n, len(want))
			}
			continue
		}
		for _, r := range took {
			if !r.Conditional || r.Status != http.StatusNotModified {
				t.Errorf("run 2: %s conditional %v status %d, want a conditional request answered 304", r.Target, r.Conditional, r.Status)
			}
		}
		if ch := site.Changes; len(ch.Unchanged) != len(want) || len(ch.New)+len(ch.Changed)+len(ch.Removed) > 0 {
			t.Errorf("run 2: changes %+v, want %d unchanged", ch, len(want))
		}
	}
}

func TestIsListing(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, page string
		want       bool
	}{
		{"python", "<!DOCTYPE HTML>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Directory listing for /verslagen/</title>\n</head>", true},
		{"apache", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\">\n<html>\n <head>\n  <title>Index of /begroting</title>\n </head>", true},
		{"nginx", "<html>\r\n<head><title>Index of /downloads/</title></head>\r\n<body>\r\n<h1>Index of /downloads/</h1><hr><pre>", true},
		{"go", "<!doctype html>\n<meta name=\"viewport\" content=\"width=device-width\">\n<pre>\n<a href=\"a.pdf\">a.pdf</a>\n</pre>\n", true},
		{"report page", "<!DOCTYPE html><html><head><title>Index of begrotingsposten - Gemeente X</title></head>", false},
		{"register", "<html><head><title>Directory listing for the council</title></head>", false},
		{"no title", "<!DOCTYPE html><html><body><pre>Index of /</pre></body></html>", false},
	} {
		file := filepath.Join(dir, tc.name+".html")
		if err := os.WriteFile(file, []byte(tc.page), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := isListing(file); got != tc.want {
			t.Errorf("%s: isListing = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestCrawlShell serves one page as an app shell: scripts and an empty
// root element. It is still a document, flagged Shell; the others are not.
func TestCrawlShell(t *testing.T) {
	const shell = "/begroting-2024/programma-1"
	s := newFixtureSite(t, "begrotingsapp")
	s.setBody(shell, `<!DOCTYPE html><html><head><title>Programma 1</title><script type="module" src="/assets/app.js"></script></head>`+
		`<body><div id="root"></div><noscript>Deze website heeft JavaScript nodig.</noscript></body></html>`)
	var reported []string
	c := s.crawler(t)
	site, _ := s.crawl(t, c, "/begroting-2024/")
	c.OnFetched = func(r Result) {
		if r.Shell {
			reported = append(reported, r.Source.URL)
		}
	}
	second, err := c.Crawl(t.Context(), s.URL+"/begroting-2024/") // from the cache, flagged too
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range []Site{site, second[0]} {
		var shells []string
		for _, d := range st.Docs {
			if d.Shell {
				shells = append(shells, strings.TrimPrefix(d.Source.URL, s.URL))
			}
		}
		if !slices.Equal(shells, []string{shell}) {
			t.Errorf("shells: got %q, want [%s]", shells, shell)
		}
	}
	if !slices.Equal(reported, []string{s.URL + shell}) {
		t.Errorf("OnFetched shells: got %q", reported)
	}
}

// TestCrawlDeadLinks checks that a link to a page that is not there is a
// warning, not a failure: listed in Changes.Dead and reported through
// OnDead. A dead start page is still an error: the report itself is gone.
func TestCrawlDeadLinks(t *testing.T) {
	const page = "/begroting-2024/paragrafen/weerstandsvermogen"
	for _, tc := range []struct {
		name   string
		code   int
		status string
	}{
		{"not found", http.StatusNotFound, "404 Not Found"},
		{"gone", http.StatusGone, "410 Gone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newFixtureSite(t, "begrotingsapp")
			c := s.crawler(t)
			s.crawl(t, c, "/begroting-2024/") // the page is there the first night
			s.setFault(page, func(w http.ResponseWriter, r *http.Request) { http.Error(w, tc.status, tc.code) })
			dead := map[string]string{}
			ev := &events{}
			ev.watch(c)
			c.OnDead = func(u, status string) { dead[u] = status }
			sites, err := c.Crawl(t.Context(), s.URL+"/begroting-2024/")
			if err != nil {
				t.Fatal(err)
			}
			site := sites[0]
			if len(site.Errors) > 0 || len(ev.errors) > 0 {
				t.Errorf("errors: %v %v, want none", site.Errors, ev.errors)
			}
			if got := s.local(site.Changes.Dead); !slices.Equal(got, []string{page}) {
				t.Errorf("Changes.Dead: got %q, want [%s]", got, page)
			}
			if got := s.local(site.Changes.Removed); !slices.Equal(got, []string{page}) {
				t.Errorf("Changes.Removed: got %q, want [%s]", got, page)
			}
			if len(dead) != 1 || dead[s.URL+page] != tc.status {
				t.Errorf("OnDead: got %q, want %s: %s", dead, page, tc.status)
			}
		})
	}
	t.Run("dead start page", func(t *testing.T) {
		s := newFixtureSite(t, "begrotingsapp")
		site, _ := s.crawl(t, s.crawler(t), "/begroting-2023/")
		want := "fetch " + s.URL + "/begroting-2023/: 404 Not Found"
		if len(site.Errors) != 1 || site.Errors[0].Error() != want || len(site.Changes.Dead) > 0 {
			t.Errorf("errors %v, dead %q; want [%s] and no dead link", site.Errors, site.Changes.Dead, want)
		}
	})
}

// TestCrawlRobotsRedirect serves a robots.txt that redirects, twice, to
// another host, as RFC 9309 allows: its rules apply. Behind more than five
// redirects a robots.txt counts as unavailable, which allows everything.
func TestCrawlRobotsRedirect(t *testing.T) {
	for _, tc := range []struct {
		name    string
		hops    int
		allowed bool
	}{
		{"two redirects to another host", 2, false},
		{"five redirects", 5, false},
		{"six redirects", 6, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rules := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				hop, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/hop/"))
				if hop < tc.hops-1 {
					http.Redirect(w, r, fmt.Sprintf("/hop/%d", hop+1), http.StatusFound)
					return
				}
				fmt.Fprint(w, "User-agent: *\nDisallow: /begroting-2024/programma-1\n")
			}))
			defer rules.Close()
			s := newFixtureSite(t, "begrotingsapp")
			s.setFault("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, rules.URL+"/hop/0", http.StatusMovedPermanently)
			})
			site, ev := s.crawl(t, s.crawler(t), "/begroting-2024/")
			fetched := slices.Contains(s.docPaths(site), "/begroting-2024/programma-1")
			if fetched != tc.allowed {
				t.Errorf("programma-1 fetched %v, want %v (skipped: %q)", fetched, tc.allowed, ev.skipped[s.URL+"/begroting-2024/programma-1"])
			}
		})
	}
}

// TestCrawlDocumentRoots crawls the begrotingsapp fixture host from its
// root: the landing page links two reports, the sitemap index names a
// third. Every document records its document root, a PDF outside any
// report the root of the page that linked it.
func TestCrawlDocumentRoots(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	site, _ := s.crawl(t, s.crawler(t), "/")
	want := map[string]string{
		"/":                    "/",
		"/jaarstukken-2023/":   "/jaarstukken-2023",
		"/voorjaarsnota-2025/": "/voorjaarsnota-2025",
		"/voorjaarsnota-2025/programma/wonen.html":        "/voorjaarsnota-2025",
		"/voorjaarsnota-2025/bijlagen/investeringen.html": "/voorjaarsnota-2025", // only in the sitemap
		"/files/bijlage-1.pdf":                            "/begroting-2024",
	}
	for _, p := range siteDocs {
		if _, ok := want[p]; !ok {
			want[p] = "/begroting-2024"
		}
	}
	got := map[string]string{}
	for _, d := range site.Docs {
		got[strings.TrimPrefix(d.Source.URL, s.URL)] = d.Root
	}
	for p, root := range want {
		if got[p] != root {
			t.Errorf("%s: root %q, want %q", p, got[p], root)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d documents, want %d: %q", len(got), len(want), got)
	}
	if len(site.Errors) > 0 {
		t.Errorf("errors: %v", site.Errors)
	}
	reqs := s.took()
	for _, f := range []string{"/sitemap.xml", "/sitemap-begroting-2024.xml", "/sitemap-voorjaarsnota-2025.xml"} {
		if n := count(reqs, f); n != 1 {
			t.Errorf("%s requested %d times, want 1", f, n)
		}
	}
}

// TestCrawlSitemapFileServer crawls one report of the begrotingsapp
// fixture from a plain http.FileServer: the sitemap named in robots.txt
// adds the page no menu links to, and leaves the other reports out.
func TestCrawlSitemapFileServer(t *testing.T) {
	ts := httptest.NewServer(http.FileServer(http.Dir(fixtures.Path("sites/begrotingsapp"))))
	defer ts.Close()
	c := &Crawler{Client: ts.Client(), Cache: t.TempDir(), Clock: newFakeClock()}
	ev := &events{}
	ev.watch(c)
	sites, err := c.Crawl(t.Context(), ts.URL+"/voorjaarsnota-2025/")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range sites[0].Docs {
		got = append(got, strings.TrimPrefix(d.Source.URL, ts.URL)+" "+d.Root)
	}
	slices.Sort(got)
	want := []string{
		"/voorjaarsnota-2025/ /voorjaarsnota-2025",
		"/voorjaarsnota-2025/bijlagen/investeringen.html /voorjaarsnota-2025",
		"/voorjaarsnota-2025/programma/wonen.html /voorjaarsnota-2025",
	}
	if !slices.Equal(got, want) {
		t.Errorf("documents:\ngot  %q\nwant %q", got, want)
	}
	if r := ev.skipped[ts.URL+"/begroting-2024/inleiding"]; r != "outside /voorjaarsnota-2025/" {
		t.Errorf("sitemap link of another report skipped for %q", r)
	}
	if len(sites[0].Errors) > 0 {
		t.Errorf("errors: %v", sites[0].Errors)
	}
}

// TestCrawlCacheClean checks that a crawl clears what a killed crawl left
// (temporary files, bodies without a record) and removes the entries and
// run records that no crawl confirmed for MaxCacheAge.
func TestCrawlCacheClean(t *testing.T) {
	s := newFixtureSite(t, "begrotingsapp")
	c := s.crawler(t)
	s.crawl(t, c, "/begroting-2024/")
	leftovers := []string{
		filepath.Join(c.Cache, "docs", ".0123abcd.html.tmp4242"), // kill -9 during a body
		filepath.Join(c.Cache, "docs", ".0123abcd.json.tmp4243"), // … during a record
		filepath.Join(c.Cache, "runs", ".4567ef.json.tmp4244"),
		filepath.Join(c.Cache, "docs", "89abcdef.pdf"), // a body whose record was never written
	}
	for _, f := range leftovers {
		if err := os.WriteFile(f, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	entries := func() (begroting, other int) {
		files, _ := filepath.Glob(filepath.Join(c.Cache, "docs", "*.json"))
		for _, f := range files {
			var e entry
			if err := readJSON(f, &e); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(e.URL, "/begroting-2024/") {
				begroting++
			} else {
				other++
			}
		}
		return begroting, other
	}
	runs := func() int {
		files, _ := filepath.Glob(filepath.Join(c.Cache, "runs", "*.json"))
		return len(files)
	}
	before, _ := entries()

	for _, tc := range []struct {
		name      string
		later     time.Duration
		begroting int // entries of /begroting-2024/ pages left
		runs      int
	}{
		{"within the age", 30 * 24 * time.Hour, before, 2},
		{"past the age", 61 * 24 * time.Hour, 0, 1}, // 91 days after the first crawl, 61 after the second
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.clock.advance(tc.later)
			s.crawl(t, c, "/jaarstukken-2023/") // another report: the begroting pages are not confirmed
			for _, f := range leftovers {
				if _, err := os.Stat(f); !os.IsNotExist(err) {
					t.Errorf("%s left: %v", filepath.Base(f), err)
				}
			}
			begroting, other := entries()
			if begroting != tc.begroting || other == 0 {
				t.Errorf("entries: %d of /begroting-2024/ and %d others, want %d and some", begroting, other, tc.begroting)
			}
			all, _ := filepath.Glob(filepath.Join(c.Cache, "docs", "*"))
			records, _ := filepath.Glob(filepath.Join(c.Cache, "docs", "*.json"))
			for _, f := range records {
				var e entry
				readJSON(f, &e)
				if e.Body == "" {
					continue
				}
				if _, err := os.Stat(filepath.Join(c.Cache, "docs", e.Body)); err != nil {
					t.Errorf("body of %s: %v", e.URL, err)
				}
				all = slices.DeleteFunc(all, func(p string) bool { return filepath.Base(p) == e.Body })
			}
			if len(all) != len(records) {
				t.Errorf("%d files in docs beside %d records and their bodies", len(all)-len(records), len(records))
			}
			if n := runs(); n != tc.runs {
				t.Errorf("%d run records, want %d", n, tc.runs)
			}
		})
	}
}
