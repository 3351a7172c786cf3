package htmldoc

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/begroot/begroot/extract"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	// maxDepth bounds how deep the walk descends into nested containers;
	// anything deeper is read as the text of one paragraph. Real pages
	// stay far below it (x/net/html itself stops at 512 open elements);
	// it keeps selectors short on pathological input.
	maxDepth = 200
	// maxColspan and maxRowspan are the largest spans the HTML standard
	// allows.
	maxColspan = 1000
	maxRowspan = 65534
	// maxSpanCopies caps the cells a document may gain by expanding
	// colspan and rowspan, so that a few spans cannot exhaust memory.
	maxSpanCopies = 200000
	// maxColumns bounds a table row: P&C tables have under 30 columns and
	// the widest colspan is maxColspan; cells past it are dropped with a
	// warning, so that a 20,000-column row does not reach the recognisers.
	maxColumns = maxColspan
	// maxText bounds the text of one block, item or cell in bytes: a long
	// paragraph is a few kilobytes; longer text is cut with a warning.
	maxText = 64 << 10
)

// containerTags hold blocks; text directly inside them becomes a paragraph.
var containerTags = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.Main: true, atom.Div: true, atom.Section: true,
	atom.Article: true, atom.Aside: true, atom.Header: true, atom.Footer: true,
	atom.Figure: true, atom.Blockquote: true, atom.Dl: true, atom.Details: true,
	atom.Center: true, atom.Hgroup: true, atom.Fieldset: true, atom.Search: true,
}

// paragraphTags are read as one paragraph each.
var paragraphTags = map[atom.Atom]bool{
	atom.P: true, atom.Dt: true, atom.Dd: true, atom.Pre: true, atom.Figcaption: true,
	atom.Address: true, atom.Summary: true, atom.Legend: true, atom.Caption: true,
	atom.Li: true, atom.Tr: true, atom.Td: true, atom.Th: true,
}

// listTags are read as a List block.
var listTags = map[atom.Atom]bool{atom.Ul: true, atom.Ol: true, atom.Menu: true}

// isBlock reports whether an element starts a new line of text.
func isBlock(n *html.Node) bool {
	a := n.DataAtom
	if containerTags[a] || paragraphTags[a] || listTags[a] {
		return true
	}
	switch a {
	case atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Hr:
		return true
	}
	_, ok := headingLevel(n)
	return ok
}

// headingLevel returns the level of an h1–h6 or role="heading" element
// (aria-level, 0 when absent) and whether n is a heading.
func headingLevel(n *html.Node) (int, bool) {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return int(n.Data[1] - '0'), true
	}
	role, _ := attr(n, "role")
	if !strings.EqualFold(strings.TrimSpace(role), "heading") {
		return 0, false
	}
	v, _ := attr(n, "aria-level")
	level, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || level < 1 || level > 6 {
		level = 0
	}
	return level, true
}

// walker turns the element tree below root into Blocks.
type walker struct {
	ctx          context.Context
	err          error // ctx's error once it is done
	root         *html.Node
	rootSelector string
	blocks       []extract.Block
	warnings     []string

	run   strings.Builder // inline text waiting to become a paragraph
	runAt *html.Node      // the container the pending run sits in

	hasBlock   map[*html.Node]bool   // elements with a block below them
	steps      map[*html.Node]string // selector step of each element, filled per parent
	spanCopies int
}

func newWalker(ctx context.Context, root *html.Node, rootSelector string) *walker {
	w := &walker{
		ctx:          ctx,
		root:         root,
		rootSelector: rootSelector,
		hasBlock:     map[*html.Node]bool{},
		steps:        map[*html.Node]string{},
	}
	w.markBlocks(root)
	return w
}

// done reports whether ctx is done, keeping its error in w.err. The walk
// checks it at every element and cell and unwinds once it is true.
func (w *walker) done() bool {
	if w.err == nil {
		w.err = w.ctx.Err()
	}
	return w.err != nil
}

