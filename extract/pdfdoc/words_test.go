package pdfdoc

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

// placed builds words from "text@x,y" fields on rows 7 pt high (digits and
// capitals of 10-pt type), 5 pt per character wide; "%c" after the
// position sets the confidence (default 90) and a final "!" stretches the
// box 8 pt down (a rule under the word).
func placed(spec string) []Word {
	var out []Word
	for _, f := range strings.Fields(spec) {
		f, long := strings.CutSuffix(f, "!")
		text, at, _ := strings.Cut(f, "@")
		at, conf, hasConf := strings.Cut(at, "%")
		xs, ys, _ := strings.Cut(at, ",")
		x, _ := strconv.ParseFloat(xs, 64)
		y, _ := strconv.ParseFloat(ys, 64)
		w := Word{Text: text, X0: x, Y0: y, X1: x + 5*float64(len([]rune(text))), Y1: y + 7, Conf: 90}
		if long {
			w.Y1 += 8
		}
		if hasConf {
			w.Conf, _ = strconv.ParseFloat(conf, 64)
		}
		out = append(out, w)
	}
	return out
}

// show prints blocks one per line, table rows as "| a | b |" with "H:"
// before header cells and "~c" after cells with OCR confidence c.
func show(blocks []extract.Block) string {
	var b strings.Builder
	for _, bl := range blocks {
		if bl.Kind != extract.TableBlock {
			fmt.Fprintf(&b, "%v: %s\n", bl.Kind, bl.Text)
			continue
		}
		b.WriteString("table\n")
		for _, row := range bl.Table.Rows {
			for _, c := range row {
				t := c.Text
				if c.Header {
					t = "H:" + t
				}
				if c.OCR {
					t += "~" + strconv.FormatFloat(c.Confidence, 'f', -1, 64)
				}
				b.WriteString("| " + t + " ")
			}
			b.WriteString("|\n")
		}
	}
	return b.String()
}

func TestBlocks(t *testing.T) {
	const overview = `Programma@10,10  Baten@200,10  Lasten@260,10
		A1@10,25  100@210,25  -20@265,25%40
		B2@10,40  5@220,40  -5@270,40
		Totaal@10,55  105@210,55  -25@265,55
		Programma@10,70  Baten@200,70  Lasten@260,70
		C3@10,85  1@220,85  -1@270,85
		D4@10,100  2@220,100  -2@270,100%55`
	tests := []struct {
		name  string
		words string
		ocr   bool
		want  string
	}{
		{
			name:  "a repeated header over the number columns starts the next table; cells keep the lowest confidence",
			words: overview,
			ocr:   true,
			want: `table
| H:Programma~90 | H:Baten~90 | H:Lasten~90 |
| A1~90 | 100~90 | -20~40 |
| B2~90 | 5~90 | -5~90 |
| Totaal~90 | 105~90 | -25~90 |
table
| H:Programma~90 | H:Baten~90 | H:Lasten~90 |
| C3~90 | 1~90 | -1~90 |
| D4~90 | 2~90 | -2~55 |
`,
		},
		{
			name:  "words not from OCR carry no confidence",
			words: `A1@10,25  100@210,25  -20@265,25  B2@10,40  5@220,40  -5@270,40`,
			want: `table
| A1 | 100 | -20 |
| B2 | 5 | -5 |
`,
		},
		{
			name:  "a box stretched by a rule takes its line's size and baseline",
			words: `Titel@10,5  A1@10,25  100@210,25  -20@265,25!  B2@10,40  5@220,40  -5@270,40`,
			want: `paragraph: Titel
table
| A1 | 100 | -20 |
| B2 | 5 | -5 |
`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			blocks, err := Blocks([]WordPage{{Number: 1, Width: 400, Height: 300, Words: placed(tc.words), OCR: tc.ocr}})
			if err != nil {
				t.Fatal(err)
			}
			if got := show(blocks); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestPlaceWords(t *testing.T) {
	tests := []struct {
		text           string
		y0, y1         float64
		wantSize, base float64 // base from the page's top
	}{
		{"Baten", 10, 17.2, 10, 17.2}, // capital: the box is 0.72 em, on the baseline
		{"een", 10, 15.2, 10, 15.2},   // x-height only
		{"jeugd", 10, 19.3, 10, 17.2}, // descenders reach 0.21 em below the baseline
		{"-", 12, 13, 1, 13},          // a mark alone keeps its box
		{"", 10, 17, 0, 0},            // no text: left out
		{"Ruis", 10, 10.2, 0, 0},      // a box too low to be a word: left out
	}
	for _, tc := range tests {
		ws := placeWords(WordPage{Height: 100, Words: []Word{{Text: tc.text, X0: 0, X1: 10, Y0: tc.y0, Y1: tc.y1}}})
		if tc.wantSize == 0 {
			if len(ws) != 0 {
				t.Errorf("%q: got %d words, want none", tc.text, len(ws))
			}
			continue
		}
		if len(ws) != 1 || fmt.Sprintf("%.2f %.2f", ws[0].size, 100-ws[0].y) != fmt.Sprintf("%.2f %.2f", tc.wantSize, tc.base) {
			t.Errorf("%q: got %+v, want size %.2f, baseline %.2f from the top", tc.text, ws, tc.wantSize, tc.base)
		}
	}
}
