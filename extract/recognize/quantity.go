package recognize

import (
	"regexp"

	"github.com/begroot/begroot/vocab"
)

// statedRate matches a percentage printed in a label, "(8,2%)": the rate
// the row's amount is computed with.
var statedRate = regexp.MustCompile(`\d\s?%`)

// quantityLabel reports whether a row label says its figures are
// percentages or counts (vocab.IsQuantity), unless it prints the rate
// itself: "Kasgeldlimiet in procenten (8,2%) van de grondslag" names a
// rate and gives the amount it yields; its own figures are money.
func quantityLabel(label string) bool {
	return vocab.IsQuantity(label) && !statedRate.MatchString(label)
}
