package pdfdoc

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/begroot/begroot/extract"
)

// Table reconstruction tolerances: baseline distances as multiples of the
// font size, except where noted.
const (
	rowGapMax     = 3.5  // beyond this a table ends…
	rowGapRegular = 5    // … unless the rows keep this regular, wider pitch
	headerGapMax  = 5    // between two header lines, or header and body
	captionGapMax = 3.5  // between a caption and the header
	titleGapMax   = 7    // between a "Tabel …" title and the header
	captionLines  = 4    // caption lines at most
	tightPitch    = 1.6  // a line this close to its neighbour shares its row
	interleave    = 0.95 // lines this close belong to one vertically centred row
	columnSlack   = 0.15 // overlap slack when clustering a column
	maxHeaderRows = 10
)

var (
	captionStart = regexp.MustCompile(`(?i)^(tabel|table|tab\.|overzicht|figuur|staat)\b`)
	indexNumber  = regexp.MustCompile(`^\d{1,3}\.?$`)
)

// pageLayout is one page's lines with their segments.
type pageLayout struct {
	page    *pageText
	lines   []line
	segs    [][]seg
	cand    []bool // a table row: a label and numbers, or several numbers
	year    []bool // a candidate whose numbers are all bare years: a header row
	used    []bool // consumed by a table
	body    float64
	leading float64 // baseline distance of body text in paragraphs
	em      float64 // font size of the table being built
	g       *grid   // geometry of the table being built
}

func newPageLayout(p *pageText, body, leading float64) *pageLayout {
	pl := &pageLayout{page: p, lines: p.lines, body: body, leading: leading}
	n := len(p.lines)
	pl.segs = make([][]seg, n)
	pl.cand = make([]bool, n)
	pl.year = make([]bool, n)
	pl.used = make([]bool, n)
	for i := range p.lines {
		s := segments(&p.lines[i])
		pl.segs[i] = s
		nums, years, values := 0, 0, 0
		for _, c := range s {
			if c.numeric {
				nums++
				if c.year {
					years++
				} else if !c.blank {
					values++
				}
			}
		}
		pl.cand[i] = nums > 0 && (!s[0].numeric || nums >= 2)
		pl.year[i] = pl.cand[i] && years > 0 && values == 0
	}
	return pl
}

// pitch is the baseline distance between lines i and j (i above j),
// relative to the larger font size.
func (pl *pageLayout) pitch(i, j int) float64 {
	a, b := &pl.lines[i], &pl.lines[j]
	return (a.y - b.y) / max(a.size, b.size, 1)
}

// column is one value column of a table.
type column struct {
	x0, x1  float64
	numeric bool
}

func (c column) center() float64 { return (c.x0 + c.x1) / 2 }

// grid is the horizontal geometry of a table: the row labels at the left,
// then the value columns.
type grid struct {
	cols       []column
	regions    [][2]float64 // the stretch each column's cells take
	labelRight float64      // segments centred left of this are row labels
	labelX0    float64      // left edge of the row labels
	labelEnd   float64      // right edge of the widest row label: where labels wrap
}

// isLabel reports whether a segment belongs to the row label.
func (g *grid) isLabel(s *seg) bool {
	return s.x1 <= g.labelRight || s.center() < g.labelRight
}

// tableRegion is a reconstructed table and the lines it consumed.
type tableRegion struct {
	first, last int // line range, inclusive
	table       *extract.Table
	cols        []column
	headers     int // number of header rows
}

// findTables finds the runs of aligned numeric rows on a page and rebuilds
// each as a table.
func (pl *pageLayout) findTables() []tableRegion {
	var out []tableRegion
	for i := 0; i < len(pl.lines); i++ {
		if !pl.cand[i] || pl.used[i] {
			continue
		}
		if r, ok := pl.build(i, pl.extendRun(i)); ok {
			out = append(out, r)
			i = r.last
		}
	}
	return out
}

