package recognize

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// FinancialTable is a table of amounts with a unit label.
type FinancialTable struct {
	Title   string   // caption, title cell or title line
	Section []string // headings above the table
	Unit    string   // the unit label as printed, e.g. "bedragen x €1000"; WholeEuros when none is printed
	Scale   int64    // what the unit label multiplies by: 1, 1000, 1000000
	Sign    string   // a sign legend, e.g. ("-" = nadeel / "+" = voordeel)
	Columns []string // value column labels: header paths
	Rows    []FinancialRow
	Pos     extract.Pos
}

// FinancialRow is one row of amounts; Cells has one entry per column, with
// an empty Text where the row has no value.
type FinancialRow struct {
	Label string
	// Role is the row's own label when Label joins it to the label of its
	// block ("Lasten" in "0.1 Bestuur Lasten"): it tells what the amounts
	// are. "" when the row is in no block.
	Role  string `json:",omitempty"`
	Group string // label of a row without amounts above this one
	Cells []extract.Cell
}

// financialTables takes every table with a unit label and amounts. A
// table without a unit label that stacks under a financial table (only
// headings and titles between, no running text; the same columns) shares
// its unit.
// Percentages and counts in a financial table are indicator values.
func financialTables(c *context, res *Result) {
	var above *FinancialTable
	for i, b := range c.doc.Blocks {
		if c.table(i) == nil {
			if b.Kind == extract.TableBlock || b.Kind == extract.List || isProse(b) {
				above = nil
			}
			continue
		}
		var first *FinancialTable
		parts, continued := subTables(b.Table), false
		if above != nil && i > 0 && c.table(i-1) == nil {
			if p, ok := continuedPart(c.doc.Blocks[i-1].Table, b.Table); ok {
				parts, first, continued = []subTable{p}, above, true
			}
		}
		for _, part := range parts {
			ft, quantities, ok := financialTable(c, i, part.table, above, first)
			if !ok {
				above = nil
				continue
			}
			if continued {
				ft.Title = first.Title // a part of the table above
			}
			for r := range ft.Rows {
				if ft.Rows[r].Group == "" {
					ft.Rows[r].Group = part.group
				}
			}
			if first == nil {
				first = &ft
			}
			res.Financial = append(res.Financial, ft)
			res.Indicators = append(res.Indicators, quantities...)
			c.take(i)
			above = &ft
		}
	}
}

// continuedTitle puts the heading or title line right above table i
// before title when title goes on from it in lower case: "Programma: P5
// Natuur, klimaat en" above the table, "mobiliteit" beside the header.
func continuedTitle(c *context, i int, title string) string {
	r, _ := utf8.DecodeRuneInString(title)
	if i == 0 || !unicode.IsLower(r) {
		return title
	}
	prev := c.doc.Blocks[i-1]
	text := collapse(prev.Text)
	if (prev.Kind != extract.Heading && prev.Kind != extract.Paragraph) || text == "" || len(text) > maxTitle ||
		strings.ContainsAny(text[len(text)-1:], ".:;!?") {
		return title
	}
	return text + " " + title
}

// subTable is a part of a table under one sub-header, with the
// sub-header's own label ("Reserves") as the group of its rows.
type subTable struct {
	table *extract.Table
	group string
}

// subTables splits a table at its sub-headers: body rows with words (no
// values) in just the columns where the header's last row has them
// ("Reserves | Onttrekking | Toevoeging" under "Baten | Lasten"). Each
// sub-header replaces the header's last row for the rows below it.
func subTables(t *extract.Table) []subTable {
	header, body := splitHeader(t.Rows)
	if len(header) == 0 {
		return []subTable{{table: t}}
	}
	last := header[len(header)-1]
	marked := slices.ContainsFunc(last, func(c extract.Cell) bool { return c.Header })
	var parts []subTable
	top, start, group := header, 0, ""
	for r, row := range body {
		if !isSubHeader(row, last) {
			continue
		}
		parts = append(parts, subTable{&extract.Table{Caption: t.Caption, Pos: t.Pos, Rows: slices.Concat(top, body[start:r])}, group})
		sub := slices.Clone(row)
		for k := range sub {
			sub[k].Header = marked
		}
		top, start, group = append(slices.Clone(header[:len(header)-1]), sub), r+1, collapse(row[0].Text)
	}
	if parts == nil {
		return []subTable{{table: t}}
	}
	return append(parts, subTable{&extract.Table{Caption: t.Caption, Pos: t.Pos, Rows: slices.Concat(top, body[start:])}, group})
}

