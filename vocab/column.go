package vocab

import (
	"strings"
)

// ColumnKind is what a column label of a financial table says its amounts
// are.
type ColumnKind int

// Column kinds.
const (
	Verschil   ColumnKind = iota + 1 // a difference between two other columns
	Wijziging                        // the budget after amendments
	Primitief                        // the budget as first adopted
	Realisatie                       // the realised amounts
	Meerjaren                        // a multi-year estimate
	Begroting                        // the budget
	ReportYear                       // the year the report is about
	Heading                          // another word that starts a column label
)

// columnWord is one column word: its kind, its pattern, the headings it
// stands alone as, and its meaning for the glossary.
type columnWord struct {
	kind    ColumnKind
	pattern string
	heads   []string
	meaning string
}

// columnWords are the words of each column kind, as regular expressions
// matched anywhere in a label, ignoring case; heads are the capitalised
// words with which a column label starts in a header line.
var columnWords = []columnWord{
	{Verschil, `verschil`, []string{"Verschil"}, "difference"},
	{Verschil, `afwijking`, []string{"Afwijking"}, "deviation"},
	{Verschil, `mutatie`, []string{"Mutatie"}, "change"},
	{Verschil, `onderschrijding`, nil, "underspend"},
	{Verschil, `overschrijding`, nil, "overspend"},
	{Wijziging, `na\s+wijz`, nil, "after amendment (na wijziging)"},
	{Wijziging, `gewijzigd`, []string{"Gewijzigde"}, "amended"},
	{Wijziging, `actue(e)?l`, []string{"Actuele"}, "current"},
	{Wijziging, `bijgesteld`, []string{"Bijgestelde"}, "revised"},
	{Wijziging, `na\s+(bestuurs|voortgangs)rapportage`, nil, "after the interim report"},
	{Wijziging, `na\s+amendement`, nil, "after amendment by the council"},
	{Primitief, `primitie`, []string{"Primitieve"}, "original (budget)"},
	{Primitief, `primai?r`, []string{"Primaire", "Primair"}, "original (budget)"},
	{Primitief, `\bprim\.`, []string{"Prim."}, "primitief"},
	{Primitief, `voor\s+wijz`, nil, "before amendment"},
	{Primitief, `oorspronkelijk`, nil, "original"},
	{Primitief, `vastgesteld`, nil, "adopted"},
	{Realisatie, `realisatie`, []string{"Realisatie"}, "realised (actuals)"},
	{Realisatie, `\breal\.`, []string{"Real."}, "realisatie"},
	{Realisatie, `rekening`, []string{"Rekening", "Jaarrekening"}, "annual accounts (actuals)"},
	{Realisatie, `\brek\.`, []string{"Rek."}, "rekening"},
	{Realisatie, `werkelijk`, []string{"Werkelijk"}, "actual"},
	{Realisatie, `gerealiseerd`, nil, "realised"},
	{Realisatie, `resultaat`, []string{"Resultaat"}, "result (actuals)"},
	{Realisatie, `jaarverslag`, nil, "annual report (actuals)"},
	{Meerjaren, `meerjaren`, []string{"Meerjarenraming"}, "multi-year (estimate)"},
	{Meerjaren, `^raming\s+\d{4}$`, nil, "estimate for a later year"},
	{Meerjaren, `^raming\s+t\s*\+\s*\d$`, nil, "estimate for a later year (T+1)"},
	{Begroting, `begroting`, []string{"Begroting"}, "budget"},
	{Begroting, `\bbegr\.`, []string{"Begr."}, "begroting"},
	{Begroting, `begroot|begrote`, []string{"Begroot", "Begrote"}, "budgeted"},
	{Begroting, `raming`, []string{"Raming", "Ramingen"}, "estimate"},
	{ReportYear, `begrotingsjaar|rekeningjaar|verslagjaar|boekjaar`, nil, "the year of the report"},
	{ReportYear, `\bt/m\s+(jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec)`, nil, "up to a month (t/m aug) of the report year"},
	{Heading, `prognose`, []string{"Prognose"}, "forecast"},
	{Heading, `jaarschijf`, []string{"Jaarschijf"}, "year slice (of a multi-year budget)"},
	{Heading, `stand`, []string{"Stand"}, "balance at a date"},
	{Heading, `streefwaarde`, []string{"Streefwaarde"}, "target value"},
	{Heading, `nulmeting`, []string{"Nulmeting"}, "baseline measurement"},
	{Heading, `norm`, []string{"Norm"}, "standard"},
	{Heading, `waarde`, []string{"Waarde"}, "value"},
}

var (
	columnRE    = byKind(columnWords, func(w columnWord) (ColumnKind, string) { return w.kind, w.pattern })
	columnHeads = func() map[string]bool {
		m := map[string]bool{}
		for _, w := range columnWords {
			for _, h := range w.heads {
				m[h] = true
			}
		}
		for _, h := range rowHeads {
			m[h] = true
		}
		return m
	}()
)

// rowHeads are the row words that also head the columns of a table with
// one column per kind ("Baten Lasten Saldo").
var rowHeads = []string{"Baten", "Lasten", "Saldo"}

// IsColumn reports whether label holds a word of the column kind.
func IsColumn(kind ColumnKind, label string) bool {
	re, ok := columnRE[kind]
	return ok && re.MatchString(strings.TrimSpace(label))
}

// StartsColumn reports whether the word w starts a column label in a
// header line. Only capitalised words do, so "Verschil realisatie versus
// begroting" stays one label.
func StartsColumn(w string) bool { return columnHeads[w] }