// extendRun returns the last line of the run of table rows that starts at
// line i. Text lines inside the run (wrapped labels, group labels, header
// lines) are allowed when a numeric row follows within a few lines.
func (pl *pageLayout) extendRun(i int) int {
	n := len(pl.lines)
	last := i
	numX0 := pl.numericX0(i, math.Inf(1))
	spans := pl.numberSpans(i, nil)
	body := !pl.year[i]
	prevPitch := 0.0
	gapOK := func(k int) bool {
		p := pl.pitch(k-1, k)
		regular := math.Abs(p-prevPitch) <= 0.3 || k+1 < n && math.Abs(p-pl.pitch(k, k+1)) <= 0.3
		return p <= rowGapMax || p <= rowGapRegular && regular
	}
	// joins reports whether numeric line k continues the run: it is not a
	// new header, and most of its numbers either line up with a number
	// above (right edges or centres within an em) or stand clear of them
	// (a sparse table fills other columns further down).
	joins := func(k int) bool {
		if body && pl.year[k] {
			return false
		}
		mine := pl.numberSpans(k, nil)
		em := pl.lines[k].size
		bad := 0
		for _, a := range mine {
			for _, b := range spans {
				overlap := a[0] <= b[1] && a[1] >= b[0]
				aligned := math.Abs(a[1]-b[1]) <= em || math.Abs(a[0]+a[1]-b[0]-b[1]) <= 2*em
				if overlap && !aligned {
					bad++
					break
				}
			}
		}
		return bad*2 <= len(mine)
	}
	// groupLabel reports whether text line k is a short label left of the
	// numbers, which may have extra space above it.
	groupLabel := func(k int) bool {
		l := &pl.lines[k]
		return !pl.cand[k] && len(l.words) <= 8 && l.x1 < numX0 && pl.pitch(k-1, k) <= rowGapRegular
	}
	for j := i + 1; j < n; {
		if !gapOK(j) && !groupLabel(j) || pl.used[j] {
			break
		}
		prevPitch = pl.pitch(j-1, j)
		if pl.cand[j] {
			if !joins(j) {
				break
			}
			last = j
			numX0 = pl.numericX0(j, numX0)
			spans = pl.numberSpans(j, spans)
			body = body || !pl.year[j]
			j++
			continue
		}
		k := j
		for k < n && k-j < 4 && !pl.cand[k] && pl.internal(k, numX0, pl.lines[last].size) && (gapOK(k) || k == j && groupLabel(k)) {
			k++
		}
		if k < n && k-j < 4 && pl.cand[k] && gapOK(k) && joins(k) {
			j = k
			continue
		}
		break
	}
	return last
}

// numberSpans appends the extents of the numbers of line k.
func (pl *pageLayout) numberSpans(k int, spans [][2]float64) [][2]float64 {
	for j, s := range pl.segs[k] {
		if s.numeric && (j > 0 || len(pl.segs[k]) > 1) {
			spans = append(spans, [2]float64{s.x0, s.x1})
		}
	}
	return spans
}

// numericX0 lowers x0 to the left edge of the first number of line i.
func (pl *pageLayout) numericX0(i int, x0 float64) float64 {
	for j, s := range pl.segs[i] {
		if j > 0 && s.numeric && s.x0 < x0 {
			return s.x0
		}
	}
	return x0
}

// internal reports whether text line k can sit inside a table of text of
// the given size whose numbers start at numX0: not a heading or a table
// title, and not prose running across the number columns.
func (pl *pageLayout) internal(k int, numX0, size float64) bool {
	l := &pl.lines[k]
	if captionStart.MatchString(l.text()) {
		return false
	}
	// A larger line is a heading, unless it is a short group label
	// ("Programma 1 Veiligheid") left of the numbers.
	if l.size >= 1.2*size && (len(l.words) > 8 || l.x1 > numX0 || l.size >= 1.5*size) {
		return false
	}
	for _, s := range pl.segs[k] {
		if len(s.words) >= 5 && s.x0 < numX0-1 && s.x1 > numX0+1 {
			return false
		}
	}
	return true
}

