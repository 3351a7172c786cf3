package pdfdoc

import (
	"maps"
	"sync"
	"testing"

	"github.com/ledongthuc/pdf"
)

func TestFontRefs(t *testing.T) {
	tests := []struct {
		name string
		keys []string
		text string
		want map[string]string
	}{
		{"refs", []string{"F1", "F10", "F2"}, "<</F1 12 0 R /F10 7 0 R /F2 130 2 R>>", map[string]string{"F1": "12 0 R", "F10": "7 0 R", "F2": "130 2 R"}},
		{"empty", nil, "<<>>", map[string]string{}},
		{"not a dictionary", nil, "<nil>", map[string]string{}},
		{"name with a space", []string{"F 1", "F2"}, "<</F 1 3 0 R /F2 4 0 R>>", map[string]string{"F 1": "3 0 R", "F2": "4 0 R"}},
		{"inline font stops reading", []string{"F1", "F2", "F3"}, "<</F1 3 0 R /F2 <</Type /Font>> /F3 5 0 R>>", map[string]string{"F1": "3 0 R"}},
		{"integer is no reference", []string{"F1", "F2"}, "<</F1 3 /F2 4 0 R>>", map[string]string{}},
		{"keys out of step", []string{"F2"}, "<</F1 3 0 R>>", map[string]string{}},
		{"truncated", []string{"F1"}, "<</F1 3 0 R", map[string]string{}},
		{"text after the end", []string{"F1"}, "<</F1 3 0 R>>@120", map[string]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fontRefs(tt.keys, tt.text); !maps.Equal(got, tt.want) {
				t.Errorf("fontRefs(%q, %q) = %v, want %v", tt.keys, tt.text, got, tt.want)
			}
		})
	}
}

func TestRefLen(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"12 0 R", 6},
		{"12 0 R /F2", 6},
		{"1 12 R>>", 6},
		{"12 0", 0},
		{"12 0 X", 0},
		{"12  0 R", 0},
		{"x 0 R", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := refLen(tt.s); got != tt.want {
			t.Errorf("refLen(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestFontEntryLoadsOnce asks one entry from many goroutines: one load,
// one font for all. A load that panics is tried again by the next caller.
func TestFontEntryLoadsOnce(t *testing.T) {
	table := newFontTable()
	var mu sync.Mutex
	loads := 0
	load := func() *font {
		mu.Lock()
		loads++
		mu.Unlock()
		return &font{}
	}
	got := make([]*font, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i] = table.entry(table.byRef, "3 0 R").get(load) })
	}
	wg.Wait()
	if loads != 1 {
		t.Errorf("%d loads, want 1", loads)
	}
	for i, f := range got {
		if f != got[0] {
			t.Errorf("caller %d got another font", i)
		}
	}

	e := table.entry(table.byRef, "4 0 R")
	func() {
		defer func() { _ = recover() }()
		e.get(func() *font { panic("damaged") })
	}()
	if f := e.get(load); f == nil || loads != 2 {
		t.Errorf("after a panicking load: font %v, %d loads, want a font and 2 loads", f, loads)
	}
	if f := table.dict(pdf.Value{}); f != nil {
		t.Errorf("dict(null) = %v, want nil", f)
	}
}