// warnf adds a warning.
func (w *walker) warnf(format string, args ...any) {
	w.warnings = append(w.warnings, fmt.Sprintf(format, args...))
}

// markBlocks records which elements have a block element below them.
func (w *walker) markBlocks(n *html.Node) bool {
	found := false
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || w.done() {
			continue
		}
		if w.markBlocks(c) || isBlock(c) {
			found = true
		}
	}
	if found {
		w.hasBlock[n] = true
	}
	return found
}

// walk reads the children of container n.
func (w *walker) walk(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil && !w.done(); c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.inline(n, func(b *strings.Builder) { writeText(b, c.Data, false) })
		case html.ElementNode:
			w.element(n, c, depth+1)
		}
	}
}

func (w *walker) element(parent, n *html.Node, depth int) {
	if level, ok := headingLevel(n); ok {
		w.flush()
		if text := w.text(n, headingText); text != "" {
			w.add(extract.Block{Kind: extract.Heading, Level: level, Text: text, Pos: w.pos(n)})
		}
		return
	}
	switch {
	case depth > maxDepth:
		w.paragraph(n)
	case n.DataAtom == atom.Br:
		w.inline(parent, func(b *strings.Builder) { b.WriteByte('\n') })
	case n.DataAtom == atom.Hr:
		w.flush()
	case listTags[n.DataAtom]:
		w.flush()
		w.list(n)
	case n.DataAtom == atom.Table:
		w.flush()
		w.table(n)
	case isGrid(n):
		w.flush()
		w.grid(n)
	case paragraphTags[n.DataAtom] && !w.hasBlock[n]:
		w.paragraph(n)
	case containerTags[n.DataAtom] || paragraphTags[n.DataAtom] || w.hasBlock[n]:
		w.flush()
		w.walk(n, depth)
		w.flush()
	default:
		w.inline(parent, func(b *strings.Builder) { w.collect(b, n, paragraphText, false) })
	}
}

// inline appends text to the paragraph being collected in container.
func (w *walker) inline(container *html.Node, write func(*strings.Builder)) {
	if w.runAt != container {
		w.flush()
		w.runAt = container
	}
	write(&w.run)
}

// flush turns the pending inline text into a paragraph.
func (w *walker) flush() {
	if w.runAt == nil {
		return
	}
	if text := w.clip(collapse(w.run.String(), true), w.runAt); text != "" {
		w.add(extract.Block{Kind: extract.Paragraph, Text: text, Pos: w.pos(w.runAt)})
	}
	w.run.Reset()
	w.runAt = nil
}

func (w *walker) paragraph(n *html.Node) {
	w.flush()
	if text := w.text(n, paragraphText); text != "" {
		w.add(extract.Block{Kind: extract.Paragraph, Text: text, Pos: w.pos(n)})
	}
}

func (w *walker) add(b extract.Block) { w.blocks = append(w.blocks, b) }

// list reads a ul or ol into one List block with an Item per li. A nested
// list stays inside its item's text.
func (w *walker) list(n *html.Node) {
	ordered := n.DataAtom == atom.Ol
	var items []extract.Item
	for c := n.FirstChild; c != nil && !w.done(); c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if text := w.text(c, itemText); text != "" {
			items = append(items, extract.Item{Text: text, Ordered: ordered, Pos: w.pos(c)})
		}
	}
	if len(items) > 0 {
		w.add(extract.Block{Kind: extract.List, Items: items, Pos: w.pos(n)})
	}
}

// table reads a table into a grid, expanding colspan and rowspan. Rows of
// thead, and rows marked as a header by a class word (class="table-header"
// on a tr in tbody), are header rows.
func (w *walker) table(n *html.Node) {
	w.addTable(n, func(addRow func(tr *html.Node, head bool), caption func(*html.Node)) {
		for c := n.FirstChild; c != nil && !w.done(); c = c.NextSibling {
			switch c.DataAtom {
			case atom.Caption:
				caption(c)
			case atom.Tr:
				addRow(c, headerPart(c))
			case atom.Thead, atom.Tbody, atom.Tfoot:
				for tr := c.FirstChild; tr != nil; tr = tr.NextSibling {
					if tr.DataAtom == atom.Tr {
						addRow(tr, c.DataAtom == atom.Thead || headerPart(tr))
					}
				}
			}
		}
	})
}

