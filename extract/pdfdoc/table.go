package pdfdoc

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

var indexNumber = regexp.MustCompile(`^\d{1,3}\.?$`)

// pageLayout is one page's lines with their segments.
type pageLayout struct {
	ctx     context.Context
	page    *pageText
	lines   []line
	segs    [][]seg
	cand    []bool // a table row: a label and numbers, or several numbers
	year    []bool // a candidate whose numbers are all bare years: a header row
	lone    []bool // a candidate of one value centred on its label (centredValue)
	used    []bool // consumed by a table
	body    float64
	leading float64      // baseline distance of body text in paragraphs
	em      float64      // font size of the table being built
	g       *grid        // geometry of the table being built
	prev    *tableRegion // the table that ended the previous page, if any
}

func newPageLayout(ctx context.Context, p *pageText, body, leading float64) *pageLayout {
	pl := &pageLayout{ctx: ctx, page: p, lines: joinOffsetValues(p.lines), body: body, leading: leading}
	n := len(pl.lines)
	pl.segs = make([][]seg, n)
	pl.cand = make([]bool, n)
	pl.year = make([]bool, n)
	pl.used = make([]bool, n)
	pl.lone = make([]bool, n)
	one := make([]bool, n) // a line of one number
	few := make([]bool, n) // … or of at most minNumbers
	for i := range pl.lines {
		s := segments(&pl.lines[i])
		measuredRow(s)
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
		pl.cand[i] = nums > 0 && (!s[0].numeric || nums >= minNumbers)
		pl.year[i] = pl.cand[i] && years > 0 && values == 0
		few[i] = nums <= minNumbers
		one[i] = nums < minNumbers
	}
	for i := range pl.lines {
		if pl.cand[i] && (one[i] && pl.inParagraph(i) || few[i] && runningText(pl.segs[i][0])) {
			pl.cand[i], pl.year[i] = false, false
		}
	}
	for i := range pl.lines {
		pl.lone[i] = !pl.cand[i] && pl.centredValue(i)
	}
	for i, lone := range pl.lone {
		pl.cand[i] = pl.cand[i] || lone
	}
	return pl
}

// proseRun reports whether a line of segments s holds a run of words
// longer than any cell phrase: a line of running text.
func proseRun(s []seg) bool {
	for _, c := range s {
		if !c.numeric && len(c.words) >= proseRunWords {
			return true
		}
	}
	return false
}

// runningText reports whether a label segment is a line of a sentence: a
// full stop after a lower-case word before a capital ("jaren. Ondanks"), or
// a comma after one in a run of words longer than any cell phrase ("tiek,
// maakt dat er meer scholen …"). Beside a number or two (the labels of a
// chart next to a paragraph) it is no table row. Labels put a full stop
// only in abbreviations ("t.b.v.", "etc."), a comma in short enumerations
// ("Financieel systeem, Burgerzaken, BAG etc.").
func runningText(s seg) bool {
	if s.numeric || len(s.words) < proseWords {
		return false
	}
	for i, w := range s.words[:len(s.words)-1] {
		body, mark := w.text[:len(w.text)-1], w.text[len(w.text)-1]
		if body == "" || strings.IndexFunc(body, func(r rune) bool { return !unicode.IsLower(r) }) >= 0 {
			continue
		}
		next, _ := firstRune(s.words[i+1].text)
		if mark == '.' && len(body) >= sentenceStopLen && unicode.IsUpper(next) || mark == ',' && len(s.words) >= proseRunWords {
			return true
		}
	}
	return false
}

// inParagraph reports whether line i goes on a line of running text
// (proseRun, no number) tight above or below it, at the same left margin.
// A line of a single number there (a percentage of a chart or a figure in
// the next text column, beside a paragraph) is prose, never a table row.
func (pl *pageLayout) inParagraph(i int) bool {
	l := &pl.lines[i]
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(pl.lines) {
			continue
		}
		o := &pl.lines[k]
		numbers := slices.ContainsFunc(pl.segs[k], func(s seg) bool { return s.numeric })
		if !numbers && proseRun(pl.segs[k]) && math.Abs(o.x0-l.x0) <= alignSlack*l.size && pl.pitch(min(i, k), max(i, k)) <= tightPitch {
			return true
		}
	}
	return false
}

