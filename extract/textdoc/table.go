package textdoc

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// hasUnit reports whether a line holds a unit label; the reader only needs
// to know that a line is one, to keep it out of the header.
func hasUnit(s string) bool {
	_, ok := vocab.FindUnit(s)
	return ok
}

// row is one line of a numeric table: a label and the values at its end.
type row struct {
	label  string
	values []string
}

// trailingValues splits a line into a label and at most max values taken from
// its end. A value is a Dutch number or nil marker, optionally followed by a
// short lowercase unit word ("350 kind") or "%".
func trailingValues(text string, max int) row {
	tokens := strings.Fields(text)
	var values []string
	i := len(tokens) // tokens[:i] are not yet taken
	for i > 0 && len(values) < max {
		t := tokens[i-1]
		var v string
		used := 0
		switch {
		case t == "%" && i >= 2 && vocab.IsNumber(tokens[i-2]):
			v, used = tokens[i-2]+" %", 2
		case vocab.IsValue(t) && !(t == "-" && i == 1 && len(tokens) > 1): // "- scouting": a bullet
			v, used = t, 1
		case isUnitWord(t) && i >= 2 && vocab.IsNumber(tokens[i-2]):
			v, used = tokens[i-2]+" "+t, 2
		}
		if used == 0 {
			break
		}
		i -= used
		if i > 0 && tokens[i-1] == "€" {
			v = "€ " + v
			i--
		}
		values = append(values, v)
	}
	for l, r := 0, len(values)-1; l < r; l, r = l+1, r-1 {
		values[l], values[r] = values[r], values[l]
	}
	return row{label: strings.Join(tokens[:i], " "), values: values}
}

func isUnitWord(s string) bool {
	if utf8.RuneCountInString(s) < 2 || utf8.RuneCountInString(s) > 8 || vocab.IsValue(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsLower(r) && r != '.' {
			return false
		}
	}
	return true
}

// Limits on what is read as a table; see also maxCells.
const (
	// maxColumns bounds the value columns of a table: the widest P&C tables
	// (realisation, budget and four plan years) have under 15; a wider
	// "table" is read as text, with a warning.
	maxColumns = 100
	// maxValueRow is the longest line, in runes, read as a label with
	// values; a longer line is prose that happens to end in a number.
	maxValueRow = 250
	// maxNumberLen bounds one run-together number in bytes:
	// "-999.999.999.999.999,99" (10^15 euros with cents) has 23.
	maxNumberLen = 24
)

// errTooWide says a paragraph would be a table with more than maxColumns
// columns; it is read as text instead.
var errTooWide = errors.New("too many columns for a table")

var runTogether = regexp.MustCompile(`^([^\d\-−(]+?)\s*([\-−]?\d[\d.,\-−]*)$`)

