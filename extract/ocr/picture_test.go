package ocr

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/fixtures"
)

// TestMeasureInk classifies synthetic images: white, text (strokes one
// pixel wide) and a photo (a smooth gradient over half the image).
func TestMeasureInk(t *testing.T) {
	const w, h = 100, 100
	image := func(paint func(x, y int) byte) []byte {
		pix := bytes.Repeat([]byte{255}, w*h)
		for y := range h {
			for x := range w {
				pix[y*w+x] = paint(x, y)
			}
		}
		return pix
	}
	tests := []struct {
		name string
		pix  []byte
		want string
	}{
		{"white", image(func(x, y int) byte { return 255 }), pictureBlank},
		{"a dot", image(func(x, y int) byte { return 255 - 255*byte(min(1, (x-50)*(x-50)+(y-50)*(y-50))^1) }), pictureBlank},
		{"text", image(func(x, y int) byte {
			if y%6 < 3 && x%3 == 0 { // lines of letters: vertical strokes
				return 0
			}
			return 255
		}), ""},
		{"photo", image(func(x, y int) byte {
			if y < h/2 {
				return byte(60 + x + y/4) // a sky, getting lighter
			}
			return 255
		}), picturePhoto},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := measureInk(tc.pix, w, h)
			if got := s.kind(); got != tc.want {
				t.Errorf("ink %.3f, smooth %.3f: %q, want %q", s.ink, s.smooth, got, tc.want)
			}
		})
	}
}

// pictureTools are the programs of the picture test.
func pictureTools(t *testing.T) tools {
	t.Helper()
	return tools{pdftoppm: fixtures.Program(t, "pdftoppm"), pdftotext: fixtures.Program(t, "pdftotext")}
}

// TestPicture: the image-only rendering of a generated table is text for
// OCR; the generated scan (one grey pixel stretched over part of the
// page: a flat area, ink 0.36, smooth 0.97) is a picture; the
// Type 3 page of garbage.pdf has text, even if it does not decode.
func TestPicture(t *testing.T) {
	tl := pictureTools(t)
	text := filepath.Join(t.TempDir(), "table.pdf")
	if err := os.WriteFile(text, tablePDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		page int
		want string
	}{
		{scanOf(t, text), 1, ""},
		{fixtures.Path("pdf/scan.pdf"), 1, picturePhoto},
		{fixtures.Path("pdf/garbage.pdf"), 2, ""},
	}
	for _, tc := range tests {
		got, s, err := tl.picture(context.Background(), tc.path, tc.page)
		if err != nil || got != tc.want {
			t.Errorf("%s page %d: %q (ink %.3f, smooth %.3f), error %v; want %q", filepath.Base(tc.path), tc.page, got, s.ink, s.smooth, err, tc.want)
		}
	}
}

// pictureCases are corpus pages without a text layer whose kind the
// picture test must find: cover photos and illustrations, and text
// images (screenshot spreads, SiSa forms). A Type 3 page has text.
var pictureCases = []struct {
	file string
	page int
	want string
}{
	{"wassenaar-beleidsbibliotheek/begroting_2026.pdf", 1, picturePhoto},
	{"wassenaar-beleidsbibliotheek/begroting-wassenaar-2021-2024.pdf", 1, picturePhoto},
	{"wassenaar-beleidsbibliotheek/Jaarstukken_2024.pdf", 1, ""},
	{"wassenaar-beleidsbibliotheek/Jaarstukken_2025.pdf", 1, ""},
	{"wassenaar-beleidsbibliotheek/_fetched_Jaarstukken_2023.pdf", 173, ""},
	{"wassenaar-beleidsbibliotheek/_fetched_Jaarstukken_2023.pdf", 178, ""},
	{"wassenaar-beleidsbibliotheek/jaarrekening-2019-wassenaar.pdf", 43, ""},
}

// TestCorpusPictureCases checks pictureCases.
func TestCorpusPictureCases(t *testing.T) {
	raw := fixtures.Shared(t, "corpus/raw")
	tl := pictureTools(t)
	for _, tc := range pictureCases {
		kind, s, err := tl.picture(context.Background(), filepath.Join(raw, tc.file), tc.page)
		if err != nil || kind != tc.want {
			t.Errorf("%s page %d: %q (ink %.3f, smooth %.3f), error %v; want %q", tc.file, tc.page, kind, s.ink, s.smooth, err, tc.want)
		}
	}
}

