package vocab

import (
	"slices"
	"testing"
)

func TestDocKinds(t *testing.T) {
	tests := []struct {
		text     string
		mentions map[string]int      // by kind; absent: 0
		years    map[string][]string // by kind; absent: none
	}{
		{"Programmabegroting 2025\nWat willen we bereiken?", map[string]int{"begroting": 2}, map[string][]string{"begroting": {"2025"}}},
		{"Kadernota\n\n  -\n2027", map[string]int{"voorjaarsnota": 1}, map[string][]string{"voorjaarsnota": {"2027"}}},
		{"BURAP 2024, de burapen", map[string]int{"voortgangsrapportage": 1}, map[string][]string{"voortgangsrapportage": {"2024"}}},
		{"Voortgang 2024 en voortgang\n2025", map[string]int{"voortgangsrapportage": 1}, map[string][]string{"voortgangsrapportage": {"2024", "2025"}}},
		{"Wat hebben we bereikt?\nRealisatie 2023 | Realisatie begrotingsjaar\nwat heeft het gekost", map[string]int{"jaarstukken": 4}, nil},
		{"Wat we in 2023 hebben gedaan in\n2023", nil, map[string][]string{"jaarstukken": {"2023"}}},
		{"de begrotingswijziging 2024; ontwerpbegroting", map[string]int{"begroting": 1}, nil},
		{"Jaarrekening\nAlmere\n2024", map[string]int{"jaarstukken": 1}, nil},
		{"", nil, nil},
	}
	for _, tt := range tests {
		dt := NewDocText(tt.text)
		for _, k := range DocKinds {
			if got := k.Mentions(dt); got != tt.mentions[k.Kind] {
				t.Errorf("%s.Mentions(%q) = %d, want %d", k.Kind, tt.text, got, tt.mentions[k.Kind])
			}
			if got, all := k.Mentions(dt), len(k.mention().FindAllStringIndex(tt.text, -1)); got != all {
				t.Errorf("%s.Mentions(%q) = %d, the pattern over the whole text %d", k.Kind, tt.text, got, all)
			}
			if got := k.Years(dt); !slices.Equal(got, tt.years[k.Kind]) {
				t.Errorf("%s.Years(%q) = %q, want %q", k.Kind, tt.text, got, tt.years[k.Kind])
			}
		}
	}
}

func TestDocKindMentioned(t *testing.T) {
	tests := []struct{ name, kind string }{
		{"Jaarstukken 2023", "jaarstukken"},
		{"reg_ggd_flevoland_kadernota_2025.pdf", "voorjaarsnota"},
		{"begroting-2026.pdf", "begroting"},
		{"begroting_2026.pdf", ""}, // "_" is a word character: no word boundary after "begroting"
		{"Bestuursrapportage aug 2024", "voortgangsrapportage"},
		{"raadsvoorstel.pdf", ""},
	}
	for _, tt := range tests {
		got := ""
		for _, k := range DocKinds {
			if k.Mentioned(tt.name) {
				got = k.Kind
				break
			}
		}
		if got != tt.kind {
			t.Errorf("the first kind %q mentions is %q, want %q", tt.name, got, tt.kind)
		}
	}
}

func TestTitleYear(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Jaarstukken 2020", "2020"},
		{"/data/programmabegroting-2025.pdf", "2025"},
		{"Managementrapportage 2024", "2024"},
		{"burap_2024", ""}, // an underscore is no separator
		{"Begroting 2021-2024", "2021"},
		{"perspectiefnota 2026", ""}, // named in the text only
		{"2024 begroting", ""},
	}
	for _, tt := range tests {
		if got := TitleYear(tt.name); got != tt.want {
			t.Errorf("TitleYear(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBodyWords(t *testing.T) {
	tests := []struct {
		text  string
		mark  bool
		names []string
	}{
		{"Stichting Gemeenschapsservice Nijmegen", true, []string{"Stichting Gemeenschapsservice Nijmegen"}},
		{"GGD Flevoland en de gemeente", false, []string{"GGD Flevoland"}},
		{"Gemeenschappelijke Regeling Regio van Utrecht", true, []string{"Gemeenschappelijke Regeling Regio van Utrecht"}},
		{"Openbaar lichaam Veiligheidsregio Haaglanden voor", true, []string{"Openbaar lichaam Veiligheidsregio Haaglanden"}},
		{"de provincie Utrecht", true, nil},
		{"Werkbedrijf b.v.x", true, nil}, // the mark wants a word after "b.v."
		{"Gemeente Wassenaar", false, nil},
		{"Colofon\nGGD Flevoland\nde Stichting Mooi Weer en\nRegio", true, []string{"GGD Flevoland", "Stichting Mooi Weer", "Regio"}},
	}
	for _, tt := range tests {
		if got := HasBodyMark(tt.text); got != tt.mark {
			t.Errorf("HasBodyMark(%q) = %v, want %v", tt.text, got, tt.mark)
		}
		var names []string
		for _, at := range BodyNames(tt.text) {
			names = append(names, TrimBodyName(tt.text[at[0]:at[1]]))
		}
		if !slices.Equal(names, tt.names) {
			t.Errorf("BodyNames(%q) = %q, want %q", tt.text, names, tt.names)
		}
	}
}

func TestColofonLeads(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Een uitgave van de gemeente Wassenaar", "gemeente Wassenaar"},
		{"Uitgave: GGD Flevoland", "GGD Flevoland"},
		{"uitgaven 2024", ""},
	}
	for _, tt := range tests {
		got := ""
		if at := ColofonLeads(tt.text); len(at) > 0 {
			got = tt.text[at[0][1]:]
		}
		if got != tt.want {
			t.Errorf("ColofonLeads(%q) leaves %q, want %q", tt.text, got, tt.want)
		}
	}
}
