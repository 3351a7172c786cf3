package fetch

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// searchParams mark a search-results URL: such a URL keeps none of its query,
// so every search link leads to the one search page.
var searchParams = []string{"q", "query", "search", "zoek", "zoekterm", "zoekwoord", "s"}

// normalizeURL returns the form of u that the crawler requests and compares,
// or the reason it will not request u at all. It lowercases the scheme and
// host, drops a default port, the fragment and dot segments, and keeps only
// the query parameters named in keep (sorted), none for a search page.
func normalizeURL(u *url.URL, keep []string) (*url.URL, string) {
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme != "http" && scheme != "https":
		if scheme == "" {
			return nil, "not an absolute URL"
		}
		return nil, "scheme " + scheme
	case u.User != nil:
		return nil, "credentials in URL"
	case u.Opaque != "" || u.Host == "":
		return nil, "no host"
	}
	n := &url.URL{Scheme: scheme, Host: strings.ToLower(u.Host), Path: u.Path, RawPath: u.RawPath}
	if port := n.Port(); port == "80" && scheme == "http" || port == "443" && scheme == "https" {
		n.Host = strings.TrimSuffix(n.Host, ":"+port)
	}
	if clean := cleanPath(n.Path); clean != n.Path {
		n.Path, n.RawPath = clean, ""
	}
	n.RawQuery = keepQuery(u.Query(), keep)
	return n, ""
}

// cleanPath removes dot segments and doubled slashes, keeping a trailing
// slash; the empty path becomes "/".
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	c := path.Clean("/" + p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c
}

func keepQuery(q url.Values, keep []string) string {
	for _, name := range searchParams {
		if q.Has(name) {
			return ""
		}
	}
	for name := range q {
		if !slices.Contains(keep, name) {
			delete(q, name)
		}
	}
	return q.Encode() // sorted by name
}

// pageKey identifies a page within a crawl: the host, the path without a
// trailing slash and the kept query. The scheme is left out, so http and
// https links to one page, and a page and its trailing-slash redirect, are
// one page.
func pageKey(u *url.URL) string {
	p := u.EscapedPath()
	if p != "/" {
		p = strings.TrimSuffix(p, "/")
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return u.Host + p
}

// pageID matches the first path segment of platforms that give every page
// of a report a number on a host of its own (/p12345/slug).
var pageID = regexp.MustCompile(`^/p[0-9]+/`)

// scope is the part of a site that one crawl follows: a host and a path
// prefix ending in "/".
type scope struct {
	host   string
	prefix string
}

// scopeOf derives the scope from a start URL: its path taken as a folder
// (https://x.begrotingsapp.nl/begroting-2024 covers /begroting-2024/…), the
// folder of a start page that has an extension (/jaarverslag/index.html), or
// the whole host when the path starts with a page number (/p12345/slug).
func scopeOf(start *url.URL) scope {
	p := start.Path
	switch {
	case pageID.MatchString(p):
		p = "/"
	case path.Ext(p) != "" && !strings.HasSuffix(p, "/"):
		p = path.Dir(p)
	}
	return scope{host: start.Host, prefix: strings.TrimSuffix(p, "/") + "/"}
}

// contains reports whether u is on the scope's host and under its prefix.
func (s scope) contains(u *url.URL) bool {
	return u.Host == s.host && strings.HasPrefix(u.Path+"/", s.prefix)
}

// root returns the document root of a fetched document: the root that
// docRoot finds in its path, else that of the page which linked it, else
// the scope's prefix without its slash ("/" for a whole host).
func (s scope) root(raw, from string) string {
	if u, err := url.Parse(raw); err == nil {
		if r := docRoot(u.Path); r != "" {
			return r
		}
	}
	if from != "" {
		return from
	}
	if s.prefix == "/" {
		return "/"
	}
	return strings.TrimSuffix(s.prefix, "/")
}

// documentWords are the words that make a path segment name a P&C
// document when it has no year: /jaarstukken, /voorjaarsnota.
var documentWords = []string{
	"begroting", "jaarstukken", "jaarrekening", "jaarverslag", "voorjaarsnota", "najaarsnota",
	"kadernota", "perspectiefnota", "bestuursrapportage", "burap", "berap", "marap",
	"tussenrapportage", "voortgangsrapportage", "slotwijziging",
}

// yearInSegment matches a year of this or the last century standing apart
// from other digits: begroting-2026, bestuursrapportage-2025-1, jr2023.
var yearInSegment = regexp.MustCompile(`(^|[^0-9])(19|20)[0-9]{2}([^0-9]|$)`)

// docRoot returns the path up to and including the first segment that
// names a document, by a year or a document word
// (/begroting-2026/programma/wonen → /begroting-2026), or "" when no
// segment does.
func docRoot(p string) string {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	for i, seg := range segs {
		if path.Ext(seg) != "" && i == len(segs)-1 {
			break // a file name (begroting-2024.pdf) is no root of its own
		}
		lower := strings.ToLower(seg)
		if yearInSegment.MatchString(lower) || slices.ContainsFunc(documentWords, func(w string) bool { return strings.Contains(lower, w) }) {
			return "/" + strings.Join(segs[:i+1], "/")
		}
	}
	return ""
}

// isPDFPath reports whether u names a PDF file by its extension.
func isPDFPath(u *url.URL) bool {
	return strings.EqualFold(path.Ext(u.Path), ".pdf")
}

// isRobotsTxt reports whether u is the robots.txt of its host.
func isRobotsTxt(u *url.URL) bool {
	return u.Path == "/robots.txt"
}
