package fetch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/begroot/begroot/extract"
)

// maxRedirects is how many redirects one page may take.
const maxRedirects = 10

// maxRobotsRedirects is how many redirects a robots.txt may take, to any
// host: RFC 9309 (2.3.1.2) asks crawlers to follow at least five, and to
// treat a robots.txt behind more as unavailable.
const maxRobotsRedirects = 5

// host is the politeness state of one host, shared by every site on it.
type host struct {
	turn  chan struct{} // holds a token while a request to the host is under way
	next  time.Time     // earliest start of the next request; guarded by turn
	delay time.Duration // pause after each request: Delay or a larger Crawl-delay
	spent atomic.Int64  // time.Duration the host has taken, counted against MaxHostTime

	robotsMu sync.Mutex
	robots   *robots // nil until loaded

	sitemapOnce sync.Once
	sitemap     []*url.URL // the pages its sitemaps list
}

func (cr *crawl) host(name string) *host {
	cr.mu.Lock()
	defer cr.mu.Unlock()
	h := cr.hosts[name]
	if h == nil {
		h = &host{turn: make(chan struct{}, 1), delay: cr.opts.Delay}
		cr.hosts[name] = h
	}
	return h
}

// acquire waits for the host's turn and for the pause after the previous
// request to be over.
func (h *host) acquire(ctx context.Context, clock Clock) error {
	select {
	case h.turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	if d := h.next.Sub(clock.Now()); d > 0 {
		if err := clock.Sleep(ctx, d); err != nil {
			<-h.turn
			return err
		}
	}
	return nil
}

func (h *host) release(clock Clock) {
	h.next = clock.Now().Add(h.delay)
	<-h.turn
}

// requestTarget is the part of u that robots.txt rules match: the escaped
// path and the query.
func requestTarget(u *url.URL) string {
	if u.RawQuery != "" {
		return u.EscapedPath() + "?" + u.RawQuery
	}
	return u.EscapedPath()
}

// robotsFor returns the robots.txt rules of u's host, fetching them on
// first use. A robots.txt that is missing (4xx) allows everything; one that
// cannot be fetched (5xx, network errors) disallows everything.
func (cr *crawl) robotsFor(ctx context.Context, u *url.URL) *robots {
	h := cr.host(u.Host)
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	if h.robots != nil {
		return h.robots
	}
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	rb, err := cr.fetchRobots(ctx, ru)
	if err != nil {
		if ctx.Err() != nil {
			return disallowAll // not remembered: the crawl is over anyway
		}
		cr.report.Lock()
		cr.opts.OnError(ru.String(), &PageError{URL: ru.String(), Err: fmt.Errorf("%w; not crawling %s", err, u.Host)})
		cr.report.Unlock()
		rb = disallowAll
	}
	h.robots = rb
	h.delay = max(cr.opts.Delay, rb.delay)
	return rb
}

func (cr *crawl) fetchRobots(ctx context.Context, u *url.URL) (*robots, error) {
	body, err := cr.fetchFile(ctx, u, robotsMaxBytes, true, 0)
	if err != nil || body == "" {
		return &robots{}, err
	}
	f, err := os.Open(body)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseRobots(f, productToken(cr.opts.UserAgent)), nil
}

// fetchFile fetches a file that the crawler reads but does not return, a
// robots.txt or a sitemap, into the cache: conditionally when a sound copy
// is cached, at most limit bytes, following up to maxRobotsRedirects
// redirects (to other hosts only when crossHost). It returns the path of
// the cached body, or "" when there is none: a 4xx, a redirect elsewhere,
// or too many redirects. A file found missing (4xx) is not asked for again
// for missingFor, when that is positive.
func (cr *crawl) fetchFile(ctx context.Context, u *url.URL, limit int64, crossHost bool, missingFor time.Duration) (string, error) {
	for range maxRobotsRedirects + 1 {
		key := pageKey(u)
		e := cr.cache.entry(key)
		if e != nil && e.Missing && cr.opts.Clock.Now().Sub(e.Checked) < missingFor {
			return "", nil
		}
		if e != nil && (e.Body == "" || cr.cache.verify(e) != nil) {
			e = nil // no usable copy to fall back on: ask in full
		}
		var (
			body string
			next *url.URL
			done bool
		)
		err := cr.get(ctx, u, e, func(resp *http.Response) error {
			switch code := resp.StatusCode; {
			case code == http.StatusNotModified && e != nil:
				body, done = cr.cache.docPath(e.Body), true
				return cr.cache.touch(key, e, resp.Header, cr.opts.Clock.Now())
			case code == http.StatusOK:
				ne, err := cr.cache.put(key, u.String(), extract.FormatText, resp.Header,
					io.LimitReader(resp.Body, limit), limit, cr.opts.Clock.Now())
				if err != nil {
					return err
				}
				body, done = cr.cache.docPath(ne.Body), true
				return nil
			case code >= 300 && code < 400:
				loc, err := u.Parse(resp.Header.Get("Location"))
				if err != nil {
					return fmt.Errorf("%s: %w", resp.Status, err)
				}
				next, _ = normalizeURL(loc, nil)
				done = next == nil || !crossHost && next.Host != u.Host // redirected away: there is none
				return nil
			case code >= 400 && code < 500:
				done = true
				if missingFor > 0 {
					return cr.cache.putMissing(key, u.String(), cr.opts.Clock.Now())
				}
				return nil
			}
			return errors.New(resp.Status)
		})
		if err != nil || done {
			return body, err
		}
		u = next
	}
	return "", nil
}

// fetch fetches a page and the redirects it leads to into the cache. It
// returns nil, nil when the page yields no document: a response that is
// neither HTML nor PDF, a redirect the crawl does not follow (both
// reported as skipped) or a redirect to a page already in the crawl.
func (cr *crawl) fetch(ctx context.Context, s *siteCrawl, u *url.URL) (*Result, error) {
	conditional := true
	for hops := 0; ; {
		key := pageKey(u)
		old := cr.cache.entry(key)
		var sent *entry
		if conditional {
			sent = old
		}
		var (
			stored      *entry
			notModified bool
			redirect    *url.URL
			skipped     string
		)
		err := cr.get(ctx, u, sent, func(resp *http.Response) error {
			switch code := resp.StatusCode; {
			case code == http.StatusNotModified && sent != nil:
				notModified, skipped = true, sent.Skipped
				return cr.cache.touch(key, sent, resp.Header, cr.opts.Clock.Now())
			case code >= 300 && code < 400 && code != http.StatusNotModified:
				loc := resp.Header.Get("Location")
				if loc == "" {
					return fmt.Errorf("%s without Location", resp.Status)
				}
				var err error
				if redirect, err = u.Parse(loc); err != nil {
					return fmt.Errorf("%s to %q: %w", resp.Status, loc, err)
				}
				return nil
			case code == http.StatusOK:
				var err error
				stored, skipped, err = cr.store(key, u, resp)
				return err
			case code == http.StatusNotFound || code == http.StatusGone:
				return &deadError{url: u.String(), status: resp.Status}
			}
			return errors.New(resp.Status)
		})
		switch {
		case err != nil:
			return nil, err
		case skipped != "":
			cr.skip(u.String(), skipped)
			return nil, nil
		case notModified:
			if !isDocument(sent.Format) || cr.cache.verify(sent) != nil {
				// The cached copy is damaged, or is no page (a robots.txt
				// kept under the same key): fetch the page in full.
				conditional = false
				continue
			}
			return &Result{Source: cr.cache.source(sent), Unchanged: true}, nil
		case redirect != nil:
			if hops++; hops > maxRedirects {
				return nil, fmt.Errorf("more than %d redirects", maxRedirects)
			}
			next, reason := cr.redirect(ctx, s, u, redirect)
			if reason != "" {
				cr.skip(u.String(), reason)
			}
			if next == nil {
				return nil, nil
			}
			u, conditional = next, true
			continue
		case stored.Format == extract.FormatHTML && !s.scope.contains(u):
			cr.skip(u.String(), "outside "+s.scope.prefix) // a PDF link that turned out HTML
			return nil, nil
		}
		return &Result{Source: cr.cache.source(stored), Unchanged: old != nil && old.SHA256 == stored.SHA256}, nil
	}
}

// deadError is a page the server says is not there (404) or gone for good
// (410): a dead link, reported as a warning unless it is the start page.
type deadError struct {
	url    string // after redirects
	status string
}

func (e *deadError) Error() string { return e.status }

// redirect decides on a redirect from one page to target: it returns the
// URL to request next, or nil with the reason the crawl does not follow it
// (none when target is a page already in the crawl).
func (cr *crawl) redirect(ctx context.Context, s *siteCrawl, from, target *url.URL) (*url.URL, string) {
	next, reason := normalizeURL(target, cr.opts.QueryParams)
	if reason != "" {
		return nil, "redirect to " + target.Redacted() + ": " + reason
	}
	if key := pageKey(next); key != pageKey(from) { // not a trailing-slash or http→https redirect
		if s.seen[key] {
			return nil, ""
		}
		s.seen[key] = true
		if !s.started && next.Host == s.scope.host {
			s.scope = scopeOf(next) // the start URL moved: the report lives where it went
		}
		if reason := cr.admit(ctx, s, next); reason != "" {
			return nil, "redirect to " + next.String() + ": " + reason
		}
	}
	return next, ""
}

// store streams a 200 response into the cache. A body that is no document
// (see classify) is not stored; the reason is returned instead.
func (cr *crawl) store(key string, u *url.URL, resp *http.Response) (*entry, string, error) {
	if resp.ContentLength > cr.opts.MaxBytes {
		return nil, "", fmt.Errorf("%w: %d bytes, more than %d", ErrTooLarge, resp.ContentLength, cr.opts.MaxBytes)
	}
	body := bufio.NewReaderSize(resp.Body, extract.SniffLen)
	head, err := body.Peek(extract.SniffLen)
	if err != nil && err != io.EOF {
		return nil, "", err
	}
	format, reason := classify(resp.Header.Get("Content-Type"), head)
	if reason != "" {
		return nil, reason, cr.cache.putSkipped(key, u.String(), reason, resp.Header, cr.opts.Clock.Now())
	}
	limit := cr.opts.MaxBytes
	if format == extract.FormatHTML {
		limit = min(limit, cr.opts.MaxHTMLBytes)
	}
	e, err := cr.cache.put(key, u.String(), format, resp.Header, body, limit, cr.opts.Clock.Now())
	return e, "", err
}

// isDocument reports whether a cached body of format f is a document: a
// format with a media type in extract.Formats (HTML pages and PDF files;
// a robots.txt is cached as text).
func isDocument(f extract.Format) bool {
	spec, ok := f.Spec()
	return ok && len(spec.MediaTypes) > 0
}

// classify tells from the Content-Type header and the first bytes of a body
// which document format it is (extract.Formats), or gives the reason it is
// none. The signature of a binary format wins over the header, since
// servers often send PDFs as application/octet-stream; a body declared as
// a binary format must carry its signature, one declared as a text format
// must look like text, and one of a generic type must pass a sniff rule.
func classify(contentType string, head []byte) (extract.Format, string) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = ""
	}
	generic := mt == "" || mt == "application/octet-stream" || mt == "binary/octet-stream" ||
		mt == "application/force-download" || mt == "application/download" || mt == "application/unknown"
	sniffed, signed := extract.SniffFormat(head)
	declared, known := extract.FormatOfMediaType(mt)
	looks := http.DetectContentType(head)
	switch {
	case signed && sniffed.Binary && isDocument(sniffed.Format):
		return sniffed.Format, ""
	case known && declared.Binary:
		return "", "content type " + mt + " without a " + strings.ToUpper(string(declared.Format)) + " header"
	case known:
		if strings.HasPrefix(looks, "text/") {
			return declared.Format, ""
		}
		return "", "content type " + mt + " but the body looks like " + looks
	case generic && signed && isDocument(sniffed.Format):
		return sniffed.Format, ""
	case generic:
		return "", "content type " + strings.TrimSuffix(looks, "; charset=utf-8")
	}
	return "", "content type " + mt
}

