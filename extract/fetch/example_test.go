package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"github.com/begroot/begroot/extract/fetch"
)

func ExampleCrawler_Crawl() {
	// A tiny report: a start page linking to a programme page and a PDF,
	// and to a page of another report on the same host.
	site := map[string]string{
		"/begroting-2024/":              `<a href="programma-1">1</a> <a href="/jaarstukken-2023/">2023</a> <a href="begroting.pdf">pdf</a>`,
		"/begroting-2024/programma-1":   `<h1>Programma 1</h1><a href="/begroting-2024/#top">terug</a>`,
		"/begroting-2024/begroting.pdf": "%PDF-1.4\n%%EOF\n",
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := site[r.URL.Path]
		if !ok {
			http.NotFound(w, r) // also robots.txt: everything is allowed
			return
		}
		w.Write([]byte(body))
	}))
	defer ts.Close()
	cache, _ := os.MkdirTemp("", "begroot-example")
	defer os.RemoveAll(cache)

	c := &fetch.Crawler{
		Client: ts.Client(),
		Cache:  cache,
		Delay:  -1, // a local test server needs no pause
		OnSkipped: func(url, reason string) {
			fmt.Println("skipped", strings.TrimPrefix(url, ts.URL), "-", reason)
		},
	}
	sites, err := c.Crawl(context.Background(), ts.URL+"/begroting-2024/")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range sites[0].Docs {
		fmt.Println(d.Source.Format, strings.TrimPrefix(d.Source.URL, ts.URL), d.Source.Size)
	}
	fmt.Println("new:", len(sites[0].Changes.New))
	// Output:
	// skipped /jaarstukken-2023/ - outside /begroting-2024/
	// html /begroting-2024/ 97
	// html /begroting-2024/programma-1 60
	// pdf /begroting-2024/begroting.pdf 15
	// new: 3
}
