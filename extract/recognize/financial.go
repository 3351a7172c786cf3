package recognize

import (
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// FinancialTable is a table of amounts with a unit label.
type FinancialTable struct {
	Title   string   // caption, title cell or title line
	Section []string // headings above the table
	Unit    string   // the unit label as printed, e.g. "bedragen x €1000"
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
	Group string // label of a row without amounts above this one
	Cells []extract.Cell
}

// financialTables takes every table with a unit label and amounts.
func financialTables(c *context, res *Result) {
	for i := range c.doc.Blocks {
		if c.table(i) == nil {
			continue
		}
		if ft, ok := financialTable(c, i); ok {
			res.Financial = append(res.Financial, ft)
			c.take(i)
		}
	}
}

// financialTable recognises block i as a financial table.
func financialTable(c *context, i int) (FinancialTable, bool) {
	b := c.doc.Blocks[i]
	t := b.Table
	ft := FinancialTable{Section: c.sections[i], Pos: b.Pos}

	// Where the unit label stands: caption, the first rows, the blocks before.
	found := func(s string) bool {
		if u, scale, ok := unitOf(s); ok {
			ft.Unit, ft.Scale = u, scale
			return true
		}
		return false
	}
	switch {
	case found(t.Caption):
		ft.Title = withoutUnit(t.Caption)
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
	}
	if ft.Unit == "" {
		return ft, false
	}
	ft.Title = strings.TrimSpace(signLegend.ReplaceAllString(ft.Title, ""))
	if ft.Title == "" {
		ft.Title = withoutUnit(t.Caption)
	}
	header, body := splitHeader(t.Rows)
	// A title cell in the header's label column ("Beleidsveld: Jeugd").
	for _, row := range header {
		if len(row) > 0 && ft.Title == "" {
			ft.Title = withoutUnit(row[0].Text)
		}
	}
	if ft.Title == "" {
		for _, prev := range c.before(i, 3) {
			if prev.Kind == extract.Heading || (len(prev.Text) < 120 && !strings.HasSuffix(prev.Text, ".") && !strings.HasSuffix(prev.Text, ":")) {
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

	valueCols := amountColumns(body)
	if len(valueCols) == 0 {
		return ft, false
	}
	first := valueCols[0]
	for _, col := range valueCols {
		ft.Columns = append(ft.Columns, columnLabel(header, col))
	}
	group := ""
	for _, row := range body {
		label := rowLabel(row, first)
		var cells []extract.Cell
		amounts := 0
		for _, col := range valueCols {
			var cell extract.Cell
			if col < len(row) {
				cell = row[col]
			}
			if vocab.IsValue(cell.Text) {
				amounts++
			} else {
				cell.Text = ""
			}
			cells = append(cells, cell)
		}
		if amounts == 0 {
			if ft.Sign == "" {
				if m := signLegend.FindString(label); m != "" {
					ft.Sign = strings.TrimSpace(m)
					continue
				}
			}
			if label != "" && !isUnitRow(row) {
				group = label
			}
			continue
		}
		ft.Rows = append(ft.Rows, FinancialRow{Label: label, Group: group, Cells: cells})
	}
	return ft, len(ft.Rows) > 0
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
// leading rows without amounts other than years) from the body.
func splitHeader(rows [][]extract.Cell) (header, body [][]extract.Cell) {
	marked := false
	for _, r := range rows {
		for _, c := range r {
			marked = marked || c.Header
		}
	}
	n := 0
	if marked {
		// The reader knows the header: trust it.
		for n < len(rows) && allHeader(rows[n]) {
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

func isHeaderRow(row []extract.Cell) bool {
	numbers, text := 0, 0
	for k, c := range row {
		if k == 0 || c.Text == "" {
			continue
		}
		if vocab.IsNumber(c.Text) && !vocab.IsYear(strings.TrimSpace(c.Text)) {
			numbers++
		} else {
			text++
		}
	}
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
			if vocab.IsValue(r[col].Text) {
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
// unit labels and without repeating a text.
func columnLabel(header [][]extract.Cell, col int) string {
	var parts []string
	for _, row := range header {
		if col >= len(row) {
			continue
		}
		s := withoutUnit(row[col].Text)
		s = strings.Join(strings.Fields(s), " ")
		if s == "" || (len(parts) > 0 && parts[len(parts)-1] == s) {
			continue
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
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