// build turns lines first..last into a table, adding the header lines and
// caption above and the wrapped label lines below. It reports false when
// the numbers do not line up in columns.
func (pl *pageLayout) build(first, last int) (tableRegion, bool) {
	sizes := make([]float64, 0, last-first+1)
	for k := first; k <= last; k++ {
		sizes = append(sizes, pl.lines[k].size)
	}
	slices.Sort(sizes)
	pl.em = sizes[len(sizes)/2]
	bodyStart := first
	for bodyStart <= last && (!pl.cand[bodyStart] || pl.year[bodyStart]) {
		bodyStart++
	}
	if bodyStart > last {
		return tableRegion{}, false
	}
	g, ok := pl.grid(bodyStart, last)
	if !ok {
		return tableRegion{}, false
	}
	pl.g = g
	bodyRows := pl.countRows(bodyStart, last)

	top := first
	for k := first - 1; k >= 0 && first-k <= maxHeaderRows; k-- {
		if pl.used[k] || pl.cand[k] && !pl.year[k] || pl.pitch(k, k+1) > headerGapMax {
			break
		}
		if !pl.headerLike(k) {
			// A label-only line between two header lines ("Programma 1"
			// beside a three-line column heading) belongs to the header.
			if k == 0 || pl.used[k-1] || pl.pitch(k-1, k) > headerGapMax || !pl.headerLike(k-1) || pl.lines[k].x0 > g.regions[0][0] || pl.lines[k].size > 1.1*pl.em {
				break
			}
		}
		top = k
	}
	// The first row may be vertically centred: text lines tight above and
	// below its numbers belong to it, not to the header.
	if bodyStart+1 <= last && !pl.cand[bodyStart+1] && pl.pitch(bodyStart, bodyStart+1) <= tightPitch {
		for bodyStart > top && !pl.year[bodyStart-1] && pl.pitch(bodyStart-1, bodyStart) <= tightPitch {
			bodyStart--
		}
	}
	// Without a header, lines in lower case just above the first row end
	// a row begun on the previous page.
	for top == bodyStart && top > 0 && !pl.used[top-1] && !pl.cand[top-1] && pl.pitch(top-1, top) <= rowGapMax &&
		startsLower(pl.lines[top-1].words[0].text) && pl.internal(top-1, g.cols[0].x0, pl.em) {
		top--
		bodyStart--
	}
	// Label-only lines between the header and the first row are group
	// labels of the body ("ACTIVA", "Programma 0 Bestuur").
	for bodyStart > top && pl.labelOnly(bodyStart-1) && !pl.unitOnly(bodyStart-1) && !pl.year[bodyStart-1] {
		bodyStart--
	}
	// A label printed a little above its numbers (another font size or
	// vertical alignment) is not a header line.
	if bodyStart > top && len(pl.cellsOf(bodyStart)[0]) == 0 && pl.pitch(bodyStart-1, bodyStart) <= tightPitch && pl.labelOnly(bodyStart-1) {
		bodyStart--
	}
	if bodyRows < 2 && top == bodyStart {
		return tableRegion{}, false
	}
	capTop, caption := pl.caption(top)
	// Wrapped cell text below the last row.
	for k := last + 1; k < len(pl.lines) && k-last <= 3; k++ {
		if pl.cand[k] || pl.pitch(k-1, k) > tightPitch || !pl.internal(k, g.cols[0].x0, pl.em) || !pl.wrapsInto(k-1, k) && !pl.textColumnsOnly(k) {
			break
		}
		last = k
	}

	t := &extract.Table{Caption: caption}
	headers := pl.headerRows(top, bodyStart)
	t.Rows = append(headers, pl.bodyRows(bodyStart, last)...)
	if t.Caption == "" && len(headers) > 0 && captionStart.MatchString(headers[0][0].Text) {
		t.Caption = headers[0][0].Text
	}
	for k := capTop; k <= last; k++ {
		pl.used[k] = true
	}
	t.Pos = pl.pos(capTop, pl.lines[capTop].x0)
	return tableRegion{first: capTop, last: last, table: t, cols: g.cols, headers: len(headers)}, true
}

// caption returns the first line and the text of the caption above the
// header that starts at line top: the short lines just above it, closer
// together than paragraph lines, when one of them is a title ("Tabel 6.2
// …") or a unit label ("bedragen x € 1.000").
func (pl *pageLayout) caption(top int) (int, string) {
	var block []int
	for k := top - 1; k >= 0 && len(block) < captionLines; k-- {
		l := &pl.lines[k]
		limit := captionGapMax
		switch {
		case len(block) > 0:
			limit = min(captionGapMax, 0.95*pl.leading/max(l.size, 1))
		case captionStart.MatchString(l.text()):
			limit = titleGapMax
		}
		if pl.used[k] || pl.cand[k] || pl.pitch(k, k+1) > limit || len(l.words) > 14 || l.size >= 1.3*pl.body {
			break
		}
		block = append(block, k)
	}
	found := false
	for _, k := range block {
		found = found || pl.captionLike(k)
	}
	if !found {
		return top, ""
	}
	texts := make([]string, len(block))
	for i, k := range block {
		texts[len(block)-1-i] = pl.lines[k].text()
	}
	return block[len(block)-1], strings.Join(texts, " ")
}

