package output

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strconv"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/normalize"
)

// WriteCSV writes one CSV file per kind of record into dir: documents.csv,
// financial.csv, indicators.csv, objectives.csv, checks.csv and errors.csv,
// each through atomicfile.Write. Every file is written, with its header row, even
// when it has no records.
func WriteCSV(dir string, ds *normalize.Dataset) error {
	ds = sorted(ds)
	for _, t := range tables {
		path := filepath.Join(dir, t.file+".csv")
		if err := atomicfile.Write(path, func(w io.Writer) error { return writeCSV(w, ds, t) }); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes table t of ds as UTF-8 CSV with a header row.
func writeCSV(w io.Writer, ds *normalize.Dataset, t table) error {
	cw := csv.NewWriter(w)
	record := make([]string, len(t.fields))
	for i, f := range t.fields {
		record[i] = f.name
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for row := range t.rows(ds) {
		for i, v := range row {
			record[i] = csvField(v)
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvField formats one cell. Numbers are written plainly, also when
// negative; text is made safe with safeText.
func csvField(v any) string {
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
		return strconv.FormatFloat(v, 'f', -1, 64)
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
