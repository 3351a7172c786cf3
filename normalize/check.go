package normalize

import (
	"cmp"
	"slices"
	"strconv"
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
	RuleRunning   = "previous saldo + changes = saldo"
	// RuleIv3 compares a document's totaal baten or totaal lasten with
	// the CBS Iv3 figure (see Reconciliation), within
	// ReconcileTolerancePct.
	RuleIv3 = "total = CBS Iv3"
)

// Digit slips: a found amount whose digits are those of the expected one
// with a digit or two lost or added at an end ("3.152" for "43.152") is a
// misread cell, not a misprint.
const (
	minSlipDigits = 2 // shorter digit strings match by chance
	maxSlipDigits = 2 // a text layer loses a digit or two, not a whole amount
)

// tableCell is one amount of a financial table: its row and column index.
type tableCell struct{ row, col int }

// tableCheck is a Check of one table with the cells it covers.
type tableCheck struct {
	Check
	row   int         // the row of the found amount
	cells []tableCell // the terms and the found amount
	// needsEvidence: the rows may not be a sum at all, so a failing check
	// is reported only when the same row holds in another column.
	needsEvidence bool
	zero          bool    // every amount is 0: holding proves nothing
	key           ruleRow // what holding elsewhere means the same rule: the row, or a column group's saldo column
}

// checkRow is a table row as the checks read it, amounts in whole euros.
type checkRow struct {
	label     string
	kind      string // the label's kind, booking phrases and numbering left out
	part      string // kind when the row stands for its block's baten or lasten, else RowOther
	group     string
	total     bool // the label says total: "Totaal lasten", "2. Subtotaal"
	breakdown bool // "waarvan …": a part of the row above
	announces bool // "…, waarvan:": the rows below are its parts
	values    []*int64
	raw       []string
	pos       []extract.Pos
}

// sum is what a total row adds up in one column.
type sum struct {
	parts []int
	ok    bool
}

// ruleRow names a rule applied to one row, in any column.
type ruleRow struct {
	rule string
	row  int
}

// checker checks one financial table.
type checker struct {
	t     recognize.FinancialTable
	rows  []checkRow
	sums  []map[int]sum    // per column: total rows and the rows they add up
	holds map[ruleRow]int  // how many columns a rule holds in for a row
	runs  bool             // a saldo of the table is a running sum, not baten - lasten
	out   []tableCheck     // candidates, filtered by report
	kinds map[int]string   // column kind per checked column
	skip  map[int]struct{} // columns whose kind word makes the row rules moot
}

// checkTable checks a financial table per column. The rules, in the order
// they are tried for a row:
//
//   - A total (a label that starts with "Totaal" or "Subtotaal" after its
//     numbering, or an unlabelled row) sums the shortest block of two rows
//     or more directly above it within its group; else the same across
//     group labels (a balance sheet's "Totaal activa" over Materiële and
//     Financiële vaste activa); else the subtotals above it (a grand
//     total); else, for a labelled total, the one row above it that it
//     equals (a report tree printing one amount at each level).
//   - A saldo is baten - lasten of its block (the baten and lasten rows
//     whose label starts with the kind word; "Hogere exploitatielasten
//     sporthal" is a change, not the block's lasten), also when printed as
//     lasten - baten; else the previous saldo plus the changes since (a
//     meerjarenbeeld), where a total stands for its parts.
//   - A resultaat is saldo + reserve mutations, else a running sum.
//   - Rows starting "waarvan" are parts of the row above; they are checked
//     when they add up and never count as changes.
//
// Amounts may differ by rounding: one printed unit per pair of terms, at
// least one. A check that fails where the rows may not be a sum at all (a
// total in a running-balance table, a saldo that may be a change) is
// reported only when the same row holds in another column. Nothing is
// corrected; every check that is made is reported.
func checkTable(t recognize.FinancialTable) []tableCheck {
	c := &checker{
		t: t, rows: checkRows(t), holds: map[ruleRow]int{},
		kinds: map[int]string{}, skip: map[int]struct{}{},
	}
	c.columnGroupChecks()
	c.sums = make([]map[int]sum, len(t.Columns))
	for col := range t.Columns {
		c.sums[col] = map[int]sum{}
		c.kinds[col], _ = ClassifyColumn(t.Columns[col], "", 0)
		if ClassifyRow(t.Columns[col]) != RowOther {
			// "Begroting 2024 lasten": the kind is in the column, so the
			// row rules do not apply; columnGroupChecks covers it.
			c.skip[col] = struct{}{}
			continue
		}
		c.totals(col)
	}
	c.groupTotals()
	c.countHolds()
	c.reshapeTotals()
	for col := range t.Columns {
		if _, ok := c.skip[col]; !ok {
			c.derived(col)
		}
	}
	return c.report()
}

