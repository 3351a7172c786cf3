package pdfdoc

import (
	"slices"
	"unicode"

	"github.com/begroot/begroot/extract"
)

// wrapsInto reports whether text line k continues the cell text of line
// prev: it starts in lower case or with a bracket, or its first word would
// not have fitted after the label of prev.
func (pl *pageLayout) wrapsInto(prev, k int) bool {
	ws := pl.lines[k].words
	if startsLower(ws[0].text) {
		return true
	}
	var label *seg
	for i := range pl.segs[prev] {
		if s := &pl.segs[prev][i]; pl.g.isLabel(s) {
			label = s
		}
	}
	if label == nil || ws[0].x0 > label.x0+wrapIndent*pl.em {
		return false
	}
	return label.x1+spaceWidth*ws[0].size+(ws[0].x1-ws[0].x0) > pl.g.labelEnd
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// rowAcc collects the cells of one body row, possibly over several lines.
type rowAcc struct {
	cells []extract.Cell
	lines []int
}

// bodyRows builds the rows from the numeric lines and the text lines
// between them. Lines closer than tightPitch form a chain. A chain with one
// numeric line is one row: the text lines below it are wrapped cell text,
// and those above it too when the row is vertically centred (text below as
// well), spans several cells, or has no label of its own; otherwise they
// are group labels, rows of their own. In a chain of several numeric lines
// (a table without cell padding) a text line continues the row above when
// it wraps into it, begins the row below when that row's label continues
// it, and is a row of its own otherwise.
func (pl *pageLayout) bodyRows(from, to int) [][]extract.Cell {
	var rows []*rowAcc
	own := func(k int) *rowAcc {
		r := pl.newRow()
		pl.addLine(r, k)
		rows = append(rows, r)
		return r
	}
	centred := pl.centredRows(from, to)
	if centred {
		rows = pl.centredBody(from, to)
	}
	tight := pl.tightPitch(from, to)
	for start := from; start <= to && !centred; {
		end := start
		for end < to && pl.pitch(end, end+1) <= tight {
			end++
		}
		var cands []int
		for k := start; k <= end; k++ {
			if pl.cand[k] {
				cands = append(cands, k)
			}
		}
		switch len(cands) {
		case 0:
			for k := start; k <= end; k++ {
				own(k)
			}
		case 1:
			c := cands[0]
			prefix := c < end || len(pl.cellsOf(c)[0]) == 0 || c > start && pl.continuedBy(c-1, c)
			for k := start; k < c; k++ {
				prefix = prefix || len(pl.cellsOf(k)) > 1
			}
			r := pl.newRow()
			for k := start; k < c; k++ {
				if prefix {
					pl.addLine(r, k)
				} else {
					own(k)
				}
			}
			pl.addLine(r, c)
			rows = append(rows, r)
			centred := c > start && prefix
			for k := c + 1; k <= end; k++ {
				if centred || pl.wrapsInto(k-1, k) {
					pl.addLine(r, k)
					continue
				}
				for ; k <= end; k++ {
					own(k)
				}
			}
		default:
			// Rows follow each other without padding. A text line
			// interleaved with a numeric line (less than a line apart:
			// vertically centred cells) belongs to it; otherwise it
			// continues the row above when it wraps into it, begins the
			// row below when that row continues it, or is a row of its own.
			rowAt := map[int]*rowAcc{}
			var pending *rowAcc
			pendingFor := -1
			for k := start; k <= end; k++ {
				if pl.cand[k] {
					if pendingFor == k {
						pl.addLine(pending, k)
						rows = append(rows, pending)
						rowAt[k], pending, pendingFor = pending, nil, -1
						continue
					}
					rowAt[k] = own(k)
					continue
				}
				c := pl.interleaved(k, cands)
				switch {
				case c >= 0 && c < k:
					pl.addLine(rowAt[c], k)
				case c > k:
					if pendingFor != c {
						pending, pendingFor = pl.newRow(), c
					}
					pl.addLine(pending, k)
				case len(rows) > 0 && k > start && startsLower(pl.lines[k].words[0].text):
					pl.addLine(rows[len(rows)-1], k)
				case k < end && pl.cand[k+1] && pl.continuedBy(k, k+1):
					pending, pendingFor = pl.newRow(), k+1
					pl.addLine(pending, k)
				case len(rows) > 0 && k > start && pl.wrapsInto(k-1, k):
					pl.addLine(rows[len(rows)-1], k)
				default:
					own(k)
				}
			}
		}
		start = end + 1
	}
	out := make([][]extract.Cell, len(rows))
	for i, r := range rows {
		for c := range r.cells {
			if r.cells[c].Pos.Y == 0 {
				x := pl.lines[r.lines[0]].x0
				if c > 0 {
					x = pl.g.cols[c-1].x0
				}
				r.cells[c].Pos = pl.pos(r.lines[0], x)
			}
		}
		out[i] = r.cells
	}
	return out
}

// textColumnsOnly reports whether line k has text in text columns only,
// the wrapped remainder of a remark column.
func (pl *pageLayout) textColumnsOnly(k int) bool {
	for c := range pl.cellsOf(k) {
		if c == 0 || pl.g.cols[c-1].numeric {
			return false
		}
	}
	return true
}

// unitOnly reports whether line k holds nothing but unit labels and sign
// legends.
func (pl *pageLayout) unitOnly(k int) bool {
	for _, s := range pl.segs[k] {
		if !s.unit {
			return false
		}
	}
	return true
}

// labelOnly reports whether line k has text in the row label only.
func (pl *pageLayout) labelOnly(k int) bool {
	cells := pl.cellsOf(k)
	return len(cells) == 1 && len(cells[0]) > 0
}

// tightPitch is the distance up to which lines of the body form a chain:
// tightPitch, or a little more than the usual distance between two
// numeric rows when the table spaces its rows wider.
func (pl *pageLayout) tightPitch(from, to int) float64 {
	var ps []float64
	for k := from + 1; k <= to; k++ {
		if pl.cand[k] && pl.cand[k-1] {
			ps = append(ps, pl.pitch(k-1, k))
		}
	}
	if len(ps) == 0 {
		return tightPitch
	}
	slices.Sort(ps)
	return max(tightPitch, rowPitchSlack*ps[len(ps)/2])
}

// centredRows reports whether the table centres its cells vertically: at
// least two numeric lines have text lines interleaved both above and below
// them, less than a line away.
func (pl *pageLayout) centredRows(from, to int) bool {
	n := 0
	for k := from + 1; k < to; k++ {
		if pl.cand[k] && !pl.cand[k-1] && !pl.cand[k+1] && pl.pitch(k-1, k) < interleave && pl.pitch(k, k+1) < interleave {
			n++
		}
	}
	return n >= minRows
}

// centredBody builds the rows of a table with vertically centred cells:
// the text lines between two numeric lines are split at the widest gap
// between them; those above it end the upper row, those below it begin the
// lower one.
func (pl *pageLayout) centredBody(from, to int) []*rowAcc {
	var cands []int
	for k := from; k <= to; k++ {
		if pl.cand[k] {
			cands = append(cands, k)
		}
	}
	var rows []*rowAcc
	// Lines in lower case before the first row end a row begun on the
	// previous page; the page join merges them.
	for from < cands[0] && startsLower(pl.lines[from].words[0].text) {
		r := pl.newRow()
		pl.addLine(r, from)
		rows = append(rows, r)
		from++
	}
	for i, c := range cands {
		row := pl.newRow()
		rows = append(rows, row)
		lo, hi := from, to // text lines that may belong to row i
		if i > 0 {
			lo = pl.widestGap(cands[i-1], c)
		}
		if i+1 < len(cands) {
			hi = pl.widestGap(c, cands[i+1]) - 1
		}
		for k := lo; k <= hi; k++ {
			pl.addLine(row, k)
		}
	}
	return rows
}

// widestGap returns the first line below the widest baseline gap between
// lines a and b.
func (pl *pageLayout) widestGap(a, b int) int {
	best, gap := a+1, -1.0
	for k := a + 1; k <= b; k++ {
		if p := pl.pitch(k-1, k); p > gap {
			best, gap = k, p
		}
	}
	return best
}

// interleaved returns the numeric line among cands that text line k sits
// less than a line from (the other lines of a vertically centred row), or
// -1.
func (pl *pageLayout) interleaved(k int, cands []int) int {
	best, dist := -1, interleave
	for _, c := range cands {
		d := pl.pitch(min(k, c), max(k, c))
		if d < dist {
			best, dist = c, d
		}
	}
	return best
}

// continuedBy reports whether the cells of text line k continue on line
// next: each of them goes on in lower case or with a bracket in the same
// column there.
func (pl *pageLayout) continuedBy(k, next int) bool {
	below := pl.cellsOf(next)
	for c := range pl.cellsOf(k) {
		ss := below[c]
		if len(ss) == 0 || !startsLower(ss[0].text) {
			return false
		}
	}
	return true
}

// startsLower reports whether s starts in lower case or with an opening
// bracket or an ampersand: the rest of a wrapped text.
func startsLower(s string) bool {
	r, _ := firstRune(s)
	return unicode.IsLower(r) || r == '(' || r == '&'
}

func (pl *pageLayout) newRow() *rowAcc {
	r := &rowAcc{cells: make([]extract.Cell, len(pl.g.cols)+1)}
	for i := range r.cells {
		r.cells[i].Pos.Page = pl.page.number
	}
	return r
}

// cellsOf maps the segments of line k to cells: 0 is the row label, c+1
// is column c.
func (pl *pageLayout) cellsOf(k int) map[int][]seg {
	m := map[int][]seg{}
	for i := range pl.segs[k] {
		s := &pl.segs[k][i]
		if pl.g.isLabel(s) {
			m[0] = append(m[0], *s)
			continue
		}
		c := columnOf(pl.g.cols, s.x0, s.x1) + 1
		if c == 0 {
			c = nearestColumn(pl.g.cols, *s) + 1
		}
		m[c] = append(m[c], *s)
	}
	return m
}

// addLine appends the cells of line k to row r; a cell that already has
// text gets the new text on a new line.
func (pl *pageLayout) addLine(r *rowAcc, k int) {
	r.lines = append(r.lines, k)
	for c, ss := range pl.cellsOf(k) {
		cell := &r.cells[c]
		text := joinSegs(ss)
		if cell.Text == "" {
			cell.Text = text
			cell.Pos = pl.pos(k, ss[0].x0)
			continue
		}
		cell.Text += "\n" + text
	}
}
