package fetch

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestLinks(t *testing.T) {
	page, _ := url.Parse("https://x.nl/doc/programma/1")
	for _, tc := range []struct {
		name, html string
		want       []string
	}{
		{
			name: "anchors resolved",
			html: `<nav><ul><li><a href="/doc/">Home</a><li><a href="2">2</a><li><a href='../paragrafen/'>P</a></ul></nav>
			       <a href="https://y.nl/">y</a><a href="#top">top</a><a href=" ?print=1 ">print</a>`,
			want: []string{"https://x.nl/doc/", "https://x.nl/doc/programma/2", "https://x.nl/doc/paragrafen/",
				"https://y.nl/", "https://x.nl/doc/programma/1#top", "https://x.nl/doc/programma/1?print=1"},
		},
		{
			name: "other link elements",
			html: `<map><area href="kaart"></map><iframe src="/pdf/a.pdf"></iframe><embed src="b.pdf"/><object data="c.pdf"></object>`,
			want: []string{"https://x.nl/doc/programma/kaart", "https://x.nl/pdf/a.pdf", "https://x.nl/doc/programma/b.pdf", "https://x.nl/doc/programma/c.pdf"},
		},
		{
			name: "base href",
			html: `<head><base href="/doc/"><base href="/elders/"></head><a href="inleiding">i</a>`,
			want: []string{"https://x.nl/doc/inleiding"},
		},
		{
			name: "meta refresh",
			html: `<meta http-equiv="Refresh" content="0; URL='/doc/start'"><meta http-equiv="refresh" content="5">`,
			want: []string{"https://x.nl/doc/start"},
		},
		{
			name: "not links",
			html: `<link rel="stylesheet" href="/s.css"><script src="/a.js">var u = "<a href='/js'>";</script>
			       <img src="/i.png"><a>no href</a><a href="">empty</a><a name="x">anchor</a><!-- <a href="/comment"> -->`,
		},
		{
			name: "entities and schemes kept for the caller",
			html: `<a href="/zoek?q=a&amp;page=2">z</a><a href="mailto:a@x.nl">m</a><a href="javascript:void(0)">j</a><a href="http://[::1">bad</a>`,
			want: []string{"https://x.nl/zoek?q=a&page=2", "mailto:a@x.nl", "javascript:void(0)"},
		},
		{
			name: "broken markup",
			html: `<a href="/a"<a href=/b>b</a><table><tr><td><a href=c>c`,
			want: []string{"https://x.nl/a", "https://x.nl/doc/programma/c"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, u := range scanPage(strings.NewReader(tc.html), page, maxPageLinks).links {
				got = append(got, u.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("links:\ngot  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func FuzzLinks(f *testing.F) {
	f.Add(`<a href="/doc/a#x">a</a><base href="/b/"><meta http-equiv=refresh content="0;url=c">`)
	f.Add(`<iframe src="javascript:alert(1)"><a href="http://[::1]:namedport">`)
	f.Add("<a href=\"\x00%zz\">")
	page, _ := url.Parse("https://x.nl/doc/p")
	f.Fuzz(func(t *testing.T, html string) {
		for _, u := range scanPage(strings.NewReader(html), page, 3).links {
			if n, reason := normalizeURL(u, []string{"id"}); reason == "" {
				pageKey(n)
			}
		}
	})
}

func TestScanPageShell(t *testing.T) {
	page, _ := url.Parse("https://x.nl/begroting-2026/")
	for _, tc := range []struct {
		name, html string
		shell      bool
	}{
		{"app shell", `<!DOCTYPE html><html><head><title>Begroting 2026 - Gemeente Voorbeeld</title>
			<script type="module" src="/assets/index.js"></script><style>#app{min-height:100vh}</style></head>
			<body><div id="app"></div><noscript>Deze website heeft JavaScript nodig. Zet JavaScript aan om de begroting te lezen.</noscript>
			<script>window.__STATE__ = {"programma": "Wonen en werken in de gemeente Voorbeeld"}</script></body></html>`, true},
		{"shell with a loading text", `<body><div id="root"><p>Laden…</p></div><script src="/app.js"></script></body>`, true},
		{"page with content and scripts", `<body><script src="/menu.js"></script><main><h1>Programma 1 Wonen</h1>
			<p>Wat willen we bereiken? Voldoende betaalbare woningen voor iedereen.</p></main></body>`, false},
		{"short page without scripts", `<h1>Nieuw</h1><p>Een nieuwe pagina.</p>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			scan := scanPage(strings.NewReader(tc.html), page, maxPageLinks)
			if got := scan.isShell(); got != tc.shell {
				t.Errorf("isShell = %v, want %v (text %d, scripts %d)", got, tc.shell, scan.text, scan.scripts)
			}
		})
	}
}

func TestScanPageLinkLimit(t *testing.T) {
	page, _ := url.Parse("https://x.nl/doc/")
	html := strings.Repeat(`<a href="a">a</a>`, 5)
	for _, tc := range []struct {
		max  int
		n    int
		more bool
	}{{3, 3, true}, {5, 5, false}, {6, 5, false}} {
		scan := scanPage(strings.NewReader(html), page, tc.max)
		if len(scan.links) != tc.n || scan.more != tc.more {
			t.Errorf("scanPage(max %d): %d links, more %v; want %d, %v", tc.max, len(scan.links), scan.more, tc.n, tc.more)
		}
	}
}
