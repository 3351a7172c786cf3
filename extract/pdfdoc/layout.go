package pdfdoc

import (
	"context"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

var (
	bullet     = regexp.MustCompile(`^([•·▪■●◦○‣∙\x{F0B7}\x{F0A7}-]|–|o)$`)
	itemNumber = regexp.MustCompile(`^(\d{1,2}|[a-z])[.)]$`)
	digits     = regexp.MustCompile(`\d+`)
)

// layout turns the lines of all pages into blocks in reading order. It
// sets *at to the number of the page it is working on, and stops with an
// abort panic when ctx is done.
func layout(ctx context.Context, pages []*pageText, at *int) []extract.Block {
	body, leading := bodyMetrics(pages)
	removeFurniture(pages)
	for _, p := range pages {
		p.lines = readColumns(p.lines, body)
	}
	carryHeaders(pages)
	b := &blockBuilder{ctx: ctx, body: body, leading: leading}
	for _, p := range pages {
		*at = p.number
		b.page(p)
	}
	b.levels()
	return b.blocks
}

// bodyMetrics returns the most common font size, weighted by text length,
// and the most common baseline distance between lines of that size.
func bodyMetrics(pages []*pageText) (size, leading float64) {
	sizes := map[float64]int{}
	pitches := map[[2]float64]int{} // {size, pitch}
	for _, p := range pages {
		for i := range p.lines {
			l := &p.lines[i]
			s := roundSize(l.size)
			for _, w := range l.words {
				sizes[s] += len(w.text)
			}
			if i > 0 && math.Abs(p.lines[i-1].size-l.size) < sameSizePt {
				pitches[[2]float64{s, roundSize(p.lines[i-1].y - l.y)}]++
			}
		}
	}
	size = mode(sizes, 10)
	best := 0
	for k, n := range pitches {
		if pitch := k[1]; k[0] == size && pitch >= size && pitch <= maxLeading*size && (n > best || n == best && pitch < leading) {
			leading, best = pitch, n
		}
	}
	if leading == 0 {
		leading = defaultLeading * size
	}
	return size, leading
}

// roundSize rounds a size or distance to sizeQuantumPt.
func roundSize(v float64) float64 { return math.Round(v/sizeQuantumPt) * sizeQuantumPt }

// mode returns the key with the largest count (the smallest on a tie), or
// fallback for an empty map.
func mode(m map[float64]int, fallback float64) float64 {
	best, n := fallback, 0
	for k, v := range m {
		if v > n || v == n && k < best {
			best, n = k, v
		}
	}
	return best
}

// removeFurniture drops running headers and footers (the same text, digits
// aside, at the same height on several pages) and page numbers from the
// top and bottom bands of the pages.
func removeFurniture(pages []*pageText) {
	key := func(p *pageText, l *line) (string, bool) {
		if l.y < p.height*(1-furnitureBand) && l.y > p.height*furnitureBand {
			return "", false
		}
		t := digits.ReplaceAllString(strings.ToLower(l.text()), "#")
		return t + "@" + strconv.Itoa(int(math.Round(l.y/furnitureYPt))), true
	}
	count := map[string]int{}
	for _, p := range pages {
		seen := map[string]bool{}
		for i := range p.lines {
			if k, ok := key(p, &p.lines[i]); ok && !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	minRepeat := max(furnitureMin, len(pages)*furniturePct/100)
	for _, p := range pages {
		out := p.lines[:0]
		for i := range p.lines {
			l := &p.lines[i]
			if k, ok := key(p, l); ok && (count[k] >= minRepeat || vocab.IsPageNumber(l.text())) {
				continue
			}
			out = append(out, *l)
		}
		p.lines = out
	}
}

// blockBuilder collects blocks page by page.
type blockBuilder struct {
	ctx           context.Context
	body, leading float64
	blocks        []extract.Block
	sizes         []float64    // font size of each heading block, by block index
	last          *tableRegion // the last block, when it is a table
	// tail is the label-only rows after the table ending the previous
	// page, kept as the paragraph ending the blocks: rows of that table
	// when the next page goes on with it.
	tail [][]extract.Cell
}

// page appends the blocks of one page.
func (b *blockBuilder) page(p *pageText) {
	pl := newPageLayout(b.ctx, p, b.body, b.leading)
	pl.prev = b.last
	tables := pl.findTables()
	startLen := len(b.blocks)
	first := true // nothing of this page placed yet
	ti := 0
	var para []int // lines of the paragraph being collected
	flush := func() {
		if len(para) > 0 {
			b.text(pl, para)
			para = para[:0]
		}
	}
	tail := b.tail
	b.tail = nil
	for k := 0; k < len(pl.lines); k++ {
		if ti < len(tables) && k == tables[ti].first {
			var lead [][]extract.Cell // label-only rows above it at the top of the page
			if len(b.blocks) == startLen && b.goesOn(&tables[ti]) {
				if lead = labelRows(pl, para, &tables[ti]); lead != nil {
					para = para[:0]
				}
			}
			flush()
			b.table(&tables[ti], first && len(b.blocks) == startLen, tail, lead)
			first, tail = false, nil
			k = tables[ti].last
			ti++
			continue
		}
		if len(para) > 0 && !b.continues(pl, para[len(para)-1], k) {
			flush()
		}
		para = append(para, k)
	}
	if last := b.last; last != nil && last.table.Pos.Page == pl.page.number {
		rows, n := labelRows(pl, para, last), len(b.blocks)
		flush()
		if rows != nil && len(b.blocks) == n+1 {
			b.last, b.tail = last, rows
		}
		return
	}
	flush()
}

// labelRows returns lines as label-only rows of table r (group labels,
// rows without values), or nil when one of them is no such row: each
// starts at the label of r's first row, ends before its first number
// column, holds more than a unit label, stands at most a row gap below the
// line above and ends no sentence.
func labelRows(pl *pageLayout, lines []int, r *tableRegion) [][]extract.Cell {
	nums := numberColumns(r.cols)
	if len(lines) == 0 || len(nums) == 0 || len(r.table.Rows) <= r.headers || len(r.table.Rows[r.headers]) == 0 {
		return nil
	}
	labelX := r.table.Rows[r.headers][0].Pos.X
	var rows [][]extract.Cell
	for i, k := range lines {
		l := &pl.lines[k]
		if math.Abs(l.x0-labelX) > l.size || l.x1 >= nums[0].x0 || pl.unitOnly(k) || endsSentence(l.text()) ||
			i > 0 && pl.pitch(lines[i-1], k) > rowGapMax {
			return nil
		}
		row := make([]extract.Cell, len(r.table.Rows[r.headers]))
		row[0] = extract.Cell{Text: l.text(), Pos: pl.pos(k, l.x0)}
		rows = append(rows, row)
	}
	return rows
}

// table appends a table, or joins it to the table just before it (on this
// page, or ending the previous one) when it has the same columns and
// neither a header nor a caption of its own, or repeats the header at the
// top of a page, or says "vervolg".
// A table joined at the top of a page first takes tail, the label-only
// rows that ended the previous page after it (labelRows; the block ending
// the blocks so far), then lead, those above r on the page (given only
// when r goes on with it: goesOn).
func (b *blockBuilder) table(r *tableRegion, firstOnPage bool, tail, lead [][]extract.Cell) {
	if prev := b.last; prev != nil && (firstOnPage || prev.table.Pos.Page == r.table.Pos.Page) && sameNumbers(prev.cols, r.cols, b.body) {
		pt, t := prev.table, r.table
		la, lb := leadingText(prev.cols), leadingText(r.cols)
		newCaption := t.Caption != "" && t.Caption != pt.Caption
		repeated := firstOnPage && !newCaption && la == lb && sameHeader(pt.Rows[:prev.headers], t.Rows[:r.headers])
		if r.headers == 0 && !newCaption || repeated || strings.Contains(strings.ToLower(t.Caption), "vervolg") {
			// One part may split its row labels over more text columns
			// ("1." | "(+)" | "Exploitatiesaldo") than the other.
			switch {
			case la > lb:
				joinLeading(prev, la-lb)
			case lb > la:
				joinLeading(r, lb-la)
			}
			if len(prev.cols) == len(r.cols) {
				if tail != nil { // the paragraph that ended the previous page
					b.blocks, b.sizes = b.blocks[:len(b.blocks)-1], b.sizes[:len(b.sizes)-1]
					pt.Rows = append(pt.Rows, tail...)
				}
				body := t.Rows[r.headers:]
				if lead == nil {
					body = continueRow(pt.Rows[prev.headers:], body)
				}
				pt.Rows = slices.Concat(pt.Rows, lead, body)
				return
			}
		}
	}
	b.blocks = append(b.blocks, extract.Block{Kind: extract.TableBlock, Table: r.table, Pos: r.table.Pos})
	b.sizes = append(b.sizes, 0)
	b.last = r
}

// goesOn reports whether r, the first table on a page with only text lines
// above it, goes on with the table that ended the previous page: the same
// number and text columns, no header and no caption of its own.
func (b *blockBuilder) goesOn(r *tableRegion) bool {
	prev := b.last
	return prev != nil && r.headers == 0 && r.table.Caption == "" && len(prev.cols) == len(r.cols) &&
		leadingText(prev.cols) == leadingText(r.cols) && sameNumbers(prev.cols, r.cols, b.body)
}

// continueRow merges the first row of body into the last row of prev when
// it goes on in lower case (a row broken by the page end), and returns the
// rest of body.
func continueRow(prev, body [][]extract.Cell) [][]extract.Cell {
	if len(prev) == 0 || len(body) == 0 || !continuesRow(body[0]) {
		return body
	}
	last := prev[len(prev)-1]
	for c := range min(len(body[0]), len(last)) {
		if text := body[0][c].Text; text != "" {
			last[c].Text = strings.TrimPrefix(last[c].Text+"\n"+text, "\n")
		}
	}
	return body[1:]
}

// continuesRow reports whether every cell of row with text starts in
// lower case: the rest of a row from the previous page.
func continuesRow(row []extract.Cell) bool {
	n := 0
	for _, c := range row {
		if c.Text == "" {
			continue
		}
		if !startsLower(c.Text) {
			return false
		}
		n++
	}
	return n > 0
}

// sameNumbers reports whether two tables have the same number columns.
func sameNumbers(a, b []column, size float64) bool {
	na, nb := numberColumns(a), numberColumns(b)
	if len(na) != len(nb) || len(na) == 0 {
		return false
	}
	for i := range na {
		if math.Abs(na[i].x1-nb[i].x1) > size && math.Abs(na[i].center()-nb[i].center()) > size {
			return false
		}
	}
	return true
}

func numberColumns(cols []column) []column {
	var out []column
	for _, c := range cols {
		if c.numeric {
			out = append(out, c)
		}
	}
	return out
}

// leadingText is the number of text columns before the first number
// column.
func leadingText(cols []column) int {
	for i, c := range cols {
		if c.numeric {
			return i
		}
	}
	return len(cols)
}

// joinLeading joins the label and the first n columns of a table into its
// label cell.
func joinLeading(r *tableRegion, n int) {
	for i, row := range r.table.Rows {
		if len(row) <= n {
			continue
		}
		var parts []string
		for _, c := range row[:n+1] {
			if c.Text != "" && (len(parts) == 0 || parts[len(parts)-1] != c.Text) {
				parts = append(parts, c.Text)
			}
		}
		row[n].Text = strings.Join(parts, " ")
		row[n].Spanned = false
		if row[0].Text != "" {
			row[n].Pos = row[0].Pos
		}
		r.table.Rows[i] = row[n:]
	}
	r.cols = r.cols[n:]
}

func sameHeader(a, b [][]extract.Cell) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := 1; j < len(a[i]); j++ {
			if a[i][j].Text != b[i][j].Text {
				return false
			}
		}
	}
	return true
}

// continues reports whether line k continues the paragraph whose last line
// is prev: same kind of text, not a new list item, and a normal line
// distance below it.
func (b *blockBuilder) continues(pl *pageLayout, prev, k int) bool {
	p, l := &pl.lines[prev], &pl.lines[k]
	if _, item := listItem(l); b.isHeading(p) != b.isHeading(l) || item {
		return false
	}
	if b.isHeading(l) && (math.Abs(p.size-l.size) > headingSizePt || p.bold() != l.bold()) {
		return false
	}
	// A line higher up starts the next text column.
	return l.y < p.y && p.y-l.y <= max(b.leading, defaultLeading*l.size)*paragraphGap+paragraphPt
}

func (b *blockBuilder) isHeading(l *line) bool {
	if l.size >= headingRatio*b.body {
		return len(l.words) <= maxHeadingLen
	}
	if !l.bold() || len(l.words) > maxBoldHeading {
		return false
	}
	t := l.words[len(l.words)-1].text
	return !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ",")
}

