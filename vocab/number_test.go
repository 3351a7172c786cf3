package vocab

import (
	"math"
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
