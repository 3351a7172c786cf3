package output

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"fmt"
	"io"
	"iter"
	"maps"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// maxSheetRows is the number of data rows per sheet: Excel's limit of
// 1,048,576 rows less the header. Longer tables continue on "Financieel (2)"
// and so on. A variable so that tests can lower it.
var maxSheetRows = 1<<20 - 1

// Layout of the workbook, in Excel's units: a column width is a number of
// characters of the default font, a row height is in points.
const (
	minColumnWidth = 6  // room for a filter button beside a short header
	maxColumnWidth = 50 // wider text wraps in the cell instead of pushing the next column off screen
	columnPadding  = 2  // the filter button and a little air
	lineHeight     = 15 // one line of the default 11-point font
	// printWidth is how many characters of column width fit across one
	// landscape A4 page at about 85% scale, still readable on paper: wider
	// sheets print on more pages across instead of shrinking further.
	printWidth = 180
)

// euroFormat shows whole euros with the euro sign and thousands
// separators, in the reader's locale: € 1.234.567 in Dutch, € 1,234,567 in
// English.
const (
	euroFormat      = `[$€-413] #,##0;[$€-413] -#,##0`
	euroCentsFormat = `[$€-413] #,##0.00;[$€-413] -#,##0.00`
)

// shareFormat shows a fraction as a percentage with one decimal (0.875 is
// 87.5%); percentFormat shows a number already in percent with its sign
// (0.102 is 0.102%), to three decimals as normalize rounds it.
const (
	shareFormat   = `0.0%`
	percentFormat = `0.0##"%"`
)

// numFormats is the Excel number format of each numFormat but the plain.
var numFormats = map[numFormat]string{euros: euroFormat, share: shareFormat, percent: percentFormat}

// writeWorkbook writes the Excel workbook with the sheets Documenten,
// Financieel, Indicatoren, Doelstellingen, Vergelijking, Grafieken,
// Controles, Fouten and Toelichting (see the package documentation). Long
// sheets are streamed from the spools, so memory does not grow with the
// number of rows, and the same dataset gives the same bytes.
func (d *dataset) writeWorkbook(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	wb, err := newWorkbook(f)
	if err != nil {
		return err
	}
	rows, skipped := d.comparison()
	sheets := []sheet{
		d.highlighted(documentTable, "reconciliation_ok"),
		d.tableSheet(financialTable),
		d.tableSheet(indicatorTable),
		d.tableSheet(objectiveTable),
		wb.comparisonSheet(rows, skipped),
	}
	for _, s := range sheets {
		if err := wb.write(s); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	if err := wb.charts(rows); err != nil {
		return fmt.Errorf("sheet %s: %w", chartSheet, err)
	}
	for _, s := range []sheet{d.highlighted(checkTable, "ok"), d.tableSheet(errorTable), d.explanationSheet()} {
		if err := wb.write(s); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:  cmp.Or(d.generator, "begroot"),
		Title:    "begroot dataset",
		Created:  "2000-01-01T00:00:00Z", // fixed, so that the same data gives the same file
		Modified: "2000-01-01T00:00:00Z",
	}); err != nil {
		return err
	}
	return save(f, w)
}

// comparison is the comparison of the documents, in order, and the
// documents that have none.
func (d *dataset) comparison() ([]comparisonRow, []skippedDocument) {
	var rows []comparisonRow
	var skipped []skippedDocument
	for _, e := range d.docs {
		rows = append(rows, e.comparison...)
		if e.skipped != "" {
			skipped = append(skipped, skippedDocument{e.doc, e.skipped})
		}
	}
	return rows, skipped
}

// A sheet is a table as the workbook writes it.
type sheet struct {
	name   string
	heads  [][]any // rows above the field names, such as Vergelijking's gemeente and document
	fields []field
	widths []float64 // per field, in characters
	count  int
	rows   iter.Seq2[[]any, error]
	tail   [][]any // rows below the table, outside its filter, on the last part
	// highlight is the index of a boolean field whose FALSE rows are
	// filled red, or -1.
	highlight  int
	freezeCols int // columns kept in view when scrolling right
}

