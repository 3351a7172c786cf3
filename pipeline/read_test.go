package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/fixtures"
)

// TestEveryFormatHasAReader holds the two tables together: a format in
// extract.Formats without a reader here, or a reader for a format nobody
// recognises, fails.
func TestEveryFormatHasAReader(t *testing.T) {
	listed := map[extract.Format]bool{}
	for _, spec := range extract.Formats {
		listed[spec.Format] = true
		if readers[spec.Format] == nil {
			t.Errorf("format %s has no reader", spec.Format)
		}
	}
	for f := range readers {
		if !listed[f] {
			t.Errorf("reader for %s, which extract.Formats does not list", f)
		}
	}
}

// TestPDFSniffAgreesWithPDFDoc checks that the sniff rule the crawler and
// the CLI use calls a file a PDF exactly when pdfdoc reads it: bytes before
// the header make both reject it.
func TestPDFSniffAgreesWithPDFDoc(t *testing.T) {
	pdf, err := os.ReadFile(fixtures.Path("pdf/tables.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		prefix string
		isPDF  bool
	}{
		{"as is", "", true},
		{"white space first", "\r\n", false},
		{"byte order mark first", "\uFEFF", false},
		{"error page first", "<html><body>Fout</body></html>\n", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.pdf")
			data := append([]byte(tc.prefix), pdf...)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			spec, _ := extract.SniffFormat(data[:extract.SniffLen])
			_, _, err := Read(context.Background(), extract.Source{Path: path, Format: extract.FormatPDF})
			if sniffed := spec.Format == extract.FormatPDF; sniffed != tc.isPDF || (err == nil) != tc.isPDF {
				t.Errorf("sniffed as PDF %v, pdfdoc error %v; want both to say PDF %v", sniffed, err, tc.isPDF)
			}
		})
	}
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "pagina.txt")
	os.WriteFile(text, []byte("Programma 1\n\nbedragen x € 1.000\nLasten 1.000 2.000\n"), 0o644)
	for _, tc := range []struct {
		name string
		src  extract.Source
		err  string // "" for success
	}{
		{"text", extract.Source{Path: text, Format: extract.FormatText}, ""},
		{"html", extract.Source{Path: fixtures.Path("html/000_661f3a9d4a7406e9.html"), Format: extract.FormatHTML}, ""},
		{"unknown format", extract.Source{Path: text, Format: "docx"}, `pagina.txt: no reader for format "docx"`},
		{"missing file", extract.Source{Path: filepath.Join(dir, "weg.txt"), Format: extract.FormatText}, "weg.txt: no such file"},
		{"not a pdf", extract.Source{Path: fixtures.Path("pdf/not-a-pdf.pdf"), Format: extract.FormatPDF}, extract.ErrNotPDF.Error()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, src, err := Read(context.Background(), tc.src)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("Read(%s): got error %v, want %q", tc.src.Path, err, tc.err)
				}
				return
			}
			if err != nil || doc == nil || len(doc.Blocks) == 0 {
				t.Fatalf("Read(%s): got %v, %v; want a document", tc.src.Path, doc, err)
			}
			if len(src.SHA256) != 64 || src.Size == 0 || doc.Source != src {
				t.Errorf("Read(%s): source %+v, document source %+v; want the digest and size in both", tc.src.Path, src, doc.Source)
			}
		})
	}
}

func TestExtractNoText(t *testing.T) {
	ctx := ocr.NewContext(context.Background(), ocr.Options{Mode: ocr.Off})
	rep, err := Extract(ctx, extract.Source{Path: fixtures.Path("pdf/scan.pdf"), Format: extract.FormatPDF})
	if err != nil {
		t.Fatalf("a scan is a finding, not a failure: %v", err)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], extract.ErrNoText.Error()) || len(rep.Financial) != 0 {
		t.Errorf("report of a scan: warnings %q, %d financial records; want the no-text warning and none", rep.Warnings, len(rep.Financial))
	}
}

// TestExtractDeadline checks that the document's deadline reaches every
// reader: a large one-line text and a wide HTML table stop soon after it
// with an error that says so.
func TestExtractDeadline(t *testing.T) {
	// maxOverrun is how long past its deadline a document may still run:
	// the readers check the context per line, element and cell.
	const maxOverrun = 2 * time.Second * fixtures.TimeScale
	dir := t.TempDir()
	tests := []struct {
		name   string
		format extract.Format
		data   string
	}{
		{"one-line text", extract.FormatText, strings.Repeat("12.345 ", 1<<19)},
		{"wide html table", extract.FormatHTML, "<table><tr>" + strings.Repeat("<td>1.234</td>", 200_000) + "</tr></table>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err := Extract(ctx, extract.Source{Path: path, Format: tc.format})
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Extract: %v, want a deadline error", err)
			}
			if took := time.Since(start); took > maxOverrun {
				t.Errorf("Extract took %s after a deadline of 10ms", took)
			}
		})
	}
}
