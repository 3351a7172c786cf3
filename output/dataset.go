package output

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/begroot/begroot/normalize"
)

// A fieldType is a field's type in the Frictionless Table Schema sense,
// which the data package, Parquet and the workbook follow.
type fieldType string

const (
	typeString  fieldType = "string"
	typeInteger fieldType = "integer"
	typeNumber  fieldType = "number"
	typeBoolean fieldType = "boolean"
)

// A field is one column of a flattened table. Its name is the JSON tag of
// the schema field it holds, so JSON, CSV, Parquet and Excel use the same
// names; about explains it in Dutch for the Toelichting sheet and
// datapackage.json.
type field struct {
	name   string
	typ    fieldType
	format numFormat
	about  string
}

// A numFormat is what a number field measures, beyond its type: how the
// workbook shows it and, for euros, the data package's currency.
type numFormat int

const (
	plainNumber numFormat = iota
	euros                 // whole euros: currency EUR in the data package, a euro format in Excel
	share                 // a fraction from 0 to 1: a percentage in Excel
	percent               // a number in percent (0.5 is half a percent): a % sign in Excel
)

// A column is a field with the function that reads it from a record R of
// document doc. Values are string, []string (a path, written as one text),
// int, int64, float64, bool or nil for an empty cell; which of them follows
// from the field's type.
type column[R any] struct {
	field
	value func(doc *normalize.Report, rec *R) any
}

// col is a column read from the record alone.
func col[R any](name string, typ fieldType, about string, value func(rec *R) any) column[R] {
	return column[R]{field{name: name, typ: typ, about: about}, func(_ *normalize.Report, rec *R) any { return value(rec) }}
}

// text, integer, number and boolean are cols of one type.
func text[R any](name, about string, value func(rec *R) any) column[R] {
	return col(name, typeString, about, value)
}

func integer[R any](name, about string, value func(rec *R) any) column[R] {
	return col(name, typeInteger, about, value)
}

func number[R any](name, about string, value func(rec *R) any) column[R] {
	return col(name, typeNumber, about, value)
}

func boolean[R any](name, about string, value func(rec *R) any) column[R] {
	return col(name, typeBoolean, about, value)
}

// amount is an integer col that holds whole euros.
func amount[R any](name, about string, value func(rec *R) any) column[R] {
	c := integer(name, about, value)
	c.format = euros
	return c
}

// fraction is a number col that holds a share from 0 to 1.
func fraction[R any](name, about string, value func(rec *R) any) column[R] {
	c := number(name, about, value)
	c.format = share
	return c
}

// percentage is a number col that holds a number in percent.
func percentage[R any](name, about string, value func(rec *R) any) column[R] {
	c := number(name, about, value)
	c.format = percent
	return c
}

// A table is one kind of record flattened into rows: one row per record,
// with the document's key fields in front.
type table struct {
	file   string // CSV file name without ".csv"
	kind   string // the "kind" of a JSON Lines record
	sheet  string // Excel sheet name
	about  string // what a row is, in Dutch, for the Toelichting sheet and datapackage.json
	fields []field
	// rows yields one row per record of ds; the slice is reused between
	// rows. The DatasetWriter gives it one document or one error at a time.
	rows func(ds *normalize.Dataset) iter.Seq[[]any]
}

// records yields every record of one kind with the document it belongs to.
type records[R any] func(ds *normalize.Dataset, yield func(doc *normalize.Report, rec *R) bool)

func newTable[R any](file, kind, sheet, about string, each records[R], cols ...[]column[R]) table {
	all := slices.Concat(cols...)
	t := table{file: file, kind: kind, sheet: sheet, about: about}
	for _, c := range all {
		t.fields = append(t.fields, c.field)
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
		{field{"gemeente", typeString, plainNumber, "Naam van de gemeente (of andere organisatie) die het document uitgaf, leeg als die niet herkend is."},
			func(d *normalize.Report, _ *R) any { return d.Gemeente }},
		{field{"cbs_code", typeString, plainNumber, "CBS-gemeentecode (GM + vier cijfers, tekst: voorloopnullen tellen)."},
			func(d *normalize.Report, _ *R) any { return d.CBSCode }},
		{field{"year", typeInteger, plainNumber, "Jaar van het document: het begrotingsjaar of het jaar van de jaarstukken."},
			func(d *normalize.Report, _ *R) any { return opt(d.Year) }},
		{field{"doc_type", typeString, plainNumber, "Soort document: begroting, jaarstukken, voorjaarsnota, voortgangsrapportage, …"},
			func(d *normalize.Report, _ *R) any { return d.DocType }},
	}
}

