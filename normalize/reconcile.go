package normalize

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/begroot/begroot/normalize/cbs"
	"github.com/begroot/begroot/vocab"
)

// ReconcileTolerancePct is how far, in percent, a document's totals may lie
// from Iv3 and still agree: Iv3 is in thousands and gemeenten book a few
// items on other taakvelden than their programmes, a few tenths at most.
const ReconcileTolerancePct = 0.5

// reconcileSource names the data a Reconciliation compares with.
const reconcileSource = "CBS Iv3"

// reconcileKinds are, per document type, the Iv3 verslagsoort and the
// columns that hold the document's own figures for its year.
var reconcileKinds = map[string]struct {
	verslagsoort string
	columns      []string
}{
	"begroting":   {cbs.Begroting, []string{ColBegroting, ColBegrotingPrimitief}},
	"jaarstukken": {cbs.Jaarrekening, []string{ColRealisatie}},
}

// reconcile compares the totals of a begroting or jaarstukken with Iv3 and
// adds a check per total (RuleIv3) to r.Checks. When it cannot, it returns
// why; for other documents it returns nothing.
func reconcile(r *Report) (*Reconciliation, string) {
	kind, ok := reconcileKinds[r.DocType]
	switch {
	case !ok:
		return nil, ""
	case r.Organisation != "":
		return nil, fmt.Sprintf("%s is not a gemeente", r.Organisation)
	case r.CBSCode == "":
		return nil, "no gemeente detected"
	case r.Year == 0:
		return nil, "no year detected"
	}
	soort := cbs.Verslagsoort(r.Year, kind.verslagsoort)
	iv3, ok := cbs.Iv3(r.CBSCode, soort)
	if !ok {
		return nil, fmt.Sprintf("CBS Iv3 has no %s for %s %s", soort, r.CBSCode, r.Gemeente)
	}
	t, ok := documentTotals(r.Financial, kind.columns, r.Year)
	if !ok {
		return nil, fmt.Sprintf("no overzicht van baten en lasten with totaal baten and totaal lasten of %s %d found", r.DocType, r.Year)
	}
	diff := max(relDiff(t.baten, iv3.Baten), relDiff(t.lasten, iv3.Lasten))
	r.Checks = append(r.Checks,
		iv3Check(r.Financial[t.batenAt], t.batenAt, t.baten, iv3.Baten),
		iv3Check(r.Financial[t.lastenAt], t.lastenAt, t.lasten, iv3.Lasten))
	return &Reconciliation{
		Source: reconcileSource, Verslagsoort: soort,
		BatenDocument: t.baten, BatenIv3: iv3.Baten,
		LastenDocument: t.lasten, LastenIv3: iv3.Lasten,
		DifferencePct: math.Round(diff*1000) / 1000,
		OK:            diff <= ReconcileTolerancePct,
		Table:         t.table, Page: t.page, URL: t.url,
	}, ""
}

// iv3Check is the check of one document total (f, at index i of the
// report's records, as a positive amount) against the Iv3 total: when it
// holds, the record is verified by an independent source.
func iv3Check(f Financial, i int, document, iv3 int64) Check {
	return Check{
		Table: f.Table, Column: f.Column, Rule: RuleIv3,
		Expected: iv3, Found: document, Difference: document - iv3,
		OK:     relDiff(document, iv3) <= ReconcileTolerancePct,
		Covers: []int{i}, Page: f.Page, URL: f.URL, Line: f.Line,
	}
}

// relDiff is how far got lies from want, in percent of want.
func relDiff(got, want int64) float64 {
	if want == 0 {
		return math.Inf(1)
	}
	return math.Abs(float64(got-want)) / math.Abs(float64(want)) * 100
}

// totals are the overall baten and lasten of one table, lasten positive.
type totals struct {
	baten, lasten     int64
	batenAt, lastenAt int // indices of the records in the report's Financial
	table, url        string
	page              int
}

// documentTotals finds the document's overall totals before mutations of
// reserves: among the overviews of the whole (isOverview) with a total row
// of baten and of lasten ("Totaal baten", "Saldo van baten en lasten") in a
// column of the document's year, the one with the largest totals.
func documentTotals(facts []Financial, columns []string, year int) (totals, bool) {
	byTable := map[string]*totals{}
	overview := map[string]bool{}
	var order []string
	for i, f := range facts {
		key := fmt.Sprintf("%s\x00%d", f.Table, f.Page)
		if isOverview(f) {
			overview[key] = true
		}
		if f.Value == nil || f.ColumnYear != year || !slices.Contains(columns, f.ColumnKind) || !isTotalBeforeReserves(f.Row) {
			continue
		}
		t := byTable[key]
		if t == nil {
			t = &totals{table: f.Table, page: f.Page, url: f.URL}
			byTable[key] = t
			order = append(order, key)
		}
		v := *f.Value
		if v < 0 {
			v = -v
		}
		switch {
		case f.RowKind == RowBaten && v > t.baten:
			t.baten, t.batenAt = v, i
		case f.RowKind == RowLasten && v > t.lasten:
			t.lasten, t.lastenAt = v, i
		}
	}
	var best totals
	for _, key := range order {
		if t := byTable[key]; overview[key] && t.baten > 0 && t.lasten > 0 && t.baten+t.lasten > best.baten+best.lasten {
			best = *t
		}
	}
	return best, best.baten > 0
}

// isOverview reports whether f belongs to an overview of the whole
// document, not of one programme: by its table's name or headings, or by a
// row of the parts only the whole has.
func isOverview(f Financial) bool {
	return vocab.IsOverviewRow(f.Row) || vocab.IsOverviewTitle(f.Table) || vocab.IsOverviewTitle(strings.Join(f.Section, "\n"))
}

// isTotalBeforeReserves reports whether a row label names a total of
// baten or lasten without the mutations of reserves.
func isTotalBeforeReserves(label string) bool {
	l := strings.ToLower(label)
	return (vocab.IsRow(vocab.Totaal, label) || strings.Contains(l, "saldo van baten en lasten")) && !strings.Contains(l, "reserve")
}
