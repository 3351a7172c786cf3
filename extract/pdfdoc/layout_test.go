package pdfdoc

import (
	"path/filepath"
	"testing"

	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
)

// TestLayoutFixtures rebuilds the tables of the generated layout PDFs, one
// per layout the reader handles, and checks their cells against
// testdata/<name>.golden.json (rows as render prints them).
func TestLayoutFixtures(t *testing.T) {
	tests := []struct {
		name   string
		tables int
	}{
		{"layout-index", 1},     // a column of row numbers; two header lines and a label between; a unit-only line
		{"layout-continued", 2}, // continued without a header, with a broken last row; continued with the header repeated
		{"layout-chained", 1},   // rows without padding: a label going on below, a wrapped label in upper case
		{"layout-centred", 1},   // a row centred on a three-line label; a label wrapped below its numbers
		{"layout-remarks", 1},   // a remark column whose text wraps below the last row
	}
	type table struct {
		Caption string
		Rows    []string
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", tt.name+".golden.json"), func() (any, error) {
				doc, err := parseFile(t, fixtures.Path("pdf/"+tt.name+".pdf"))
				if err != nil {
					return nil, err
				}
				var got []table
				for _, tb := range tables(doc) {
					got = append(got, table{tb.Caption, render(tb)})
				}
				if len(got) != tt.tables {
					t.Errorf("Parse(%s) = %d tables, want %d", tt.name, len(got), tt.tables)
				}
				return got, nil
			})
		})
	}
}

// TestOperatorsGolden reads a document drawn with every text-positioning
// and path operator, an inline image, lists, and pages with a crop box, a
// rotation and no media box, and checks the whole document model.
func TestOperatorsGolden(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "operators.golden.json"), func() (any, error) {
		doc, err := parseFile(t, fixtures.Path("pdf/operators.pdf"))
		if err == nil {
			doc.Source.Path = "fixtures/pdf/operators.pdf"
		}
		return doc, err
	})
}