// grid clusters the numbers of the body rows into columns by their
// horizontal extent: right-aligned numbers share a right edge, centred ones
// overlap. Text cells in no number column form text columns; the first is
// the row label, together with a leading column of row numbers (1, 2, 3 …)
// before it. It reports false when the numbers do not line up.
func (pl *pageLayout) grid(from, to int) (*grid, bool) {
	var nums, texts []colItem
	for i := from; i <= to; i++ {
		if !pl.cand[i] {
			continue
		}
		for _, s := range pl.segs[i] {
			if s.numeric {
				nums = append(nums, colItem{s.x0, s.x1, i})
			}
		}
	}
	slack := columnSlack * pl.em
	cols, rows := clusterColumns(nums, slack, true)
	if len(cols) == 0 {
		return nil, false
	}
	// Most numbers must share their column with a number of another row.
	if pl.countRows(from, to) >= 2 {
		shared := 0
		for _, it := range nums {
			if c := columnOf(cols, it.x0, it.x1); c >= 0 && rows[c] >= 2 {
				shared++
			}
		}
		if shared*10 < len(nums)*6 {
			return nil, false
		}
	}
	// Text columns: the text cells in no number column, clustered the same
	// way. A line with only a label (a group label) is left out.
	for i := from; i <= to; i++ {
		if !pl.cand[i] && len(pl.segs[i]) == 1 && pl.segs[i][0].x0 < cols[0].x0 {
			continue
		}
		for _, s := range pl.segs[i] {
			if !s.numeric && columnOf(cols, s.x0, s.x1) < 0 {
				texts = append(texts, colItem{s.x0, s.x1, i})
			}
		}
	}
	textCols, lines := clusterColumns(texts, slack, false)
	// A text column before the numbers needs cells on two lines; one row's
	// "1. (+) Exploitatiesaldo" is a label.
	for i := len(textCols) - 1; i >= 0; i-- {
		if lines[i] < 2 && textCols[i].x1 < cols[0].x0 {
			textCols = slices.Delete(textCols, i, i+1)
		}
	}
	cols = append(cols, mergeOverlapping(textCols)...)
	slices.SortFunc(cols, func(a, b column) int { return cmpFloat(a.x0, b.x0) })

	// The row label is the first text column, or a column of row numbers
	// (1, 2, 3 …) with the text column after it.
	g := &grid{cols: cols}
	switch {
	case !cols[0].numeric:
		g.cols = cols[1:]
	case len(cols) >= 3 && !cols[1].numeric && pl.indexColumn(cols[0], from, to):
		g.cols = cols[2:]
	}
	if !slices.ContainsFunc(g.cols, func(c column) bool { return c.numeric }) {
		return nil, false
	}
	g.labelRight = g.cols[0].x0 - slack
	g.labelX0, g.labelEnd = math.Inf(1), 0
	for k := from; k <= to; k++ {
		for i := range pl.segs[k] {
			if s := &pl.segs[k][i]; g.isLabel(s) {
				g.labelX0, g.labelEnd = min(g.labelX0, s.x0), max(g.labelEnd, s.x1)
			}
		}
	}
	if g.labelEnd == 0 {
		g.labelX0, g.labelEnd = g.labelRight, g.labelRight
	}
	g.regions = columnRegions(g.cols, g.labelEnd)
	return g, true
}

// indexColumn reports whether column c holds row numbers: small whole
// numbers at the start of their lines.
func (pl *pageLayout) indexColumn(c column, from, to int) bool {
	for k := from; k <= to; k++ {
		for j, s := range pl.segs[k] {
			if s.x0 >= c.x0 && s.x1 <= c.x1 && (j > 0 || !indexNumber.MatchString(s.text)) {
				return false
			}
		}
	}
	return true
}

// colItem is a cell's extent on line row.
type colItem struct {
	x0, x1 float64
	row    int
}

