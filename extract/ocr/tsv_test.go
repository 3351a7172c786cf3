package ocr

import (
	"fmt"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

func TestParseTSV(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		words   []string // text@left,top
		width   int
		skipped int
		err     string
	}{
		{
			name: "words",
			in: tsvHeader + "\n" +
				"1\t1\t0\t0\t0\t0\t0\t0\t2900\t1966\t-1\t\n" +
				"2\t1\t1\t0\t0\t0\t15\t73\t2867\t1843\t-1\t\n" +
				"5\t1\t1\t1\t1\t1\t24\t320\t53\t19\t48.70\t0.1\n" +
				"5\t1\t1\t1\t1\t2\t72\t320\t90\t20\t96.5\tBestuur\n",
			words: []string{"0.1@24,320", "Bestuur@72,320"},
			width: 2900,
		},
		{
			name: "blank and spaces only words dropped",
			in: tsvHeader + "\n" +
				"5\t1\t11\t1\t1\t1\t21\t314\t2\t926\t95\t \n" +
				"5\t1\t1\t1\t1\t1\t24\t320\t53\t19\t-1\t\n" +
				"5\t1\t1\t1\t1\t2\t24\t320\t53\t19\t90\n",
		},
		{
			name:    "malformed rows skipped",
			in:      tsvHeader + "\r\n5\t1\t1\t1\t1\t1\tx\t320\t53\t19\t90\tword\r\n5\t1\n\n5\t1\t1\t1\t1\t1\t24\t320\t53\t19\tNaN?\tword\n5\t1\t1\t1\t1\t2\t24\t320\t53\t19\t90\tok\r\n",
			words:   []string{"ok@24,320"},
			skipped: 3,
		},
		{
			name: "empty or negative boxes dropped, confidence capped",
			in: tsvHeader + "\n" +
				"5\t1\t1\t1\t1\t1\t-4\t320\t53\t19\t90\tneg\n" +
				"5\t1\t1\t1\t1\t2\t4\t320\t0\t19\t90\tflat\n" +
				"5\t1\t1\t1\t1\t3\t4\t320\t5\t19\t190\tsure\n",
			words: []string{"sure@4,320"},
		},
		{name: "not TSV", in: "Error opening data file\n", err: "header is missing"},
		{name: "empty", in: "", err: "empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := parseTSV(strings.NewReader(tc.in))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("parseTSV(%s) error = %v, want %q", tc.name, err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range p.words {
				got = append(got, fmt.Sprintf("%s@%d,%d", w.text, w.left, w.top))
				if w.conf > 100 {
					t.Errorf("confidence %v above 100", w.conf)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.words, " ") || p.width != tc.width || p.skipped != tc.skipped {
				t.Errorf("parseTSV(%s):\ngot  %q width %d skipped %d\nwant %q width %d skipped %d", tc.name, got, p.width, p.skipped, tc.words, tc.width, tc.skipped)
			}
		})
	}
}

// FuzzParseTSV feeds arbitrary text to the TSV parser: it must not panic,
// and every word it keeps must have text, a positive box and a
// confidence in 0–100; the page must convert to points.
func FuzzParseTSV(f *testing.F) {
	f.Add(tsvHeader + "\n1\t1\t0\t0\t0\t0\t0\t0\t2900\t1966\t-1\t\n5\t1\t1\t1\t1\t1\t24\t320\t53\t19\t48.7\t0.1\n")
	f.Add(tsvHeader + "\n5\t1\t1\t1\t1\t1\t24\t320\t53\t19\t90\t|_____\n5\t1\t1\t1\t1\t1\t24\t320\t53\t19\t90\ta\tb\n")
	f.Add("level\n")
	f.Fuzz(func(t *testing.T, in string) {
		p, err := parseTSV(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, w := range p.words {
			if w.text == "" || w.width <= 0 || w.height <= 0 || w.left < 0 || w.top < 0 || w.conf < 0 || w.conf > 100 {
				t.Fatalf("bad word %+v", w)
			}
		}
		page := p.page(1, 72.0/300, 0)
		for _, w := range page.Words {
			if w.Text == "" || w.X1 <= w.X0 || w.Y1 <= w.Y0 {
				t.Fatalf("bad page word %+v", w)
			}
		}
		Document(extract.Source{Path: "fuzz.pdf"}, []Page{page})
	})
}
