package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/begroot/begroot/extract"
)

// Crawler fetches the documents of P&C reports. Its fields are the options
// of a crawl; the zero value of each gets the default documented in
// applyDefaults. A Crawler may be used for several crawls, not concurrently
// with the same Cache (the cache lock refuses the second).
type Crawler struct {
	Client    *http.Client // redirects are handled by the crawler, whatever the client's policy
	UserAgent string       // also the name robots.txt groups are matched against (its product token)
	Cache     string       // cache directory

	MaxCacheAge time.Duration // cache entries and run records not confirmed for this long are removed; negative keeps them

	Delay          time.Duration // pause between two requests to one host; negative for none
	Timeout        time.Duration // longest wait for response headers or for the next bytes of a body
	MaxRequestTime time.Duration // longest time one request may take, body included
	MaxURLTime     time.Duration // longest time one URL may take, its retries and their waits included
	MaxHostTime    time.Duration // time one host may take in a crawl: its requests and the retry waits it causes, not the politeness pauses
	Retries        int           // extra attempts after a 429, a 5xx or a timeout; negative for none
	Backoff        time.Duration // wait before the first retry; doubled for each next one
	MaxBackoff     time.Duration // longest wait between retries; a longer Retry-After gives up

	MaxPages     int      // pages per start URL: documents, directory listings and pages that failed
	MaxBytes     int64    // bytes per response, after decompression
	MaxHTMLBytes int64    // bytes per HTML page, after decompression
	Concurrency  int      // start URLs crawled at once
	QueryParams  []string // query parameters that identify a page; all others are dropped

	Clock Clock // time seen and slept by the crawler

	// Deferred leaves the run records unsaved: the caller saves them with
	// Commit once its own outputs are written, so a crash in between
	// compares the next crawl with the last complete run.
	Deferred bool
	// NoLock skips the cache's lock file: the caller holds an exclusive
	// lock on Cache for the whole run.
	NoLock bool

	OnFetched   func(Result)                     // a document was fetched or found unchanged
	OnSkipped   func(url, reason string)         // a link or response was not followed
	OnError     func(url string, err error)      // a page failed; the crawl goes on
	OnDead      func(url, status string)         // a link led to a page that is not there (404, 410)
	OnTruncated func(start string, t Truncation) // a crawl stopped before it fetched every page it found
}

// applyDefaults fills in the zero fields.
func (c *Crawler) applyDefaults() error {
	if c.Client == nil {
		c.Client = &http.Client{}
	}
	if c.UserAgent == "" {
		c.UserAgent = UserAgent(moduleVersion())
	}
	if c.Cache == "" {
		dir, err := DefaultCacheDir()
		if err != nil {
			return err
		}
		c.Cache = dir
	}
	if c.MaxCacheAge == 0 {
		c.MaxCacheAge = 60 * 24 * time.Hour // two months of nightly runs: a host down for weeks keeps its cache; a page unseen that long is gone
	}
	if c.Delay == 0 {
		c.Delay = time.Second // one request a second is the common courtesy; robots.txt may ask more
	}
	c.Delay = max(c.Delay, 0)
	if c.Timeout == 0 {
		c.Timeout = 30 * time.Second // hosted platforms answer in well under a second; a stall is a failure
	}
	if c.MaxRequestTime == 0 {
		c.MaxRequestTime = 2 * time.Minute // a 100 MB PDF at 1 MB/s; a server trickling bytes for longer is given up
	}
	if c.MaxURLTime == 0 {
		c.MaxURLTime = 3 * time.Minute // a slow request and a short retry; not three Retry-After: 120 waits for one page
	}
	if c.MaxHostTime == 0 {
		c.MaxHostTime = 30 * time.Minute // a few thousand pages at a few hundred ms each, plus PDFs; a slow host waits for the next night
	}
	if c.Retries == 0 {
		c.Retries = 3 // 1+2+4 s of backoff rides out a restart without hammering a broken host
	}
	c.Retries = max(c.Retries, 0)
	if c.Backoff == 0 {
		c.Backoff = time.Second
	}
	if c.MaxBackoff == 0 {
		c.MaxBackoff = 2 * time.Minute // a host asking for a longer pause is better tried next night
	}
	if c.MaxPages == 0 {
		c.MaxPages = 2000 // a large report has a few hundred pages; this stops a crawl trap
	}
	if c.MaxBytes == 0 {
		c.MaxBytes = 256 << 20 // jaarstukken PDFs reach tens of MB; scanned ones more
	}
	if c.MaxHTMLBytes == 0 {
		c.MaxHTMLBytes = 16 << 20 // a whole report on one page is a few MB; more is generated, or a decompression bomb
	}
	if c.Concurrency == 0 {
		c.Concurrency = 4 // hosts are independent; each still gets one request at a time
	}
	if c.QueryParams == nil {
		c.QueryParams = []string{"id", "p", "page_id"} // index.php?id=12 style page addresses
	}
	if c.Clock == nil {
		c.Clock = realClock{}
	}
	if c.OnFetched == nil {
		c.OnFetched = func(Result) {}
	}
	if c.OnSkipped == nil {
		c.OnSkipped = func(string, string) {}
	}
	if c.OnError == nil {
		c.OnError = func(string, error) {}
	}
	if c.OnDead == nil {
		c.OnDead = func(string, string) {}
	}
	if c.OnTruncated == nil {
		c.OnTruncated = func(string, Truncation) {}
	}
	return nil
}

