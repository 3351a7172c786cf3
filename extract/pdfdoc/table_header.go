package pdfdoc

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

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
			limit = min(captionGapMax, captionLeading*pl.leading/max(l.size, 1))
		case vocab.StartsCaption(l.text()):
			limit = titleGapMax
		}
		if pl.used[k] || pl.cand[k] || pl.pitch(k, k+1) > limit || len(l.words) > captionWords || l.size >= headingRatio*pl.body {
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

// headerLike reports whether line k labels the columns: it has a phrase
// over the columns that is not a unit label, and no prose (a long phrase
// over the columns, or the end of a sentence).
func (pl *pageLayout) headerLike(k int) bool {
	l, g := &pl.lines[k], pl.g
	if l.size >= headingRatio*pl.body || vocab.StartsCaption(l.text()) {
		return false
	}
	over, end := false, pl.columnsEnd(k)
	for _, s := range pl.segs[k] {
		if len(s.words) > headerWords && s.x1 > g.regions[0][0]+labelOverrun*pl.em && !pl.titleCell(s) || endsSentence(s.text) {
			return false
		}
		// A label in lower case is the rest of a row from the page before;
		// a word right of all labels heads a column of a sparse grid.
		if !s.unit && s.x1 <= g.regions[0][0] && s.x0 < g.labelEnd && startsLower(s.text) {
			return false
		}
		if !s.unit && s.x0 > g.labelX0+pl.em && s.x1 > g.regions[0][0] && s.x0 < end+pl.em {
			over = true
		}
	}
	return over
}

// titleCell reports whether segment s is a table's title with its unit
// label in the label column ("Totale bijdrage per deelnemer (x € 1.000)"):
// long, but ending before the first value column, unlike prose.
func (pl *pageLayout) titleCell(s seg) bool {
	return s.unit && s.x1 < pl.g.cols[0].x0
}

// columnsEnd returns the right end of the columns under line k: that of the
// value columns, or of the row of years right below line k when it reaches
// further (year columns that hold no value yet in a sparse table).
func (pl *pageLayout) columnsEnd(k int) float64 {
	end := pl.g.cols[len(pl.g.cols)-1].x1
	if k+1 < len(pl.lines) && pl.year[k+1] {
		end = max(end, pl.lines[k+1].x1)
	}
	return end
}

func (pl *pageLayout) captionLike(k int) bool {
	text := pl.lines[k].text()
	return vocab.StartsCaption(text) || vocab.MentionsUnit(text)
}

// headerRows builds one header row per line from top to bodyStart-1. Text
// at the label margin goes to the first cell, as do unit labels and sign
// legends. Other phrases go to the column whose region holds their centre,
// or to all columns whose numbers they cover. A phrase centred over
// neighbours that a lower header line tells apart, and that the lines above
// group with it, spans them too ("Begroting" over "baten lasten saldo"); it
// is copied into each column, with Spanned set on the copies.
func (pl *pageLayout) headerRows(top, bodyStart int) [][]extract.Cell {
	h := pl.placeHeaders(top, bodyStart)
	rows := make([][]extract.Cell, 0, len(h.lines))
	for i := range h.lines {
		h.grow(i, pl.g, pl.em)
		if top+i+1 < bodyStart && pl.year[top+i+1] {
			h.spanYears(i, pl.g)
		}
		rows = append(rows, pl.headerRow(top+i, &h.lines[i]))
	}
	return rows
}

// headerLine is one line of a table header.
type headerLine struct {
	label []seg    // text at the label margin, unit labels and legends
	over  []seg    // phrases over the columns…
	spans [][2]int // … and the columns each labels
}

// header is the lines of a table header and, per line and column, the
// phrase that labels the column (an id unique in the header, -1 if none).
type header struct {
	lines []headerLine
	owner [][]int
}

// placeHeaders splits header lines top..bodyStart-1 into label text and
// phrases over the columns, and gives each phrase the columns it covers.
func (pl *pageLayout) placeHeaders(top, bodyStart int) *header {
	g := pl.g
	h := &header{lines: make([]headerLine, bodyStart-top), owner: make([][]int, bodyStart-top)}
	id := 0
	for i := range h.lines {
		hl := &h.lines[i]
		h.owner[i] = make([]int, len(g.cols))
		for c := range h.owner[i] {
			h.owner[i][c] = -1
		}
		for _, s := range pl.segs[top+i] {
			// A phrase ending before a first text column (left-aligned,
			// as its heading) heads the labels.
			if s.unit || s.x0 <= g.labelX0+pl.em || s.x1 <= g.regions[0][0] || !g.cols[0].numeric && s.x1 < g.cols[0].x0 {
				hl.label = append(hl.label, s)
			} else {
				hl.over = append(hl.over, splitHeader(s, g.cols, top+i == bodyStart-1, func(w word) int { return h.under(i, w) })...)
			}
		}
		hl.spans = placeHeader(hl.over, g.cols, g.regions, pl.em)
		for _, sp := range hl.spans {
			for c := sp[0]; c <= sp[1]; c++ {
				h.owner[i][c] = id
			}
			id++
		}
	}
	for i := range h.lines {
		if h.legend(i) {
			hl := &h.lines[i]
			hl.label, hl.over, hl.spans = append(hl.label, hl.over...), nil, nil
			for c := range h.owner[i] {
				h.owner[i][c] = -1
			}
		}
	}
	return h
}

// legend reports whether header line i is a legend ("Begrotingsjaar T"
// and the year it stands for): words at the margin besides a unit label,
// and one bare year over some of the columns, while a line below heads
// every column on its own. The year is the label's value, not a heading.
func (h *header) legend(i int) bool {
	hl := &h.lines[i]
	if len(hl.over) != 1 || !hl.over[0].year || !wordsBesideUnit(joinSegs(hl.label)) {
		return false
	}
	cols := len(h.owner[i])
	if hl.spans[0][1]-hl.spans[0][0]+1 == cols {
		return false
	}
	for j := i + 1; j < len(h.lines); j++ {
		if !slices.Contains(h.owner[j], -1) && len(h.lines[j].spans) == cols {
			return true
		}
	}
	return false
}

// canSpan reports whether the phrase of line i over column a may also
// label column c: a lower line labels c, and every line above groups c
// with a the same way.
func (h *header) canSpan(i, a, c int) bool {
	if h.owner[i][c] >= 0 {
		return false
	}
	for j := 0; j < i; j++ {
		if h.owner[j][c] != h.owner[j][a] {
			return false
		}
	}
	for j := i + 1; j < len(h.lines); j++ {
		if h.owner[j][c] >= 0 {
			return true
		}
	}
	return false
}

// grow widens the span of each phrase of line i over the neighbouring
// columns it may span and is centred over. A phrase over one column grows
// symmetrically; a year placed over one column but not over its cells,
// and a phrase that covers several, may grow on one side ("2023" centred
// over "Begroting Realisatie", placed over the right one, whose region
// right-aligned numbers stretch leftwards; "na wijziging 2023" over
// "baten lasten" and, by its centre, "saldo").
func (h *header) grow(i int, g *grid, em float64) {
	hl := &h.lines[i]
	for p, s := range hl.over {
		a, b := hl.spans[p][0], hl.spans[p][1]
		if a == b && h.wrapsOver(i, s, a, em) {
			continue
		}
		options := [][2]int{{-1, 1}}
		if x := s.center(); a < b || s.year && (x < g.cols[a].x0 || x > g.cols[a].x1) {
			options = append(options, [2]int{-1, 0}, [2]int{0, 1})
		}
		for grown := true; grown; {
			grown = false
			for _, o := range options {
				c := [2]int{a + o[0], b + o[1]}
				if !h.mayGrow(i, a, b, c, g, s.center()) {
					continue
				}
				for k := c[0]; k <= c[1]; k++ {
					h.owner[i][k] = h.owner[i][a]
				}
				a, b, grown = c[0], c[1], true
				break
			}
		}
		hl.spans[p] = [2]int{a, b}
	}
}

// wrapsOver reports whether phrase s of line i, over column a alone, is
// the first line of a heading that goes on in the line below: a phrase
// there over column a alone starts and ends where s does ("Voorgestelde"
// over "bestemming"), between headings of the neighbouring columns; years
// head groups of columns ("2023" over "baten lasten saldo") and are left
// to grow. It heads that column, not the neighbours it is centred over.
func (h *header) wrapsOver(i int, s seg, a int, em float64) bool {
	if i+1 >= len(h.lines) || s.year {
		return false
	}
	below, owner := &h.lines[i+1], h.owner[i+1]
	for _, c := range []int{a - 1, a + 1} {
		if c >= 0 && c < len(owner) && owner[c] < 0 {
			return false // the line below leaves a neighbour free: s may span it
		}
	}
	for q, t := range below.over {
		if below.spans[q] == [2]int{a, a} && !t.year && math.Abs(s.x0-t.x0) <= alignSlack*em && math.Abs(s.x1-t.x1) <= alignSlack*em {
			return true
		}
	}
	return false
}

// spanYears widens the lone phrase of line i, grown over several columns,
// to all columns when line i stands right above a row of years that
// labels each column, the phrase is narrower than a column and it stands
// roughly in the middle of all columns ("boekjaar (T)" printed a little
// off the centre of four year columns): a heading over the years.
func (h *header) spanYears(i int, g *grid) {
	hl := &h.lines[i]
	n := len(g.cols)
	if len(hl.over) != 1 || n < 2 {
		return
	}
	s, a, b := hl.over[0], hl.spans[0][0], hl.spans[0][1]
	pitch := (g.cols[n-1].center() - g.cols[0].center()) / float64(n-1)
	if a == b || s.x1-s.x0 >= pitch || math.Abs(s.center()-(g.cols[0].center()+g.cols[n-1].center())/2) > groupCentredShare*pitch {
		return
	}
	for k := range n {
		if (k < a || k > b) && !h.canSpan(i, a, k) {
			return
		}
	}
	for k := range n {
		h.owner[i][k] = h.owner[i][a]
	}
	hl.spans[0] = [2]int{0, n - 1}
}

// mayGrow reports whether the phrase of line i centred at x over columns
// a..b may label columns c instead.
func (h *header) mayGrow(i, a, b int, c [2]int, g *grid, x float64) bool {
	if c[0] < 0 || c[1] >= len(g.cols) {
		return false
	}
	if c[0] < a && !h.canSpan(i, a, c[0]) || c[1] > b && !h.canSpan(i, a, c[1]) {
		return false
	}
	return g.centred(x, c[0], c[1])
}

// headerRow builds the cells of header line k: the label text in the first
// cell, each phrase in the columns it spans, Spanned on its copies.
func (pl *pageLayout) headerRow(k int, hl *headerLine) []extract.Cell {
	row := make([]extract.Cell, len(pl.g.cols)+1)
	for c := range row {
		row[c] = extract.Cell{Header: true, Pos: extract.Pos{Page: pl.page.number}}
	}
	if len(hl.label) > 0 {
		row[0].Text = joinSegs(hl.label)
		row[0].Pos = pl.pos(k, hl.label[0].x0)
		pl.markOCR(&row[0], hl.label)
	}
	for p, s := range hl.over {
		a, b := hl.spans[p][0], hl.spans[p][1]
		for c := a; c <= b; c++ {
			cell := &row[c+1]
			if cell.Text != "" && !cell.Spanned {
				cell.Text += " " + s.text
				pl.markOCR(cell, []seg{s})
				continue
			}
			*cell = extract.Cell{Text: s.text, Header: true, Spanned: c != a, Pos: pl.pos(k, s.x0)}
			pl.markOCR(cell, []seg{s})
		}
	}
	return row
}

// placeHeader gives each header phrase the columns it labels, as [a, b]:
// all columns whose numbers it covers when there are several, else the
// column whose region holds its centre, or both columns when it is centred
// over their boundary.
func placeHeader(over []seg, cols []column, regions [][2]float64, size float64) [][2]int {
	spans := make([][2]int, len(over))
	tol := headerCover * size
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
				if math.Abs(s.center()-regions[a][1]) < boundaryShare*pitch && math.Abs(s.center()-(center(regions[a])+center(regions[a+1]))/2) < boundaryShare*pitch {
					b = a + 1
				}
			}
			if a > 0 && b == a {
				pitch := center(regions[a]) - center(regions[a-1])
				if math.Abs(s.center()-regions[a][0]) < boundaryShare*pitch && math.Abs(s.center()-(center(regions[a-1])+center(regions[a]))/2) < boundaryShare*pitch {
					a = a - 1
				}
			}
		}
		spans[i] = [2]int{a, b}
	}
	return spans
}

