package fetch

import (
	"bytes"
	"compress/gzip"
	"slices"
	"testing"
)

func TestParseSitemap(t *testing.T) {
	gzipped := func(s string) string {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.String()
	}
	const urlset = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://voorbeeld.begrotingsapp.nl/begroting-2026/programma/wonen </loc><lastmod>2025-11-01</lastmod></url>
  <url><loc>https://voorbeeld.begrotingsapp.nl/voorjaarsnota-2025/?a=1&amp;b=2</loc></url>
</urlset>`
	wantSet := []string{"https://voorbeeld.begrotingsapp.nl/begroting-2026/programma/wonen", "https://voorbeeld.begrotingsapp.nl/voorjaarsnota-2025/?a=1&b=2"}
	for _, tc := range []struct {
		name, xml string
		want      []string
		index     bool
		err       bool
	}{
		{name: "urlset", xml: urlset, want: wantSet},
		{name: "gzipped urlset", xml: gzipped(urlset), want: wantSet},
		{name: "index", xml: `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.nl/sitemap-1.xml</loc></sitemap></sitemapindex>`,
			want: []string{"https://x.nl/sitemap-1.xml"}, index: true},
		{name: "cut off keeps what came before", xml: `<urlset><url><loc>/a</loc></url><url><loc>/b</lo`, want: []string{"/a"}, err: true},
		{name: "empty loc", xml: `<urlset><url><loc>  </loc></url></urlset>`},
		{name: "not XML", xml: "User-agent: *\nDisallow: /\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			locs, index, err := parseSitemap(bytes.NewReader([]byte(tc.xml)))
			if !slices.Equal(locs, tc.want) || index != tc.index || (err != nil) != tc.err {
				t.Errorf("parseSitemap:\ngot  %q, index %v, error %v\nwant %q, index %v, error %v", locs, index, err, tc.want, tc.index, tc.err)
			}
		})
	}
}

func TestDocRoot(t *testing.T) {
	for _, tc := range []struct{ path, want string }{
		{"/begroting-2026/programma/wonen", "/begroting-2026"},
		{"/bestuursrapportage-2025-1/", "/bestuursrapportage-2025-1"},
		{"/voorjaarsnota-2025", "/voorjaarsnota-2025"},
		{"/gemeente-x/jaarstukken/overzicht", "/gemeente-x/jaarstukken"},
		{"/Programmabegroting/", "/Programmabegroting"},
		{"/jr2023/p1", "/jr2023"},
		{"/p12345/inleiding", ""},      // a page number, no year
		{"/files/bijlage-1.pdf", ""},   // no report in the path
		{"/jaarstukken-2023.pdf", ""},  // a file name is no root
		{"/downloads/20230/a.pdf", ""}, // five digits are no year
		{"/", ""},
	} {
		if got := docRoot(tc.path); got != tc.want {
			t.Errorf("docRoot(%s) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
