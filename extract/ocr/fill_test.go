package ocr

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/fixtures"
)

// TestFillWithoutPrograms: with the programs missing, Auto leaves the
// document as pdfdoc read it and says nothing (the CLI warns once per
// run), Force names the package to install, Off does not look.
func TestFillWithoutPrograms(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	src := extract.Source{Path: "report.pdf", Format: extract.FormatPDF}
	tests := []struct {
		name    string
		mode    Mode
		noText  bool   // pdfdoc gave extract.ErrNoText
		warning string // in the document's warnings; "" for none
		err     error  // errors.Is the returned error
	}{
		{name: "auto", mode: Auto},
		{name: "off", mode: Off},
		{name: "force", mode: Force, warning: "OCR: tesseract is not installed: apt-get install tesseract-ocr"},
		{name: "auto, no text", mode: Auto, noText: true, err: extract.ErrNoText},
		{name: "force, no text", mode: Force, noText: true, err: ErrNotInstalled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var doc *extract.Document
			var readErr error
			if tc.noText {
				readErr = fmt.Errorf("report.pdf: %w", extract.ErrNoText)
			} else {
				doc = &extract.Document{Source: src, Pages: 2, NoTextPages: []int{2}}
			}
			got, err := Fill(context.Background(), doc, readErr, src, Options{Mode: tc.mode})
			if tc.err != nil {
				if !errors.Is(err, tc.err) || !errors.Is(err, extract.ErrNoText) {
					t.Fatalf("error %v, want one that is %v and ErrNoText", err, tc.err)
				}
				return
			}
			if err != nil || got != doc || !slices.Equal(got.NoTextPages, []int{2}) {
				t.Fatalf("got %+v, %v; want the document back with page 2 without text", got, err)
			}
			if w := strings.Join(got.Warnings, "\n"); !strings.Contains(w, tc.warning) || tc.warning == "" && w != "" {
				t.Errorf("warnings %q, want %q", w, tc.warning)
			}
		})
	}
}

// TestMerge puts OCR'd pages between the text layer's, in page order, and
// keeps a page OCR found nothing on among the pages without text.
func TestMerge(t *testing.T) {
	block := func(page int, text string) extract.Block {
		return extract.Block{Kind: extract.Paragraph, Text: text, Pos: extract.Pos{Page: page}}
	}
	doc := &extract.Document{
		Pages:       4,
		Blocks:      []extract.Block{block(1, "one"), block(3, "three")},
		NoTextPages: []int{2, 4},
	}
	word := Word{Text: "two", X0: 10, Y0: 10, X1: 30, Y1: 20, Conf: 90}
	pages := []Page{
		{Number: 2, Width: 595, Height: 842, Words: []Word{word}, Elapsed: 1500 * time.Millisecond},
		{Number: 4, Width: 595, Height: 842, Elapsed: 500 * time.Millisecond},
	}
	merge(doc, Document(doc.Source, pages), pages)
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, fmt.Sprintf("%d:%s", b.Pos.Page, b.Text))
	}
	if want := []string{"1:one", "2:two", "3:three"}; !slices.Equal(got, want) {
		t.Errorf("blocks %q, want %q", got, want)
	}
	if !slices.Equal(doc.NoTextPages, []int{4}) {
		t.Errorf("NoTextPages %v, want [4]", doc.NoTextPages)
	}
	if w := strings.Join(doc.Warnings, "\n"); !strings.Contains(w, "page 4: OCR found no text") || !strings.Contains(w, "OCR: 2 pages in 2s (page 2 1.5s, page 4 500ms)") {
		t.Errorf("warnings %q", w)
	}
}

// TestFillDigitSoup: pdfdoc lists the page of garbage.pdf in a Type 3
// font without a Unicode map (private glyph names) among the pages
// without a usable text layer, so Fill reads that page, and only that
// one, with OCR and keeps the text layer of the other.
func TestFillDigitSoup(t *testing.T) {
	fixtures.Program(t, "tesseract")
	path := fixtures.Path("pdf/garbage.pdf")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := extract.Source{Path: path, Format: extract.FormatPDF}
	doc, err := pdfdoc.Parse(bytes.NewReader(data), int64(len(data)), src)
	if err != nil || !slices.Equal(doc.NoTextPages, []int{2}) {
		t.Fatalf("pdfdoc: NoTextPages %v, error %v; want page 2 without a usable text layer", doc.NoTextPages, err)
	}
	before := len(doc.Blocks)
	doc, err = Fill(context.Background(), doc, nil, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	w := strings.Join(doc.Warnings, "\n")
	if !strings.Contains(w, "OCR: 1 pages in") || !strings.Contains(w, "(page 2 ") || len(doc.Blocks) < before {
		t.Errorf("Fill: warnings %q, %d blocks (%d before); want page 2 read by OCR and page 1 kept", w, len(doc.Blocks), before)
	}
}