func checkRows(t recognize.FinancialTable) []checkRow {
	rows := make([]checkRow, len(t.Rows))
	for i, r := range t.Rows {
		label := vocab.CutNumbering(r.Label)
		cr := checkRow{
			label: r.Label, kind: checkKind(vocab.CutNumbering(kindLabel(r))), group: r.Group,
			total:     vocab.IsRow(vocab.Totaal, label),
			breakdown: vocab.HasLead(vocab.Breakdown, label),
			announces: vocab.AnnouncesBreakdown(label),
		}
		cr.part = cr.kind
		if (cr.kind == RowBaten || cr.kind == RowLasten) && !headWord(cr.kind, label) {
			cr.part = RowOther
		}
		for _, cl := range r.Cells {
			v, _ := Amount(cl.Text, t.Scale)
			cr.values = append(cr.values, v)
			cr.raw = append(cr.raw, cl.Text)
			cr.pos = append(cr.pos, cl.Pos)
		}
		rows[i] = cr
		// A group label that opens with "waarvan" and ends in a colon
		// ("waarvan t.l.v.:", printed on a line of its own under the row it
		// breaks down) announces that its rows are parts of the row above.
		if g := strings.TrimSpace(r.Group); i > 0 && r.Group != t.Rows[i-1].Group &&
			strings.HasSuffix(g, ":") && vocab.HasLead(vocab.Breakdown, g) {
			rows[i-1].announces = true
		}
	}
	return rows
}

// checkKind is the kind of a row label as the checks read it: an
// adjustment ("Af: incidentele baten") or a breakdown ("waarvan …") is
// neither baten nor lasten, a booking phrase does not name the row
// ("Budgetoverhevelingen ten laste van het resultaat"), and a row of both
// onttrekkingen and toevoegingen is the reserve mutations.
func checkKind(label string) string {
	if vocab.HasLead(vocab.Adjustment, label) || vocab.HasLead(vocab.Breakdown, label) {
		return RowOther
	}
	label = vocab.CutBooking(label)
	if vocab.IsRow(vocab.Reserve, label) && vocab.IsRow(vocab.Toevoeging, label) && vocab.IsRow(vocab.Onttrekking, label) {
		return RowReserves
	}
	return ClassifyRow(label)
}

// headWord reports whether a baten or lasten label starts with its kind:
// the first word holds it ("Lasten", "Personeelskosten") or the second is
// the kind word itself ("Totale baten", "Totaal lasten").
func headWord(kind, label string) bool {
	words := strings.Fields(vocab.CutBooking(label))
	if len(words) == 0 {
		return false
	}
	if ClassifyRow(words[0]) == kind {
		return true
	}
	vk := vocab.Baten
	if kind == RowLasten {
		vk = vocab.Lasten
	}
	return len(words) > 1 && vocab.IsRowWord(vk, strings.Trim(words[1], ",.:;()"))
}

// tolerance is the rounding a check allows for terms printed amounts.
func (c *checker) tolerance(terms int) int64 { return c.t.Scale * int64(max(1, terms/2)) }

func (c *checker) value(row, col int) *int64 {
	if row < 0 || row >= len(c.rows) || col >= len(c.rows[row].values) {
		return nil
	}
	return c.rows[row].values[col]
}

