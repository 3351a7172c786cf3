package ocr

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/begroot/begroot/extract"
)

// Mode says which pages of a PDF Fill reads with OCR.
type Mode string

// The modes of Fill.
const (
	// Auto reads the pages without a usable text layer, and nothing when
	// the programs are not installed.
	Auto Mode = "auto"
	// Off never runs OCR.
	Off Mode = "off"
	// Force reads every page with OCR, in place of its text layer; a
	// missing program is a finding on the document.
	Force Mode = "force"
)

// ParseMode reads a --ocr value; "" is Auto.
func ParseMode(s string) (Mode, error) {
	switch m := Mode(s); m {
	case "":
		return Auto, nil
	case Auto, Off, Force:
		return m, nil
	}
	return "", fmt.Errorf("--ocr %q: want auto, off or force", s)
}

type optionsKey struct{}

// NewContext returns ctx carrying opt, for the readers a pipeline calls
// with nothing but a context and a source.
func NewContext(ctx context.Context, opt Options) context.Context {
	return context.WithValue(ctx, optionsKey{}, opt)
}

// FromContext returns the options NewContext put in ctx; the zero
// Options (Auto) when there are none.
func FromContext(ctx context.Context) Options {
	opt, _ := ctx.Value(optionsKey{}).(Options)
	return opt
}

// Fill completes what pdfdoc read from the PDF at src.Path with OCR:
// doc and readErr are pdfdoc's result. It reads the pages in
// doc.NoTextPages, every page when readErr is extract.ErrNoText, or every
// page in Force mode, and puts their blocks into doc in page order, in
// place of whatever text layer blocks those pages had. Pages OCR gave
// text leave NoTextPages. One warning line lists the pages read and the
// time each took.
//
// OCR failing is a finding, not an error: the pages stay in NoTextPages
// and a warning names the problem (a missing program with the package to
// install). In Auto mode missing programs are silent: the caller says so
// once per run. The error returned is readErr when OCR added nothing, or
// the context's when it was cancelled.
func Fill(ctx context.Context, doc *extract.Document, readErr error, src extract.Source, opt Options) (*extract.Document, error) {
	opt.applyDefaults()
	noText := errors.Is(readErr, extract.ErrNoText)
	if opt.Mode == Off || (readErr != nil && !noText) {
		return doc, readErr
	}
	var pages []int // nil: every page
	switch {
	case noText:
		doc = &extract.Document{Source: src}
	case opt.Mode != Force:
		if len(doc.NoTextPages) == 0 {
			return doc, nil
		}
		pages = doc.NoTextPages
	}
	read, err := readPages(ctx, src.Path, src.SHA256, pages, opt)
	if errors.Is(err, context.Canceled) {
		return nil, err
	}
	if errors.Is(err, ErrNotInstalled) && opt.Mode == Auto {
		return doc, readErr
	}
	if noText && len(read) == 0 {
		return nil, fmt.Errorf("%w; OCR: %w", readErr, err)
	}
	switch {
	case errors.Is(err, ErrNotInstalled):
		doc.Warnings = append(doc.Warnings, "OCR: "+err.Error())
	case err != nil:
		doc.Warnings = append(doc.Warnings, "OCR: "+err.Error()+notRead(pages, len(read)))
	}
	if len(read) == 0 {
		return doc, nil
	}
	if noText {
		for _, p := range read {
			doc.NoTextPages = append(doc.NoTextPages, p.Number)
		}
	}
	var ocrd []Page
	for _, p := range read {
		if p.Picture == "" {
			ocrd = append(ocrd, p)
		}
	}
	merge(doc, Document(src, ocrd), read)
	return doc, nil
}

// notRead names the pages of a Read of pages (nil: all) that stopped
// after the first n.
func notRead(pages []int, n int) string {
	if pages == nil {
		return fmt.Sprintf("; pages %d and later not read", n+1)
	}
	var rest []string
	for _, p := range pages[n:] {
		rest = append(rest, strconv.Itoa(p))
	}
	return "; pages " + strings.Join(rest, ", ") + " not read"
}

// merge puts the blocks of the OCR'd pages into doc in page order (a
// stable sort: each page keeps its reading order), drops the text layer
// blocks of those pages and takes the pages OCR found text on out of
// NoTextPages. Pages left unread as pictures stay there, with a warning.
func merge(doc, ocr *extract.Document, pages []Page) {
	read := map[int]bool{}
	var times []string
	var ocrd []Page
	for _, p := range pages {
		read[p.Number] = len(p.Words) > 0
		doc.Pages = max(doc.Pages, p.Number)
		if p.Picture != "" {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: image without text (%s), not OCR'd", p.Number, p.Picture))
			continue
		}
		ocrd = append(ocrd, p)
		t := p.Elapsed.Round(100 * time.Millisecond).String()
		if p.Cached {
			t = "cached"
		}
		times = append(times, "page "+strconv.Itoa(p.Number)+" "+t)
	}
	doc.Blocks = slices.DeleteFunc(doc.Blocks, func(b extract.Block) bool { _, ok := read[b.Pos.Page]; return ok })
	doc.Blocks = append(doc.Blocks, ocr.Blocks...)
	slices.SortStableFunc(doc.Blocks, func(a, b extract.Block) int { return cmp.Compare(a.Pos.Page, b.Pos.Page) })
	doc.NoTextPages = slices.DeleteFunc(doc.NoTextPages, func(p int) bool { return read[p] })
	if len(doc.NoTextPages) == 0 {
		doc.NoTextPages = nil
	}
	if doc.Title == "" {
		doc.Title = ocr.Title
	}
	doc.Warnings = append(doc.Warnings, ocr.Warnings...)
	if len(ocrd) > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("OCR: %d pages in %v (%s)", len(ocrd), elapsed(ocrd), strings.Join(times, ", ")))
	}
}

// elapsed is the summed time of the pages, rounded to a tenth of a second.
func elapsed(pages []Page) time.Duration {
	var d time.Duration
	for _, p := range pages {
		d += p.Elapsed
	}
	return d.Round(100 * time.Millisecond)
}
