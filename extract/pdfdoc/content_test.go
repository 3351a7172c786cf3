package pdfdoc

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// lexAll returns the operators of a content stream with their operands,
// one line each: "Tf /F1 8".
func lexAll(in string) ([]string, error) {
	var l contentLexer
	l.reset([]byte(in))
	var out []string
	for {
		op, ok, err := l.next()
		if err != nil || !ok {
			return out, err
		}
		parts := []string{string(op)}
		for _, a := range l.args {
			parts = append(parts, l.describe(a))
		}
		out = append(out, strings.Join(parts, " "))
	}
}

func (l *contentLexer) describe(a operand) string {
	switch a.kind {
	case kindNumber, kindBool:
		return fmt.Sprint(a.num)
	case kindString:
		return fmt.Sprintf("%q", l.text[a.start:a.end])
	case kindName:
		return "/" + string(l.text[a.start:a.end])
	case kindArray:
		var e []string
		for _, x := range l.elems[a.start:a.end] {
			e = append(e, l.describe(x))
		}
		return "[" + strings.Join(e, " ") + "]"
	case kindDict:
		return "<<>>"
	}
	return "null"
}

func TestContentLexer(t *testing.T) {
	tests := []struct {
		in   string
		want string // operators joined by " | "
	}{
		{"BT /F1 8 Tf 72 700.5 Td (a b c) Tj ET", `BT | Tf /F1 8 | Td 72 700.5 | Tj "a b c" | ET`},
		{"[(A) -120 (B) .5 (C)] TJ", `TJ ["A" -120 "B" 0.5 "C"]`},
		{"1 2 3 % 4 5 6 7\n4 re", "re 1 2 3 4"},
		{`(a \) (nested) b\n\101\7\0053) Tj`, `Tj "a ) (nested) b\nA\a\x053"`},
		{"(line\\\r\ncontinued \\q) Tj", `Tj "linecontinued q"`},
		{"<00 fF 4> Tj <> Tj", `Tj "\x00\xff@" | Tj ""`},
		{"/Span << /MCID 3 /Alt (>>) /D << /X <41> >> >> BDC q Q", "BDC /Span <<>> | q | Q"},
		{"/A#20B Do /C#zz Do", "Do /A B | Do /C#zz"},
		{"[1 [2 3] /x true null foo] TJ", "TJ [1 /x 1 null null]"},
		{"+.5 -3. 1.2.3 -0 5 d", "1.2.3 0.5 -3 | d 0 5"},
		{"12345678901234567890.5 0.12345678901234567890123 w", "w 1.2345678901234567e+19 0.12345678901234568"},
		{"BI /W 2 /H 1 /BPC 8 /CS /G ID \x01EI )(\xffBT\nEI) EI Q", "BI | Q"},
		{"BI /W 1 ID xEIx EI", "BI"},
		{"] ) > } 1 0 0 1 0 0 cm", "cm 1 0 0 1 0 0"},
		{"(unterminated Tj", ""},
		{"7 8 ", ""},
	}
	for _, tt := range tests {
		ops, err := lexAll(tt.in)
		if got := strings.Join(ops, " | "); err != nil || got != tt.want {
			t.Errorf("lex(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// TestContentLexerLimit checks the operand limit, array elements included.
func TestContentLexerLimit(t *testing.T) {
	for _, in := range []string{
		strings.Repeat("1 ", maxOperands+1) + "m",
		"[" + strings.Repeat("(x) ", maxOperands+1) + "] TJ",
		"[" + strings.Repeat("[", maxOperands+1),
	} {
		_, err := lexAll(in)
		if !errors.Is(err, errLimit) {
			t.Errorf("lex(%.20q…) error %v, want the operand limit", in, err)
		}
	}
	if _, err := lexAll(strings.Repeat("1 ", maxOperands) + "m"); err != nil {
		t.Errorf("lex of %d operands: %v", maxOperands, err)
	}
}

// FuzzContentLexer checks that no input makes the lexer panic, loop or
// return more operands than the limit.
func FuzzContentLexer(f *testing.F) {
	for _, s := range []string{
		"BT /F1 8 Tf (a) Tj [(b) -5 (c)] TJ ET", "<< /A [1 2 <</B (x)>>] >> BDC", "BI /W 1 ID \x00 EI",
		`(\` + "\r", "<4", "[[[", "/#", "1.2.3 -.5 +", "% comment",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var l contentLexer
		l.reset(data)
		start := time.Now()
		for ops := 0; ; ops++ {
			op, ok, err := l.next()
			if err != nil || !ok {
				break
			}
			if len(op) == 0 || len(l.args) > maxOperands || ops > len(data) {
				t.Fatalf("op %q with %d operands after %d operators", op, len(l.args), ops)
			}
		}
		if d := time.Since(start); d > time.Second {
			t.Fatalf("lexing %d bytes took %v", len(data), d)
		}
	})
}