// grid reads a table built from other elements (see isGrid) like a table:
// rows are the row elements below n, through any row groups; a row group
// or row marked as a header makes its cells header cells.
func (w *walker) grid(n *html.Node) {
	w.addTable(n, func(addRow func(tr *html.Node, head bool), caption func(*html.Node)) {
		var visit func(n *html.Node, head bool, depth int)
		visit = func(n *html.Node, head bool, depth int) {
			for c := n.FirstChild; c != nil && !w.done(); c = c.NextSibling {
				switch {
				case c.Type != html.ElementNode:
				case isGridRow(c):
					addRow(c, head || headerPart(c))
				case classWord(c, "caption") || ariaRole(c) == "caption":
					caption(c)
				case depth < maxGridDepth && !isCell(c):
					visit(c, head || headerPart(c), depth+1)
				}
			}
		}
		visit(n, false, 0)
	})
}

// maxGridDepth bounds how deep below a grid its rows are looked for: row
// groups nest one or two levels; deeper rows belong to something else.
const maxGridDepth = 3

// addTable builds a TableBlock from the rows that read passes to addRow
// and the caption element it passes to caption.
func (w *walker) addTable(n *html.Node, read func(addRow func(tr *html.Node, head bool), caption func(*html.Node))) {
	t := &extract.Table{Pos: w.pos(n)}
	var pending []span // rowspans reaching into later rows, by column
	dropped := 0       // cells past maxColumns
	bold := 0          // leading rows whose cells are all bold
	addRow := func(tr *html.Node, head bool) {
		row, rest, cut := w.row(tr, head, pending)
		pending = rest
		dropped += cut
		if len(row) > 0 {
			if bold == len(t.Rows) && boldRow(tr) {
				bold++
			}
			t.Rows = append(t.Rows, row)
		}
	}
	caption := func(c *html.Node) {
		if t.Caption == "" {
			t.Caption = w.text(c, headingText)
		}
	}
	read(addRow, caption)
	if bold > 0 && bold < len(t.Rows) && !hasHeader(t) {
		// Header rows written as <td><strong>: no th, no thead.
		for _, row := range t.Rows[:bold] {
			for i := range row {
				row[i].Header = true
			}
		}
	}
	if dropped > 0 {
		w.warnf("table %s: %d cells past column %d are not read", t.Pos.Selector, dropped, maxColumns)
	}
	if len(t.Rows) > 0 {
		w.add(extract.Block{Kind: extract.TableBlock, Table: t, Pos: t.Pos})
	}
}

// minBoldHeader is the number of non-empty bold cells that make a leading
// row a header row: one bold cell is a label, not a row of column titles.
const minBoldHeader = 2

// boldRow reports whether row tr has at least minBoldHeader non-empty
// cells and the text of each sits wholly in strong or b.
func boldRow(tr *html.Node) bool {
	filled := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || !isCell(c) || strings.TrimSpace(nodeText(c)) == "" {
			continue
		}
		if !allBold(c) {
			return false
		}
		filled++
	}
	return filled >= minBoldHeader
}

// allBold reports whether every non-blank text below n is inside strong or b.
func allBold(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		case c.Type != html.ElementNode, c.DataAtom == atom.Strong, c.DataAtom == atom.B:
		case !allBold(c):
			return false
		}
	}
	return true
}

// hasHeader reports whether any cell of t is a header cell.
func hasHeader(t *extract.Table) bool {
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Header {
				return true
			}
		}
	}
	return false
}

// span is a cell whose rowspan covers more rows.
type span struct {
	cell extract.Cell
	left int // rows still to cover
}