// numericTable recognises a paragraph whose lines end in values as a table.
// It returns nil when the lines are no table, and with it an error wrapping
// errTooWide when they would be one wider than maxColumns, or p.err when ctx
// is done. A table of more than maxCells cells is cut after the row that
// crosses it.
func (p *parser) numericTable(lines []line) (*extract.Table, error) {
	if len(lines) < 2 {
		return nil, nil
	}
	if t, err := p.runTogetherTable(lines); t != nil || err != nil {
		return t, err
	}
	first := -1
	counts := map[int]int{}
	valueRows := 0
	for i, l := range lines {
		if p.done() {
			return nil, p.err
		}
		if utf8.RuneCountInString(l.text) >= maxValueRow {
			continue
		}
		r := trailingValues(l.text, maxValueRow)
		if len(r.values) > 0 && !hasUnit(l.text) && !isHeaderLine(l.text, r) {
			valueRows++
			counts[len(r.values)]++
			if first < 0 {
				first = i
			}
		}
	}
	if valueRows < 2 || first < 0 {
		return nil, nil
	}
	// Above the first value row: title and unit lines, and the header.
	var caption []string
	var header []string
	var groups []line // label lines between the header and the first value row
	prefix := ""
	for _, l := range lines[:first] {
		if header != nil && !hasUnit(l.text) {
			if segs, _ := splitHeader(l.text); len(segs) == 0 {
				groups = append(groups, l)
				continue
			}
		}
		if u, ok := vocab.FindUnit(l.text); ok {
			rest := strings.Trim(l.text[:u.Lead]+l.text[u.End:], "() ")
			if segs, pre := splitHeader(rest); len(segs) >= 2 && pre == "" {
				header = segs
				caption = append(caption, strings.TrimLeft(l.text[u.Lead:u.End], "( "))
				continue
			}
			caption = append(caption, l.text)
			continue
		}
		if segs, pre := splitHeader(l.text); len(segs) > 0 {
			if header != nil {
				caption = append(caption, strings.Join(header, " "))
			}
			header, prefix = segs, pre
			continue
		}
		caption = append(caption, l.text)
	}
	n := len(header)
	if n == 0 || counts[n]+countAtLeast(counts, n) < 1 {
		n = modeCount(counts)
	}
	captionUnit := len(caption) > 0 && hasUnit(strings.Join(caption, " "))
	if len(header) == 0 && !captionUnit && valueRows*10 < (len(lines)-first)*6 {
		return nil, nil
	}
	if n > maxColumns {
		return nil, fmt.Errorf("%w (%d value columns, at most %d)", errTooWide, n, maxColumns)
	}
	t := &extract.Table{Caption: strings.Join(caption, " "), Pos: extract.Pos{Line: lines[0].num}}
	if len(header) > 0 {
		for len(header) < n {
			header = append([]string{""}, header...)
		}
		if len(header) > n {
			prefix = strings.TrimSpace(prefix + " " + strings.Join(header[:len(header)-n], " "))
			header = header[len(header)-n:]
		}
		hl := lines[first-1]
		cells := []extract.Cell{{Text: prefix, Header: true, Pos: extract.Pos{Line: hl.num}}}
		for _, h := range header {
			cells = append(cells, extract.Cell{Text: h, Header: true, Pos: extract.Pos{Line: hl.num}})
		}
		t.Rows = append(t.Rows, cells)
	}
	for _, g := range groups {
		t.Rows = append(t.Rows, []extract.Cell{{Text: g.text, Pos: extract.Pos{Line: g.num}}})
	}
	cells := 0
	for i := first; i < len(lines) && cells <= maxCells; i++ {
		if p.done() {
			return nil, p.err
		}
		cells += n + 1
		l := lines[i]
		r := trailingValues(l.text, n)
		if len(r.values) == 0 || hasUnit(l.text) {
			// A label whose values stand on the next line, or a group label.
			if i+1 < len(lines) {
				next := trailingValues(lines[i+1].text, n)
				if next.label == "" && len(next.values) > 0 {
					next.label = l.text
					t.Rows = append(t.Rows, valueRow(next, n, l, lines[i+1]))
					i++
					continue
				}
			}
			t.Rows = append(t.Rows, []extract.Cell{{Text: l.text, Pos: extract.Pos{Line: l.num}}})
			continue
		}
		t.Rows = append(t.Rows, valueRow(r, n, l, l))
	}
	return t, nil
}

// isHeaderLine: a line whose trailing values are all years and that splits
// into column labels ("Begroting 2017 Resultaat 2017") is a header.
func isHeaderLine(text string, r row) bool {
	for _, v := range r.values {
		if !vocab.IsYear(v) {
			return false
		}
	}
	labels, _ := splitHeader(text)
	return len(labels) > 0
}

// valueRow lays out a label and its values right-aligned in n value columns.
func valueRow(r row, n int, labelLine, valueLine line) []extract.Cell {
	cells := []extract.Cell{{Text: strings.TrimPrefix(r.label, "- "), Pos: extract.Pos{Line: labelLine.num}}}
	for k := len(r.values); k < n; k++ {
		cells = append(cells, extract.Cell{Pos: extract.Pos{Line: valueLine.num}})
	}
	for _, v := range r.values {
		cells = append(cells, extract.Cell{Text: v, Pos: extract.Pos{Line: valueLine.num}})
	}
	return cells
}

func countAtLeast(counts map[int]int, n int) int {
	total := 0
	for k, c := range counts {
		if k > n {
			total += c
		}
	}
	return total
}

func modeCount(counts map[int]int) int {
	best, bestN := 0, 0
	for k, c := range counts {
		if c > best || (c == best && k > bestN) {
			best, bestN = c, k
		}
	}
	return bestN
}

// splitHeader cuts a header line into column labels at the words that start
// one (see vocab.StartsColumn) and at years that follow a label already holding a
// year. Text before the first label is the row header (prefix). It returns
// no labels when the line holds none of those words.
func splitHeader(s string) (labels []string, prefix string) {
	var cur []string
	var pre []string
	hasYear := false
	flush := func() {
		if len(cur) > 0 {
			labels = append(labels, strings.Join(cur, " "))
		}
		cur, hasYear = nil, false
	}
	started := false
	for _, tok := range strings.Fields(s) {
		year := vocab.IsYear(strings.Trim(tok, "()"))
		switch {
		case vocab.StartsColumn(tok):
			flush()
			started = true
			cur = append(cur, tok)
		case year && (!started || hasYear || len(cur) == 0):
			flush()
			started = true
			cur = append(cur, tok)
			hasYear = true
		case started:
			cur = append(cur, tok)
			hasYear = hasYear || year
		default:
			pre = append(pre, tok)
		}
	}
	flush()
	// A line of prose is not a header: labels are short.
	for _, l := range labels {
		if len(strings.Fields(l)) > 8 {
			return nil, ""
		}
	}
	return labels, strings.Join(pre, " ")
}

