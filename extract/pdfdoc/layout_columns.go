package pdfdoc

import (
	"math"
	"slices"
)

// gutter is the white band between the two text columns of a page.
type gutter struct{ x0, x1 float64 }

// readColumns returns the lines of a page set in two text columns
// (InDesign reports) in reading order: where both columns run side by side,
// the left column's lines, then the right column's. Lines that cross the
// gutter (a title over both columns) and rows of a table that spans it (a
// label at the left, only numbers at the right) stay whole and keep their
// place. em is the body text size. A page without a gutter is returned as
// it is.
func readColumns(lines []line, em float64) []line {
	g, ok := findGutter(lines, em)
	if !ok {
		return lines
	}
	out := make([]line, 0, len(lines)+len(lines)/2)
	var left, right []line // the parts of the current two-column stretch
	var stretch []int      // its lines
	flush := func(next int) {
		// The last lines of the stretch may begin the table below it
		// (tableTop): they stay whole, below both columns.
		top := 0
		if len(left) >= minColumnLines && len(right) >= minColumnLines {
			top = g.tableTop(lines, stretch, next, em)
			for _, j := range stretch[len(stretch)-top:] {
				l, r, _ := g.split(&lines[j])
				if l != nil {
					left = left[:len(left)-1]
				}
				if r != nil {
					right = right[:len(right)-1]
				}
			}
		}
		// Left-only lines well below the end of the right column are text
		// under both columns (a caption over a table across the gutter).
		var tail []line
		if n := len(right); n > 0 {
			end := right[n-1].y - belowColumns*em
			for len(left) > 0 && left[len(left)-1].y < end {
				tail = append(tail, left[len(left)-1])
				left = left[:len(left)-1]
			}
		}
		if top > 0 || len(left) >= minColumnLines && len(right) >= minColumnLines {
			out = append(append(out, left...), right...)
		} else {
			out = append(out, mergeParts(left, right)...)
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
		for _, j := range stretch[len(stretch)-top:] {
			out = append(out, lines[j])
		}
		left, right, stretch = left[:0], right[:0], stretch[:0]
	}
	for i := range lines {
		l, r, split := g.split(&lines[i])
		if !split {
			flush(i)
			out = append(out, lines[i])
			continue
		}
		if l != nil {
			left = append(left, *l)
		}
		if r != nil {
			right = append(right, *r)
		}
		stretch = append(stretch, i)
	}
	flush(-1)
	return out
}

// tableTop counts the last lines of a two-column stretch that begin the
// table whose row, starting at line next, crosses the gutter: a header line whose
// part right of the gutter heads the row's values (short phrases over its
// numbers: "Begroot", "prognose begroting meerjarenraming"), and the
// label-only lines between it and the row (group labels, the first line
// of a wrapped label), each directly above the one after.
func (g gutter) tableTop(lines []line, stretch []int, next int, em float64) int {
	if next < 0 {
		return 0
	}
	// The row's numbers right of the gutter; a label line that crosses the
	// gutter without any (a row number at its left is no value) is the first
	// line of a row whose numbers follow closely.
	var values []seg
	for v := next; v < len(lines) && len(values) == 0; v++ {
		if v > next && lines[v-1].y-lines[v].y > headerLead*em {
			break
		}
		values = slices.DeleteFunc(segments(&lines[v]), func(s seg) bool { return !s.numeric || s.x1 <= g.x0 })
	}
	top := 0
	for n := 0; n < len(stretch); n++ {
		j := stretch[len(stretch)-1-n]
		if j != next-n-1 || lines[j].y-lines[j+1].y > headerLead*em {
			break
		}
		if _, r, _ := g.split(&lines[j]); r != nil {
			if !headsValues(r, values) {
				break
			}
			top = n + 1
		}
	}
	return top
}

// headsValues reports whether every phrase of line part r is a column
// heading over one of the numbers values: short, no sentence, over a
// number.
func headsValues(r *line, values []seg) bool {
	for _, s := range segments(r) {
		if len(s.words) > headerWords || endsSentence(s.text) ||
			!slices.ContainsFunc(values, func(v seg) bool { return s.x0 < v.x1 && v.x0 < s.x1 }) {
			return false
		}
	}
	return true
}

// mergeParts returns the lines of a stretch too short to be two columns
// (a table header over the gutter) whole again, top to bottom.
func mergeParts(left, right []line) []line {
	var words []word
	for _, ls := range [][]line{left, right} {
		for _, l := range ls {
			words = append(words, l.words...)
		}
	}
	if len(words) == 0 {
		return nil
	}
	return groupLines(words)
}

// split cuts line l at the middle of the gutter into its left and right
// parts (nil when empty). It reports false when the line must stay whole: a
// word crosses the gutter, or its right part holds a table's values (a row across the
// page, or numbers only).
func (g gutter) split(l *line) (left, right *line, ok bool) {
	lw, rw, ok := g.parts(l)
	if !ok {
		return nil, nil, false
	}
	if len(lw) > 0 {
		p := newLine(lw)
		left = &p
	}
	if len(rw) > 0 {
		p := newLine(rw)
		right = &p
		if valuesFirst(right) {
			return nil, nil, false
		}
	}
	return left, right, true
}

// parts returns the words of line l left and right of the middle of the
// gutter; ok is false when a word crosses it.
func (g gutter) parts(l *line) (lw, rw []word, ok bool) {
	mid := (g.x0 + g.x1) / 2
	for _, w := range l.words {
		switch {
		case w.x1 <= mid:
			lw = append(lw, w)
		case w.x0 >= mid:
			rw = append(rw, w)
		default:
			return nil, nil, false
		}
	}
	return lw, rw, true
}

// valuesFirst reports whether line l starts with a number and at least
// half of its cells are numbers: the values of a table row, not a line of
// text ("15 januari 2025)." is one cell).
func valuesFirst(l *line) bool {
	segs := segments(l)
	n := 0
	for _, s := range segs {
		if s.numeric {
			n++
		}
	}
	return segs[0].numeric && 2*n >= len(segs)
}

// findGutter looks for a vertical white band in the middle of the page's
// text that most lines leave blank, with text on both sides of it on many
// lines; of several such bands (a table's column gaps) the one with the
// most such lines. Both sides must read as text columns: the right one starts at a
// common margin with words, not numbers (a table's value columns), and the
// left one's lines run up to the band (a text table's label column does
// not).
func findGutter(lines []line, em float64) (gutter, bool) {
	if len(lines) < 2*minColumnLines {
		return gutter{}, false
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range lines {
		lo, hi = min(lo, lines[i].x0), max(hi, lines[i].x1)
	}
	// Coverage in one-point bins: how many lines have ink at each x.
	n := int(hi-lo) + 1
	cover := make([]int, n)
	for i := range lines {
		for _, w := range lines[i].words {
			for x := int(w.x0 - lo); x < int(math.Ceil(w.x1-lo)) && x < n; x++ {
				cover[max(x, 0)]++
			}
		}
	}
	maxCross := len(lines) * gutterCrossPct / 100
	best, bestBoth := gutter{}, 0
	for a := int(float64(n) * gutterZone); a < int(float64(n)*(1-gutterZone)); {
		if cover[a] > maxCross {
			a++
			continue
		}
		b := a
		for b+1 < n && cover[b+1] <= maxCross {
			b++
		}
		g := gutter{lo + float64(a), lo + float64(b+1)}
		both := g.twoSided(lines)
		if g.x1-g.x0 >= gutterWidth*em && both > bestBoth && both >= minColumnLines &&
			both*100 >= len(lines)*twoColumnPct && g.textColumns(lines, em) {
			best, bestBoth = g, both
		}
		a = b + 1
	}
	return best, bestBoth > 0
}

// twoSided counts the lines with words on both sides of the band.
func (g gutter) twoSided(lines []line) int {
	n := 0
	for i := range lines {
		l := &lines[i]
		if l.x0 < g.x0 && l.x1 > g.x1 {
			n++
		}
	}
	return n
}

// textColumns reports whether the parts of the lines on both sides of the
// band read as two text columns: both sides are wide and hold lines of
// several words in one phrase (a text table's cells are narrower, shorter
// and stand apart), and most
// right parts start at the right column's margin (or the hanging indent of
// its bullet list) with a word, not a number.
func (g gutter) textColumns(lines []line, em float64) bool {
	var lefts, rights []*line
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range lines {
		if l, r, ok := g.split(&lines[i]); ok {
			if l != nil {
				lefts = append(lefts, l)
				lo = min(lo, l.x0)
			}
			if r != nil {
				rights = append(rights, r)
				hi = max(hi, r.x1)
			}
		}
	}
	if g.x0-lo < columnWidth*em || hi-g.x1 < columnWidth*em || !prose(lefts) || !prose(rights) {
		return false
	}
	margin, words := 0, 0
	for _, r := range rights {
		if r.x0-g.x1 <= hangingIndent*em {
			margin++
		}
		if s := segments(r); !s[0].numeric {
			words++
		}
	}
	return margin*2 > len(rights) && words*2 > len(rights)
}

// prose reports whether lines read as a column of text: they hold several
// words on average, and most are one phrase (a table's cells stand apart).
func prose(ls []*line) bool {
	words, phrases := 0, 0
	for _, l := range ls {
		words += len(l.words)
		if len(segments(l)) == 1 {
			phrases++
		}
	}
	return words >= columnWords*len(ls) && phrases*100 >= len(ls)*columnPhrasePct
}
