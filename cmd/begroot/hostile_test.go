package main

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
)

// Bounds of a night with hostile inputs (issue 13): the batch costs only
// its hostile documents, never the run.
const (
	hostileTimeout = "10s"            // --timeout per document; the hostile parses must fail well before it
	hostileMaxWall = 60 * time.Second // the whole batch, on a shared two-core machine
)

// hostileFailures are the hostile PDFs of fixtures/pdf and what the error
// of each must say.
var hostileFailures = map[string]string{
	"hostile-operands.pdf": "page 1: more than 65536 operands before an operator",
	"hostile-bomb.pdf":     "page 1: content stream decodes to more than 32 MiB",
	"hostile-extends.pdf":  "the /Extends of object stream 4 lead back to it",
	"hostile-dag.pdf":      "the page tree lists object",
	"hostile-nesting.pdf":  "object nesting exceeds maximum depth",
}

// hostileInputs returns the batch of issue 13: the hostile PDFs, the good
// tables.pdf, a 3 MB text on one line and an HTML table of 20,000 columns
// (both written to a temporary directory). The text and the table read as
// documents with nothing in them.
func hostileInputs(t testing.TB) []string {
	t.Helper()
	const (
		lineBytes = 3 << 20 // one line of text
		columns   = 20_000  // cells in each row of the HTML table
	)
	dir := t.TempDir()
	line := strings.Repeat("Begroting 2024 lasten 1.000 ", lineBytes/len("Begroting 2024 lasten 1.000 "))
	var html strings.Builder
	html.WriteString("<html><body><table><tr>")
	for range 2 {
		html.WriteString(strings.Repeat("<td>1.000</td>", columns) + "</tr><tr>")
	}
	html.WriteString("</tr></table></body></html>")
	inputs := []string{fixtures.Path("pdf/tables.pdf")}
	for _, f := range []struct{ name, data string }{{"one-line.txt", line}, {"wide-table.html", html.String()}} {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, []byte(f.data), 0o644); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, path)
	}
	for _, name := range slices.Sorted(maps.Keys(hostileFailures)) {
		inputs = append(inputs, fixtures.Path("pdf/"+name))
	}
	return inputs
}

// checkHostileRun checks the outputs of a run of the hostile batch into
// out: exit 3, each hostile PDF named with its error in the log and in
// dataset.json, and the other documents extracted.
func checkHostileRun(t *testing.T, code int, log, out string) {
	t.Helper()
	if code != exitPartial {
		t.Errorf("exit %d, want %d (partial)", code, exitPartial)
	}
	var ds normalize.Dataset
	readJSON(t, filepath.Join(out, "dataset.json"), &ds)
	failed := map[string]string{}
	for _, e := range ds.Errors {
		failed[filepath.Base(e.Source)] = e.Error
	}
	for name, want := range hostileFailures {
		if msg := failed[name]; !strings.Contains(msg, want) || !strings.Contains(msg, name) {
			t.Errorf("dataset.json: %s error %q, want one naming the file and %q", name, msg, want)
		}
		if !strings.Contains(log, name) || !strings.Contains(log, want) {
			t.Errorf("the log does not name %s with %q", name, want)
		}
	}
	if len(failed) != len(hostileFailures) {
		t.Errorf("dataset.json has %d errors, want %d: %v", len(failed), len(hostileFailures), failed)
	}
	docs := map[string]normalize.Report{}
	for _, r := range ds.Documents {
		docs[filepath.Base(r.Source)] = r
	}
	if rep := docs["tables.pdf"]; rep.Year != 2024 || rep.Pages != 3 || len(rep.Financial) == 0 {
		t.Errorf("tables.pdf: year %d, %d pages, %d financial records; want 2024, 3 and some", rep.Year, rep.Pages, len(rep.Financial))
	}
	if _, err := os.Stat(filepath.Join(out, "tables.json")); err != nil {
		t.Errorf("tables.pdf was not written: %v", err)
	}
	for _, name := range []string{"one-line.txt", "wide-table.html"} {
		if _, ok := docs[name]; !ok {
			t.Errorf("%s is not among the documents (error %q)", name, failed[name])
		}
	}
}

// TestHostileBatch runs the batch through begroot extract: the hostile
// documents fail, named, within the time bound, and the rest is written.
func TestHostileBatch(t *testing.T) {
	out := t.TempDir()
	args := append([]string{"extract", "--timeout", hostileTimeout, "-o", out}, hostileInputs(t)...)
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := run(context.Background(), args, &stdout, &stderr)
	wall := time.Since(start)
	t.Logf("hostile batch: %v", wall.Round(time.Millisecond))
	if wall > hostileMaxWall {
		t.Errorf("the batch took %v, want under %v", wall, hostileMaxWall)
	}
	checkHostileRun(t, code, stdout.String()+stderr.String(), out)
}
