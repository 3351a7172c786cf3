package output

import (
	"archive/zip"
	"cmp"
	"compress/flate"
	"fmt"
	"io"
	"iter"
	"os"
	"slices"

	"github.com/begroot/begroot/normalize"
	"github.com/xuri/excelize/v2"
)

// maxSheetRows is the number of data rows per sheet: Excel's limit of
// 1,048,576 rows less the header. Longer tables continue on "Financieel (2)"
// and so on. A variable so that tests can lower it.
var maxSheetRows = 1<<20 - 1

// WriteWorkbook writes ds as an Excel workbook with the sheets Documenten,
// Financieel, Indicatoren, Doelstellingen, Vergelijking, Controles and Fouten
// (see the package documentation). Sheets are streamed, so memory does not
// grow with the number of rows, and the same dataset gives the same bytes.
func WriteWorkbook(w io.Writer, ds *normalize.Dataset) error {
	ds = sorted(ds)
	f := excelize.NewFile()
	defer f.Close()
	wb, err := newWorkbook(f)
	if err != nil {
		return err
	}
	sheets := []sheet{
		tableSheet(ds, documentTable),
		tableSheet(ds, financialTable),
		tableSheet(ds, indicatorTable),
		tableSheet(ds, objectiveTable),
		comparison(ds),
		tableSheet(ds, checkTable),
		tableSheet(ds, errorTable),
	}
	for _, s := range sheets {
		if err := wb.write(s); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:  cmp.Or(ds.Generator, "begroot"),
		Title:    "begroot dataset",
		Created:  "2000-01-01T00:00:00Z", // fixed, so that the same data gives the same file
		Modified: "2000-01-01T00:00:00Z",
	}); err != nil {
		return err
	}
	return save(f, w)
}

// A sheet is a table as the workbook writes it.
type sheet struct {
	name   string
	fields []field
	count  int
	rows   iter.Seq[[]any]
}

func tableSheet(ds *normalize.Dataset, t table) sheet {
	return sheet{name: t.sheet, fields: t.fields, count: t.count(ds), rows: t.rows(ds)}
}

// workbook holds the file being written and its styles.
type workbook struct {
	f      *excelize.File
	header int // style of header cells: bold
	amount int // style of whole euros: #,##0
	sheets int
}

func newWorkbook(f *excelize.File) (*workbook, error) {
	wb := &workbook{f: f}
	var err error
	if wb.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return nil, err
	}
	if wb.amount, err = f.NewStyle(&excelize.Style{NumFmt: 3}); err != nil { // 3 is "#,##0"
		return nil, err
	}
	return wb, nil
}

// write streams sheet s, continuing on a new sheet every maxSheetRows rows.
func (wb *workbook) write(s sheet) error {
	part, row := 0, 0
	var sw *excelize.StreamWriter
	next := func() error {
		name := s.name
		if part++; part > 1 {
			name = fmt.Sprintf("%s (%d)", s.name, part)
		}
		rows := min(s.count-(part-1)*maxSheetRows, maxSheetRows)
		var err error
		sw, err = wb.start(name, s.fields, rows)
		row = 1
		return err
	}
	if err := next(); err != nil {
		return err
	}
	cells := make([]any, len(s.fields))
	for r := range s.rows {
		if row > maxSheetRows {
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
		ref, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		if err := sw.SetRow(ref, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
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

// start adds a sheet with a frozen, filtered header row above rows data
// rows, and returns its stream writer.
func (wb *workbook) start(name string, fields []field, rows int) (*excelize.StreamWriter, error) {
	f := wb.f
	if wb.sheets++; wb.sheets == 1 {
		if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	// The filter goes on the worksheet before streaming starts; the
	// stream writer then writes it out with the rows.
	last, err := excelize.CoordinatesToCellName(len(fields), rows+1)
	if err != nil {
		return nil, err
	}
	if err := f.AutoFilter(name, "A1:"+last, nil); err != nil {
		return nil, err
	}
	// Printed (or converted to PDF) landscape, all columns on one page wide.
	landscape, one, auto := "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &auto}); err != nil {
		return nil, err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	header := make([]any, len(fields))
	for i, fl := range fields {
		if err := sw.SetColWidth(i+1, i+1, fl.width); err != nil {
			return nil, err
		}
		if fl.amount {
			if err := sw.SetColStyle(i+1, i+1, wb.amount); err != nil {
				return nil, err
			}
		}
		header[i] = excelize.Cell{StyleID: wb.header, Value: fl.name}
	}
	return sw, sw.SetRow("A1", header)
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
		if err := zw.Copy(e); err != nil {
			return err
		}
	}
	return zw.Close()
}
