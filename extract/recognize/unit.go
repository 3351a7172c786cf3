package recognize

import (
	"strings"

	"github.com/begroot/begroot/vocab"
)

// unitOf finds a unit label in s and returns it with its scale.
func unitOf(s string) (label string, scale int64, ok bool) {
	u, ok := vocab.FindUnit(s)
	return u.Label, u.Scale, ok
}

// withoutUnit removes a unit label, with the word "bedragen" and brackets
// around it, from s.
func withoutUnit(s string) string {
	u, ok := vocab.FindUnit(s)
	if !ok {
		return s
	}
	return collapse(s[:u.Lead] + " " + strings.TrimLeft(s[u.End:], " )"))
}

// signLegend matches a sign legend such as ("-" = nadeel / "+" = voordeel).
var signLegend = vocab.SignLegend