// candidate is a check of rule for the found amount at (row, col) from the
// term cells.
func (c *checker) candidate(rule string, row, col int, expected int64, terms []int, termCols []int) tableCheck {
	found := *c.value(row, col)
	tc := tableCheck{row: row, zero: found == 0, key: ruleRow{rule, row}}
	for k, r := range terms {
		tc.cells = append(tc.cells, tableCell{r, termCols[k]})
		if v := c.value(r, termCols[k]); v != nil && *v != 0 {
			tc.zero = false
		}
	}
	tc.cells = append(tc.cells, tableCell{row, col})
	diff := found - expected
	at := c.rows[row].pos[col]
	tc.Check = Check{
		Table: c.t.Title, Column: c.t.Columns[col], Rule: rule,
		Expected: expected, Found: found, Difference: diff,
		OK: abs(diff) <= c.tolerance(max(2, len(terms))), Page: at.Page, Line: at.Line,
	}
	return tc
}

// same is terms, all in column col.
func same(col, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = col
	}
	return out
}

// isSum reports whether row k is a total in column col: labelled as one, or
// an unlabelled row that adds up.
func (c *checker) isSum(col, k int) bool {
	if c.rows[k].total {
		return true
	}
	s, ok := c.sums[col][k]
	return ok && s.ok
}

// totals checks every total row and every breakdown in column col, top to
// bottom, so that a grand total finds the subtotals above it.
func (c *checker) totals(col int) {
	for i, row := range c.rows {
		v := row.values[col]
		if v == nil {
			continue
		}
		if row.total || row.label == "" {
			parts, ok, found := c.findSum(col, i)
			if !found || (!ok && !row.total) {
				continue // an unlabelled row that adds nothing up is an item
			}
			c.sums[col][i] = sum{parts, ok}
			tc := c.candidate(RuleTotal, i, col, c.sumOf(col, parts), parts, same(col, len(parts)))
			tc.OK, tc.needsEvidence = ok, true
			c.out = append(c.out, tc)
		}
		if parts := c.breakdownOf(col, i); parts != nil {
			c.out = append(c.out, c.candidate(RuleTotal, i, col, c.sumOf(col, parts), parts, same(col, len(parts))))
		}
	}
}

// reshapeTotals gives a total that fails in one column the parts it adds
// up in another, when it holds there: the rows it sums are known.
func (c *checker) reshapeTotals() {
	shape := map[int][]int{}
	for col := range c.sums {
		for row, s := range c.sums[col] {
			if s.ok && len(s.parts) >= 2 {
				shape[row] = s.parts
			}
		}
	}
	for i := range c.out {
		tc := &c.out[i]
		found := tc.cells[len(tc.cells)-1]
		parts, ok := shape[tc.row]
		if tc.OK || tc.Rule != RuleTotal || !ok {
			continue
		}
		*tc = c.candidate(RuleTotal, tc.row, found.col, c.sumOf(found.col, parts), parts, same(found.col, len(parts)))
		tc.needsEvidence = true
		c.sums[found.col][tc.row] = sum{parts, tc.OK}
	}
}

func (c *checker) sumOf(col int, rows []int) int64 {
	var s int64
	for _, k := range rows {
		if v := c.value(k, col); v != nil {
			s += *v
		}
	}
	return s
}

// findSum finds the rows a total at row i adds up in column col. found is
// false when there is nothing to compare with; ok false with found true
// gives the block the total should have added up: the rows back to the
// previous total or group label.
func (c *checker) findSum(col, i int) (parts []int, ok, found bool) {
	target := *c.rows[i].values[col]
	block := func(crossGroups, jumps bool) (all []int, match []int) {
		var s int64
		for k := i - 1; k >= 0; k-- {
			r := c.rows[k]
			if r.kind == RowSaldo || r.breakdown || r.announces {
				break
			}
			jump := -1 // a subtotal that adds up stands for its parts
			if c.isSum(col, k) {
				sub, ok := c.sums[col][k]
				if !ok || !sub.ok || !jumps {
					break
				}
				jump = slices.Min(sub.parts)
			}
			if !crossGroups && r.group != c.rows[i].group {
				break
			}
			if !partOf(r.kind, c.rows[i].kind) {
				break
			}
			all = append(all, k)
			if v := r.values[col]; v != nil {
				s += *v
			}
			if match == nil && len(all) >= 2 && abs(s-target) <= c.tolerance(len(all)) {
				match = slices.Clone(all)
			}
			if jump >= 0 {
				k = jump
			}
		}
		return all, match
	}
	for _, crossGroups := range []bool{false, true} {
		if _, match := block(crossGroups, true); match != nil {
			return match, true, true
		}
	}
	// A grand total sums the subtotals above it.
	var subtotals []int
	var s int64
	for k := i - 1; k >= 0; k-- {
		if c.isSum(col, k) && c.rows[k].values[col] != nil {
			subtotals = append(subtotals, k)
			s += *c.rows[k].values[col]
			if len(subtotals) >= 2 && abs(s-target) <= c.tolerance(len(subtotals)) {
				return subtotals, true, true
			}
		}
	}
	// A report tree prints the same amount at each level.
	if c.rows[i].total && i > 0 {
		if v := c.value(i-1, col); v != nil && !c.isSum(col, i-1) && abs(*v-target) <= c.tolerance(1) {
			return []int{i - 1}, true, true
		}
	}
	// The block it should have added up: back to the previous total.
	inGroup, _ := block(false, false)
	if len(inGroup) < 2 || !slices.ContainsFunc(inGroup, func(k int) bool { return c.value(k, col) != nil }) {
		return nil, false, false
	}
	return inGroup, false, true
}

