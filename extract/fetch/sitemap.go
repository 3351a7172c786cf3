package fetch

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"os"
	"strings"
	"time"
)

// Limits on sitemaps. The sitemap protocol (sitemaps.org) allows 50,000
// URLs and 50 MB per file; a gemeente's documents on a hosted platform are
// a few thousand pages listed in a handful of files.
const (
	maxSitemapBytes = 50 << 20 // per file, after decompression
	maxSitemapURLs  = 50_000   // per host, all files together
	maxSitemaps     = 20       // files per host, index files included
)

// sitemapRecheck is how long a sitemap found missing is not asked for
// again: a host that publishes none seldom starts to, and nightly runs
// need not ask each night.
const sitemapRecheck = 7 * 24 * time.Hour

// sitemapLinks returns the page URLs that the sitemaps of u's host list,
// read once per host and crawl: the files named by robots.txt Sitemap
// lines on the same host, else /sitemap.xml, and the files that sitemap
// index files name on the same host. A missing sitemap is no error; one
// that fails is reported as skipped.
func (cr *crawl) sitemapLinks(ctx context.Context, u *url.URL) []*url.URL {
	h := cr.host(u.Host)
	h.sitemapOnce.Do(func() { h.sitemap = cr.readSitemaps(ctx, u) })
	return h.sitemap
}

func (cr *crawl) readSitemaps(ctx context.Context, u *url.URL) []*url.URL {
	rb := cr.robotsFor(ctx, u)
	robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	var files []*url.URL
	seen := map[string]bool{}
	add := func(base *url.URL, ref string) {
		f, err := base.Parse(strings.TrimSpace(ref))
		if err != nil {
			return
		}
		if f, _ = normalizeURL(f, nil); f != nil && f.Host == u.Host && !seen[pageKey(f)] && len(seen) < maxSitemaps {
			seen[pageKey(f)] = true
			files = append(files, f)
		}
	}
	for _, ref := range rb.sitemaps {
		add(robotsURL, ref)
	}
	if len(files) == 0 {
		add(robotsURL, "/sitemap.xml")
	}
	var pages []*url.URL
	for len(files) > 0 && len(pages) < maxSitemapURLs && ctx.Err() == nil {
		f := files[0]
		files = files[1:]
		if !rb.allowed(requestTarget(f)) {
			cr.skip(f.String(), "sitemap disallowed by robots.txt")
			continue
		}
		locs, index, err := cr.readSitemap(ctx, f)
		if err != nil {
			if ctx.Err() == nil {
				cr.skip(f.String(), "sitemap: "+err.Error())
			}
			continue
		}
		for _, loc := range locs {
			if index {
				add(f, loc)
			} else if p, err := f.Parse(strings.TrimSpace(loc)); err == nil && len(pages) < maxSitemapURLs {
				pages = append(pages, p)
			}
		}
	}
	return pages
}

// readSitemap fetches one sitemap file through the cache and reads it.
func (cr *crawl) readSitemap(ctx context.Context, u *url.URL) (locs []string, index bool, err error) {
	body, err := cr.fetchFile(ctx, u, maxSitemapBytes, false, sitemapRecheck)
	if err != nil || body == "" {
		return nil, false, err
	}
	f, err := os.Open(body)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	return parseSitemap(f)
}

// parseSitemap reads a sitemap, plain or gzipped: the <loc> of each <url>
// of a <urlset>, or of each <sitemap> of a <sitemapindex> (index is then
// true). It reads at most maxSitemapBytes of XML and maxSitemapURLs
// locations; a file cut off or broken keeps the locations read before the
// damage, with the error.
func parseSitemap(r io.Reader) (locs []string, index bool, err error) {
	br := bufio.NewReader(r)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, false, err
		}
		defer zr.Close()
		r = zr
	} else {
		r = br
	}
	dec := xml.NewDecoder(io.LimitReader(r, maxSitemapBytes))
	dec.Strict = false
	inLoc := false
	var loc strings.Builder
	for len(locs) < maxSitemapURLs {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return locs, index, nil
		}
		if err != nil {
			return locs, index, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sitemapindex":
				index = true
			case "loc":
				inLoc = true
				loc.Reset()
			}
		case xml.CharData:
			if inLoc && loc.Len() < maxURLLength {
				loc.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "loc" && inLoc {
				inLoc = false
				if s := strings.TrimSpace(loc.String()); s != "" {
					locs = append(locs, s)
				}
			}
		}
	}
	return locs, index, nil
}

// maxURLLength bounds one <loc>: the protocol allows 2,048 characters.
const maxURLLength = 2048
