package htmldoc

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
)

// fixtureStems are the HTML renderings of the five seed pages.
var fixtureStems = []string{
	"000_661f3a9d4a7406e9",
	"001_ee1055797fdda912",
	"002_38f9374807b10af5",
	"003_f60c615c1ed0be43",
	"004_450e0a15bb7959d6",
}

func TestGolden(t *testing.T) {
	for _, stem := range fixtureStems {
		t.Run(stem, func(t *testing.T) {
			rel := filepath.Join("html", stem+".html")
			f, err := os.Open(fixtures.Path(rel))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			// A relative path keeps the golden files independent of the checkout.
			src := extract.Source{Path: "fixtures/" + filepath.ToSlash(rel), Format: extract.FormatHTML}
			doc, err := Parse(f, src)
			if err != nil {
				t.Fatalf("Parse(%s): %v", stem, err)
			}
			if src.Stem() != stem {
				t.Errorf("Stem() = %q, want %q", src.Stem(), stem)
			}
			golden.Check(t, filepath.Join("testdata", stem+".golden.json"), doc)
		})
	}
}