// partOf reports whether a row of kind may be a part of a total of kind
// total: any row of an unclassified total, a row of the same kind, and
// onttrekkingen and toevoegingen of the reserve mutations.
func partOf(kind, total string) bool {
	return total == RowOther || kind == total ||
		total == RowReserves && (kind == RowOnttrekking || kind == RowToevoeging)
}

// breakdownOf returns the rows below row i that break it down ("waarvan
// structureel", or every row below a label ending "waarvan:") when they
// add up to it, else nil.
func (c *checker) breakdownOf(col, i int) []int {
	target := *c.rows[i].values[col]
	var parts []int
	var s int64
	for k := i + 1; k < len(c.rows); k++ {
		if !c.rows[i].announces && !c.rows[k].breakdown {
			break
		}
		parts = append(parts, k)
		if v := c.rows[k].values[col]; v != nil {
			s += *v
		}
		if len(parts) >= 2 && abs(s-target) <= c.tolerance(len(parts)) {
			return parts
		}
	}
	return nil
}

// derived checks the saldo and resultaat rows of column col, top to bottom.
// anchor is the last saldo or resultaat that holds: the start of the
// changes a running sum adds.
func (c *checker) derived(col int) {
	anchor, blockStart := -1, 0
	for i, row := range c.rows {
		if row.values[col] == nil || (row.kind != RowSaldo && row.kind != RowResultaat) {
			continue
		}
		var primary *tableCheck
		if row.kind == RowSaldo {
			primary = c.saldo(col, i, blockStart)
			blockStart = i + 1
		} else if primary = c.resultaat(col, i); primary == nil {
			primary = c.saldo(col, i, blockStart) // an exploitatieresultaat: baten - lasten
			blockStart = i + 1
		}
		if primary != nil && primary.OK {
			c.out = append(c.out, *primary)
			anchor = i
			continue
		}
		run := c.running(col, anchor, i)
		switch {
		case run != nil && run.OK:
			c.runs = true
			c.out = append(c.out, *run)
			anchor = i
		case primary != nil:
			c.out = append(c.out, *primary) // a printed saldo that fails is still the saldo
			anchor = i
		case run != nil:
			run.needsEvidence = true // the row may be a change, not a saldo
			c.out = append(c.out, *run)
		case anchor >= 0 && *c.value(anchor, col) == *row.values[col]:
			anchor = i // nothing changed since: the same balance again
		}
	}
}

// saldo checks baten - lasten = saldo for the saldo at row i, with the
// baten and lasten that stand for rows[from:i]. nil when one is missing.
func (c *checker) saldo(col, i, from int) *tableCheck {
	bi, li := pickIn(c.rows, RowBaten, from, i), pickIn(c.rows, RowLasten, from, i)
	b, l, s := c.value(bi, col), c.value(li, col), *c.value(i, col)
	if b == nil || l == nil {
		return nil
	}
	expected := *b - *l
	if *l < 0 || *b < 0 {
		expected = *b + *l
	}
	switch {
	case c.kinds[col] == ColVerschil && abs(s-(*b+*l)) < abs(s-expected):
		expected = *b + *l // a difference column prints favourable lasten as positive
	case abs(s-expected) > c.tolerance(2) && abs(s+expected) <= c.tolerance(2):
		expected = -expected // a saldo printed as lasten - baten (a shortfall positive)
	}
	tc := c.candidate(RuleSaldo, i, col, expected, []int{bi, li}, same(col, 2))
	return &tc
}