// continuedPart reads table t, which follows table prev directly, as a
// later part of prev when t's header is one sub-header row in prev's
// columns ("Reserves | Onttrekking | Toevoeging" under prev's "Baten |
// Lasten"): a reader may end a table at such a row. The part takes prev's
// header rows above its last one, and its first cell as the group.
func continuedPart(prev, t *extract.Table) (subTable, bool) {
	if prev == nil {
		return subTable{}, false
	}
	top, _ := splitHeader(prev.Rows)
	header, body := splitHeader(t.Rows)
	if len(top) < 2 || len(header) != 1 || len(body) == 0 || !isSubHeader(header[0], top[len(top)-1]) {
		return subTable{}, false
	}
	rows := slices.Concat(top[:len(top)-1], header, body)
	return subTable{&extract.Table{Caption: t.Caption, Pos: t.Pos, Rows: rows}, collapse(header[0][0].Text)}, true
}

// minSubHeader is how many column words a sub-header row needs: one word
// beside a label may be a note.
const minSubHeader = 2

// isSubHeader: row has words, no values or years, in exactly the value
// columns where the header's last row has them.
func isSubHeader(row, last []extract.Cell) bool {
	if len(row) != len(last) {
		return false
	}
	words := 0
	for k := 1; k < len(row); k++ {
		s := collapse(row[k].Text)
		if (s != "") != (collapse(last[k].Text) != "") {
			return false
		}
		if s == "" {
			continue
		}
		if vocab.IsMarker(s) || vocab.IsYear(s) || slices.ContainsFunc(strings.Fields(s), vocab.IsNumber) {
			return false // an amount, also one a reader joined to words
		}
		words++
	}
	return words >= minSubHeader
}

// maxTitle is the longest text that can be a table's title rather than
// running text.
const maxTitle = 120

// isProse: a paragraph of running text, not a title.
func isProse(b extract.Block) bool {
	return b.Kind == extract.Paragraph && (len(b.Text) > maxTitle || strings.HasSuffix(b.Text, "."))
}

// maxUnitBelow is how many characters a paragraph after a table may have
// to be its unit footnote or caption; a longer one is running text.
const maxUnitBelow = 200

// footnoteRows is how many rows at the foot of a table may hold its unit
// label as a footnote.
const footnoteRows = 2

