package xlsx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/begroot/begroot/output/xlsx"
	"github.com/xuri/excelize/v2"
)

// Excelize is the independent reader that checks what the writer wrote.

var raw = excelize.Options{RawCellValue: true}

// build writes a workbook with fill and returns its bytes.
func build(t testing.TB, fill func(*xlsx.Workbook) error) []byte {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	var buf bytes.Buffer
	wb, err := xlsx.New(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := fill(wb); err != nil {
		t.Fatal(err)
	}
	if err := wb.Close(xlsx.Properties{Title: "t", Creator: "c", Created: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(os.Getenv("TMPDIR")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// oneCell is a workbook whose sheet "S" holds v in A1.
func oneCell(t testing.TB, v any) []byte {
	return build(t, func(wb *xlsx.Workbook) error {
		s, err := wb.AddSheet("S", xlsx.SheetOptions{})
		if err != nil {
			return err
		}
		return s.Row([]any{v}, 0)
	})
}

func TestCellValues(t *testing.T) {
	long := strings.Repeat("ab", xlsx.MaxCellChars)
	emoji := strings.Repeat("😀", xlsx.MaxCellChars) // two UTF-16 units each
	tests := []struct {
		name  string
		value any
		want  string
		typ   excelize.CellType
	}{
		{"text", "Lasten", "Lasten", excelize.CellTypeInlineString},
		{"spaces kept", "  two\nlines ", "  two\nlines ", excelize.CellTypeInlineString},
		{"XML special", `a&b<c>"d'`, `a&b<c>"d'`, excelize.CellTypeInlineString},
		{"formula-like", "=SUM(A1)", "=SUM(A1)", excelize.CellTypeInlineString},
		{"controls", "a\x01b\x0bc\x1f", "a\x01b\x0bc\x1f", excelize.CellTypeInlineString},
		{"carriage return", "a\r\nb", "a\r\nb", excelize.CellTypeInlineString},
		{"literal escape", "_x0041_ and _x00", "_x0041_ and _x00", excelize.CellTypeInlineString},
		{"noncharacter", "a\uFFFEb", "a\uFFFEb", excelize.CellTypeInlineString},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb", excelize.CellTypeInlineString},
		{"too long", long, long[:xlsx.MaxCellChars], excelize.CellTypeInlineString},
		{"too long astral", emoji, strings.Repeat("😀", xlsx.MaxCellChars/2), excelize.CellTypeInlineString},
		{"true", true, "1", excelize.CellTypeBool},
		{"false", false, "0", excelize.CellTypeBool},
		{"int", 42, "42", excelize.CellTypeUnset},
		{"int64", int64(math.MinInt64), "-9223372036854775808", excelize.CellTypeUnset},
		{"float", 0.1, "0.1", excelize.CellTypeUnset},
		{"large float", 1e21, "1000000000000000000000", excelize.CellTypeUnset},
		{"NaN", math.NaN(), "NaN", excelize.CellTypeInlineString},
		{"infinity", math.Inf(-1), "-Inf", excelize.CellTypeInlineString},
		{"nil", nil, "", excelize.CellTypeUnset},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := open(t, oneCell(t, tt.value))
			got, err := f.GetCellValue("S", "A1", raw)
			if err != nil {
				t.Fatal(err)
			}
			typ, _ := f.GetCellType("S", "A1")
			if got != tt.want || typ != tt.typ {
				t.Errorf("got %.40q of type %d, want %.40q of type %d", got, typ, tt.want, tt.typ)
			}
		})
	}
}

func TestUnsupportedValue(t *testing.T) {
	var buf bytes.Buffer
	t.Setenv("TMPDIR", t.TempDir())
	wb, err := xlsx.New(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Discard()
	s, err := wb.AddSheet("S", xlsx.SheetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Row([]any{struct{}{}}, 0); err == nil || !strings.Contains(err.Error(), "sheet S cell A1") {
		t.Errorf("a struct value gave %v, want an error naming sheet S cell A1", err)
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", xlsx.MaxColumns: "XFD"} {
		if got := xlsx.ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %s, want %s", col, got, want)
		}
	}
}

func TestRef(t *testing.T) {
	tests := []struct {
		sheet string
		r     xlsx.Range
		want  string
	}{
		{"Grafieken", xlsx.Range{FirstCol: 1, FirstRow: 2, LastCol: 1, LastRow: 5}, "'Grafieken'!$A$2:$A$5"},
		{"Grafieken", xlsx.Range{FirstCol: 4, FirstRow: 1, LastCol: 4, LastRow: 1}, "'Grafieken'!$D$1"},
		{"it's", xlsx.Range{FirstCol: 1, FirstRow: 1, LastCol: 28, LastRow: 9}, "'it''s'!$A$1:$AB$9"},
	}
	for _, tt := range tests {
		if got := xlsx.Ref(tt.sheet, tt.r); got != tt.want {
			t.Errorf("Ref(%q, %v) = %s, want %s", tt.sheet, tt.r, got, tt.want)
		}
	}
}

// TestLayout writes a sheet with every option and reads each back.
func TestLayout(t *testing.T) {
	var header, euro, fill int
	data := build(t, func(wb *xlsx.Workbook) error {
		header = wb.Style(xlsx.Style{Bold: true, Wrap: true, Fill: "D9D9D9", BottomBorder: true})
		euro = wb.Style(xlsx.Style{NumFmt: `[$€-413] #,##0`})
		if again := wb.Style(xlsx.Style{NumFmt: `[$€-413] #,##0`}); again != euro {
			t.Errorf("the same style twice has ids %d and %d", euro, again)
		}
		fill = wb.ConditionalFill("F8CBAD")
		s, err := wb.AddSheet("Tabel", xlsx.SheetOptions{
			Widths: []float64{12, 0, 30.5}, ColStyles: []int{0, euro},
			FreezeRows: 1, FreezeCols: 1,
			Filter:      xlsx.Range{FirstCol: 1, FirstRow: 1, LastCol: 3, LastRow: 3},
			Highlights:  []xlsx.Highlight{{Range: xlsx.Range{FirstCol: 1, FirstRow: 2, LastCol: 3, LastRow: 3}, Formula: "NOT($C2)", Fill: fill}},
			Landscape:   true,
			PagesAcross: 2,
			TitleRows:   1,
			Selected:    true,
		})
		if err != nil {
			return err
		}
		for _, r := range []struct {
			cells  []any
			height float64
		}{
			{[]any{xlsx.Cell{Style: header, Value: "naam"}, xlsx.Cell{Style: header}, xlsx.Cell{Style: header, Value: "ok"}}, 30},
			{[]any{"a", int64(1234), true}, 0},
			{[]any{"b", xlsx.Cell{Value: 5}, false}, 0},
		} {
			if err := s.Row(r.cells, r.height); err != nil {
				return err
			}
		}
		_, err = wb.AddSheet("Tweede", xlsx.SheetOptions{})
		return err
	})
	f := open(t, data)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Tabel", "Tweede"}) {
		t.Errorf("sheets %q", got)
	}
	for col, want := range map[string]float64{"A": 12, "B": 9.140625, "C": 30.5} { // 9.140625 is excelize's default
		if w, _ := f.GetColWidth("Tabel", col); w != want {
			t.Errorf("column %s width %v, want %v", col, w, want)
		}
	}
	if h, _ := f.GetRowHeight("Tabel", 1); h != 30 {
		t.Errorf("row 1 height %v, want 30", h)
	}
	styleOf := func(ref string) *excelize.Style {
		id, _ := f.GetCellStyle("Tabel", ref)
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	if s := styleOf("B1"); !s.Font.Bold || !s.Alignment.WrapText || !slices.Equal(s.Fill.Color, []string{"D9D9D9"}) || len(s.Border) != 1 || s.Border[0].Type != "bottom" {
		t.Errorf("header style %+v", s)
	}
	if s := styleOf("B2"); s.CustomNumFmt == nil || *s.CustomNumFmt != `[$€-413] #,##0` {
		t.Errorf("B2 does not take its column's euro format: %+v", s)
	}
	// Excelize takes the column's style for a cell of style 0, Excel does
	// not: the cell says s="0".
	if !strings.Contains(part(t, data, "xl/worksheets/sheet1.xml"), `<c r="B3" s="0">`) {
		t.Error(`B3, a Cell of style 0, has no s="0"`)
	}
	panes, _ := f.GetPanes("Tabel")
	if !panes.Freeze || panes.XSplit != 1 || panes.YSplit != 1 || panes.TopLeftCell != "B2" || panes.ActivePane != "bottomRight" {
		t.Errorf("panes %+v", panes)
	}
	var names []string
	for _, d := range f.GetDefinedName() {
		names = append(names, d.Name+" "+d.Scope+" "+d.RefersTo)
	}
	if want := []string{"_xlnm._FilterDatabase Tabel 'Tabel'!$A$1:$C$3", "_xlnm.Print_Titles Tabel 'Tabel'!$1:$1"}; !slices.Equal(names, want) {
		t.Errorf("defined names\ngot  %q\nwant %q", names, want)
	}
	layout, _ := f.GetPageLayout("Tabel")
	if *layout.Orientation != "landscape" || *layout.FitToWidth != 2 || *layout.FitToHeight != 0 {
		t.Errorf("page layout %s %d×%d", *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
	}
	props, _ := f.GetSheetProps("Tabel")
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("no fit to page")
	}
	formats, _ := f.GetConditionalFormats("Tabel")
	rules := formats["A2:C3"]
	if len(rules) != 1 || rules[0].Criteria != "NOT($C2)" || rules[0].Format == nil || *rules[0].Format != fill {
		t.Errorf("conditional formats %+v", formats)
	}
	if s, _ := f.GetConditionalStyle(fill); s == nil || !slices.Equal(s.Fill.Color, []string{"F8CBAD"}) {
		t.Errorf("conditional fill %+v", s)
	}
	checkParts(t, data)
}

// part is the content of part name of the package data.
func part(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	body, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// checkParts checks the package: [Content_Types].xml first, every part
// well-formed XML, every part but the relationships named in the content
// types.
func checkParts(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if zr.File[0].Name != "[Content_Types].xml" {
		t.Errorf("first part is %s", zr.File[0].Name)
	}
	var types string
	for _, e := range zr.File {
		rc, err := e.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		if e.Name == "[Content_Types].xml" {
			types = string(body)
		} else if !strings.HasSuffix(e.Name, ".rels") && !strings.Contains(types, `PartName="/`+e.Name+`"`) {
			t.Errorf("%s has no content type", e.Name)
		}
		d := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: %v", e.Name, err)
				break
			}
		}
	}
}

func TestCharts(t *testing.T) {
	data := build(t, func(wb *xlsx.Workbook) error {
		s, err := wb.AddSheet("Grafieken", xlsx.SheetOptions{})
		if err != nil {
			return err
		}
		for _, r := range [][]any{{"jaar", "baten", "lasten"}, {"2023", 10, 12}, {"2024", 11, 13}} {
			if err := s.Row(r, 0); err != nil {
				return err
			}
		}
		series := func(col int) xlsx.Series {
			return xlsx.Series{
				Name:       xlsx.Ref("Grafieken", xlsx.Range{FirstCol: col, FirstRow: 1, LastCol: col, LastRow: 1}),
				Categories: xlsx.Ref("Grafieken", xlsx.Range{FirstCol: 1, FirstRow: 2, LastCol: 1, LastRow: 3}),
				Values:     xlsx.Ref("Grafieken", xlsx.Range{FirstCol: col, FirstRow: 2, LastCol: col, LastRow: 3}),
			}
		}
		for _, c := range []xlsx.Chart{
			{Type: xlsx.Bar, Title: "Lasten & baten", Series: []xlsx.Series{series(3)}, ValueFormat: "#,##0", MajorGridlines: true, Col: 6, Row: 1, Width: 640, Height: 320},
			{Type: xlsx.Line, Title: "Door de jaren", Legend: "b", Series: []xlsx.Series{series(2), series(3)}, Col: 6, Row: 20, Width: 640, Height: 330},
		} {
			if err := s.AddChart(c); err != nil {
				return err
			}
		}
		if err := s.AddChart(xlsx.Chart{Title: "leeg", Col: 1, Row: 1, Width: 1, Height: 1}); err == nil {
			t.Error("a chart without series was added")
		}
		return nil
	})
	checkParts(t, data)
	for name, wants := range map[string][]string{
		"xl/worksheets/sheet1.xml":            {`<drawing r:id="rId1"/>`},
		"xl/worksheets/_rels/sheet1.xml.rels": {`Target="../drawings/drawing1.xml"`},
		"xl/drawings/_rels/drawing1.xml.rels": {`Target="../charts/chart1.xml"`, `Target="../charts/chart2.xml"`},
		// 640 × 330 pixels from F1 and F20: ten columns, 16 rows and 10 pixels.
		"xl/drawings/drawing1.xml": {`<xdr:to><xdr:col>15</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row>`, `<xdr:row>35</xdr:row><xdr:rowOff>95250</xdr:rowOff>`},
		"xl/charts/chart1.xml": {`<a:t>Lasten &amp; baten</a:t>`, `<c:barDir val="bar"/>`, `<c:f>&#39;Grafieken&#39;!$C$1</c:f>`, `<c:f>&#39;Grafieken&#39;!$A$2:$A$3</c:f>`,
			`<c:majorGridlines/>`, `formatCode="#,##0"`},
		"xl/charts/chart2.xml": {`<c:lineChart>`, `<c:legendPos val="b"/>`, `<c:f>&#39;Grafieken&#39;!$B$2:$B$3</c:f>`},
	} {
		for _, want := range wants {
			if !strings.Contains(strings.ReplaceAll(part(t, data, name), "'", "&#39;"), want) {
				t.Errorf("%s has no %s", name, want)
			}
		}
	}
	if strings.Contains(part(t, data, "xl/charts/chart1.xml"), "<c:legend>") {
		t.Error("chart 1 has a legend")
	}
}

func TestErrors(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	tests := []struct {
		name string
		do   func(*xlsx.Workbook) error
		want string
	}{
		{"no sheets", func(*xlsx.Workbook) error { return nil }, "no sheets"},
		{"empty name", func(wb *xlsx.Workbook) error { _, err := wb.AddSheet("", xlsx.SheetOptions{}); return err }, "1 to 31 characters"},
		{"long name", func(wb *xlsx.Workbook) error {
			_, err := wb.AddSheet(strings.Repeat("x", 32), xlsx.SheetOptions{})
			return err
		}, "1 to 31 characters"},
		{"bad character", func(wb *xlsx.Workbook) error { _, err := wb.AddSheet("a/b", xlsx.SheetOptions{}); return err }, "none of"},
		{"quote", func(wb *xlsx.Workbook) error { _, err := wb.AddSheet("'a", xlsx.SheetOptions{}); return err }, "begin or end"},
		{"same name", func(wb *xlsx.Workbook) error {
			if _, err := wb.AddSheet("Blad", xlsx.SheetOptions{}); err != nil {
				return err
			}
			_, err := wb.AddSheet("BLAD", xlsx.SheetOptions{})
			return err
		}, "exists"},
		{"row after the next sheet", func(wb *xlsx.Workbook) error {
			s, err := wb.AddSheet("A", xlsx.SheetOptions{})
			if err != nil {
				return err
			}
			if _, err := wb.AddSheet("B", xlsx.SheetOptions{}); err != nil {
				return err
			}
			return s.Row([]any{1}, 0)
		}, "after the next sheet"},
		{"too many cells", func(wb *xlsx.Workbook) error {
			s, err := wb.AddSheet("A", xlsx.SheetOptions{})
			if err != nil {
				return err
			}
			return s.Row(make([]any, xlsx.MaxColumns+1), 0)
		}, "more than 16384"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, err := xlsx.New(io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			err = tt.do(wb)
			if closeErr := wb.Close(xlsx.Properties{}); err == nil {
				err = closeErr
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error with %q", err, tt.want)
			}
			if err := wb.Close(xlsx.Properties{}); err == nil {
				t.Error("a second Close gave no error")
			}
		})
	}
	if left, _ := os.ReadDir(os.Getenv("TMPDIR")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestManyRows streams more rows than fit in a small buffer and reads them
// all back, and stops at Excel's row limit.
func TestManyRows(t *testing.T) {
	const rows = 100_000
	data := build(t, func(wb *xlsx.Workbook) error {
		s, err := wb.AddSheet("S", xlsx.SheetOptions{})
		if err != nil {
			return err
		}
		for i := range rows {
			if err := s.Row([]any{i, "regel", float64(i) / 4}, 0); err != nil {
				return err
			}
		}
		return nil
	})
	f := open(t, data)
	it, err := f.Rows("S")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for it.Next() {
		cols, _ := it.Columns(raw)
		if len(cols) != 3 || cols[0] != strconv.Itoa(n) {
			t.Fatalf("row %d: %q", n+1, cols)
		}
		n++
	}
	if n != rows {
		t.Errorf("read %d rows, want %d", n, rows)
	}

	if testing.Short() {
		return
	}
	t.Setenv("TMPDIR", t.TempDir())
	wb, err := xlsx.New(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Discard()
	s, err := wb.AddSheet("S", xlsx.SheetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for range xlsx.MaxRows {
		if err := s.Row(nil, 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Row([]any{1}, 0); err == nil {
		t.Errorf("row %d was written", xlsx.MaxRows+1)
	}
}

// FuzzText writes any text to a cell and reads it back: the workbook must
// stay readable, and the text come back as written, with bytes that are no
// UTF-8 as U+FFFD and cut off at MaxCellChars.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "a&b<c>", "_x0041_", "\x00\x0b\r\n\t", "\xff\xfe", "\uFFFE\uFFFF", " x ", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []rune
		units := 0
		for _, r := range s {
			if units += len(utf16.Encode([]rune{r})); units > xlsx.MaxCellChars {
				break
			}
			want = append(want, r)
		}
		data := oneCell(t, s)
		if s == "" {
			return // no cell
		}
		got, err := open(t, data).GetCellValue("S", "A1", raw)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("got %q, want %q", got, string(want))
		}
	})
}

// TestDiscard checks that a discarded workbook leaves no file behind and
// writes nothing.
func TestDiscard(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	var buf bytes.Buffer
	wb, err := xlsx.New(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wb.AddSheet("S", xlsx.SheetOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := wb.Discard(); err != nil {
		t.Fatal(err)
	}
	if err := wb.Close(xlsx.Properties{}); err == nil || buf.Len() > 0 {
		t.Errorf("Close after Discard: %v, %d bytes", err, buf.Len())
	}
	if left, _ := os.ReadDir(os.Getenv("TMPDIR")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