// UserAgent is begroot's User-Agent for a version:
// "begroot/1.2.0 (+https://github.com/begroot/begroot)".
func UserAgent(version string) string {
	return "begroot/" + version + " (+https://github.com/begroot/begroot)"
}

func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "dev"
}

// DefaultCacheDir is the cache directory used when Crawler.Cache is empty:
// begroot inside the user's cache directory (os.UserCacheDir).
func DefaultCacheDir() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache directory: %w", err)
	}
	return filepath.Join(dir, "begroot"), nil
}

// Clock is the crawler's view of time. Tests substitute a fake one so that
// delays and backoff do not sleep for real.
type Clock interface {
	Now() time.Time
	Sleep(ctx context.Context, d time.Duration) error // returns ctx.Err() when cancelled first
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Result is one fetched document.
type Result struct {
	Start     string         // the start URL whose crawl reached it
	Source    extract.Source // URL after redirects, cached body, format, digest and size
	Unchanged bool           // the body is the one already cached (a 304, or the same bytes)
	Root      string         // document root: the path up to the first segment that names a report (/begroting-2026)
	Shell     bool           // an HTML page with scripts and next to no text: an app shell that JavaScript fills, whose content begroot cannot see
}

// PageError is a page that could not be fetched.
type PageError struct {
	URL string
	Err error
}

func (e *PageError) Error() string { return "fetch " + e.URL + ": " + e.Err.Error() }

func (e *PageError) Unwrap() error { return e.Err }

// Changes compares a crawl of a start URL with the previous one: the URLs
// of documents that are new, changed or unchanged, and of documents the
// previous crawl had that this one no longer reached. A document that
// failed this time, or that a truncated crawl did not reach, is not counted
// as removed. Dead lists the links of this crawl that led to a page the
// server does not have (404, 410): a warning for the site's editors, not a
// failure of the crawl. Each list is sorted.
type Changes struct {
	New       []string `json:"new"`
	Changed   []string `json:"changed"`
	Unchanged []string `json:"unchanged"`
	Removed   []string `json:"removed"`
	Dead      []string `json:"dead"`
}

// Site is the outcome of the crawl of one start URL.
type Site struct {
	Start     string   // the start URL as given
	Docs      []Result // in the order they were fetched
	Errors    []*PageError
	Changes   Changes
	Truncated *Truncation // why the crawl stopped early; nil when it fetched every page it found

	record *runRecord // this crawl, for the next comparison
	key    string     // page key of the start URL
}

// Commit saves the run records of sites, crawled with Deferred set, as the
// previous crawl that the next one is compared with.
func (c *Crawler) Commit(sites []Site) error {
	opts := *c
	if err := opts.applyDefaults(); err != nil {
		return err
	}
	store, err := openCache(opts.Cache)
	if err != nil {
		return err
	}
	for _, s := range sites {
		if s.record == nil {
			continue
		}
		if err := store.saveRun(s.key, s.record); err != nil {
			return err
		}
	}
	return nil
}

// Truncation says why the crawl of a start URL stopped before it had
// fetched every page it found, and how many it left.
type Truncation struct {
	Reason string `json:"reason"` // "page limit 2000 reached", "link limit 100000 reached", "host … took its 30m0s"
	Left   int    `json:"left"`   // URLs found but not requested
}

// maxSiteLinks bounds the distinct URLs one crawl remembers, so a crawl
// trap (a calendar, session ids in paths) cannot fill memory before
// MaxPages stops it: a real report has a few thousand.
const maxSiteLinks = 100_000

// maxPageLinks bounds the links read from one page: a report's navigation
// repeats a few hundred on every page; more is a generated page.
const maxPageLinks = 10_000

// Crawl crawls each start URL: it fetches the start page, follows the links
// that stay on its host and under its path, and downloads the PDF files the
// pages link to on the same host. It returns one Site per start URL, in
// order. Failed pages are reported in Site.Errors and through OnError; the
// error result is for a crawl that could not run or was cancelled.
func (c *Crawler) Crawl(ctx context.Context, starts ...string) ([]Site, error) {
	opts := *c
	if err := opts.applyDefaults(); err != nil {
		return nil, err
	}
	store, err := openCache(opts.Cache)
	if err != nil {
		return nil, err
	}
	if !opts.NoLock {
		unlock, err := store.lock()
		if err != nil {
			return nil, err
		}
		defer unlock()
	}
	var cutoff time.Time
	if opts.MaxCacheAge > 0 {
		cutoff = opts.Clock.Now().Add(-opts.MaxCacheAge)
	}
	if err := store.clean(cutoff); err != nil {
		return nil, err
	}

	client := *opts.Client
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	cr := &crawl{opts: &opts, client: &client, cache: store, hosts: map[string]*host{}}

	sites := make([]Site, len(starts))
	slots := make(chan struct{}, opts.Concurrency)
	var wg sync.WaitGroup
	for i, start := range starts {
		wg.Go(func() {
			select {
			case slots <- struct{}{}:
				sites[i] = cr.site(ctx, start)
				<-slots
			case <-ctx.Done():
				sites[i] = Site{Start: start}
			}
		})
	}
	wg.Wait()
	return sites, ctx.Err()
}

// crawl is the state of one Crawl call, shared by its sites.
type crawl struct {
	opts   *Crawler
	client *http.Client
	cache  *cache

	mu    sync.Mutex
	hosts map[string]*host

	report sync.Mutex // serialises the callbacks
}

// siteCrawl is the state of the crawl of one start URL.
type siteCrawl struct {
	Site
	scope    scope
	seen     map[string]bool // page keys queued, fetched or skipped; raw URLs of skipped links
	queue    []queued
	mapped   bool            // the sitemap links have been queued
	failed   map[string]bool // page keys whose fetch failed
	listings int             // directory listings fetched: pages, but not documents
	started  bool            // the start page has been fetched
	dropped  int             // links not queued because maxSiteLinks was reached
	missed   int             // pages requested that yielded no document: failed or dead
	dead     []string        // URLs of dead links (404, 410)
}

func (cr *crawl) site(ctx context.Context, raw string) Site {
	s := &siteCrawl{Site: Site{Start: raw}, seen: map[string]bool{}, failed: map[string]bool{}}
	parsed, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		cr.fail(s, raw, err)
		return s.Site
	}
	start, reason := normalizeURL(parsed, cr.opts.QueryParams)
	if reason != "" {
		cr.fail(s, parsed.Redacted(), errors.New("start URL: "+reason))
		return s.Site
	}
	s.scope = scopeOf(start)
	s.seen[pageKey(start)] = true
	if isRobotsTxt(start) {
		cr.fail(s, start.String(), errors.New("start URL: "+notADocument))
		return s.Site
	}
	if !cr.robotsFor(ctx, start).allowed(requestTarget(start)) {
		cr.fail(s, start.String(), errors.New("start URL disallowed by robots.txt"))
		return s.Site
	}
	s.queue = []queued{{u: start}}
	for len(s.queue) > 0 && ctx.Err() == nil {
		if len(s.Docs)+s.listings+s.missed >= cr.opts.MaxPages {
			cr.truncate(s, fmt.Sprintf("page limit %d reached", cr.opts.MaxPages))
			break
		}
		next := s.queue[0]
		s.queue = s.queue[1:]
		u := next.u
		res, err := cr.fetch(ctx, s, u)
		var dead *deadError
		if errors.As(err, &dead) && s.started {
			s.missed++
			s.dead = append(s.dead, dead.url)
			cr.report.Lock()
			cr.opts.OnDead(dead.url, dead.status)
			cr.report.Unlock()
			continue
		}
		s.started = true
		if err != nil {
			s.missed++
			if ctx.Err() == nil {
				cr.fail(s, u.String(), err)
			}
			if errors.Is(err, ErrHostTime) {
				cr.truncate(s, fmt.Sprintf("host %s took its %s", u.Host, cr.opts.MaxHostTime))
				break
			}
			continue
		}
		if res == nil {
			continue
		}
		res.Start = raw
		res.Root = s.scope.root(res.Source.URL, next.from)
		var scan pageScan
		html := res.Source.Format == extract.FormatHTML
		if html {
			if scan, err = scanFile(res.Source); err != nil {
				cr.fail(s, res.Source.URL, err)
				continue
			}
			res.Shell = scan.isShell()
		}
		if html && isListing(res.Source.Path) {
			// A web server's index of a folder: its links lead to the
			// report's files, but it is no document of the report.
			s.listings++
			cr.skip(res.Source.URL, "directory listing: links followed, not a document")
		} else {
			s.Docs = append(s.Docs, *res)
			cr.fetched(*res)
		}
		if scan.more {
			cr.skip(res.Source.URL, fmt.Sprintf("more than %d links: the rest not followed", maxPageLinks))
		}
		cr.follow(ctx, s, scan.links, res.Root)
		if !s.mapped {
			// Pages the navigation does not link to (other reports on a
			// platform's host, orphaned pages) are found in the sitemap.
			s.mapped = true
			cr.follow(ctx, s, cr.sitemapLinks(ctx, &url.URL{Scheme: u.Scheme, Host: s.scope.host}), "")
		}
	}
	if ctx.Err() != nil {
		return s.Site
	}
	if s.dropped > 0 {
		cr.truncate(s, fmt.Sprintf("link limit %d reached", maxSiteLinks))
	}
	if len(s.Docs) == 0 && len(s.Errors) == 0 {
		if s.listings > 0 {
			cr.fail(s, raw, errors.New("no document: only directory listings"))
		} else {
			cr.fail(s, raw, errors.New("no document: the start page was skipped"))
		}
	}
	if err := cr.compare(s, pageKey(start)); err != nil {
		cr.fail(s, raw, err)
	}
	return s.Site
}

