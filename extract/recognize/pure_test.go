package recognize

import (
	"bytes"
	gocontext "context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/extract/textdoc"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
)

// TestFindPure runs Find over every document the project owns (the HTML
// fixtures, the generated PDFs, the textdoc test inputs) and, when
// ../shared is present, over the corpus PDFs with a text layer. Find must
// leave the document as it was, byte for byte in JSON, and a second Find
// over the same document must give the same Result.
func TestFindPure(t *testing.T) {
	type input struct {
		glob  string
		parse func(path string) (*extract.Document, error)
	}
	inputs := []input{
		{fixtures.Path("html/*.html"), parseHTML},
		{fixtures.Path("pdf/*.pdf"), parsePDF},
		{filepath.Join("..", "textdoc", "testdata", "*.txt"), parseText},
	}
	if dir := fixtures.SharedDir(); dir != "" {
		inputs = append(inputs, input{filepath.Join(dir, "corpus", "raw", "*", "*.pdf"), parsePDF})
	}
	checked := 0
	for _, in := range inputs {
		files, err := filepath.Glob(in.glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			doc, err := in.parse(file)
			if err != nil {
				// Damaged, encrypted, scanned and Type 3 PDFs give no
				// document; the readers' own tests cover them.
				continue
			}
			checked++
			t.Run(filepath.Base(file), func(t *testing.T) { find(t, doc) })
		}
	}
	if checked < 3 {
		t.Fatalf("only %d documents read; the fixtures are missing", checked)
	}
}

// find runs Find twice over doc and fails when doc changes or the second
// Result differs from the first, which it returns. Every test document
// goes through it.
func find(t *testing.T, doc *extract.Document) Result {
	t.Helper()
	before := marshal(t, doc)
	first := Find(doc)
	if after := marshal(t, doc); after != before {
		t.Errorf("Find(%s) changed the document:\n%s", doc.Source.Name(), golden.Diff(before, after))
	}
	if second := Find(doc); !reflect.DeepEqual(first, second) {
		t.Errorf("Find(%s) twice gives different results:\n%s", doc.Source.Name(), golden.Diff(marshal(t, first), marshal(t, second)))
	}
	return first
}

// marshal writes v as indented JSON, so that a diff shows the changed
// cells and records line by line.
func marshal(t *testing.T, v any) string {
	t.Helper()
	data, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func parseHTML(path string) (*extract.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return htmldoc.Parse(f, extract.Source{Path: path, Format: extract.FormatHTML})
}

func parseText(path string) (*extract.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return textdoc.Parse(f, extract.Source{Path: path, Format: extract.FormatText})
}

func parsePDF(path string) (*extract.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	// The race detector slows parsing several times over.
	opt := pdfdoc.Options{Timeout: pdfdoc.DefaultTimeout * fixtures.TimeScale}
	return pdfdoc.ParseContext(gocontext.Background(), bytes.NewReader(data), int64(len(data)), extract.Source{Path: path, Format: extract.FormatPDF}, opt)
}

// findFixture parses the generated PDF fixtures/pdf/name and returns what
// find makes of it; a PDF that does not parse fails the test.
func findFixture(t *testing.T, name string) Result {
	t.Helper()
	doc, err := parsePDF(fixtures.Path("pdf/" + name))
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return find(t, doc)
}
