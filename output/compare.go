package output

import (
	"cmp"
	"slices"

	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/normalize/cbs"
)

// measures are the totals a comparison row holds, in the order of an
// overzicht van baten en lasten.
var measures = []string{
	normalize.RowBaten, normalize.RowLasten, normalize.RowSaldo,
	normalize.RowToevoeging, normalize.RowOnttrekking, normalize.RowReserves,
	normalize.RowResultaat,
}

// comparableColumns are the column kinds a comparison holds, in the order
// it shows them; verschil and unclassified columns compare nothing.
var comparableColumns = []string{
	normalize.ColRealisatie, normalize.ColBegrotingPrimitief, normalize.ColBegrotingWijziging,
	normalize.ColBegroting, normalize.ColRaming,
}

// minOverviewParts is how many amounts a total must add up to before its
// table counts as an overview: a programme table's single Lasten row is not
// one, a list of programmes (or of a programme's taakvelden) with their
// total is.
const minOverviewParts = 2

// A comparisonRow is one column (kind and year) of one document's overall
// overview, with signs normalised: baten, lasten, toevoegingen and
// onttrekkingen positive, saldo = baten - lasten, resultaat = saldo +
// reserves.
type comparisonRow struct {
	doc        *normalize.Report
	columnKind string
	columnYear int
	totals     []*int64 // by index in measures
	// verified tells, by index in measures, whether a check that holds
	// covers the total's record.
	verified []bool
	// lastenNegative and saldoReversed tell how the document printed the
	// amounts: lasten below zero, or saldo as lasten - baten.
	lastenNegative, saldoReversed bool
	table                         string // the overview's title
	page                          int    // provenance of the lasten total
	url                           string
	// Inwoners is the number of inhabitants of the gemeente in the column's
	// year, 0 when unknown; the per-inwoner amounts are empty then.
	Inwoners int64
}

func (r *comparisonRow) total(measure string) *int64 {
	return r.totals[slices.Index(measures, measure)]
}

// isVerified tells whether a check that holds covers the total of measure;
// nil when there is no total.
func (r *comparisonRow) isVerified(measure string) any {
	i := slices.Index(measures, measure)
	if r.totals[i] == nil {
		return nil
	}
	return r.verified[i]
}

// perInwoner is a total divided by the number of inhabitants, rounded to
// cents, or nil when either is unknown.
func (r *comparisonRow) perInwoner(measure string) any {
	v := r.total(measure)
	if v == nil || r.Inwoners <= 0 {
		return nil
	}
	return float64(roundDiv(*v*100, r.Inwoners)) / 100
}

// roundDiv is a / b rounded half away from zero, for b > 0.
func roundDiv(a, b int64) int64 {
	if a < 0 {
		return -roundDiv(-a, b)
	}
	return (a + b/2) / b
}

// A skippedDocument is a document with nothing to compare, and why.
type skippedDocument struct {
	doc    *normalize.Report
	reason string
}

// inwoners tells the number of inhabitants of doc's gemeente in year from
// the CBS reference data, 0 when unknown (no CBS code, or a year CBS has no
// count for).
func inwoners(doc *normalize.Report, year int) int64 {
	if doc.CBSCode == "" {
		return 0
	}
	n, _ := cbs.Inwoners(doc.CBSCode, year)
	return int64(n)
}

// compare builds the comparison of the documents of ds, which must be
// sorted: one row per document and comparable column of its overall
// overview, and the documents that have none. See the package
// documentation for how the overview is chosen.
func compare(ds *normalize.Dataset) ([]comparisonRow, []skippedDocument) {
	var rows []comparisonRow
	var skipped []skippedDocument
	for i := range ds.Documents {
		doc := &ds.Documents[i]
		found := documentOverview(doc)
		if len(found) == 0 {
			skipped = append(skipped, skippedDocument{doc, skipReason(doc)})
			continue
		}
		for j := range found {
			found[j].Inwoners = inwoners(doc, found[j].columnYear)
		}
		rows = append(rows, found...)
	}
	return rows, skipped
}

func skipReason(doc *normalize.Report) string {
	switch {
	case len(doc.Financial) == 0 && len(doc.Warnings) > 0:
		return "geen financiële tabellen: " + doc.Warnings[0]
	case len(doc.Financial) == 0:
		return "geen financiële tabellen gevonden"
	}
	return "geen overzicht gevonden waarvan de totale lasten de som van programma's of onderdelen zijn"
}

// A columnKey is a column of a financial table as the comparison sees it.
type columnKey struct {
	kind string
	year int
}

