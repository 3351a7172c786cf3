package textdoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
	"github.com/begroot/begroot/fixtures/readertest"
)

// parseTests are small documents and the blocks Parse must find in them,
// written by render: "h: text", "p: text", "ul: item / item" (or "ol:" when
// an item is numbered), and "table(caption): cell | cell // cell | cell"
// where a header cell is [bracketed].
var parseTests = []struct {
	name  string
	in    string
	want  []string
	title string
}{{
	name: "keyword header and unit line",
	in: `Programma 2 Zorg en welzijn
bedragen x €1000
Realisatie 2016 Raming 2017 na wijziging Afwijking 2017
Totaal lasten 12.425 12.948 523
Totaal baten 44 46 2
Saldo -12.381 -12.902 -521
`,
	want: []string{"table(Programma 2 Zorg en welzijn bedragen x €1000): [] | [Realisatie 2016] | [Raming 2017 na wijziging] | [Afwijking 2017] // " +
		"Totaal lasten | 12.425 | 12.948 | 523 // Totaal baten | 44 | 46 | 2 // Saldo | -12.381 | -12.902 | -521"},
}, {
	name: "header with row-header prefix",
	in: `bedragen x €1000
Totaal Programma 4 Realisatie 2016 Raming 2017 voor wijziging
Totaal lasten 21.070 21.500
Totaal baten 3.140 3.200
`,
	want: []string{"table(bedragen x €1000): [Totaal Programma 4] | [Realisatie 2016] | [Raming 2017 voor wijziging] // " +
		"Totaal lasten | 21.070 | 21.500 // Totaal baten | 3.140 | 3.200"},
}, {
	name: "unit label and header on one line",
	in: `bedragen x €1000 Realisatie 2018 Begroting 2019
Lasten 410 420
Baten 15 16
`,
	want: []string{"table(bedragen x €1000): [] | [Realisatie 2018] | [Begroting 2019] // Lasten | 410 | 420 // Baten | 15 | 16"},
}, {
	name: "lowercase words stay inside one column label",
	in: `bedragen x €1000
Rekening 2018 Begroting 2019 Verschil rekening versus begroting
Lasten 410 420 -10
Baten 15 16 -1
`,
	want: []string{"table(bedragen x €1000): [] | [Rekening 2018] | [Begroting 2019] | [Verschil rekening versus begroting] // " +
		"Lasten | 410 | 420 | -10 // Baten | 15 | 16 | -1"},
}, {
	name: "unit label, years header and labels ending in a year",
	in: `Bedragen x € 1.000
Omschrijving 2021 2022 2023
Bijdrage veiligheidsregio 2021 120 130 140
Besparing 2022 -10 -20 -30
Dekking 5 6 7
`,
	want: []string{"table(Bedragen x € 1.000): [Omschrijving] | [2021] | [2022] | [2023] // " +
		"Bijdrage veiligheidsregio 2021 | 120 | 130 | 140 // Besparing 2022 | -10 | -20 | -30 // Dekking | 5 | 6 | 7"},
}, {
	name: "run-together table",
	in: `bedragen x €1000
20162017201820192020
Lasten69.83970.50470.96170.74170.305
Baten5.7145.6535.6105.6105.610
Saldo-64.125-64.851-65.351-65.131-64.695
`,
	want: []string{"table(bedragen x €1000): [] | [2016] | [2017] | [2018] | [2019] | [2020] // " +
		"Lasten | 69.839 | 70.504 | 70.961 | 70.741 | 70.305 // " +
		"Baten | 5.714 | 5.653 | 5.610 | 5.610 | 5.610 // " +
		"Saldo | -64.125 | -64.851 | -65.351 | -65.131 | -64.695"},
}, {
	name: "run-together with zero and small values",
	in: `20202021
Reserve0105
Voorziening1.0007
`,
	want: []string{"table(): [] | [2020] | [2021] // Reserve | 0 | 105 // Voorziening | 1.000 | 7"},
}, {
	name: "unit words, percentages, nnb, wrapped label and group rows",
	in: `Kengetallen jeugd
Realisatie 2016 Begroting 2017
Jeugd
Peuteropvang
speeltuinwerk 350 kind 370 kind
bereik consultatiebureau 97% 98 %
wachtlijst nnb 6
Aantal huishoudens met een lange naam die over twee regels loopt
120 130
cursussen 150 deeln 137
`,
	want: []string{"table(Kengetallen jeugd): [] | [Realisatie 2016] | [Begroting 2017] // Jeugd // Peuteropvang // " +
		"speeltuinwerk | 350 kind | 370 kind // bereik consultatiebureau | 97% | 98 % // wachtlijst | nnb | 6 // " +
		"Aantal huishoudens met een lange naam die over twee regels loopt | 120 | 130 // cursussen | 150 deeln | 137"},
}, {
	name: "euro sign before a value",
	in: `bedragen in euro
Raming 2024 Raming 2025
Subsidie € 1.500 € 2.000
Bijdrage 300 400
`,
	want: []string{"table(bedragen in euro): [] | [Raming 2024] | [Raming 2025] // Subsidie | € 1.500 | € 2.000 // Bijdrage | 300 | 400"},
}, {
	name: "cell-per-line indicator table",
	in: `Nummer

Naam

Waarde

Bron

7

Banen per 1.000 inwoners

612,4

LISA

8

Jongeren met een delict

1,2

CBS
`,
	want: []string{"table(): [Nummer] | [Naam] | [Waarde] | [Bron] // 7 | Banen per 1.000 inwoners | 612,4 | LISA // 8 | Jongeren met een delict | 1,2 | CBS"},
}, {
	name: "cell-per-line table with a unit cell per row",
	in: `Nummer

Naam

Waarde

Bron

7

Banen per 1.000 inwoners

612,4

per 1.000

LISA

8

Jongeren met een delict

1,2

%

CBS

9

Niet-sporters

48,3

%

RIVM
`,
	want: []string{"table(): [Nummer] | [Naam] | [Waarde] | [Bron] // " +
		"7 | Banen per 1.000 inwoners | 612,4 | per 1.000 | LISA // 8 | Jongeren met een delict | 1,2 | % | CBS // 9 | Niet-sporters | 48,3 | % | RIVM"},
}, {
	// BUG: the title is read as a fifth header cell, which shifts every
	// column label one cell to the left of its values.
	name: "title heading right before a cell-per-line table",
	in:   "Kengetallen\n\nNummer\n\nNaam\n\nWaarde\n\nBron\n\n31\n\nNiet-sporters\n\n47,9\n\n%\n\nRIVM\n",
	want: []string{"h: Kengetallen", "table(): [Nummer] | [Naam] | [Waarde] | [Bron] // 31 | Niet-sporters | 47,9 | % | RIVM"},
}, {
	name: "cell-per-line table with a multi-value cell",
	in: `Indicator

Eenheid

Realisatie 2018

Bron

Tevredenheid

cijfer

Kinderen: 7,4
Ouders: 6,8

Enquête
`,
	want: []string{"table(): [Indicator] | [Eenheid] | [Realisatie 2018] | [Bron] // Tevredenheid | cijfer | Kinderen: 7,4\nOuders: 6,8 | Enquête"},
}, {
	name: "bullets with indented continuation",
	in: `  • Wijkteams: inwoners kunnen dichtbij terecht
      voor hulp en advies;
  • Preventie gaat voor zorg.

Na de lijst volgt gewone tekst.
`,
	want: []string{"ul: Wijkteams: inwoners kunnen dichtbij terecht\nvoor hulp en advies; / Preventie gaat voor zorg.", "p: Na de lijst volgt gewone tekst."},
}, {
	name: "dash bullets",
	in:   "- sportverenigingen\n- muziekscholen\n",
	want: []string{"ul: sportverenigingen / muziekscholen"},
}, {
	name: "numbered and lettered lists",
	in:   "1. Eerste stap\n2. Tweede stap\n\nTussenliggende tekst zonder opsomming.\n\na) optie een\nb) optie twee\n",
	want: []string{"ol: Eerste stap / Tweede stap", "p: Tussenliggende tekst zonder opsomming.", "ol: optie een / optie twee"},
}, {
	name: "lone bullet takes the next paragraph",
	in:   "-\n\nWe zorgen dat elk kind kan zwemmen.\n\n-\n\nWe bieden schoolzwemmen aan.\n",
	want: []string{"ul: We zorgen dat elk kind kan zwemmen. / We bieden schoolzwemmen aan."},
}, {
	name:  "skip link marks a heading",
	in:    "Programma 5 Wonen\n\nTerug naar navigatie - Wat willen we bereiken?\n\nBetaalbare woningen voor iedereen.\n",
	want:  []string{"h: Programma 5 Wonen", "h: Wat willen we bereiken?", "p: Betaalbare woningen voor iedereen."},
	title: "Programma 5 Wonen",
}, {
	name:  "skip link turns the paragraph before it into a heading",
	in:    "wat mag het kosten:\nTerug naar navigatie - wat mag het kosten:\nDe kosten staan hieronder.\n",
	want:  []string{"h: wat mag het kosten:", "p: De kosten staan hieronder."},
	title: "wat mag het kosten:",
}, {
	name: "skip link variant with de and colon",
	in:   "Terug naar de navigatie: Financiën\n",
	want: []string{"h: Financiën"},
}, {
	name:  "numbered section heading",
	in:    "6. Sociaal domein\n\nHet sociaal domein omvat jeugd, werk en zorg.\n",
	want:  []string{"h: 6. Sociaal domein", "p: Het sociaal domein omvat jeugd, werk en zorg."},
	title: "6. Sociaal domein",
}, {
	name: "headings and paragraphs",
	in:   "Doelstelling\n\nWij willen dat iedereen meedoet.\n\nEen regel.\nNog een regel:\nKort\n",
	want: []string{"h: Doelstelling", "p: Wij willen dat iedereen meedoet.", "p: Een regel.", "p: Nog een regel:", "p: Kort"},
}, {
	name: "tabs, non-breaking spaces and carriage returns",
	in:   "Lasten\t1.200\u00a0\t1.300\r\nBaten\t200\t250\r\n",
	want: []string{"table(): Lasten | 1.200 | 1.300 // Baten | 200 | 250"},
}, {
	name: "windows-1252 text",
	in:   "Financi\xEBle kaders \x80 4,65 miljoen\n\n\x93Iedereen doet mee\x94 is het motto.\n",
	want: []string{"h: Financiële kaders € 4,65 miljoen", "p: “Iedereen doet mee” is het motto."},
}, {
	name: "byte order mark",
	in:   "\xEF\xBB\xBFÉén loket\n",
	want: []string{"h: Één loket"},
}, {
	name: "ragged table",
	in: `bedragen x €1000
Realisatie 2016 Begroting 2017
Lasten 10 20 30
Baten 1
Saldo
`,
	want: []string{"table(bedragen x €1000): [] | [Realisatie 2016] | [Begroting 2017] // Lasten 10 | 20 | 30 // Baten |  | 1 // Saldo"},
}}

