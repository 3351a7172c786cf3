package xlsx

import (
	"bufio"
	"fmt"
	"unicode/utf8"
)

// MaxCellChars is the most text a cell holds, in UTF-16 code units as
// Excel counts them; longer text is cut off.
const MaxCellChars = 32767

// appendText appends s as the text of a cell (ST_Xstring, ECMA-376 Part 1,
// 22.9.2.19): XML's special characters as entities, characters XML cannot
// hold (controls other than tab and line feed, U+FFFE, U+FFFF) as _xHHHH_,
// a literal _xHHHH_ with its underscore escaped so that a reader does not
// decode it, and bytes that are no UTF-8 as U+FFFD. Text past
// MaxCellChars is cut off.
func appendText(b []byte, s string) []byte {
	units := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		u := 1
		if r >= 0x10000 {
			u = 2
		}
		if units += u; units > MaxCellChars {
			break
		}
		switch {
		case r == '_' && isEscape(s[i:]):
			b = append(b, "_x005F_"...)
		case r == '\t' || r == '\n':
			b = append(b, byte(r))
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
			b = fmt.Appendf(b, "_x%04X_", r)
		default:
			b = appendEscaped(b, r)
		}
		i += n
	}
	return b
}

// isEscape reports whether s begins with _xHHHH_.
func isEscape(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// appendEscaped appends r with XML's special characters as entities.
// An invalid rune (from bytes that are no UTF-8) is U+FFFD already.
func appendEscaped(b []byte, r rune) []byte {
	switch r {
	case '&':
		return append(b, "&amp;"...)
	case '<':
		return append(b, "&lt;"...)
	case '>':
		return append(b, "&gt;"...)
	case '"':
		return append(b, "&quot;"...)
	}
	return utf8.AppendRune(b, r)
}

// escape is s for XML text or an attribute: special characters as
// entities, characters XML cannot hold as U+FFFD. For names and formulas,
// which have no _xHHHH_ escapes.
func escape(s string) string {
	var b []byte
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			r = utf8.RuneError
		}
		b = appendEscaped(b, r)
	}
	return string(b)
}

// writeText writes s as XML text with escape.
func writeText(w *bufio.Writer, s string) { w.WriteString(escape(s)) }
