package vocab

import (
	"strings"
	"unicode/utf8"
)

// runeSet finds any of a few runes in a text, as strings.ContainsAny does,
// but faster where the runes go beyond ASCII (ContainsAny then decodes
// every rune of the text): the ASCII runes in one pass over the bytes,
// each other rune by searching its UTF-8 encoding, which occurs in a text,
// valid UTF-8 or not, only where the text decodes to that rune. The runes
// exclude U+FFFD, which ContainsAny also finds in invalid UTF-8.
type runeSet struct {
	ascii [utf8.RuneSelf]bool
	other []string
}

func newRuneSet(chars string) *runeSet {
	c := &runeSet{}
	for _, r := range chars {
		if r < utf8.RuneSelf {
			c.ascii[r] = true
		} else {
			c.other = append(c.other, string(r))
		}
	}
	return c
}

// in reports whether s holds one of the runes.
func (c *runeSet) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < utf8.RuneSelf && c.ascii[b] {
			return true
		}
	}
	for _, o := range c.other {
		if strings.Contains(s, o) {
			return true
		}
	}
	return false
}