// financialTable recognises table t of block i (the block's table or a
// part of it) as a financial table; above is the financial table it may
// stack under, part the first part of the same table, whose unit a later
// part shares. It returns the table's percentages and counts as indicator
// values.
func financialTable(c *context, i int, t *extract.Table, above, part *FinancialTable) (FinancialTable, []IndicatorValue, bool) {
	b := c.doc.Blocks[i]
	ft := FinancialTable{Section: c.sections[i], Pos: b.Pos}

	// Where the unit label stands: caption, the first rows, the blocks
	// before, the foot of the table, the block after.
	found := func(s string) bool {
		if u, scale, ok := unitOf(s); ok {
			ft.Unit, ft.Scale = u, scale
			return true
		}
		return false
	}
	switch {
	case found(t.Caption):
		ft.Title = strings.TrimSpace(signLegend.ReplaceAllString(withoutUnit(t.Caption), ""))
		// A caption of the unit and the sign legend only: the heading
		// right above it is the title.
		if prev := c.before(i, 1); ft.Title == "" && len(prev) > 0 && prev[0].Kind == extract.Heading {
			ft.Title = withoutUnit(prev[0].Text)
		}
	default:
		for r := 0; r < len(t.Rows) && r < 4 && ft.Unit == ""; r++ {
			for _, cell := range t.Rows[r] {
				if found(cell.Text) {
					break
				}
			}
		}
		if ft.Unit == "" {
			for _, prev := range c.before(i, 2) {
				if len(prev.Text) < 200 && found(prev.Text) {
					if title := withoutUnit(prev.Text); title != "" {
						ft.Title = title
					}
					break
				}
			}
		}
		for r := max(len(t.Rows)-footnoteRows, 0); r < len(t.Rows) && ft.Unit == ""; r++ {
			if isUnitRow(t.Rows[r]) {
				for _, cell := range t.Rows[r] {
					if found(cell.Text) {
						break
					}
				}
			}
		}
		if next, ok := c.after(i); ok && ft.Unit == "" && len(next.Text) < maxUnitBelow {
			found(next.Text)
		}
	}
	header, body := splitHeader(t.Rows)
	body, notes := cutYearNotes(body)
	header, titleCell := cutTitleRows(header)
	if ft.Title == "" {
		ft.Title = withoutUnit(titleCell)
	}
	valueCols := amountColumns(body)
	if len(valueCols) == 0 {
		return ft, nil, false
	}
	valueCols, signCols := cutSignColumns(header, body, valueCols)
	labels := make([]string, len(valueCols))
	for k, col := range valueCols {
		labels[k] = columnLabel(header, col)
	}
	if ft.Unit == "" && above != nil && slices.Equal(labels, above.Columns) {
		ft.Unit, ft.Scale = above.Unit, above.Scale
	}
	if ft.Unit == "" && part != nil {
		ft.Unit, ft.Scale = part.Unit, part.Scale
	}
	if ft.Unit == "" && wholeEuros(labels, body, valueCols) {
		ft.Unit, ft.Scale = WholeEuros, 1
	}
	if ft.Unit == "" {
		return ft, nil, false
	}
	ft.Title = strings.TrimSpace(signLegend.ReplaceAllString(ft.Title, ""))
	if ft.Title == "" {
		ft.Title = strings.TrimSpace(signLegend.ReplaceAllString(withoutUnit(t.Caption), ""))
	}
	// A title cell in the header's label column ("Beleidsveld: Jeugd"),
	// maybe the end of a title that wraps around the header's first line.
	for _, row := range header {
		if len(row) > 0 && ft.Title == "" {
			ft.Title = continuedTitle(c, i, withoutUnit(row[0].Text))
		}
	}
	if ft.Title == "" {
		for _, prev := range c.before(i, 3) {
			if prev.Kind == extract.Heading || (len(prev.Text) < maxTitle && !strings.HasSuffix(prev.Text, ".") && !strings.HasSuffix(prev.Text, ":")) {
				if title := withoutUnit(prev.Text); title != "" && !signLegend.MatchString(title) {
					ft.Title = title
					break
				}
			}
		}
	}
	for _, s := range append([]string{t.Caption}, blockTexts(c.before(i, 3))...) {
		if m := signLegend.FindString(s); m != "" {
			ft.Sign = strings.TrimSpace(m)
			break
		}
	}

	// Percentages and counts are not money: their columns leave the table.
	var money []int
	for k, col := range valueCols {
		if !vocab.IsQuantity(labels[k]) {
			money = append(money, col)
			ft.Columns = append(ft.Columns, labels[k])
		}
	}
	first := valueCols[0]
	var quantities []IndicatorValue
	group := ""
	blocks := blockLabels(body, first, valueCols)
	for r, row := range body {
		if blocks[r].head {
			continue
		}
		label, role := blocks[r].label, blocks[r].role
		if label == "" {
			label, role = rowLabel(row, first), ""
			if n := len(ft.Rows); n > 0 {
				var above string
				above, label, role = joinedBlockRole(ft.Rows[n-1].Label, label)
				if above != ft.Rows[n-1].Label {
					ft.Rows[n-1].Label, ft.Rows[n-1].Role = above, lastWord(above)
				}
			}
		}
		if isYearRow(row, valueCols) {
			// The column headers repeated over a stacked block, with its
			// label.
			if rowLabel(row, first) != "" {
				group = rowLabel(row, first)
			}
			continue
		}
		quantity := quantityLabel(label)
		var cells []extract.Cell
		amounts, others := 0, 0
		for k, col := range valueCols {
			var cell extract.Cell
			if col < len(row) {
				cell = row[col]
			}
			cell.Text = signed(cell.Text, nadeelSign(ft.Sign))
			if sc, ok := signCols[col]; ok && sc < len(row) {
				cell.Text = withSign(cell.Text, row[sc].Text, nadeelSign(ft.Sign))
			}
			if !vocab.IsValue(cell.Text) {
				cell.Text = ""
			}
			if cell.Text != "" && (quantity || strings.Contains(cell.Text, "%") || vocab.IsQuantity(labels[k])) {
				quantities = append(quantities, IndicatorValue{Table: ft.Title, Section: ft.Section, Group: group,
					Name: label, Column: labels[k], Raw: strings.TrimSpace(cell.Text + " " + notes[[2]int{r, col}]), Pos: cell.Pos})
				others++
				cell.Text = ""
			}
			if vocab.IsQuantity(labels[k]) {
				continue // not one of ft.Columns
			}
			if cell.Text != "" {
				amounts++
			}
			cells = append(cells, cell)
		}
		if amounts == 0 && others > 0 {
			continue
		}
		if amounts == 0 {
			if ft.Sign == "" {
				if m := signLegend.FindString(label); m != "" {
					ft.Sign = strings.TrimSpace(m)
					continue
				}
			}
			if label != "" && !isUnitRow(row) && !emptyItem(body, r, first, valueCols) {
				group = label
			}
			continue
		}
		ft.Rows = append(ft.Rows, FinancialRow{Label: label, Role: role, Group: group, Cells: cells})
	}
	if len(money) == 0 {
		return ft, nil, false
	}
	if riskRegister(labels) {
		quantities = nil
	}
	return ft, quantities, len(ft.Rows) > 0
}

