package normalize

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/fixtures"
)

// TestEmptyIndicators reads a generated pay table (WNT) headed by a
// person's name, with a column without heading that holds only "N.v.t.":
// the record of that column has neither a column label nor a value and is
// left out with a warning; the record under the name stays.
func TestEmptyIndicators(t *testing.T) {
	path := fixtures.Path("pdf/risk-persons.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdfdoc.Parse(bytes.NewReader(data), int64(len(data)), extract.Source{Path: path, Format: extract.FormatPDF})
	if err != nil {
		t.Fatalf("parse %s: %v", path, err)
	}
	rep := Normalize(doc, recognize.Find(doc))
	var got []string
	for _, in := range rep.Indicators {
		got = append(got, in.Name+" | "+in.Column+" | "+in.Raw)
	}
	want := []string{"Omvang dienstverband (deeltijdfactor in fte) | A. Jansen Griffier | 1,0"}
	if !slices.Equal(got, want) {
		t.Errorf("Normalize(risk-persons.pdf) indicators = %q, want %q", got, want)
	}
	warning := "page 1: 1 indicator record(s) without a column label or a value left out"
	if !slices.Contains(rep.Warnings, warning) {
		t.Errorf("Normalize(risk-persons.pdf) warnings = %q, want %q among them", rep.Warnings, warning)
	}
}