// retryable marks a failed attempt worth repeating.
type retryable struct {
	err   error
	after time.Duration // the server's Retry-After, 0 when absent
}

func (r *retryable) Error() string { return r.err.Error() }

// ErrHostTime is the error of a request to a host that has taken
// Crawler.MaxHostTime: the crawl gives the host up until the next run.
var ErrHostTime = errors.New("host took its time budget")

// errStalled cancels a request that waited longer than Timeout for data;
// errOverTime one that took all the time it was given.
var (
	errStalled  = errors.New("stalled")
	errOverTime = errors.New("over time")
)

// get requests u and hands a response to handle while the host's turn is
// held, so the body is read before the next request to the host starts.
// A 429, a 5xx and a timeout are retried with exponential backoff, waiting
// at least the Retry-After the server asked for, as long as the URL stays
// within MaxURLTime and the host within MaxHostTime. Validators of a cached
// entry e make the request conditional.
func (cr *crawl) get(ctx context.Context, u *url.URL, e *entry, handle func(*http.Response) error) error {
	h := cr.host(u.Host)
	clock := cr.opts.Clock
	start := clock.Now()
	wait := cr.opts.Backoff
	for attempt := 0; ; attempt++ {
		limit := min(cr.opts.MaxRequestTime, cr.opts.MaxURLTime-clock.Now().Sub(start))
		err := cr.try(ctx, h, u, e, limit, handle)
		var r *retryable
		if !errors.As(err, &r) {
			return err
		}
		pause := min(max(wait, r.after), cr.opts.MaxBackoff)
		switch {
		case r.after > cr.opts.MaxBackoff:
			return fmt.Errorf("%w, retry after %s is too long", r.err, r.after)
		case attempt == cr.opts.Retries:
			if attempt == 0 {
				return r.err
			}
			return fmt.Errorf("%w (after %d attempts)", r.err, attempt+1)
		case clock.Now().Sub(start)+pause >= cr.opts.MaxURLTime:
			return fmt.Errorf("%w; a retry in %s would pass the %s a URL may take (after %d attempts)",
				r.err, pause, cr.opts.MaxURLTime, attempt+1)
		}
		if err := clock.Sleep(ctx, pause); err != nil {
			return err
		}
		h.spent.Add(int64(pause))
		wait *= 2
	}
}