// tableSheet is table t as a sheet, its column widths those of the header
// and the widest value that Add measured.
func (d *dataset) tableSheet(t table) sheet {
	stats := d.tables[tableIndex(t)]
	s := sheet{name: t.sheet, fields: t.fields, rows: d.rows(t), count: stats.rows, highlight: -1}
	s.widths = make([]float64, len(t.fields))
	for i, f := range t.fields {
		s.widths[i] = columnWidth(float64(max(textWidth(f.name), stats.widths[i])))
	}
	return s
}

// highlighted is the sheet of t with its rows filled red where the boolean
// field named ok is FALSE.
func (d *dataset) highlighted(t table, ok string) sheet {
	s := d.tableSheet(t)
	s.highlight = slices.IndexFunc(t.fields, func(f field) bool { return f.name == ok })
	return s
}

// rowsOf yields rows that are in memory already.
func rowsOf(rows [][]any) iter.Seq2[[]any, error] {
	return func(yield func([]any, error) bool) {
		for _, r := range rows {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// columnWidth is the width of a column whose widest cell has n characters.
func columnWidth(n float64) float64 {
	return min(max(n+columnPadding, minColumnWidth), maxColumnWidth)
}

func textWidth(s string) int { return utf8.RuneCountInString(s) }

// cellWidth is the number of characters v takes in a cell of a field of
// format nf: amounts with their euro sign and thousands separators, shares
// and percentages with their % sign.
func cellWidth(v any, nf numFormat) int {
	switch v := sheetCell(v).(type) {
	case nil:
		return 0
	case string:
		return textWidth(v)
	case bool:
		return len("FALSE")
	case int, int64:
		n := len(fmt.Sprint(v))
		if nf == euros {
			n += n/3 + len("€ ")
		}
		return n
	case float64:
		switch nf {
		case share:
			return len("100.0%")
		case percent:
			return len(strconv.FormatFloat(v, 'f', -1, 64)) + len("%")
		}
	}
	return len(fmt.Sprint(v))
}

// workbook holds the file being written and its styles.
type workbook struct {
	f      *excelize.File
	header int // style of header cells: bold, wrapped, shaded, a line below
	amount int // style of whole euros
	// numbers is the style of each numFormat in numFormats (amount for
	// euros).
	numbers map[numFormat]int
	cents   int // style of euros with cents (per inwoner)
	// unverified is the style of a total in Vergelijking that no check
	// that holds covers: whole euros on an orange fill.
	unverified int
	count      int // style of a whole number with thousands separators
	failed     int // differential style of a failed check: red fill
	heading    int // style of a title row above a table: bold
	sheets     int
}

// Colours of the workbook: a light grey header, a light red for failed
// checks and a light orange for unverified totals, all readable when
// printed in black and white.
const (
	headerFill     = "D9D9D9"
	failedFill     = "F8CBAD"
	unverifiedFill = "FFE699" // light orange: unconfirmed, not wrong
)

func newWorkbook(f *excelize.File) (*workbook, error) {
	wb := &workbook{f: f}
	var err error
	if wb.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
		Border:    []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}},
	}); err != nil {
		return nil, err
	}
	wb.numbers = map[numFormat]int{}
	for _, nf := range slices.Sorted(maps.Keys(numFormats)) { // in order: the same styles, the same bytes
		format := numFormats[nf]
		if wb.numbers[nf], err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
			return nil, err
		}
	}
	wb.amount = wb.numbers[euros]
	format := euroFormat
	if wb.unverified, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{unverifiedFill}}}); err != nil {
		return nil, err
	}
	cents := euroCentsFormat
	if wb.cents, err = f.NewStyle(&excelize.Style{CustomNumFmt: &cents}); err != nil {
		return nil, err
	}
	if wb.count, err = f.NewStyle(&excelize.Style{NumFmt: 3}); err != nil { // 3 is "#,##0"
		return nil, err
	}
	if wb.failed, err = f.NewConditionalStyle(&excelize.Style{
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{failedFill}},
	}); err != nil {
		return nil, err
	}
	if wb.heading, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	return wb, nil
}