// clusterColumns sweeps the items by right edge and starts a new column
// where an item does not overlap the current one, or where the current one
// already holds a cell of the same line. It returns the columns and the
// number of lines in each.
func clusterColumns(items []colItem, slack float64, numeric bool) ([]column, []int) {
	slices.SortFunc(items, func(a, b colItem) int { return cmpFloat(a.x1, b.x1) })
	var cols []column
	var counts []int
	var rows map[int]bool
	for _, it := range items {
		if k := len(cols); k > 0 && it.x0 <= cols[k-1].x1+slack && !rows[it.row] {
			c := &cols[k-1]
			c.x0, c.x1 = min(c.x0, it.x0), max(c.x1, it.x1)
			rows[it.row] = true
			counts[k-1]++
			continue
		}
		cols = append(cols, column{x0: it.x0, x1: it.x1, numeric: numeric})
		counts = append(counts, 1)
		rows = map[int]bool{it.row: true}
	}
	return cols, counts
}

// mergeOverlapping merges text columns whose extents overlap: a line with
// two phrases in one column ("6." and "Verwijzingen Halt") starts a second
// cluster beside the first.
func mergeOverlapping(cols []column) []column {
	slices.SortFunc(cols, func(a, b column) int { return cmpFloat(a.x0, b.x0) })
	var out []column
	for _, c := range cols {
		if k := len(out); k > 0 && c.x0 < out[k-1].x1 {
			out[k-1].x1 = max(out[k-1].x1, c.x1)
			continue
		}
		out = append(out, c)
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (pl *pageLayout) countRows(from, to int) int {
	n := 0
	for i := from; i <= to; i++ {
		if pl.cand[i] {
			n++
		}
	}
	return n
}

// columnOf returns the column a cell spanning [x0, x1] belongs to: the one
// that contains its centre, else the one it overlaps most; -1 if none.
func columnOf(cols []column, x0, x1 float64) int {
	c := (x0 + x1) / 2
	best, bestOverlap := -1, 0.0
	for i, col := range cols {
		if c >= col.x0 && c <= col.x1 {
			return i
		}
		if o := min(x1, col.x1) - max(x0, col.x0); o > bestOverlap {
			best, bestOverlap = i, o
		}
	}
	return best
}

// headerLike reports whether line k labels the columns: it has a phrase
// over the columns that is not a unit label, and no prose.
func (pl *pageLayout) headerLike(k int) bool {
	l, g := &pl.lines[k], pl.g
	if l.size >= 1.3*pl.body || captionStart.MatchString(l.text()) {
		return false
	}
	over := false
	for _, s := range pl.segs[k] {
		if len(s.words) > 6 && s.x1 > g.regions[0][0] {
			return false
		}
		// A label in lower case is the rest of a row from the page before.
		if !s.unit && s.x1 <= g.regions[0][0] && startsLower(s.text) {
			return false
		}
		if !s.unit && s.x0 > g.labelX0+pl.em && s.x1 > g.regions[0][0] && s.x0 < g.cols[len(g.cols)-1].x1+pl.em {
			over = true
		}
	}
	return over
}

func (pl *pageLayout) captionLike(k int) bool {
	text := pl.lines[k].text()
	return captionStart.MatchString(text) || unitLabel.MatchString(text)
}

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
	if label == nil || ws[0].x0 > label.x0+2*pl.em {
		return false
	}
	return label.x1+0.3*ws[0].size+(ws[0].x1-ws[0].x0) > pl.g.labelEnd
}

func firstRune(s string) (rune, bool) {
	for _, r := range s {
		return r, true
	}
	return 0, false
}

// pos is the position of line k at x.
func (pl *pageLayout) pos(k int, x float64) extract.Pos {
	l := &pl.lines[k]
	return extract.Pos{Page: pl.page.number, X: round2(x), Y: round2(pl.page.height - l.y - 0.8*l.size)}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// headerRows builds one header row per line from top to bodyStart-1. Text
// at the label margin goes to the first cell, as do unit labels and sign
// legends. Other phrases go to the column whose region holds their centre,
// or to all columns whose numbers they cover. A phrase centred over
// neighbours that a lower header line tells apart, and that the lines above
// group with it, spans them too ("Begroting" over "baten lasten saldo"); it
// is copied into each column, with Spanned set on the copies.
func (pl *pageLayout) headerRows(top, bodyStart int) [][]extract.Cell {
	g := pl.g
	type hline struct {
		label []seg
		over  []seg
		spans [][2]int
	}
	lines := make([]hline, bodyStart-top)
	owner := make([][]int, len(lines)) // phrase id per column, -1 if none
	id := 0
	for i := range lines {
		h := &lines[i]
		owner[i] = make([]int, len(g.cols))
		for c := range owner[i] {
			owner[i][c] = -1
		}
		for _, s := range pl.segs[top+i] {
			if s.unit || s.x0 <= g.labelX0+pl.em || s.x1 <= g.regions[0][0] {
				h.label = append(h.label, s)
			} else {
				h.over = append(h.over, splitHeader(s, g.cols)...)
			}
		}
		h.spans = placeHeader(h.over, g.cols, g.regions, pl.em)
		for _, sp := range h.spans {
			for c := sp[0]; c <= sp[1]; c++ {
				owner[i][c] = id
			}
			id++
		}
	}
	// canSpan reports whether the phrase of line i over column a may also
	// label column c: a lower line labels c, and every line above groups c
	// with a the same way.
	canSpan := func(i, a, c int) bool {
		if owner[i][c] >= 0 {
			return false
		}
		for j := 0; j < i; j++ {
			if owner[j][c] != owner[j][a] {
				return false
			}
		}
		for j := i + 1; j < len(lines); j++ {
			if owner[j][c] >= 0 {
				return true
			}
		}
		return false
	}
	rows := make([][]extract.Cell, 0, len(lines))
	for i := range lines {
		h := &lines[i]
		k := top + i
		for p, s := range h.over {
			a, b := h.spans[p][0], h.spans[p][1]
			// A phrase over one column grows symmetrically; one that covers
			// several may grow on one side ("na wijziging 2023" over
			// "baten lasten" and, by its centre, "saldo").
			options := [][2]int{{-1, 1}}
			if a < b {
				options = append(options, [2]int{-1, 0}, [2]int{0, 1})
			}
			for grown := true; grown; {
				grown = false
				for _, o := range options {
					c := [2]int{a + o[0], b + o[1]}
					if c[0] < 0 || c[1] >= len(g.cols) || c[0] < a && !canSpan(i, a, c[0]) || c[1] > b && !canSpan(i, a, c[1]) || !g.centred(s.center(), c[0], c[1]) {
						continue
					}
					for k := c[0]; k <= c[1]; k++ {
						owner[i][k] = owner[i][a]
					}
					a, b, grown = c[0], c[1], true
					break
				}
			}
			h.spans[p] = [2]int{a, b}
		}
		row := make([]extract.Cell, len(g.cols)+1)
		for c := range row {
			row[c] = extract.Cell{Header: true, Pos: extract.Pos{Page: pl.page.number}}
		}
		if len(h.label) > 0 {
			row[0].Text = joinSegs(h.label)
			row[0].Pos = pl.pos(k, h.label[0].x0)
		}
		for p, s := range h.over {
			a, b := h.spans[p][0], h.spans[p][1]
			for c := a; c <= b; c++ {
				cell := &row[c+1]
				if cell.Text != "" && !cell.Spanned {
					cell.Text += " " + s.text
					continue
				}
				*cell = extract.Cell{Text: s.text, Header: true, Spanned: c != a, Pos: pl.pos(k, s.x0)}
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func center(r [2]float64) float64 { return (r[0] + r[1]) / 2 }

// centred reports whether x lies in the middle of columns a to b, within a
// quarter of the column pitch. Cells are not drawn, so both the cell
// regions and the extents of the numbers are tried as column centres.
func (g *grid) centred(x float64, a, b int) bool {
	near := func(l, r float64) bool { return math.Abs(x-(l+r)/2) <= 0.25*(r-l)/float64(b-a) }
	return near(center(g.regions[a]), center(g.regions[b])) || near(g.cols[a].center(), g.cols[b].center())
}

// columnRegions returns the horizontal stretch each column's cells take.
// A column of right-aligned numbers ends at their right edge and starts
// where its left neighbour ends; a text column starts at its left edge.
// The first column is assumed as wide as the distance to the second.
func columnRegions(cols []column, labelEnd float64) [][2]float64 {
	r := make([][2]float64, len(cols))
	lo := min(labelEnd, cols[0].x0)
	if c := cols[0]; len(cols) > 1 && c.numeric {
		lo = min(c.x0, max(lo, c.x1-(cols[1].x1-c.x1)))
	}
	for i, c := range cols {
		hi := c.x1
		if i+1 < len(cols) {
			if next := cols[i+1]; !c.numeric || !next.numeric {
				hi = max(c.x1, (c.x1+next.x0)/2)
			}
		}
		r[i] = [2]float64{lo, hi}
		lo = hi
	}
	return r
}

// placeHeader gives each header phrase the columns it labels, as [a, b]:
// all columns whose numbers it covers when there are several, else the
// column whose region holds its centre, or both columns when it is centred
// over their boundary.
func placeHeader(over []seg, cols []column, regions [][2]float64, size float64) [][2]int {
	spans := make([][2]int, len(over))
	tol := 0.3 * size
	for i, s := range over {
		a, b := -1, -1
		for c, col := range cols {
			if cc := col.center(); cc >= s.x0-tol && cc <= s.x1+tol {
				if a < 0 {
					a = c
				}
				b = c
			}
		}
		if a < 0 || a == b {
			a = regionOf(regions, s.center())
			b = a
			if a+1 < len(cols) {
				pitch := center(regions[a+1]) - center(regions[a])
				if math.Abs(s.center()-regions[a][1]) < 0.15*pitch && math.Abs(s.center()-(center(regions[a])+center(regions[a+1]))/2) < 0.15*pitch {
					b = a + 1
				}
			}
			if a > 0 && b == a {
				pitch := center(regions[a]) - center(regions[a-1])
				if math.Abs(s.center()-regions[a][0]) < 0.15*pitch && math.Abs(s.center()-(center(regions[a-1])+center(regions[a]))/2) < 0.15*pitch {
					a = a - 1
				}
			}
		}
		spans[i] = [2]int{a, b}
	}
	return spans
}

// regionOf returns the column whose region holds x, or the nearest.
func regionOf(regions [][2]float64, x float64) int {
	best, dist := 0, math.Inf(1)
	for i, r := range regions {
		if x >= r[0] && x <= r[1] {
			return i
		}
		if d := math.Min(math.Abs(x-r[0]), math.Abs(x-r[1])); d < dist {
			best, dist = i, d
		}
	}
	return best
}

// splitHeader splits a header phrase that runs over several columns into
// one phrase per column when its words sit over different columns and are
// more than a space apart ("Begroting Begroting" printed with a narrow
// gap; not "na wijziging 2023" centred over three columns).
func splitHeader(s seg, cols []column) []seg {
	if len(s.words) < 2 {
		return []seg{s}
	}
	var out []seg
	start := 0
	prevCol := wordColumn(cols, s.words[0])
	for i := 1; i <= len(s.words); i++ {
		if i < len(s.words) {
			c := wordColumn(cols, s.words[i])
			if c == prevCol || c < 0 || prevCol < 0 || s.words[i].x0-s.words[i-1].x1 < 0.45*s.words[i].size {
				continue
			}
			prevCol = c
		}
		out = append(out, newSeg(s.words[start:i]))
		start = i
	}
	return out
}

// wordColumn returns the column whose extent contains the word, or -1.
func wordColumn(cols []column, w word) int {
	c := (w.x0 + w.x1) / 2
	for i, col := range cols {
		if c >= col.x0 && c <= col.x1 {
			return i
		}
	}
	return -1
}

func nearestColumn(cols []column, s seg) int {
	best, dist := 0, math.Inf(1)
	for c, col := range cols {
		d := math.Max(0, math.Max(col.x0-s.x1, s.x0-col.x1))
		if d == 0 {
			d = -1 / (1 + math.Abs(col.center()-s.center()))
		}
		if d < dist {
			best, dist = c, d
		}
	}
	return best
}

func joinSegs(ss []seg) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.text
	}
	return strings.Join(parts, " ")
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
				prefix = prefix || len(pl.cellsOf(k)) >= 2
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
	return max(tightPitch, 1.1*ps[len(ps)/2])
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
	return n >= 2
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
