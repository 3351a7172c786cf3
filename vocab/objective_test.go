package vocab

import "testing"

func TestIsObjectiveHeading(t *testing.T) {
	tests := []struct {
		heading string
		want    ObjectiveHeading // 0: none
	}{
		{"Doelstellingen", GoalHeading}, {"Beleidsdoelstelling:", GoalHeading}, {"Subdoelen", GoalHeading},
		{"Onze doelen", GoalHeading}, {"Doel en ambitie", GoalHeading}, {"Doel en ambities", 0}, {"doelen en effecten", GoalHeading},
		{"Doelstellingen programma 1", 0}, // a goal heading is the whole heading
		{"Wat willen we bereiken?", AchieveHeading}, {"Wat wilden we daarmee bereiken", AchieveHeading},
		{"Wat hebben we bereikt?", AchieveHeading}, {"Beoogde maatschappelijke effecten", 0}, {"Beoogd resultaat", AchieveHeading},
		{"Stand van zaken", NeutralHeading}, {"Status 2024", NeutralHeading}, {"Terug naar boven", NeutralHeading},
		{"Toelichting op de cijfers", NeutralHeading}, {"Jaar realisatie", NeutralHeading},
		{"Wat gaan we daarvoor doen?", 0}, {"Programma 1 Veiligheid", 0}, {"", 0},
	}
	for _, tt := range tests {
		for _, kind := range []ObjectiveHeading{GoalHeading, AchieveHeading, NeutralHeading} {
			if got := IsObjectiveHeading(kind, tt.heading); got != (kind == tt.want) {
				t.Errorf("IsObjectiveHeading(%d, %q) = %v, want %v", kind, tt.heading, got, kind == tt.want)
			}
		}
	}
	for _, h := range objectiveHeadings {
		if !IsObjectiveHeading(h.kind, h.example) {
			t.Errorf("IsObjectiveHeading(%d) misses its example %q", h.kind, h.example)
		}
	}
}

func TestCutGoalPrefix(t *testing.T) {
	tests := []struct {
		text, want string
		ok         bool
	}{
		{"Doel: veilige wijken", "veilige wijken", true},
		{"Doelstelling : Een schone stad", "Een schone stad", true},
		{"Ons doel: minder overlast", "minder overlast", true},
		{"BEOOGD EFFECT: meer toezicht", "meer toezicht", true},
		{"Doel:", "", false}, // nothing after the colon
		{"Het doel: meer groen", "", false},
		{"Doelgroep: jongeren", "", false},
	}
	for _, tt := range tests {
		if got, ok := CutGoalPrefix(tt.text); got != tt.want || ok != tt.ok {
			t.Errorf("CutGoalPrefix(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
	for _, w := range goalPrefixes {
		if _, ok := CutGoalPrefix(w.word + ": x"); !ok {
			t.Errorf("CutGoalPrefix misses its word %q", w.word)
		}
	}
}

func TestIsGoalIntro(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Hieronder staan de doelen van dit programma.", true}, {"Onderstaande tabel geeft de doelen.", true},
		{"In deze paragraaf leest u", true}, {"Zie ook paragraaf 3.", true}, {"Voor een toelichting verwijzen we naar", true},
		{"Inwoners voelen zich veilig in hun wijk.", false}, {"Ziekteverzuim daalt", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsGoalIntro(tt.text); got != tt.want {
			t.Errorf("IsGoalIntro(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	for _, w := range goalIntros {
		if !IsGoalIntro(w.example) {
			t.Errorf("IsGoalIntro misses its example %q", w.example)
		}
	}
}

func TestIsObjectiveStatus(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Afgerond", true}, {"in uitvoering.", true}, {"Niet gestart", true}, {"ACHTER OP SCHEMA", true},
		{"Afgerond in 2024", false}, {"loopt nog", false}, {"behaald", false}, {"", false},
	}
	for _, tt := range tests {
		if got := IsObjectiveStatus(tt.s); got != tt.want {
			t.Errorf("IsObjectiveStatus(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	for _, w := range objectiveStatuses {
		if !IsObjectiveStatus(w.word) {
			t.Errorf("IsObjectiveStatus misses its word %q", w.word)
		}
	}
}
