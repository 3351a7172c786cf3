package vocab

import "strings"

// probabilityWords head the probability column of a risk register, at
// the start of a column label, ignoring case, after a letter code in
// brackets ("(K) kans"). A column that only ends on such a word ("Bedrag
// x kans") is an amount, not a probability.
var probabilityWords = []struct{ word, meaning string }{
	{"kans", "probability (of a risk occurring)"},
	{"waarschijnlijkheid", "likelihood"},
	{"probabiliteit", "probability"},
}

var probabilityRE = lazyRE(`(?i)^(\(\pL\)\s*)?(` + wordsOf(probabilityWords) + `)\b`)

// IsProbability reports whether a column label heads the probability
// column of a risk register: "Kans", "(K) kans", "Kans op voordoen",
// "Waarschijnlijkheid". A table with such a column is a risk register.
func IsProbability(label string) bool { return probabilityRE().MatchString(strings.TrimSpace(label)) }