// emptyItem: body row r, a label without amounts, is an item of the list
// it stands in that has no amounts, not a group heading over the rows
// below: the rows right above and below it have amounts and their labels
// start with the same word as its label ("Baten derden" under "Baten
// pluspakket gemeenten").
func emptyItem(body [][]extract.Cell, r, first int, valueCols []int) bool {
	word := func(k int) string {
		if k < 0 || k >= len(body) || !hasAmount(body[k], valueCols) {
			return ""
		}
		if f := strings.Fields(rowLabel(body[k], first)); len(f) > 0 {
			return strings.ToLower(f[0])
		}
		return ""
	}
	w := strings.Fields(rowLabel(body[r], first))
	return len(w) > 1 && word(r-1) == strings.ToLower(w[0]) && word(r+1) == strings.ToLower(w[0])
}

// cutYearNotes takes the year notes out of body: a row of year notes only,
// "(2018)  (2019)" printed under the values, and a year-note line inside a
// cell. They say when the values above them were measured: notes holds
// each by the row and column of its value. The note "(2018)" would read
// as the amount -2018.
func cutYearNotes(body [][]extract.Cell) (rows [][]extract.Cell, notes map[[2]int]string) {
	notes = map[[2]int]string{}
	for _, row := range body {
		if onlyYearNotes(row) && len(rows) > 0 {
			for col, c := range row {
				if isYearNote(c.Text) {
					notes[[2]int{len(rows) - 1, col}] = collapse(c.Text)
				}
			}
			continue
		}
		row = slices.Clone(row)
		for col, c := range row {
			if !strings.Contains(c.Text, "\n") {
				continue
			}
			var kept []string
			for _, l := range strings.Split(c.Text, "\n") {
				if isYearNote(l) && len(kept) > 0 {
					notes[[2]int{len(rows), col}] = collapse(l)
					continue
				}
				kept = append(kept, l)
			}
			row[col].Text = strings.Join(kept, "\n")
		}
		rows = append(rows, row)
	}
	return rows, notes
}

// cutTitleRows removes the header rows that hold one title cell spanning
// the label and value columns (an HTML th colspan), and returns the
// title.
func cutTitleRows(header [][]extract.Cell) (rest [][]extract.Cell, title string) {
	for _, row := range header {
		if len(row) > 1 && row[0].Text != "" && distinctTexts(row) == 1 && row[len(row)-1].Spanned {
			if title == "" {
				title = collapse(row[0].Text)
			}
			continue
		}
		rest = append(rest, row)
	}
	return rest, title
}

// blockRow is what blockLabels tells of one body row.
type blockRow struct {
	label string // the block label joined with the row's own label; "" outside a block
	role  string // the row's own label in the second label column (Baten, Lasten, Saldo)
	head  bool   // a row that only holds a line of its block's label
}