// runTogetherTable reads a table whose cells were printed without any
// separator: a header of years ("20162017…") and rows such as
// "Lasten69.83970.504…", split with the header's column count.
// Like numericTable it returns nil when the lines are no such table.
func (p *parser) runTogetherTable(lines []line) (*extract.Table, error) {
	start := 0
	var caption []string
	for start < len(lines) && hasUnit(lines[start].text) {
		caption = append(caption, lines[start].text)
		start++
	}
	if start >= len(lines)-1 {
		return nil, nil
	}
	h := strings.ReplaceAll(lines[start].text, " ", "")
	if len(h) < 8 || len(h)%4 != 0 {
		return nil, nil
	}
	var years []string
	for k := 0; k < len(h); k += 4 {
		if !vocab.IsYear(h[k : k+4]) {
			return nil, nil
		}
		years = append(years, h[k:k+4])
	}
	n := len(years)
	if n > maxColumns {
		return nil, fmt.Errorf("%w (%d run-together years, at most %d)", errTooWide, n, maxColumns)
	}
	hl := lines[start]
	t := &extract.Table{Caption: strings.Join(caption, " "), Pos: extract.Pos{Line: lines[0].num}}
	header := []extract.Cell{{Header: true, Pos: extract.Pos{Line: hl.num}}}
	for _, y := range years {
		header = append(header, extract.Cell{Text: y, Header: true, Pos: extract.Pos{Line: hl.num}})
	}
	t.Rows = append(t.Rows, header)
	for _, l := range lines[start+1:] {
		if p.done() {
			return nil, p.err
		}
		if len(t.Rows)*(n+1) > maxCells {
			break
		}
		m := runTogether.FindStringSubmatch(l.text)
		if m == nil {
			return nil, nil
		}
		values := splitRun(strings.ReplaceAll(m[2], "−", "-"), n)
		if values == nil {
			return nil, nil
		}
		cells := []extract.Cell{{Text: strings.TrimSpace(m[1]), Pos: extract.Pos{Line: l.num}}}
		for _, v := range values {
			cells = append(cells, extract.Cell{Text: v, Pos: extract.Pos{Line: l.num}})
		}
		t.Rows = append(t.Rows, cells)
	}
	return t, nil
}

// splitRun splits run-together numbers into exactly n Dutch numbers
// ("-?d{1,3}(.ddd)*(,d+)?", at most maxNumberLen bytes each), trying the
// longest number first at each step. Dead ends are remembered per
// (position, numbers left) and a string longer than n numbers can be is
// refused at once, so the work is at most len(s)·n·maxNumberLen steps with
// len(s) ≤ n·maxNumberLen.
func splitRun(s string, n int) []string {
	if len(s) < n || len(s) > n*maxNumberLen {
		return nil
	}
	failed := make([]bool, (len(s)+1)*(n+1)) // index pos*(n+1)+left
	var split func(pos, left int) []string
	split = func(pos, left int) []string {
		if left == 0 {
			if pos == len(s) {
				return []string{}
			}
			return nil
		}
		if failed[pos*(n+1)+left] {
			return nil
		}
		for _, end := range numberEnds(s[pos:min(len(s), pos+maxNumberLen)]) {
			if rest := split(pos+end, left-1); rest != nil {
				return append([]string{s[pos : pos+end]}, rest...)
			}
		}
		failed[pos*(n+1)+left] = true
		return nil
	}
	return split(0, n)
}

// numberEnds lists the possible ends of a Dutch number at the start of s,
// longest first.
func numberEnds(s string) []int {
	i := 0
	if strings.HasPrefix(s, "-") {
		i = 1
	}
	var ends []int
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && digits < 3 {
		i++
		digits++
		if digits == 1 && s[i-1] == '0' {
			ends = append(ends, i)
			break
		}
		ends = append(ends, i)
	}
	if len(ends) == 0 {
		return nil
	}
	j := ends[len(ends)-1]
	if s[j-1] != '0' || digits > 1 {
		for j+4 <= len(s) && s[j] == '.' && isDigits(s[j+1:j+4]) {
			j += 4
			ends = append(ends, j)
		}
	}
	if j < len(s) && s[j] == ',' {
		k := j + 1
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
			ends = append(ends, k)
		}
	}
	for l, r := 0, len(ends)-1; l < r; l, r = l+1, r-1 {
		ends[l], ends[r] = ends[r], ends[l]
	}
	return ends
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
