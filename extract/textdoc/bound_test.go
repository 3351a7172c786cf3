package textdoc

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/readertest"
)

// hostileTests are generated inputs of a shape that once cost minutes or
// gigabytes, and the warnings Parse must give on each (substrings, in
// order).
var hostileTests = []struct {
	name string
	gen  func() string
	want []string
}{
	{"3 MB line of digits and dots", func() string { return oneLine("12.345", 3<<20) }, []string{"line 1: 3145728 bytes long: only the first 65536 are read"}},
	{"12 MB line of digits and dots", func() string { return oneLine("12.345", 12<<20) }, []string{"line 1: 12582912 bytes long"}},
	{"3 MB line of words", func() string { return oneLine("Lasten baten saldo programma ", 3<<20) }, []string{"line 1: 3145728 bytes long"}},
	{"12 MB line of words", func() string { return oneLine("Lasten baten saldo programma ", 12<<20) }, []string{"line 1: 12582912 bytes long"}},
	{"3 MB run-together row", func() string { return "20162017\nLasten" + oneLine("12.345", 3<<20) }, []string{"line 2: 3145734 bytes long"}},
	{"run-together header of 400 years", func() string {
		return strings.Repeat("2016", 400) + "\nLasten" + strings.Repeat("1", 400) + "\n"
	}, []string{"line 1: too many columns for a table (400 run-together years, at most 100): read as text"}},
	{"table of 300 columns", func() string {
		return "Lasten" + strings.Repeat(" 1", 120) + "\nBaten" + strings.Repeat(" 2", 120) + "\n"
	}, []string{"line 1: too many columns for a table (120 value columns, at most 100): read as text"}},
	{"table of 300,000 cells", func() string {
		return strings.Repeat("Lasten"+strings.Repeat(" 1", 99)+"\n", 3000)
	}, []string{"line 2622: more than 262144 table cells: the table is cut here and the rest of the document is not read"}},
	{"a million lines", func() string { return strings.Repeat("x\n", 1000000) }, []string{"line 524289: more than 524288 lines: the rest (951424 bytes) is not read",
		"line 131073: more than 262144 table cells"}}, // "x" reads as a nil marker: a table of label and value
	{"indicator words only", func() string { return strings.Repeat("Naam\n\nWaarde\n\nBron\n\n", 50000) }, nil},
}

// oneLine repeats unit into one line of size bytes.
func oneLine(unit string, size int) string {
	return strings.Repeat(unit, size/len(unit)+1)[:size] + "\n"
}

// hostileSeed is the start of a hostile input, small enough for a fuzz
// seed and still of its shape.
func hostileSeed(in string) []byte { return []byte(in[:min(len(in), 4<<10)]) }

// TestHostile: each hostile input is read with the warnings it calls for,
// and no block carries more text than a line may hold.
func TestHostile(t *testing.T) {
	for _, tc := range hostileTests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(strings.NewReader(tc.gen()), extract.Source{Path: "hostile.txt"})
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
				if len(b.Text) > maxLineLen {
					t.Fatalf("Parse(%s): %s block of %d bytes, more than %d", tc.name, b.Kind, len(b.Text), maxLineLen)
				}
			}
		})
	}
}

// TestHostileDeadline: with a 100 ms deadline every hostile input returns
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
			_, err := ParseContext(ctx, strings.NewReader(in), extract.Source{Path: "hostile.txt"})
			if d := time.Since(start); d > bound {
				t.Errorf("ParseContext(%s, %v deadline) took %v, want < %v", tc.name, deadline, d, bound)
			}
			if err != nil {
				readertest.Deadline(t, tc.name, err, "hostile.txt")
			}
			expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
			defer cancel()
			_, err = ParseContext(expired, strings.NewReader(in), extract.Source{Path: "hostile.txt"})
			readertest.Deadline(t, tc.name, err, "hostile.txt")
		})
	}
}

// BenchmarkHostile times Parse on each hostile input; compare the 3 MB and
// 12 MB cases to see that the cost grows linearly.
func BenchmarkHostile(b *testing.B) {
	for _, tc := range hostileTests {
		in := tc.gen()
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(strings.NewReader(in), extract.Source{Path: "hostile.txt"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
