package ocr

import (
	"bytes"
	"testing"
)

// TestUnshade turns synthetic 300-dpi images: a box (grey level box)
// 400 × 100 pixels with a "letter" (a 20 × 40 block of level text) in
// it and a white rule (2 pixels wide) across it, on paper, with a black
// "word" on paper beside it. The letter must come out dark, the box and
// the rule white; the word on paper and the paper must stay.
func TestUnshade(t *testing.T) {
	const w, h = 600, 200
	const boxX0, boxX1, boxY0, boxY1 = 50, 450, 50, 150
	inLetter := func(x, y int) bool { return x >= 100 && x < 120 && y >= 80 && y < 120 }
	inWord := func(x, y int) bool { return x >= 470 && x < 480 && y >= 80 && y < 120 } // 20 px right of the box
	tests := []struct {
		name                string
		box, text           byte
		wantBox, wantLetter func(v byte) bool
	}{
		{"white text on dark box", 60, 255, white, dark},
		{"white text on mid grey", 150, 255, white, dark},
		{"dark text on light grey stays", 217, 0, is(217), dark},
		{"dark text on dark grey stays", 120, 0, is(120), dark},
		{"text on paper", 255, 0, white, dark},
	}
	for _, tc := range tests {
		pix := bytes.Repeat([]byte{255}, w*h)
		for y := range h {
			for x := range w {
				switch {
				case inLetter(x, y):
					pix[y*w+x] = tc.text
				case x >= 300 && x < 302 && y >= boxY0 && y < boxY1:
					pix[y*w+x] = 255
				case x >= boxX0 && x < boxX1 && y >= boxY0 && y < boxY1:
					pix[y*w+x] = tc.box
				case inWord(x, y):
					pix[y*w+x] = 0
				}
			}
		}
		unshade(w, h, pix, 300)
		if v := pix[60*w+60]; !tc.wantBox(v) {
			t.Errorf("%s: box %d", tc.name, v)
		}
		if v := pix[100*w+110]; !tc.wantLetter(v) {
			t.Errorf("%s: letter %d", tc.name, v)
		}
		if v := pix[100*w+475]; v != 0 {
			t.Errorf("%s: word on paper %d, want 0", tc.name, v)
		}
		if v := pix[100*w+300]; v != 255 {
			t.Errorf("%s: rule %d, want 255", tc.name, v)
		}
		for _, p := range [][2]int{{460, 100}, {10, 10}, {500, 180}} {
			if v := pix[p[1]*w+p[0]]; v != 255 {
				t.Errorf("%s: paper at %v: %d, want 255", tc.name, p, v)
			}
		}
	}
}

// TestUnshadePhoto: an area of many greys (a gradient, as in a photo)
// has no flat background and stays as it is.
func TestUnshadePhoto(t *testing.T) {
	const w, h = 400, 200
	pix := make([]byte, w*h)
	for y := range h {
		for x := range w {
			pix[y*w+x] = byte(x * 200 / w)
		}
	}
	want := bytes.Clone(pix)
	unshade(w, h, pix, 300)
	if !bytes.Equal(pix, want) {
		t.Error("the gradient changed")
	}
}

func white(v byte) bool            { return v >= paperLevel }
func is(want byte) func(byte) bool { return func(v byte) bool { return v == want } }
func dark(v byte) bool             { return v < 100 }