// resultaat checks saldo + reserves = resultaat for row i; nil when there
// is no saldo or no reserve row above it.
func (c *checker) resultaat(col, i int) *tableCheck {
	si := pickIn(c.rows, RowSaldo, 0, i)
	s := c.value(si, col)
	if s == nil {
		return nil
	}
	expected, terms := *s, []int{si}
	if mi := pickIn(c.rows, RowReserves, si, i); c.value(mi, col) != nil {
		m := *c.value(mi, col)
		expected += m
		if r := *c.value(i, col); abs(r-expected) > c.tolerance(2) && abs(r-(*s-m)) <= c.tolerance(2) {
			expected = *s - m // the mutation printed as what goes into the reserves
		}
		terms = append(terms, mi)
	} else {
		if oi := pickIn(c.rows, RowOnttrekking, si, i); c.value(oi, col) != nil {
			o := *c.value(oi, col)
			expected += abs(o) * sign(o, c.kinds[col])
			terms = append(terms, oi)
		}
		if ti := pickIn(c.rows, RowToevoeging, si, i); c.value(ti, col) != nil {
			tv := *c.value(ti, col)
			expected -= abs(tv) * sign(tv, c.kinds[col])
			terms = append(terms, ti)
		}
	}
	if len(terms) < 2 {
		return nil
	}
	tc := c.candidate(RuleResultaat, i, col, expected, terms, same(col, len(terms)))
	return &tc
}

// running checks that row i is the amount at anchor (0 before the first)
// plus the changes since: every row between, where a total that holds
// stands for its parts and one that fails but holds elsewhere gives way to
// them. nil when there are no changes.
func (c *checker) running(col, anchor, i int) *tableCheck {
	var total int64
	var terms []int
	if anchor >= 0 {
		total, terms = *c.value(anchor, col), []int{anchor}
	}
	changes := 0
	for k := i - 1; k > anchor; k-- {
		r := c.rows[k]
		if r.breakdown {
			continue
		}
		if s, ok := c.sums[col][k]; ok {
			if !s.ok && c.holds[ruleRow{RuleTotal, k}] > 0 {
				continue // a misprinted total: its parts count
			}
			if s.ok {
				total += *r.values[col]
				terms = append(terms, k)
				changes++
				k = max(slices.Min(s.parts), anchor+1)
				continue
			}
		}
		if v := r.values[col]; v != nil {
			total += *v
			terms = append(terms, k)
			changes++
		}
	}
	if changes == 0 {
		return nil
	}
	tc := c.candidate(RuleRunning, i, col, total, terms, same(col, len(terms)))
	return &tc
}

// sign keeps the printed sign of a reserve mutation in a difference column,
// where it says more or less than budgeted; elsewhere mutations are amounts.
func sign(v int64, kind string) int64 {
	if kind == ColVerschil && v < 0 {
		return -1
	}
	return 1
}

