package ocr

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/begroot/begroot/vocab"
)

// Grouping tolerances, as multiples of a line's height (the tallest word
// box in it, about one em: tesseract's boxes are tight around the ink).
const (
	lineOverlap = 0.5 // a word joins a line when their boxes overlap this much of the smaller height
	cellGap     = 1.2 // a wider gap between words starts a new cell (a double space is about 0.5)
	valueGap    = 0.5 // two values this far apart are two cells ("- 1.655" with a split sign is one)
	columnSlack = 1.0 // right edges of values this close share a column (right-aligned amounts)
	rowGapMax   = 3.0 // a wider gap between two lines ends a table (rows are 1.9 apart; this bridges a line OCR lost)
	headingSize = 1.3 // a line this much taller than the page's median line is a heading
	tallWord    = 3.0 // a word this much taller than the page's median word is a misread rule or box
)

// dropTall leaves out the words much taller than the page's median word:
// tesseract reads a cell border or shading as a tall "word" ("nnn") that
// would join the lines it spans.
func dropTall(words []Word) []Word {
	h := make([]float64, len(words))
	for i, w := range words {
		h[i] = w.Y1 - w.Y0
	}
	slices.Sort(h)
	limit := tallWord * h[len(h)/2]
	out := make([]Word, 0, len(words))
	for _, w := range words {
		if w.Y1-w.Y0 <= limit {
			out = append(out, w)
		}
	}
	return out
}

// labelRun is the number of label-only lines a table may hold in a row
// (group labels, and rows whose values OCR lost: tesseract often drops a
// lone "0" in a cell).
const labelRun = 2

// gridMarks are the characters tesseract reads from table rules next to a
// word ("|", "_", "[", "}"); they are trimmed from word ends.
const gridMarks = "|_[]{}¦"

// clean trims rule marks from a word: the characters of gridMarks, an
// opening bracket without its closing one (a rule left of "(0.1"), and
// the comma or dot that a rule below a number becomes ("-1.285.196,"). It
// returns "" for a word of marks only.
func clean(text string) string {
	t := strings.Trim(text, gridMarks)
	if strings.HasPrefix(t, "(") && !strings.Contains(t, ")") {
		t = t[1:]
	}
	if u := strings.TrimRight(t, ",.;:"); u != t && vocab.IsNumber(u) {
		t = u
	}
	return t
}

// misreadSign maps what tesseract makes of a minus sign in small type.
var misreadSign = strings.NewReplacer("=-", "-", "=", "-", "„", "-", "~", "-")

// misreadZero are tesseract's readings of a lone 0 in a table cell, alone
// or with the rule right of it.
var misreadZero = map[string]bool{"o": true, "O": true, "Of": true, "of": true, "0f": true}

// repairValue returns the value that a cell of an amount column most
// likely shows when OCR misread it: misreadZero for 0, "=" or "„" for the
// minus sign. It reports false when that gives no value either.
func repairValue(text string) (string, bool) {
	if misreadZero[text] {
		return "0", true
	}
	if r := misreadSign.Replace(text); r != text && len(r) > 1 && r[0] == '-' && vocab.IsNumber(r) {
		return r, true
	}
	return text, false
}

// cell is a run of words of a line without a wide gap.
type cell struct {
	words  []Word
	text   string
	x0, x1 float64
	value  bool    // a number or a printed "no value" marker
	conf   float64 // the lowest word confidence
}

// line is the cells of one row of a region, left to right.
type line struct {
	cells          []cell
	x0, y0, x1, y1 float64
	height         float64 // the tallest word box
}

// numeric reports whether the line is a table row: a label and a value,
// or two values. Bare years do not count: a line of years is a header.
func (l *line) numeric() bool {
	n := 0
	for i, c := range l.cells {
		if c.value && !vocab.IsYear(c.text) {
			if i > 0 {
				return true
			}
			n++
		}
	}
	return n >= 2
}

func (l *line) text() string {
	parts := make([]string, len(l.cells))
	for i, c := range l.cells {
		parts[i] = c.text
	}
	return strings.Join(parts, " ")
}

