package normalize

import (
	"slices"
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/vocab"
)

// Rules of the arithmetic checks.
const (
	RuleSaldo     = "baten - lasten = saldo"
	RuleResultaat = "saldo + reserves = resultaat"
	RuleTotal     = "sum of parts = total"
)

// checkRow is a table row with its amounts in whole euros.
type checkRow struct {
	label, kind string
	group       string
	total       bool
	values      []*int64
	pos         []extract.Pos
}

// checkTable checks, per column, that baten - lasten = saldo, that saldo
// plus the reserve mutations gives the resultaat, and that every total row
// equals the sum of the rows above it. Amounts may differ by rounding: one
// printed unit per term. Nothing is corrected; every check is reported.
func checkTable(t recognize.FinancialTable) []Check {
	rows := make([]checkRow, len(t.Rows))
	for i, r := range t.Rows {
		cr := checkRow{label: r.Label, kind: ClassifyRow(r.Label), group: r.Group, total: vocab.IsRow(vocab.Totaal, r.Label)}
		for _, cell := range r.Cells {
			v, _ := Amount(cell.Text, t.Scale)
			cr.values = append(cr.values, v)
			cr.pos = append(cr.pos, cell.Pos)
		}
		rows[i] = cr
	}
	var out []Check
	add := func(col int, rule string, expected, found int64, terms int, at extract.Pos) {
		diff := found - expected
		out = append(out, Check{
			Table: t.Title, Column: t.Columns[col], Rule: rule,
			Expected: expected, Found: found, Difference: diff,
			OK: abs(diff) <= t.Scale*int64(max(1, terms/2)), Page: at.Page, Line: at.Line,
		})
	}
	out = append(out, columnGroupChecks(t, rows)...)
	for col := range t.Columns {
		kind, _ := ClassifyColumn(t.Columns[col], "", 0)
		if ClassifyRow(t.Columns[col]) != RowOther {
			// "Begroting 2024 lasten": the kind is in the column, so the
			// row rules do not apply; columnGroupChecks covers it.
			continue
		}
		// Tables may repeat Baten/Lasten/Saldo per taakveld: each saldo row
		// checks against the baten and lasten rows of its own block, each
		// resultaat against the saldo and reserve rows of its block.
		blockStart := 0
		for i, row := range rows {
			switch row.kind {
			case RowSaldo:
				b, l, s := value(rows, pickIn(rows, RowBaten, blockStart, i), col), value(rows, pickIn(rows, RowLasten, blockStart, i), col), row.values[col]
				if b != nil && l != nil && s != nil {
					expected := *b - *l
					if *l < 0 || *b < 0 {
						expected = *b + *l
					}
					if kind == ColVerschil && abs(*s-(*b+*l)) < abs(*s-expected) {
						expected = *b + *l // a difference column prints favourable lasten as positive
					}
					add(col, RuleSaldo, expected, *s, 2, row.pos[col])
				}
				blockStart = i + 1
			case RowResultaat:
				s := value(rows, pickIn(rows, RowSaldo, 0, i), col)
				r := row.values[col]
				if s == nil || r == nil {
					continue
				}
				from := pickIn(rows, RowSaldo, 0, i)
				expected, terms := *s, 1
				if m := value(rows, pickIn(rows, RowReserves, from, i), col); m != nil {
					expected, terms = expected+*m, 2
				} else {
					if o := value(rows, pickIn(rows, RowOnttrekking, from, i), col); o != nil {
						expected, terms = expected+abs(*o)*sign(*o, kind), terms+1
					}
					if tv := value(rows, pickIn(rows, RowToevoeging, from, i), col); tv != nil {
						expected, terms = expected-abs(*tv)*sign(*tv, kind), terms+1
					}
				}
				if terms > 1 {
					add(col, RuleResultaat, expected, *r, terms, row.pos[col])
				}
			}
		}
		for i, row := range rows {
			if !row.total || row.values[col] == nil {
				continue
			}
			// A total sums the block of rows directly above it: the
			// shortest such block (two rows or more) that adds up, else
			// every row back to the previous total.
			var sum int64
			parts, matched := 0, false
			for k := i - 1; k >= 0 && !rows[k].total && rows[k].group == row.group; k-- {
				if row.kind != RowOther && rows[k].kind != row.kind {
					break
				}
				if v := rows[k].values[col]; v != nil {
					sum += *v
				}
				parts++
				if parts >= 2 && abs(sum-*row.values[col]) <= t.Scale*int64(max(1, parts/2)) {
					matched = true
					break
				}
			}
			if !matched {
				// A grand total sums the subtotals above it.
				var subtotals int64
				n := 0
				for k := i - 1; k >= 0; k-- {
					if rows[k].total && rows[k].values[col] != nil {
						subtotals += *rows[k].values[col]
						n++
						if n >= 2 && abs(subtotals-*row.values[col]) <= t.Scale*int64(max(1, n/2)) {
							sum, parts, matched = subtotals, n, true
							break
						}
					}
				}
			}
			if parts >= 2 || matched {
				add(col, RuleTotal, sum, *row.values[col], parts, row.pos[col])
			}
		}
	}
	return out
}