// documentOverview returns the comparison rows of one document: for each
// comparable column, the totals of the table whose lasten total is the sum
// of its parts, verified over unverified, then the largest.
func documentOverview(doc *normalize.Report) []comparisonRow {
	best := map[columnKey]*comparisonRow{}
	lastenAt := slices.Index(measures, normalize.RowLasten)
	better := func(a, b *comparisonRow) bool {
		return cmp.Or(
			compareBool(a.verified[lastenAt], b.verified[lastenAt]),
			cmp.Compare(abs(*a.totals[lastenAt]), abs(*b.totals[lastenAt])),
		) > 0
	}
	recs := doc.Financial
	for start := 0; start < len(recs); {
		end := start + 1
		for end < len(recs) && recs[end].Table == recs[start].Table && slices.Equal(recs[end].Section, recs[start].Section) {
			end++
		}
		for col, row := range tableOverviews(recs[start:end]) {
			if b := best[col]; b == nil || better(row, b) {
				row.doc = doc
				best[col] = row
			}
		}
		start = end
	}
	var out []comparisonRow
	for _, r := range best {
		r.normaliseSigns()
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b comparisonRow) int {
		return cmp.Or(
			cmp.Compare(slices.Index(comparableColumns, a.columnKind), slices.Index(comparableColumns, b.columnKind)),
			cmp.Compare(a.columnYear, b.columnYear),
		)
	})
	return out
}

// tableOverviews returns, per comparable column of one table, its totals as
// printed when the table is an overview in that column: one of its lasten
// amounts is the sum of at least minOverviewParts amounts above it.
func tableOverviews(recs []normalize.Financial) map[columnKey]*comparisonRow {
	type column struct {
		row      comparisonRow
		parts    []int64 // amounts not yet added up into a total
		total    int64   // the lasten total found: verified over unverified, then the largest by absolute value
		verified bool    // whether a check that holds covers the total
		found    bool
	}
	cols := map[columnKey]*column{}
	for _, r := range recs {
		if r.Value == nil || !slices.Contains(comparableColumns, r.ColumnKind) {
			continue
		}
		key := columnKey{r.ColumnKind, r.ColumnYear}
		c := cols[key]
		if c == nil {
			c = &column{row: comparisonRow{columnKind: r.ColumnKind, columnYear: r.ColumnYear, totals: make([]*int64, len(measures)), verified: make([]bool, len(measures)), table: r.Table}}
			cols[key] = c
		}
		v := *r.Value
		switch r.RowKind {
		case normalize.RowLasten:
			if sumOfParts(&c.parts, v, max(r.Scale, 1)) && (!c.found || cmp.Or(compareBool(r.Verified, c.verified), cmp.Compare(abs(v), abs(c.total))) > 0) {
				c.total, c.verified, c.found = v, r.Verified, true
				c.row.page, c.row.url = r.Page, r.URL
			}
		case normalize.RowOther:
			c.parts = append(c.parts, v)
		}
		// The last amount of each kind is the total, a verified one over
		// an unverified one.
		if i := slices.Index(measures, r.RowKind); i >= 0 && (r.Verified || !c.row.verified[i]) {
			c.row.totals[i], c.row.verified[i] = &v, r.Verified
		}
	}
	out := map[columnKey]*comparisonRow{}
	for key, c := range cols {
		if c.found {
			i := slices.Index(measures, normalize.RowLasten)
			c.row.totals[i], c.row.verified[i] = &c.total, c.verified
			out[key] = &c.row
		}
	}
	return out
}

// sumOfParts tells whether total is the sum of the last n ≥
// minOverviewParts amounts in parts, each within one printed unit; if so,
// those amounts are replaced by the total (a subtotal is a part of the next
// total), otherwise total is added to parts.
func sumOfParts(parts *[]int64, total, unit int64) bool {
	p := *parts
	var sum int64
	for n := 1; n <= len(p); n++ {
		sum += p[len(p)-n]
		if n >= minOverviewParts && abs(sum-total) <= unit*int64(n) {
			*parts = append(p[:len(p)-n], total)
			return true
		}
	}
	*parts = append(p, total)
	return false
}

// normaliseSigns turns the printed totals into the comparison's convention:
// lasten and toevoegingen positive; saldo, mutaties reserves and resultaat
// positive for a surplus.
func (r *comparisonRow) normaliseSigns() {
	flip := func(measure string) {
		if p := r.total(measure); p != nil {
			v := -*p
			r.totals[slices.Index(measures, measure)] = &v
		}
	}
	if l := r.total(normalize.RowLasten); l != nil && *l < 0 {
		r.lastenNegative = true
		flip(normalize.RowLasten)
		flip(normalize.RowToevoeging)
	}
	b, l, s := r.total(normalize.RowBaten), r.total(normalize.RowLasten), r.total(normalize.RowSaldo)
	if b != nil && l != nil && s != nil && abs(*b-*l-*s) > abs(*b-*l+*s) {
		r.saldoReversed = true
		flip(normalize.RowSaldo)
		flip(normalize.RowReserves)
		flip(normalize.RowResultaat)
	}
}

func abs(v int64) int64 { return max(v, -v) }

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
