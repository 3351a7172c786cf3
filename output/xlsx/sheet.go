package xlsx

import (
	"bufio"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Limits of a worksheet (ECMA-376 Part 1, 18.3; Excel's specifications).
const (
	MaxRows    = 1 << 20 // rows per sheet
	MaxColumns = 1 << 14 // columns per sheet, A to XFD
)

// A Range is a rectangle of cells, its rows and columns counted from 1.
type Range struct {
	FirstCol, FirstRow, LastCol, LastRow int
}

// String is the range in A1 notation, such as "A2:W6".
func (r Range) String() string {
	return CellName(r.FirstCol, r.FirstRow) + ":" + CellName(r.LastCol, r.LastRow)
}

// Ref is the absolute reference to range r of sheet, as formulas and
// chart series take it: 'Grafieken'!$A$2:$A$5, or 'Grafieken'!$D$1 for a
// single cell.
func Ref(sheet string, r Range) string {
	if r.FirstCol == r.LastCol && r.FirstRow == r.LastRow {
		return fmt.Sprintf("%s!$%s$%d", quoteSheet(sheet), ColumnName(r.FirstCol), r.FirstRow)
	}
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quoteSheet(sheet), ColumnName(r.FirstCol), r.FirstRow, ColumnName(r.LastCol), r.LastRow)
}

// quoteSheet is a sheet name as a formula refers to it.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// ColumnName is the letters of column col (1 is A, 27 is AA).
func ColumnName(col int) string { return string(appendColumn(nil, col)) }

// appendColumn appends the letters of column col.
func appendColumn(b []byte, col int) []byte {
	if col > 26 {
		b = appendColumn(b, (col-1)/26)
	}
	return append(b, byte('A'+(col-1)%26))
}

// CellName is the A1 name of the cell in column col and row row.
func CellName(col, row int) string { return ColumnName(col) + strconv.Itoa(row) }

// A Highlight fills the cells of a range with a conditional style (see
// Workbook.ConditionalFill) where a formula is true. The formula refers to
// the range's top-left cell; Excel moves relative references along.
type Highlight struct {
	Range   Range
	Formula string
	Fill    int
}

// SheetOptions are the layout of a sheet, fixed when it starts.
type SheetOptions struct {
	Widths    []float64 // column widths from column A, in characters; 0 is the default
	ColStyles []int     // cell styles of the columns from A: the style of a plain value in the column
	// FreezeRows and FreezeCols are the rows at the top and columns at the
	// left that stay in view when scrolling.
	FreezeRows, FreezeCols int
	Filter                 Range // the autofilter's range, the header row first; zero for none
	Highlights             []Highlight
	Landscape              bool
	// PagesAcross fits a printed page's width to this many pages, as many
	// pages down as it takes; 0 prints at 100%.
	PagesAcross int
	TitleRows   int // rows printed at the top of every page
	Selected    bool
}

// A Sheet is a worksheet being written, row by row.
type Sheet struct {
	wb     *Workbook
	name   string
	index  int
	opts   SheetOptions
	w      *bufio.Writer
	row    int // the last row written
	charts []Chart
	buf    []byte
}

// A Cell is a value with a cell style other than its column's.
type Cell struct {
	Style int
	Value any
}

func (s *Sheet) part() string { return fmt.Sprintf("xl/worksheets/sheet%d.xml", s.index+1) }

// Rows is the number of rows written or skipped so far.
func (s *Sheet) Rows() int { return s.row }

// begin writes the sheet's start, up to its rows.
func (s *Sheet) begin() {
	o := s.opts
	w := s.w
	w.WriteString(xmlDecl + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	if o.PagesAcross > 0 {
		w.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	w.WriteString(`<sheetViews><sheetView`)
	if o.Selected {
		w.WriteString(` tabSelected="1"`)
	}
	w.WriteString(` workbookViewId="0">`)
	if o.FreezeRows > 0 || o.FreezeCols > 0 {
		pane := "bottomRight" // the pane that scrolls both ways
		switch {
		case o.FreezeCols == 0:
			pane = "bottomLeft"
		case o.FreezeRows == 0:
			pane = "topRight"
		}
		w.WriteString(`<pane`)
		if o.FreezeCols > 0 {
			fmt.Fprintf(w, ` xSplit="%d"`, o.FreezeCols)
		}
		if o.FreezeRows > 0 {
			fmt.Fprintf(w, ` ySplit="%d"`, o.FreezeRows)
		}
		fmt.Fprintf(w, ` topLeftCell="%s" activePane="%s" state="frozen"/><selection pane="%s"/>`,
			CellName(o.FreezeCols+1, o.FreezeRows+1), pane, pane)
	}
	w.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if cols := max(len(o.Widths), len(o.ColStyles)); cols > 0 {
		w.WriteString(`<cols>`)
		for i := range cols {
			width, style := 0.0, 0
			if i < len(o.Widths) {
				width = o.Widths[i]
			}
			if i < len(o.ColStyles) {
				style = o.ColStyles[i]
			}
			if width <= 0 && style == 0 {
				continue
			}
			fmt.Fprintf(w, `<col min="%d" max="%d"`, i+1, i+1)
			if width > 0 {
				fmt.Fprintf(w, ` width="%s" customWidth="1"`, strconv.FormatFloat(width, 'f', -1, 64))
			}
			if style > 0 {
				fmt.Fprintf(w, ` style="%d"`, style)
			}
			w.WriteString(`/>`)
		}
		w.WriteString(`</cols>`)
	}
	w.WriteString(`<sheetData>`)
}

// Row writes the next row: each cell a value or a Cell, nil for no cell.
// Values are strings, booleans and numbers; text longer than Excel holds
// in a cell is cut off. Height is the row's height in points, 0 for the
// default. A row without cells is left empty.
func (s *Sheet) Row(cells []any, height float64) error {
	if s.wb.open != s {
		return fmt.Errorf("sheet %s: written after the next sheet started", s.name)
	}
	if s.row >= MaxRows {
		return fmt.Errorf("sheet %s: more than %d rows", s.name, MaxRows)
	}
	if len(cells) > MaxColumns {
		return fmt.Errorf("sheet %s row %d: %d cells, more than %d", s.name, s.row+1, len(cells), MaxColumns)
	}
	s.row++
	if len(cells) == 0 {
		return nil
	}
	b := append(s.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(s.row), 10)
	if height > 0 {
		b = append(b, `" ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1`...)
	}
	b = append(b, `">`...)
	for i, v := range cells {
		if v == nil {
			continue
		}
		style := 0
		if i < len(s.opts.ColStyles) {
			style = s.opts.ColStyles[i]
		}
		// A cell of the default style in a column of another says so:
		// without s, a reader may take the column's.
		styled := style > 0
		if c, ok := v.(Cell); ok {
			style, v = c.Style, c.Value
		}
		var err error
		if b, err = appendCell(b, i+1, s.row, style, styled || style > 0, v); err != nil {
			return fmt.Errorf("sheet %s cell %s: %w", s.name, CellName(i+1, s.row), err)
		}
	}
	b = append(b, `</row>`...)
	s.buf = b
	_, err := s.w.Write(b)
	return err
}

// appendCell appends the c element of value v in column col, row row, with
// its style if styled.
func appendCell(b []byte, col, row, style int, styled bool, v any) ([]byte, error) {
	b = append(b, `<c r="`...)
	b = appendColumn(b, col)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if styled {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(style), 10)
		b = append(b, '"')
	}
	switch v := v.(type) {
	case nil: // a styled cell without a value
		return append(b, `/>`...), nil
	case string:
		return appendInline(b, v), nil
	case bool:
		if v {
			return append(b, ` t="b"><v>1</v></c>`...), nil
		}
		return append(b, ` t="b"><v>0</v></c>`...), nil
	case int:
		b = strconv.AppendInt(append(b, `><v>`...), int64(v), 10)
	case int64:
		b = strconv.AppendInt(append(b, `><v>`...), v, 10)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) { // no number in Excel, so say what it is
			return appendInline(b, fmt.Sprint(v)), nil
		}
		b = strconv.AppendFloat(append(b, `><v>`...), v, 'f', -1, 64)
	default:
		return nil, fmt.Errorf("value of type %T", v)
	}
	return append(b, `</v></c>`...), nil
}

// appendInline appends the rest of a c element holding inline string s.
func appendInline(b []byte, s string) []byte {
	b = append(b, ` t="inlineStr"><is><t`...)
	if s != strings.TrimSpace(s) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	b = appendText(b, s)
	return append(b, `</t></is></c>`...)
}

// end writes what follows the rows and ends the sheet's part, then writes
// the sheet's drawing and charts.
func (s *Sheet) end() error {
	o := s.opts
	w := s.w
	w.WriteString(`</sheetData>`)
	if o.Filter != (Range{}) {
		fmt.Fprintf(w, `<autoFilter ref="%s"/>`, o.Filter)
	}
	for i, h := range o.Highlights {
		fmt.Fprintf(w, `<conditionalFormatting sqref="%s"><cfRule type="expression" dxfId="%d" priority="%d"><formula>%s</formula></cfRule></conditionalFormatting>`,
			h.Range, h.Fill, i+1, escape(h.Formula))
	}
	if o.Landscape || o.PagesAcross > 0 {
		w.WriteString(`<pageSetup`)
		if o.Landscape {
			w.WriteString(` orientation="landscape"`)
		}
		if o.PagesAcross > 0 {
			fmt.Fprintf(w, ` fitToWidth="%d" fitToHeight="0"`, o.PagesAcross)
		}
		w.WriteString(`/>`)
	}
	if len(s.charts) > 0 {
		w.WriteString(`<drawing r:id="rId1"/>`)
	}
	w.WriteString(`</worksheet>`)
	if err := w.Flush(); err != nil {
		return fmt.Errorf("sheet %s: %w", s.name, err)
	}
	if len(s.charts) == 0 {
		return nil
	}
	return s.writeDrawing()
}
