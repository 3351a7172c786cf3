package fetch

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestCrawlTimeBudgets checks the bounds on what one request, one URL and
// one host may cost a crawl.
func TestCrawlTimeBudgets(t *testing.T) {
	const page = "/begroting-2024/inleiding"
	t.Run("trickling body", func(t *testing.T) {
		s := newFixtureSite(t, "begrotingsapp")
		s.setFault(page, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			for range 150 { // one byte every 20 ms: never idle for Timeout, done after 3 s
				w.Write([]byte("x"))
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		})
		c := s.crawler(t)
		c.Timeout, c.MaxRequestTime = 250*time.Millisecond, 400*time.Millisecond
		began := time.Now()
		site, _ := s.crawl(t, c, "/begroting-2024/")
		if took := time.Since(began); took > 2*time.Second {
			t.Errorf("crawl took %s, want the trickle cut off after %s", took, c.MaxRequestTime)
		}
		want := "fetch " + s.URL + page + ": not done in 400ms"
		if len(site.Errors) != 1 || site.Errors[0].Error() != want {
			t.Errorf("errors: got %v, want [%s]", site.Errors, want)
		}
		if n := count(s.took(), page); n != 1 {
			t.Errorf("%s requested %d times, want 1 (a trickle is not retried)", page, n)
		}
	})
	t.Run("Retry-After storm", func(t *testing.T) {
		s := newFixtureSite(t, "begrotingsapp")
		s.setFault(page, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "120")
			http.Error(w, "busy", http.StatusServiceUnavailable)
		})
		c := s.crawler(t) // default budgets: 3 retries, 2m backoff, 3m a URL
		site, _ := s.crawl(t, c, "/begroting-2024/")
		want := "fetch " + s.URL + page + ": 503 Service Unavailable; a retry in 2m0s would pass the 3m0s a URL may take (after 2 attempts)"
		if len(site.Errors) != 1 || site.Errors[0].Error() != want {
			t.Errorf("errors: got %v, want [%s]", site.Errors, want)
		}
		var waited time.Duration
		for _, d := range s.clock.slept() {
			if d >= time.Minute {
				waited += d
			}
		}
		if waited > 3*time.Minute {
			t.Errorf("waited %s for retries of one URL, want at most 3m", waited)
		}
	})
	t.Run("slow host", func(t *testing.T) {
		s := newFixtureSite(t, "begrotingsapp")
		s.latency = 4 * time.Minute
		c := s.crawler(t)
		c.MaxHostTime = 10 * time.Minute
		var truncated []Truncation
		ev := &events{}
		ev.watch(c)
		c.OnTruncated = func(start string, tr Truncation) { truncated = append(truncated, tr) }
		sites, err := c.Crawl(t.Context(), s.URL+"/begroting-2024/")
		if err != nil {
			t.Fatal(err)
		}
		site := sites[0]
		// robots.txt, the start page and one more: 12 minutes; the next is refused.
		if reqs := s.took(); len(reqs) != 3 {
			t.Errorf("%d requests, want 3: %v", len(reqs), reqs)
		}
		if len(site.Errors) != 1 || !errors.Is(site.Errors[0], ErrHostTime) {
			t.Errorf("errors: got %v, want one ErrHostTime", site.Errors)
		}
		tr := site.Truncated
		wantReason := "host " + strings.TrimPrefix(s.URL, "http://") + " took its 10m0s"
		if tr == nil || tr.Reason != wantReason || tr.Left == 0 {
			t.Fatalf("truncated: got %+v, want %q with URLs left", tr, wantReason)
		}
		if len(truncated) != 1 || truncated[0] != *tr {
			t.Errorf("OnTruncated: got %+v, want [%+v]", truncated, *tr)
		}
	})
}

// TestCrawlDecompressionBomb serves a gzip body that inflates far beyond
// MaxHTMLBytes into distinct links, and checks that the crawl reads no
// more than the limit and keeps its memory small.
func TestCrawlDecompressionBomb(t *testing.T) {
	const page = "/begroting-2024/inleiding"
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	fmt.Fprint(zw, "<!DOCTYPE html><html><body>")
	decoded := 0
	for i := 0; decoded < 8<<20; i++ { // 8 MB of distinct links
		n, _ := fmt.Fprintf(zw, `<a href="p%d">%d</a>`, i, i)
		decoded += n
	}
	zw.Close()
	s := newFixtureSite(t, "begrotingsapp")
	s.setFault(page, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(gz.Bytes())
	})
	c := s.crawler(t)
	c.MaxHTMLBytes = 1 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	site, _ := s.crawl(t, c, "/begroting-2024/")
	runtime.ReadMemStats(&after)
	const maxAlloc = 64 << 20 // the whole crawl, bomb included; unbounded it took gigabytes
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d MB of gzip inflating to %d MB: the crawl allocated %.1f MB", gz.Len()>>20, decoded>>20, float64(alloc)/(1<<20))
	if alloc > maxAlloc {
		t.Errorf("crawl allocated %d MB, want at most %d MB", alloc>>20, maxAlloc>>20)
	}
	want := "fetch " + s.URL + page + ": response too large: more than 1048576 bytes"
	if len(site.Errors) != 1 || site.Errors[0].Error() != want {
		t.Errorf("errors: got %v, want [%s]", site.Errors, want)
	}
	if len(site.Docs) != len(siteDocs)-1 {
		t.Errorf("got %d documents, want %d", len(site.Docs), len(siteDocs)-1)
	}
}
