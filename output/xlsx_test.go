package output

import (
	"archive/zip"
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/normalize"
	"github.com/xuri/excelize/v2"
)

var rawValues = excelize.Options{RawCellValue: true}

// writeWorkbook writes the workbook of ds alone and returns its bytes.
func writeWorkbook(t testing.TB, ds *normalize.Dataset) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(writeFiles(t, ds, "", CSVPlain, true), "begroot.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func openWorkbook(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWriteWorkbook(t *testing.T) {
	ds := testDataset()
	f := openWorkbook(t, writeWorkbook(t, ds))
	want := []string{"Documenten", "Financieel", "Indicatoren", "Doelstellingen", "Vergelijking", "Grafieken", "Controles", "Fouten", "Toelichting"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets:\ngot  %q\nwant %q", got, want)
	}
	for _, tb := range []table{documentTable, financialTable, indicatorTable, objectiveTable, checkTable, errorTable} {
		t.Run(tb.sheet, func(t *testing.T) {
			checkSheet(t, f, tb.sheet, tb.fields, slices.Collect(cloned(tb.rows(inOrder(ds)))))
			panes, err := f.GetPanes(tb.sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("%s: header row not frozen: %+v %v", tb.sheet, panes, err)
			}
		})
	}
}

func TestWriteWorkbookEmpty(t *testing.T) {
	f := openWorkbook(t, writeWorkbook(t, &normalize.Dataset{}))
	// Vergelijking has its three header rows, Grafieken no chart, and
	// Toelichting explains the columns all the same.
	want := map[string]int{"Vergelijking": 3, "Grafieken": 0}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if sheet == "Toelichting" {
			continue
		}
		w, ok := want[sheet]
		if !ok {
			w = 1
		}
		if err != nil || len(rows) != w {
			t.Errorf("%s: %d rows, want the header alone (%v)", sheet, len(rows), err)
		}
	}
}

// cloned copies each row, which the table iterators reuse.
func cloned(rows func(func([]any) bool)) func(func([]any) bool) {
	return func(yield func([]any) bool) {
		for r := range rows {
			if !yield(slices.Clone(r)) {
				return
			}
		}
	}
}

// checkSheet compares a sheet cell by cell with the rows it should hold:
// the header, then numbers as numeric cells with the same value, booleans
// as boolean cells, text (also text that looks like a formula) as string
// cells, and nil and empty text as no cell.
func checkSheet(t *testing.T, f *excelize.File, sheet string, fields []field, rows [][]any) {
	t.Helper()
	got, err := f.GetRows(sheet, rawValues)
	if err != nil {
		t.Fatal(err)
	}
	var header []string
	for _, fl := range fields {
		header = append(header, fl.name)
	}
	if len(got) == 0 || !slices.Equal(got[0], header) {
		t.Fatalf("%s header:\ngot  %q\nwant %q", sheet, got[:min(1, len(got))], header)
	}
	if len(got)-1 != len(rows) {
		t.Fatalf("%s has %d data rows, want %d", sheet, len(got)-1, len(rows))
	}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+2)
			typ, err := f.GetCellType(sheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			value, _ := f.GetCellValue(sheet, ref, rawValues)
			formula, _ := f.GetCellFormula(sheet, ref)
			if formula != "" {
				t.Errorf("%s!%s has formula %q", sheet, ref, formula)
			}
			var wantType excelize.CellType
			var want string
			switch v := v.(type) {
			case nil:
			case string:
				if v != "" {
					wantType, want = excelize.CellTypeInlineString, v
				}
			case []string:
				wantType, want = excelize.CellTypeInlineString, joinSection(v)
			case bool:
				wantType, want = excelize.CellTypeBool, map[bool]string{false: "0", true: "1"}[v]
			case int:
				want = strconv.Itoa(v) // numbers have no type attribute: CellTypeUnset
			case int64:
				want = strconv.FormatInt(v, 10)
			case float64:
				want = strconv.FormatFloat(v, 'f', -1, 64)
			}
			if typ != wantType || value != want {
				t.Errorf("%s!%s (%s) = %q of type %d, want %q of type %d", sheet, ref, fields[c].name, value, typ, want, wantType)
			}
			if format, ok := numFormats[fields[c].format]; ok && v != nil {
				style, _ := f.GetCellStyle(sheet, ref)
				if s, err := f.GetStyle(style); err != nil || s.CustomNumFmt == nil || *s.CustomNumFmt != format {
					t.Errorf("%s!%s (%s) is not formatted as %s", sheet, ref, fields[c].name, format)
				}
			}
		}
	}
}

