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
			golden.Check(t, filepath.Join("testdata", stem+".golden.json"), func() (any, error) {
				f, src := fixtures.SeedHTML(t, stem)
				if src.Stem() != stem {
					t.Errorf("Stem() = %q, want %q", src.Stem(), stem)
				}
				return Parse(f, src)
			})
		})
	}
}
