package pdfdoc

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/begroot/begroot/extract"
)

// Word is a word placed on a page by another reader than the text layer,
// such as OCR.
type Word struct {
	Text           string
	X0, Y0, X1, Y1 float64 // the box around its ink, in points from the page's top-left (as extract.Pos)
	Conf           float64 // recognition confidence, 0–100, on OCR pages
}

// WordPage is one page of positioned words.
type WordPage struct {
	Number        int     // 1-based
	Width, Height float64 // in points
	Words         []Word
	// OCR marks recognised words: every table cell with words gets
	// extract.Cell.OCR and the lowest Conf of its words.
	OCR bool
}

// Glyph extents of a sans-serif face, in em above the baseline, to derive
// a word's font size and baseline from the box around its ink.
const (
	capHeight  = 0.72 // capitals, digits and ascenders reach this high
	xHeight    = 0.52 // lower case without ascenders reaches this high
	descender  = 0.21 // descenders and brackets reach this far below the baseline
	minBoxSize = 0.5  // points: a box less high than this is noise, not a word
	lineShare  = 0.5  // boxes overlapping vertically by this share of the lower one are on one line
	sizeNoise  = 2.0  // OCR sizes within this factor of the page's median are its body size (see snapSizes)
)

// Blocks lays out pages of positioned words into blocks as Parse lays out
// the text layer: lines, text columns, headings, paragraphs, lists and
// tables, each with its page and position. An internal error is returned
// naming the page, not raised.
func Blocks(pages []WordPage) (blocks []extract.Block, err error) {
	texts := make([]*pageText, 0, len(pages))
	for _, p := range pages {
		pt := &pageText{number: p.Number, width: p.Width, height: p.Height, ocr: p.OCR}
		if ws := placeWords(p); len(ws) > 0 {
			pt.lines = groupLines(ws)
		}
		texts = append(texts, pt)
	}
	page := 0
	defer func() {
		if x := recover(); x != nil {
			blocks, err = nil, fmt.Errorf("page %d: %w", page, recovered(x, false))
		}
	}()
	return layout(context.Background(), texts, &page), nil
}

// placeWords turns the boxes of a page's words into words on a baseline
// with a font size. A box gives both only through its text (extent), and
// OCR boxes stray (a rule below a word stretches it), so each word gets
// the median size and baseline of the words its box overlaps by half
// vertically, itself included: the words of its line. Marks without
// letters or digits ("-", "=") show neither and only take them.
func placeWords(p WordPage) []word {
	type est struct {
		w          Word
		size, base float64
		known      bool
	}
	ws := make([]est, 0, len(p.Words))
	for _, w := range p.Words {
		h := w.Y1 - w.Y0
		if w.Text == "" || h < minBoxSize || w.X1 <= w.X0 {
			continue
		}
		e := est{w: w, size: h, base: w.Y1}
		if top, bottom, ok := extent(w.Text); ok {
			e.size = h / (top + bottom)
			e.base, e.known = w.Y1-bottom*e.size, true
		}
		ws = append(ws, e)
	}
	out := make([]word, 0, len(ws))
	var sizes, bases []float64
	for _, a := range ws {
		sizes, bases = sizes[:0], bases[:0]
		for _, b := range ws {
			overlap := min(a.w.Y1, b.w.Y1) - max(a.w.Y0, b.w.Y0)
			if b.known && overlap >= lineShare*min(a.w.Y1-a.w.Y0, b.w.Y1-b.w.Y0) {
				sizes, bases = append(sizes, b.size), append(bases, b.base)
			}
		}
		size, base := a.size, a.base
		if len(sizes) > 0 {
			size, base = median(sizes), median(bases)
		}
		out = append(out, word{text: a.w.Text, x0: a.w.X0, x1: a.w.X1, y: p.Height - base, size: size, conf: a.w.Conf})
	}
	snapSizes(out)
	return out
}

// snapSizes gives the words whose size lies within sizeNoise of the
// page's median word size that median size: OCR boxes take in shading and
// bold strokes, so a shaded header line measures up to 1.5 times its
// rows, and would read as a heading.
func snapSizes(ws []word) {
	if len(ws) == 0 {
		return
	}
	sizes := make([]float64, len(ws))
	for i := range ws {
		sizes[i] = ws[i].size
	}
	body := median(sizes)
	for i := range ws {
		if ws[i].size < sizeNoise*body && ws[i].size > body/sizeNoise {
			ws[i].size = body
		}
	}
}

// median returns the median of v, which it sorts.
func median(v []float64) float64 {
	slices.Sort(v)
	return v[len(v)/2]
}

// extent returns how far the ink of text reaches above and below the
// baseline, in em; false when it has no letters or digits.
func extent(text string) (top, bottom float64, ok bool) {
	for _, r := range text {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("bdfhklt", r):
			top = capHeight
		case unicode.IsLetter(r):
			top = max(top, xHeight)
		}
		if strings.ContainsRune("gjpqy(),;", r) {
			bottom = descender
		}
	}
	return top, bottom, top > 0
}

// markOCR sets OCR on cell and lowers its confidence to that of the words
// of ss, on a page of recognised words.
func (pl *pageLayout) markOCR(cell *extract.Cell, ss []seg) {
	if !pl.page.ocr {
		return
	}
	conf := math.Inf(1)
	if cell.OCR {
		conf = cell.Confidence
	}
	for _, s := range ss {
		for _, w := range s.words {
			conf = min(conf, w.conf)
		}
	}
	cell.OCR, cell.Confidence = true, conf
}
