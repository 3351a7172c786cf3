package recognize_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/extract/textdoc"
	"github.com/begroot/begroot/fixtures"
)

// FuzzFind reads arbitrary text with textdoc and runs Find over the
// document: Find must never panic, and every amount it returns must sit in
// a column it names.
func FuzzFind(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "textdoc", "testdata", "*.txt"))
	if dir := fixtures.SharedDir(); dir != "" {
		seeds, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
		files = append(files, seeds...)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("bedragen x €1000\nRealisatie 2016 Begroting 2017\nLasten 10 20\nBaten 1 2\n"))
	f.Add([]byte("Doelstelling\n\n-\n\nIedereen doet mee aan de samenleving.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := textdoc.Parse(bytes.NewReader(data), extract.Source{Path: "fuzz.txt"})
		if err != nil {
			return
		}
		res := recognize.Find(doc)
		for _, ft := range res.Financial {
			if ft.Scale <= 0 || ft.Unit == "" {
				t.Fatalf("financial table without unit: %+v", ft)
			}
			for _, r := range ft.Rows {
				if len(r.Cells) != len(ft.Columns) {
					t.Fatalf("row %q has %d cells for %d columns", r.Label, len(r.Cells), len(ft.Columns))
				}
			}
		}
		for _, o := range res.Objectives {
			if o.Kind != recognize.KindGoal && o.Kind != recognize.KindActivity {
				t.Fatalf("objective of kind %q", o.Kind)
			}
		}
	})
}
