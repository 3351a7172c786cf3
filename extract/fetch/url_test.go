package fetch

import (
	"net/url"
	"testing"
)

func TestNormalizeURL(t *testing.T) {
	keep := []string{"id", "p"}
	for _, tc := range []struct {
		name, in, want, key, reason string
	}{
		{"plain", "https://lingewaard.begrotingsapp.nl/begroting-2024", "https://lingewaard.begrotingsapp.nl/begroting-2024", "lingewaard.begrotingsapp.nl/begroting-2024", ""},
		{"trailing slash is the same page", "https://x.nl/begroting-2024/", "https://x.nl/begroting-2024/", "x.nl/begroting-2024", ""},
		{"fragment dropped", "https://x.nl/doc/p1#wat-gaat-het-kosten", "https://x.nl/doc/p1", "x.nl/doc/p1", ""},
		{"case and default port", "HTTPS://X.NL:443/Doc", "https://x.nl/Doc", "x.nl/Doc", ""},
		{"other port kept", "http://127.0.0.1:8080/a", "http://127.0.0.1:8080/a", "127.0.0.1:8080/a", ""},
		{"dot segments", "https://x.nl/doc/a/../b/./c", "https://x.nl/doc/b/c", "x.nl/doc/b/c", ""},
		{"double slash", "https://x.nl/doc//b", "https://x.nl/doc/b", "x.nl/doc/b", ""},
		{"empty path", "https://x.nl", "https://x.nl/", "x.nl/", ""},
		{"tracking query dropped", "https://x.nl/doc/p1?utm_source=mail&print=1", "https://x.nl/doc/p1", "x.nl/doc/p1", ""},
		{"page query kept and sorted", "https://x.nl/index.php?p=2&lang=nl&id=7", "https://x.nl/index.php?id=7&p=2", "x.nl/index.php?id=7&p=2", ""},
		{"search query dropped whole", "https://x.nl/doc/zoeken?q=reserves&p=2", "https://x.nl/doc/zoeken", "x.nl/doc/zoeken", ""},
		{"escaped path kept", "https://x.nl/doc/financi%C3%ABn", "https://x.nl/doc/financi%C3%ABn", "x.nl/doc/financi%C3%ABn", ""},
		{"mailto", "mailto:info@x.nl", "", "", "scheme mailto"},
		{"javascript", "javascript:void(0)", "", "", "scheme javascript"},
		{"tel", "tel:14 0000", "", "", "scheme tel"},
		{"ftp", "ftp://x.nl/a.pdf", "", "", "scheme ftp"},
		{"credentials", "https://user:pass@x.nl/doc", "", "", "credentials in URL"},
		{"relative", "/doc/p1", "", "", "not an absolute URL"},
		{"no host", "http:///doc", "", "", "no host"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, err := url.Parse(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got, reason := normalizeURL(u, keep)
			if reason != tc.reason {
				t.Fatalf("normalizeURL(%s) reason: got %q, want %q", tc.in, reason, tc.reason)
			}
			if reason != "" {
				return
			}
			if got.String() != tc.want || pageKey(got) != tc.key {
				t.Errorf("normalizeURL(%s):\ngot  %s key %s\nwant %s key %s", tc.in, got, pageKey(got), tc.want, tc.key)
			}
		})
	}
}

func TestScope(t *testing.T) {
	for _, tc := range []struct {
		start  string
		in     []string
		out    []string
		prefix string
	}{
		{
			start:  "https://x.begrotingsapp.nl/begroting-2024",
			prefix: "/begroting-2024/",
			in:     []string{"https://x.begrotingsapp.nl/begroting-2024", "https://x.begrotingsapp.nl/begroting-2024/", "https://x.begrotingsapp.nl/begroting-2024/programma/1"},
			out:    []string{"https://x.begrotingsapp.nl/begroting-2024-oud/a", "https://x.begrotingsapp.nl/", "https://y.begrotingsapp.nl/begroting-2024/a"},
		},
		{
			start:  "https://x.jaarverslag-2017.nl/p12345/sociaal-domein",
			prefix: "/",
			in:     []string{"https://x.jaarverslag-2017.nl/p12346/wonen", "https://x.jaarverslag-2017.nl/"},
			out:    []string{"https://www.x.nl/p12346/wonen"},
		},
		{
			start:  "https://x.nl/jaarverslag/index.html",
			prefix: "/jaarverslag/",
			in:     []string{"https://x.nl/jaarverslag/programma-1.html"},
			out:    []string{"https://x.nl/index.html"},
		},
		{start: "https://x.nl/", prefix: "/", in: []string{"https://x.nl/a/b"}},
	} {
		t.Run(tc.start, func(t *testing.T) {
			start, _ := url.Parse(tc.start)
			s := scopeOf(start)
			if s.prefix != tc.prefix {
				t.Errorf("scopeOf(%s) prefix: got %q, want %q", tc.start, s.prefix, tc.prefix)
			}
			for _, list := range []struct {
				urls []string
				want bool
			}{{tc.in, true}, {tc.out, false}} {
				for _, raw := range list.urls {
					u, _ := url.Parse(raw)
					if got := s.contains(u); got != list.want {
						t.Errorf("scopeOf(%s).contains(%s): got %v, want %v", tc.start, raw, got, list.want)
					}
				}
			}
		})
	}
}