func TestParse(t *testing.T) {
	for _, tc := range parseTests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(strings.NewReader(tc.in), extract.Source{Path: "test.txt", Format: extract.FormatText})
			if err != nil {
				t.Fatalf("Parse(%s): %v", tc.name, err)
			}
			got := render(doc)
			if strings.Join(got, "\n---\n") != strings.Join(tc.want, "\n---\n") {
				t.Errorf("Parse(%s) blocks:\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
			if tc.title != "" && doc.Title != tc.title {
				t.Errorf("Parse(%s) title = %q, want %q", tc.name, doc.Title, tc.title)
			}
			checkLines(t, doc, strings.Count(tc.in, "\n")+1)
		})
	}
}

// render writes each block as one line in the notation of parseTests.
func render(doc *extract.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch b.Kind {
		case extract.Heading:
			out = append(out, "h: "+b.Text)
		case extract.Paragraph:
			out = append(out, "p: "+b.Text)
		case extract.List:
			tag := "ul"
			var items []string
			for _, it := range b.Items {
				if it.Ordered {
					tag = "ol"
				}
				items = append(items, it.Text)
			}
			out = append(out, tag+": "+strings.Join(items, " / "))
		case extract.TableBlock:
			var rows []string
			for _, row := range b.Table.Rows {
				var cells []string
				for _, c := range row {
					s := c.Text
					if c.Header {
						s = "[" + s + "]"
					}
					cells = append(cells, s)
				}
				rows = append(rows, strings.Join(cells, " | "))
			}
			out = append(out, fmt.Sprintf("table(%s): %s", b.Table.Caption, strings.Join(rows, " // ")))
		default:
			out = append(out, b.Kind.String()+": "+b.Text)
		}
	}
	return out
}

