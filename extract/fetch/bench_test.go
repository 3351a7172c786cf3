package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// benchPages is the size of the generated site of BenchmarkCrawl.
const benchPages = 300

// benchSite serves a report of benchPages pages under /begroting/: page 0
// is the start page, and page i links to its children 2i+1 and 2i+2, to its
// parent and to the start page, next to a table like those of real reports.
func benchSite() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/begroting/p"))
		if r.URL.Path == "/begroting/" {
			n, err = 0, nil
		}
		if err != nil || n < 0 || n >= benchPages {
			http.NotFound(w, r)
			return
		}
		var b strings.Builder
		fmt.Fprintf(&b, "<!DOCTYPE html><html><head><title>Pagina %d</title></head><body>\n", n)
		parent := fmt.Sprintf("p%d", (n-1)/2)
		if n <= 2 {
			parent = "/begroting/"
		}
		fmt.Fprintf(&b, `<nav><a href="/begroting/">Home</a> <a href="%s">Omhoog</a></nav><main><h1>Pagina %d</h1>`, parent, n)
		for _, c := range []int{2*n + 1, 2*n + 2} {
			if c < benchPages {
				fmt.Fprintf(&b, `<p><a href="p%d#inhoud">Hoofdstuk %d</a></p>`, c, c)
			}
		}
		b.WriteString("<table><caption>Bedragen x € 1.000</caption><tr><th></th><th>Begroting 2024</th></tr>")
		for row := range 20 {
			fmt.Fprintf(&b, "<tr><td>Taakveld %d</td><td>%d.%03d</td></tr>", row, n, row)
		}
		b.WriteString("</table></main></body></html>\n")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", fmt.Sprintf(`"p%d"`, n))
		w.Write([]byte(b.String()))
	})
}

// BenchmarkCrawl crawls the generated site with no delay and a fresh cache
// each time, and reports pages per second:
//
//	go test -run '^$' -bench Crawl -benchtime 5x ./extract/fetch
func BenchmarkCrawl(b *testing.B) {
	ts := httptest.NewServer(benchSite())
	defer ts.Close()
	pages := 0
	start := time.Now()
	for b.Loop() {
		dir, err := os.MkdirTemp(b.TempDir(), "cache")
		if err != nil {
			b.Fatal(err)
		}
		c := &Crawler{Client: ts.Client(), Cache: dir, Delay: -1}
		sites, err := c.Crawl(context.Background(), ts.URL+"/begroting/")
		if err != nil {
			b.Fatal(err)
		}
		if got := len(sites[0].Docs); got != benchPages || len(sites[0].Errors) > 0 {
			b.Fatalf("got %d pages and errors %v, want %d pages", got, sites[0].Errors, benchPages)
		}
		pages += benchPages
	}
	b.ReportMetric(float64(pages)/time.Since(start).Seconds(), "pages/s")
}
