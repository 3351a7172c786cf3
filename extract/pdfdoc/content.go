package pdfdoc

import (
	"bytes"
	"fmt"
	"strconv"
)

// The content-stream lexer: ISO 32000-1 §7.2 (lexical conventions), §7.3
// (objects) and §7.8.2 (content streams: operands in postfix order before
// each operator). It reads a decoded stream held in memory, reuses its
// buffers from operator to operator, and never allocates per token.

// operandKind is the type of an operand.
type operandKind uint8

const (
	kindNull operandKind = iota
	kindNumber
	kindBool
	kindString
	kindName
	kindArray
	kindDict // dictionaries (marked-content properties) are skipped: only their place counts
)

// operand is one operand of an operator. Strings and names are bytes of
// lexer.text; an array holds the elements lexer.elems[start:end].
type operand struct {
	kind       operandKind
	num        float64
	start, end int
}

// contentLexer splits a content stream into operators and their operands.
type contentLexer struct {
	data  []byte
	pos   int
	args  []operand // operands of the operator next returned
	elems []operand // elements of array operands
	text  []byte    // decoded strings and names
	count int       // operands and array elements since the last operator
}

// reset starts reading data.
func (l *contentLexer) reset(data []byte) {
	l.data, l.pos = data, 0
	l.clear()
}

func (l *contentLexer) clear() {
	l.args, l.elems, l.text, l.count = l.args[:0], l.elems[:0], l.text[:0], 0
}

// next returns the next operator, its operands in l.args; ok is false at
// the end of the stream (operands without an operator there are dropped).
// The error reports an operator with more than maxOperands operands.
func (l *contentLexer) next() (op []byte, ok bool, err error) {
	l.clear()
	for {
		v, word, more := l.object(false)
		switch {
		case !more:
			return nil, false, nil
		case word != nil:
			if string(word) == "BI" {
				l.skipInlineImage()
			}
			return word, true, nil
		}
		l.args = append(l.args, v)
		if l.count > maxOperands {
			return nil, false, fmt.Errorf("more than %d operands before an operator: %w", maxOperands, errLimit)
		}
	}
}

// object reads the next object or operator. A word that is not a number,
// boolean or null is returned as word, an operator; inArray turns words
// into nulls, as operators have no place inside an array. more is false at
// the end of data.
func (l *contentLexer) object(inArray bool) (v operand, word []byte, more bool) {
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return operand{}, nil, false
		}
		c := l.data[l.pos]
		switch c {
		case '(':
			l.pos++
			l.count++
			return l.literal(), nil, true
		case '<':
			l.count++
			if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
				l.skipDict()
				return operand{kind: kindDict}, nil, true
			}
			l.pos++
			return l.hex(), nil, true
		case '[':
			l.pos++
			l.count++
			return l.array(), nil, true
		case '/':
			l.pos++
			l.count++
			return l.name(), nil, true
		case ']', ')', '>', '{', '}':
			l.pos++ // a stray delimiter: skipped (array reads its own "]")
		default:
			start := l.pos
			for l.pos < len(l.data) && !isContentBreak(l.data[l.pos]) {
				l.pos++
			}
			w := l.data[start:l.pos]
			if n, ok := number(w); ok {
				l.count++
				return operand{kind: kindNumber, num: n}, nil, true
			}
			switch string(w) {
			case "true", "false":
				l.count++
				return operand{kind: kindBool, num: boolNum(w[0] == 't')}, nil, true
			case "null":
				l.count++
				return operand{}, nil, true
			}
			if inArray {
				l.count++
				return operand{}, nil, true
			}
			return operand{}, w, true
		}
	}
}