// write streams sheet s, continuing on a new sheet every maxSheetRows rows.
func (wb *workbook) write(s sheet) error {
	names := sheetNames(s.name, s.count)
	part, row := 0, 0
	var sw *excelize.StreamWriter
	next := func() error {
		if part >= len(names) {
			return fmt.Errorf("more rows than the %d counted", s.count)
		}
		rows := min(s.count-part*maxSheetRows, maxSheetRows)
		var err error
		sw, err = wb.start(names[part], s, rows)
		part++
		row = len(s.heads) + 1
		return err
	}
	if err := next(); err != nil {
		return err
	}
	cells := make([]any, len(s.fields))
	for r, err := range s.rows {
		if err != nil {
			return err
		}
		if row-len(s.heads) > maxSheetRows {
			if err := sw.Flush(); err != nil {
				return err
			}
			if err := next(); err != nil {
				return err
			}
		}
		row++
		for i, v := range r {
			cells[i] = sheetCell(v)
		}
		if err := setRow(sw, row, cells); err != nil {
			return err
		}
	}
	if len(s.tail) > 0 {
		row++ // an empty row between the table and what follows
	}
	for _, t := range s.tail {
		row++
		if err := setRow(sw, row, t); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// sheetNames are the sheets a table of rows rows takes: name, then
// "name (2)" and so on, maxSheetRows rows each.
func sheetNames(name string, rows int) []string {
	names := []string{name}
	for part := 2; (part-1)*maxSheetRows < rows; part++ {
		names = append(names, fmt.Sprintf("%s (%d)", name, part))
	}
	return names
}

func setRow(sw *excelize.StreamWriter, row int, cells []any, opts ...excelize.RowOpts) error {
	ref, err := excelize.CoordinatesToCellName(1, row)
	if err != nil {
		return err
	}
	return sw.SetRow(ref, cells, opts...)
}

// sheetCell is v as SetRow takes it: lists joined, and no cell at all
// for empty text.
func sheetCell(v any) any {
	switch v := v.(type) {
	case []string:
		return joinSection(v)
	case string:
		if v == "" {
			return nil
		}
	}
	return v
}

// start adds a sheet with its header rows above rows data rows: frozen,
// filtered, repeated on every printed page, and returns its stream writer.
func (wb *workbook) start(name string, s sheet, rows int) (*excelize.StreamWriter, error) {
	f := wb.f
	if wb.sheets++; wb.sheets == 1 {
		if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	headerRow := len(s.heads) + 1
	// The filter, the highlight and the print settings go on the worksheet
	// before streaming starts; the stream writer then writes them out with
	// the rows.
	first, err := excelize.CoordinatesToCellName(1, headerRow)
	if err != nil {
		return nil, err
	}
	last, err := excelize.CoordinatesToCellName(len(s.fields), headerRow+rows)
	if err != nil {
		return nil, err
	}
	if err := f.AutoFilter(name, first+":"+last, nil); err != nil {
		return nil, err
	}
	if s.highlight >= 0 && rows > 0 {
		okCol, _ := excelize.ColumnNumberToName(s.highlight + 1)
		from, _ := excelize.CoordinatesToCellName(1, headerRow+1)
		// An empty cell is no FALSE: a document without a reconciliation
		// stays white.
		cell := fmt.Sprintf("$%s%d", okCol, headerRow+1)
		rule := fmt.Sprintf("AND(ISLOGICAL(%s),NOT(%s))", cell, cell)
		if err := f.SetConditionalFormat(name, from+":"+last, []excelize.ConditionalFormatOptions{
			{Type: "formula", Criteria: rule, Format: &wb.failed},
		}); err != nil {
			return nil, err
		}
	}
	if err := wb.printLayout(name, s.widths, headerRow); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	topLeft, _ := excelize.CoordinatesToCellName(s.freezeCols+1, headerRow+1)
	pane := "bottomLeft"
	if s.freezeCols > 0 {
		pane = "bottomRight"
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: s.freezeCols, YSplit: headerRow, TopLeftCell: topLeft, ActivePane: pane}); err != nil {
		return nil, err
	}
	for i, fl := range s.fields {
		if err := sw.SetColWidth(i+1, i+1, s.widths[i]); err != nil {
			return nil, err
		}
		if style, ok := wb.numbers[fl.format]; ok {
			if err := sw.SetColStyle(i+1, i+1, style); err != nil {
				return nil, err
			}
		}
	}
	names := make([]any, len(s.fields))
	for i, fl := range s.fields {
		names[i] = fl.name
	}
	for r, head := range append(slices.Clone(s.heads), names) {
		cells := make([]any, len(head))
		lines := 1
		for i, v := range head {
			cells[i] = excelize.Cell{StyleID: wb.header, Value: v}
			if text, ok := v.(string); ok && i < len(s.widths) {
				lines = max(lines, wrappedLines(text, s.widths[i]))
			}
		}
		if err := setRow(sw, r+1, cells, excelize.RowOpts{Height: float64(lines * lineHeight)}); err != nil {
			return nil, err
		}
	}
	return sw, nil
}

// wrappedLines is the number of lines text takes in a wrapping cell width
// characters wide.
func wrappedLines(text string, width float64) int {
	room := max(int(width)-columnPadding, 1)
	return max(1, (textWidth(text)+room-1)/room)
}

// printLayout prints sheet name landscape, as many pages across as its
// width needs at a readable scale, with the header rows (if any) on every
// page. Columns are not repeated: text below a table, such as
// Vergelijking's list of documents not compared, would be cut off at them.
func (wb *workbook) printLayout(name string, widths []float64, headerRows int) error {
	var total float64
	for _, w := range widths {
		total += w
	}
	landscape, across, down := "landscape", max(1, int(math.Ceil(total/printWidth))), 0
	if err := wb.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &across, FitToHeight: &down}); err != nil {
		return err
	}
	fit := true
	if err := wb.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if headerRows == 0 {
		return nil
	}
	return wb.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", name, headerRows),
		Scope:    name,
	})
}

