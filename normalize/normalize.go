package normalize

import (
	"math"
	"strconv"
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/vocab"
)

// Normalize builds the Report of one document from what was recognised in
// it.
func Normalize(doc *extract.Document, res recognize.Result) *Report {
	meta := DetectMeta(doc)
	src := doc.Source
	r := &Report{
		Document:     documentName(src),
		Source:       src.Name(),
		URL:          src.URL,
		SHA256:       src.SHA256,
		Format:       string(src.Format),
		Gemeente:     meta.Gemeente,
		CBSCode:      meta.CBSCode,
		Organisation: meta.Organisation,
		DocType:      meta.DocType,
		Year:         meta.Year,
		Title:        meta.Title,
		Pages:        doc.Pages,
		Warnings:     doc.Warnings,

		Financial:  []Financial{},
		Indicators: []Indicator{},
		Objectives: []Objective{},
		Checks:     []Check{},
	}
	for _, t := range res.Financial {
		t, repaired := repairOCR(t)
		facts, at := financialFacts(t, meta, src.URL)
		for cl, note := range repaired {
			facts[at[cl]].Repaired = note
		}
		for _, c := range checkTable(t) {
			for _, cl := range c.cells {
				if k, ok := at[cl]; ok {
					c.Covers = append(c.Covers, len(r.Financial)+k)
				}
			}
			r.Checks = append(r.Checks, c.Check)
		}
		r.Financial = append(r.Financial, facts...)
	}
	found, warnings := indicators(res.Indicators, meta, src.URL)
	r.Indicators = append(r.Indicators, found...)
	r.Warnings = append(r.Warnings, warnings...)
	for _, o := range res.Objectives {
		r.Objectives = append(r.Objectives, objective(o, src.URL))
	}
	r.Findings = findings(doc, res, r.Financial)
	addReconciliation(r)
	Verify(r)
	return r
}

// noReconciliation starts the warning that says why a report has no
// reconciliation with CBS Iv3.
const noReconciliation = "no Iv3 reconciliation: "

// addReconciliation reconciles r with CBS Iv3, or says why it cannot.
func addReconciliation(r *Report) {
	var why string
	if r.Reconciliation, why = reconcile(r); why != "" {
		r.Warnings = append(r.Warnings, noReconciliation+why)
	}
}

func documentName(src extract.Source) string {
	name := src.Name()
	if i := strings.LastIndexAny(name, `/\`); i >= 0 && i < len(name)-1 {
		name = name[i+1:]
	}
	return name
}

// Amount scales a printed amount to whole euros. ok is false when raw is
// not a number; value is nil for a printed nil marker ("-").
func Amount(raw string, scale int64) (value *int64, ok bool) {
	n, ok := vocab.Parse(raw)
	if !ok {
		return nil, false
	}
	if n.Nil {
		return nil, true
	}
	v := int64(math.Round(n.Value * n.Scale * float64(scale)))
	return &v, true
}

// financialFacts returns the records of a table and, per cell, the index
// of its record.
func financialFacts(t recognize.FinancialTable, meta Meta, url string) ([]Financial, map[tableCell]int) {
	var out []Financial
	at := map[tableCell]int{}
	kinds := make([]string, len(t.Columns))
	years := make([]int, len(t.Columns))
	for k, col := range t.Columns {
		kinds[k], years[k] = ClassifyColumn(col, meta.DocType, meta.Year)
	}
	for i, row := range t.Rows {
		rowKind := ClassifyRow(kindLabel(row))
		for k, cell := range row.Cells {
			if cell.Text == "" {
				continue
			}
			value, ok := Amount(cell.Text, t.Scale)
			if !ok {
				continue
			}
			// A two-level header ("Begroting 2024 lasten") says what the
			// amount is, also in a row "Saldo van baten en lasten".
			kind := rowKind
			if colKind := ClassifyRow(t.Columns[k]); colKind != RowOther && (kind == RowOther || kind == RowSaldo || kind == RowBaten || kind == RowLasten) {
				kind = colKind
			}
			at[tableCell{i, k}] = len(out)
			out = append(out, Financial{
				Table: t.Title, Section: t.Section, Group: row.Group,
				Row: row.Label, RowKind: kind,
				Column: t.Columns[k], ColumnKind: kinds[k], ColumnYear: years[k],
				Value: value, Raw: cell.Text, Scale: t.Scale, Sign: t.Sign,
				Page: cell.Pos.Page, URL: url, Line: cell.Pos.Line,
				OCR: cell.OCR,
			})
			if cell.OCR {
				out[len(out)-1].Confidence = &cell.Confidence
			}
		}
	}
	return out, at
}

func indicator(iv recognize.IndicatorValue, meta Meta, url string) Indicator {
	out := Indicator{
		Table: iv.Table, Section: iv.Section, Group: iv.Group, Name: iv.Name, Label: iv.Label,
		Column: iv.Column, Unit: iv.Unit, Source: iv.Source, Code: iv.Code, Taakveld: iv.Taakveld,
		Raw: iv.Raw, Page: iv.Pos.Page, URL: url, Line: iv.Pos.Line,
	}
	_, out.ColumnYear = ClassifyColumn(iv.Column, meta.DocType, meta.Year)
	value, unit, ok := indicatorValue(iv.Raw)
	switch {
	case !ok || iv.Note:
		out.Note = iv.Raw
	case value != nil:
		out.Value = value
		if out.Unit == "" {
			out.Unit = unit
		}
	}
	return out
}

// indicatorValue reads "7,1", "97%", "350 kind", "€ 4,65 miljoen",
// "50,60 (2022)" into a number and a unit. ok is false for text, and for
// a norm band of comparison bounds ("<50 / >30", "0 <0"): a note.
func indicatorValue(raw string) (value *float64, unit string, ok bool) {
	s := strings.TrimSpace(raw)
	if vocab.IsBand(s) {
		return nil, "", false
	}
	// A year in brackets after the value says when it was measured.
	if rest, ok := vocab.CutYearNote(s); ok && rest != "" {
		s = rest
	}
	n, ok := vocab.Parse(s)
	if !ok {
		// A number followed by a unit word: "350 kind", "12 weken".
		fields := strings.Fields(s)
		if len(fields) < 2 {
			return nil, "", false
		}
		if n, ok = vocab.Parse(fields[0]); !ok || n.Nil {
			return nil, "", false
		}
		unit = strings.Join(fields[1:], " ")
	}
	if n.Nil {
		return nil, "", true
	}
	v := n.Value * n.Scale
	switch {
	case n.Percent:
		unit = "%"
	case n.Euro:
		unit = "EUR"
	}
	return &v, unit, true
}

func objective(o recognize.Objective, url string) Objective {
	out := Objective{
		Code: o.Code, Title: o.Title, Kind: o.Kind, Status: o.Status, Section: o.Section,
		Page: o.Pos.Page, URL: url, Line: o.Pos.Line,
	}
	if o.Text != o.Title {
		out.Text = o.Text
	}
	if vocab.IsYear(o.Year) {
		out.Year, _ = strconv.Atoi(o.Year)
	}
	if len(o.Budgets) > 0 {
		var total int64
		for _, b := range o.Budgets {
			if v, ok := Amount(b, 1); ok && v != nil {
				total += *v
			}
		}
		out.Budget = &total
	}
	return out
}