func boolNum(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// skipSpace skips white space and comments (§7.2.2, §7.2.4).
func (l *contentLexer) skipSpace() {
	for l.pos < len(l.data) {
		switch l.data[l.pos] {
		case ' ', '\n', '\r', '\t', '\f', 0:
			l.pos++
		case '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

// array reads the elements after "[" up to "]" or the end of data. Nested
// arrays count their elements but keep none: no operator reads them.
func (l *contentLexer) array() operand {
	a := operand{kind: kindArray, start: len(l.elems)}
	nested := 0
	for l.count <= maxOperands {
		l.skipSpace()
		if l.pos >= len(l.data) {
			break
		}
		if l.data[l.pos] == ']' {
			l.pos++
			if nested == 0 {
				break
			}
			nested--
			continue
		}
		if l.data[l.pos] == '[' {
			l.pos++
			l.count++
			nested++
			continue
		}
		v, _, more := l.object(true)
		if !more {
			break
		}
		if nested == 0 {
			l.elems = append(l.elems, v)
		}
	}
	a.end = len(l.elems)
	return a
}

// literal reads a (string) after its "(" (§7.3.4.2). Bytes are kept as
// they are, end-of-line bytes included: in a content stream they are
// character codes.
func (l *contentLexer) literal() operand {
	s := operand{kind: kindString, start: len(l.text)}
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				s.end = len(l.text)
				return s
			}
		case '\\':
			l.escape()
			continue
		}
		l.text = append(l.text, c)
	}
	s.end = len(l.text)
	return s
}

// escape reads the escape sequence after a backslash. An unknown escape
// stands for the character itself; an octal value beyond \377 keeps its
// low byte.
func (l *contentLexer) escape() {
	if l.pos >= len(l.data) {
		return
	}
	c := l.data[l.pos]
	l.pos++
	switch c {
	case 'n':
		c = '\n'
	case 'r':
		c = '\r'
	case 't':
		c = '\t'
	case 'b':
		c = '\b'
	case 'f':
		c = '\f'
	case '\r':
		if l.pos < len(l.data) && l.data[l.pos] == '\n' {
			l.pos++
		}
		return // a line continued
	case '\n':
		return
	case '0', '1', '2', '3', '4', '5', '6', '7':
		x := c - '0'
		for i := 0; i < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; i++ {
			x = x<<3 | (l.data[l.pos] - '0')
			l.pos++
		}
		c = x
	}
	l.text = append(l.text, c)
}

// hex reads a <hex string> after its "<" (§7.3.4.3): white space and
// other non-digits are skipped, an odd last digit is followed by 0.
func (l *contentLexer) hex() operand {
	s := operand{kind: kindString, start: len(l.text)}
	var hi byte
	half := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			l.text = append(l.text, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		l.text = append(l.text, hi<<4)
	}
	s.end = len(l.text)
	return s
}

// name reads a /Name after its "/" (§7.3.5): #xx is the byte xx.
func (l *contentLexer) name() operand {
	s := operand{kind: kindName, start: len(l.text)}
	for l.pos < len(l.data) && !isContentBreak(l.data[l.pos]) {
		c := l.data[l.pos]
		l.pos++
		if c == '#' && l.pos+1 < len(l.data) {
			hi, ok1 := unhex(l.data[l.pos])
			lo, ok2 := unhex(l.data[l.pos+1])
			if ok1 && ok2 {
				c = hi<<4 | lo
				l.pos += 2
			}
		}
		l.text = append(l.text, c)
	}
	s.end = len(l.text)
	return s
}

// skipDict skips a <<dictionary>>, nested ones and the strings in it
// included.
func (l *contentLexer) skipDict() {
	depth := 0
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '<':
			if l.pos < len(l.data) && l.data[l.pos] == '<' {
				l.pos++
				depth++
				continue
			}
			l.skipPast('>')
		case '>':
			if l.pos < len(l.data) && l.data[l.pos] == '>' {
				l.pos++
				if depth--; depth == 0 {
					return
				}
			}
		case '(':
			mark := len(l.text)
			l.literal()
			l.text = l.text[:mark]
		case '%':
			l.pos--
			l.skipSpace()
		}
	}
}

func (l *contentLexer) skipPast(c byte) {
	if i := bytes.IndexByte(l.data[l.pos:], c); i >= 0 {
		l.pos += i + 1
		return
	}
	l.pos = len(l.data)
}

// skipInlineImage skips the rest of an inline image after BI (§8.9.7):
// its parameters up to ID, then the data up to an EI that stands alone
// between white space (or the end of data). Image data is binary, so it must not
// be read as tokens.
func (l *contentLexer) skipInlineImage() {
	for {
		_, word, more := l.object(false)
		if !more {
			return
		}
		if string(word) == "ID" {
			break
		}
	}
	l.pos++ // the single white-space byte after ID
	for l.pos < len(l.data) {
		i := bytes.Index(l.data[l.pos:], []byte("EI"))
		if i < 0 {
			l.pos = len(l.data)
			return
		}
		at := l.pos + i
		l.pos = at + 2
		if at > 0 && isSpace(l.data[at-1]) && (l.pos == len(l.data) || isSpace(l.data[l.pos])) {
			return
		}
	}
}

// isContentBreak reports whether c ends a regular token: white space or
// a delimiter (§7.2.2, Tables 1 and 2).
func isContentBreak(c byte) bool { return contentBreak[c] }

var contentBreak = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\r\f\x00()<>[]{}/%") {
		t[c] = true
	}
	return t
}()

func isSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', 0:
		return true
	}
	return false
}

// maxExactDigits and maxExactScale bound the numbers number converts
// itself: a mantissa below 2^53 divided by an exact power of ten is
// correctly rounded, as strconv.ParseFloat's result.
const (
	maxExactDigits = 15 // digits of a mantissa below 10^15 < 2^53
	maxExactScale  = 22 // 10^22 is the largest power of ten a float64 holds exactly
)

var pow10 = func() (p [maxExactScale + 1]float64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// number parses a numeric object (§7.3.3): a sign, digits and at most one
// period, at least one digit. Other words are operators.
func number(w []byte) (float64, bool) {
	s := w
	neg := false
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	var mant uint64
	digits, scale, dot := 0, 0, false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			if mant != 0 || c != '0' {
				digits++
			}
			mant = mant*10 + uint64(c-'0')
			if dot {
				scale++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return 0, false
		}
	}
	if len(s) == 0 || len(s) == 1 && dot {
		return 0, false
	}
	var f float64
	if digits <= maxExactDigits && scale <= maxExactScale {
		f = float64(mant) / pow10[scale]
	} else {
		var err error
		if f, err = strconv.ParseFloat(string(w), 64); err != nil {
			return 0, false
		}
		return f, true
	}
	if neg {
		f = -f
	}
	return f + 0, true // -0 reads as 0
}
