package normalize

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/begroot/begroot/normalize/cbs"
)

// gemeenteOracle is the regular expression gemeenteFinder stands in for.
func gemeenteOracle(year int) *regexp.Regexp {
	var names []string
	for _, n := range cbs.Names(year) {
		names = append(names, regexp.QuoteMeta(n))
	}
	sort.SliceStable(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return regexp.MustCompile(`(?:^|[^\p{L}])(` + strings.Join(names, "|") + `)(?:se|s|er|ers)?(?:$|[^\p{L}])`)
}

// TestGemeenteFinder checks that the finder finds the names the regular
// expression finds, where it finds them.
func TestGemeenteFinder(t *testing.T) {
	const year = 2024
	oracle := gemeenteOracle(year)
	tests := []struct {
		text string
		want []string
	}{
		{"Gemeente Wassenaar", []string{"Wassenaar"}},
		{"Bergen op Zoom en Bergen", []string{"Bergen op Zoom"}}, // the CBS spells the others "Bergen (NH.)", "Bergen (L.)"
		{"Almere Lelystad", []string{"Almere"}},                  // the space went with Almere
		{"Almere, Lelystad", []string{"Almere", "Lelystad"}},     // the comma went with Almere
		{"Almere,  Lelystad", []string{"Almere", "Lelystad"}},
		{"Dinkellandse scholen; Deventenaren", []string{"Dinkelland"}}, // "Deventenaren" is no suffix of Deventer
		{"Deventers en Almeerse", []string{"Deventer"}},
		{"Ede", []string{"Ede"}},
		{"Edese", []string{"Ede"}},
		{"Edesen", nil},
		{"Zoetermeerder Edewecht", nil}, // "der" is no suffix, and the space went with nothing
		{"'s-Hertogenbosch", []string{"'s-Hertogenbosch"}},
		{"x's-Hertogenbosch", nil}, // a letter in front
		{"in Súdwest-Fryslân.", []string{"Súdwest-Fryslân"}},
		{"Súdwest-Fryslânse", []string{"Súdwest-Fryslân"}},
		{"ÉdeAlmere", nil},
		{"", nil},
		{"Ed", nil},
	}
	find := finderFor(year)
	for _, tt := range tests {
		var got, want []string
		for _, at := range find.find(tt.text) {
			got = append(got, tt.text[at[0]:at[1]])
		}
		for _, m := range oracle.FindAllStringSubmatch(tt.text, -1) {
			want = append(want, m[1])
		}
		if !slices.Equal(got, want) || !slices.Equal(got, tt.want) {
			t.Errorf("find(%q) = %q, the regular expression %q, want %q", tt.text, got, want, tt.want)
		}
	}
}