// pickIn returns the row that stands for a kind among rows[from:to]: the
// last total row ("Totaal lasten"), else the last row of that kind; -1 if
// none.
func pickIn(rows []checkRow, kind string, from, to int) int {
	last, lastTotal := -1, -1
	for i := max(from, 0); i < to && i < len(rows); i++ {
		if rows[i].part != kind {
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

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// columnGroupChecks checks baten - lasten = saldo across columns where a
// two-level header gives each year its own baten, lasten and saldo columns
// ("Begroting 2024 baten", "Begroting 2024 lasten", "Begroting 2024 saldo").
func (c *checker) columnGroupChecks() {
	type group struct{ baten, lasten, saldo int }
	groups := map[string]*group{}
	var order []string
	for col, label := range c.t.Columns {
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
	for _, key := range order {
		g := groups[key]
		if g.baten < 0 || g.lasten < 0 || g.saldo < 0 {
			continue
		}
		for i, r := range c.rows {
			b, l, s := c.value(i, g.baten), c.value(i, g.lasten), c.value(i, g.saldo)
			if s == nil || (b == nil && l == nil) || r.kind != RowOther && r.kind != RowSaldo && r.kind != RowBaten && r.kind != RowLasten {
				continue // reserve and resultaat rows put their mutation where they like
			}
			var bv, lv int64
			var terms, cols []int
			if b != nil {
				bv, terms, cols = *b, append(terms, i), append(cols, g.baten)
			}
			if l != nil {
				lv, terms, cols = *l, append(terms, i), append(cols, g.lasten)
			}
			expected := bv - lv
			if lv < 0 || bv < 0 {
				expected = bv + lv
			}
			if abs(*s-expected) > c.t.Scale && abs(*s+expected) <= c.t.Scale {
				expected = -expected // a saldo printed as lasten - baten
			}
			tc := c.candidate(RuleSaldo, i, g.saldo, expected, terms, cols)
			tc.Column = c.t.Columns[g.saldo] + " (" + r.label + ")"
			tc.key = ruleRow{RuleSaldo, -1 - g.saldo} // other rows of the column group
			tc.OK = abs(tc.Difference) <= c.t.Scale
			c.out = append(c.out, tc)
		}
	}
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

// countHolds counts, per rule and row, the columns in which a candidate
// holds with an amount that is not 0.
func (c *checker) countHolds() {
	clear(c.holds)
	for _, tc := range c.out {
		if tc.OK && !tc.zero {
			c.holds[tc.key]++
		}
	}
}

// report keeps the candidates that are checks: every one that holds, and
// every failing one unless it needs evidence that the row is a sum (the
// same row holding in another column) and has none. A total that fails in
// a table with a running saldo needs that evidence too: such tables print
// changes labelled "Totaal …". Each failing check gets its suspect.
func (c *checker) report() []tableCheck {
	c.countHolds()
	// In table order: column by column, top to bottom.
	slices.SortStableFunc(c.out, func(a, b tableCheck) int {
		fa, fb := a.cells[len(a.cells)-1], b.cells[len(b.cells)-1]
		return cmp.Or(cmp.Compare(fa.col, fb.col), cmp.Compare(fa.row, fb.row))
	})
	var out []tableCheck
	for _, tc := range c.out {
		if !tc.OK {
			evidence := c.holds[tc.key] > 0
			if (tc.needsEvidence && (tc.Rule != RuleTotal || c.runs)) && !evidence {
				continue
			}
			tc.Suspect = c.suspect(tc, evidence)
		}
		out = append(out, tc)
	}
	return out
}

// suspect tells whether a failing check points at the document or at the
// extraction:
//
//   - extraction when a term is not one well-formed amount ("11.9 66": the
//     text layer split a cell), or when the found amount's digits are the
//     expected amount's with a digit or two lost or added at an end;
//   - document when every term is well formed and the same row holds in
//     another column, or for a column group (baten, lasten and saldo
//     columns) another row (the table is read right, and one number is
//     off), or the table has a single column (nothing else to suspect);
//   - extraction otherwise: a row that fails in every column of a wider
//     table suggests rows or columns were misread.
func (c *checker) suspect(tc tableCheck, evidence bool) string {
	for _, cl := range tc.cells {
		if vocab.HasSplitDigits(c.rows[cl.row].raw[cl.col]) {
			return SuspectExtraction
		}
	}
	if digitSlip(tc.Found/c.t.Scale, tc.Expected/c.t.Scale) {
		return SuspectExtraction
	}
	if evidence || len(c.t.Columns) == 1 {
		return SuspectDocument
	}
	return SuspectExtraction
}

// digitSlip reports whether the digits of a and b differ by a digit or two
// lost or added at one end.
func digitSlip(a, b int64) bool {
	x, y := strconv.FormatInt(abs(a), 10), strconv.FormatInt(abs(b), 10)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) < minSlipDigits || len(y)-len(x) > maxSlipDigits || len(x) == len(y) {
		return false
	}
	return strings.HasPrefix(y, x) || strings.HasSuffix(y, x)
}
