package normalize

import (
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
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
		cr := checkRow{label: r.Label, kind: ClassifyRow(r.Label), total: isTotal(r.Label)}
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
	baten, lasten, saldo := pick(rows, RowBaten), pick(rows, RowLasten), pick(rows, RowSaldo)
	resultaat := pick(rows, RowResultaat)
	toevoeging, onttrekking, mutaties := pick(rows, RowToevoeging), pick(rows, RowOnttrekking), pick(rows, RowReserves)
	for col := range t.Columns {
		kind, _ := ClassifyColumn(t.Columns[col], "", 0)
		b, l, s := value(rows, baten, col), value(rows, lasten, col), value(rows, saldo, col)
		if b != nil && l != nil && s != nil {
			expected := *b - *l
			if *l < 0 || *b < 0 {
				expected = *b + *l
			}
			if kind == ColVerschil && abs(*s-(*b+*l)) < abs(*s-expected) {
				expected = *b + *l // a difference column prints favourable lasten as positive
			}
			add(col, RuleSaldo, expected, *s, 2, rows[saldo].pos[col])
		}
		r := value(rows, resultaat, col)
		if s != nil && r != nil {
			expected, terms := *s, 1
			if m := value(rows, mutaties, col); m != nil {
				expected, terms = expected+*m, 2
			} else {
				if o := value(rows, onttrekking, col); o != nil {
					expected, terms = expected+abs(*o)*sign(*o, kind), terms+1
				}
				if tv := value(rows, toevoeging, col); tv != nil {
					expected, terms = expected-abs(*tv)*sign(*tv, kind), terms+1
				}
			}
			if terms > 1 {
				add(col, RuleResultaat, expected, *r, terms, rows[resultaat].pos[col])
			}
		}
		for i, row := range rows {
			if !row.total || row.values[col] == nil {
				continue
			}
			var sum int64
			parts := 0
			for k := i - 1; k >= 0 && !rows[k].total; k-- {
				if row.kind != RowOther && rows[k].kind != row.kind {
					break
				}
				if v := rows[k].values[col]; v != nil {
					sum += *v
				}
				parts++
			}
			if parts >= 2 {
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

func isTotal(label string) bool {
	l := strings.ToLower(label)
	return strings.HasPrefix(l, "totaal") || strings.HasPrefix(l, "subtotaal")
}

// pick returns the row of a kind that stands for the table: a total row
// ("Totaal lasten") first, else the first row of that kind; -1 if none.
func pick(rows []checkRow, kind string) int {
	first := -1
	for i, r := range rows {
		if r.kind != kind {
			continue
		}
		if r.total {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	return first
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
