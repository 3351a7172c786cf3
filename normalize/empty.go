package normalize

import (
	"fmt"
	"maps"
	"slices"

	"github.com/begroot/begroot/extract/recognize"
)

// indicators returns the indicator records of ivs, without those that
// carry nothing: no column label, no value and no note (a nil marker such
// as "N.v.t." in a column without heading). It returns a warning per page
// that lost such records, so that none is left out silently.
func indicators(ivs []recognize.IndicatorValue, meta Meta, url string) ([]Indicator, []string) {
	var out []Indicator
	empty := map[int]int{} // records left out, by page
	for _, iv := range ivs {
		in := indicator(iv, meta, url)
		if in.Column == "" && in.Value == nil && in.Note == "" {
			empty[in.Page]++
			continue
		}
		out = append(out, in)
	}
	var warnings []string
	for _, page := range slices.Sorted(maps.Keys(empty)) {
		warnings = append(warnings, fmt.Sprintf("page %d: %d indicator record(s) without a column label or a value left out", page, empty[page]))
	}
	return out, warnings
}