// notADocument is why a robots.txt is never fetched as a page: it is the
// host's crawl rules, read (and cached) by robotsFor.
const notADocument = "robots.txt is not a document"

// scanFile reads the links and text of a cached HTML page.
func scanFile(src extract.Source) (pageScan, error) {
	page, err := url.Parse(src.URL)
	if err != nil {
		return pageScan{}, err
	}
	f, err := os.Open(src.Path)
	if err != nil {
		return pageScan{}, err
	}
	defer f.Close()
	return scanPage(f, page, maxPageLinks), nil
}

// queued is a URL waiting to be fetched.
type queued struct {
	u    *url.URL
	from string // document root of the page that linked it; "" for the start URL and sitemap links
}

// follow queues the links that the crawl may follow, found on a page of
// document root from, and reports the others once each.
func (cr *crawl) follow(ctx context.Context, s *siteCrawl, links []*url.URL, from string) {
	for _, link := range links {
		u, reason := normalizeURL(link, cr.opts.QueryParams)
		if reason != "" {
			link.Fragment = ""
			if raw := link.Redacted(); !s.seen[raw] {
				s.seen[raw] = true
				cr.skip(raw, reason)
			}
			continue
		}
		key := pageKey(u)
		if s.seen[key] {
			continue
		}
		if len(s.seen) >= maxSiteLinks {
			s.dropped++
			continue
		}
		s.seen[key] = true
		if reason := cr.admit(ctx, s, u); reason != "" {
			cr.skip(u.String(), reason)
			continue
		}
		s.queue = append(s.queue, queued{u: u, from: from})
	}
}

