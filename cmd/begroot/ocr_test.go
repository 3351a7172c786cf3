package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures"
)

// TestOCRNotInstalled: without tesseract, --ocr auto extracts what the
// text layers give with one warning for the whole run; --ocr force makes
// the pages without text a finding that names the package to install.
func TestOCRNotInstalled(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	inputs := []string{fixtures.Path("pdf/scan.pdf"), fixtures.Path("pdf/garbage.pdf")}
	for _, mode := range []string{"auto", "force"} {
		t.Run(mode, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			out := t.TempDir()
			code := run(context.Background(), append([]string{"extract", "--ocr", mode, "--xlsx", "-", "-o", out}, inputs...), &stdout, &stderr)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			warnings := strings.Count(stderr.String(), "no OCR of pages without a text layer")
			data, err := os.ReadFile(filepath.Join(out, "garbage.json"))
			if err != nil {
				t.Fatal(err)
			}
			report := string(data)
			switch mode {
			case "auto":
				if warnings != 1 || strings.Contains(report, "apt-get") {
					t.Errorf("%d warnings, want one for the run and none in the report:\n%s", warnings, stderr.String())
				}
			case "force":
				if warnings != 0 || !strings.Contains(report, "tesseract is not installed: apt-get install tesseract-ocr") {
					t.Errorf("%d warnings; report without the package to install:\n%s", warnings, report)
				}
			}
		})
	}
}