// blockLabels gives each body row the label of its block in a table with
// two label columns, where the first (a taakveld, a programme) is printed
// once per block: on the block's first row, or vertically centred against
// it (an HTML rowspan reads as the first row); the second (Baten, Lasten,
// Saldo) is printed on every row. A block ends after its saldo, where a
// second-column label repeats, at a row without amounts, or at a label
// that spans both columns. A block
// label that wraps prints its lines on consecutive rows, a centred one may
// print a line on a row of its own inside the block.
// A block with lines that are not one wrapped label (Totaal baten, Totaal
// lasten) gives each line to its row and the rows below it.
func blockLabels(body [][]extract.Cell, first int, valueCols []int) []blockRow {
	out := make([]blockRow, len(body))
	if first < 2 {
		return out
	}
	heads := make([]string, len(body))
	carried := false
	for r, row := range body {
		if len(row) < first {
			continue
		}
		heads[r] = collapse(row[0].Text)
		if r > 0 && row[0].Spanned && len(body[r-1]) > 0 && collapse(body[r-1][0].Text) == heads[r] {
			heads[r] = "" // a rowspan's copy: the block label is printed once
		}
		out[r].role = rowLabel(row[1:], first-1)
		if heads[r] == "" && out[r].role != "" && hasAmount(row, valueCols) {
			carried = true
		}
	}
	if !carried || !blockRoles(body, out, valueCols) {
		return make([]blockRow, len(body))
	}
	var block []int // the rows of the open block
	seen := map[string]bool{}
	closeBlock := func() {
		labelBlock(block, heads, out)
		block, seen = nil, map[string]bool{}
	}
	for r, row := range body {
		head, role := heads[r], out[r].role
		inBlock := hasAmount(row, valueCols) && role != "" && head != role
		// A line of a centred block label on a row of its own.
		lone := !hasAmount(row, valueCols) && role == "" && head != "" && len(block) > 0 &&
			r+1 < len(body) && hasAmount(body[r+1], valueCols) && heads[r+1] == "" && !seen[out[r+1].role]
		switch {
		case lone:
			out[r].head = true
			block = append(block, r)
			continue
		case !inBlock:
			closeBlock()
			out[r].role = ""
			continue
		case seen[role]:
			closeBlock()
		}
		seen[role] = true
		block = append(block, r)
		if vocab.IsRow(vocab.Saldo, role) {
			closeBlock() // the saldo closes its block
		}
	}
	closeBlock()
	return out
}

// joinedBlockRole gives a row labelled by its role ("Lasten") the block
// label of the row above when that row's label is the block label and a
// role joined in one cell ("5.1 Sportbeleid Baten"), as a reader gives
// when the two label columns touch: the block label is printed once and
// starts with its code. A block label that wraps prints its rest beside
// the second role ("recreatie Lasten"); that rest, starting in lower case
// or with a bracket, goes back into the block label, so the row above
// changes too. It returns the labels of the row above and of this row,
// and this row's role ("" when nothing was joined).
func joinedBlockRole(above, label string) (string, string, string) {
	words := strings.Fields(above)
	if len(words) < 3 || !isRole(words[len(words)-1]) || !strings.ContainsAny(words[0], "0123456789") {
		return above, label, ""
	}
	block := strings.Join(words[:len(words)-1], " ")
	if isRole(label) {
		return above, block + " " + label, label
	}
	own := strings.Fields(label)
	if n := len(own); n >= 2 && n <= maxWrapWords+1 && isRole(own[n-1]) && continues(own[0]) {
		block += " " + strings.Join(own[:n-1], " ")
		return block + " " + words[len(words)-1], block + " " + own[n-1], own[n-1]
	}
	return above, label, ""
}

// maxWrapWords is how many words the wrapped rest of a block label may
// have: a block label wraps over at most one short line.
const maxWrapWords = 3

// continues: a word that goes on from the line above (lower case or an
// opening bracket), not one that starts a label.
func continues(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) || r == '('
}

