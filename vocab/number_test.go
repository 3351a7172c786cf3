package vocab

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Number
		ok   bool
	}{
		{"33.955", Number{Value: 33955, Scale: 1}, true},
		{"-1.655", Number{Value: -1655, Scale: 1}, true},
		{"− 1.655", Number{Value: -1655, Scale: 1}, true},
		{"(1.655)", Number{Value: -1655, Scale: 1}, true},
		{"7,1", Number{Value: 7.1, Scale: 1}, true},
		{"0", Number{Value: 0, Scale: 1}, true},
		{"50,60 %", Number{Value: 50.6, Percent: true, Scale: 1}, true},
		{"97%", Number{Value: 97, Percent: true, Scale: 1}, true},
		{"€  4,65 miljoen", Number{Value: 4.65, Euro: true, Scale: 1e6}, true},
		{"€4.486.000", Number{Value: 4486000, Euro: true, Scale: 1}, true},
		{"- € 5.382", Number{Value: -5382, Euro: true, Scale: 1}, true},
		{"€ 120.615", Number{Value: 120615, Euro: true, Scale: 1}, true},
		{"1.234,5", Number{Value: 1234.5, Scale: 1}, true},
		{"12.500,-", Number{Value: 12500, Scale: 1}, true},
		{"+ 120", Number{Value: 120, Scale: 1}, true},
		{"-", Number{Nil: true, Scale: 1}, true},
		{"–", Number{Nil: true, Scale: 1}, true},
		{"nnb", Number{Nil: true, Scale: 1}, true},
		{"n.v.t.", Number{Nil: true, Scale: 1}, true},
		{"2,5 mln", Number{Value: 2.5, Scale: 1e6}, true},
		{"", Number{Scale: 1}, false},
		{"tekst", Number{Scale: 1}, false},
		{"1.2.3", Number{Scale: 1}, false},
		{"12-05-2022", Number{Scale: 1}, false},
		{"1.23", Number{Value: 1.23, Scale: 1}, true},
		{"1234.567", Number{Scale: 1}, false},
		{"6.1.1", Number{Scale: 1}, false},
		{"350 kind", Number{Scale: 1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if ok != tt.ok || (ok && (math.Abs(got.Value-tt.want.Value) > 1e-9 || got.Nil != tt.want.Nil ||
				got.Percent != tt.want.Percent || got.Euro != tt.want.Euro || got.Scale != tt.want.Scale)) {
				t.Errorf("Parse(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
			if IsValue(tt.in) != tt.ok || IsNumber(tt.in) != (tt.ok && !tt.want.Nil) {
				t.Errorf("IsValue(%q) = %v, IsNumber = %v; want %v, %v", tt.in, IsValue(tt.in), IsNumber(tt.in), tt.ok, tt.ok && !tt.want.Nil)
			}
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{-1655, 0, "-1.655"}, {33955, 0, "33.955"}, {7.1, 1, "7,1"}, {0, 0, "0"}, {1234567.25, 2, "1.234.567,25"}, {-0.4, 0, "0"},
	}
	for _, tt := range tests {
		if got := Format(tt.v, tt.dec); got != tt.want {
			t.Errorf("Format(%v, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
}

func TestNilMarkers(t *testing.T) {
	for _, n := range nilMarkers {
		for _, f := range n.forms {
			for _, s := range []string{f, strings.ToUpper(f), " " + f + " "} {
				if !IsNil(s) || IsNumber(s) || !IsValue(s) {
					t.Errorf("IsNil(%q) = %v, IsNumber = %v, IsValue = %v; want true, false, true", s, IsNil(s), IsNumber(s), IsValue(s))
				}
			}
		}
	}
	for _, s := range []string{"0", "12", "xx", "n.v", "tekst", ""} {
		if IsNil(s) {
			t.Errorf("IsNil(%q) = true, want false", s)
		}
	}
}

func TestParseMarks(t *testing.T) {
	tests := []struct {
		in            string
		point, marked bool
	}{
		{"7.1", true, false}, {"0.61", true, false}, {"33.955", false, true}, {"7,1", false, true},
		{"1.000,-", false, true}, {"12%", false, false}, {"2024", false, false}, {"(1.655)", false, true},
	}
	for _, tt := range tests {
		n, ok := Parse(tt.in)
		if !ok || n.Point != tt.point || n.Marked != tt.marked {
			t.Errorf("Parse(%q) = %+v, %v; want Point %v, Marked %v", tt.in, n, ok, tt.point, tt.marked)
		}
	}
}

func TestIsToken(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"33.955", true}, {"-1.655", true}, {"(1.655)", true}, {"7,1", true}, {"-", true},
		{"0", true}, {"1.000,-", true}, {"12%", true}, {"44,2%", true}, {"−88.320", true},
		{"p.m.", true}, {"PM", true}, {"nnb", true}, {"n.t.b.", true}, {"2024", true}, {"€5", true},
		{"x", false}, {"X", false}, {"*", false}, {"0.61", false}, {"7.1", false}, {"12m", false}, {"5k", false},
		{"2.778.000.", false}, {"6.", false}, {"Baten", false}, {"2024-2027", false}, {"(+)", false}, {"1.2.3", false},
	}
	for _, tt := range tests {
		if got := IsToken(tt.in); got != tt.want {
			t.Errorf("IsToken(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestScaleWords(t *testing.T) {
	for _, w := range scaleWords {
		in := "2 " + w.word
		if len(w.word) == 1 {
			in = "2" + w.word
		}
		n, ok := Parse(in)
		if !ok || n.Scaled() != 2*float64(w.scale) {
			t.Errorf("Parse(%q) = %+v, %v; want 2 × %d", in, n, ok, w.scale)
		}
	}
}

// FuzzDutchNumber checks that Parse never panics and that formatting a
// parsed integer and parsing it again gives the same value.
func FuzzDutchNumber(f *testing.F) {
	for _, s := range []string{"33.955", "-1.655", "(1.655)", "7,1", "€ 4,65 miljoen", "50,60 %", "-", "1.234,5", "€4.486.000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := Parse(s)
		if !ok || n.Nil || math.Abs(n.Value) > 1e15 || n.Value != math.Trunc(n.Value) {
			return
		}
		back, ok := Parse(Format(n.Value, 0))
		if !ok || back.Value != n.Value {
			t.Errorf("round trip of %q: Parse = %v, Format = %q, Parse again = %v, %v", s, n.Value, Format(n.Value, 0), back.Value, ok)
		}
	})
}