// grey renders page 1 of pdf in grey at dpi.
func grey(t *testing.T, pdf string, dpi int) (w, h int, pix []byte) {
	t.Helper()
	out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(dpi), "-gray", "-singlefile", "-f", "1", "-l", "1", pdf).Output()
	if err != nil {
		t.Fatalf("pdftoppm %s: %v", pdf, err)
	}
	w, h, pix, err = parsePGM(out)
	if err != nil {
		t.Fatalf("%s: %v", pdf, err)
	}
	return w, h, pix
}

// TestShadedTable: the image-only rendering of a table with shaded rows
// and dark header boxes (begroting_2026.pdf page 110) measures as smooth
// as a photo, but with its header boxes inverted (unshade) it is text.
func TestShadedTable(t *testing.T) {
	src := fixtures.Shared(t, "corpus/raw/wassenaar-beleidsbibliotheek/begroting_2026.pdf")
	single := filepath.Join(t.TempDir(), "p110.pdf")
	if out, err := exec.Command(fixtures.Program(t, "pdfseparate"), "-f", "110", "-l", "110", src, single).CombinedOutput(); err != nil {
		t.Fatalf("pdfseparate: %v: %s", err, out)
	}
	scan := scanOf(t, single)
	w, h, pix := grey(t, scan, pictureDPI)
	if s := measureInk(pix, w, h); s.kind() != picturePhoto {
		t.Errorf("as rendered: %q (ink %.3f, smooth %.3f); want %q", s.kind(), s.ink, s.smooth, picturePhoto)
	}
	kind, s, err := pictureTools(t).picture(context.Background(), scan, 1)
	if err != nil || kind != "" {
		t.Errorf("%q (ink %.3f, smooth %.3f), error %v; want text", kind, s.ink, s.smooth, err)
	}
}

// TestCorpusPictures runs the picture test on every page of the corpus
// that pdfdoc lists without a usable text layer and logs its measures,
// the table in doc.go:
//
//	BEGROOT_OCR_FULL=1 go test ./extract/ocr -run CorpusPictures -v
func TestCorpusPictures(t *testing.T) {
	full(t)
	raw := fixtures.Shared(t, "corpus/raw")
	tl := pictureTools(t)
	tl.pdfinfo = fixtures.Program(t, "pdfinfo")
	files, _ := filepath.Glob(filepath.Join(raw, "*", "*.pdf"))
	for _, f := range files {
		rel, _ := filepath.Rel(raw, f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := pdfdoc.Parse(bytes.NewReader(data), int64(len(data)), extract.Source{Path: f, Format: extract.FormatPDF})
		var pages []int
		switch {
		case err == nil:
			pages = doc.NoTextPages
		case errors.Is(err, extract.ErrNoText):
			n, err := pageCount(context.Background(), tl.pdfinfo, f)
			if err != nil {
				t.Fatal(err)
			}
			for p := 1; p <= n; p++ {
				pages = append(pages, p)
			}
		default:
			continue
		}
		for _, p := range pages {
			kind, s, err := tl.picture(context.Background(), f, p)
			if err != nil {
				t.Fatalf("%s page %d: %v", rel, p, err)
			}
			if s.ink > 0 { // pages with text (Type 3 glyphs) are not measured
				t.Logf("%-60s %3d  ink %.3f smooth %.3f %s", rel, p, s.ink, s.smooth, kind)
			}
		}
	}
}

// TestReadPictures: Auto leaves the generated scan (a flat grey area)
// unread as a picture; Force reads it.
func TestReadPictures(t *testing.T) {
	fixtures.Program(t, "tesseract")
	path := fixtures.Path("pdf/scan.pdf")
	for _, tc := range []struct {
		mode Mode
		want string
	}{{Auto, picturePhoto}, {Force, ""}} {
		pages, err := Read(context.Background(), path, nil, Options{Mode: tc.mode, KeepOrientation: true})
		if err != nil || len(pages) != 1 || pages[0].Picture != tc.want {
			t.Errorf("%s: pages %+v, error %v; want one with Picture %q", tc.mode, pages, err, tc.want)
		}
	}
}
