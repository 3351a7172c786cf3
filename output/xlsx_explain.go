package output

import (
	"cmp"
	"fmt"
	"strings"
)

// typeNames are the field types in Dutch, for the Toelichting sheet.
var typeNames = map[fieldType]string{
	typeString:  "tekst",
	typeInteger: "geheel getal",
	typeNumber:  "getal",
	typeBoolean: "TRUE/FALSE",
}

// explanationFields are the columns of the Toelichting sheet.
var explanationFields = []field{
	{name: "blad", typ: typeString},
	{name: "bestand", typ: typeString},
	{name: "kolom", typ: typeString},
	{name: "type", typ: typeString},
	{name: "toelichting", typ: typeString},
}

// explanationSheet is the Toelichting sheet: which begroot made the file
// from which inputs, and what every column of every table means, from the
// same column table that writes them.
func (d *dataset) explanationSheet() sheet {
	var rows [][]any
	for _, t := range tables {
		rows = append(rows, []any{t.sheet, t.file + ".csv", nil, nil, t.about})
		if names := sheetNames(t.sheet, d.tableRows(t)); len(names) > 1 && t.file != comparisonTable.file {
			rows = append(rows, []any{t.sheet, t.file + ".csv", nil, nil, fmt.Sprintf(
				"Meer regels dan een blad van Excel houdt (%d): de tabel loopt door op %s.", maxSheetRows, strings.Join(names[1:], ", "))})
		}
		for _, f := range t.fields {
			typ := typeNames[f.typ]
			switch f.format {
			case euros:
				typ = "bedrag in euro's"
			case share:
				typ = "aandeel van 0 tot 1 (in Excel als percentage)"
			case percent:
				typ = "getal in procenten"
			}
			rows = append(rows, []any{t.sheet, t.file + ".csv", f.name, typ, f.about})
		}
	}
	rows = append(rows,
		[]any{documentTable.sheet, nil, nil, nil, "Een rode regel is een document waarvan de totalen niet aansluiten op CBS Iv3 (reconciliation_ok FALSE)."},
		[]any{comparisonTable.sheet, nil, nil, nil, "Op het blad staan de totalen naast elkaar: één kolom per document (gemeente, document en bestand in de kopregels), één regel per totaal, soort kolom en jaar. Documenten zonder totaaloverzicht staan onder de tabel. Een oranje totaal bevestigt geen kloppende controle (kolommen …_verified in comparison.csv); een totaal dat een controle wel bevestigt gaat bij de keuze van het overzicht voor."},
		[]any{chartSheet, nil, nil, nil, "Lasten per gemeente in het laatste jaar (per inwoner als de inwoners van elke gemeente bekend zijn), en baten en lasten door de jaren heen voor elke gemeente met meer documenten; per jaar de realisatie, anders de laatste begroting. De tabel naast elke grafiek bevat de getallen."},
	)
	s := sheet{
		name:   "Toelichting",
		fields: explanationFields,
		heads: [][]any{
			{"gemaakt met", cmp.Or(d.generator, "begroot")},
			{"invoer", fmt.Sprintf("%d documenten en %d fouten, zie onder de tabel", len(d.docs), len(d.errs))},
		},
		count:     len(rows),
		highlight: -1,
		rows:      rowsOf(rows),
		tail:      [][]any{{"invoer", "sha256"}},
	}
	s.widths = []float64{columnWidth(14), columnWidth(16), columnWidth(24), columnWidth(16), maxColumnWidth * 2}
	for _, e := range d.docs {
		s.tail = append(s.tail, []any{e.doc.Source, e.doc.SHA256})
	}
	for _, e := range d.errs {
		s.tail = append(s.tail, []any{e.err.Source, "fout: " + e.err.Error})
	}
	return s
}
