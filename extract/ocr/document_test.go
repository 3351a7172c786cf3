package ocr

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// CacheEnv names a directory where TestScreenshotLayout keeps the OCR
// words of the five screenshots, so that layout changes are measured
// without OCR (13 s of CPU per page):
// BEGROOT_OCR_CACHE=/tmp/ocr-cache go test ./extract/ocr -run ScreenshotLayout -v
const CacheEnv = "BEGROOT_OCR_CACHE"

// cachedPages reads the OCR pages of s from dir, or OCRs them and stores
// them there.
func cachedPages(t *testing.T, dir string, s screenshot) []Page {
	t.Helper()
	file := filepath.Join(dir, strings.TrimSuffix(s.file, ".pdf")+".json")
	if b, err := os.ReadFile(file); err == nil {
		var pages []Page
		if err := json.Unmarshal(b, &pages); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		return pages
	}
	path := fixtures.Shared(t, filepath.Join(wassenaar, s.file))
	fixtures.Program(t, "tesseract")
	pages, err := Read(context.Background(), path, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(pages)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestScreenshotLayout measures the layout of the five screenshots from
// cached OCR words: taakveld rows that balance, records verified, and for
// 2021 the rows equal to the text layer.
func TestScreenshotLayout(t *testing.T) {
	dir := os.Getenv(CacheEnv)
	if dir == "" {
		t.Skipf("set %s to a directory for the OCR words", CacheEnv)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, s := range screenshots {
		t.Run(s.file, func(t *testing.T) {
			pages := cachedPages(t, dir, s)
			doc := Document(extract.Source{Path: s.file}, pages)
			tl := count(pages, doc, s.values)
			m := measure(doc)
			t.Logf("%s: %d taakveld rows, %d with %d values, %d balanced; %v", s.file, tl.taakvelden, tl.rightCells, s.values, tl.balanced, m)
			if i > 0 {
				return
			}
			ref := referenceRows(t)
			rows := 0
			for code, want := range ref {
				if strings.Join(tl.rows[code], "|") == strings.Join(want, "|") {
					rows++
				} else {
					t.Logf("%s: got %q, want %q", code, tl.rows[code], want)
				}
			}
			equal, verified := precision(t, m.rep, ref)
			t.Logf("reference: %d/%d rows equal; verified records equal %d/%d", rows, len(ref), equal, verified)
		})
	}
}

// words builds OCR words from "text@x,y" fields: "#b" after the position
// sets the block (default 1), "%c" the confidence (default 90), and a
// final "!" makes the box 45 pt high (a misread cell border), a final
// "*" 1 pt wide and high (a speck of the scan). Words are
// 5 pt per character wide and 8 pt high: a text line of 9-pt type.
func words(spec string) []Word {
	var out []Word
	for _, s := range strings.Fields(spec) {
		s, tall := strings.CutSuffix(s, "!")
		s, speck := strings.CutSuffix(s, "*")
		text, at, _ := strings.Cut(s, "@")
		at, conf, hasConf := strings.Cut(at, "%")
		at, block, hasBlock := strings.Cut(at, "#")
		xs, ys, _ := strings.Cut(at, ",")
		x, _ := strconv.ParseFloat(xs, 64)
		y, _ := strconv.ParseFloat(ys, 64)
		w := Word{Text: text, X0: x, Y0: y, X1: x + 5*float64(len([]rune(text))), Y1: y + 8, Conf: 90, Block: 1}
		if tall {
			w.Y1 = y + 45
		}
		if speck {
			w.X1, w.Y1 = x+1, y+1
		}
		if hasBlock {
			w.Block, _ = strconv.Atoi(block)
		}
		if hasConf {
			w.Conf, _ = strconv.ParseFloat(conf, 64)
		}
		out = append(out, w)
	}
	return out
}

// render prints the blocks one per line: "P: text" for text, "T:" and
// one "| a | b |" line per row for tables, header cells as "H:a", spanned
// copies as "a^", and each cell's confidence after a "~" when it is not
// the default 90.
func render(doc *extract.Document) string {
	var b strings.Builder
	for _, bl := range doc.Blocks {
		if bl.Kind != extract.TableBlock {
			b.WriteString(bl.Kind.String() + ": " + bl.Text + "\n")
			continue
		}
		b.WriteString(strings.TrimSpace("table: "+bl.Table.Caption) + "\n")
		for _, row := range bl.Table.Rows {
			b.WriteString("|")
			for _, cell := range row {
				t := cell.Text
				if cell.Header {
					t = "H:" + t
				}
				if cell.Spanned {
					t += "^"
				}
				if conf := cell.Confidence; cell.OCR && conf != 90 {
					t += "~" + strconv.FormatFloat(conf, 'f', -1, 64)
				}
				b.WriteString(" " + t + " |")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestDocument(t *testing.T) {
	tests := []struct {
		name  string
		words string
		want  string
	}{
		{
			name: "right-aligned amounts under a header, with the title as caption",
			words: `Overzicht@10,10  baten@60,10  Programma@10,40  Baten@215,40  Lasten@260,40
				0.1@10,60  Bestuur@30,60  0@240,60  -2.244.295@250,60
				0.2@10,80  Burgerzaken@30,80  406.291@210,80  -818.726@260,80%40`,
			want: `table: Overzicht baten
| H:Programma | H:Baten | H:Lasten |
| 0.1 Bestuur | 0 | -2.244.295 |
| 0.2 Burgerzaken | 406.291 | -818.726~40 |
`,
		},
		{
			name: "two pages of a spread, rows not in line, read left then right",
			words: `A@10,10#1  1@100,10#1  2@130,10#1  B@10,30#1  3@100,30#1  4@130,30#1
				C@200,16#2  5@290,16#2  6@320,16#2  D@200,36#2  7@290,36#2  8@320,36#2`,
			want: `table:
| A | 1 | 2 |
| B | 3 | 4 |
table:
| C | 5 | 6 |
| D | 7 | 8 |
`,
		},
		{
			name:  "a region of amounts only joins the labels to its left",
			words: `Aa@10,10#1  Bb@10,30#1  1@100,10#2  2@130,10#2  3@100,30#2  4@130,30#2`,
			want: `table:
| Aa | 1 | 2 |
| Bb | 3 | 4 |
`,
		},
		{
			name: "labels segmented apart from their amounts, with text below the amounts, are one table",
			words: `Kosten@10,10#1  Baten@10,30#1  Saldo@10,50#1
				100@200,10#2  120@240,10#2  90@200,30#2  95@240,30#2  -10@200,50#2  -25@240,50#2
				Meer@200,120#2  tekst@225,120#2  in@255,120#2  de@270,120#2  rechterkolom@285,120#2`,
			want: `table:
| Kosten | 100 | 120 |
| Baten | 90 | 95 |
| Saldo | -10 | -25 |
paragraph: Meer tekst in de rechterkolom
`,
		},
		{
			name: "two pages of a spread, rows in line, each row labelled by its code, read left then right",
			words: `1.1@10,10#1  A@30,10#1  1@100,10#1  2@130,10#1  1.2@10,30#1  B@30,30#1  3@100,30#1  4@130,30#1
				2.1@200,10#2  C@220,10#2  5@290,10#2  6@320,10#2  2.2@200,30#2  D@220,30#2  7@290,30#2  8@320,30#2`,
			want: `table:
| 1.1 A | 1 | 2 |
| 1.2 B | 3 | 4 |
table:
| 2.1 C | 5 | 6 |
| 2.2 D | 7 | 8 |
`,
		},
		{
			name: "a speck read as a dot inside a header does not split it",
			words: `Begroting@100,5  .@125,7*  2026@150,5  Baten@100,25  Lasten@150,25
				P1@10,45  100@100,45  -20@150,45  P2@10,65  5@110,65  -5@155,65`,
			want: `table:
| H: | H:Begroting 2026 | H:Begroting 2026^ |
| H: | H:Baten | H:Lasten |
| P1 | 100 | -20 |
| P2 | 5 | -5 |
`,
		},
		{
			name: "group label and a row whose values were lost stay in the table",
			words: `P1@10,10  100@100,10  -20@135,10
				Groep@10,30
				Leeg@10,50
				P2@10,70  5@110,70  -5@140,70`,
			want: `table:
| P1 | 100 | -20 |
| Groep |  |  |
| Leeg |  |  |
| P2 | 5 | -5 |
`,
		},
		{
			name: "a wide gap ends the table",
			words: `P1@10,10  100@100,10  -20@135,10  P2@10,30  5@110,30  -5@140,30
				Tekst@10,120`,
			want: `table:
| P1 | 100 | -20 |
| P2 | 5 | -5 |
paragraph: Tekst
`,
		},
		{
			name: "heading centred over two columns is spanned; a repeated header starts a new table",
			words: `Programma@10,5  Begroting@100,5
				P1@10,25  100@100,25  -20@135,25  P2@10,45  5@110,45  -5@140,45
				Programma@10,90  Begroting@100,90
				P3@10,110  1@110,110  -1@140,110  P4@10,130  2@110,130  -2@140,130`,
			want: `table:
| H:Programma | H:Begroting | H:Begroting^ |
| P1 | 100 | -20 |
| P2 | 5 | -5 |
table:
| H:Programma | H:Begroting | H:Begroting^ |
| P3 | 1 | -1 |
| P4 | 2 | -2 |
`,
		},
		{
			name:  "a tall misread box is dropped; its rows stay apart",
			words: `nnn@5,5!  A@40,10  1@100,10  2@130,10  B@40,30  3@100,30  4@130,30  C@40,50  5@100,50  6@130,50`,
			want: `table:
| A | 1 | 2 |
| B | 3 | 4 |
| C | 5 | 6 |
`,
		},
		{
			name: "a code at a tab stop before its label, even misread as a number, is part of the label",
			words: `Saldo@10,5  van@38,5  baten@56,5  en@84,5  lasten@97,5  per@130,5  taakveld@148,5  Baten@250,5  Lasten@285,5
				4.1@10,25  Openbaar@30,25  100@250,25  -20@285,25
				6.825@10,45  Jeugd@50,45  5@260,45  -5@290,45
				6.71a@10,65  Hulp@50,65  1@260,65  -1@290,65`,
			want: `table:
| H:Saldo van baten en lasten per taakveld | H:Baten | H:Lasten |
| 4.1 Openbaar | 100 | -20 |
| 6.825 Jeugd | 5 | -5 |
| 6.71a Hulp | 1 | -1 |
`,
		},
		{
			name: "misread zeros and minus signs, and thousands commas and lost dots in a column with dots",
			words: `P1@10,10  1.200@100,10  =20@155,10  P2@10,30  O@120,30  -5,125@140,30  P3@10,50  7@120,50  -1.000@140,50
				P4@10,70  1234@100,70  -18819@140,70`,
			want: `table:
| P1 | 1.200 | -20 |
| P2 | 0 | -5.125 |
| P3 | 7 | -1.000 |
| P4 | 1.234 | -18.819 |
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page := Page{Number: 1, Width: 400, Height: 200, Words: words(tc.words)}
			got := render(Document(extract.Source{Path: "test.pdf"}, []Page{page}))
			if got != tc.want {
				t.Errorf("Document(%s):\ngot\n%s\nwant\n%s", tc.name, got, tc.want)
			}
		})
	}
}

func TestRepairZeros(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"'00O", "'000", true},
		{"1.O0o", "1.000", true},
		{"-2O", "-20", true},
		{"(1o)", "(10)", true},
		{"100", "100", false},
		{"O", "O", false},
		{"Of", "Of", false},
		{"2Ook", "2Ook", false},
	}
	for _, tc := range tests {
		got, ok := repairZeros(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("repairZeros(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestRepairBrackets(t *testing.T) {
	tests := []struct {
		text string
		w, h float64
		want string
		ok   bool
	}{
		{"(0)", 5.7, 9.9, "0", true},
		{"(0)", 12, 9.9, "(0)", false},
		{"(12)", 8, 9.9, "12", true},
		{"(a)", 5, 9.9, "(a)", false},
		{"0)", 5, 9.9, "0)", false},
	}
	for _, tc := range tests {
		got, ok := repairBrackets(Word{Text: tc.text, X0: 100, X1: 100 + tc.w, Y0: 50, Y1: 50 + tc.h})
		if got != tc.want || ok != tc.ok {
			t.Errorf("repairBrackets(%q, %g wide, %g high) = %q, %v; want %q, %v", tc.text, tc.w, tc.h, got, ok, tc.want, tc.ok)
		}
	}
}