// sign keeps the printed sign of a reserve mutation in a difference column,
// where it says more or less than budgeted; elsewhere mutations are amounts.
func sign(v int64, kind string) int64 {
	if kind == ColVerschil && v < 0 {
		return -1
	}
	return 1
}

// pickIn returns the row of a kind among rows[from:to] that stands for
// them: the last total row ("Totaal lasten"), else the last row of that
// kind; -1 if none.
func pickIn(rows []checkRow, kind string, from, to int) int {
	last, lastTotal := -1, -1
	for i := from; i < to && i < len(rows); i++ {
		if rows[i].kind != kind {
			continue
		}
		last = i
		if rows[i].total {
			lastTotal = i
		}
	}
	if lastTotal >= 0 {
		return lastTotal
	}
	return last
}

func value(rows []checkRow, i, col int) *int64 {
	if i < 0 || col >= len(rows[i].values) {
		return nil
	}
	return rows[i].values[col]
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// columnGroupChecks checks baten - lasten = saldo across columns where a
// two-level header gives each year its own baten, lasten and saldo columns
// ("Begroting 2024 baten", "Begroting 2024 lasten", "Begroting 2024 saldo").
func columnGroupChecks(t recognize.FinancialTable, rows []checkRow) []Check {
	type group struct{ baten, lasten, saldo int }
	groups := map[string]*group{}
	var order []string
	for col, label := range t.Columns {
		kind := ClassifyRow(label)
		if kind != RowBaten && kind != RowLasten && kind != RowSaldo {
			continue
		}
		key := withoutKindWord(label)
		g, ok := groups[key]
		if !ok {
			g = &group{-1, -1, -1}
			groups[key] = g
			order = append(order, key)
		}
		switch kind {
		case RowBaten:
			g.baten = col
		case RowLasten:
			g.lasten = col
		case RowSaldo:
			g.saldo = col
		}
	}
	var out []Check
	for _, key := range order {
		g := groups[key]
		if g.baten < 0 || g.lasten < 0 || g.saldo < 0 {
			continue
		}
		for _, r := range rows {
			at := func(col int) *int64 {
				if col < len(r.values) {
					return r.values[col]
				}
				return nil
			}
			b, l, s := at(g.baten), at(g.lasten), at(g.saldo)
			if s == nil || (b == nil && l == nil) || r.kind != RowOther && r.kind != RowSaldo && r.kind != RowBaten && r.kind != RowLasten {
				continue // reserve and resultaat rows put their mutation where they like
			}
			var bv, lv int64
			if b != nil {
				bv = *b
			}
			if l != nil {
				lv = *l
			}
			expected := bv - lv
			if lv < 0 || bv < 0 {
				expected = bv + lv
			}
			diff := *s - expected
			out = append(out, Check{
				Table: t.Title, Column: t.Columns[g.saldo] + " (" + r.label + ")", Rule: RuleSaldo,
				Expected: expected, Found: *s, Difference: diff, OK: abs(diff) <= t.Scale,
				Page: r.pos[g.saldo].Page, Line: r.pos[g.saldo].Line,
			})
		}
	}
	return out
}

// withoutKindWord removes the kind word (baten, lasten, saldo or one of
// their synonyms) at the end of a two-level column label: the rest names
// the column group.
func withoutKindWord(label string) string {
	words := strings.Fields(label)
	if n := len(words); n > 0 && slices.Contains([]string{RowBaten, RowLasten, RowSaldo}, ClassifyRow(words[n-1])) {
		words = words[:n-1]
	}
	return strings.Join(words, " ")
}