// row reads one tr, filling the columns that rowspans from earlier rows
// cover, and returns the cells, the rowspans still open and the number of
// cells dropped past maxColumns.
func (w *walker) row(tr *html.Node, head bool, pending []span) (row []extract.Cell, open []span, dropped int) {
	col := 0
	fillSpans := func() {
		for col < len(pending) && w.takeSpan(&pending[col]) {
			row = append(row, pending[col].cell)
			col++
		}
	}
	for c := tr.FirstChild; c != nil && !w.done(); c = c.NextSibling {
		if c.Type != html.ElementNode || !isCell(c) {
			continue
		}
		fillSpans()
		if col >= maxColumns {
			dropped++
			continue
		}
		cell := extract.Cell{
			Text:   w.text(c, cellText),
			Header: head || headerCell(c),
			Pos:    w.pos(c),
		}
		colspan := spanOf(c, "col", maxColspan)
		rowspan := spanOf(c, "row", maxRowspan)
		copyCell := cell
		copyCell.Spanned = true
		for k := 0; k < colspan && col < maxColumns; k++ {
			if k > 0 {
				if !w.spendCopy() {
					break
				}
				row = append(row, copyCell)
			} else {
				row = append(row, cell)
			}
			if rowspan > 1 {
				for len(pending) <= col {
					pending = append(pending, span{})
				}
				pending[col] = span{cell: copyCell, left: rowspan - 1}
			}
			col++
		}
	}
	// Rowspans past the row's last cell still occupy their columns.
	end := 0
	for i, s := range pending {
		if s.left > 0 {
			end = i + 1
		}
	}
	for ; col < end; col++ {
		if w.takeSpan(&pending[col]) {
			row = append(row, pending[col].cell)
		} else {
			row = append(row, extract.Cell{Pos: w.pos(tr)})
		}
	}
	return row, pending[:end], dropped
}

// takeSpan uses one row of s, if it has rows left and the budget allows.
func (w *walker) takeSpan(s *span) bool {
	if s.left <= 0 {
		return false
	}
	if !w.spendCopy() {
		s.left = 0
		return false
	}
	s.left--
	return true
}

// spendCopy takes one cell from the span budget; false once it is used up.
func (w *walker) spendCopy() bool {
	if w.spanCopies >= maxSpanCopies {
		if w.spanCopies == maxSpanCopies {
			w.warnings = append(w.warnings, "too many spanned cells: colspan and rowspan no longer expanded")
			w.spanCopies++
		}
		return false
	}
	w.spanCopies++
	return true
}

// spanOf reads the span of a cell in dimension "col" or "row": the
// colspan (rowspan) attribute, else aria-colspan (aria-rowspan), else a
// CSS grid-column (grid-row) "span N"; 1 when absent, invalid or 0.
func spanOf(n *html.Node, dim string, max int) int {
	v, ok := attr(n, dim+"span")
	if !ok {
		v, ok = attr(n, "aria-"+dim+"span")
	}
	if !ok {
		style, _ := attr(n, "style")
		if m := gridSpan.FindStringSubmatch(strings.ToLower(style)); m != nil && m[1] == dim {
			v = m[2]
		}
	}
	k, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || k < 1 {
		return 1
	}
	return min(k, max)
}

// gridSpan finds "grid-column: span 3" (or grid-row) in an inline style.
var gridSpan = regexp.MustCompile(`grid-(col|row)(?:umn)?\s*:\s*span\s+(\d+)`)

// textMode says how block structure inside an element shows in its text.
type textMode int

const (
	headingText   textMode = iota // one line
	paragraphText                 // <br> and blocks start new lines
	itemText                      // as paragraphText; nested li lines start with "• "
	cellText                      // as itemText; an img contributes its alt text
)

// text returns n's text in the given mode, whitespace collapsed.
func (w *walker) text(n *html.Node, mode textMode) string {
	var b strings.Builder
	w.collect(&b, n, mode, n.DataAtom == atom.Pre)
	return w.clip(collapse(b.String(), mode != headingText), n)
}

