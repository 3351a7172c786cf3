package output

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/begroot/begroot/normalize"
	"github.com/xuri/excelize/v2"
)

// chartSheet holds the charts and, beside each, the table it draws.
const chartSheet = "Grafieken"

// Chart layout on the Grafieken sheet: the data in columns A to D, the
// chart from column F, each block tall enough for its chart.
const (
	chartColumn     = "F"
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
	f := wb.f
	if _, err := f.NewSheet(chartSheet); err != nil {
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
			if err := wb.chartBlock(next, title, table, excelize.Bar, []int{3}, style, "none"); err != nil {
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
		if err := wb.chartBlock(next, "Baten en lasten "+g+" (euro)", table, excelize.Line, []int{1, 2}, wb.amount, "bottom"); err != nil {
			return err
		}
		next += max(len(table)+1, chartRows)
	}
	if err := f.SetColWidth(chartSheet, "A", "A", chartLabelWidth); err != nil {
		return err
	}
	if err := f.SetColWidth(chartSheet, "B", "D", documentColumnWidth); err != nil {
		return err
	}
	return wb.printLayout(chartSheet, []float64{printWidth}, 0)
}

// chartBlock writes table at row first of the chart sheet, its first row a
// header, and draws a chart of type typ beside it: the first column as
// categories, one series per column in series, its cells in style, the
// legend at legend ("none" for a single series).
func (wb *workbook) chartBlock(first int, title string, table [][]any, typ excelize.ChartType, series []int, style int, legend string) error {
	f := wb.f
	for i, row := range table {
		ref, _ := excelize.CoordinatesToCellName(1, first+i)
		if err := f.SetSheetRow(chartSheet, ref, &row); err != nil {
			return err
		}
	}
	head, _ := excelize.CoordinatesToCellName(1, first)
	end, _ := excelize.CoordinatesToCellName(len(table[0]), first)
	if err := f.SetCellStyle(chartSheet, head, end, wb.header); err != nil {
		return err
	}
	last := first + len(table) - 1
	noVary := false
	chart := &excelize.Chart{
		Type:       typ,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:     excelize.ChartLegend{Position: legend},
		VaryColors: &noVary,
		Format:     excelize.GraphicOptions{ScaleX: 1, ScaleY: 1},
		Dimension: excelize.ChartDimension{
			Width: chartWidth, Height: chartHeight,
		},
		YAxis: excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "#,##0"}},
	}
	for _, c := range series {
		col, _ := excelize.ColumnNumberToName(c + 1)
		for i := first + 1; i <= last; i++ {
			ref, _ := excelize.CoordinatesToCellName(c+1, i)
			if err := f.SetCellStyle(chartSheet, ref, ref, style); err != nil {
				return err
			}
		}
		chart.Series = append(chart.Series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$%d", chartSheet, col, first),
			Categories: fmt.Sprintf("'%s'!$A$%d:$A$%d", chartSheet, first+1, last),
			Values:     fmt.Sprintf("'%s'!$%s$%d:$%s$%d", chartSheet, col, first+1, col, last),
		})
	}
	return f.AddChart(chartSheet, fmt.Sprintf("%s%d", chartColumn, first), chart)
}