// under returns the column that the phrase of header line i-1 right
// above word w heads alone, or -1: in a heading stacked over several
// lines, each word stands under the words of its own column ("bekende"
// under "Laatst", "vergelijkingscijfer" under "Landelijk").
func (h *header) under(i int, w word) int {
	if i == 0 {
		return -1
	}
	above := &h.lines[i-1]
	for p, s := range above.over {
		if sp := above.spans[p]; sp[0] == sp[1] && s.x0 < w.x1 && w.x0 < s.x1 {
			return sp[0]
		}
	}
	return -1
}

// splitHeader splits a header phrase that runs over several columns into
// one phrase per column when its words sit over different columns and are
// more than a space apart ("Begroting Begroting" printed with a narrow
// gap; not "na wijziging 2023" centred over three columns). However close
// the words, it splits them on the lowest header line (lowest: no line
// below heads the columns one by one, "Neutraal Risicovol"), and where
// they stand under the phrases of different columns on the line above
// (under).
func splitHeader(s seg, cols []column, lowest bool, under func(word) int) []seg {
	if len(s.words) < 2 {
		return []seg{s}
	}
	var out []seg
	start := 0
	prevCol, prevUnder := wordColumn(cols, s.words[0]), under(s.words[0])
	for i := 1; i <= len(s.words); i++ {
		if i < len(s.words) {
			w := s.words[i]
			c, u := wordColumn(cols, w), under(w)
			over := c != prevCol && c >= 0 && prevCol >= 0
			stacked := u != prevUnder && u >= 0 && prevUnder >= 0
			if !stacked && !(over && (lowest || w.x0-s.words[i-1].x1 >= headerWordGap*w.size)) {
				continue
			}
			prevCol, prevUnder = c, u
		}
		out = append(out, newSeg(s.words[start:i]))
		start = i
	}
	return out
}

func joinSegs(ss []seg) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.text
	}
	return strings.Join(parts, " ")
}

// endsSentence reports whether a phrase ends a sentence: a word of running
// text in lower case with a full stop ("gemeenten."), not an abbreviation
// ("Begr.", "t/m", "excl.").
func endsSentence(text string) bool {
	i := strings.LastIndexByte(text, ' ')
	w := text[i+1:]
	body, ok := strings.CutSuffix(w, ".")
	if !ok || utf8.RuneCountInString(body) < sentenceWordLen {
		return false
	}
	for _, r := range body {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// wordsBesideUnit reports whether text holds a word besides its unit
// label and sign legend ("Begrotingsjaar T Bedragen x € 1.000", not
// "(bedragen x € 1.000)").
func wordsBesideUnit(text string) bool {
	if u, ok := vocab.FindUnit(text); ok {
		text = text[:u.Lead] + text[u.End:]
	}
	return strings.IndexFunc(vocab.SignLegend.ReplaceAllString(text, ""), unicode.IsLetter) >= 0
}
