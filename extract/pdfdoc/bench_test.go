package pdfdoc

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// BenchmarkParse reads every PDF of the corpus with a text layer and
// reports pages per second.
func BenchmarkParse(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(fixtures.Shared(b, "corpus/raw"), "*", "*.pdf"))
	for _, path := range paths {
		b.Run(filepath.Base(path), func(b *testing.B) { benchParse(b, path, true) })
	}
}

// BenchmarkProducers reads the generated imitations of each producer's
// content streams (fixtures/pdf/bench-*.pdf) and reports pages per second.
func BenchmarkProducers(b *testing.B) {
	paths, _ := filepath.Glob(fixtures.Path("pdf/bench-*.pdf"))
	if len(paths) == 0 {
		b.Fatal("no fixtures/pdf/bench-*.pdf: run go run ./fixtures/pdf/gen")
	}
	for _, path := range paths {
		b.Run(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "bench-"), ".pdf"), func(b *testing.B) { benchParse(b, path, false) })
	}
}

// benchParse parses the PDF at path; without text it fails, or skips when
// skipNoText is set (scans in the corpus).
func benchParse(b *testing.B, path string, skipNoText bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	pages := 0
	for b.Loop() {
		doc, err := Parse(bytes.NewReader(data), int64(len(data)), extract.Source{Path: path})
		if skipNoText && errors.Is(err, extract.ErrNoText) {
			b.Skip(err)
		}
		if err != nil {
			b.Fatal(err)
		}
		if len(tables(doc)) == 0 {
			b.Fatalf("%s: no tables", path)
		}
		pages += doc.Pages
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

// FuzzPDFParse checks that no input makes Parse panic or hang.
func FuzzPDFParse(f *testing.F) {
	seeds, _ := filepath.Glob(fixtures.Path("pdf/*.pdf"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := Options{Timeout: 2 * time.Second, MaxPages: 50}
		start := time.Now()
		doc, err := ParseContext(context.Background(), bytes.NewReader(data), int64(len(data)), extract.Source{Path: "fuzz.pdf"}, opt)
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("Parse took %v", d)
		}
		if err == nil && doc == nil {
			t.Fatal("Parse returned neither a document nor an error")
		}
	})
}
