package normalize

import "slices"

// RuleGroupTotal is the check of a saldo row that closes item rows in a
// table of baten, lasten and saldo columns (see groupTotals).
const RuleGroupTotal = "sum of items = saldo row"

// minGroupParts is how many item rows a saldo row must close to be their
// total: one row above is a restatement, not a sum.
const minGroupParts = 2

// groupTotals checks, in a table whose baten, lasten and saldo are
// columns (an "Overzicht baten en lasten per taakveld"), each saldo row
// below item rows ("Saldo van baten en lasten programma" under its
// taakvelden) as the total of those items, in every such column. The row
// rules skip these columns (see checkTable), and the column group's
// baten - lasten = saldo takes a saldo in either sign, so without this a
// programme total that lost its minus sign would pass. A failing check is
// reported only when the same row holds in another column: where it fails
// in all, the rows above are not all its items (a reader lost the
// programme totals between them).
func (c *checker) groupTotals() {
	if len(c.skip) == 0 {
		return
	}
	cols := make([]int, 0, len(c.skip))
	for col := range c.skip {
		cols = append(cols, col)
	}
	slices.Sort(cols)
	var parts []int
	for i, r := range c.rows {
		if r.kind != RowSaldo || r.total {
			if r.kind == RowOther && !r.total && !r.breakdown {
				parts = append(parts, i)
			}
			continue
		}
		if len(parts) >= minGroupParts {
			for _, col := range cols {
				if c.value(i, col) != nil {
					tc := c.candidate(RuleGroupTotal, i, col, c.sumOf(col, parts), parts, same(col, len(parts)))
					tc.needsEvidence = true
					c.out = append(c.out, tc)
				}
			}
		}
		parts = nil
	}
}
