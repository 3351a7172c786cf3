package output

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/begroot/begroot/normalize"
)

// writeFiles writes ds through a DatasetWriter into a new directory, in
// format with a CSV dialect and, when workbook is true, begroot.xlsx; the
// documents and errors are added in the order ds holds them, after each
// other. It returns the directory.
func writeFiles(t testing.TB, ds *normalize.Dataset, format string, dialect CSVDialect, workbook bool) string {
	t.Helper()
	dir := t.TempDir()
	opt := DatasetOptions{Dir: dir, Format: format, Dialect: dialect, Generator: ds.Generator}
	if workbook {
		opt.Workbook = filepath.Join(dir, "begroot.xlsx")
	}
	w, err := NewDatasetWriter(opt)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Cleanup()
	for i := range ds.Documents {
		if err := w.Add(&ds.Documents[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range ds.Errors {
		if err := w.AddError(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// inOrder is ds with its documents and errors in the order of the output.
func inOrder(ds *normalize.Dataset) *normalize.Dataset {
	out := *ds
	out.Documents = slices.Clone(ds.Documents)
	slices.SortStableFunc(out.Documents, func(a, b normalize.Report) int { return documentOrder(&a, &b) })
	out.Errors = slices.Clone(ds.Errors)
	slices.SortStableFunc(out.Errors, func(a, b normalize.DocError) int { return errorOrder(&a, &b) })
	return &out
}

func TestDatasetWriterCleansUp(t *testing.T) {
	tests := []struct {
		name  string
		close func(w *DatasetWriter) error
		files []string
	}{
		{"close", (*DatasetWriter).Close, []string{"begroot.xlsx", "dataset.json"}},
		{"cleanup", (*DatasetWriter).Cleanup, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			w, err := NewDatasetWriter(DatasetOptions{Dir: dir, Format: FormatJSON, Workbook: filepath.Join(dir, "begroot.xlsx")})
			if err != nil {
				t.Fatal(err)
			}
			ds := testDataset()
			if err := w.Add(&ds.Documents[0]); err != nil {
				t.Fatal(err)
			}
			if err := tt.close(w); err != nil {
				t.Fatal(err)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, e := range entries {
				files = append(files, e.Name())
			}
			if !slices.Equal(files, tt.files) {
				t.Errorf("%s left %q, want %q", tt.name, files, tt.files)
			}
			if err := w.Add(&ds.Documents[1]); err == nil {
				t.Errorf("Add after %s did not fail", tt.name)
			}
			if err := w.Cleanup(); err != nil {
				t.Errorf("Cleanup after %s: %v", tt.name, err)
			}
		})
	}
}

func TestDatasetWriterOptions(t *testing.T) {
	if _, err := NewDatasetWriter(DatasetOptions{Dir: t.TempDir(), Format: "xml"}); err == nil {
		t.Error("NewDatasetWriter took format xml")
	}
}

// TestSpoolRoundTrip encodes rows with every type a column yields and
// wants the same values of the same types back.
func TestSpoolRoundTrip(t *testing.T) {
	rows := [][]any{
		{nil, "", "Lasten € <x>", []string{"Financiën", "", "Overzicht"}, 0, -7, int64(-1 << 62), 12.5, -0.0001, true, false},
		{[]string{}, "\xff invalid utf-8", int64(0), 1e300, 3},
	}
	var buf []byte
	for _, r := range rows {
		var err error
		if buf, err = appendRow(buf, r); err != nil {
			t.Fatal(err)
		}
	}
	s, err := newSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.remove()
	if _, err := s.write([]byte("before"), 0); err != nil {
		t.Fatal(err)
	}
	seg, err := s.write(buf, len(rows))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.flush(); err != nil {
		t.Fatal(err)
	}
	r := s.reader(newReader(), seg)
	for i, want := range rows {
		for got, err := range decodeRows(r, 1, len(want)) {
			if err != nil {
				t.Fatalf("row %d: %v", i, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("row %d:\ngot  %#v\nwant %#v", i, got, want)
			}
		}
	}
	if _, err := appendRow(nil, []any{uint8(1)}); err == nil {
		t.Error("appendRow encoded a uint8")
	}
}
