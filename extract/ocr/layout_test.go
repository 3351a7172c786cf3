package ocr

import (
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

// words builds OCR words from "text@x,y" fields: "#b" after the position
// sets the block (default 1), "%c" the confidence (default 90), and a
// final "!" makes the box 45 pt high (a misread cell border). Words are
// 5 pt per character wide and 8 pt high: a text line of 9-pt type.
func words(spec string) []Word {
	var out []Word
	for _, s := range strings.Fields(spec) {
		s, tall := strings.CutSuffix(s, "!")
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
		b.WriteString("table:\n")
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
			name: "right-aligned amounts under a header",
			words: `Overzicht@10,10  baten@60,10  Programma@10,40  Baten@215,40  Lasten@260,40
				0.1@10,55  Bestuur@30,55  0@240,55  -2.244.295@250,55
				0.2@10,70  Burgerzaken@30,70  406.291@210,70  -818.726@260,70%40`,
			want: `paragraph: Overzicht baten
table:
| H:Programma | H:Baten | H:Lasten |
| 0.1 Bestuur | 0 | -2.244.295 |
| 0.2 Burgerzaken | 406.291 | -818.726~40 |
`,
		},
		{
			name: "two pages of a spread, rows not in line, read left then right",
			words: `A@10,10#1  1@100,10#1  2@130,10#1  B@10,25#1  3@100,25#1  4@130,25#1
				C@200,16#2  5@290,16#2  6@320,16#2  D@200,31#2  7@290,31#2  8@320,31#2`,
			want: `table:
| A | 1 | 2 |
| B | 3 | 4 |
table:
| C | 5 | 6 |
| D | 7 | 8 |
`,
		},
		{
			name: "group label and a row whose values were lost stay in the table",
			words: `P1@10,10  100@100,10  -20@135,10
				Groep@10,25
				Leeg@10,40
				P2@10,55  5@110,55  -5@140,55`,
			want: `table:
| P1 | 100 | -20 |
| Groep |  |  |
| Leeg |  |  |
| P2 | 5 | -5 |
`,
		},
		{
			name: "a wide gap ends the table",
			words: `P1@10,10  100@100,10  -20@135,10  P2@10,25  5@110,25  -5@140,25
				Tekst@10,80`,
			want: `table:
| P1 | 100 | -20 |
| P2 | 5 | -5 |
paragraph: Tekst
`,
		},
		{
			name: "heading centred over two columns is spanned; a repeated header starts a new table",
			words: `Programma@10,5  Begroting@100,5
				P1@10,20  100@100,20  -20@135,20  P2@10,35  5@110,35  -5@140,35
				Programma@10,50  Begroting@100,50
				P3@10,65  1@120,65  -1@140,65  P4@10,80  2@120,80  -2@140,80`,
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
			words: `nnn@5,5!  a@40,10  1@100,10  2@130,10  b@40,25  3@100,25  4@130,25  c@40,40  5@100,40  6@130,40`,
			want: `table:
| a | 1 | 2 |
| b | 3 | 4 |
| c | 5 | 6 |
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