// clip cuts the text of element n to at most maxText bytes, with a warning.
func (w *walker) clip(text string, n *html.Node) string {
	if len(text) <= maxText {
		return text
	}
	cut := strings.ToValidUTF8(text[:maxText], "")
	w.warnf("%s: %d bytes of text, only the first %d are read", w.pos(n).Selector, len(text), len(cut))
	return cut
}

// collect writes the text below n to b, with "\n" where lines break.
func (w *walker) collect(b *strings.Builder, n *html.Node, mode textMode, pre bool) {
	for c := n.FirstChild; c != nil && !w.done(); c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			writeText(b, c.Data, pre)
			continue
		case html.ElementNode:
		default:
			continue
		}
		switch {
		case c.DataAtom == atom.Br:
			b.WriteByte('\n')
		case c.DataAtom == atom.Img:
			if alt, _ := attr(c, "alt"); mode == cellText && alt != "" {
				b.WriteString(" " + alt + " ")
			}
		case c.DataAtom == atom.Li && mode >= itemText:
			b.WriteString("\n• ")
			w.collect(b, c, mode, pre)
			b.WriteByte('\n')
		case c.DataAtom == atom.Td || c.DataAtom == atom.Th:
			b.WriteByte(' ')
			w.collect(b, c, mode, pre)
			b.WriteByte(' ')
		case isBlock(c):
			b.WriteByte('\n')
			w.collect(b, c, mode, pre || c.DataAtom == atom.Pre)
			b.WriteByte('\n')
		default:
			w.collect(b, c, mode, pre)
		}
	}
}

// lineBreaksToSpaces turns the line breaks in a text node into spaces.
var lineBreaksToSpaces = strings.NewReplacer("\r", " ", "\n", " ")

// writeText writes a text node; its own line breaks are spaces unless the
// text is preformatted.
func writeText(b *strings.Builder, s string, pre bool) {
	if !pre {
		s = lineBreaksToSpaces.Replace(s)
	}
	b.WriteString(s)
}

// collapse collapses each line's whitespace (U+00A0 included), drops
// invisible characters and empty lines, and joins a lone "•" with the line
// after it. Without keepLines the result is a single line.
func collapse(s string, keepLines bool) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00AD', '\u200B', '\u200E', '\u200F', '\uFEFF':
			return -1
		}
		return r
	}, s)
	var lines []string
	bullet := false
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.FieldsFunc(line, unicode.IsSpace), " ")
		switch {
		case line == "":
			continue
		case line == "•":
			bullet = true
			continue
		case bullet:
			if !strings.HasPrefix(line, "• ") {
				line = "• " + line
			}
			bullet = false
		}
		lines = append(lines, line)
	}
	sep := "\n"
	if !keepLines {
		sep = " "
	}
	return strings.Join(lines, sep)
}

// pos returns the provenance of element n: its CSS path from the root.
func (w *walker) pos(n *html.Node) extract.Pos {
	var steps []string
	for x := n; x != nil && x != w.root; x = x.Parent {
		steps = append(steps, w.step(x))
	}
	var b strings.Builder
	b.WriteString(w.rootSelector)
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteString(" > ")
		b.WriteString(steps[i])
	}
	return extract.Pos{Selector: b.String()}
}

// step returns n's part of a CSS path: its tag, with :nth-of-type when a
// sibling has the same tag. The steps of all n's siblings are computed at
// once, so long sibling lists cost linear time.
func (w *walker) step(n *html.Node) string {
	if s, ok := w.steps[n]; ok {
		return s
	}
	if n.Parent == nil {
		return n.Data
	}
	count := map[string]int{}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			count[c.Data]++
		}
	}
	seen := map[string]int{}
	index := 0
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		index++
		seen[c.Data]++
		switch {
		case !isIdent(c.Data):
			w.steps[c] = "*:nth-child(" + strconv.Itoa(index) + ")"
		case count[c.Data] > 1:
			w.steps[c] = c.Data + ":nth-of-type(" + strconv.Itoa(seen[c.Data]) + ")"
		default:
			w.steps[c] = c.Data
		}
	}
	return w.steps[n]
}

// isIdent reports whether a tag name can be written as a CSS type selector.
func isIdent(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
