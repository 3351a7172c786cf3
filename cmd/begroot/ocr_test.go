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

// TestOCRCacheFlag: --ocr-cache DIR keeps the verdict on the image-only
// page of scan.pdf, a second run gives the same report from it, and off
// writes nothing.
func TestOCRCacheFlag(t *testing.T) {
	fixtures.Program(t, "tesseract")
	fixtures.Program(t, "pdftoppm")
	cache := filepath.Join(t.TempDir(), "ocr")
	var reports []string
	for _, flag := range []string{"off", cache, cache} {
		out := t.TempDir()
		if code, log := runCLI(t, "extract", "--ocr-cache", flag, "--xlsx", "-", "-o", out, fixtures.Path("pdf/scan.pdf")); code != exitOK {
			t.Fatalf("--ocr-cache %s: exit %d: %s", flag, code, log)
		}
		data, err := os.ReadFile(filepath.Join(out, "scan.json"))
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, string(data))
		entries, _ := os.ReadDir(cache)
		if want := min(len(reports)-1, 1); len(entries) != want {
			t.Errorf("--ocr-cache %s: %d entries in the cache, want %d", flag, len(entries), want)
		}
	}
	if reports[1] != reports[0] || reports[2] != reports[0] {
		t.Errorf("reports differ with the cache:\n%s\n%s\n%s", reports[0], reports[1], reports[2])
	}
}
