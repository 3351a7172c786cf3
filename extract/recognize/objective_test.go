package recognize

import (
	"fmt"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

// renderObjective writes one objective on one line:
// "kind code | title | year | status | budgets @line".
func renderObjective(o Objective) string {
	return fmt.Sprintf("%s %s | %s | %s | %s | %s @%d", o.Kind, o.Code, o.Title, o.Year, o.Status, strings.Join(o.Budgets, " + "), o.Pos.Line)
}

// Three goals of a doelstelling/prestatie tab view, each followed by its
// prestaties in the combined view.
var (
	goalA  = "Het organiseren van lokale toegang door sociale teams.\nAlle inwoners met een vraag kunnen terecht."
	prestA = "• Sociale teams voeren gesprekken en maken een plan.\n€4.486.000"
	goalB  = "Minder gebruik van individuele voorzieningen."
	prestB = "• Het meten van de inzet van eigen kracht."
	goalC  = "Meer inwoners sporten wekelijks."
	prestC = "• Afspraken maken met het sportbedrijf.\n€5.250.000"
	prestD = "Gemiddeld worden 8000 hulpmiddelen verstrekt.\n€1.748.000"

	combinedView = []string{goalA, prestA, goalB, prestB, goalC, prestC, prestD}
	goalsView    = []string{goalA, goalB, goalC}
	prestView    = []string{prestA, prestB, prestC, prestD}
	tabGoalsWant = []string{
		"doelstelling 6 | Het organiseren van lokale toegang door sociale teams. |  |  | €4.486.000 @5",
		"doelstelling 6 | Minder gebruik van individuele voorzieningen. |  |  |  @5",
		"doelstelling 6 | Meer inwoners sporten wekelijks. |  |  | €5.250.000 + €1.748.000 @5",
	}
)

func TestObjectives(t *testing.T) {
	tests := []struct {
		name string
		doc  *extract.Document
		want []string
	}{{
		name: "doel line",
		doc: document(heading("Programma 2"), paragraph("Doel: Iedereen kan meedoen. Daar werken we samen aan."),
			paragraph("Een tweede alinea met meer dan twintig tekens.")),
		want: []string{"doelstelling  | Iedereen kan meedoen. |  |  |  @2"},
	}, {
		name: "first paragraph under a doelstelling heading",
		doc: document(heading("Beleidsveld Jeugd"), heading("Doelstelling"), heading("Wat hebben we bereikt?"),
			paragraph("Ons doel is dat jongeren (0-23 jaar) veilig en gezond opgroeien. In 2017 hebben we daar veel aan gedaan."),
			paragraph("In 2017 hebben wij de basis verder uitgewerkt."),
			heading("Beleidsveld Onderwijs"), paragraph("Een alinea buiten een doelstelling.")),
		want: []string{"doelstelling  | Ons doel is dat jongeren (0-23 jaar) veilig en gezond opgroeien. |  |  |  @4"},
	}, {
		name: "a table of contents is never objectives",
		doc: document(heading("Inhoudsopgave"), paragraph("Wat willen we bereiken? ............................ 7"),
			paragraph("Wat doen we daarvoor? .............................. 8"),
			heading("Wat willen we bereiken? ......... 9"), paragraph("1.2 Doelstellingen van de stichting ................ 4")),
		want: nil,
	}, {
		name: "introduction under a doelstelling heading is skipped",
		doc: document(heading("Doelstelling"), paragraph("Hieronder staan de doelen van dit programma."),
			paragraph("Alle kinderen gaan met plezier naar school.")),
		want: []string{"doelstelling  | Alle kinderen gaan met plezier naar school. |  |  |  @3"},
	}, {
		name: "lone bullet paragraphs",
		doc: document(heading("6.1 Structuurversterking"), heading("Doelstelling"),
			paragraph("-"), paragraph("Vanaf 2023 geven we per inwoner niet meer uit dan gemiddeld in de provincie."),
			heading("Stand van zaken"), paragraph("We zien nog altijd stijgende kosten per inwoner."),
			paragraph("-"), paragraph("In het cliëntervaringsonderzoek scoort minimaal 88% een voldoende."),
			heading("Stand van zaken"), paragraph("Het onderzoek wordt eens per jaar uitgevoerd."),
			heading("6.2 Jeugd"), heading("Doelstelling"),
			paragraph("-"), paragraph("Vanaf 2023 is het aantal jeugdigen met verblijf niet hoger dan gemiddeld.")),
		want: []string{
			"doelstelling 6.1 | Vanaf 2023 geven we per inwoner niet meer uit dan gemiddeld in de provincie. |  |  |  @4",
			"doelstelling 6.1 | In het cliëntervaringsonderzoek scoort minimaal 88% een voldoende. |  |  |  @8",
			"doelstelling 6.2 | Vanaf 2023 is het aantal jeugdigen met verblijf niet hoger dan gemiddeld. |  |  |  @14",
		},
	}, {
		name: "list under a doelstellingen heading",
		doc: document(heading("Beleidsdoelstellingen"), paragraph("Wij hebben de volgende doelen voor de komende jaren."),
			list("Meer jongeren vinden een baan bij een lokale werkgever.", "kort"),
			list("Minder huishoudens leven onder het bestaansminimum.")),
		want: []string{
			"doelstelling  | Meer jongeren vinden een baan bij een lokale werkgever. |  |  |  @3",
			"doelstelling  | Minder huishoudens leven onder het bestaansminimum. |  |  |  @4",
		},
	}, {
		name: "numbered goals in running text",
		doc: document(heading("Doelstellingen"),
			paragraph("1. Iedereen kan meedoen; 2. Niemand valt tussen wal en schip; 3. Zorg is betaalbaar.")),
		want: []string{
			"doelstelling 1 | Iedereen kan meedoen |  |  |  @2",
			"doelstelling 2 | Niemand valt tussen wal en schip |  |  |  @2",
			"doelstelling 3 | Zorg is betaalbaar. |  |  |  @2",
		},
	}, {
		name: "titled goal list under wat hebben we bereikt",
		doc: document(heading("Wat hebben we bereikt?"),
			paragraph("In dat plan gaan we uit van veranderingen langs drie lijnen."),
			list("Gebiedsgericht werken: de inwoner kan in de eigen omgeving terecht;",
				"Preventie en het juiste niveau van hulp: voorkomen is beter dan genezen;",
				"Meer en beter samenwerken: tussen inwoners, organisaties en gemeente."),
			list("Nog een lijst: die wordt niet meer genomen", "Tweede punt: ook niet")),
		want: []string{
			"doelstelling  | Gebiedsgericht werken |  |  |  @3",
			"doelstelling  | Preventie en het juiste niveau van hulp |  |  |  @3",
			"doelstelling  | Meer en beter samenwerken |  |  |  @3",
		},
	}, {
		name: "plain bullet list under wat willen we bereiken is not taken",
		doc: document(heading("Wat willen we bereiken?"),
			list("Inwoners voelen zich veilig in hun wijk.", "Minder woninginbraken dan in 2016.")),
	}, {
		name: "titled list with long titles is not taken",
		doc: document(heading("Wat willen we bereiken?"),
			list("Dit is geen titel. Het is een zin: met een dubbele punt erin", "Ook dit; niet: een titel")),
	}, {
		name: "numbered activities in overview and detail",
		doc: document(heading("6. Sociaal domein"), heading("Wat doen we?"),
			table("", []string{"Naam activiteit", "Jaar realisatie", "Status 2021", "Status 1e VGR"},
				[]string{"6.1.1 Stimuleren initiatieven in de samenleving", "2022", "", ""},
				[]string{"6.2.5 Ondersteunen vrijwilligers", "2022", "", ""},
				[]string{"6.3.3 Inburgeringsbeleid", "2022", "Niet volgens plan", "Niet volgens plan"}),
			heading("6.2 Jeugd en maatschappelijke ondersteuning"),
			heading("6.2.5 Ondersteunen vrijwilligers"), paragraph("Jaar realisatie"), paragraph("2022"),
			paragraph("Wij ondersteunen vrijwilligers met trainingen."),
			heading("Stand van zaken"),
			table("", []string{"Status 2021", "Status 1e VGR"}, []string{"Gerealiseerd", "Gerealiseerd"}),
			heading("6.3.3 Inburgeringsbeleid"), paragraph("Jaar realisatie"), paragraph("2022"),
			heading("6.4.1 Nieuwe activiteit alleen in detail"), paragraph("2024"), paragraph("Afgerond.")),
		want: []string{
			"activiteit 6.1.1 | Stimuleren initiatieven in de samenleving | 2022 |  |  @3",
			"activiteit 6.2.5 | Ondersteunen vrijwilligers | 2022 | Gerealiseerd |  @3",
			"activiteit 6.3.3 | Inburgeringsbeleid | 2022 | Niet volgens plan |  @3",
			"activiteit 6.4.1 | Nieuwe activiteit alleen in detail | 2024 | Afgerond |  @14",
		},
	}, {
		name: "numbered heading without a year is not an activity",
		doc: document(heading("6.1.2 Versterken samenwerking"), paragraph("Wij werken samen met partners in de regio."),
			paragraph("2022")),
	}, {
		name: "a list ends the details of an activity",
		doc: document(heading("6.1.1 Inzet jongerenwerk"), paragraph("Jaar realisatie"), paragraph("2023"),
			list("Uitbreiden van de uren", "Een nieuwe locatie"), paragraph("Afgerond.")),
		want: []string{"activiteit 6.1.1 | Inzet jongerenwerk | 2023 |  |  @1"},
	}, {
		name: "numbered heading with a table before its year is not an activity",
		doc: document(heading("6.1.2 Versterken samenwerking"),
			table("", []string{"Status 2021"}, []string{"Gerealiseerd"}), paragraph("2022")),
	}, {
		name: "overview row without a year takes it from the detail",
		doc: document(table("", []string{"Naam activiteit", "Status"}, []string{"6.1.1 Inzet jongerenwerk", "In uitvoering"}),
			heading("6.1.1 Inzet jongerenwerk"), paragraph("Jaar realisatie"), paragraph("2024")),
		want: []string{"activiteit 6.1.1 | Inzet jongerenwerk | 2024 | In uitvoering |  @1"},
	}, {
		name: "one titled item is not a goal list",
		doc:  document(heading("Wat willen we bereiken?"), list("Veiligheid: inwoners voelen zich veilig in hun wijk")),
	}, {
		name: "numbers without items are not an enumeration",
		doc:  document(heading("Doelstelling"), paragraph("1. 2. Zorg voor iedereen in onze gemeente")),
		want: []string{"doelstelling  | 1. 2. Zorg voor iedereen in onze gemeente |  |  |  @2"},
	}, {
		name: "tab legend followed by a table",
		doc: document(heading("6 Meedoen"), list("Doelstelling", "Prestatie"),
			table("", []string{"Doelstelling", "Prestatie"}, []string{"Iedereen doet mee", "Sportakkoord"}),
			list(goalsView...)),
	}, {
		name: "tab legend without views",
		doc: document(heading("6 Meedoen"), list("Doelstelling", "Prestatie"),
			paragraph("Toon prestaties bij doelstellingen"), paragraph("Er zijn nog geen doelstellingen."),
			paragraph("Zie de volgende begroting."), list(goalsView...)),
	}, {
		name: "tab view as one list",
		doc: document(heading("6 Meedoen"), list("Doelstelling", "Prestatie"), paragraph("Toon prestaties bij doelstellingen"),
			heading("6 Meedoen"),
			list(append(append(append([]string{}, combinedView...), goalsView...), prestView...)...)),
		want: tabGoalsWant,
	}, {
		name: "tab view as three lists",
		doc: document(heading("6 Meedoen"), list("Doelstelling", "Prestatie"), paragraph("Toon prestaties bij doelstellingen"),
			heading("6 Meedoen"), list(combinedView...), list(goalsView...), list(prestView...)),
		want: tabGoalsWant,
	}, {
		name: "tab view as three lists, the goals-only view first",
		doc: document(heading("6 Meedoen"), list("Doelstelling", "Prestatie"), paragraph("Toon prestaties bij doelstellingen"),
			heading("6 Meedoen"), list(goalsView...), list(combinedView...), list(prestView...)),
		want: at(tabGoalsWant, "@5", "@6"), // the combined view's items
	}, {
		name: "tab view as three lists, the prestaties-only view before the goals",
		doc: document(heading("6 Meedoen"), list("Doelstelling", "Prestatie"), paragraph("Toon prestaties bij doelstellingen"),
			heading("6 Meedoen"), list(prestView...), list(goalsView...), list(combinedView...)),
		want: at(tabGoalsWant, "@5", "@7"),
	}, {
		name: "tab view with the combined view only",
		doc: document(heading("6 Meedoen"), list("Doelstelling", "Prestatie"), paragraph("Toon prestaties bij doelstellingen"),
			heading("6 Meedoen"), list(combinedView[:6]...)),
		want: []string{
			"doelstelling 6 | Het organiseren van lokale toegang door sociale teams. |  |  | €4.486.000 @5",
			"doelstelling 6 | Minder gebruik van individuele voorzieningen. |  |  |  @5",
			"doelstelling 6 | Meer inwoners sporten wekelijks. |  |  | €5.250.000 @5",
		},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := find(t, tc.doc)
			var got []string
			for _, o := range res.Objectives {
				got = append(got, renderObjective(o))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Find(%s) objectives:\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
		})
	}
}

// TestObjectiveText checks the text kept beside the title. (Within one
// section only the first explicit goal form counts, so a new section
// heading stands between the two.)
func TestObjectiveText(t *testing.T) {
	doc := document(heading("Wat hebben we bereikt?"),
		list("Gebiedsgericht werken: de inwoner kan dichtbij terecht;", "Samenwerken: met organisaties."),
		heading("Beleidsveld Wmo"), heading("Doelstelling"), paragraph("Ons doel is dat inwoners meedoen. Dat vraagt inzet van iedereen."))
	var got []string
	for _, o := range find(t, doc).Objectives {
		got = append(got, o.Title+" => "+o.Text)
	}
	want := []string{
		"Gebiedsgericht werken => Gebiedsgericht werken: de inwoner kan dichtbij terecht;",
		"Samenwerken => Samenwerken: met organisaties.",
		"Ons doel is dat inwoners meedoen. => Ons doel is dat inwoners meedoen. Dat vraagt inzet van iedereen.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Find(objective text) objectives:\ngot  %q\nwant %q", got, want)
	}
}

func TestFirstSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Eén zin zonder punt", "Eén zin zonder punt"},
		{"Eerste zin. Tweede zin.", "Eerste zin."},
		{"Wat willen we? Dat iedereen meedoet.", "Wat willen we?"},
		{"Let op! Dit is belangrijk.", "Let op!"},
		{"Wij doen dit o.a. Door wijkteams in te zetten. Verder", "Wij doen dit o.a. Door wijkteams in te zetten."},
		{"Het budget is ca. 5 miljoen. Meer volgt.", "Het budget is ca. 5 miljoen."},
		{"Zie art. 12 van de wet. Daarna", "Zie art. 12 van de wet."},
		{"Drs. Jansen leidt het project. Hij", "Drs. Jansen leidt het project."},
		{"Bijv. Scholen en bibliotheken doen mee. Ook", "Bijv. Scholen en bibliotheken doen mee."},
		{"Met dank aan J. de Vries en T. Bakker. Zij", "Met dank aan J. de Vries en T. Bakker."},
		{"De kosten stijgen met 2,5%. 3 projecten lopen.", "De kosten stijgen met 2,5%."},
		{"Versie 2.0 is klaar. Daarna", "Versie 2.0 is klaar."},
		{"De stijging t.b.v. Wmo en i.v.m. Jeugd is groot. Daarom", "De stijging t.b.v. Wmo en i.v.m. Jeugd is groot."},
		{"eindigt met een kleine letter. daarna niets", "eindigt met een kleine letter. daarna niets"},
		{"Regels\nover   meerdere\nregels. Tweede", "Regels over meerdere regels."},
		{"Slot.", "Slot."},
		{". Daarna", "."},
		{"", ""},
	}
	for _, tc := range tests {
		if got := firstSentence(tc.in); got != tc.want {
			t.Errorf("firstSentence(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// at returns want with the block position from replaced by to.
func at(want []string, from, to string) []string {
	out := make([]string, len(want))
	for k, w := range want {
		out[k] = strings.Replace(w, from, to, 1)
	}
	return out
}

// TestStartsEnumeration compares the quick test with the expression: text
// starts an enumeration exactly when the first item 1 enumStart finds has
// its number at offset 0 or 1.
func TestStartsEnumeration(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"1. Zorg 2. Wonen", true},
		{" 1) Zorg", true},
		{";1.\tZorg", true},
		{".1. Zorg", true},
		{"1.\nZorg", true},
		{"1.", false},
		{"1.Zorg", false},
		{"1.\vZorg", false},
		{"11. Zorg", false},
		{"12. Zorg 1. Wonen", false},
		{"x1. Zorg", false},
		{"  1. Zorg", false},
		{"Zorg: 1. wonen 2. werk", false},
		{"1.1. Zorg", false},
		{"", false},
	}
	for _, tc := range tests {
		first := -1
		for _, l := range enumStart.FindAllStringSubmatchIndex(tc.text, -1) {
			if tc.text[l[2]:l[3]] == "1" {
				first = l[2]
				break
			}
		}
		if expr := first >= 0 && first <= 1; expr != tc.want {
			t.Fatalf("case %q: the expression says %v, the case %v", tc.text, expr, tc.want)
		}
		if got := startsEnumeration(tc.text); got != tc.want {
			t.Errorf("startsEnumeration(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestObjectivesPDF reads the generated objective layouts of issue 10 and
// checks the goals found, one "code | title" a line.
func TestObjectivesPDF(t *testing.T) {
	tests := []struct {
		file string
		want string
	}{{
		// A statement under its question heading; quoted titles; two
		// question headings on one line over a titled list (activities mixed
		// in: nothing); run-in questions; a goal word in lower case on a bold
		// line of its own, the rest of a wrapped label (nothing).
		file: "objectives-sections.pdf",
		want: "5.1 | Een veilige en gezonde omgeving voor alle kinderen in de regio, met toezicht op elke kinderopvang.\n" +
			"5.2 | Goede ambulancezorg\n" +
			"5.2 | Partner in de acute zorgketen\n" +
			"5.4 | Een gezonde leefstijl voor alle inwoners van de regio.\n",
	}, {
		// Two text columns, the right one a bullet list whose text hangs
		// right of its bullets: read column by column, the statement in
		// the left one is the goal.
		file: "objectives-columns.pdf",
		want: "6.1 | Een snelle en goede ambulancezorg voor alle inwoners van de regio, op elk moment van de dag en de nacht.\n",
	}}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			var b strings.Builder
			for _, o := range findFixture(t, tc.file).Objectives {
				b.WriteString(o.Code + " | " + o.Title + "\n")
			}
			if got := b.String(); got != tc.want {
				t.Errorf("Find(%s) objectives:\ngot\n%s\nwant\n%s", tc.file, got, tc.want)
			}
		})
	}
}

func TestTOCLine(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"1.2 Veiligheid ........ 12", true},
		{"Veiligheid …… 7", true},
		{"Veiligheid … 1234", true},
		{"Veiligheid ···5", true},
		{"Veiligheid .......12345", false}, // not a page number
		{"Veiligheid .. 12", false},        // two dots end a sentence, not a leader
		{"Veiligheid ...... 12 b", false},
		{"Wij verlagen de lasten met 12", false},
		{"", false},
	} {
		if got := tocLine(tc.text); got != tc.want {
			t.Errorf("tocLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
