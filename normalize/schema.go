package normalize

// Report is begroot's result for one document: what the JSON file
// OUT/<stem>.json holds. Field names are the same in JSON, CSV and Excel.
type Report struct {
	Document string `json:"document"` // input file name, e.g. "begroting_2024.pdf"
	Source   string `json:"source"`   // file path or URL
	URL      string `json:"url,omitempty"`
	SHA256   string `json:"sha256"`
	Format   string `json:"format"`             // text, html or pdf
	Gemeente string `json:"gemeente,omitempty"` // CBS name in the document's year
	CBSCode  string `json:"cbs_code,omitempty"` // "GM0629": the gemeente's code in the document's year
	// Organisation is the publisher when it is not a gemeente: a
	// gemeenschappelijke regeling, province, waterschap, stichting, …
	Organisation string `json:"organisation,omitempty"`
	DocType      string `json:"doc_type,omitempty"` // begroting, jaarstukken, voorjaarsnota, voortgangsrapportage, …
	Year         int    `json:"year,omitempty"`
	Title        string `json:"title,omitempty"`
	Pages        int    `json:"pages,omitempty"`

	Financial  []Financial `json:"financial"`
	Indicators []Indicator `json:"indicators"`
	Objectives []Objective `json:"objectives"`
	Checks     []Check     `json:"checks"`
	Findings   []Finding   `json:"findings,omitempty"` // what could not be read or extracted, see Finding kinds
	Quality    Quality     `json:"quality"`
	// Reconciliation compares the document's totals with CBS Iv3; nil
	// when that was not possible (a warning says why).
	Reconciliation *Reconciliation `json:"reconciliation,omitempty"`
	Warnings       []string        `json:"warnings,omitempty"`
}

// Reconciliation compares a begroting's or jaarstukken's own totals
// (totaal baten and totaal lasten before mutations of reserves) with the
// Iv3 totals CBS holds for the same gemeente, year and kind.
type Reconciliation struct {
	Source         string  `json:"source"`       // "CBS Iv3"
	Verslagsoort   string  `json:"verslagsoort"` // "2024X000" begroting, "2023X005" jaarrekening
	BatenDocument  int64   `json:"baten_document"`
	BatenIv3       int64   `json:"baten_iv3"`
	LastenDocument int64   `json:"lasten_document"` // positive
	LastenIv3      int64   `json:"lasten_iv3"`
	DifferencePct  float64 `json:"difference_pct"` // the larger of baten's and lasten's, in % of Iv3
	OK             bool    `json:"ok"`             // within ReconcileTolerancePct
	Table          string  `json:"table"`          // the document's table with the totals
	Page           int     `json:"page,omitempty"`
	URL            string  `json:"url,omitempty"`
}

// Financial is one amount from a financial table ("bedragen x € 1.000").
type Financial struct {
	Table      string   `json:"table"`             // table title or caption
	Section    []string `json:"section,omitempty"` // heading path above the table, outermost first
	Group      string   `json:"group,omitempty"`   // a label over several rows (a taakveld over Baten/Lasten/Saldo)
	Row        string   `json:"row"`
	RowKind    string   `json:"row_kind"` // see RowKind constants
	Column     string   `json:"column"`   // header path joined by spaces, e.g. "Begroting 2024 lasten"
	ColumnKind string   `json:"column_kind"`
	ColumnYear int      `json:"column_year,omitempty"`
	Value      *int64   `json:"value"` // whole euros; null for a printed "-"
	Raw        string   `json:"raw"`   // the cell as printed
	Scale      int64    `json:"scale"` // multiplier from the unit label: 1, 1000, 1000000
	Sign       string   `json:"sign,omitempty"`
	Verified   bool     `json:"verified"`         // a check that holds covers the amount
	Checks     []string `json:"checks,omitempty"` // ids of the checks that cover the amount
	Page       int      `json:"page,omitempty"`
	URL        string   `json:"url,omitempty"`
	Line       int      `json:"line,omitempty"`
	OCR        bool     `json:"ocr,omitempty"`        // read by OCR from a page without a usable text layer
	Confidence *float64 `json:"confidence,omitempty"` // OCR: the lowest recognition confidence (0–100) of the cell's words
	Repaired   string   `json:"repaired,omitempty"`   // OCR: the one-character repair that made the checks hold, "13.4 → 3.4"; Raw is the repaired text
}

// Indicator is one value of a kengetallen or beleidsindicatoren table.
type Indicator struct {
	Table      string   `json:"table,omitempty"`
	Section    []string `json:"section,omitempty"`
	Group      string   `json:"group,omitempty"`
	Name       string   `json:"name"`
	Label      string   `json:"label,omitempty"` // a value's own label inside a cell ("Jongeren: 7,1")
	Column     string   `json:"column"`
	ColumnYear int      `json:"column_year,omitempty"`
	Value      *float64 `json:"value"` // euros for money, the number otherwise; null when not a number
	Unit       string   `json:"unit"`
	Source     string   `json:"source,omitempty"`
	Code       string   `json:"code,omitempty"`
	Taakveld   string   `json:"taakveld,omitempty"`
	Note       string   `json:"note,omitempty"` // the text when the value is not a number
	Raw        string   `json:"raw"`
	Page       int      `json:"page,omitempty"`
	URL        string   `json:"url,omitempty"`
	Line       int      `json:"line,omitempty"`
}