// checkLines checks that every block, item and cell has a line number
// within the input.
func checkLines(t *testing.T, doc *extract.Document, lines int) {
	t.Helper()
	ok := func(p extract.Pos) bool { return p.Line >= 1 && p.Line <= lines }
	for _, b := range doc.Blocks {
		if !ok(b.Pos) {
			t.Errorf("%s block %q at line %d, input has %d lines", b.Kind, b.Text, b.Pos.Line, lines)
		}
		for _, it := range b.Items {
			if !ok(it.Pos) {
				t.Errorf("item %q at line %d, input has %d lines", it.Text, it.Pos.Line, lines)
			}
		}
		if b.Table == nil {
			continue
		}
		if len(b.Table.Rows) == 0 {
			t.Errorf("table block without rows")
		}
		for _, row := range b.Table.Rows {
			for _, c := range row {
				if !ok(c.Pos) {
					t.Errorf("cell %q at line %d, input has %d lines", c.Text, c.Pos.Line, lines)
				}
			}
		}
	}
}

// TestCellLines checks that each cell keeps the line it was printed on,
// also when a label's values stand on the next line.
func TestCellLines(t *testing.T) {
	in := `bedragen x €1000
Realisatie 2016 Begroting 2017
Lasten 10 20
Een label dat over de regel loopt
1 2
`
	doc, err := Parse(strings.NewReader(in), extract.Source{Path: "lines.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Table == nil {
		t.Fatalf("Parse(lines) blocks:\ngot  %q\nwant one table", render(doc))
	}
	var got [][]int
	for _, row := range doc.Blocks[0].Table.Rows {
		var lines []int
		for _, c := range row {
			lines = append(lines, c.Pos.Line)
		}
		got = append(got, lines)
	}
	want := [][]int{{2, 2, 2}, {3, 3, 3}, {4, 5, 5}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Parse(lines) cell lines:\ngot  %v\nwant %v", got, want)
	}
	if doc.Blocks[0].Pos.Line != 1 {
		t.Errorf("Parse(lines) table line = %d, want 1", doc.Blocks[0].Pos.Line)
	}
}

// TestListItems checks the Ordered flag and line of each item.
func TestListItems(t *testing.T) {
	in := "Inleiding tekst.\n\n1. Eerste\n   vervolg\n2. Tweede\n"
	doc, err := Parse(strings.NewReader(in), extract.Source{Path: "list.txt"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 2 || doc.Blocks[1].Kind != extract.List {
		t.Fatalf("Parse(list) blocks:\ngot  %q\nwant a paragraph and a list", render(doc))
	}
	got := fmt.Sprintf("%+v", doc.Blocks[1].Items)
	want := fmt.Sprintf("%+v", []extract.Item{
		{Text: "Eerste\nvervolg", Ordered: true, Pos: extract.Pos{Line: 3}},
		{Text: "Tweede", Ordered: true, Pos: extract.Pos{Line: 5}},
	})
	if got != want {
		t.Errorf("Parse(list) items:\ngot  %s\nwant %s", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", extract.ErrEmpty},
		{"whitespace only", " \n\t\r\n  \f\n", extract.ErrEmpty},
		{"byte order mark only", "\xEF\xBB\xBF \n", extract.ErrEmpty},
		{"non-breaking spaces only", "\u00a0\u202f\n\u200b", extract.ErrEmpty},
		{"nul bytes", "Lasten 1.200\x00\x00\x00", extract.ErrNotText},
		{"binary junk", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", extract.ErrNotText},
		{"control characters", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11Lasten", extract.ErrNotText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			const name = "https://example.nl/jaarstukken/p3.txt"
			_, err := Parse(strings.NewReader(tc.in), extract.Source{URL: name, Path: "cache/p3.txt"})
			readertest.ParseError(t, tc.name, err, name, tc.want)
		})
	}
}

func TestParseReadError(t *testing.T) {
	_, err := Parse(readertest.ErrReader{}, extract.Source{Path: "p.txt"})
	var perr *extract.ParseError
	if !errors.As(err, &perr) || !strings.Contains(err.Error(), "connection reset") || !strings.HasPrefix(err.Error(), "p.txt: ") {
		t.Fatalf("Parse(failing reader) = %v, want a ParseError naming p.txt with the read error", err)
	}
}

// TestParseOdd feeds inputs that are text but not a report; Parse must
// return a document or an error and never panic.
func TestParseOdd(t *testing.T) {
	tests := []struct{ name, in string }{
		{"invalid utf-8 everywhere", strings.Repeat("\xff\xfe\xfd\x81", 50)},
		{"lone continuation bytes", "Lasten \x80\x81 1.200\nBaten \x9d 3\n"},
		{"only numbers", "1\n2\n3\n\n4 5 6\n7 8 9\n"},
		{"only bullets", "-\n-\n\n•\n\n1.\n"},
		{"run-together header without rows", "20162017\n"},
		{"run-together header with bad row", "20162017\nLasten1.2.3\n"},
		{"long line", strings.Repeat("Lasten 1.200 ", 5000)},
		{"many columns", "Realisatie 2016 " + strings.Repeat("Begroting 2017 ", 200) + "\nLasten " + strings.Repeat("1 ", 300) + "\nBaten 2\n"},
		{"header cells without cells", "Nummer\n\nNaam\n\nWaarde\n\nBron\n"},
		{"skip link without target", "Terug naar navigatie - \n"},
		{"nested indentation", "• a\n    • b\n        • c\n    vervolg\n• d\n"},
		{"deep run of parentheses", strings.Repeat("(", 1000) + "1.000" + strings.Repeat(")", 1000) + "\nLasten 1 2\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(strings.NewReader(tc.in), extract.Source{Path: "odd.txt"})
			if err != nil {
				var perr *extract.ParseError
				if !errors.As(err, &perr) {
					t.Fatalf("Parse(%s) error %v is not a ParseError", tc.name, err)
				}
				return
			}
			checkLines(t, doc, strings.Count(tc.in, "\n")+1)
		})
	}
}

// TestGolden reads the small documents under testdata/ and compares the
// document model with testdata/<name>.golden.json.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata/*.txt: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", name+".golden.json"), func() (any, error) {
				f, err := os.Open(file)
				if err != nil {
					return nil, err
				}
				defer f.Close()
				return Parse(f, extract.Source{Path: filepath.ToSlash(file), Format: extract.FormatText})
			})
		})
	}
}

