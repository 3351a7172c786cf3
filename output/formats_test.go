package output

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
	"github.com/parquet-go/parquet-go"
)

// want is the typed value a reader of a flattened table should get back
// for cell v: nil for an empty cell, int64, float64, bool or a string.
func want(v any) any {
	switch v := sheetCell(v).(type) {
	case int:
		return int64(v)
	case string:
		return v
	case nil:
		return nil
	default:
		return v
	}
}

func readDataPackage(t *testing.T, dir string) dataPackage {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p dataPackage
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatalf("datapackage.json: %v", err)
	}
	return p
}

// readTyped reads one CSV resource as its schema declares it, the way a
// Frictionless reader does: dialect, encoding, missing values, field
// types and the decimal character.
func readTyped(t *testing.T, dir string, r resource) [][]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, r.Path))
	if err != nil {
		t.Fatal(err)
	}
	bom := bytes.HasPrefix(data, []byte(utf8BOM))
	if bom != (r.Encoding == "utf-8-sig") {
		t.Errorf("%s: byte order mark %v, encoding %q", r.Path, bom, r.Encoding)
	}
	cr := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte(utf8BOM))))
	cr.Comma = []rune(r.Dialect.Delimiter)[0]
	records, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", r.Path, err)
	}
	for i, f := range r.Schema.Fields {
		if records[0][i] != f.Name {
			t.Fatalf("%s: column %d is %q, datapackage.json says %q", r.Path, i, records[0][i], f.Name)
		}
	}
	var rows [][]any
	for _, rec := range records[1:] {
		row := make([]any, len(rec))
		for i, s := range rec {
			f := r.Schema.Fields[i]
			if slices.Contains(r.Schema.MissingValues, s) {
				continue
			}
			var err error
			switch f.Type {
			case "integer":
				row[i], err = strconv.ParseInt(s, 10, 64)
			case "number":
				row[i], err = strconv.ParseFloat(strings.Replace(s, cmp.Or(f.DecimalChar, "."), ".", 1), 64)
			case "boolean":
				row[i], err = strconv.ParseBool(s)
			default:
				row[i] = strings.TrimPrefix(s, "'") // safeText's quote, which a spreadsheet hides
			}
			if err != nil {
				t.Errorf("%s %s: %v", r.Path, f.Name, err)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// expected is table t of ds as typed rows.
func expected(ds *normalize.Dataset, t table) [][]any {
	var out [][]any
	for row := range t.rows(inOrder(ds)) {
		typed := make([]any, len(row))
		for i, v := range row {
			typed[i] = want(v)
		}
		out = append(out, typed)
	}
	return out
}

func TestCSVDataPackageRoundTrip(t *testing.T) {
	for _, dialect := range []CSVDialect{CSVPlain, CSVDutch} {
		t.Run(dialect.Name, func(t *testing.T) {
			ds := testDataset()
			dir := writeFiles(t, ds, FormatCSV, dialect, false)
			p := readDataPackage(t, dir)
			if len(p.Resources) != len(tables) {
				t.Fatalf("datapackage.json has %d resources, want %d", len(p.Resources), len(tables))
			}
			for i, tb := range tables {
				r := p.Resources[i]
				if r.Path != tb.file+".csv" {
					t.Fatalf("resource %d is %s, want %s.csv", i, r.Path, tb.file)
				}
				got, want := readTyped(t, dir, r), expected(ds, tb)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s read back with its declared types:\ngot  %v\nwant %v", r.Path, got, want)
				}
			}
			indicators := readTyped(t, dir, p.Resources[slices.IndexFunc(p.Resources, func(r resource) bool { return r.Name == "indicators" })])
			if !slices.ContainsFunc(indicators, func(row []any) bool { return slices.Contains(row, any("0.10")) }) {
				t.Errorf("indicators: taakveld 0.10 did not come back as the text 0.10")
			}
		})
	}
}

func TestCSVDutchDialect(t *testing.T) {
	dir := writeFiles(t, testDataset(), FormatCSV, CSVDutch, false)
	data, err := os.ReadFile(filepath.Join(dir, "indicators.csv"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{utf8BOM + "gemeente;cbs_code;", ";12,5;", ";0.10;"} {
		if !strings.Contains(text, want) {
			t.Errorf("indicators.csv in the nl dialect has no %q:\n%s", want, text)
		}
	}
}

func TestDataPackageTypes(t *testing.T) {
	p := newDataPackage("begroot test", 3, 1, csvResources(CSVPlain))
	types := map[string]string{}
	for _, r := range p.Resources {
		for _, f := range r.Schema.Fields {
			types[r.Name+"."+f.Name] = f.Type
			if f.Description == "" {
				t.Errorf("%s.%s has no description", r.Name, f.Name)
			}
		}
	}
	for field, typ := range map[string]string{
		"indicators.taakveld": "string", "indicators.code": "string", "financial.cbs_code": "string",
		"financial.value": "integer", "indicators.value": "number", "checks.ok": "boolean",
		"comparison.lasten": "integer", "comparison.lasten_per_inwoner": "number",
	} {
		if types[field] != typ {
			t.Errorf("%s has type %q, want %q", field, types[field], typ)
		}
	}
}

func TestParquetRoundTrip(t *testing.T) {
	ds := testDataset()
	dir := writeFiles(t, ds, FormatParquet, CSVDialect{}, false)
	if p := readDataPackage(t, dir); p.Resources[0].Path != "documents.parquet" || p.Resources[0].Format != "parquet" {
		t.Errorf("datapackage.json describes %s as %s", p.Resources[0].Path, p.Resources[0].Format)
	}
	kinds := map[fieldType]parquet.Kind{typeString: parquet.ByteArray, typeInteger: parquet.Int64, typeNumber: parquet.Double, typeBoolean: parquet.Boolean}
	for _, tb := range tables {
		path := filepath.Join(dir, tb.file+".parquet")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		pf, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		columns := pf.Schema().Fields()
		for i, f := range tb.fields {
			c := columns[i]
			if c.Name() != f.name || c.Type().Kind() != kinds[f.typ] || !c.Optional() {
				t.Errorf("%s column %d is %s %v (optional %v), want %s %v", tb.file, i, c.Name(), c.Type().Kind(), c.Optional(), f.name, kinds[f.typ])
			}
			if f.typ == typeString && !strings.Contains(c.Type().String(), "STRING") {
				t.Errorf("%s column %s is %s, want a UTF-8 string", tb.file, f.name, c.Type())
			}
		}
		r := parquet.NewReader(bytes.NewReader(data))
		typ := parquetRow(tb)
		var got [][]any
		for {
			row := reflect.New(typ)
			if err := r.Read(row.Interface()); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			values := make([]any, typ.NumField())
			for i := range values {
				if p := row.Elem().Field(i); !p.IsNil() {
					values[i] = p.Elem().Interface()
				}
			}
			got = append(got, values)
		}
		want := expected(ds, tb)
		for _, row := range want {
			for i, v := range row {
				if n, ok := v.(int64); ok && tb.fields[i].typ == typeNumber {
					row[i] = float64(n)
				}
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s read back:\ngot  %v\nwant %v", path, got, want)
		}
	}
}

// TestFormatsDeterministic writes every format several times, adding the
// documents and errors in another order each time and from several
// goroutines at once, and wants the same bytes.
func TestFormatsDeterministic(t *testing.T) {
	ds := testDataset()
	ds.Errors = append(ds.Errors, normalize.DocError{Source: "a.pdf", Error: "encrypted"})
	formats := []struct {
		name    string
		format  string
		dialect CSVDialect
		files   int
	}{
		{"json", FormatJSON, CSVPlain, 2}, // dataset.json and begroot.xlsx
		{"jsonl", FormatJSONL, CSVPlain, 2},
		{"csv", FormatCSV, CSVPlain, 7 + 2},
		{"nl", FormatCSV, CSVDutch, 7 + 2},
		{"parquet", FormatParquet, CSVPlain, 7 + 2},
	}
	write := func(format string, dialect CSVDialect, order []int) map[string][]byte {
		dir := t.TempDir()
		w, err := NewDatasetWriter(DatasetOptions{Dir: dir, Format: format, Dialect: dialect, Workbook: filepath.Join(dir, "begroot.xlsx"), Generator: ds.Generator})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Cleanup()
		var wg sync.WaitGroup
		for _, i := range order {
			wg.Go(func() {
				var err error
				if i < len(ds.Documents) {
					err = w.Add(&ds.Documents[i])
				} else {
					err = w.AddError(ds.Errors[i-len(ds.Documents)])
				}
				if err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if files[e.Name()], err = os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
		return files
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			order := make([]int, len(ds.Documents)+len(ds.Errors))
			for i := range order {
				order[i] = i
			}
			first := write(f.format, f.dialect, order)
			if len(first) != f.files {
				t.Errorf("wrote %d files: %v", len(first), slices.Sorted(maps.Keys(first)))
			}
			for range 3 {
				rand.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
				again := write(f.format, f.dialect, order)
				for name, data := range first {
					if !bytes.Equal(data, again[name]) {
						t.Errorf("%s: adding in the order %v gave different bytes", name, order)
					}
				}
			}
		})
	}
}

// TestPandasReadsDataPackage reads the CSV files with pandas, with the
// types from datapackage.json, where pandas is installed.
func TestPandasReadsDataPackage(t *testing.T) {
	// The python3 on PATH may be another installation (pyenv) than the
	// one Debian's python3-pandas installs into.
	python := ""
	for _, p := range []string{fixtures.Program(t, "python3"), "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import pandas").Run() == nil {
			python = p
			break
		}
	}
	if python == "" {
		fixtures.Missing(t, "pandas is not installed for python3 (Debian: python3-pandas)")
	}
	dir := writeFiles(t, testDataset(), FormatCSV, CSVDutch, false)
	script := `
import json, sys, pandas as pd
p = json.load(open(sys.argv[1] + "/datapackage.json"))
types = {"string": "string", "integer": "Int64", "number": "float64", "boolean": "boolean"}
for r in p["resources"]:
    fields = r["schema"]["fields"]
    df = pd.read_csv(sys.argv[1] + "/" + r["path"], sep=r["dialect"]["delimiter"], encoding=r["encoding"],
                     decimal=next((f["decimalChar"] for f in fields if "decimalChar" in f), "."),
                     dtype={f["name"]: types[f["type"]] for f in fields if f["type"] != "boolean"})
    if r["name"] == "indicators":
        print(",".join(df["taakveld"].dropna()), df["value"].dropna().tolist())
`
	out, err := exec.Command(python, "-c", script, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("pandas: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "1.2,0.10 [12.5]" {
		t.Errorf("pandas read taakveld and value as %q, want %q", got, "1.2,0.10 [12.5]")
	}
}
