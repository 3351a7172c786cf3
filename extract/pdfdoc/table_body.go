package pdfdoc

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/begroot/begroot/extract"
)

// wrapsInto reports whether text line k continues the cell text of line
// prev: it starts in lower case or with a bracket, or its first word would
// not have fitted after the label of prev. Below the widest label, where
// that test tells nothing, a line set further apart than the tight pitch
// (a table that spaces its rows wider) is a row of its own. A line that
// starts with an item number begins an item of its own.
func (pl *pageLayout) wrapsInto(prev, k int) bool {
	ws := pl.lines[k].words
	if pl.introduces(k) {
		return false
	}
	if startsLower(ws[0].text) {
		return true
	}
	if itemLabel.MatchString(ws[0].text) {
		return false
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
	widest := !pl.g.cells && label.x1 >= pl.g.labelEnd
	if widest && pl.pitch(prev, k) > tightPitch {
		return false
	}
	return !pl.fitsAfter(label, ws[0])
}

// itemLabel is the start of a numbered row label: "1b.Netto schuldquote",
// "2. Solvabiliteitsratio", not an amount such as "1.000".
var itemLabel = regexp.MustCompile(`^\d{1,2}[a-z]?[.)](\D|$)`)

// fitsAfter reports whether word w would have fitted after label on its
// line, before the labels wrap: a line starting with it wraps no label.
func (pl *pageLayout) fitsAfter(label *seg, w word) bool {
	return label.x1+spaceWidth*w.size+(w.x1-w.x0) <= pl.g.wrapAt()
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
// between them. A table that centres its cells vertically is split between
// its numeric lines (centredBody); any other table is read as chains of
// lines closer than its tight pitch (chainRows).
func (pl *pageLayout) bodyRows(from, to int) [][]extract.Cell {
	var rows []*rowAcc
	if pl.centredRows(from, to) {
		rows = pl.centredBody(from, to)
	} else {
		rows = pl.chainedBody(from, to)
	}
	return pl.rowCells(rows)
}

// bodyBuilder collects the rows of a table body chain by chain.
type bodyBuilder struct {
	pl   *pageLayout
	rows []*rowAcc
}

// own appends line k as a row of its own.
func (b *bodyBuilder) own(k int) *rowAcc {
	r := b.pl.newRow()
	b.pl.addLine(r, k)
	b.rows = append(b.rows, r)
	return r
}

// chainedBody reads lines from..to as chains: runs of lines closer than
// the tight pitch. A chain without numbers is rows of text (group labels);
// a chain with one numeric line is one row (singleRowChain); a chain of
// several numeric lines is a table without cell padding (multiRowChain).
// The rows take the text lines above their numeric line when the table
// aligns them at the bottom (bottomAligned, labelsAboveValues).
func (pl *pageLayout) chainedBody(from, to int) []*rowAcc {
	b := &bodyBuilder{pl: pl}
	tight := pl.tightPitch(from, to)
	lead, bottom := pl.bottomAligned(from, to)
	var chains []*chain
	for start := from; start <= to; {
		end := start
		for end < to && pl.pitch(end, end+1) <= tight && (!bottom || pl.pitch(end, end+1) <= lead+leadJitter) {
			end++
		}
		ch := &chain{start: start, end: end, pendingFor: -1, rowAt: map[int]*rowAcc{}}
		for k := start; k <= end; k++ {
			if pl.cand[k] {
				ch.cands = append(ch.cands, k)
			}
		}
		chains = append(chains, ch)
		start = end + 1
	}
	prefix := bottom || pl.labelsAboveValues(chains)
	for _, ch := range chains {
		switch len(ch.cands) {
		case 0:
			for k := ch.start; k <= ch.end; k++ {
				if n := len(b.rows); n > 0 && slices.Contains(b.rows[n-1].lines, k-1) && slices.ContainsFunc(b.rows[n-1].lines, func(l int) bool { return pl.cand[l] }) && pl.wrapsBelow(k-1, k) {
					pl.addLine(b.rows[n-1], k)
					continue
				}
				b.own(k)
			}
		case 1:
			b.singleRowChain(ch.start, ch.end, ch.cands[0], prefix)
		default:
			b.multiRowChain(ch)
		}
	}
	return b.rows
}

// labelsAboveValues reports whether the rows of a padded table print their
// values on the last line of a wrapped label: every chain holds at most
// one numeric line, at least minRows do, and one of them ends in its
// numeric line under label lines that go on in lower case. Then the label
// lines tight above any row's values are that row's label ("Aantal …
// adviesvragen" over "Vangnet en Advies  1.833"), not a group label,
// even where the page's other readers split a row's values from its label.
func (pl *pageLayout) labelsAboveValues(chains []*chain) bool {
	rows, wrapped := 0, false
	for _, ch := range chains {
		switch len(ch.cands) {
		case 0:
		case 1:
			rows++
			c := ch.cands[0]
			wrapped = wrapped || c == ch.end && c > ch.start && pl.continuedBy(c-1, c)
		default:
			return false
		}
	}
	return rows >= minRows && wrapped
}

// singleRowChain builds the row of a chain with one numeric line c. The
// text lines below it are wrapped cell text, and those above it too when
// the table aligns its rows at the bottom, the row is vertically centred
// (text below as well), spans several cells, or has no label of its own;
// otherwise they are group labels, rows of their own.
func (b *bodyBuilder) singleRowChain(start, end, c int, bottom bool) {
	pl := b.pl
	prefix := bottom || pl.takesLinesAbove(start, end, c)
	r := pl.newRow()
	from := c // the first line of the row
	if prefix {
		from = pl.labelStart(start, c)
	}
	for k := start; k < from; k++ {
		b.own(k)
	}
	for k := from; k < c; k++ {
		pl.addLine(r, k)
	}
	pl.addLine(r, c)
	b.rows = append(b.rows, r)
	centred := c > start && prefix
	k := c + 1
	for ; k <= end && (centred || pl.wrapsInto(k-1, k)); k++ {
		pl.addLine(r, k)
	}
	for ; k <= end; k++ {
		b.own(k)
	}
}

// labelStart returns the first of the text lines start..c-1 above numeric
// line c that its row takes: the line just above c, each line without a
// label of its own, and each label line that the next label line below
// wraps into. A label the one below does not wrap into (it would have
// fitted after it: "Verwachte boekwinst" over "Verwachte boekwinst bij
// verkoop …") is a group label, a row of its own.
func (pl *pageLayout) labelStart(start, c int) int {
	from := max(start, c-1)
	for k := from - 1; k >= start; k-- {
		next := from
		for next < c && len(pl.cellsOf(next)[0]) == 0 {
			next++
		}
		if len(pl.cellsOf(k)[0]) > 0 && !pl.wrapsInto(k, next) {
			break
		}
		from = k
	}
	return from
}

// takesLinesAbove reports whether the row of numeric line c takes the
// text lines start..c-1 of its chain.
func (pl *pageLayout) takesLinesAbove(start, end, c int) bool {
	if c < end || len(pl.cellsOf(c)[0]) == 0 || c > start && pl.continuedBy(c-1, c) {
		return true
	}
	for k := start; k < c; k++ {
		if len(pl.cellsOf(k)) > 1 {
			return true
		}
	}
	return false
}

// bottomAligned reports whether the body lines from..to set their rows
// apart by more than the line leading and print each row's values on its
// last line, under the wrapped lines of its label (at least minRows rows
// do): then a row ends at every gap wider than the leading, which it
// returns.
func (pl *pageLayout) bottomAligned(from, to int) (float64, bool) {
	lead := math.Inf(1)
	for k := from; k < to; k++ {
		if p := pl.pitch(k, k+1); p >= interleave {
			lead = min(lead, p)
		}
	}
	wrapped := 0 // rows with label lines above their values
	for k := from; k < to; k++ {
		switch p := pl.pitch(k, k+1); {
		case p < interleave:
			return 0, false // parts of one line: left to the other readers
		case p > lead+leadJitter && p <= lead+rowGapMin:
			return 0, false // neither leading nor a row gap
		case p > lead+leadJitter: // a row gap
		case pl.cand[k]:
			return 0, false // a line below a row's values: not at the bottom
		case !pl.labelOnly(k):
			return 0, false // text in a value column: a note, not a wrapped label
		case pl.cand[k+1]:
			wrapped++
		}
	}
	return lead, wrapped >= minRows
}

// chain is a run of body lines closer than the table's tight pitch, with
// the state of multiRowChain.
type chain struct {
	start, end int
	cands      []int           // its numeric lines
	rowAt      map[int]*rowAcc // the row of each numeric line read so far
	pending    *rowAcc         // a row begun by text lines above its numeric line…
	pendingFor int             // … which is this line, or -1
}

// multiRowChain builds the rows of a chain of several numeric lines (a
// table without cell padding): each numeric line is a row, and each text
// line joins one of them (textLine).
func (b *bodyBuilder) multiRowChain(ch *chain) {
	for k := ch.start; k <= ch.end; k++ {
		if !b.pl.cand[k] {
			b.textLine(ch, k)
			continue
		}
		if ch.pendingFor == k {
			b.pl.addLine(ch.pending, k)
			b.rows = append(b.rows, ch.pending)
			ch.rowAt[k], ch.pending, ch.pendingFor = ch.pending, nil, -1
			continue
		}
		ch.rowAt[k] = b.own(k)
	}
}

// textLine places text line k of a chain of several numeric lines. A text
// line interleaved with a numeric line (less than a line apart: vertically
// centred cells) belongs to it; otherwise it begins the row below when that
// row continues it or when it heads the row's centred label (headsCentred),
// is a group label over it when that row's label is an
// item in lower case (itemBelow), continues the row above when it wraps
// into it, or is a row of its own.
func (b *bodyBuilder) textLine(ch *chain, k int) {
	pl := b.pl
	c := pl.interleaved(k, ch.cands)
	switch {
	case c >= 0 && c < k:
		pl.addLine(ch.rowAt[c], k)
	case c > k:
		if ch.pendingFor != c {
			ch.pending, ch.pendingFor = pl.newRow(), c
		}
		pl.addLine(ch.pending, k)
	case len(b.rows) > 0 && k > ch.start && startsLower(pl.lines[k].words[0].text) && !pl.introduces(k):
		pl.addLine(b.rows[len(b.rows)-1], k)
	case k < ch.end && pl.cand[k+1] && pl.continuedBy(k, k+1):
		ch.pending, ch.pendingFor = pl.newRow(), k+1
		pl.addLine(ch.pending, k)
	case pl.headsCentred(ch, k) >= 0:
		ch.pending, ch.pendingFor = pl.newRow(), pl.headsCentred(ch, k)
		pl.addLine(ch.pending, k)
	case k < ch.end && pl.cand[k+1] && pl.itemBelow(k, k+1):
		b.own(k)
	case len(b.rows) > 0 && k > ch.start && pl.wrapsInto(k-1, k):
		pl.addLine(b.rows[len(b.rows)-1], k)
	default:
		b.own(k)
	}
}

// headsCentred returns the numeric line whose vertically centred label
// text line k begins, or -1: the line below k goes on in lower case at a
// closer pitch than k stands below the line above it (a label's leading,
// not the rows' pitch), and is centred on that numeric line's values
// ("Totaal" over "saldo van baten en lasten" beside its values). Such a
// line belongs to the row below, even where it would not have fitted
// after the label above.
func (pl *pageLayout) headsCentred(ch *chain, k int) int {
	if k == ch.end || !startsLower(pl.lines[k+1].words[0].text) {
		return -1
	}
	if k > ch.start && pl.pitch(k, k+1)+leadJitter >= pl.pitch(k-1, k) {
		return -1
	}
	if c := pl.interleaved(k+1, ch.cands); c > k+1 {
		return c
	}
	return -1
}

// rowCells returns the cells of the rows; an empty cell gets the position
// of its column on the row's first line.
func (pl *pageLayout) rowCells(rows []*rowAcc) [][]extract.Cell {
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

// centredBody builds the rows of a table with vertically centred cells.
// The text lines between two numeric lines are split at the widest gap
// between them; those above it end the upper row, those below it begin the
// lower one; on equal gaps, a numeric line with a label of its own leaves
// the lines above it to the upper row. A row takes as many lines above its
// numeric line as below it (all of them when its value stands on its
// label's last line): the lines before those are group labels, rows of
// their own.
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
	own := func(k int) bool { return len(pl.cellsOf(k)[0]) > 0 }
	for i, c := range cands {
		lo, hi := from, to // text lines that may belong to row i
		if i > 0 {
			lo = pl.widestGap(cands[i-1], c, own(c))
		}
		if i+1 < len(cands) {
			hi = pl.widestGap(c, cands[i+1], own(cands[i+1])) - 1
		}
		start := c - (hi - c) // as many label lines above as below…
		if hi == c && !own(c) {
			start = lo // … or all when the value ends its label
		}
		for start > lo && strings.HasSuffix(pl.lines[start-1].text(), ":") {
			start-- // a lead-in ("Afspraken ketenpartners:") goes on in the label below it
		}
		for k := lo; k < max(lo, start); k++ {
			r := pl.newRow()
			pl.addLine(r, k)
			rows = append(rows, r)
		}
		row := pl.newRow()
		rows = append(rows, row)
		for k := max(lo, start); k <= hi; k++ {
			pl.addLine(row, k)
		}
	}
	return rows
}

// widestGap returns the first line below the widest baseline gap between
// lines a and b; of equal gaps the lowest when last is set, else the
// highest.
func (pl *pageLayout) widestGap(a, b int, last bool) int {
	best, gap := a+1, -1.0
	for k := a + 1; k <= b; k++ {
		p := pl.pitch(k-1, k)
		if p > gap+leadJitter || last && p >= gap-leadJitter {
			best, gap = k, max(p, gap)
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
// column there, the label with a word that would not have fitted after it
// (an item in lower case under a short group label is a row of its own).
func (pl *pageLayout) continuedBy(k, next int) bool {
	if pl.itemBelow(k, next) || pl.introduces(next) {
		return false
	}
	below := pl.cellsOf(next)
	for c := range pl.cellsOf(k) {
		ss := below[c]
		if len(ss) == 0 || !startsLower(ss[0].text) {
			return false
		}
	}
	return true
}

// itemBelow reports whether the label of line next starts in lower case
// and would have fitted after the label of line k: an item under the group
// label k ("Uitzettingen < 1 jaar" over "vorderingen openbare lichamen"),
// not the rest of it.
func (pl *pageLayout) itemBelow(k, next int) bool {
	a, b := pl.cellsOf(k)[0], pl.cellsOf(next)[0]
	return len(a) > 0 && len(b) > 0 && startsLower(b[0].text) && pl.fitsAfter(&a[len(a)-1], b[0].words[0])
}

// wrapsBelow reports whether text line k goes on with the cells of line
// prev, the last line of the row above, which has values: at most a paragraph's line
// distance below it, each of its cells in a column where prev has text
// (a label and a remark wrapped below the values of a table that sets all
// its lines at one wide pitch). Continuation is decided per column: a
// label cell goes on in lower case or with a bracket; a cell of a text
// column goes on that way too, or in any case beside a label that goes on
// ("kunstwerken" beside "Hofcampweg", the rest of "Vervanging van bruggen
// o.a."): the label ties the line to the row.
func (pl *pageLayout) wrapsBelow(prev, k int) bool {
	if pl.lines[prev].y-pl.lines[k].y > paragraphGap*pl.leading+paragraphPt || pl.introduces(k) {
		return false
	}
	above, cells := pl.cellsOf(prev), pl.cellsOf(k)
	label := len(cells[0]) > 0 && len(above[0]) > 0 && startsLower(cells[0][0].text)
	for c, ss := range cells {
		if len(above[c]) == 0 {
			return false
		}
		if startsLower(ss[0].text) {
			continue
		}
		if c == 0 || pl.g.cols[c-1].numeric || !label {
			return false
		}
	}
	return true
}

// introduces reports whether text line k is a label alone that ends in a
// colon ("waarvan t.l.v.:"): it heads the rows below it, it does not go on
// with the label above.
func (pl *pageLayout) introduces(k int) bool {
	cells := pl.cellsOf(k)
	label := cells[0]
	if len(cells) != 1 || len(label) == 0 {
		return false
	}
	return strings.HasSuffix(label[len(label)-1].text, ":")
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
		pl.markOCR(cell, ss)
		if cell.Text == "" {
			cell.Text = text
			cell.Pos = pl.pos(k, ss[0].x0)
			continue
		}
		cell.Text += "\n" + text
	}
}
