package pdfdoc

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// BenchmarkParse reads two Word-made reports of the corpus and reports
// pages per second.
func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"begroting_2024.pdf", "_fetched_Jaarstukken_2023.pdf"} {
		b.Run(name, func(b *testing.B) {
			data, err := os.ReadFile(fixtures.Shared(b, wassenaar+name))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			pages := 0
			for b.Loop() {
				doc, err := Parse(bytes.NewReader(data), int64(len(data)), extract.Source{Path: name})
				if err != nil {
					b.Fatal(err)
				}
				pages += doc.Pages
			}
			b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
		})
	}
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