// listItem reports whether line l starts a list item: a bullet, or a
// number or letter with a dot or bracket ("1.", "a)") before text.
func listItem(l *line) (ordered, ok bool) {
	if len(l.words) < 2 {
		return false, false
	}
	switch w := l.words[0].text; {
	case bullet.MatchString(w):
		return false, true
	case itemNumber.MatchString(w):
		return true, true
	}
	return false, false
}

// text appends the lines as a heading, a list or a paragraph.
func (b *blockBuilder) text(pl *pageLayout, lines []int) {
	first := &pl.lines[lines[0]]
	texts := make([]string, len(lines))
	for i, k := range lines {
		texts[i] = pl.lines[k].text()
	}
	pos := pl.pos(lines[0], first.x0)
	b.last = nil
	ordered, isItem := listItem(first)
	switch {
	case b.isHeading(first):
		b.blocks = append(b.blocks, extract.Block{Kind: extract.Heading, Text: strings.Join(texts, " "), Pos: pos})
		b.sizes = append(b.sizes, first.size)
		return
	case isItem:
		item := extract.Item{Text: strings.TrimSpace(strings.TrimPrefix(texts[0], first.words[0].text)), Ordered: ordered, Pos: pos}
		if ordered {
			item.Text = texts[0]
		}
		for _, t := range texts[1:] {
			item.Text += " " + t
		}
		if n := len(b.blocks); n > 0 && b.blocks[n-1].Kind == extract.List && b.blocks[n-1].Items[0].Ordered == ordered {
			b.blocks[n-1].Items = append(b.blocks[n-1].Items, item)
			return
		}
		b.blocks = append(b.blocks, extract.Block{Kind: extract.List, Items: []extract.Item{item}, Pos: pos})
	default:
		b.blocks = append(b.blocks, extract.Block{Kind: extract.Paragraph, Text: joinLines(texts), Pos: pos})
	}
	b.sizes = append(b.sizes, 0)
}

// joinLines joins the lines of a paragraph with spaces. Hyphens at line
// ends are kept: Dutch "baten- en lasten" must not become "batenen".
func joinLines(texts []string) string { return strings.Join(texts, " ") }

// levels numbers the headings by font size rank: the largest size is level
// 1; bold body-size headings come last.
func (b *blockBuilder) levels() {
	var sizes []float64
	for i, s := range b.sizes {
		if b.blocks[i].Kind == extract.Heading {
			sizes = append(sizes, roundSize(s))
		}
	}
	slices.Sort(sizes)
	sizes = slices.Compact(sizes)
	slices.Reverse(sizes)
	for i := range b.blocks {
		if b.blocks[i].Kind != extract.Heading {
			continue
		}
		level := slices.Index(sizes, roundSize(b.sizes[i])) + 1
		b.blocks[i].Level = min(max(level, 1), maxLevel)
	}
}