// regions splits a page's words into regions that tesseract segmented
// apart side by side (the two pages of a screenshot spread): its blocks
// whose horizontal extents overlap, directly or through another block, are
// one region. Regions are returned left to right.
func regions(words []Word) [][]Word {
	type box struct{ x0, x1 float64 }
	boxes := map[int]*box{}
	var ids []int
	for _, w := range words {
		b, ok := boxes[w.Block]
		if !ok {
			boxes[w.Block] = &box{w.X0, w.X1}
			ids = append(ids, w.Block)
			continue
		}
		b.x0, b.x1 = min(b.x0, w.X0), max(b.x1, w.X1)
	}
	// Sweep the blocks by left edge; a block starting left of the current
	// region's right edge joins it.
	slices.SortStableFunc(ids, func(a, b int) int { return cmp.Compare(boxes[a].x0, boxes[b].x0) })
	region := map[int]int{}
	n, right := -1, math.Inf(-1)
	for _, id := range ids {
		b := boxes[id]
		if b.x0 >= right {
			n++
		}
		right = max(right, b.x1)
		region[id] = n
	}
	out := make([][]Word, n+1)
	for _, w := range words {
		out[region[w.Block]] = append(out[region[w.Block]], w)
	}
	return out
}

// unlabelled reports whether most lines with values in a region start
// with a value: amount columns whose labels tesseract put in another
// block to the left. The right page of a spread has its own labels.
func unlabelled(ls []line) bool {
	values, bare := 0, 0
	for i := range ls {
		if !slices.ContainsFunc(ls[i].cells, func(c cell) bool { return c.value }) {
			continue
		}
		values++
		if ls[i].cells[0].value {
			bare++
		}
	}
	return values > 0 && 2*bare >= values
}

// wordsOf returns the words of lines.
func wordsOf(ls []line) []Word {
	var out []Word
	for _, l := range ls {
		for _, c := range l.cells {
			out = append(out, c.words...)
		}
	}
	return out
}

// lines groups the words of a region into lines, top to bottom, and each
// line into cells.
func lines(words []Word) []line {
	words = slices.Clone(words)
	slices.SortStableFunc(words, func(a, b Word) int { return cmp.Compare(a.Y0+a.Y1, b.Y0+b.Y1) })
	var out []line
	var cur []Word
	var y0, y1 float64
	for _, w := range words {
		if len(cur) > 0 {
			overlap := min(y1, w.Y1) - max(y0, w.Y0)
			if overlap >= lineOverlap*min(y1-y0, w.Y1-w.Y0) {
				cur = append(cur, w)
				y0, y1 = min(y0, w.Y0), max(y1, w.Y1)
				continue
			}
			out = append(out, newLine(cur))
		}
		cur = []Word{w}
		y0, y1 = w.Y0, w.Y1
	}
	if len(cur) > 0 {
		out = append(out, newLine(cur))
	}
	return out
}

// newLine sorts the words left to right and splits them into cells.
func newLine(ws []Word) line {
	slices.SortStableFunc(ws, func(a, b Word) int { return cmp.Compare(a.X0, b.X0) })
	l := line{x0: ws[0].X0, y0: ws[0].Y0, x1: ws[0].X1, y1: ws[0].Y1}
	for _, w := range ws {
		l.x0, l.y0, l.x1, l.y1 = min(l.x0, w.X0), min(l.y0, w.Y0), max(l.x1, w.X1), max(l.y1, w.Y1)
		l.height = max(l.height, w.Y1-w.Y0)
	}
	start := 0
	for i := 1; i <= len(ws); i++ {
		if i < len(ws) {
			gap := ws[i].X0 - ws[i-1].X1
			bothValues := vocab.IsValue(ws[i-1].Text) && vocab.IsValue(ws[i].Text)
			if gap < cellGap*l.height && !(bothValues && gap >= valueGap*l.height) {
				continue
			}
		}
		l.cells = append(l.cells, newCell(ws[start:i:i]))
		start = i
	}
	return l
}

func newCell(ws []Word) cell {
	c := cell{words: ws, x0: ws[0].X0, x1: ws[0].X1, conf: ws[0].Conf}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Text
		c.x1 = max(c.x1, w.X1)
		c.conf = min(c.conf, w.Conf)
	}
	c.text = strings.Join(parts, " ")
	c.value = vocab.IsValue(c.text)
	return c
}
