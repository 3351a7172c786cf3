package ocr

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// imagePDF wraps a binary PGM image into a one-page PDF of w × h points
// that holds nothing but the image: a scan without a text layer.
func imagePDF(t *testing.T, pgm []byte, w, h float64) []byte {
	t.Helper()
	var magic string
	var pw, ph, maxval int
	if _, err := fmt.Fscan(bytes.NewReader(pgm), &magic, &pw, &ph, &maxval); err != nil || magic != "P5" || maxval != 255 || pw*ph >= len(pgm) {
		t.Fatalf("not an 8-bit binary PGM: %v", err)
	}
	pixels := pgm[len(pgm)-pw*ph:]
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(pixels)
	zw.Close()
	content := fmt.Sprintf("q %g 0 0 %g 0 0 cm /Im1 Do Q\n", w, h)
	return pdfFile(
		fmt.Sprintf("/MediaBox [0 0 %g %g] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R", w, h),
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream", pw, ph, z.Len(), z.Bytes()),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	)
}

// pdfFile writes a one-page PDF: the catalog, the page tree and the page
// (objects 1-3, the page with the given entries), then objects 4, 5, ….
func pdfFile(page string, objects ...string) []byte {
	objects = append([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R " + page + " >>",
	}, objects...)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// overzicht is a taakveld table in whole euros, as the Wassenaar
// screenshots print it: label, baten, lasten, saldo.
var overzicht = [][]string{
	{"Saldo van baten en lasten per taakveld", "Baten", "Lasten", "Saldo"},
	{"0.1 Bestuur", "0", "-2.244.295", "-2.244.295"},
	{"0.2 Burgerzaken", "406.291", "-818.726", "-412.435"},
	{"0.5 Treasury", "762.000", "-29.672", "732.328"},
	{"0.61 OZB Woningen", "7.821.310", "-273.005", "7.548.305"},
	{"2.3 Recreatieve havens", "26.573", "-4.000", "22.573"},
	{"6.81 Gee\\353scaleerde zorg 18+", "0", "-187.087", "-187.087"},
	{"Saldo van baten en lasten programma", "9.016.174", "-3.556.785", "5.459.389"},
}

// Layout of the generated table: 10-pt Helvetica, 16 pt between rows,
// amounts right-aligned at these x positions.
const (
	tableSize  = 10
	tablePitch = 16
)

var tableRight = []float64{330, 420, 510}

// tablePDF writes overzicht as a text PDF in Helvetica (WinAnsi, so
// "\353" is ë).
func tablePDF() []byte {
	var c strings.Builder
	for r, row := range overzicht {
		y := 760 - float64(r)*tablePitch
		fmt.Fprintf(&c, "BT /F1 %d Tf 72 %g Td (%s) Tj ET\n", tableSize, y, row[0])
		for k, v := range row[1:] {
			fmt.Fprintf(&c, "BT /F1 %d Tf %g %g Td (%s) Tj ET\n", tableSize, tableRight[k]-helveticaWidth(v), y, v)
		}
	}
	content := c.String()
	return pdfFile(
		"/MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	)
}

// helveticaWidth is the width in points of an amount or a column name in
// 10-pt Helvetica.
func helveticaWidth(s string) float64 {
	widths := map[rune]int{'.': 278, '-': 333, 'B': 667, 'L': 556, 'S': 667, 'a': 556, 'e': 556, 'n': 556, 's': 500, 't': 278, 'l': 222, 'd': 556, 'o': 556}
	w := 0
	for _, r := range s {
		if n, ok := widths[r]; ok {
			w += n
		} else {
			w += 556 // digits
		}
	}
	return float64(w) * tableSize / 1000
}

// scanOf renders page 1 of a PDF at 300 dpi and writes it as an
// image-only PDF in a temporary directory.
func scanOf(t *testing.T, pdf string) string {
	t.Helper()
	fixtures.Program(t, "pdftoppm")
	dir := t.TempDir()
	base := filepath.Join(dir, "page")
	if out, err := exec.Command("pdftoppm", "-r", "300", "-gray", "-singlefile", "-f", "1", "-l", "1", pdf, base).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v: %s", err, out)
	}
	pgm, err := os.ReadFile(base + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "scan.pdf")
	if err := os.WriteFile(path, imagePDF(t, pgm, 595, 842), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestScan OCRs an image-only rendering of a generated taakveld table and
// requires every amount back exactly, in its row and column, at its
// place on the page within a few points.
func TestScan(t *testing.T) {
	fixtures.Program(t, "tesseract")
	dir := t.TempDir()
	text := filepath.Join(dir, "table.pdf")
	if err := os.WriteFile(text, tablePDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	path := scanOf(t, text)
	pages, err := Read(context.Background(), path, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 || pages[0].Width < 594 || pages[0].Width > 596 || pages[0].Height < 841 || pages[0].Height > 843 {
		t.Fatalf("Read(scan): %d pages, first %.1f × %.1f pt, want 1 of 595 × 842", len(pages), pages[0].Width, pages[0].Height)
	}
	doc := Document(extract.Source{Path: path}, pages)
	var tables []*extract.Table
	for _, b := range doc.Blocks {
		if b.Kind == extract.TableBlock {
			tables = append(tables, b.Table)
		}
	}
	if len(tables) != 1 || len(tables[0].Rows) != len(overzicht) {
		t.Fatalf("Read(scan): %d tables, want one of %d rows:\n%s", len(tables), len(overzicht), render(doc))
	}
	const tolerance = 3.0 // points between the text's em box and OCR's ink box
	for r, row := range tables[0].Rows {
		want := overzicht[r]
		if len(row) != len(want) {
			t.Errorf("row %d: %d cells, want %d", r, len(row), len(want))
			continue
		}
		if code, _, _ := strings.Cut(want[0], " "); !strings.HasPrefix(row[0].Text, code) {
			t.Errorf("row %d label %q, want %q", r, row[0].Text, want[0])
		}
		for k := 1; k < len(want); k++ {
			c := row[k]
			x, y := tableRight[k-1]-helveticaWidth(want[k]), 842-(760-float64(r)*tablePitch)-0.75*tableSize
			if c.Text != want[k] || math.Abs(c.Pos.X-x) > tolerance || math.Abs(c.Pos.Y-y) > tolerance {
				t.Errorf("row %d column %d: %q at (%.1f, %.1f), want %q at (%.1f, %.1f)", r, k, c.Text, c.Pos.X, c.Pos.Y, want[k], x, y)
			}
			if conf := c.Confidence; !c.OCR || conf < 0 || conf > 100 {
				t.Errorf("row %d column %d: confidence %v", r, k, conf)
			}
		}
	}
	t.Logf("%d cells back exactly; %v for the page", 3*len(overzicht), pages[0].Elapsed.Round(time.Millisecond))
}

func TestReadErrors(t *testing.T) {
	fixtures.Program(t, "tesseract")
	fixtures.Program(t, "pdfinfo")
	tables := fixtures.Path("pdf/tables.pdf")
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name  string
		ctx   context.Context
		path  string
		pages []int
		opt   Options
		want  error
		text  string
	}{
		{name: "page out of range", path: tables, pages: []int{4}, text: "page 4: no such page: the file has 3"},
		{name: "not a PDF", path: fixtures.Path("pdf/not-a-pdf.pdf"), text: "not-a-pdf.pdf: pdfinfo"},
		{name: "missing language", path: tables, opt: Options{Language: "xx"}, want: ErrNotInstalled, text: "apt-get install tesseract-ocr-xx"},
		{name: "time limit", path: tables, pages: []int{1}, opt: Options{PageTimeout: time.Millisecond}, want: context.DeadlineExceeded, text: "page 1: pdftotext stopped: time limit of 1ms per page"},
		{name: "cancelled", ctx: cancelled, path: tables, want: context.Canceled, text: "tesseract stopped: context canceled"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			ctx := tc.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			_, err := Read(ctx, tc.path, tc.pages, tc.opt)
			if err == nil || tc.want != nil && !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.text) {
				t.Fatalf("Read(%s) error = %v, want %v containing %q", tc.name, err, tc.want, tc.text)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("Read(%s) left %s in the temporary directory", tc.name, left[0].Name())
			}
		})
	}
}

func TestNotInstalled(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Read(context.Background(), "report.pdf", nil, Options{})
	var m *MissingError
	if !errors.Is(err, ErrNotInstalled) || !errors.As(err, &m) {
		t.Fatalf("Read without programs: error = %v, want a *MissingError", err)
	}
	for _, want := range []string{m.Program, "apt-get install " + m.Debian, "brew install " + m.Homebrew} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}

// TestCancelKills cancels a Read while tesseract works on a page: Read
// must return at once, with the program gone and its image removed.
func TestCancelKills(t *testing.T) {
	fixtures.Program(t, "tesseract")
	path := scanOf(t, fixtures.Path("pdf/tables.pdf"))
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Read(ctx, path, nil, Options{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Read cancelled after 1.5 s: error = %v, want the deadline", err)
	}
	if d := time.Since(start); d > 1500*time.Millisecond+waitDelay {
		t.Errorf("Read returned %v after it was cancelled", d-1500*time.Millisecond)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("Read left %s in the temporary directory", left[0].Name())
	}
	procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, p := range procs {
		if cmd, _ := os.ReadFile(p); bytes.Contains(cmd, []byte(tmp)) {
			t.Errorf("a process still runs on the temporary directory: %s", bytes.ReplaceAll(cmd, []byte{0}, []byte{' '}))
		}
	}
	t.Log(err)
}
