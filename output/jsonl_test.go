package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures/golden"
	"github.com/begroot/begroot/normalize"
)

func TestWriteJSON(t *testing.T) {
	full := testDataset()
	tests := []struct {
		name string
		v    any
	}{
		{"dataset", full},
		{"dataset without errors", &normalize.Dataset{Generator: "g", Documents: full.Documents[:1]}},
		{"dataset with nil documents", &normalize.Dataset{Generator: "g"}},
		{"dataset with no documents", &normalize.Dataset{Generator: "g", Documents: []normalize.Report{}}},
		{"report", &full.Documents[0]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := WriteJSON(&got, tt.v); err != nil {
				t.Fatal(err)
			}
			// The reference: the whole value encoded at once, without
			// HTML escaping.
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(tt.v); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("WriteJSON(%s):\n%s", tt.name, golden.Diff(want.String(), got.String()))
			}
		})
	}
}

func TestWriteJSONNoHTMLEscaping(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, testDataset()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"title": "Programmabegroting 2024 <concept> & bijlagen"`) {
		t.Errorf("WriteJSON escaped HTML or lost the title:\n%.400s", buf.String())
	}
}

func TestWriteJSONL(t *testing.T) {
	ds := testDataset()
	var buf bytes.Buffer
	if err := WriteJSONL(&buf, ds); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
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
			t.Errorf("WriteJSONL: %d records of kind %s, want %d", counts[kind], kind, n)
		}
	}
	golden.Check(t, "testdata/jsonl.golden.json", lines)
}
