package vocab

import (
	"strings"
)

// RowKind is what a row label, or the last word of a two-level column
// label ("Begroting 2024 lasten"), says about its amounts.
type RowKind int

// Row kinds.
const (
	Baten       RowKind = iota + 1 // income
	Lasten                         // expenses
	Saldo                          // baten minus lasten
	Reserve                        // a row about the reserves
	Toevoeging                     // an addition to a reserve
	Onttrekking                    // a withdrawal from a reserve
	Mutatie                        // a change, of the reserves when with Reserve
	Resultaat                      // saldo plus the reserve mutations
	Totaal                         // a total of the rows above
)

// rowWord is one row word: its kind, its pattern, an example it matches,
// and its meaning for the glossary.
type rowWord struct {
	kind    RowKind
	pattern string
	example string
	meaning string
}

// rowWords are the words of each row kind, as regular expressions matched
// anywhere in a label, ignoring case.
var rowWords = []rowWord{
	{Baten, `\bbaten\b`, "baten", "income"},
	{Baten, `opbrengsten`, "opbrengsten", "revenue"},
	{Baten, `inkomsten`, "inkomsten", "income"},
	{Baten, `ontvangsten`, "ontvangsten", "receipts"},
	{Lasten, `lasten\b`, "lasten", "expenses"},
	{Lasten, `kosten\b`, "kosten", "costs"},
	{Lasten, `uitgaven`, "uitgaven", "expenditure"},
	{Saldo, `saldo`, "saldo", "balance: baten minus lasten"},
	{Reserve, `reserve`, "reserves", "earmarked reserves"},
	{Toevoeging, `toevoeging`, "toevoeging", "addition (to a reserve)"},
	{Toevoeging, `dotatie`, "dotatie", "addition (to a reserve)"},
	{Toevoeging, `storting`, "storting", "deposit (into a reserve)"},
	{Toevoeging, `\btoev\.`, "toev.", "toevoeging, abbreviated"},
	{Onttrekking, `onttrekking`, "onttrekking", "withdrawal (from a reserve)"},
	{Onttrekking, `beschikking`, "beschikking", "drawing on (a reserve)"},
	{Onttrekking, `\bonttr\.`, "onttr.", "onttrekking, abbreviated"},
	{Mutatie, `mutatie`, "mutaties", "changes (of the reserves)"},
	{Resultaat, `resultaat`, "resultaat", "result: saldo after reserve mutations"},
	{Totaal, `^(sub)?totaal`, "totaal, subtotaal", "total, subtotal"},
}

var rowRE = byKind(rowWords, func(w rowWord) (RowKind, string) { return w.kind, w.pattern })

// byKind compiles the patterns of a word table into one case-insensitive
// expression per kind.
func byKind[W any, K comparable](words []W, entry func(W) (K, string)) map[K]*quickRE {
	parts := map[K][]string{}
	for _, w := range words {
		k, p := entry(w)
		parts[k] = append(parts[k], p)
	}
	out := map[K]*quickRE{}
	for k, p := range parts {
		out[k] = newQuickRE(`(?i)` + strings.Join(p, "|"))
	}
	return out
}

// IsRow reports whether label holds a word of the row kind.
func IsRow(kind RowKind, label string) bool {
	re, ok := rowRE[kind]
	return ok && re.MatchString(strings.TrimSpace(label))
}

// IsRowWord reports whether word is itself a word of the row kind
// ("lasten", "kosten"), not a compound that holds one
// ("exploitatielasten").
func IsRowWord(kind RowKind, word string) bool {
	for _, w := range rowWords {
		if w.kind == kind && strings.EqualFold(w.example, word) {
			return true
		}
	}
	return false
}
