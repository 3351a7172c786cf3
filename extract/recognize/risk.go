package recognize

import (
	"slices"

	"github.com/begroot/begroot/vocab"
)

// riskRegister reports whether a table with these column labels is a risk
// register: it has a probability column ("Kans", "(K) kans"). Its
// percentages are probabilities of risks, not indicators, and its rows are
// risks, not indicators; its amounts stay financial when it has a unit.
func riskRegister(labels []string) bool {
	return slices.ContainsFunc(labels, vocab.IsProbability)
}