// lastWord returns the last word of s.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// isRole: s is one word saying which row of a block it is.
func isRole(s string) bool {
	if strings.ContainsRune(strings.TrimSpace(s), ' ') {
		return false
	}
	for _, k := range []vocab.RowKind{vocab.Baten, vocab.Lasten, vocab.Saldo} {
		if vocab.IsRowWord(k, strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}

// blockRoles: the second label column holds what each row of a block is:
// its labels come back from block to block, or all say baten, lasten,
// saldo or totaal. A column of labels that never repeat holds the rows' own labels.
func blockRoles(body [][]extract.Cell, rows []blockRow, valueCols []int) bool {
	count := map[string]int{}
	for r, row := range body {
		if rows[r].role != "" && hasAmount(row, valueCols) {
			count[rows[r].role]++
		}
	}
	repeats, kinds := false, true
	for role, n := range count {
		repeats = repeats || n > 1
		kinds = kinds && (vocab.IsRow(vocab.Baten, role) || vocab.IsRow(vocab.Lasten, role) ||
			vocab.IsRow(vocab.Saldo, role) || vocab.IsRow(vocab.Totaal, role))
	}
	return repeats || kinds
}

// labelBlock labels the rows of one block: with its label when its label
// lines make one wrapped label (on consecutive rows, each going on from
// the first), else each line carries down to the next line.
func labelBlock(block []int, heads []string, out []blockRow) {
	var lines []string
	wrapped, prev := true, -1
	for _, r := range block {
		if heads[r] == "" {
			continue
		}
		if len(lines) > 0 {
			wrapped = wrapped && r == prev+1 && wraps(lines[0], heads[r])
		}
		lines = append(lines, heads[r])
		prev = r
	}
	if len(lines) == 0 {
		return
	}
	label := ""
	if wrapped {
		label = strings.Join(lines, " ")
	}
	for _, r := range block {
		if !wrapped && heads[r] != "" {
			label = heads[r]
		}
		if label != "" && !out[r].head {
			out[r].label = strings.TrimSpace(label + " " + out[r].role)
		}
	}
}

// codeStart is a taakveld or programme code at the start of a label.
var codeStart = regexp.MustCompile(`^[A-Z]?\d+(\.\d+)*\.?\s`)

// wraps: line is the second line of the block label block, not a new
// block: it starts in lower case, or the block starts with a code and the
// line does not.
func wraps(block, line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r) || (codeStart.MatchString(block) && !codeStart.MatchString(line))
}

func hasAmount(row []extract.Cell, cols []int) bool {
	for _, col := range cols {
		if col < len(row) && vocab.IsNumber(row[col].Text) {
			return true
		}
	}
	return false
}

// isYearRow: a body row whose values are all years, a repeated header.
func isYearRow(row []extract.Cell, cols []int) bool {
	years := 0
	for _, col := range cols {
		if col >= len(row) || row[col].Text == "" {
			continue
		}
		if !vocab.IsYear(strings.TrimSpace(row[col].Text)) {
			return false
		}
		years++
	}
	return years > 1
}

// cutSignColumns finds the columns that print only the sign of the amount
// left of them ("+", "-", "V", "N") and removes them from cols. signs maps
// a value column to the sign column right of it.
func cutSignColumns(header, body [][]extract.Cell, cols []int) (values []int, signs map[int]int) {
	signs = map[int]int{}
	isValue := map[int]bool{}
	for _, col := range cols {
		isValue[col] = true
	}
	for _, col := range cols {
		if !isValue[col-1] || columnLabel(header, col) != "" {
			continue
		}
		only, marks := true, 0
		for _, row := range body {
			if col >= len(row) || strings.TrimSpace(row[col].Text) == "" {
				continue
			}
			if !vocab.IsSignOnly(row[col].Text) {
				only = false
				break
			}
			if strings.TrimSpace(row[col].Text) != "-" {
				marks++ // a "-" alone is also a nil marker
			}
		}
		if only && marks > 0 {
			signs[col-1] = col
		}
	}
	for _, col := range cols {
		if _, sign := signs[col-1]; !sign || signs[col-1] != col {
			values = append(values, col)
		}
	}
	return values, signs
}

// nadeelSign is the sign a nadeel gets: "-" unless the legend says "+".
func nadeelSign(legend string) string {
	if plusNadeel.MatchString(legend) {
		return ""
	}
	return "-"
}

var plusNadeel = regexp.MustCompile(`\+["'“”‘’]?\s*=\s*["'“”‘’]?\s*nade`)

// signed writes a marked amount ("N 31.393") as a signed one ("-31.393")
// with nadeel, the sign the legend gives a nadeel.
func signed(text, nadeel string) string {
	amount, isNadeel, ok := vocab.CutSignMark(text)
	switch {
	case !ok:
		return text
	case isNadeel:
		return nadeel + amount
	}
	return amount
}

// withSign applies the sign printed in a column of its own to amount.
func withSign(amount, sign, nadeel string) string {
	if !vocab.IsNumber(amount) || strings.HasPrefix(amount, "-") {
		return amount
	}
	switch strings.TrimSpace(sign) {
	case "-", "−", "–":
		return "-" + amount
	case "N":
		return nadeel + amount
	}
	return amount
}

func blockTexts(bs []extract.Block) []string {
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Text
	}
	return out
}

