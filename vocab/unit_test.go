package vocab

import (
	"testing"
	"unicode"
)

func TestFindUnit(t *testing.T) {
	tests := []struct {
		text, label string
		scale       int64
		lead        string // the text before the label and its lead-in
	}{
		{"bedragen x €1000", "x €1000", 1000, ""},
		{"Bedragen x € 1.000", "x € 1.000", 1000, ""},
		{"x € 1.000,-", "x € 1.000,-", 1000, ""},
		{"Overzicht (bedragen × €1.000)", "× €1.000", 1000, "Overzicht "},
		{"bedragen * € 1.000", "* € 1.000", 1000, ""},
		{"€ '000", "€ '000", 1000, ""},
		{"€ ’000", "€ ’000", 1000, ""},
		{"(€ 1.000)", "(€ 1.000)", 1000, ""},
		{"bedragen € x 1.000", "€ x 1.000", 1000, ""},
		{"bedragen x duizend euro", "x duizend", 1000, ""},
		{"bedragen in duizenden", "bedragen in duizenden", 1000, ""},
		{"x 1 mln", "x 1 mln", 1_000_000, ""},
		{"x € 1 miljoen", "x € 1 miljoen", 1_000_000, ""},
		{"bedragen x € 1.000.000", "x € 1.000.000", 1_000_000, ""},
		{"Bedragen in miljoenen euro", "Bedragen in miljoenen", 1_000_000, ""},
		{"x € 1 mld", "x € 1 mld", 1_000_000_000, ""},
		{"bedragen in euro's", "bedragen in euro's", 1, ""},
		{"Bedragen in €", "Bedragen in €", 1, ""},
		{"", "", 0, ""},
		{"Overzicht baten en lasten", "", 0, ""},
		{"x 12 projecten", "", 0, ""},
		{"bedragen", "", 0, ""},
		{"€ 1.000 subsidie per aanvraag", "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			u, ok := FindUnit(tt.text)
			if ok != (tt.label != "") || u.Label != tt.label || u.Scale != tt.scale || ok && tt.text[:u.Lead] != tt.lead {
				t.Errorf("FindUnit(%q) = %+v, %v; want %q × %d after %q", tt.text, u, ok, tt.label, tt.scale, tt.lead)
			}
		})
	}
	// Every example of the table is found with its own scale.
	for _, l := range unitLabels {
		if u, ok := FindUnit(l.example); !ok || u.Scale != l.scale {
			t.Errorf("FindUnit(%q) = %+v, %v; want scale %d", l.example, u, ok, l.scale)
		}
	}
}

func TestSignLegendAndMentionsUnit(t *testing.T) {
	tests := []struct {
		text         string
		legend, unit bool
	}{
		{`("-" = nadeel / "+" = voordeel)`, true, true},
		{`("-"= nadeel / "+"= voordeel )`, true, true},
		{"+ = voordelig", true, true},
		{"= nadelig", true, true},
		{"(- = lasten)", true, true},
		{"Voordeel BTW compensatiefonds", false, false},
		{"bedragen x € 1.000", false, true},
		{"Bedragen", false, true},
		{"Subsidiebedragen 2024", false, false},
		{"Ontvangen bedragen", false, false},
		{"Lasten", false, false},
	}
	for _, tt := range tests {
		if got := SignLegend.MatchString(tt.text); got != tt.legend {
			t.Errorf("SignLegend.MatchString(%q) = %v, want %v", tt.text, got, tt.legend)
		}
		if got := MentionsUnit(tt.text); got != tt.unit {
			t.Errorf("MentionsUnit(%q) = %v, want %v", tt.text, got, tt.unit)
		}
	}
	for _, w := range signWords {
		if !SignLegend.MatchString(`"-" = ` + w.word) {
			t.Errorf("SignLegend misses %q", w.word)
		}
	}
}

func TestCutSignMark(t *testing.T) {
	tests := []struct {
		in, amount string
		nadeel, ok bool
	}{
		{"N 31.393", "31.393", true, true}, {"V 1.200", "1.200", false, true}, {"1.200 V", "1.200", false, true},
		{"31.393 N", "31.393", true, true}, {"31.393", "31.393", false, false}, {"N", "N", false, false},
		{"Noord 12", "Noord 12", false, false}, {"", "", false, false},
	}
	for _, tt := range tests {
		amount, nadeel, ok := CutSignMark(tt.in)
		if amount != tt.amount || nadeel != tt.nadeel || ok != tt.ok {
			t.Errorf("CutSignMark(%q) = %q, %v, %v; want %q, %v, %v", tt.in, amount, nadeel, ok, tt.amount, tt.nadeel, tt.ok)
		}
	}
	for _, s := range []string{"+", "-", "V", " N "} {
		if !IsSignOnly(s) {
			t.Errorf("IsSignOnly(%q) = false", s)
		}
	}
	if IsSignOnly("12") || IsSignOnly("") {
		t.Error("IsSignOnly takes a number or an empty cell for a sign")
	}
}

// TestMayMention checks the quick test in front of the unit expressions:
// it must pass every example label, and the lead words must fold as
// containsFoldASCII folds them.
func TestMayMention(t *testing.T) {
	for _, u := range unitLabels {
		if _, ok := FindUnit(u.example); !ok {
			t.Errorf("FindUnit(%q) finds no unit", u.example)
		}
	}
	for _, s := range []string{"(\"-\" = nadeel)", "BEDRAGEN IN EURO", "Bedragen"} {
		if !MentionsUnit(s) {
			t.Errorf("MentionsUnit(%q) = false", s)
		}
	}
	for _, s := range []string{"Programma 1 Veiligheid", "Totaal lasten 1.000"} {
		if mayMention(s) {
			t.Errorf("mayMention(%q) = true", s)
		}
	}
	for _, l := range unitLeads {
		for _, r := range l.word {
			if r < 'a' || r > 'z' || unicode.SimpleFold(unicode.SimpleFold(r)) != r {
				t.Errorf("lead word %q: %q folds beyond ASCII", l.word, r)
			}
		}
	}
}