// admit says why a normalised URL is not to be requested, or "".
func (cr *crawl) admit(ctx context.Context, s *siteCrawl, u *url.URL) string {
	switch {
	case u.Host != s.scope.host:
		return "other host " + u.Host
	case isRobotsTxt(u):
		return notADocument
	case !s.scope.contains(u) && !isPDFPath(u):
		return "outside " + s.scope.prefix
	case !cr.robotsFor(ctx, u).allowed(requestTarget(u)):
		return "disallowed by robots.txt"
	}
	return ""
}

// compare works out the site's Changes against the previous run of its
// start URL and records this run for the next.
func (cr *crawl) compare(s *siteCrawl, startKey string) error {
	prev := cr.cache.lastRun(startKey)
	docs := map[string]string{}
	ch := Changes{New: []string{}, Changed: []string{}, Unchanged: []string{}, Removed: []string{}, Dead: slices.Clone(s.dead)}
	if ch.Dead == nil {
		ch.Dead = []string{}
	}
	for _, d := range s.Docs {
		u := d.Source.URL
		docs[u] = d.Source.SHA256
		switch old, ok := prev[u]; {
		case !ok:
			ch.New = append(ch.New, u)
		case old != d.Source.SHA256:
			ch.Changed = append(ch.Changed, u)
		default:
			ch.Unchanged = append(ch.Unchanged, u)
		}
	}
	for u, sum := range prev {
		if _, ok := docs[u]; ok {
			continue
		}
		pu, err := url.Parse(u)
		if s.Truncated != nil || err == nil && s.failed[pageKey(pu)] {
			docs[u] = sum // not reached this time: keep it for the next comparison
			continue
		}
		ch.Removed = append(ch.Removed, u)
	}
	for _, list := range [][]string{ch.New, ch.Changed, ch.Unchanged, ch.Removed, ch.Dead} {
		slices.Sort(list)
	}
	s.Changes = ch
	s.record, s.key = &runRecord{Start: s.Start, Finished: cr.opts.Clock.Now().UTC(), Documents: docs}, startKey
	if cr.opts.Deferred {
		return nil
	}
	return cr.cache.saveRun(startKey, s.record)
}

