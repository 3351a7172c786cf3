package output

import (
	"cmp"
	"iter"
	"slices"
	"strings"

	"github.com/begroot/begroot/normalize"
)

// A field is one column of a flattened table. Its name is the JSON tag of
// the schema field it holds, so JSON, CSV and Excel use the same names.
type field struct {
	name   string
	width  float64 // Excel column width in characters
	amount bool    // whole euros, shown as #,##0 in Excel
}

// A column is a field with the function that reads it from a record R of
// document doc. Values are string, []string, int, int64, float64, bool or
// nil for an empty cell.
type column[R any] struct {
	field
	value func(doc *normalize.Report, rec *R) any
}

// col is a column read from the record alone.
func col[R any](name string, width float64, value func(rec *R) any) column[R] {
	return column[R]{field{name, width, false}, func(_ *normalize.Report, rec *R) any { return value(rec) }}
}

// amount is a col that holds whole euros.
func amount[R any](name string, width float64, value func(rec *R) any) column[R] {
	c := col(name, width, value)
	c.amount = true
	return c
}

// A table is one kind of record flattened into rows: one row per record,
// with the document's key fields in front.
type table struct {
	file   string // CSV file name without ".csv"
	kind   string // the "kind" of a JSON Lines record
	sheet  string // Excel sheet name
	fields []field
	count  func(ds *normalize.Dataset) int
	// rows yields one row per record; the slice is reused between rows.
	rows func(ds *normalize.Dataset) iter.Seq[[]any]
}

// records yields every record of one kind with the document it belongs to.
type records[R any] func(ds *normalize.Dataset, yield func(doc *normalize.Report, rec *R) bool)

func newTable[R any](file, kind, sheet string, each records[R], cols ...[]column[R]) table {
	all := slices.Concat(cols...)
	t := table{file: file, kind: kind, sheet: sheet}
	for _, c := range all {
		t.fields = append(t.fields, c.field)
	}
	t.count = func(ds *normalize.Dataset) int {
		n := 0
		each(ds, func(*normalize.Report, *R) bool { n++; return true })
		return n
	}
	t.rows = func(ds *normalize.Dataset) iter.Seq[[]any] {
		return func(yield func([]any) bool) {
			row := make([]any, len(all))
			each(ds, func(doc *normalize.Report, rec *R) bool {
				for i, c := range all {
					row[i] = c.value(doc, rec)
				}
				return yield(row)
			})
		}
	}
	return t
}

// perDocument yields the records that list returns for each document.
func perDocument[R any](list func(*normalize.Report) []R) records[R] {
	return func(ds *normalize.Dataset, yield func(*normalize.Report, *R) bool) {
		for i := range ds.Documents {
			doc := &ds.Documents[i]
			recs := list(doc)
			for j := range recs {
				if !yield(doc, &recs[j]) {
					return
				}
			}
		}
	}
}

// documentKey are the columns in front of every record: which municipality,
// which year, which kind of document.
func documentKey[R any]() []column[R] {
	return []column[R]{
		{field{"gemeente", 18, false}, func(d *normalize.Report, _ *R) any { return d.Gemeente }},
		{field{"cbs_code", 9, false}, func(d *normalize.Report, _ *R) any { return d.CBSCode }},
		{field{"year", 7, false}, func(d *normalize.Report, _ *R) any { return opt(d.Year) }},
		{field{"doc_type", 14, false}, func(d *normalize.Report, _ *R) any { return d.DocType }},
	}
}

// documentName is the last column of every record: the input file name.
func documentName[R any]() []column[R] {
	return []column[R]{{field{"document", 28, false}, func(d *normalize.Report, _ *R) any { return d.Document }}}
}

// opt returns n, or nil for zero: the fields JSON omits when empty stay
// empty cells instead of showing 0.
func opt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// ptr returns *p, or nil for a nil pointer.
func ptr[N int64 | float64](p *N) any {
	if p == nil {
		return nil
	}
	return *p
}

// list returns s, or nil when it is empty.
func list(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return s
}

// joinSection is how list fields (section) are written as one text cell.
func joinSection(s []string) string { return strings.Join(s, " > ") }

