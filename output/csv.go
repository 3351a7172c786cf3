package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/begroot/begroot/atomicfile"
)

// A CSVDialect is how the CSV files are spelled a file: the plain dialect for
// programs, or the Dutch one that Excel with Dutch settings opens by a
// double click.
type CSVDialect struct {
	Name         string // as --csv-dialect takes it
	Comma        rune
	DecimalComma bool // 12,5 instead of 12.5
	BOM          bool // a UTF-8 byte order mark, so that Excel reads UTF-8
}

// The CSV dialects.
var (
	CSVPlain = CSVDialect{Name: "plain", Comma: ','}
	CSVDutch = CSVDialect{Name: "nl", Comma: ';', DecimalComma: true, BOM: true}
)

// CSVDialects are the dialects by name.
var CSVDialects = map[string]CSVDialect{CSVPlain.Name: CSVPlain, CSVDutch.Name: CSVDutch}

// utf8BOM is the byte order mark of UTF-8.
const utf8BOM = "\ufeff"

// writeCSV writes one CSV file per table into dir: documents.csv,
// financial.csv, indicators.csv, objectives.csv, comparison.csv,
// checks.csv and errors.csv, each through atomicfile.Write, and
// datapackage.json with their field types. Every file is written, with its
// header row, even when it has no records.
func (d *dataset) writeCSV(dir string, dialect CSVDialect) error {
	for _, t := range tables {
		path := filepath.Join(dir, t.file+".csv")
		if err := atomicfile.Write(path, func(w io.Writer) error { return writeCSV(w, d.rows(t), t, dialect) }); err != nil {
			return err
		}
	}
	return d.writeDataPackage(dir, csvResources(dialect))
}

// writeCSV writes rows, the rows of table t, as UTF-8 CSV with a header
// row.
func writeCSV(w io.Writer, rows iter.Seq2[[]any, error], t table, dialect CSVDialect) error {
	if dialect.BOM {
		if _, err := io.WriteString(w, utf8BOM); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.Comma = dialect.Comma
	record := make([]string, len(t.fields))
	for i, f := range t.fields {
		record[i] = f.name
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for row, err := range rows {
		if err != nil {
			return err
		}
		for i, v := range row {
			record[i] = csvField(v, dialect.DecimalComma)
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvField formats one cell. Numbers are written plainly, also when
// negative, with a decimal comma when asked; text is made safe with
// safeText.
func csvField(v any, decimalComma bool) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return safeText(v)
	case []string:
		return safeText(joinSection(v))
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		s := strconv.FormatFloat(v, 'f', -1, 64)
		if decimalComma {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	case bool:
		return strconv.FormatBool(v)
	}
	panic(fmt.Sprintf("output: no csv format for %T", v))
}

// safeText prefixes text that a spreadsheet program would read as a formula
// (it begins with =, +, -, @, a tab or a carriage return) with a single
// quote, so that "=SUM(A1)" or "-" from a document stays text.
func safeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