// save writes the workbook to w. Excelize writes the streamed sheets in map
// order, so the zip goes to a temporary file first and is then copied, entry
// by entry without recompressing, in name order. This also keeps the zip out
// of memory: excelize would otherwise build all of it in a buffer.
func save(f *excelize.File, w io.Writer) error {
	tmp, err := os.CreateTemp("", "begroot-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(tmp)
		// BestSpeed: a million rows in 9 s of CPU instead of 15, for a
		// file a quarter larger.
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
			return flate.NewWriter(w, flate.BestSpeed)
		})
		return zw
	})
	if err := f.Write(io.Discard); err != nil {
		return err
	}
	size, err := tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(tmp, size)
	if err != nil {
		return err
	}
	entries := slices.SortedFunc(slices.Values(zr.File), func(a, b *zip.File) int { return cmp.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, e := range entries {
		if e.Name == contentTypes {
			if err := copySorted(zw, e); err != nil {
				return err
			}
			continue
		}
		if err := zw.Copy(e); err != nil {
			return err
		}
	}
	return zw.Close()
}

// contentTypes is the zip entry that lists the content type of each
// extension and part.
const contentTypes = "[Content_Types].xml"

// defaultType is one extension's entry in contentTypes.
var defaultType = regexp.MustCompile(`<Default [^>]*></Default>`)

// copySorted copies entry e with its Default elements in sorted order:
// excelize writes those it adds with a chart in map order.
func copySorted(zw *zip.Writer, e *zip.File) error {
	rc, err := e.Open()
	if err != nil {
		return err
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return err
	}
	defaults := defaultType.FindAll(data, -1)
	slices.SortFunc(defaults, bytes.Compare)
	i := 0
	data = defaultType.ReplaceAllFunc(data, func([]byte) []byte { i++; return defaults[i-1] })
	header := e.FileHeader
	w, err := zw.CreateHeader(&header)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
