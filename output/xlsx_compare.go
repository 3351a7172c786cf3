package output

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output/xlsx"
)

// documentColumnWidth is the width of a document's column in Vergelijking:
// room for € 1.234.567.890; a longer file name wraps in its header cell.
const documentColumnWidth = 20

// comparisonKeyFields are the first columns of Vergelijking, the ones that
// say what a row holds.
var comparisonKeyFields = []field{
	{name: "row_kind", typ: typeString, about: "Welk totaal: baten, lasten, saldo, toevoeging_reserves, onttrekking_reserves, reserves, resultaat (en per inwoner, waar bekend)."},
	{name: "column_kind", typ: typeString, about: aboutColumnKind},
	{name: "column_year", typ: typeInteger, about: aboutColumnYear},
}

// A comparisonLine is one row of the Vergelijking sheet.
type comparisonLine struct {
	measure string // a row kind, "inwoners" or "<row kind>_per_inwoner"
	col     columnKey
}

// comparisonSheet lays the comparison out side by side: one column per
// document that has totals, headed by its gemeente, document type and year
// and file name on three rows; one row per total, column kind and year.
// Documents without totals are listed below the table.
func (wb *workbook) comparisonSheet(rows []comparisonRow, skipped []skippedDocument) sheet {
	var docs []*normalize.Report
	values := map[*normalize.Report]map[comparisonLine]any{}
	lines := map[comparisonLine]bool{}
	perInwoner := slices.ContainsFunc(rows, func(r comparisonRow) bool { return r.Inwoners > 0 })
	unverified := false
	for i := range rows {
		r := &rows[i]
		if values[r.doc] == nil {
			docs = append(docs, r.doc)
			values[r.doc] = map[comparisonLine]any{}
		}
		col := columnKey{r.columnKind, r.columnYear}
		set := func(measure string, v any, style int) {
			if v != nil {
				line := comparisonLine{measure, col}
				lines[line] = true
				values[r.doc][line] = xlsx.Cell{Style: style, Value: v}
			}
		}
		for i, m := range measures {
			style := wb.amount
			if r.totals[i] != nil && !r.verified[i] {
				style, unverified = wb.unverified, true
			}
			set(m, ptr(r.totals[i]), style)
		}
		if perInwoner {
			set("inwoners", opt(r.Inwoners), wb.count)
			set(normalize.RowBaten+"_per_inwoner", r.perInwoner(normalize.RowBaten), wb.cents)
			set(normalize.RowLasten+"_per_inwoner", r.perInwoner(normalize.RowLasten), wb.cents)
		}
	}
	order := slices.Concat(measures, []string{"inwoners", normalize.RowBaten + "_per_inwoner", normalize.RowLasten + "_per_inwoner"})
	sortedLines := slices.SortedFunc(maps.Keys(lines), func(a, b comparisonLine) int {
		return cmp.Or(
			cmp.Compare(slices.Index(order, a.measure), slices.Index(order, b.measure)),
			cmp.Compare(slices.Index(comparableColumns, a.col.kind), slices.Index(comparableColumns, b.col.kind)),
			cmp.Compare(a.col.year, b.col.year),
		)
	})

	s := sheet{name: comparisonTable.sheet, fields: slices.Clone(comparisonKeyFields), count: len(sortedLines), highlight: -1, freezeCols: len(comparisonKeyFields)}
	gemeenten := []any{"gemeente", nil, nil}
	documents := []any{"document", nil, nil}
	for _, d := range docs {
		// A gemeenschappelijke regeling or province is named as such.
		gemeente := cmp.Or(d.Gemeente, d.Organisation, "(onbekend)")
		if d.CBSCode != "" {
			gemeente += " (" + d.CBSCode + ")"
		}
		gemeenten = append(gemeenten, gemeente)
		documents = append(documents, documentLabel(d))
		s.fields = append(s.fields, field{name: d.Document, typ: typeInteger, format: euros})
	}
	s.heads = [][]any{gemeenten, documents}
	s.widths = []float64{columnWidth(float64(len("onttrekking_reserves"))), columnWidth(float64(len("begroting_na_wijziging"))), columnWidth(float64(len("column_year")))}
	for range docs {
		s.widths = append(s.widths, documentColumnWidth)
	}
	s.rows = func(yield func([]any, error) bool) {
		row := make([]any, len(s.fields))
		for _, l := range sortedLines {
			row[0], row[1], row[2] = l.measure, l.col.kind, opt(l.col.year)
			for i, d := range docs {
				row[3+i] = values[d][l]
			}
			if !yield(row, nil) {
				return
			}
		}
	}
	if unverified {
		s.tail = append(s.tail, []any{xlsx.Cell{Style: wb.unverified, Value: "Oranje:"}, "totaal dat geen kloppende controle bevestigt (zie de kolommen …_verified in comparison.csv en Controles)."})
	}
	if len(skipped) > 0 {
		s.tail = append(s.tail, []any{xlsx.Cell{Style: wb.heading, Value: "Niet vergeleken (geen totaaloverzicht gevonden):"}})
		for _, sk := range skipped {
			label := documentLabel(sk.doc)
			if name := cmp.Or(sk.doc.Gemeente, sk.doc.Organisation); name != "" {
				label = name + " " + label
			}
			s.tail = append(s.tail, []any{fmt.Sprintf("%s (%s): %s", sk.doc.Document, label, sk.reason)})
		}
	}
	return s
}

// documentLabel is "doc_type year", or what is known of it.
func documentLabel(d *normalize.Report) string {
	var parts []string
	if d.DocType != "" {
		parts = append(parts, d.DocType)
	}
	if d.Year != 0 {
		parts = append(parts, strconv.Itoa(d.Year))
	}
	return cmp.Or(strings.Join(parts, " "), "(soort onbekend)")
}
