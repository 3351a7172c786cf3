package htmldoc

import (
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
)

func TestGolden(t *testing.T) {
	for _, stem := range fixtures.SeedStems {
		t.Run(stem, func(t *testing.T) {
			f, src := fixtures.SeedHTML(t, stem)
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
