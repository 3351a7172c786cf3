package htmldoc

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/readertest"
)

// hostileTests are generated pages of a shape that once cost minutes or
// gigabytes, with the warnings Parse must give (prefixes, in order) or the
// error it must return (a substring).
var hostileTests = []struct {
	name    string
	gen     func() string
	want    []string
	wantErr string
}{
	{"40 MB table", func() string {
		row := "<tr><td>Lasten</td><td>12.345</td><td>-678</td><td>9.012</td></tr>\n"
		return "<html><body><table>\n" + strings.Repeat(row, (40<<20)/len(row)) + "</table></body></html>\n"
	}, []string{"more than 250000 tags: only the first 1675000 of 41943048 bytes are read"}, ""},
	{"20,000-column table", func() string {
		return "<table>" + strings.Repeat("<tr>"+strings.Repeat("<td>1</td>", 20000)+"</tr>", 3) + "</table>"
	}, []string{"table body > table: 57000 cells past column 1000 are not read"}, ""},
	{"colspans past the column limit", func() string {
		return "<table><tr>" + strings.Repeat(`<td colspan="1000">x</td>`, 3) + "</tr></table>"
	}, []string{"table body > table: 2 cells past column 1000 are not read"}, ""},
	{"3 MB paragraph", func() string {
		return "<p>" + strings.Repeat("12.345", (3<<20)/6) + "</p>"
	}, []string{"body > p: 3145728 bytes of text, only the first 65536 are read"}, ""},
	{"300,000 paragraphs", func() string { return strings.Repeat("<p>x</p>", 300000) }, []string{"more than 250000 tags"}, ""},
	{"divs nested 100,000 deep", func() string { return nested("<div>", 100000) }, nil, "open stack of elements exceeds 512"},
	{"spans nested 100,000 deep", func() string { return "<p>" + nested("<span>", 100000) }, nil, "open stack of elements exceeds 512"},
	{"formatting nested 100,000 deep", func() string { return nested("<b>", 100000) + "<p>x" }, nil, "open stack of elements exceeds 512"},
	{"tables nested 100,000 deep", func() string { return nested("<table><tr><td>", 100000) }, nil, "open stack of elements exceeds 512"},
}

// nested opens tag n times around a word.
func nested(tag string, n int) string { return strings.Repeat(tag, n) + "x" }

// hostileSeed is the start of a hostile page, small enough for a fuzz seed
// and still of its shape.
func hostileSeed(in string) []byte { return []byte(in[:min(len(in), 4<<10)]) }

// TestHostile: each hostile page is read with the warnings it calls for,
// or fails with a ParseError, and no block or cell text exceeds maxText.
func TestHostile(t *testing.T) {
	for _, tc := range hostileTests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(strings.NewReader(tc.gen()), extract.Source{Path: "hostile.html"})
			if tc.wantErr != "" {
				var perr *extract.ParseError
				if !errors.As(err, &perr) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Parse(%s) = %v, want a ParseError saying %q", tc.name, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%s): %v", tc.name, err)
			}
			if len(doc.Warnings) != len(tc.want) {
				t.Fatalf("Parse(%s) warnings:\ngot  %q\nwant %q", tc.name, doc.Warnings, tc.want)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(doc.Warnings[i], w) {
					t.Errorf("Parse(%s) warning %d:\ngot  %q\nwant %q…", tc.name, i, doc.Warnings[i], w)
				}
			}
			for _, b := range doc.Blocks {
				if len(b.Text) > maxText {
					t.Fatalf("Parse(%s): %s block of %d bytes, more than %d", tc.name, b.Kind, len(b.Text), maxText)
				}
				if b.Table == nil {
					continue
				}
				for _, r := range b.Table.Rows {
					if len(r) > maxColumns {
						t.Fatalf("Parse(%s): table row of %d cells, more than %d", tc.name, len(r), maxColumns)
					}
				}
			}
		})
	}
}

// TestHostileDeadline: with a 100 ms deadline every hostile page returns
// well within 2 s, and an expired deadline is an error that says so and
// names the source.
func TestHostileDeadline(t *testing.T) {
	const (
		deadline = 100 * time.Millisecond
		bound    = 2 * time.Second * fixtures.TimeScale // generous: the test machine is shared
	)
	for _, tc := range hostileTests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.gen()
			ctx, cancel := context.WithTimeout(context.Background(), deadline)
			defer cancel()
			start := time.Now()
			_, err := ParseContext(ctx, strings.NewReader(in), extract.Source{Path: "hostile.html"})
			if d := time.Since(start); d > bound {
				t.Errorf("ParseContext(%s, %v deadline) took %v, want < %v", tc.name, deadline, d, bound)
			}
			if err != nil && tc.wantErr == "" {
				readertest.Deadline(t, tc.name, err, "hostile.html")
			}
			expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
			defer cancel()
			_, err = ParseContext(expired, strings.NewReader(in), extract.Source{Path: "hostile.html"})
			readertest.Deadline(t, tc.name, err, "hostile.html")
		})
	}
}

// BenchmarkHostile times Parse on each hostile page.
func BenchmarkHostile(b *testing.B) {
	for _, tc := range hostileTests {
		in := tc.gen()
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				_, _ = Parse(strings.NewReader(in), extract.Source{Path: "hostile.html"})
			}
		})
	}
}
