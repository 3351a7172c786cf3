package recognize_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/extract/textdoc"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
)

// TestGolden reads each HTML fixture with htmldoc, runs Find and compares
// the Result with testdata/<stem>.golden.json.
func TestGolden(t *testing.T) {
	for _, stem := range fixtures.SeedStems {
		t.Run(stem, func(t *testing.T) {
			f, src := fixtures.SeedHTML(t, stem)
			doc, err := htmldoc.Parse(f, src)
			if err != nil {
				t.Fatalf("Parse(%s): %v", stem, err)
			}
			golden.Check(t, filepath.Join("testdata", stem+".golden.json"), func() (any, error) { return recognize.Find(doc), nil })
		})
	}
}

// TestFindSeeds reads the shared seed texts with textdoc (skipped without
// ../shared) and compares how many amounts, indicator values and
// objectives Find gives with the expected extraction in gold/.
func TestFindSeeds(t *testing.T) {
	dir := fixtures.Shared(t, "seeds")
	for _, stem := range fixtures.SeedStems {
		t.Run(stem, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, stem+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			doc, err := textdoc.Parse(f, extract.Source{Path: stem + ".txt", Format: extract.FormatText})
			if err != nil {
				t.Fatalf("Parse(%s): %v", stem, err)
			}
			var gold struct {
				Financial, Indicators, Objectives []json.RawMessage
			}
			data, err := os.ReadFile(fixtures.Shared(t, "gold/"+stem+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &gold); err != nil {
				t.Fatal(err)
			}
			res := recognize.Find(doc)
			amounts := 0
			for _, ft := range res.Financial {
				for _, r := range ft.Rows {
					for _, c := range r.Cells {
						if c.Text != "" {
							amounts++
						}
					}
				}
			}
			got := []int{amounts, len(res.Indicators), len(res.Objectives)}
			want := []int{len(gold.Financial), len(gold.Indicators), len(gold.Objectives)}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Find(%s) amounts, indicators, objectives:\ngot  %v\nwant %v", stem, got, want)
			}
		})
	}
}
