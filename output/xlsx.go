package output

import (
	"cmp"
	"fmt"
	"io"
	"iter"
	"maps"
	"math"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/begroot/begroot/output/xlsx"
)

// maxSheetRows is the number of data rows per sheet: Excel's limit of
// 1,048,576 rows less the header. Longer tables continue on "Financieel (2)"
// and so on. A variable so that tests can lower it.
var maxSheetRows = xlsx.MaxRows - 1

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
	x, err := xlsx.New(w)
	if err != nil {
		return err
	}
	defer x.Discard()
	wb := newWorkbook(x)
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
	return x.Close(xlsx.Properties{
		Creator: cmp.Or(d.generator, "begroot"),
		Title:   "begroot dataset",
		Created: fixedTime, // fixed, so that the same data gives the same file
	})
}

// fixedTime is the creation time the workbook gives itself.
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

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
	x      *xlsx.Workbook
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
	failed     int // conditional style of a failed check: red fill
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

// thousandsFormat is Excel's built-in number format 3, #,##0.
const thousandsFormat = 3

func newWorkbook(x *xlsx.Workbook) *workbook {
	wb := &workbook{x: x}
	wb.header = x.Style(xlsx.Style{Bold: true, Wrap: true, Fill: headerFill, BottomBorder: true})
	wb.numbers = map[numFormat]int{}
	for _, nf := range slices.Sorted(maps.Keys(numFormats)) { // in order: the same styles, the same bytes
		wb.numbers[nf] = x.Style(xlsx.Style{NumFmt: numFormats[nf]})
	}
	wb.amount = wb.numbers[euros]
	wb.unverified = x.Style(xlsx.Style{NumFmt: euroFormat, Fill: unverifiedFill})
	wb.cents = x.Style(xlsx.Style{NumFmt: euroCentsFormat})
	wb.count = x.Style(xlsx.Style{NumFmtID: thousandsFormat})
	wb.failed = x.ConditionalFill(failedFill)
	wb.heading = x.Style(xlsx.Style{Bold: true})
	return wb
}

// write streams sheet s, continuing on a new sheet every maxSheetRows rows.
func (wb *workbook) write(s sheet) error {
	names := sheetNames(s.name, s.count)
	part := 0
	var sh *xlsx.Sheet
	next := func() error {
		if part >= len(names) {
			return fmt.Errorf("more rows than the %d counted", s.count)
		}
		rows := min(s.count-part*maxSheetRows, maxSheetRows)
		var err error
		sh, err = wb.start(names[part], s, rows)
		part++
		return err
	}
	if err := next(); err != nil {
		return err
	}
	headerRow := len(s.heads) + 1
	cells := make([]any, len(s.fields))
	for r, err := range s.rows {
		if err != nil {
			return err
		}
		if sh.Rows()-headerRow >= maxSheetRows {
			if err := next(); err != nil {
				return err
			}
		}
		for i, v := range r {
			cells[i] = sheetCell(v)
		}
		if err := sh.Row(cells, 0); err != nil {
			return err
		}
	}
	if len(s.tail) > 0 {
		if err := sh.Row(nil, 0); err != nil { // an empty row between the table and what follows
			return err
		}
	}
	for _, t := range s.tail {
		if err := sh.Row(t, 0); err != nil {
			return err
		}
	}
	return nil
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

// sheetCell is v as a cell takes it: lists joined, and no cell at all
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
// filtered, printed landscape with the header rows on every page, its
// rows filled red where s.highlight is FALSE. It returns the sheet with
// the header rows written.
func (wb *workbook) start(name string, s sheet, rows int) (*xlsx.Sheet, error) {
	headerRow := len(s.heads) + 1
	o := xlsx.SheetOptions{
		Widths:      s.widths,
		ColStyles:   make([]int, len(s.fields)),
		FreezeRows:  headerRow,
		FreezeCols:  s.freezeCols,
		Filter:      xlsx.Range{FirstCol: 1, FirstRow: headerRow, LastCol: len(s.fields), LastRow: headerRow + rows},
		Landscape:   true,
		PagesAcross: pagesAcross(s.widths),
		TitleRows:   headerRow,
		Selected:    wb.sheets == 0,
	}
	wb.sheets++
	for i, fl := range s.fields {
		o.ColStyles[i] = wb.numbers[fl.format] // 0, the default style, for plain fields
	}
	if s.highlight >= 0 && rows > 0 {
		// An empty cell is no FALSE: a document without a reconciliation
		// stays white.
		cell := fmt.Sprintf("$%s%d", xlsx.ColumnName(s.highlight+1), headerRow+1)
		o.Highlights = []xlsx.Highlight{{
			Range:   xlsx.Range{FirstCol: 1, FirstRow: headerRow + 1, LastCol: len(s.fields), LastRow: headerRow + rows},
			Formula: fmt.Sprintf("AND(ISLOGICAL(%s),NOT(%s))", cell, cell),
			Fill:    wb.failed,
		}}
	}
	sh, err := wb.x.AddSheet(name, o)
	if err != nil {
		return nil, err
	}
	names := make([]any, len(s.fields))
	for i, fl := range s.fields {
		names[i] = fl.name
	}
	for _, head := range append(slices.Clone(s.heads), names) {
		cells := make([]any, len(head))
		lines := 1
		for i, v := range head {
			cells[i] = xlsx.Cell{Style: wb.header, Value: v}
			if text, ok := v.(string); ok && i < len(s.widths) {
				lines = max(lines, wrappedLines(text, s.widths[i]))
			}
		}
		if err := sh.Row(cells, float64(lines*lineHeight)); err != nil {
			return nil, err
		}
	}
	return sh, nil
}

// wrappedLines is the number of lines text takes in a wrapping cell width
// characters wide.
func wrappedLines(text string, width float64) int {
	room := max(int(width)-columnPadding, 1)
	return max(1, (textWidth(text)+room-1)/room)
}

// pagesAcross is the number of landscape pages a sheet of columns widths
// wide prints on: as many as its width needs at a readable scale. Columns
// are not repeated on each: text below a table, such as Vergelijking's
// list of documents not compared, would be cut off at them.
func pagesAcross(widths []float64) int {
	var total float64
	for _, w := range widths {
		total += w
	}
	return max(1, int(math.Ceil(total/printWidth)))
}
