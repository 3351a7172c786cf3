package output

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output/xlsx"
)

// chartSheet holds the charts and, beside each, the table it draws.
const chartSheet = "Grafieken"

// Chart layout on the Grafieken sheet: the data in columns A to D, the
// chart from column F, each block tall enough for its chart.
const (
	chartColumn     = 6   // F: the data in A to D, then a column of space
	chartLabelWidth = 24  // "Gemeente 2024" for the longest gemeente names
	chartWidth      = 640 // pixels
	chartHeight     = 320
	// chartRows is the number of rows a chart covers at the default row
	// height of 20 pixels, plus two rows of space.
	chartRows = chartHeight/20 + 2
)

// chartPreference ranks the column kinds a chart takes a year's totals
// from: what was spent before what was budgeted, the last budget before
// the first. Meerjarenramingen are left out.
var chartPreference = []string{
	normalize.ColRealisatie, normalize.ColBegrotingWijziging, normalize.ColBegroting, normalize.ColBegrotingPrimitief,
}

// preferred returns, per year, the comparison row a chart shows: by
// chartPreference, then the latest document. Years after the document's
// own (a meerjarenraming printed as "Begroting 2027") are left out.
func preferred(rows []*comparisonRow) map[int]*comparisonRow {
	out := map[int]*comparisonRow{}
	for _, r := range rows {
		rank := slices.Index(chartPreference, r.columnKind)
		if rank < 0 || r.columnYear == 0 || r.total(normalize.RowLasten) == nil || (r.doc.Year > 0 && r.columnYear > r.doc.Year) {
			continue
		}
		b := out[r.columnYear]
		if b == nil || cmp.Or(
			cmp.Compare(slices.Index(chartPreference, b.columnKind), rank),
			cmp.Compare(r.doc.Year, b.doc.Year),
		) > 0 {
			out[r.columnYear] = r
		}
	}
	return out
}

// byGemeente groups comparison rows by gemeente, in the order they come;
// rows of an unknown gemeente are left out.
func byGemeente(rows []comparisonRow) ([]string, map[string][]*comparisonRow) {
	var names []string
	groups := map[string][]*comparisonRow{}
	for i := range rows {
		g := rows[i].doc.Gemeente
		if g == "" {
			continue
		}
		if groups[g] == nil {
			names = append(names, g)
		}
		groups[g] = append(groups[g], &rows[i])
	}
	return names, groups
}

// charts adds the Grafieken sheet: lasten (per inwoner, when every
// gemeente's inwoners are known) per gemeente in its latest year, and baten
// and lasten over the years for each gemeente with several documents.
func (wb *workbook) charts(rows []comparisonRow) error {
	sh, err := wb.x.AddSheet(chartSheet, xlsx.SheetOptions{
		Widths:      []float64{chartLabelWidth, documentColumnWidth, documentColumnWidth, documentColumnWidth},
		Landscape:   true,
		PagesAcross: pagesAcross([]float64{printWidth}),
	})
	if err != nil {
		return err
	}
	names, groups := byGemeente(rows)
	next := 1 // the first row of the next block
	if len(names) > 0 {
		type latest struct {
			gemeente string
			row      *comparisonRow
		}
		var bars []latest
		perInwoner := true
		for _, g := range names {
			years := preferred(groups[g])
			if len(years) == 0 {
				continue
			}
			last := years[slices.Max(slices.Collect(maps.Keys(years)))]
			bars = append(bars, latest{g, last})
			perInwoner = perInwoner && last.Inwoners > 0
		}
		if len(bars) > 0 {
			title, measure := "Lasten per gemeente, laatste jaar (euro)", "lasten"
			if perInwoner {
				title, measure = "Lasten per inwoner per gemeente, laatste jaar (euro)", "lasten per inwoner"
			}
			table := [][]any{{"gemeente", "jaar", "soort", measure}}
			for _, b := range bars {
				var v any = ptr(b.row.total(normalize.RowLasten))
				if perInwoner {
					v = b.row.perInwoner(normalize.RowLasten)
				}
				table = append(table, []any{fmt.Sprintf("%s %d", b.gemeente, b.row.columnYear), b.row.columnYear, b.row.columnKind, v})
			}
			style := wb.amount
			if perInwoner {
				style = wb.cents
			}
			if err := wb.chartBlock(sh, next, title, table, xlsx.Bar, []int{3}, style, ""); err != nil {
				return err
			}
			next += max(len(table)+1, chartRows)
		}
	}
	for _, g := range names {
		docs := map[*normalize.Report]bool{}
		for _, r := range groups[g] {
			docs[r.doc] = true
		}
		years := preferred(groups[g])
		if len(docs) < 2 || len(years) < 2 {
			continue
		}
		table := [][]any{{"jaar", "baten", "lasten", "soort"}}
		for _, y := range slices.Sorted(maps.Keys(years)) {
			r := years[y]
			table = append(table, []any{strconv.Itoa(y), ptr(r.total(normalize.RowBaten)), ptr(r.total(normalize.RowLasten)), r.columnKind})
		}
		if err := wb.chartBlock(sh, next, "Baten en lasten "+g+" (euro)", table, xlsx.Line, []int{1, 2}, wb.amount, "b"); err != nil {
			return err
		}
		next += max(len(table)+1, chartRows)
	}
	return nil
}

// chartBlock writes table from row first of chart sheet sh, its first
// row a header, and draws a chart of type typ beside it: the first column
// as categories, one series per column in series, its cells in style, the
// legend at legend ("" for none, for a single series).
func (wb *workbook) chartBlock(sh *xlsx.Sheet, first int, title string, table [][]any, typ xlsx.ChartType, series []int, style int, legend string) error {
	for sh.Rows() < first-1 {
		if err := sh.Row(nil, 0); err != nil {
			return err
		}
	}
	for i, row := range table {
		cells := slices.Clone(row)
		for c, v := range row {
			if i == 0 {
				cells[c] = xlsx.Cell{Style: wb.header, Value: v}
			} else if slices.Contains(series, c) {
				cells[c] = xlsx.Cell{Style: style, Value: v}
			}
		}
		if err := sh.Row(cells, 0); err != nil {
			return err
		}
	}
	last := first + len(table) - 1
	chart := xlsx.Chart{
		Type:           typ,
		Title:          title,
		Legend:         legend,
		ValueFormat:    "#,##0",
		MajorGridlines: true,
		Col:            chartColumn,
		Row:            first,
		Width:          chartWidth,
		Height:         chartHeight,
	}
	for _, c := range series {
		chart.Series = append(chart.Series, xlsx.Series{
			Name:       xlsx.Ref(chartSheet, xlsx.Range{FirstCol: c + 1, FirstRow: first, LastCol: c + 1, LastRow: first}),
			Categories: xlsx.Ref(chartSheet, xlsx.Range{FirstCol: 1, FirstRow: first + 1, LastCol: 1, LastRow: last}),
			Values:     xlsx.Ref(chartSheet, xlsx.Range{FirstCol: c + 1, FirstRow: first + 1, LastCol: c + 1, LastRow: last}),
		})
	}
	return sh.AddChart(chart)
}
