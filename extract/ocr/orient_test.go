package ocr

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRotatePGM(t *testing.T) {
	// a b c
	// d e f
	img := "P5\n3 2\n255\nabcdef"
	tests := []struct {
		deg  int
		want string
	}{
		{0, "P5\n3 2\n255\nabcdef"},
		{90, "P5\n2 3\n255\ndaebfc"},
		{180, "P5\n3 2\n255\nfedcba"},
		{270, "P5\n2 3\n255\ncfbead"},
	}
	for _, tc := range tests {
		path := filepath.Join(t.TempDir(), "page.pgm")
		if err := os.WriteFile(path, []byte(img), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := rotatePGM(path, tc.deg); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(path)
		if string(got) != tc.want {
			t.Errorf("rotatePGM(%d):\ngot  %q\nwant %q", tc.deg, got, tc.want)
		}
	}
	for _, bad := range []string{"P6\n3 2\n255\nabcdef", "P5\n3 2\n255\nabc", "P5\n3 2\n65535\nabcdef", ""} {
		path := filepath.Join(t.TempDir(), "page.pgm")
		os.WriteFile(path, []byte(bad), 0o600)
		if err := rotatePGM(path, 90); err == nil {
			t.Errorf("rotatePGM(%q): no error", bad)
		}
	}
}

// TestUpright: a reading is upright with enough words of a high mean
// confidence (the sideways 2025 screenshot read as it lies: 32.5).
func TestUpright(t *testing.T) {
	page := func(n int, conf float64) tsvPage {
		var tp tsvPage
		for range n {
			tp.words = append(tp.words, tsvWord{text: "x", conf: conf})
		}
		return tp
	}
	tests := []struct {
		name string
		tp   tsvPage
		want bool
	}{
		{"upright page", page(300, 91), true},
		{"at the threshold", page(minUprightWords, uprightConfidence), true},
		{"sideways screenshot", page(749, 32.5), false},
		{"few words", page(minUprightWords-1, 95), false},
		{"no words", tsvPage{}, false},
	}
	for _, tc := range tests {
		if got := tc.tp.upright(); got != tc.want {
			t.Errorf("%s: upright %v, want %v", tc.name, got, tc.want)
		}
	}
}