// TestSeeds reads the shared seed texts (skipped without ../shared). Every
// seed must parse, and every amount of the expected extraction
// (gold/<stem>.json) must stand in a table: in a row with that label,
// under a header cell with that column label.
func TestSeeds(t *testing.T) {
	dir := fixtures.Shared(t, "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, file := range files {
		stem := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(stem, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(bytes.NewReader(data), extract.Source{Path: file})
			if err != nil {
				t.Fatalf("Parse(%s): %v", stem, err)
			}
			checkLines(t, doc, bytes.Count(data, []byte("\n"))+1)
			var gold struct {
				Financial []struct{ Row, Column, Raw string }
			}
			goldData, err := os.ReadFile(fixtures.Shared(t, "gold/"+stem+".json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(goldData, &gold); err != nil {
				t.Fatal(err)
			}
			missing := 0
			for _, f := range gold.Financial {
				if !hasAmount(doc, f.Row, f.Column, f.Raw) {
					missing++
					if missing <= 10 {
						t.Errorf("Parse(%s): no table cell %q in row %q under column %q", stem, f.Raw, f.Row, f.Column)
					}
				}
			}
			if missing > 10 {
				t.Errorf("Parse(%s): %d of %d gold amounts not found", stem, missing, len(gold.Financial))
			}
		})
	}
}