// documentName is the last column of every record: the input file name.
func documentName[R any]() []column[R] {
	return []column[R]{{field{"document", typeString, plainNumber, aboutDocument}, func(d *normalize.Report, _ *R) any { return d.Document }}}
}

// The descriptions that several tables share.
const (
	aboutDocument   = "Bestandsnaam van het brondocument."
	aboutSection    = "Kopjes boven de tabel, van buiten naar binnen, gescheiden door \" > \"."
	aboutTable      = "Titel of onderschrift van de tabel in het document."
	aboutGroup      = "Label boven een groep regels (bijvoorbeeld een taakveld boven baten, lasten en saldo)."
	aboutColumn     = "Kolomkop zoals gedrukt, de kopregels van boven naar beneden."
	aboutColumnKind = "Soort kolom: realisatie, begroting_primitief, begroting_na_wijziging, begroting, raming (meerjarenraming), verschil of other."
	aboutColumnYear = "Jaar van de kolom."
	aboutRaw        = "De cel zoals gedrukt."
	aboutPage       = "Paginanummer in de PDF (herkomst)."
	aboutLine       = "Regelnummer in het tekstbestand (herkomst)."
	aboutURL        = "Webadres van de pagina of PDF (herkomst)."
)

// opt returns n, or nil for zero: the fields JSON omits when empty stay
// empty cells instead of showing 0.
func opt[N int | int64](n N) any {
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

var documentTable = newTable("documents", "document", "Documenten", "Eén regel per verwerkt document.",
	func(ds *normalize.Dataset, yield func(*normalize.Report, *normalize.Report) bool) {
		for i := range ds.Documents {
			if !yield(&ds.Documents[i], &ds.Documents[i]) {
				return
			}
		}
	},
	documentKey[normalize.Report](),
	[]column[normalize.Report]{
		text("title", "Titel van het document.", func(r *normalize.Report) any { return r.Title }),
		text("organisation", "Organisatie die het document uitgeeft als dat geen gemeente is (gemeenschappelijke regeling, stichting, provincie).", func(r *normalize.Report) any { return r.Organisation }),
		text("document", aboutDocument, func(r *normalize.Report) any { return r.Document }),
		text("source", "Pad of webadres waaruit het document gelezen is.", func(r *normalize.Report) any { return r.Source }),
		text("url", "Webadres waarvan het document gehaald is.", func(r *normalize.Report) any { return r.URL }),
		text("sha256", "SHA-256 van de bytes van het document: zelfde waarde, zelfde document.", func(r *normalize.Report) any { return r.SHA256 }),
		text("format", "Hoe het document gelezen is: text, html of pdf.", func(r *normalize.Report) any { return r.Format }),
		integer("pages", "Aantal pagina's (PDF).", func(r *normalize.Report) any { return opt(r.Pages) }),
		integer("financial", "Aantal bedragen in Financieel.", func(r *normalize.Report) any { return len(r.Financial) }),
		integer("indicators", "Aantal waarden in Indicatoren.", func(r *normalize.Report) any { return len(r.Indicators) }),
		integer("objectives", "Aantal doelstellingen en activiteiten in Doelstellingen.", func(r *normalize.Report) any { return len(r.Objectives) }),
		integer("checks", "Aantal rekenkundige controles in Controles.", func(r *normalize.Report) any { return len(r.Checks) }),
		integer("checks_failed", "Aantal controles dat niet klopt.", func(r *normalize.Report) any { return r.Quality.ChecksFailed }),
		fraction("verified_share", "Aandeel van de bedragen dat door een kloppende controle bevestigd is (0 tot 1).", func(r *normalize.Report) any { return r.Quality.VerifiedShare }),
		integer("tables_not_extracted", "Aantal tabellen met een eenheid (x € 1.000) waaruit geen bedrag gelezen is.", func(r *normalize.Report) any { return r.Quality.TablesNotExtracted }),
		integer("no_text_pages", "Aantal pagina's zonder bruikbare tekstlaag (scans zonder OCR).", func(r *normalize.Report) any { return r.Quality.NoTextPages }),
		percentage("reconciliation_difference_pct", "Aansluiting met CBS Iv3 (begroting en jaarstukken van een gemeente): het grootste verschil tussen de totale baten of lasten van het document en die van Iv3, in procenten van Iv3; leeg als de aansluiting niet kon (de waarschuwingen zeggen waarom).",
			func(r *normalize.Report) any {
				if r.Reconciliation == nil {
					return nil
				}
				return r.Reconciliation.DifferencePct
			}),
		boolean("reconciliation_ok", fmt.Sprintf("TRUE als de totalen aansluiten op CBS Iv3 (verschil hoogstens %g%%), FALSE als niet (rood); leeg zonder aansluiting.", normalize.ReconcileTolerancePct),
			func(r *normalize.Report) any {
				if r.Reconciliation == nil {
					return nil
				}
				return r.Reconciliation.OK
			}),
		text("warnings", "Waarschuwingen bij het lezen (bijvoorbeeld pagina's zonder tekstlaag), gescheiden door \"; \".", func(r *normalize.Report) any { return strings.Join(r.Warnings, "; ") }),
	},
)

var financialTable = newTable("financial", "financial", "Financieel", "Eén regel per bedrag uit een financiële tabel, met het teken zoals gedrukt.",
	perDocument(func(r *normalize.Report) []normalize.Financial { return r.Financial }),
	documentKey[normalize.Financial](),
	[]column[normalize.Financial]{
		text("section", aboutSection, func(f *normalize.Financial) any { return list(f.Section) }),
		text("table", aboutTable, func(f *normalize.Financial) any { return f.Table }),
		text("group", aboutGroup, func(f *normalize.Financial) any { return f.Group }),
		text("row", "Regelnaam zoals gedrukt.", func(f *normalize.Financial) any { return f.Row }),
		text("row_kind", "Soort regel: baten, lasten, saldo, toevoeging_reserves, onttrekking_reserves, reserves (saldo mutaties), resultaat of other.", func(f *normalize.Financial) any { return f.RowKind }),
		text("column", aboutColumn, func(f *normalize.Financial) any { return f.Column }),
		text("column_kind", aboutColumnKind, func(f *normalize.Financial) any { return f.ColumnKind }),
		integer("column_year", aboutColumnYear, func(f *normalize.Financial) any { return opt(f.ColumnYear) }),
		amount("value", "Bedrag in hele euro's, met het teken zoals gedrukt; leeg voor een gedrukt \"-\".", func(f *normalize.Financial) any { return ptr(f.Value) }),
		text("raw", aboutRaw, func(f *normalize.Financial) any { return f.Raw }),
		integer("scale", "Vermenigvuldiging uit de eenheid van de tabel: 1, 1000 (x € 1.000) of 1000000.", func(f *normalize.Financial) any { return f.Scale }),
		text("sign", "Tekenlegenda van de tabel, zoals gedrukt (bijvoorbeeld \"- = nadeel\").", func(f *normalize.Financial) any { return f.Sign }),
		boolean("verified", "TRUE als een kloppende controle (baten - lasten = saldo, een totaal, de Iv3-aansluiting) dit bedrag bevestigt.", func(f *normalize.Financial) any { return f.Verified }),
		text("checks", "Id's van de controles (in Controles) die dit bedrag dekken.", func(f *normalize.Financial) any { return list(f.Checks) }),
		boolean("ocr", "TRUE als het bedrag met OCR gelezen is van een pagina zonder bruikbare tekstlaag; alleen verified bedragen zijn door de rekenkunde bevestigd.", func(f *normalize.Financial) any { return f.OCR }),
		number("confidence", "OCR: de laagste herkenningszekerheid (0–100) van de woorden in de cel; leeg voor tekst uit de tekstlaag.", func(f *normalize.Financial) any { return ptr(f.Confidence) }),
		text("repaired", "OCR: de herstelde lezing (bijvoorbeeld \"13.4 → 3.4\") die de controles deed kloppen; leeg als er niets hersteld is.", func(f *normalize.Financial) any { return f.Repaired }),
		integer("page", aboutPage, func(f *normalize.Financial) any { return opt(f.Page) }),
		integer("line", aboutLine, func(f *normalize.Financial) any { return opt(f.Line) }),
		text("url", aboutURL, func(f *normalize.Financial) any { return f.URL }),
	},
	documentName[normalize.Financial](),
)

var indicatorTable = newTable("indicators", "indicator", "Indicatoren", "Eén regel per waarde uit een tabel met kengetallen of beleidsindicatoren.",
	perDocument(func(r *normalize.Report) []normalize.Indicator { return r.Indicators }),
	documentKey[normalize.Indicator](),
	[]column[normalize.Indicator]{
		text("section", aboutSection, func(n *normalize.Indicator) any { return list(n.Section) }),
		text("table", aboutTable, func(n *normalize.Indicator) any { return n.Table }),
		text("group", aboutGroup, func(n *normalize.Indicator) any { return n.Group }),
		text("name", "Naam van de indicator.", func(n *normalize.Indicator) any { return n.Name }),
		text("label", "Eigen label van een waarde binnen een cel (\"Jongeren: 7,1\").", func(n *normalize.Indicator) any { return n.Label }),
		text("column", aboutColumn, func(n *normalize.Indicator) any { return n.Column }),
		integer("column_year", aboutColumnYear, func(n *normalize.Indicator) any { return opt(n.ColumnYear) }),
		number("value", "Waarde: euro's bij geld, anders het getal; leeg als de cel geen getal is.", func(n *normalize.Indicator) any { return ptr(n.Value) }),
		text("unit", "Eenheid (%, per 1.000 inwoners, €, …).", func(n *normalize.Indicator) any { return n.Unit }),
		text("source", "Bron van de indicator (CBS, Waarstaatjegemeente, …).", func(n *normalize.Indicator) any { return n.Source }),
		text("code", "Code van de indicator zoals gedrukt (tekst).", func(n *normalize.Indicator) any { return n.Code }),
		text("taakveld", "Taakveld (Iv3), tekst: 0.10 blijft 0.10.", func(n *normalize.Indicator) any { return n.Taakveld }),
		text("note", "De tekst als de waarde geen getal is (n.b., -).", func(n *normalize.Indicator) any { return n.Note }),
		text("raw", aboutRaw, func(n *normalize.Indicator) any { return n.Raw }),
		integer("page", aboutPage, func(n *normalize.Indicator) any { return opt(n.Page) }),
		integer("line", aboutLine, func(n *normalize.Indicator) any { return opt(n.Line) }),
		text("url", aboutURL, func(n *normalize.Indicator) any { return n.URL }),
	},
	documentName[normalize.Indicator](),
)

// The objective's own kind and year are renamed in the flattened tables,
// where "kind" is the record kind and "year" the document's year.
var objectiveTable = newTable("objectives", "objective", "Doelstellingen", "Eén regel per doelstelling, activiteit of prestatie.",
	perDocument(func(r *normalize.Report) []normalize.Objective { return r.Objectives }),
	documentKey[normalize.Objective](),
	[]column[normalize.Objective]{
		text("section", aboutSection, func(o *normalize.Objective) any { return list(o.Section) }),
		text("code", "Nummer van de doelstelling of activiteit zoals gedrukt (tekst).", func(o *normalize.Objective) any { return o.Code }),
		text("objective_kind", "Soort: doelstelling, activiteit of prestatie.", func(o *normalize.Objective) any { return o.Kind }),
		text("title", "Titel.", func(o *normalize.Objective) any { return o.Title }),
		text("text", "Toelichtende tekst.", func(o *normalize.Objective) any { return o.Text }),
		text("status", "Status zoals gedrukt (loopt, gereed, …).", func(o *normalize.Objective) any { return o.Status }),
		integer("objective_year", "Jaar van de doelstelling.", func(o *normalize.Objective) any { return opt(o.Year) }),
		amount("budget", "Budget in hele euro's.", func(o *normalize.Objective) any { return ptr(o.Budget) }),
		integer("page", aboutPage, func(o *normalize.Objective) any { return opt(o.Page) }),
		integer("line", aboutLine, func(o *normalize.Objective) any { return opt(o.Line) }),
		text("url", aboutURL, func(o *normalize.Objective) any { return o.URL }),
	},
	documentName[normalize.Objective](),
)

// comparisonTable is the comparison as a tidy table: one row per document
// and column of its overall overview (see compare).
var comparisonTable = newTable("comparison", "comparison", "Vergelijking",
	"Eén regel per document en kolom (soort en jaar) van het totaaloverzicht van baten en lasten, met de tekens gelijkgetrokken: lasten positief, saldo = baten - lasten. Een overzicht waarvan een kloppende controle de totale lasten bevestigt gaat voor een groter overzicht zonder.",
	func(ds *normalize.Dataset, yield func(*normalize.Report, *comparisonRow) bool) {
		rows, _ := compare(ds)
		for i := range rows {
			if !yield(rows[i].doc, &rows[i]) {
				return
			}
		}
	},
	documentKey[comparisonRow](),
	[]column[comparisonRow]{
		text("column_kind", aboutColumnKind, func(r *comparisonRow) any { return r.columnKind }),
		integer("column_year", aboutColumnYear, func(r *comparisonRow) any { return opt(r.columnYear) }),
		amount("baten", "Totaal baten, positief.", func(r *comparisonRow) any { return ptr(r.total(normalize.RowBaten)) }),
		amount("lasten", "Totaal lasten, positief (ook waar het document ze negatief drukt).", func(r *comparisonRow) any { return ptr(r.total(normalize.RowLasten)) }),
		amount("saldo", "Saldo van baten en lasten: baten - lasten, positief is een overschot.", func(r *comparisonRow) any { return ptr(r.total(normalize.RowSaldo)) }),
		amount("toevoeging_reserves", "Toevoegingen aan reserves, positief.", func(r *comparisonRow) any { return ptr(r.total(normalize.RowToevoeging)) }),
		amount("onttrekking_reserves", "Onttrekkingen aan reserves, positief.", func(r *comparisonRow) any { return ptr(r.total(normalize.RowOnttrekking)) }),
		amount("reserves", "Saldo mutaties reserves: onttrekkingen - toevoegingen.", func(r *comparisonRow) any { return ptr(r.total(normalize.RowReserves)) }),
		amount("resultaat", "Resultaat: saldo + mutaties reserves, positief is een overschot.", func(r *comparisonRow) any { return ptr(r.total(normalize.RowResultaat)) }),
	},
	verifiedColumns(),
	[]column[comparisonRow]{
		integer("inwoners", "Aantal inwoners van de gemeente in het jaar van de kolom (CBS), leeg als onbekend.", func(r *comparisonRow) any { return opt(r.Inwoners) }),
		number("baten_per_inwoner", "Baten per inwoner in euro's.", func(r *comparisonRow) any { return r.perInwoner(normalize.RowBaten) }),
		number("lasten_per_inwoner", "Lasten per inwoner in euro's.", func(r *comparisonRow) any { return r.perInwoner(normalize.RowLasten) }),
		boolean("lasten_printed_negative", "TRUE als het document de lasten negatief drukt; de bedragen hier zijn omgedraaid.", func(r *comparisonRow) any { return r.lastenNegative }),
		boolean("saldo_printed_reversed", "TRUE als het document het saldo drukt als lasten - baten; saldo, reserves en resultaat zijn hier omgedraaid.", func(r *comparisonRow) any { return r.saldoReversed }),
		text("table", "Het totaaloverzicht waaruit de bedragen komen.", func(r *comparisonRow) any { return r.table }),
		integer("page", aboutPage, func(r *comparisonRow) any { return opt(r.page) }),
		text("url", aboutURL, func(r *comparisonRow) any { return r.url }),
	},
	documentName[comparisonRow](),
)

// verifiedColumns say per total of a comparison row whether a check that
// holds covers it: baten_verified, lasten_verified, ….
func verifiedColumns() []column[comparisonRow] {
	var cols []column[comparisonRow]
	for _, m := range measures {
		cols = append(cols, boolean(m+"_verified",
			"TRUE als een kloppende controle (in Controles: een optelling, baten - lasten = saldo of de aansluiting met CBS Iv3) het totaal "+m+" bevestigt, FALSE als niet (in Vergelijking oranje); leeg zonder totaal.",
			func(r *comparisonRow) any { return r.isVerified(m) }))
	}
	return cols
}

var checkTable = newTable("checks", "check", "Controles", "Eén regel per rekenkundige controle van een financiële tabel; niets wordt verbeterd.",
	perDocument(func(r *normalize.Report) []normalize.Check { return r.Checks }),
	documentKey[normalize.Check](),
	[]column[normalize.Check]{
		text("id", "Id van de controle; de kolom checks in Financieel verwijst ernaar.", func(c *normalize.Check) any { return c.ID }),
		text("table", aboutTable, func(c *normalize.Check) any { return c.Table }),
		text("column", aboutColumn, func(c *normalize.Check) any { return c.Column }),
		text("rule", "De regel die gecontroleerd is, bijvoorbeeld \"baten - lasten = saldo\".", func(c *normalize.Check) any { return c.Rule }),
		amount("expected", "Uitkomst van de berekening, in hele euro's.", func(c *normalize.Check) any { return c.Expected }),
		amount("found", "Het gedrukte bedrag, in hele euro's.", func(c *normalize.Check) any { return c.Found }),
		amount("difference", "Gevonden min verwacht, in hele euro's.", func(c *normalize.Check) any { return c.Difference }),
		boolean("ok", "TRUE als de regel klopt (binnen één gedrukte eenheid per term); FALSE is rood gemarkeerd.", func(c *normalize.Check) any { return c.OK }),
		text("suspect", "Bij een controle die niet klopt: document (drukfout in het document) of extraction (vermoedelijk een leesfout van begroot).", func(c *normalize.Check) any { return c.Suspect }),
		integer("page", aboutPage, func(c *normalize.Check) any { return opt(c.Page) }),
		integer("line", aboutLine, func(c *normalize.Check) any { return opt(c.Line) }),
		text("url", aboutURL, func(c *normalize.Check) any { return c.URL }),
	},
	documentName[normalize.Check](),
)

var errorTable = newTable("errors", "error", "Fouten", "Eén regel per document dat niet verwerkt kon worden.",
	func(ds *normalize.Dataset, yield func(*normalize.Report, *normalize.DocError) bool) {
		for i := range ds.Errors {
			if !yield(nil, &ds.Errors[i]) {
				return
			}
		}
	},
	[]column[normalize.DocError]{
		text("source", "Pad of webadres van het document dat niet verwerkt kon worden.", func(e *normalize.DocError) any { return e.Source }),
		text("error", "Wat er misging.", func(e *normalize.DocError) any { return e.Error }),
	},
)

// tables are the flattened tables in the order CSV and JSON Lines write them.
var tables = []table{documentTable, financialTable, indicatorTable, objectiveTable, comparisonTable, checkTable, errorTable}

// documentOrder orders documents by gemeente, year, doc_type and file, so
// that the output does not depend on the order in which documents were
// processed.
func documentOrder(a, b *normalize.Report) int {
	return cmp.Or(
		strings.Compare(a.Gemeente, b.Gemeente),
		cmp.Compare(a.Year, b.Year),
		strings.Compare(a.DocType, b.DocType),
		strings.Compare(a.Document, b.Document),
		strings.Compare(a.Source, b.Source),
		strings.Compare(a.SHA256, b.SHA256),
	)
}

// sourceOrder orders documents by source, then as documentOrder: the order
// of dataset.json.
func sourceOrder(a, b *normalize.Report) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), documentOrder(a, b))
}

// errorOrder orders the documents that failed by source and error.
func errorOrder(a, b *normalize.DocError) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Error, b.Error))
}
