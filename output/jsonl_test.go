package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures/golden"
	"github.com/begroot/begroot/normalize"
)

func TestWriteJSON(t *testing.T) {
	rep := &testDataset().Documents[0]
	var got bytes.Buffer
	if err := WriteJSON(&got, rep); err != nil {
		t.Fatal(err)
	}
	if want := reference(t, rep); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("WriteJSON(report):\n%s", golden.Diff(string(want), got.String()))
	}
	if !strings.Contains(got.String(), `"title": "Programmabegroting 2024 <concept> & bijlagen"`) {
		t.Errorf("WriteJSON escaped HTML or lost the title:\n%.400s", got.String())
	}
}

// reference is v encoded at once, indented, without HTML escaping.
func reference(t *testing.T, v any) []byte {
	t.Helper()
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return want.Bytes()
}

// TestDatasetJSON wants dataset.json to be the bytes of the whole dataset
// encoded at once, with its documents ordered by source and its errors by
// source and error.
func TestDatasetJSON(t *testing.T) {
	full := testDataset()
	tests := []struct {
		name string
		ds   *normalize.Dataset
	}{
		{"dataset", full},
		{"dataset without errors", &normalize.Dataset{Generator: "g", Documents: full.Documents[:1]}},
		{"dataset with errors alone", &normalize.Dataset{Generator: "g", Errors: full.Errors}},
		{"empty dataset", &normalize.Dataset{Generator: "g"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := os.ReadFile(filepath.Join(writeFiles(t, tt.ds, FormatJSON, CSVPlain, false), "dataset.json"))
			if err != nil {
				t.Fatal(err)
			}
			ds := inOrder(tt.ds)
			slices.SortStableFunc(ds.Documents, func(a, b normalize.Report) int { return sourceOrder(&a, &b) })
			if ds.Documents == nil {
				ds.Documents = []normalize.Report{}
			}
			if want := reference(t, ds); !bytes.Equal(got, want) {
				t.Errorf("dataset.json of %s:\n%s", tt.name, golden.Diff(string(want), string(got)))
			}
		})
	}
}

func TestWriteJSONL(t *testing.T) {
	ds := testDataset()
	data, err := os.ReadFile(filepath.Join(writeFiles(t, ds, FormatJSONL, CSVPlain, false), "dataset.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	counts := map[string]int{}
	for i, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("line %d is not JSON: %v\n%s", i+1, err, l)
		}
		counts[rec["kind"].(string)]++
	}
	want := map[string]int{"document": 3, "error": 1}
	for _, d := range ds.Documents {
		want["financial"] += len(d.Financial)
		want["indicator"] += len(d.Indicators)
		want["objective"] += len(d.Objectives)
		want["check"] += len(d.Checks)
	}
	for kind, n := range want {
		if counts[kind] != n {
			t.Errorf("dataset.jsonl: %d records of kind %s, want %d", counts[kind], kind, n)
		}
	}
	golden.Check(t, "testdata/jsonl.golden.json", func() (any, error) {
		data, err := os.ReadFile(filepath.Join(writeFiles(t, ds, FormatJSONL, CSVPlain, false), "dataset.jsonl"))
		return strings.Split(strings.TrimSuffix(string(data), "\n"), "\n"), err
	})
}
