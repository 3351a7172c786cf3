package ocr

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// Document builds an extract.Document from OCR'd pages: per page, per
// region left to right, lines top to bottom; runs of lines with values
// become tables, other lines headings and paragraphs. Positions are the
// words' boxes in points from the page's top-left. Every table cell with
// words has OCR set and the lowest confidence of its words.
func Document(src extract.Source, pages []Page) *extract.Document {
	if src.Format == "" {
		src.Format = extract.FormatPDF
	}
	doc := &extract.Document{Source: src}
	for _, p := range pages {
		doc.Pages = max(doc.Pages, p.Number)
		if p.Rotated != 0 {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: content lay sideways; turned %d° clockwise, positions are on the upright page", p.Number, p.Rotated))
		}
		if p.Skipped > 0 {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: %d malformed OCR rows left out", p.Number, p.Skipped))
		}
		if len(p.Words) == 0 {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: OCR found no text", p.Number))
			continue
		}
		var regionLines [][]line
		var all []line
		for _, r := range regions(dropTall(p.Words)) {
			ls := lines(r)
			if k := len(regionLines) - 1; k >= 0 && unlabelled(ls) {
				// Columns of a table that tesseract segmented apart.
				ls = lines(append(wordsOf(regionLines[k]), r...))
				regionLines = regionLines[:k]
			}
			regionLines = append(regionLines, ls)
		}
		for _, ls := range regionLines {
			all = append(all, ls...)
		}
		median := medianHeight(all)
		for _, ls := range regionLines {
			region(doc, p.Number, ls, median)
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind == extract.Heading || b.Kind == extract.Paragraph {
			doc.Title = b.Text
			break
		}
	}
	return doc
}

// medianHeight is the median height of a page's lines that have letters:
// lines of digits only lack ascenders and descenders.
func medianHeight(ls []line) float64 {
	var h []float64
	for i := range ls {
		if strings.ContainsFunc(ls[i].text(), unicode.IsLetter) {
			h = append(h, ls[i].height)
		}
	}
	if len(h) == 0 {
		return math.Inf(1) // no text lines, so no headings
	}
	slices.Sort(h)
	return h[len(h)/2]
}

// region appends the blocks of one region's lines to doc.
func region(doc *extract.Document, page int, ls []line, median float64) {
	for i := 0; i < len(ls); {
		if end := tableEnd(ls, i); end > i {
			for _, part := range splitTables(ls[i:end]) {
				if !slices.ContainsFunc(part, func(l line) bool { return l.numeric() }) {
					text(doc, page, part, median) // a header whose rows OCR lost
					continue
				}
				t := table(page, part)
				doc.Blocks = append(doc.Blocks, extract.Block{Kind: extract.TableBlock, Table: t, Pos: t.Pos})
			}
			i = end
			continue
		}
		text(doc, page, ls[i:i+1], median)
		i++
	}
}

// text appends each line to doc as a heading or a paragraph.
func text(doc *extract.Document, page int, ls []line, median float64) {
	for i := range ls {
		l := &ls[i]
		kind := extract.Paragraph
		if l.height >= headingSize*median {
			kind = extract.Heading
		}
		doc.Blocks = append(doc.Blocks, extract.Block{Kind: kind, Text: l.text(), Pos: pos(page, l.x0, l.y0)})
	}
}

// tableEnd returns the end (exclusive) of the table that starts at line
// i, or i when none does: a run of lines with several cells or values,
// close below each other, with at least two value rows. Up to labelRun
// single-cell lines (group labels, rows whose values OCR lost) may sit
// inside the run.
func tableEnd(ls []line, i int) int {
	inTable := func(k int) bool { return len(ls[k].cells) >= 2 || ls[k].numeric() }
	if !inTable(i) {
		return i
	}
	close := func(k int) bool { return ls[k].y0-ls[k-1].y1 <= rowGapMax*ls[k].height }
	end, rows := i+1, 0
	if ls[i].numeric() {
		rows++
	}
	for end < len(ls) && close(end) {
		if !inTable(end) {
			k := end
			for k < len(ls) && k-end < labelRun && !inTable(k) && close(k) {
				k++
			}
			if k == len(ls) || !inTable(k) || !close(k) {
				break
			}
		}
		if ls[end].numeric() {
			rows++
		}
		end++
	}
	if rows < 2 {
		return i
	}
	return end
}

// splitTables cuts a run of table lines where a header line (several
// cells, no values) follows a value row: each programme of an "overzicht
// baten en lasten" repeats its header.
func splitTables(ls []line) [][]line {
	var out [][]line
	start := 0
	for k := 1; k < len(ls); k++ {
		if ls[k-1].numeric() && !ls[k].numeric() && len(ls[k].cells) >= 2 {
			out = append(out, ls[start:k])
			start = k
		}
	}
	return append(out, ls[start:])
}

// column is the extent of a table column of right-aligned values.
type column struct{ x0, x1 float64 }

// columns clusters the right edges of the values of the table's value
// rows. A value in a line's first cell counts only when the line has
// another one: the first cell is normally the label.
func columns(ls []line) []column {
	var vals []cell
	for _, l := range ls {
		if !l.numeric() {
			continue
		}
		for i, c := range l.cells {
			if c.value && (i > 0 || len(l.cells) > 1 && l.cells[1].value) {
				vals = append(vals, c)
			}
		}
	}
	slices.SortFunc(vals, func(a, b cell) int { return cmp.Compare(a.x1, b.x1) })
	var cols []column
	h := ls[0].height
	for i, v := range vals {
		if i > 0 && v.x1-vals[i-1].x1 <= columnSlack*h {
			c := &cols[len(cols)-1]
			c.x0, c.x1 = min(c.x0, v.x0), max(c.x1, v.x1)
			continue
		}
		cols = append(cols, column{v.x0, v.x1})
	}
	return cols
}

// table rebuilds the lines as a table: a label column, then one column
// per cluster of value right edges. A text cell over several columns (a
// heading centred over "Baten Lasten Saldo") is copied into each, with
// Spanned set on the copies. Lines without values before the first value
// row, and those with several cells inside, are header rows.
func table(page int, ls []line) *extract.Table {
	cols := columns(ls)
	t := &extract.Table{Pos: pos(page, ls[0].x0, ls[0].y0)}
	for _, l := range ls {
		row := make([]extract.Cell, len(cols)+1)
		header := !l.numeric() && len(l.cells) >= 2
		for i, c := range l.cells {
			targets := place(c, i == 0, cols)
			for j, k := range targets {
				dst := &row[k]
				if dst.Text == "" {
					dst.Pos = pos(page, c.x0, c.words[0].Y0)
					dst.OCR, dst.Confidence = true, c.conf
				} else {
					dst.Confidence = min(dst.Confidence, c.conf)
				}
				dst.Text = strings.TrimSpace(dst.Text + " " + c.text)
				dst.Spanned = j > 0
			}
		}
		for k := range row {
			row[k].Header = header
		}
		t.Rows = append(t.Rows, row)
	}
	for _, row := range t.Rows {
		for k := 1; k < len(row); k++ {
			if c := &row[k]; !c.Header && !vocab.IsValue(c.Text) {
				c.Text, _ = repairValue(c.Text)
			}
		}
	}
	for k := 1; k <= len(cols); k++ {
		fixCommas(t.Rows, k)
	}
	return t
}

var (
	thousands  = regexp.MustCompile(`\d\.\d{3}(\D|$)`)
	anyComma   = regexp.MustCompile(`\d,\d`)
	commaAsDot = regexp.MustCompile(`^[^,]*\d,\d{3}(\.\d{3})*\D*$`)
)

// fixCommas turns "-4,129" into "-4.129" in column k of the body rows when
// the column groups thousands with dots elsewhere and each of its commas
// is followed by exactly three digits: tesseract reads the thousands dot
// of small type as a comma, while a column of amounts mixes no decimals in.
func fixCommas(rows [][]extract.Cell, k int) {
	dots := false
	var commas []*extract.Cell
	for _, row := range rows {
		c := &row[k]
		switch {
		case c.Header || c.Spanned:
		case anyComma.MatchString(c.Text):
			if !commaAsDot.MatchString(c.Text) {
				return
			}
			commas = append(commas, c)
		case thousands.MatchString(c.Text):
			dots = true
		}
	}
	if !dots {
		return
	}
	for _, c := range commas {
		c.Text = strings.Replace(c.Text, ",", ".", 1)
	}
}

// place returns the row positions of cell c: 0 for the label (a line's
// first cell, when it is text starting left of the first column, or any
// cell left of the first column); otherwise the column it overlaps most, or, for text, each
// column it overlaps; the nearest column when it overlaps none.
func place(c cell, first bool, cols []column) []int {
	if len(cols) == 0 || c.x1 <= cols[0].x0 || first && !c.value && c.x0 < cols[0].x0 {
		return []int{0}
	}
	var over []int
	best, bestOverlap := 0, 0.0
	nearest, nearestDist := 0, math.Inf(1)
	for k, col := range cols {
		o := min(c.x1, col.x1) - max(c.x0, col.x0)
		if o > 0 {
			over = append(over, k+1)
			if o > bestOverlap {
				best, bestOverlap = k+1, o
			}
		}
		if d := math.Abs((c.x0 + c.x1 - col.x0 - col.x1) / 2); d < nearestDist {
			nearest, nearestDist = k+1, d
		}
	}
	switch {
	case len(over) == 0:
		return []int{nearest}
	case c.value || len(over) == 1:
		return []int{best}
	}
	// The best column first: the others get the Spanned copies.
	i := slices.Index(over, best)
	over[0], over[i] = over[i], over[0]
	return over
}

// pos is a provenance position, rounded to hundredths of a point.
func pos(page int, x, y float64) extract.Pos {
	return extract.Pos{Page: page, X: math.Round(x*100) / 100, Y: math.Round(y*100) / 100}
}