func TestWorkbookFormulaText(t *testing.T) {
	f := openWorkbook(t, writeWorkbook(t, testDataset()))
	rows, err := f.GetRows("Financieel", rawValues)
	if err != nil {
		t.Fatal(err)
	}
	row := slices.Index(rows[0], "row")
	found := 0
	for r, cells := range rows {
		if !slices.Contains([]string{"=SUM(A1)", "+31"}, cells[row]) {
			continue
		}
		found++
		ref, _ := excelize.CoordinatesToCellName(row+1, r+1)
		if typ, _ := f.GetCellType("Financieel", ref); typ != excelize.CellTypeInlineString {
			t.Errorf("Financieel!%s %q has cell type %d, want a string", ref, cells[row], typ)
		}
	}
	if found != 2 {
		t.Errorf("found %d of the 2 formula-like row labels", found)
	}
}

// TestWorkbookXML checks the parts of the file excelize does not read back:
// no formulas anywhere, an autofilter over each table, column widths.
func TestWorkbookXML(t *testing.T) {
	data := writeWorkbook(t, testDataset())
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first zip entry is %s, want [Content_Types].xml", zr.File[0].Name)
	}
	sheets := map[string]string{}
	for _, e := range zr.File {
		if !strings.HasPrefix(e.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		sheets[e.Name] = string(b)
	}
	if len(sheets) != 9 {
		t.Fatalf("%d worksheets, want 9", len(sheets))
	}
	for name, xml := range sheets {
		if strings.Contains(xml, "<f>") || strings.Contains(xml, "<f ") {
			t.Errorf("%s holds a formula", name)
		}
		if !strings.Contains(xml, "<autoFilter ref=") && name != "xl/worksheets/sheet6.xml" { // Grafieken
			t.Errorf("%s has no autofilter", name)
		}
	}
	// Failed checks and reconciliations are filled red by a conditional
	// format on ok, which leaves an empty cell white.
	for sheet, want := range map[string]string{
		"xl/worksheets/sheet7.xml": "<formula>AND(ISLOGICAL($L2),NOT($L2))</formula>", // Controles ok
		"xl/worksheets/sheet1.xml": "<formula>AND(ISLOGICAL($V2),NOT($V2))</formula>", // Documenten reconciliation_ok
	} {
		if !strings.Contains(sheets[sheet], want) {
			t.Errorf("%s has no highlight %s", sheet, want)
		}
	}
	// Financieel: 25 columns, 12 + 5 + 1 records and the header.
	if xml := sheets["xl/worksheets/sheet2.xml"]; !strings.Contains(xml, `<autoFilter ref="A1:Y19"`) {
		t.Errorf("Financieel autofilter is not A1:Y19:\n%s", xml[strings.Index(xml, "</sheetData>"):])
	}
	f := openWorkbook(t, data)
	// Financieel F is table: its longest value is 37 characters.
	if w, _ := f.GetColWidth("Financieel", "F"); w != 37+columnPadding {
		t.Errorf("Financieel column F (table) width %v, want %d", w, 37+columnPadding)
	}
	// Printed pages repeat the header rows.
	for sheet, want := range map[string]string{
		"Financieel":   "'Financieel'!$1:$1",
		"Vergelijking": "'Vergelijking'!$1:$3",
	} {
		i := slices.IndexFunc(f.GetDefinedName(), func(d excelize.DefinedName) bool {
			return d.Name == "_xlnm.Print_Titles" && d.Scope == sheet
		})
		if i < 0 || f.GetDefinedName()[i].RefersTo != want {
			t.Errorf("%s: print titles are not %s", sheet, want)
		}
	}
}

func TestWorkbookDeterministic(t *testing.T) {
	ds := testDataset()
	first := writeWorkbook(t, ds)
	for i := range 3 {
		shuffled := *ds
		shuffled.Documents = slices.Clone(ds.Documents)
		rand.Shuffle(len(shuffled.Documents), func(i, j int) {
			shuffled.Documents[i], shuffled.Documents[j] = shuffled.Documents[j], shuffled.Documents[i]
		})
		if again := writeWorkbook(t, &shuffled); !bytes.Equal(first, again) {
			t.Fatalf("write %d: the same dataset gave a different workbook", i+2)
		}
	}
}