// centredValue reports whether line i is a single value with text lines
// less than a line above and below it, both ending left of it: the value of
// a row whose wrapped label is centred on it ("Dekking Reserve Uitvoering
// Sociaal" / 200 / "Domein"). A lone number is otherwise no row (a page or
// list number).
func (pl *pageLayout) centredValue(i int) bool {
	s := pl.segs[i]
	if len(s) != 1 || !s[0].numeric || s[0].year || i == 0 || i+1 >= len(pl.lines) {
		return false
	}
	for _, k := range []int{i - 1, i + 1} {
		if pl.cand[k] || pl.lines[k].x1 >= s[0].x0 || pl.pitch(min(i, k), max(i, k)) >= interleave {
			return false
		}
	}
	return true
}

// pitch is the baseline distance between lines i and j (i above j),
// relative to the larger font size; infinite when j lies higher (the top of
// the next text column): the two are never in one table.
func (pl *pageLayout) pitch(i, j int) float64 {
	a, b := &pl.lines[i], &pl.lines[j]
	if b.y > a.y {
		return math.Inf(1)
	}
	return (a.y - b.y) / max(a.size, b.size, 1)
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
		if done(pl.ctx) {
			panic(abort{pl.ctx.Err()})
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
	var pitches []float64 // the row pitches of the run so far
	// gapOK reports whether line k is close enough to the line above: a
	// wider gap is one the rows keep, the pitch of the next line or one the
	// run has used already (a table split into blocks by the layout, its
	// total row set apart as far as its first row), or, below a body row,
	// twice such a pitch (a row left blank) when its numbers line up.
	// misaligned counts the numbers of line k that overlap a number above
	// without lining up with it (right edges or centres within an em),
	// and its numbers.
	misaligned := func(k int) (bad, n int) {
		mine := pl.numberSpans(k, nil)
		em := pl.lines[k].size
		for _, a := range mine {
			for _, b := range spans {
				overlap := a[0] <= b[1] && a[1] >= b[0]
				aligned := math.Abs(a[1]-b[1]) <= alignSlack*em || math.Abs(a[0]+a[1]-b[0]-b[1]) <= 2*alignSlack*em
				if overlap && !aligned {
					bad++
					break
				}
			}
		}
		return bad, len(mine)
	}
	gapOK := func(k int) bool {
		p := pl.pitch(k-1, k)
		same := func(q float64) bool { return math.Abs(p-q) <= pitchJitter }
		skips := func(q float64) bool { return math.Abs(p-blankRowPitch*q) <= pitchJitter }
		regular := slices.ContainsFunc(pitches, same) || k+1 < n && same(pl.pitch(k, k+1))
		blank := slices.ContainsFunc(pitches, skips) || k+1 < n && skips(pl.pitch(k, k+1))
		if bad, _ := misaligned(k); bad > 0 || !pl.cand[k] && pl.lines[k].x1 >= numX0 {
			blank = false // a row after a blank one lines up with the rows above, or is a label left of them
		}
		return p <= rowGapMax || p <= rowGapRegular && regular || body && p <= splitGapMax && blank
	}
	// joins reports whether numeric line k continues the run: it is not a
	// new header, and most of its numbers either line up with a number
	// above (right edges or centres within an em) or stand clear of them
	// (a sparse table fills other columns further down).
	joins := func(k int) bool {
		bad, n := misaligned(k)
		return !(body && pl.year[k]) && bad*100 <= n*misalignedPct
	}
	// splitOff reports whether numeric line k, right below the run's last
	// row with nothing between, is a part of the table the layout set
	// apart (a total row under the bottom border): all its numbers line up
	// with the run's.
	splitOff := func(k int) bool {
		bad, n := misaligned(k)
		return k == last+1 && pl.cand[k] && !pl.year[k] && n > 0 && bad == 0 && pl.pitch(k-1, k) <= splitGapMax
	}
	// groupLabel reports whether text line k is a short label left of the
	// numbers, which may have extra space above it.
	groupLabel := func(k int) bool {
		l := &pl.lines[k]
		return !pl.cand[k] && len(l.words) <= groupLabelWords && l.x1 < numX0 && pl.pitch(k-1, k) <= rowGapRegular
	}
	for j := i + 1; j < n; {
		if !gapOK(j) && !groupLabel(j) && !splitOff(j) || pl.used[j] {
			break
		}
		pitches = append(pitches, pl.pitch(j-1, j))
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
		// Text lines between two rows: at most maxInnerText of them, not
		// counting those right of all numbers (a remark column's text,
		// which runs on as long as it needs).
		k, inner := j, 0
		for k < n && inner < maxInnerText && !pl.cand[k] && pl.internal(k, numX0, pl.lines[last].size) && !pl.headerOver(k, spans) && (gapOK(k) || k == j && groupLabel(k)) {
			if !rightOf(&pl.lines[k], spans) {
				inner++
			}
			k++
		}
		if k < n && inner < maxInnerText && pl.cand[k] && gapOK(k) && joins(k) {
			j = k
			continue
		}
		break
	}
	return last
}

// rightOf reports whether line l starts right of all number spans.
func rightOf(l *line, spans [][2]float64) bool {
	return !slices.ContainsFunc(spans, func(sp [2]float64) bool { return l.x0 <= sp[1] })
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
	if vocab.StartsCaption(l.text()) {
		return false
	}
	// A larger line is a heading, unless it is a short group label
	// ("Programma 1 Veiligheid") left of the numbers.
	if l.size >= headingRatio*size && (len(l.words) > groupLabelWords || l.x1 > numX0 || l.size >= headingSure*size) {
		return false
	}
	for _, s := range pl.segs[k] {
		if len(s.words) >= proseWords && s.x0 < numX0-proseEdgePt && s.x1 > numX0+proseEdgePt {
			return false
		}
	}
	return true
}

// headerOver reports whether text line k labels the number columns
// (spans) of the rows above it: phrases over at least minNumbers of them.
// After a body row, that is the repeated header of the next table (each
// programme of an "overzicht baten en lasten" has its own).
func (pl *pageLayout) headerOver(k int, spans [][2]float64) bool {
	n := 0
	for _, s := range pl.segs[k][1:] {
		if slices.ContainsFunc(spans, func(sp [2]float64) bool { return s.x0 <= sp[1] && s.x1 >= sp[0] }) {
			n++
		}
	}
	return n >= minNumbers
}

// numberSpans returns the extents of the number columns.
func (g *grid) numberSpans() [][2]float64 {
	var out [][2]float64
	for _, c := range g.cols {
		if c.numeric {
			out = append(out, [2]float64{c.x0, c.x1})
		}
	}
	return out
}

// build turns lines first..last into a table, adding the header lines and
// caption above and the wrapped label lines below. It reports false when
// the numbers do not line up in columns.
func (pl *pageLayout) build(first, last int) (tableRegion, bool) {
	pl.em = pl.medianSize(first, last)
	bodyStart := pl.firstBodyRow(first, last)
	if bodyStart > last {
		return tableRegion{}, false
	}
	g, ok := pl.grid(bodyStart, last)
	if !ok {
		return tableRegion{}, false
	}
	pl.g = g
	rows := pl.countRows(bodyStart, last, true)
	top := pl.headerTop(first)
	pl.sparseColumns(top, bodyStart, last)
	bodyStart = pl.centredFirstRow(top, bodyStart, last)
	top, bodyStart = pl.rowFromPreviousPage(top, bodyStart)
	bodyStart = pl.labelsAboveBody(top, bodyStart)
	if rows < minRows && top == bodyStart && !pl.continuesPrev(first) || !pl.hasValue(bodyStart, last) {
		return tableRegion{}, false
	}
	capTop, caption := pl.caption(top)
	last = pl.wrappedBelow(bodyStart, last)
	return pl.assemble(capTop, top, bodyStart, last, caption), true
}

// continuesPrev reports whether the rows from line first, at the top of
// the page, go on with the table that ended the previous page: their
// numbers stand in its columns. Then a single row is a table, a part of
// that one ("structurele exploitatieruimte", the last key figure, carried
// over).
func (pl *pageLayout) continuesPrev(first int) bool {
	return pl.prev != nil && first == 0 && sameNumbers(pl.prev.cols, pl.g.cols, pl.em)
}

// hasValue reports whether a body row of lines from..to prints a value,
// not only "no value" markers: a "-" beside prose makes no table.
func (pl *pageLayout) hasValue(from, to int) bool {
	for k := from; k <= to; k++ {
		if pl.cand[k] && slices.ContainsFunc(pl.segs[k], func(s seg) bool { return s.numeric && !s.blank }) {
			return true
		}
	}
	return false
}

// medianSize is the median font size of lines first..last: the size of
// the table's text.
func (pl *pageLayout) medianSize(first, last int) float64 {
	sizes := make([]float64, 0, last-first+1)
	for k := first; k <= last; k++ {
		sizes = append(sizes, pl.lines[k].size)
	}
	slices.Sort(sizes)
	return sizes[len(sizes)/2]
}

// firstBodyRow returns the first numeric line of first..last that is not
// a row of bare years (a header), or last+1.
func (pl *pageLayout) firstBodyRow(first, last int) int {
	k := first
	for k <= last && (!pl.cand[k] || pl.year[k]) {
		k++
	}
	return k
}

// headerTop returns the first header line above line first: the lines
// just above that label the columns, and label-only lines between two of
// them ("Programma 1" beside a three-line column heading). Label-only
// lines just above the first row (group labels, which a report generator
// prints in a block of their own) are looked past to a header above them
// when line first is a body row; labelsAboveBody gives them to the body.
func (pl *pageLayout) headerTop(first int) int {
	top := first
	for k := first - 1; k >= 0 && first-k <= maxHeaderRows; k-- {
		if !pl.mayHead(k) {
			break
		}
		if pl.headerLike(k) || pl.labelBetweenHeaders(k) || pl.unitUnderHeader(k) {
			top = k
			continue
		}
		if top < first || pl.year[first] || first-k > maxInnerText || !pl.labelOnly(k) || !pl.internal(k, pl.g.cols[0].x0, pl.em) {
			break
		}
	}
	return top
}

// mayHead reports whether line k, just above a header line or the first
// row, can still belong to the table: not consumed, not a body row, and
// close enough.
func (pl *pageLayout) mayHead(k int) bool {
	return !pl.used[k] && (!pl.cand[k] || pl.year[k]) && pl.pitch(k, k+1) <= headerGapMax
}

// labelBetweenHeaders reports whether line k, which labels no column, has a
// header line close above it and sits at the label margin in the table's
// size, and ends no sentence (prose is never part of a header).
func (pl *pageLayout) labelBetweenHeaders(k int) bool {
	if k == 0 || pl.used[k-1] || pl.pitch(k-1, k) > labelGapMax || !pl.headerLike(k-1) ||
		slices.ContainsFunc(pl.segs[k], func(s seg) bool { return endsSentence(s.text) }) {
		return false
	}
	return pl.lines[k].x0 <= pl.g.regions[0][0] && pl.lines[k].size <= labelSize*pl.em
}

// unitUnderHeader reports whether line k is a unit label over the columns
// ("€ x 1.000" under "Restant schuld per 1/1/26") with a header line close
// above it: the rest of that column's heading, not a caption.
func (pl *pageLayout) unitUnderHeader(k int) bool {
	if k == 0 || pl.used[k-1] || !pl.unitOnly(k) || pl.lines[k].x0 <= pl.g.labelX0+pl.em || pl.pitch(k-1, k) > labelGapMax {
		return false
	}
	return pl.headerLike(k - 1)
}

// centredFirstRow moves bodyStart up over the text lines tight above a
// vertically centred first row (one with text tight below its numbers as
// well, not the next numbered item): they belong to that row, not to the
// header, unless they are the header's cells (sparseColumns).
func (pl *pageLayout) centredFirstRow(top, bodyStart, last int) int {
	if bodyStart+1 > last || pl.cand[bodyStart+1] || pl.pitch(bodyStart, bodyStart+1) > tightPitch || itemLabel.MatchString(pl.lines[bodyStart+1].words[0].text) {
		return bodyStart
	}
	for bodyStart > top && !pl.year[bodyStart-1] && !(pl.g.cells && pl.headerLike(bodyStart-1)) && pl.pitch(bodyStart-1, bodyStart) <= tightPitch {
		bodyStart--
	}
	return bodyStart
}

// rowFromPreviousPage takes in the lines in lower case just above a table
// without a header: they end a row begun on the previous page.
func (pl *pageLayout) rowFromPreviousPage(top, bodyStart int) (int, int) {
	for top == bodyStart && top > 0 && pl.endsRowAbove(top-1) {
		top--
		bodyStart--
	}
	return top, bodyStart
}

// endsRowAbove reports whether text line k, just above a table, is the
// rest of a row broken by the page end.
func (pl *pageLayout) endsRowAbove(k int) bool {
	return !pl.used[k] && !pl.cand[k] && pl.pitch(k, k+1) <= rowGapMax &&
		startsLower(pl.lines[k].words[0].text) && pl.internal(k, pl.g.cols[0].x0, pl.em)
}

// labelsAboveBody moves bodyStart up over the label-only lines between the
// header and the first row: group labels of the body ("ACTIVA",
// "Programma 0 Bestuur"), and a label printed a little above its numbers
// (another font size or vertical alignment).
func (pl *pageLayout) labelsAboveBody(top, bodyStart int) int {
	for bodyStart > top && pl.labelOnly(bodyStart-1) && !pl.unitOnly(bodyStart-1) && !pl.year[bodyStart-1] {
		bodyStart--
	}
	if bodyStart > top && len(pl.cellsOf(bodyStart)[0]) == 0 && pl.pitch(bodyStart-1, bodyStart) <= tightPitch && pl.labelOnly(bodyStart-1) {
		bodyStart--
	}
	return bodyStart
}

// wrappedBelow returns the last line of the table whose body starts at
// line bodyStart: last, or a wrapped line of cell text tight below it, or
// as far below it as a table at one wide pitch sets its lines
// (atBodyPitch: "gebouwen" under the remark "Groot onderhoud van"). A
// label line below the last row's values also goes with them when a label
// line of theirs stands as far above them: the label is centred on them.
func (pl *pageLayout) wrappedBelow(bodyStart, last int) int {
	centred := last > bodyStart && !pl.cand[last-1] && pl.labelOnly(last-1) && pl.pitch(last-1, last) <= tightPitch
	for k := last + 1; k < len(pl.lines) && k-last <= maxWrapBelow; k++ {
		bounds := pl.boundsOnly(k)
		if pl.cand[k] || pl.pitch(k-1, k) > tightPitch && !pl.atBodyPitch(bodyStart, last, k) || !pl.internal(k, pl.g.cols[0].x0, pl.em) || !bounds && pl.headerOver(k, pl.g.numberSpans()) {
			break
		}
		mirrors := centred && k == last+1 && pl.labelOnly(k) && !pl.unitOnly(k) && math.Abs(pl.pitch(last, k)-pl.pitch(last-1, last)) <= leadJitter
		if !mirrors && !bounds && !pl.wrapsInto(k-1, k) && !pl.textColumnsOnly(k) {
			break
		}
		last = k
	}
	return last
}

// atBodyPitch reports whether line k, below the last row (line last) of
// the body that starts at line bodyStart, wraps the cells of the line
// above it (wrapsBelow) no further below it than the body sets two of its
// own lines apart: a table at one wide pitch, not a note after a gap nor
// a unit label below it ("x € 1.000").
func (pl *pageLayout) atBodyPitch(bodyStart, last, k int) bool {
	widest := 0.0
	for j := bodyStart; j < last; j++ {
		widest = max(widest, pl.pitch(j, j+1))
	}
	return pl.pitch(k-1, k) <= widest+leadJitter && !pl.unitOnly(k) && pl.wrapsBelow(k-1, k)
}

// boundsOnly reports whether line k holds nothing but norm bounds in the
// value columns ("<100  >120"): the rest of the bands of the row above.
func (pl *pageLayout) boundsOnly(k int) bool {
	for _, s := range pl.segs[k] {
		if pl.g.isLabel(&s) || !vocab.IsBand(s.text) {
			return false
		}
	}
	return len(pl.segs[k]) > 0
}

// assemble builds the table of lines capTop..last, with header lines
// top..bodyStart-1, and marks the lines used.
func (pl *pageLayout) assemble(capTop, top, bodyStart, last int, caption string) tableRegion {
	t := &extract.Table{Caption: caption}
	headers := pl.headerRows(top, bodyStart)
	t.Rows = append(headers, pl.bodyRows(bodyStart, last)...)
	if t.Caption == "" && len(headers) > 0 && vocab.StartsCaption(headers[0][0].Text) {
		t.Caption = headers[0][0].Text
	}
	for k := capTop; k <= last; k++ {
		pl.used[k] = true
	}
	t.Pos = pl.pos(capTop, pl.lines[capTop].x0)
	return tableRegion{first: capTop, last: last, table: t, cols: pl.g.cols, headers: len(headers)}
}

// countRows counts the rows of lines from..to, without those of a lone
// value when lone is false.
func (pl *pageLayout) countRows(from, to int, lone bool) int {
	n := 0
	for i := from; i <= to; i++ {
		if pl.cand[i] && (lone || !pl.lone[i]) {
			n++
		}
	}
	return n
}

// pos is the position of line k at x.
func (pl *pageLayout) pos(k int, x float64) extract.Pos {
	l := &pl.lines[k]
	return extract.Pos{Page: pl.page.number, X: round2(x), Y: round2(pl.page.height - l.y - ascent*l.size)}
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
