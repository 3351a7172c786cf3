package textdoc

import (
	"strings"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// maxCell is the longest paragraph still read as a table cell; longer text
// ends the table.
const maxCell = 300

// cellTable reads a table printed one cell per paragraph starting at chunk
// i: a run of at least three short header paragraphs, then the cells. It
// returns the number of chunks used, 0 when there is no such table.
func (p *parser) cellTable(i int) int {
	h := 0
	for j := i; j < len(p.chunks) && h <= maxColumns; j++ {
		kind := p.columnKind(j)
		if kind == notColumn {
			break
		}
		if kind == activityColumn {
			return 0 // an activity overview, left as paragraphs for the objective recogniser
		}
		h++
	}
	// A plural title ("Kengetallen", "Indicatoren") right above the column
	// names is the table's heading, not a column: columns are singular.
	if h > 3 && vocab.IsIndicatorTitle(p.chunks[i].lines[0].text) {
		return 0 // read as a heading; the table starts at the next chunk
	}
	if h < 3 || h > maxColumns {
		return 0
	}
	var cells []chunk
	for j := i + h; j < len(p.chunks) && len(cells) <= maxCells; j++ {
		c := p.chunks[j]
		if c.nav != "" || isBullet(c.lines[0]) || utf8.RuneCountInString(chunkText(c)) > maxCell {
			break
		}
		if t, _ := p.numericTable(c.lines); t != nil && (t.Caption != "" || t.Rows[0][0].Header) {
			break // a table of its own; a cell holding "Jongeren: 7,1" lines is not
		}
		if p.err != nil {
			return 0
		}
		cells = append(cells, c)
	}
	w := bestWidth(cells, h)
	rows := len(cells) / w
	if rows == 0 {
		return 0
	}
	t := &extract.Table{Pos: extract.Pos{Line: p.chunks[i].lines[0].num}}
	var header []extract.Cell
	for _, c := range p.chunks[i : i+h] {
		header = append(header, extract.Cell{Text: c.lines[0].text, Header: true, Pos: extract.Pos{Line: c.lines[0].num}})
	}
	t.Rows = append(t.Rows, header)
	for r := 0; r < rows; r++ {
		var cs []extract.Cell
		for _, c := range cells[r*w : (r+1)*w] {
			cs = append(cs, extract.Cell{Text: chunkText(c), Pos: extract.Pos{Line: c.lines[0].num}})
		}
		t.Rows = append(t.Rows, cs)
	}
	p.addTable(t)
	return h + rows*w
}

// addTable adds a table block, cutting its rows where the document's
// maxCells budget runs out.
func (p *parser) addTable(t *extract.Table) {
	for k, r := range t.Rows {
		if p.cells+len(r) > maxCells {
			p.line = r[0].Pos.Line
			p.warnf("more than %d table cells: the table is cut here and the rest of the document is not read", maxCells)
			t.Rows = t.Rows[:k]
			p.cells = maxCells + 1
			break
		}
		p.cells += len(r)
	}
	if len(t.Rows) > 0 {
		p.blocks = append(p.blocks, extract.Block{Kind: extract.TableBlock, Table: t, Pos: t.Pos})
	}
}

// columnKind tells whether chunk j can name a column of a cell table. The
// answer is kept in the chunk: the header scans of neighbouring start
// chunks overlap, and the word lists are regular expressions.
func (p *parser) columnKind(j int) columnKind {
	c := &p.chunks[j]
	if c.column != unknownColumn {
		return c.column
	}
	c.column = notColumn
	if c.nav == "" && len(c.lines) == 1 && !isBullet(c.lines[0]) {
		t := c.lines[0].text
		switch {
		case len(t) > maxCell || len(strings.Fields(t)) > 4 || !vocab.HasIndicatorWord(t):
		case vocab.HasActivityWord(t):
			c.column = activityColumn
		default:
			c.column = indicatorColumn
		}
	}
	return c.column
}

func chunkText(c chunk) string {
	parts := make([]string, len(c.lines))
	for i, l := range c.lines {
		parts[i] = l.text
	}
	return strings.Join(parts, "\n")
}

// bestWidth picks the row width, the header's cell count or one more (a
// unit printed in its own cell after the value), whose columns hold the most
// consistent kind of cell (number or text). Ties go to the width that
// leaves fewer cells over, then to the header's count.
func bestWidth(cells []chunk, h int) int {
	best, bestScore, bestLeft := h, -1.0, 0
	for _, w := range []int{h, h + 1} {
		rows := len(cells) / w
		if rows == 0 {
			continue
		}
		score := 0.0
		for col := 0; col < w; col++ {
			nums := 0
			for r := 0; r < rows; r++ {
				if vocab.IsNumber(chunkText(cells[r*w+col])) {
					nums++
				}
			}
			score += float64(max(nums, rows-nums)) / float64(rows)
		}
		score /= float64(w)
		left := len(cells) % w
		if score > bestScore+1e-9 || (score > bestScore-1e-9 && left < bestLeft) {
			best, bestScore, bestLeft = w, score, left
		}
	}
	return best
}
