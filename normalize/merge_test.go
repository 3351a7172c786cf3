package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"testing"
)

func TestMerge(t *testing.T) {
	const a, b, c = "https://x.nl/a", "https://x.nl/b", "https://x.nl/c"
	page := func(gemeente, cbs, docType string, year int) *Report {
		return &Report{Gemeente: gemeente, CBSCode: cbs, DocType: docType, Year: year}
	}
	digest := func(lines string) string {
		sum := sha256.Sum256([]byte(lines))
		return hex.EncodeToString(sum[:])
	}
	into := Report{Document: "x-begroting", Source: "https://x.nl/", URL: "https://x.nl/", Format: "html"}
	for _, tc := range []struct {
		name  string
		into  Report
		parts []Part
		want  Report // Document, Source, URL, Format are into's; the slices default to empty
	}{
		{
			name: "no parts",
			into: into,
			want: Report{SHA256: digest("")},
		},
		{
			name: "the majority wins",
			into: into,
			parts: []Part{
				{URL: a, SHA256: "1", Report: page("Wassenaar", "GM0629", "jaarstukken", 2023)},
				{URL: b, SHA256: "2", Report: page("Voorschoten", "GM0626", "begroting", 2024)},
				{URL: c, SHA256: "3", Report: page("Voorschoten", "GM0626", "begroting", 2024)},
			},
			want: Report{Gemeente: "Voorschoten", CBSCode: "GM0626", DocType: "begroting", Year: 2024,
				Warnings: []string{noReconciliation + "no overzicht van baten en lasten with totaal baten and totaal lasten of begroting 2024 found"},
				SHA256:   digest(a + " 1\n" + b + " 2\n" + c + " 3\n")},
		},
		{
			name: "the first seen wins a tie; empty values do not vote",
			into: into,
			parts: []Part{
				{URL: a, SHA256: "1", Report: page("", "", "", 0)},
				{URL: b, SHA256: "2", Report: page("Wassenaar", "GM0629", "jaarstukken", 2023)},
				{URL: c, SHA256: "3", Report: page("Voorschoten", "GM0626", "begroting", 2024)},
			},
			want: Report{Gemeente: "Wassenaar", CBSCode: "GM0629", DocType: "jaarstukken", Year: 2023,
				Warnings: []string{noReconciliation + "no overzicht van baten en lasten with totaal baten and totaal lasten of jaarstukken 2023 found"},
				SHA256:   digest(a + " 1\n" + b + " 2\n" + c + " 3\n")},
		},
		{
			name: "what is known beforehand wins the vote",
			into: Report{Document: into.Document, Source: into.Source, URL: into.URL, Format: into.Format,
				Gemeente: "Lingewaard", DocType: "jaarstukken", Year: 2017},
			parts: []Part{
				{URL: a, SHA256: "1", Report: page("Wassenaar", "GM0629", "begroting", 2024)},
			},
			want: Report{Gemeente: "Lingewaard", CBSCode: "GM1705", DocType: "jaarstukken", Year: 2017,
				Warnings: []string{noReconciliation + "no overzicht van baten en lasten with totaal baten and totaal lasten of jaarstukken 2017 found"},
				SHA256:   digest(a + " 1\n")},
		},
		{
			name: "checks cover the records of their own part",
			into: into,
			parts: []Part{
				{URL: a, SHA256: "1", Report: &Report{Financial: []Financial{{Row: "Baten"}}}},
				{URL: b, SHA256: "2", Report: &Report{
					Financial: []Financial{{Row: "Lasten"}, {Row: "Totaal lasten"}},
					Checks:    []Check{{ID: "c1", Rule: RuleTotal, OK: true, Covers: []int{0, 1}}, {ID: "c2", Rule: RuleIv3, OK: true, Covers: []int{1}}},
				}},
			},
			want: Report{
				SHA256:    digest(a + " 1\n" + b + " 2\n"),
				Financial: []Financial{{Row: "Baten", URL: a}, {Row: "Lasten", URL: b, Verified: true, Checks: []string{"c1"}}, {Row: "Totaal lasten", URL: b, Verified: true, Checks: []string{"c1"}}},
				Checks:    []Check{{ID: "c1", Rule: RuleTotal, OK: true, Covers: []int{1, 2}, URL: b}},
				Quality:   Quality{Financial: 3, Verified: 2, VerifiedShare: 2.0 / 3, Checks: 1},
			},
		},
		{
			name: "records in part order, located at their part",
			into: into,
			parts: []Part{
				{URL: a, SHA256: "1", Report: &Report{
					Title: "Programma 1", Pages: 2, Warnings: []string{"page 2: no text layer", noReconciliation + "no gemeente detected"},
					Financial:  []Financial{{Row: "Lasten"}, {Row: "Baten", URL: c}},
					Indicators: []Indicator{{Name: "Banen"}},
					Objectives: []Objective{{Title: "Veilig"}},
					Checks:     []Check{{Rule: "baten - lasten = saldo"}},
				}},
				{URL: b, SHA256: "2"}, // failed: in the digest, nothing else
				{URL: c, SHA256: "3", Report: &Report{Title: "Programma 2", Pages: 3, Financial: []Financial{{Row: "Saldo"}}}},
			},
			want: Report{
				Title: "Programma 1", Pages: 5, SHA256: digest(a + " 1\n" + b + " 2\n" + c + " 3\n"),
				Warnings:   []string{a + ": page 2: no text layer"},
				Financial:  []Financial{{Row: "Lasten", URL: a}, {Row: "Baten", URL: c}, {Row: "Saldo", URL: c}},
				Indicators: []Indicator{{Name: "Banen", URL: a}},
				Objectives: []Objective{{Title: "Veilig", URL: a}},
				Checks:     []Check{{ID: "c1", Rule: "baten - lasten = saldo", URL: a}},
				Quality:    Quality{Financial: 3, Indicators: 1, Objectives: 1, Checks: 1, ChecksFailed: 1},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.want
			want.Document, want.Source, want.URL, want.Format = tc.into.Document, tc.into.Source, tc.into.URL, tc.into.Format
			if want.Financial == nil {
				want.Financial = []Financial{}
			}
			if want.Indicators == nil {
				want.Indicators = []Indicator{}
			}
			if want.Objectives == nil {
				want.Objectives = []Objective{}
			}
			if want.Checks == nil {
				want.Checks = []Check{}
			}
			got := Merge(tc.into, tc.parts)
			if !reflect.DeepEqual(*got, want) {
				t.Errorf("Merge:\ngot  %+v\nwant %+v", *got, want)
			}
		})
	}
}