// try makes one attempt at a request, which may take at most limit.
func (cr *crawl) try(ctx context.Context, h *host, u *url.URL, e *entry, limit time.Duration, handle func(*http.Response) error) error {
	if err := h.acquire(ctx, cr.opts.Clock); err != nil {
		return err
	}
	defer h.release(cr.opts.Clock)
	began := cr.opts.Clock.Now()
	defer func() { h.spent.Add(int64(cr.opts.Clock.Now().Sub(began))) }()
	if left := cr.opts.MaxHostTime - time.Duration(h.spent.Load()); left <= 0 {
		return fmt.Errorf("%w (%s)", ErrHostTime, cr.opts.MaxHostTime)
	} else if left < limit {
		limit = left
	}
	if limit <= 0 {
		return fmt.Errorf("%w of %s", errOverTime, cr.opts.MaxURLTime)
	}

	rctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	idle := time.AfterFunc(cr.opts.Timeout, func() { cancel(errStalled) })
	defer idle.Stop()
	deadline := time.AfterFunc(limit, func() { cancel(errOverTime) })
	defer deadline.Stop()
	stalled := func(err error) error {
		switch {
		case ctx.Err() != nil:
			return err
		case context.Cause(rctx) == errOverTime:
			return fmt.Errorf("not done in %s", limit) // a trickling server trickles again: not retried
		case context.Cause(rctx) == errStalled || isTimeout(err):
			return &retryable{err: fmt.Errorf("no data for %s", cr.opts.Timeout)}
		}
		return err
	}

	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", cr.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1")
	if e != nil && e.ETag != "" {
		req.Header.Set("If-None-Match", e.ETag)
	}
	if e != nil && e.LastModified != "" {
		req.Header.Set("If-Modified-Since", e.LastModified)
	}
	resp, err := cr.client.Do(req)
	if err != nil {
		var uerr *url.Error
		if errors.As(err, &uerr) {
			err = uerr.Err // the URL is named by the PageError
		}
		return stalled(err)
	}
	defer func() {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // lets the connection be reused
		resp.Body.Close()
	}()
	if code := resp.StatusCode; code == http.StatusTooManyRequests || code >= 500 {
		return &retryable{err: errors.New(resp.Status), after: retryAfter(resp.Header.Get("Retry-After"), cr.opts.Clock.Now())}
	}
	resp.Body = &idleReader{ReadCloser: resp.Body, timer: idle, timeout: cr.opts.Timeout}
	if err := handle(resp); err != nil {
		return stalled(err)
	}
	return nil
}

// idleReader restarts the stall timer whenever bytes arrive, so Timeout
// bounds a pause in a download, not the whole of a large PDF (that is
// MaxRequestTime's task).
type idleReader struct {
	io.ReadCloser
	timer   *time.Timer
	timeout time.Duration
}

func (r *idleReader) Read(p []byte) (int, error) {
	n, err := r.ReadCloser.Read(p)
	if n > 0 {
		r.timer.Reset(r.timeout)
	}
	return n, err
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if secs, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
		return time.Duration(min(max(secs, 0), 1<<20)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}
