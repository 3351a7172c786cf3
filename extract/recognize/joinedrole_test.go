package recognize

import "testing"

func TestJoinedBlockRole(t *testing.T) {
	for _, c := range []struct {
		above, label                   string
		wantAbove, wantLabel, wantRole string
	}{
		{"5.1 Sportbeleid en activering Baten", "Lasten",
			"5.1 Sportbeleid en activering Baten", "5.1 Sportbeleid en activering Lasten", "Lasten"},
		{"5.1 Sportbeleid en activering Lasten", "Saldo",
			"5.1 Sportbeleid en activering Lasten", "5.1 Sportbeleid en activering Saldo", "Saldo"},
		{"5.7 Openbaar groen, Baten", "(openlucht)recreatie Lasten",
			"5.7 Openbaar groen, (openlucht)recreatie Baten", "5.7 Openbaar groen, (openlucht)recreatie Lasten", "Lasten"},
		{"5.3 Cultuur Baten", "Overige Lasten", "5.3 Cultuur Baten", "Overige Lasten", ""}, // a label of its own
		{"Structurele baten", "Lasten", "Structurele baten", "Lasten", ""},                 // no code: no block label
		{"5.1 Baten", "Lasten", "5.1 Baten", "Lasten", ""},                                 // a code and a role, no name
		{"5.1 Sportbeleid", "Lasten", "5.1 Sportbeleid", "Lasten", ""},                     // the row above has no role
	} {
		above, label, role := joinedBlockRole(c.above, c.label)
		if above != c.wantAbove || label != c.wantLabel || role != c.wantRole {
			t.Errorf("joinedBlockRole(%q, %q) = %q, %q, %q; want %q, %q, %q", c.above, c.label, above, label, role, c.wantAbove, c.wantLabel, c.wantRole)
		}
	}
}
