package pdfdoc

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// word is a run of glyphs without a gap, in page space (y up).
type word struct {
	text   string
	x0, x1 float64
	y      float64 // baseline
	size   float64
	font   *font   // of its first glyph
	conf   float64 // recognition confidence of an OCR word (see Word)
}

func (w *word) bold() bool { return w.font != nil && w.font.bold }

// line is the words that share a baseline, left to right.
type line struct {
	words  []word
	x0, x1 float64
	y      float64 // baseline (of the first word found)
	size   float64 // largest word size
}

// bold reports whether every word of the line is bold.
func (l *line) bold() bool {
	for i := range l.words {
		if !l.words[i].bold() {
			return false
		}
	}
	return len(l.words) > 0
}

func (l *line) text() string {
	var b strings.Builder
	for i, w := range l.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// quality counts the glyphs of a page that decode to text and those that
// decode to control characters or U+FFFD (fonts without a usable map).
type quality struct{ total, bad int }

// usable reports whether a page's text layer is worth reading. Type 3 fonts
// without ToUnicode give control characters for most glyphs; normal pages
// give none.
func (q quality) usable() bool {
	return q.total > 0 && !(q.bad >= minBadGlyphs && q.bad*100 >= q.total*badGlyphPercent)
}

// groupWords appends the words of glyphs to words, built in content-stream
// order: sorting glyphs by x breaks Word tables, where a cell's padding
// spaces overlap the next cell's digits. buf is scratch space, returned for
// reuse.
func groupWords(glyphs []glyph, words []word, buf []byte) ([]word, []byte, quality) {
	var q quality
	var cur word
	open := false
	var prevEnd float64
	flush := func() {
		if open {
			cur.text = string(buf)
			words = append(words, cur)
		}
		open = false
		buf = buf[:0]
	}
	for i := range glyphs {
		g := &glyphs[i]
		if g.space {
			flush()
			continue
		}
		q.total++
		if badText(g.text) {
			q.bad++
			if strings.ContainsRune(g.text, unicode.ReplacementChar) {
				continue
			}
		}
		tol := g.size
		gap := wordGap
		if open && figure(g.text) && figure(buf[len(buf)-1:]) {
			gap = digitGap
		}
		if open && math.Abs(g.y-cur.y) <= wordBaseline*tol &&
			g.x <= prevEnd+gap*tol && g.x >= prevEnd-wordBack*tol {
			buf = append(buf, g.text...)
			cur.x1 = math.Max(cur.x1, g.x+g.w)
			cur.size = math.Max(cur.size, g.size)
		} else {
			flush()
			cur = word{x0: g.x, x1: g.x + g.w, y: g.y, size: g.size, font: g.font}
			buf = append(buf, g.text...)
			open = true
		}
		prevEnd = g.x + g.w
	}
	flush()
	return words, buf, q
}

// figure reports whether s is one glyph of a printed number: a digit or
// the point or comma between digits.
func figure[T string | []byte](s T) bool {
	return len(s) == 1 && (s[0] >= '0' && s[0] <= '9' || s[0] == '.' || s[0] == ',')
}

func badText(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == unicode.ReplacementChar || r >= 0x7f && r < 0xa0 {
			return true
		}
	}
	return false
}

// groupLines sorts words into lines, top to bottom. A word joins the
// current line when its baseline lies within 0.35 of the size of the line's
// first baseline, which absorbs the small offsets between Word table cells.
func groupLines(words []word) []line {
	slices.SortStableFunc(words, func(a, b word) int {
		switch {
		case a.y > b.y:
			return -1
		case a.y < b.y:
			return 1
		}
		return 0
	})
	var lines []line
	start := 0
	for i := 1; i <= len(words); i++ {
		if i < len(words) {
			tol := lineBaseline * math.Max(words[start].size, words[i].size)
			if words[start].y-words[i].y <= tol {
				continue
			}
		}
		lines = append(lines, newLine(words[start:i:i]))
		start = i
	}
	return lines
}

func newLine(ws []word) line {
	slices.SortStableFunc(ws, func(a, b word) int {
		switch {
		case a.x0 < b.x0:
			return -1
		case a.x0 > b.x0:
			return 1
		}
		return 0
	})
	// Drop overprinted copies (simulated bold draws a word twice).
	out := ws[:0]
	for _, w := range ws {
		if k := len(out); k > 0 {
			p := out[k-1]
			tol := dupDistance * w.size
			if p.text == w.text && math.Abs(p.x0-w.x0) <= tol && math.Abs(p.y-w.y) <= tol {
				continue
			}
		}
		out = append(out, w)
	}
	l := line{words: out, x0: out[0].x0, x1: out[0].x1, y: out[0].y}
	for _, w := range out {
		l.x1 = math.Max(l.x1, w.x1)
		l.size = math.Max(l.size, w.size)
	}
	return l
}
