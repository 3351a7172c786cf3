package htmldoc

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

func FuzzHTMLParse(f *testing.F) {
	for _, stem := range fixtures.SeedStems {
		data, err := os.ReadFile(fixtures.Path(filepath.Join("html", stem+".html")))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, tc := range parseTests {
		f.Add([]byte(tc.in))
	}
	for _, tc := range hostileTests {
		f.Add(hostileSeed(tc.gen()))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(bytes.NewReader(data), extract.Source{Path: "fuzz.html"})
		if err != nil {
			var perr *extract.ParseError
			if !errors.As(err, &perr) {
				t.Fatalf("error is not an *extract.ParseError: %v", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if b.Pos.Selector == "" {
				t.Fatalf("block without selector: %+v", b)
			}
			if b.Kind == extract.TableBlock && (b.Table == nil || len(b.Table.Rows) == 0) {
				t.Fatalf("empty table block: %+v", b)
			}
		}
	})
}