// TestMergeObjectives: an objective or activity on an overview page and on
// its own detail page counts once, with the detail page's provenance.
func TestMergeObjectives(t *testing.T) {
	const overview, detail, other = "https://x.nl/p1/activiteiten", "https://x.nl/p11/fietspad", "https://x.nl/p12/brug"
	budget := int64(120000)
	list := []Objective{
		{Title: "Aanleg fietspad Oost", Kind: "activiteit", Status: "op koers", Section: []string{"Overzicht"}},
		{Title: "Renovatie brug", Kind: "activiteit", Code: "A2"},
		{Title: "Veilig verkeer", Kind: "doelstelling"},
	}
	for _, tc := range []struct {
		name  string
		parts []Part
		want  []Objective
	}{
		{
			name: "overview then detail page: one record, the detail page's provenance, blanks filled",
			parts: []Part{
				{URL: overview, Report: &Report{Objectives: list}},
				{URL: detail, Report: &Report{Objectives: []Objective{
					{Title: "Aanleg fietspad Oost.", Kind: "activiteit", Text: "Een vrijliggend fietspad.", Budget: &budget, Section: []string{"Fietspad"}, Line: 4},
				}}},
			},
			want: []Objective{
				{Title: "Aanleg fietspad Oost.", Kind: "activiteit", Text: "Een vrijliggend fietspad.", Status: "op koers", Budget: &budget, Section: []string{"Fietspad"}, Line: 4, URL: detail},
				{Title: "Renovatie brug", Kind: "activiteit", Code: "A2", URL: overview},
				{Title: "Veilig verkeer", Kind: "doelstelling", URL: overview},
			},
		},
		{
			name: "detail page first: the detail page still wins, in its place",
			parts: []Part{
				{URL: other, Report: &Report{Objectives: []Objective{{Title: "renovatie  BRUG", Kind: "activiteit", Year: 2024}}}},
				{URL: overview, Report: &Report{Objectives: list}},
			},
			want: []Objective{
				{Title: "renovatie  BRUG", Kind: "activiteit", Code: "A2", Year: 2024, URL: other},
				{Title: "Aanleg fietspad Oost", Kind: "activiteit", Status: "op koers", Section: []string{"Overzicht"}, URL: overview},
				{Title: "Veilig verkeer", Kind: "doelstelling", URL: overview},
			},
		},
		{
			name: "different codes, kinds or the same page stay apart",
			parts: []Part{
				{URL: overview, Report: &Report{Objectives: []Objective{
					{Title: "Uitvoering", Kind: "activiteit", Code: "1.1"},
					{Title: "Uitvoering", Kind: "activiteit", Code: "2.1"},
				}}},
				{URL: detail, Report: &Report{Objectives: []Objective{
					{Title: "Uitvoering", Kind: "activiteit", Code: "3.1"},
					{Title: "Uitvoering", Kind: "doelstelling"},
				}}},
			},
			want: []Objective{
				{Title: "Uitvoering", Kind: "activiteit", Code: "1.1", URL: overview},
				{Title: "Uitvoering", Kind: "activiteit", Code: "2.1", URL: overview},
				{Title: "Uitvoering", Kind: "activiteit", Code: "3.1", URL: detail},
				{Title: "Uitvoering", Kind: "doelstelling", URL: detail},
			},
		},
		{
			name: "a code matches a record without one",
			parts: []Part{
				{URL: overview, Report: &Report{Objectives: list}},
				{URL: other, Report: &Report{Objectives: []Objective{{Title: "Renovatie brug", Kind: "activiteit"}}}},
			},
			want: []Objective{
				{Title: "Aanleg fietspad Oost", Kind: "activiteit", Status: "op koers", Section: []string{"Overzicht"}, URL: overview},
				{Title: "Renovatie brug", Kind: "activiteit", Code: "A2", URL: other},
				{Title: "Veilig verkeer", Kind: "doelstelling", URL: overview},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Merge(Report{}, tc.parts).Objectives
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Objectives:\ngot  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
