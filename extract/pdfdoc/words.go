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
// with a font size. Marks without letters or digits ("-", "=") show
// neither, so they get the page's median size with their box bottom as
// baseline.
func placeWords(p WordPage) []word {
	out := make([]word, 0, len(p.Words))
	var sizes []float64
	var marks []int
	for _, w := range p.Words {
		h := w.Y1 - w.Y0
		if w.Text == "" || h < minBoxSize || w.X1 <= w.X0 {
			continue
		}
		top, bottom, ok := extent(w.Text)
		size, base := h, w.Y1
		if ok {
			size = h / (top + bottom)
			base = w.Y1 - bottom*size
			sizes = append(sizes, size)
		} else {
			marks = append(marks, len(out))
		}
		out = append(out, word{text: w.Text, x0: w.X0, x1: w.X1, y: p.Height - base, size: size, conf: w.Conf})
	}
	if len(sizes) > 0 {
		slices.Sort(sizes)
		for _, i := range marks {
			out[i].size = sizes[len(sizes)/2]
		}
	}
	return out
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