// isUnitRow: a row that holds only a unit label.
func isUnitRow(row []extract.Cell) bool {
	for _, c := range row {
		if c.Text != "" && withoutUnit(c.Text) != "" {
			return false
		}
	}
	return true
}

// splitHeader separates the header rows (marked Header by the reader, or
// leading rows without amounts other than years) from the body. Header
// cells in the label column only (row labels written as th) do not mark
// the header.
func splitHeader(rows [][]extract.Cell) (header, body [][]extract.Cell) {
	marked := false
	for _, r := range rows {
		for k, c := range r {
			marked = marked || (c.Header && k > 0)
		}
	}
	n := 0
	if marked {
		// The reader knows the header: trust it, up to a row of values or
		// markers ("< 0" bounds), which is a body row.
		for n < len(rows) && allHeader(rows[n]) && valueCells(rows[n]) == 0 {
			n++
		}
		return rows[:n], rows[n:]
	}
	for n < len(rows) && isHeaderRow(rows[n]) {
		n++
	}
	return rows[:n], rows[n:]
}

func allHeader(row []extract.Cell) bool {
	for _, c := range row {
		if !c.Header {
			return false
		}
	}
	return len(row) > 0
}

// valueCells counts the cells right of the label that hold a number or a
// marker in place of one, years and year notes "(2023)" not counted.
func valueCells(row []extract.Cell) int {
	n := 0
	for k, c := range row {
		if k > 0 && (vocab.IsNumber(c.Text) || vocab.IsMarker(c.Text)) && !vocab.IsYear(strings.TrimSpace(c.Text)) && !isYearNote(c.Text) {
			n++
		}
	}
	return n
}

func isHeaderRow(row []extract.Cell) bool {
	text := 0
	for k, c := range row {
		if k > 0 && c.Text != "" {
			text++
		}
	}
	numbers := valueCells(row)
	text -= numbers
	if numbers > 0 || text == 0 {
		return false
	}
	// A row of column names: several text cells beside the label column.
	return text >= 1 && len(row) > 1
}

// amountColumns lists the columns that hold an amount in some body row and
// are not the row-label column.
func amountColumns(body [][]extract.Cell) []int {
	width := 0
	for _, r := range body {
		width = max(width, len(r))
	}
	var cols []int
	for col := 1; col < width; col++ {
		amounts, text := 0, 0
		for _, r := range body {
			if col >= len(r) || r[col].Text == "" {
				continue
			}
			if vocab.IsValue(signed(r[col].Text, "-")) {
				amounts++
			} else {
				text++
			}
		}
		if amounts > 0 && amounts >= text {
			cols = append(cols, col)
		}
	}
	return cols
}

// columnLabel joins the header texts above a column top to bottom, without
// unit labels and without repeating a text; a word a hyphen broke over two
// header lines is one word again ("Afschrij-" over "vingen").
func columnLabel(header [][]extract.Cell, col int) string {
	var parts []string
	for _, row := range header {
		if col >= len(row) {
			continue
		}
		s := onePhrase(collapse(withoutUnit(row[col].Text)))
		if s == "" || (len(parts) > 0 && parts[len(parts)-1] == s) {
			continue
		}
		parts = append(parts, s)
	}
	return unhyphenated(strings.Join(parts, " "))
}

// onePhrase is s once when s is one phrase printed again and again: a
// header word over every column ("Streefwaarde Streefwaarde Streefwaarde")
// that the reader took as one cell spanning them labels each column once.
func onePhrase(s string) string {
	fields := strings.Fields(s)
	for n := 1; n <= len(fields)/2; n++ {
		if len(fields)%n != 0 {
			continue
		}
		repeated := true
		for k := n; k < len(fields) && repeated; k++ {
			repeated = fields[k] == fields[k%n]
		}
		if repeated {
			return strings.Join(fields[:n], " ")
		}
	}
	return s
}

// rowLabel joins the text cells left of the first amount column.
func rowLabel(row []extract.Cell, first int) string {
	var parts []string
	for k := 0; k < first && k < len(row); k++ {
		s := collapse(row[k].Text)
		if s == "" || (row[k].Spanned && len(parts) > 0 && parts[len(parts)-1] == s) {
			continue
		}
		parts = append(parts, s)
	}
	return strings.TrimPrefix(strings.Join(parts, " "), "- ")
}