// Objective is a doelstelling, an activity or a prestatie.
type Objective struct {
	Code    string   `json:"code,omitempty"`
	Title   string   `json:"title"`
	Text    string   `json:"text,omitempty"`
	Kind    string   `json:"kind"` // doelstelling or activiteit
	Status  string   `json:"status,omitempty"`
	Year    int      `json:"year,omitempty"`
	Budget  *int64   `json:"budget,omitempty"` // whole euros
	Section []string `json:"section,omitempty"`
	Page    int      `json:"page,omitempty"`
	URL     string   `json:"url,omitempty"`
	Line    int      `json:"line,omitempty"`
}

// Check is one arithmetic check of a financial table. Checks that hold are
// kept too (OK true), so the share that holds can be measured; nothing is
// ever corrected. Covers lists the Financial records the check is about
// (indices into Report.Financial); Verify marks them.
type Check struct {
	ID         string `json:"id"` // "c1", "c2", … in report order
	Table      string `json:"table"`
	Column     string `json:"column"`
	Rule       string `json:"rule"` // e.g. "baten - lasten = saldo"
	Expected   int64  `json:"expected"`
	Found      int64  `json:"found"`
	Difference int64  `json:"difference"`
	OK         bool   `json:"ok"`
	Suspect    string `json:"suspect,omitempty"` // failing checks: SuspectDocument or SuspectExtraction
	Covers     []int  `json:"covers,omitempty"`
	Page       int    `json:"page,omitempty"`
	URL        string `json:"url,omitempty"`
	Line       int    `json:"line,omitempty"`
}

// Finding is a part of a document that gave no records: a table that was
// not extracted, or pages without a usable text layer.
type Finding struct {
	Kind     string `json:"kind"`                // FindingTableNotExtracted or FindingNoTextLayer
	Page     int    `json:"page,omitempty"`      // first page; 0 for an HTML table or a whole document
	LastPage int    `json:"last_page,omitempty"` // last page of a range of pages without text
	Text     string `json:"text,omitempty"`      // the unit label line of a table not extracted
	Selector string `json:"selector,omitempty"`  // HTML: CSS path of the table
	Line     int    `json:"line,omitempty"`      // text input: line of the table
}

// Quality sums up how far a report can be trusted.
type Quality struct {
	Financial          int     `json:"financial"`            // number of financial records
	Indicators         int     `json:"indicators"`           // number of indicator records
	Objectives         int     `json:"objectives"`           // number of objective records
	Verified           int     `json:"verified"`             // financial records a check that holds covers
	VerifiedShare      float64 `json:"verified_share"`       // Verified / Financial; 0 when there are none
	Checks             int     `json:"checks"`               // number of checks
	ChecksFailed       int     `json:"checks_failed"`        // checks that do not hold
	TablesNotExtracted int     `json:"tables_not_extracted"` // table_not_extracted findings
	NoTextPages        int     `json:"no_text_pages"`        // pages in no_text_layer findings
}

// DocError records a document that could not be processed.
type DocError struct {
	Source string `json:"source"`
	Error  string `json:"error"`
}

// Dataset is every report of one run: what OUT/dataset.json holds.
type Dataset struct {
	Generator string     `json:"generator"` // "begroot <version>"
	Documents []Report   `json:"documents"`
	Errors    []DocError `json:"errors,omitempty"`
}

// Row kinds (Financial.RowKind).
const (
	RowBaten       = "baten"
	RowLasten      = "lasten"
	RowSaldo       = "saldo"
	RowToevoeging  = "toevoeging_reserves"
	RowOnttrekking = "onttrekking_reserves"
	RowReserves    = "reserves" // saldo of mutaties reserves
	RowResultaat   = "resultaat"
	RowOther       = "other"
)

// Suspects of a failing check (Check.Suspect): the rule is in check.go.
const (
	SuspectDocument   = "document"   // the document prints numbers that do not add up
	SuspectExtraction = "extraction" // begroot probably misread the table
)

// Finding kinds (Finding.Kind).
const (
	FindingTableNotExtracted = "table_not_extracted"
	FindingNoTextLayer       = "no_text_layer"
)

// Column kinds (Financial.ColumnKind, Indicator columns reuse them).
const (
	ColRealisatie         = "realisatie"
	ColBegrotingPrimitief = "begroting_primitief"
	ColBegrotingWijziging = "begroting_na_wijziging"
	ColBegroting          = "begroting"
	ColRaming             = "raming" // meerjarenraming
	ColVerschil           = "verschil"
	ColOther              = "other"
)
