package output

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/begroot/begroot/normalize"
)

// comparisonRows are the row kinds the Vergelijking sheet shows, in the
// order of an overzicht van baten en lasten.
var comparisonRows = []string{
	normalize.RowBaten, normalize.RowLasten, normalize.RowSaldo,
	normalize.RowToevoeging, normalize.RowOnttrekking, normalize.RowReserves,
	normalize.RowResultaat,
}

// columnOrder orders the column kinds: realisatie before begroting before
// raming. Unknown kinds come last.
var columnOrder = []string{
	normalize.ColRealisatie, normalize.ColBegrotingPrimitief, normalize.ColBegrotingWijziging,
	normalize.ColBegroting, normalize.ColRaming, normalize.ColVerschil, normalize.ColOther,
}

// A columnKey is a column of a financial table as the comparison sees it.
type columnKey struct {
	kind string
	year int
}

// A totalKey is one row of the Vergelijking sheet.
type totalKey struct {
	row string
	col columnKey
}

// comparison builds the Vergelijking sheet: one row per (row_kind,
// column_kind, column_year) and one column per document with the totals of
// that document's main overview (see the package documentation).
func comparison(ds *normalize.Dataset) sheet {
	fields := []field{{"row_kind", 22, false}, {"column_kind", 24, false}, {"column_year", 12, false}}
	totals := make([]map[totalKey]int64, len(ds.Documents))
	keys := map[totalKey]bool{}
	seen := map[string]bool{}
	for i := range ds.Documents {
		doc := &ds.Documents[i]
		totals[i] = documentTotals(doc.Financial)
		for k := range totals[i] {
			keys[k] = true
		}
		fields = append(fields, field{name: columnLabel(doc, seen), width: 18, amount: true})
	}
	rows := slices.SortedFunc(maps.Keys(keys), func(a, b totalKey) int {
		return cmp.Or(
			cmp.Compare(rank(comparisonRows, a.row), rank(comparisonRows, b.row)),
			cmp.Compare(rank(columnOrder, a.col.kind), rank(columnOrder, b.col.kind)),
			strings.Compare(a.col.kind, b.col.kind),
			cmp.Compare(a.col.year, b.col.year),
		)
	})
	return sheet{
		name:   "Vergelijking",
		fields: fields,
		count:  len(rows),
		rows: func(yield func([]any) bool) {
			row := make([]any, len(fields))
			for _, k := range rows {
				row[0], row[1], row[2] = k.row, k.col.kind, opt(k.col.year)
				for i, t := range totals {
					row[3+i] = nil
					if v, ok := t[k]; ok {
						row[3+i] = v
					}
				}
				if !yield(row) {
					return
				}
			}
		},
	}
}

func rank(order []string, s string) int {
	if i := slices.Index(order, s); i >= 0 {
		return i
	}
	return len(order)
}

// columnLabel is the header of a document's column: "gemeente doc_type
// year", made unique with the file name (and a number) where needed.
func columnLabel(doc *normalize.Report, seen map[string]bool) string {
	var parts []string
	for _, p := range []string{doc.Gemeente, doc.DocType, strconv.Itoa(doc.Year)} {
		if p != "" && p != "0" {
			parts = append(parts, p)
		}
	}
	label := cmp.Or(strings.Join(parts, " "), doc.Document, doc.Source)
	if seen[label] {
		label += " (" + doc.Document + ")"
	}
	for n, base := 2, label; seen[label]; n++ {
		label = fmt.Sprintf("%s %d", base, n)
	}
	seen[label] = true
	return label
}

// A score ranks a table as a document's main overview for one column:
// a table with lasten beats one with only baten, then the larger amount
// wins.
type score struct {
	lasten bool
	size   int64
}

func (a score) beats(b score) bool {
	if a.lasten != b.lasten {
		return a.lasten
	}
	return a.size > b.size
}

// overview is one table's totals in one column: the last amount of each
// row kind.
type overview struct {
	score
	totals map[string]int64
}

// documentTotals returns the totals of the main overview of one document's
// financial records, per row kind and column. A table is a run of
// consecutive records with the same table title and section path.
func documentTotals(recs []normalize.Financial) map[totalKey]int64 {
	best := map[columnKey]*overview{}
	for start := 0; start < len(recs); {
		end := start + 1
		for end < len(recs) && recs[end].Table == recs[start].Table && slices.Equal(recs[end].Section, recs[start].Section) {
			end++
		}
		for col, o := range tableTotals(recs[start:end]) {
			if b := best[col]; b == nil || o.beats(b.score) {
				best[col] = o
			}
		}
		start = end
	}
	out := map[totalKey]int64{}
	for col, o := range best {
		for row, v := range o.totals {
			out[totalKey{row, col}] = v
		}
	}
	return out
}

// tableTotals returns one table's totals and score per column.
func tableTotals(recs []normalize.Financial) map[columnKey]*overview {
	cols := map[columnKey]*overview{}
	for _, r := range recs {
		if r.Value == nil || !slices.Contains(comparisonRows, r.RowKind) {
			continue
		}
		col := columnKey{r.ColumnKind, r.ColumnYear}
		o := cols[col]
		if o == nil {
			o = &overview{totals: map[string]int64{}}
			cols[col] = o
		}
		v := *r.Value
		o.totals[r.RowKind] = v
		if r.RowKind == normalize.RowLasten || r.RowKind == normalize.RowBaten {
			if s := (score{r.RowKind == normalize.RowLasten, max(v, -v)}); s.beats(o.score) {
				o.score = s
			}
		}
	}
	return cols
}