func TestWorkbookSplitsLongSheets(t *testing.T) {
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 5
	ds := testDataset()
	f := openWorkbook(t, writeWorkbook(t, ds))
	want := []string{"Documenten", "Financieel", "Financieel (2)", "Financieel (3)", "Financieel (4)", "Indicatoren", "Doelstellingen", "Vergelijking", "Vergelijking (2)", "Vergelijking (3)", "Grafieken", "Controles", "Fouten", "Toelichting", "Toelichting (2)"}
	if got := f.GetSheetList(); !slices.Equal(got[:len(want)], want) {
		t.Fatalf("sheets:\ngot  %q\nwant %q", got, want)
	}
	rows := slices.Collect(cloned(financialTable.rows(inOrder(ds))))
	for i, name := range want[1:5] {
		checkSheet(t, f, name, financialTable.fields, rows[i*5:min(len(rows), i*5+5)])
	}
	var notes []string
	for _, sheet := range f.GetSheetList() {
		if !strings.HasPrefix(sheet, "Toelichting") {
			continue
		}
		cells, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range cells {
			if len(row) == 5 && strings.Contains(row[4], "loopt door") {
				notes = append(notes, row[0]+": "+row[4])
			}
		}
	}
	wantNotes := []string{"Financieel: Meer regels dan een blad van Excel houdt (5): de tabel loopt door op Financieel (2), Financieel (3), Financieel (4)."}
	if !slices.Equal(notes, wantNotes) {
		t.Errorf("Toelichting on the sheets that continue:\ngot  %q\nwant %q", notes, wantNotes)
	}
}

// TestComparisonMarksUnverified checks that Vergelijking fills the totals
// no check confirms orange, and only those.
func TestComparisonMarksUnverified(t *testing.T) {
	f := openWorkbook(t, writeWorkbook(t, testDataset()))
	rows, err := f.GetRows(comparisonTable.sheet)
	if err != nil {
		t.Fatal(err)
	}
	const headerRow = 3 // gemeente, document, the field names
	tests := []struct {
		document, measure string
		unverified        bool
	}{
		{"begroting_2024.pdf", "baten", false},
		{"begroting_2024.pdf", "lasten", false},
		{"begroting_2024.pdf", "saldo", false},
		{"begroting_2024.pdf", "resultaat", true},
		{"jaarstukken_2023.html", "lasten", true},
	}
	for _, tt := range tests {
		t.Run(tt.document+" "+tt.measure, func(t *testing.T) {
			c := slices.Index(rows[headerRow-1], tt.document)
			r := slices.IndexFunc(rows, func(row []string) bool { return len(row) > c && row[0] == tt.measure && row[c] != "" })
			if c < 0 || r < headerRow {
				t.Fatalf("Vergelijking has no %s of %s", tt.measure, tt.document)
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			id, _ := f.GetCellStyle(comparisonTable.sheet, ref)
			style, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			orange := slices.Equal(style.Fill.Color, []string{unverifiedFill})
			if orange != tt.unverified || style.CustomNumFmt == nil || *style.CustomNumFmt != euroFormat {
				t.Errorf("Vergelijking!%s: orange %v, want %v; number format %v", ref, orange, tt.unverified, style.CustomNumFmt)
			}
		})
	}
}

// TestComparisonNamesOrganisation checks that Vergelijking heads the
// column of an organisation that is no gemeente with its name.
func TestComparisonNamesOrganisation(t *testing.T) {
	tests := []struct {
		gemeente, cbs, organisation, want string
	}{
		{"Amsterdam", "GM0363", "", "Amsterdam (GM0363)"},
		{"", "", "GGD Amsterdam", "GGD Amsterdam"},
		{"", "", "", "(onbekend)"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			ds := testDataset()
			amsterdam := &ds.Documents[2]
			amsterdam.Gemeente, amsterdam.CBSCode, amsterdam.Organisation = tt.gemeente, tt.cbs, tt.organisation
			rows, err := openWorkbook(t, writeWorkbook(t, ds)).GetRows(comparisonTable.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(rows[0], tt.want) {
				t.Errorf("Vergelijking gemeente row %q has no %q", rows[0], tt.want)
			}
		})
	}
}