var documentTable = newTable("documents", "document", "Documenten",
	func(ds *normalize.Dataset, yield func(*normalize.Report, *normalize.Report) bool) {
		for i := range ds.Documents {
			if !yield(&ds.Documents[i], &ds.Documents[i]) {
				return
			}
		}
	},
	documentKey[normalize.Report](),
	[]column[normalize.Report]{
		col("title", 40, func(r *normalize.Report) any { return r.Title }),
		col("document", 28, func(r *normalize.Report) any { return r.Document }),
		col("source", 40, func(r *normalize.Report) any { return r.Source }),
		col("url", 40, func(r *normalize.Report) any { return r.URL }),
		col("sha256", 20, func(r *normalize.Report) any { return r.SHA256 }),
		col("format", 8, func(r *normalize.Report) any { return r.Format }),
		col("pages", 7, func(r *normalize.Report) any { return opt(r.Pages) }),
		col("financial", 10, func(r *normalize.Report) any { return len(r.Financial) }),
		col("indicators", 10, func(r *normalize.Report) any { return len(r.Indicators) }),
		col("objectives", 10, func(r *normalize.Report) any { return len(r.Objectives) }),
		col("checks", 8, func(r *normalize.Report) any { return len(r.Checks) }),
		col("checks_failed", 13, func(r *normalize.Report) any { return failed(r.Checks) }),
		col("verified_share", 10, func(r *normalize.Report) any { return r.Quality.VerifiedShare }),
		col("tables_not_extracted", 10, func(r *normalize.Report) any { return r.Quality.TablesNotExtracted }),
		col("no_text_pages", 10, func(r *normalize.Report) any { return r.Quality.NoTextPages }),
		col("warnings", 40, func(r *normalize.Report) any { return strings.Join(r.Warnings, "; ") }),
	},
)

func failed(checks []normalize.Check) int {
	n := 0
	for _, c := range checks {
		if !c.OK {
			n++
		}
	}
	return n
}

var financialTable = newTable("financial", "financial", "Financieel",
	perDocument(func(r *normalize.Report) []normalize.Financial { return r.Financial }),
	documentKey[normalize.Financial](),
	[]column[normalize.Financial]{
		col("section", 40, func(f *normalize.Financial) any { return list(f.Section) }),
		col("table", 36, func(f *normalize.Financial) any { return f.Table }),
		col("group", 24, func(f *normalize.Financial) any { return f.Group }),
		col("row", 36, func(f *normalize.Financial) any { return f.Row }),
		col("row_kind", 14, func(f *normalize.Financial) any { return f.RowKind }),
		col("column", 26, func(f *normalize.Financial) any { return f.Column }),
		col("column_kind", 16, func(f *normalize.Financial) any { return f.ColumnKind }),
		col("column_year", 8, func(f *normalize.Financial) any { return opt(f.ColumnYear) }),
		amount("value", 15, func(f *normalize.Financial) any { return ptr(f.Value) }),
		col("raw", 12, func(f *normalize.Financial) any { return f.Raw }),
		col("scale", 9, func(f *normalize.Financial) any { return f.Scale }),
		col("sign", 6, func(f *normalize.Financial) any { return f.Sign }),
		col("verified", 8, func(f *normalize.Financial) any { return f.Verified }),
		col("checks", 12, func(f *normalize.Financial) any { return list(f.Checks) }),
		col("page", 6, func(f *normalize.Financial) any { return opt(f.Page) }),
		col("line", 6, func(f *normalize.Financial) any { return opt(f.Line) }),
		col("url", 40, func(f *normalize.Financial) any { return f.URL }),
	},
	documentName[normalize.Financial](),
)

var indicatorTable = newTable("indicators", "indicator", "Indicatoren",
	perDocument(func(r *normalize.Report) []normalize.Indicator { return r.Indicators }),
	documentKey[normalize.Indicator](),
	[]column[normalize.Indicator]{
		col("section", 40, func(n *normalize.Indicator) any { return list(n.Section) }),
		col("table", 36, func(n *normalize.Indicator) any { return n.Table }),
		col("group", 24, func(n *normalize.Indicator) any { return n.Group }),
		col("name", 40, func(n *normalize.Indicator) any { return n.Name }),
		col("label", 20, func(n *normalize.Indicator) any { return n.Label }),
		col("column", 26, func(n *normalize.Indicator) any { return n.Column }),
		col("column_year", 8, func(n *normalize.Indicator) any { return opt(n.ColumnYear) }),
		col("value", 12, func(n *normalize.Indicator) any { return ptr(n.Value) }),
		col("unit", 10, func(n *normalize.Indicator) any { return n.Unit }),
		col("source", 20, func(n *normalize.Indicator) any { return n.Source }),
		col("code", 10, func(n *normalize.Indicator) any { return n.Code }),
		col("taakveld", 12, func(n *normalize.Indicator) any { return n.Taakveld }),
		col("note", 30, func(n *normalize.Indicator) any { return n.Note }),
		col("raw", 12, func(n *normalize.Indicator) any { return n.Raw }),
		col("page", 6, func(n *normalize.Indicator) any { return opt(n.Page) }),
		col("line", 6, func(n *normalize.Indicator) any { return opt(n.Line) }),
		col("url", 40, func(n *normalize.Indicator) any { return n.URL }),
	},
	documentName[normalize.Indicator](),
)

