package pdfdoc

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

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
	cells      bool         // the columns are a header's cells (sparseColumns)
}

// wrapAt is where row labels wrap: the right edge of the widest label, or,
// when the header's cells are known, the left edge of the first cell.
func (g *grid) wrapAt() float64 {
	if g.cells {
		return g.regions[0][0]
	}
	return g.labelEnd
}

// isLabel reports whether a segment belongs to the row label.
func (g *grid) isLabel(s *seg) bool {
	return s.x1 <= g.labelRight || s.center() < g.labelRight
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
	// Most numbers must share their column with a number of another row,
	// when there are rows of several values to share it; a line of year
	// notes under the values ("(2023)") is no row of its own.
	if pl.countRows(from, to, false)-pl.noteLines(from, to) >= minRows {
		shared := 0
		for _, it := range nums {
			if c := columnOf(cols, it.x0, it.x1); c >= 0 && rows[c] > 1 {
				shared++
			}
		}
		if shared*100 < len(nums)*sharedColumnPct {
			return nil, false
		}
	}
	pl.splitAtTextEdges(from, to)
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
		if lines[i] < minRows && textCols[i].x1 < cols[0].x0 {
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
	pl.setColumns(g, g.cols, from, to)
	return g, true
}

// noteLines counts the numeric lines of from..to whose numbers are all
// year notes ("inwoner (2023)"): notes of the values above them.
func (pl *pageLayout) noteLines(from, to int) int {
	n := 0
	for i := from; i <= to; i++ {
		if pl.cand[i] && !pl.lone[i] && !slices.ContainsFunc(pl.segs[i], func(s seg) bool { return s.numeric && !isParenYear(s.text) }) {
			n++
		}
	}
	return n
}

// splitAtTextEdges splits the text segments of lines from..to, left of
// the numbers (row numbers at the line starts aside), before a word that
// starts where a segment starts on at least minRows other lines, the
// header lines just above counting as one: the left edge of a text column
// whose cells the column before runs into with less than a space between
// them ("Vestigingen (van bedrijven)" then "Aantal per 1.000 inwoners"
// under "Eenheid", "leerlingen" then "DUO" under "Bron"). The word is
// text, not a value: a phrase or a unit sign ("%" under "Eenheid").
func (pl *pageLayout) splitAtTextEdges(from, to int) {
	slack := columnSlack * pl.em
	numX0 := math.Inf(1)
	for k := from; k <= to; k++ {
		numX0 = pl.numericX0(k, numX0)
	}
	starts := func(o int, x float64) bool {
		return slices.ContainsFunc(pl.segs[o], func(s seg) bool { return !s.numeric && math.Abs(s.x0-x) <= slack })
	}
	head := from
	for head > 0 && from-head < maxHeaderRows && pl.mayHead(head-1) {
		head--
	}
	edge := func(k int, x float64) bool {
		n := 0
		for o := head; o < from; o++ {
			if starts(o, x) {
				n++ // the header, however many lines, is one
				break
			}
		}
		for o := from; o <= to; o++ {
			if o != k && starts(o, x) {
				n++
			}
		}
		return n >= minRows
	}
	for k := from; k <= to; k++ {
		var out []seg
		for _, s := range pl.segs[k] {
			start := 0
			for i := 1; i < len(s.words) && !s.numeric; i++ {
				if w := s.words[i]; w.x0 < numX0 && hasLetter(s.words[start:i]) && !isNumberWord(w.text) && edge(k, w.x0) {
					out = append(out, newSeg(s.words[start:i]))
					start = i
				}
			}
			if start == 0 {
				out = append(out, s)
				continue
			}
			out = append(out, newSeg(s.words[start:]))
		}
		pl.segs[k] = out
	}
}

// hasLetter reports whether a word of ws holds a letter: a phrase, not a
// row number or a value.
func hasLetter(ws []word) bool {
	return slices.ContainsFunc(ws, func(w word) bool { return strings.IndexFunc(w.text, unicode.IsLetter) >= 0 })
}

// setColumns gives g the columns cols and derives the row label's extent
// (from the body lines from..to) and the column regions from them.
func (pl *pageLayout) setColumns(g *grid, cols []column, from, to int) {
	g.cols = cols
	g.labelRight = cols[0].x0 - columnSlack*pl.em
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
	g.regions = columnRegions(cols, g.labelEnd)
}

// sparseColumns gives a table of number columns only the columns of its
// lowest header line (of top..bodyStart-1) when that line heads more
// columns than the body fills and each number column lies under a heading
// of its own: a report generator's sparse grid ("lasten baten" under each
// year, most cells empty), where only a value's x position, not its order
// in the row, tells its column. The body is lines bodyStart..last.
func (pl *pageLayout) sparseColumns(top, bodyStart, last int) {
	g := pl.g
	k := bodyStart - 1
	for k >= top && !pl.headerLike(k) {
		k--
	}
	if k < top || slices.ContainsFunc(g.cols, func(c column) bool { return !c.numeric }) {
		return
	}
	var cols []column
	var mids []float64 // the headings' centres
	for _, s := range pl.segs[k] {
		if !s.unit && s.x0 > g.labelEnd {
			cols = append(cols, column{x0: s.x0, x1: s.x1, numeric: true})
			mids = append(mids, s.center())
		}
	}
	if len(cols) <= len(g.cols) {
		return
	}
	taken := make([]bool, len(cols))
	for _, c := range g.cols {
		h := mostOverlap(cols, c)
		if h < 0 || taken[h] {
			return
		}
		taken[h] = true
		cols[h].x0, cols[h].x1 = min(cols[h].x0, c.x0), max(cols[h].x1, c.x1)
	}
	for i := 1; i < len(cols); i++ {
		if cols[i].x0 <= cols[i-1].x1 {
			return // a number reaches under the next heading
		}
	}
	pl.setColumns(g, cols, bodyStart, last)
	// The generator centres each heading in its cell: the cells meet
	// midway between the headings, the outer ones as wide as their
	// neighbours.
	g.cells = true
	lo := mids[0] - (mids[1]-mids[0])/2
	for i := range g.regions {
		hi := g.regions[i][1]
		if i+1 < len(mids) {
			hi = (mids[i] + mids[i+1]) / 2
		}
		g.regions[i] = [2]float64{lo, hi}
		lo = hi
	}
}

// mostOverlap returns the column of cols that c overlaps most, or -1.
func mostOverlap(cols []column, c column) int {
	best, most := -1, 0.0
	for i, h := range cols {
		if o := min(c.x1, h.x1) - max(c.x0, h.x0); o > most {
			best, most = i, o
		}
	}
	return best
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

func center(r [2]float64) float64 { return (r[0] + r[1]) / 2 }

// centred reports whether x lies in the middle of columns a to b, within a
// quarter of the column pitch. Cells are not drawn, so both the cell
// regions and the extents of the numbers are tried as column centres.
func (g *grid) centred(x float64, a, b int) bool {
	near := func(l, r float64) bool { return math.Abs(x-(l+r)/2) <= centredShare*(r-l)/float64(b-a) }
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