// hasAmount reports whether a table of doc has raw in the row labelled row,
// in a column whose header cell is column.
func hasAmount(doc *extract.Document, row, column, raw string) bool {
	for _, b := range doc.Blocks {
		if b.Table == nil {
			continue
		}
		var header []extract.Cell
		for _, r := range b.Table.Rows {
			if len(r) > 0 && r[0].Header {
				header = r
				continue
			}
			if len(r) == 0 || r[0].Text != row {
				continue
			}
			for k, c := range r {
				if c.Text == raw && k < len(header) && header[k].Text == column {
					return true
				}
			}
		}
	}
	return false
}

// FuzzTextParse checks that Parse never panics, that its errors are
// ParseErrors wrapping a sentinel or naming the source, and that every
// block it returns is well formed.
func FuzzTextParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if dir := fixtures.SharedDir(); dir != "" {
		seeds, _ := filepath.Glob(filepath.Join(dir, "seeds", "*.txt"))
		files = append(files, seeds...)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, tc := range parseTests {
		f.Add([]byte(tc.in))
	}
	for _, tc := range hostileTests {
		f.Add(hostileSeed(tc.gen()))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(bytes.NewReader(data), extract.Source{Path: "fuzz.txt"})
		if err != nil {
			var perr *extract.ParseError
			if !errors.As(err, &perr) || perr.Source != "fuzz.txt" {
				t.Fatalf("error is not a ParseError naming the source: %v", err)
			}
			if !errors.Is(err, extract.ErrEmpty) && !errors.Is(err, extract.ErrNotText) {
				t.Fatalf("error wraps neither ErrEmpty nor ErrNotText: %v", err)
			}
			return
		}
		if len(doc.Blocks) == 0 {
			t.Fatalf("document without blocks and without error")
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, b := range doc.Blocks {
			if b.Pos.Line < 1 || b.Pos.Line > lines {
				t.Fatalf("%s block at line %d, input has %d lines", b.Kind, b.Pos.Line, lines)
			}
			switch b.Kind {
			case extract.TableBlock:
				if b.Table == nil || len(b.Table.Rows) == 0 {
					t.Fatalf("empty table block: %+v", b)
				}
			case extract.List:
				if len(b.Items) == 0 {
					t.Fatalf("empty list block: %+v", b)
				}
			case extract.Heading, extract.Paragraph:
				if b.Text == "" {
					t.Fatalf("%s block without text", b.Kind)
				}
			default:
				t.Fatalf("block of unknown kind %d", b.Kind)
			}
		}
	})
}

// TestRunTogetherSplitTime: splitting a run-together row must not try every
// way of cutting it. Without its memory of dead ends splitRun (table.go)
// takes time exponential in the header's count on a row that cannot be
// split: with 24 year columns and a row of 73 digits a 170-byte input ran
// for hours (17 columns: 14 s).
func TestRunTogetherSplitTime(t *testing.T) {
	const columns = 24
	in := strings.Repeat("2016", columns) + "\nLasten" + strings.Repeat("1", 3*columns+1) + "\n"
	done := make(chan error, 1)
	go func() {
		_, err := Parse(strings.NewReader(in), extract.Source{Path: "run.txt"})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Parse(unsplittable run-together row): %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Errorf("Parse(unsplittable run-together row of %d columns) takes longer than 2s", columns)
	}
}