// The objective's own kind and year are renamed in the flattened tables,
// where "kind" is the record kind and "year" the document's year.
var objectiveTable = newTable("objectives", "objective", "Doelstellingen",
	perDocument(func(r *normalize.Report) []normalize.Objective { return r.Objectives }),
	documentKey[normalize.Objective](),
	[]column[normalize.Objective]{
		col("section", 40, func(o *normalize.Objective) any { return list(o.Section) }),
		col("code", 10, func(o *normalize.Objective) any { return o.Code }),
		col("objective_kind", 14, func(o *normalize.Objective) any { return o.Kind }),
		col("title", 40, func(o *normalize.Objective) any { return o.Title }),
		col("text", 60, func(o *normalize.Objective) any { return o.Text }),
		col("status", 14, func(o *normalize.Objective) any { return o.Status }),
		col("objective_year", 8, func(o *normalize.Objective) any { return opt(o.Year) }),
		amount("budget", 15, func(o *normalize.Objective) any { return ptr(o.Budget) }),
		col("page", 6, func(o *normalize.Objective) any { return opt(o.Page) }),
		col("line", 6, func(o *normalize.Objective) any { return opt(o.Line) }),
		col("url", 40, func(o *normalize.Objective) any { return o.URL }),
	},
	documentName[normalize.Objective](),
)

var checkTable = newTable("checks", "check", "Controles",
	perDocument(func(r *normalize.Report) []normalize.Check { return r.Checks }),
	documentKey[normalize.Check](),
	[]column[normalize.Check]{
		col("id", 6, func(c *normalize.Check) any { return c.ID }),
		col("table", 36, func(c *normalize.Check) any { return c.Table }),
		col("column", 26, func(c *normalize.Check) any { return c.Column }),
		col("rule", 30, func(c *normalize.Check) any { return c.Rule }),
		amount("expected", 15, func(c *normalize.Check) any { return c.Expected }),
		amount("found", 15, func(c *normalize.Check) any { return c.Found }),
		amount("difference", 15, func(c *normalize.Check) any { return c.Difference }),
		col("ok", 6, func(c *normalize.Check) any { return c.OK }),
		col("suspect", 10, func(c *normalize.Check) any { return c.Suspect }),
		col("page", 6, func(c *normalize.Check) any { return opt(c.Page) }),
		col("line", 6, func(c *normalize.Check) any { return opt(c.Line) }),
		col("url", 40, func(c *normalize.Check) any { return c.URL }),
	},
	documentName[normalize.Check](),
)

var errorTable = newTable("errors", "error", "Fouten",
	func(ds *normalize.Dataset, yield func(*normalize.Report, *normalize.DocError) bool) {
		for i := range ds.Errors {
			if !yield(nil, &ds.Errors[i]) {
				return
			}
		}
	},
	[]column[normalize.DocError]{
		col("source", 60, func(e *normalize.DocError) any { return e.Source }),
		col("error", 80, func(e *normalize.DocError) any { return e.Error }),
	},
)

// tables are the flattened tables in the order CSV and JSON Lines write them.
var tables = []table{documentTable, financialTable, indicatorTable, objectiveTable, checkTable, errorTable}

// sorted returns ds with its documents ordered by gemeente, year, doc_type
// and file, and its errors by source, so that the output does not depend on
// the order in which documents were processed. ds itself is not changed.
func sorted(ds *normalize.Dataset) *normalize.Dataset {
	out := *ds
	out.Documents = slices.Clone(ds.Documents)
	slices.SortStableFunc(out.Documents, func(a, b normalize.Report) int {
		return cmp.Or(
			strings.Compare(a.Gemeente, b.Gemeente),
			cmp.Compare(a.Year, b.Year),
			strings.Compare(a.DocType, b.DocType),
			strings.Compare(a.Document, b.Document),
			strings.Compare(a.Source, b.Source),
			strings.Compare(a.SHA256, b.SHA256),
		)
	})
	out.Errors = slices.Clone(ds.Errors)
	slices.SortStableFunc(out.Errors, func(a, b normalize.DocError) int {
		return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Error, b.Error))
	})
	return &out
}
