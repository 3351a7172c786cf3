package pdfdoc

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/begroot/begroot/extract"
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
		{"layout-index", 1},       // a column of row numbers; two header lines and a label between; a unit-only line
		{"layout-continued", 2},   // continued without a header, with a broken last row; continued with the header repeated
		{"layout-chained", 1},     // rows without padding: a label going on below, a wrapped label in upper case
		{"layout-centred", 1},     // a row centred on a three-line label; a label wrapped below its numbers
		{"layout-remarks", 1},     // a remark column whose text wraps below the last row
		{"layout-columns", 2},     // two text columns: a table in the left one beside prose; a table across the gutter
		{"layout-sparse", 1},      // a sparse generator grid: values placed by the "lasten baten" headings; group labels above the first row and between rows
		{"layout-wrapped", 1},     // indicator names wrapped over two or three lines, the values on the last line
		{"layout-lone", 1},        // values alone on a line, centred on their wrapped labels; group labels above rows
		{"layout-prose", 0},       // running text beside a chart's percentage labels: no table
		{"layout-textcols", 2},    // a name running into its unit with less than a space; a one-row table whose name ends before the unit column
		{"layout-unithead", 1},    // a unit label alone under a column heading: part of the header, not the caption
		{"layout-splitoff", 1},    // a total row set apart far below the rows, nothing between: one table
		{"layout-longnote", 1},    // a remark wrapped over five lines between two rows: one table
		{"layout-ownrows", 2},     // a label without values under the widest label in a table of padded rows; a group label above a wrapped label
		{"layout-gutterhead", 1},  // two text columns above a table across the gutter whose first header line has headings on both sides of it
		{"layout-leadword", 1},    // a column heading that ends in the lead word of unit labels ("Ontvangen bedragen"): a heading, not a unit label
		{"layout-lowerwrap", 2},   // a group label over an item in lower case that fits after it; a label and a remark wrapped in lower case below the values at a wide pitch
		{"layout-blankrows", 1},   // rows at a wide pitch with a row left blank (twice the pitch) before some: one table
		{"layout-legendyear", 1},  // a legend line over the header ("Begrotingsjaar T" and a year over the first column): no column heading
		{"layout-twolinehead", 1}, // a heading wrapped over two lines of one extent between its neighbours headings: it heads one column
		{"layout-gutterlast", 1},  // the first header line of a table across the gutter on the last baseline of two text columns
		{"layout-sparsehead", 1},  // a heading over year columns that hold no value: part of the header, not the caption
		{"layout-lastline", 1},    // padded rows with their values on the last line of the name, also one in upper case
		{"layout-minusgap", 1},    // minus signs drawn a point before their digits; a "-" for no value
		{"layout-guttertop", 1},   // the header and a group label of a table across the gutter on the last lines of two text columns
		{"layout-lastrow", 1},     // the last row of a table alone at the top of the next page
		{"layout-offset", 1},      // a value printed half a line below the other values of its row
		{"layout-tracked", 1},     // figures set with their digits spread up to a ninth of an em apart: one number each
		{"layout-yearpair", 1},    // a year centred over the last two columns, placed over the right one: it heads both
		{"layout-orphanhead", 1},  // a header alone at the foot of page 1, its rows at the top of page 2: it heads them
		{"layout-totalbelow", 1},  // a last row wrapped over three lines, its values centred below the first, which goes on in lower case: the first line is not the row above's
		{"layout-labelremark", 1}, // a label wrapped onto a line that carries the rest of its remark in upper case; a remark wrapped below the last row at the table's wide pitch
		{"layout-cont", 2},        // labels without values end page 1 and start page 2 above the rows going on without the header: one table; rows after a unit label on page 3 are another
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

// TestTwoColumnText reads a page set in two text columns: each column's
// prose is a paragraph of its own, not interleaved with the other column.
func TestTwoColumnText(t *testing.T) {
	doc, err := parseFile(t, fixtures.Path("pdf/layout-columns.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"De GGD voert de jeugdgezondheidszorg uit voor alle kinderen van nul tot achttien jaar in de zes gemeenten van de regio.",
		"In het tweede halfjaar is het aantal contactmomenten weer op het niveau van voor de pandemie gekomen. " +
			"De wachttijd voor het eerste huisbezoek is gedaald naar twee weken. Het aantal meldingen van " +
			"kindermishandeling bleef gelijk, de vaccinatiegraad steeg licht. Voor het komende jaar is extra " +
			"inzet voorzien op de wijkteams en op het onderwijs. De lasten stijgen door de indexering.",
	}
	var got []string
	for _, b := range doc.Blocks {
		if b.Kind == extract.Paragraph {
			got = append(got, b.Text)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Parse(layout-columns) paragraphs:\ngot  %q\nwant %q", got, want)
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