// truncate records that the crawl of a site stops early, and why: the
// URLs still queued are reported as skipped and count as left, with the
// links maxSiteLinks kept out. A second reason is added to the first.
func (cr *crawl) truncate(s *siteCrawl, reason string) {
	for _, q := range s.queue {
		cr.skip(q.u.String(), reason)
	}
	left := len(s.queue) + s.dropped
	s.queue, s.dropped = nil, 0
	if t := s.Truncated; t != nil {
		t.Reason += "; " + reason
		t.Left += left
	} else {
		s.Truncated = &Truncation{Reason: reason, Left: left}
	}
	cr.report.Lock()
	defer cr.report.Unlock()
	cr.opts.OnTruncated(s.Start, *s.Truncated)
}

func (cr *crawl) fetched(r Result) {
	cr.report.Lock()
	defer cr.report.Unlock()
	cr.opts.OnFetched(r)
}

func (cr *crawl) skip(u, reason string) {
	cr.report.Lock()
	defer cr.report.Unlock()
	cr.opts.OnSkipped(u, reason)
}

func (cr *crawl) fail(s *siteCrawl, u string, err error) {
	pe := &PageError{URL: u, Err: err}
	s.Errors = append(s.Errors, pe)
	if pu, perr := url.Parse(u); perr == nil {
		s.failed[pageKey(pu)] = true
	}
	cr.report.Lock()
	defer cr.report.Unlock()
	cr.opts.OnError(u, pe)
}
