package pdfdoc

import (
	"io"
	"unicode/utf16"
)

// toUnicode is a parsed /ToUnicode CMap: code → text, where a code is
// the big-endian value of its bytes.
type toUnicode map[uint32]string

// parseToUnicode reads the bfchar and bfrange sections of a ToUnicode CMap.
// It is a small tokenizer of its own rather than pdf.Interpret, whose
// "findresource begin" prologue needs a dictionary that cannot be built from
// outside that package. Malformed parts are skipped.
func parseToUnicode(r io.Reader) toUnicode {
	data, _ := io.ReadAll(io.LimitReader(r, maxCmapBytes))
	m := toUnicode{}
	var stack []cmapToken
	for p := 0; p < len(data); {
		tok, next := nextCmapToken(data, p)
		p = next
		switch tok.kind {
		case tokEOF:
			return m
		case tokKeyword:
			switch tok.text {
			case "beginbfchar", "beginbfrange", "begincodespacerange":
				stack = stack[:0]
			case "endbfchar":
				for i := 0; i+1 < len(stack); i += 2 {
					if stack[i].kind == tokHex && stack[i+1].kind == tokHex {
						m[codeOf(stack[i].text)] = utf16Text(stack[i+1].text)
					}
				}
				stack = stack[:0]
			case "endbfrange":
				addRanges(m, stack)
				stack = stack[:0]
			default:
				stack = stack[:0]
			}
		default:
			if len(stack) < maxCmapStack {
				stack = append(stack, tok)
			}
		}
	}
	return m
}

// addRanges adds "<lo> <hi> <dst>" and "<lo> <hi> [<d1> <d2> …]" entries.
func addRanges(m toUnicode, toks []cmapToken) {
	for i := 0; i+2 < len(toks); {
		lo, hi := toks[i], toks[i+1]
		if lo.kind != tokHex || hi.kind != tokHex {
			i++
			continue
		}
		a, b := codeOf(lo.text), codeOf(hi.text)
		if b < a || b-a > 0xFFFF {
			i += 3
			continue
		}
		switch dst := toks[i+2]; dst.kind {
		case tokHex:
			u := []byte(dst.text)
			for c := a; c <= b; c++ {
				m[c] = utf16Text(string(u))
				incLast(u)
			}
			i += 3
		case tokArrayStart:
			j := i + 3
			for c := a; j < len(toks) && toks[j].kind == tokHex; c++ {
				if c <= b {
					m[c] = utf16Text(toks[j].text)
				}
				j++
			}
			if j < len(toks) && toks[j].kind == tokArrayEnd {
				j++
			}
			i = j
		default:
			i += 3
		}
	}
}

// incLast adds one to the big-endian value of the last two bytes of u (the
// low UTF-16 unit), as bfrange destinations count up.
func incLast(u []byte) {
	for k := len(u) - 1; k >= 0 && k >= len(u)-2; k-- {
		u[k]++
		if u[k] != 0 {
			return
		}
	}
}

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// utf16Text decodes big-endian UTF-16 bytes.
func utf16Text(s string) string {
	if len(s) == 1 {
		return string(rune(s[0]))
	}
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokHex
	tokNumber
	tokKeyword
	tokArrayStart
	tokArrayEnd
	tokOther
)

type cmapToken struct {
	kind tokKind
	text string // the decoded bytes of a hex string, or the keyword
}

// nextCmapToken returns the token at data[p:] and the offset after it.
func nextCmapToken(data []byte, p int) (cmapToken, int) {
	for p < len(data) {
		c := data[p]
		switch {
		case c == '%':
			for p < len(data) && data[p] != '\n' && data[p] != '\r' {
				p++
			}
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0:
			p++
		case c == '<':
			if p+1 < len(data) && data[p+1] == '<' {
				return cmapToken{kind: tokOther}, p + 2
			}
			return hexToken(data, p+1)
		case c == '>':
			if p+1 < len(data) && data[p+1] == '>' {
				return cmapToken{kind: tokOther}, p + 2
			}
			return cmapToken{kind: tokOther}, p + 1
		case c == '[':
			return cmapToken{kind: tokArrayStart}, p + 1
		case c == ']':
			return cmapToken{kind: tokArrayEnd}, p + 1
		case c == '(':
			return skipLiteral(data, p+1)
		case c == '/':
			q := p + 1
			for q < len(data) && !isCmapDelim(data[q]) {
				q++
			}
			return cmapToken{kind: tokOther}, q
		default:
			q := p
			for q < len(data) && !isCmapDelim(data[q]) {
				q++
			}
			if q == p {
				return cmapToken{kind: tokOther}, p + 1
			}
			word := string(data[p:q])
			if c >= '0' && c <= '9' || c == '-' || c == '.' {
				return cmapToken{kind: tokNumber, text: word}, q
			}
			return cmapToken{kind: tokKeyword, text: word}, q
		}
	}
	return cmapToken{kind: tokEOF}, p
}

func hexToken(data []byte, p int) (cmapToken, int) {
	var out []byte
	var hi byte
	half := false
	for ; p < len(data) && data[p] != '>'; p++ {
		v, ok := unhex(data[p])
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return cmapToken{kind: tokHex, text: string(out)}, p + 1
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func skipLiteral(data []byte, p int) (cmapToken, int) {
	depth := 1
	for ; p < len(data) && depth > 0; p++ {
		switch data[p] {
		case '\\':
			p++
		case '(':
			depth++
		case ')':
			depth--
		}
	}
	return cmapToken{kind: tokOther}, p
}

func isCmapDelim(c byte) bool {
	switch c {
	case ' ', '\n', '\r', '\t', '\f', 0, '<', '>', '[', ']', '(', ')', '/', '%', '{', '}':
		return true
	}
	return false
}
