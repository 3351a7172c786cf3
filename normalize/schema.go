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
	Page       int      `json:"page,omitempty"`
	URL        string   `json:"url,omitempty"`
	Line       int      `json:"line,omitempty"`
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
// ever corrected.
type Check struct {
	Table      string `json:"table"`
	Column     string `json:"column"`
	Rule       string `json:"rule"` // e.g. "baten - lasten = saldo"
	Expected   int64  `json:"expected"`
	Found      int64  `json:"found"`
	Difference int64  `json:"difference"`
	OK         bool   `json:"ok"`
	Page       int    `json:"page,omitempty"`
	URL        string `json:"url,omitempty"`
	Line       int    `json:"line,omitempty"`
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
