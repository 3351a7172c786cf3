package vocab

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
)

// lazyRE returns pattern compiled on first use: a run pays only for the
// expressions it uses, and start-up for none of them.
func lazyRE(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}

// quickRE is a case-insensitive regular expression with a quick test in
// front: the literals of which every match holds one (ignoring case), so
// that a label holding none is rejected without running the expression,
// which most labels would take in vain. It is compiled on first use.
type quickRE struct {
	pattern string
	once    sync.Once
	re      *regexp.Regexp
	lits    []string // lower case ASCII; nil: no quick test
	// folds are the non-ASCII runes that match a letter of lits under
	// (?i) (the Kelvin sign for k, the long s for s): a text holding one
	// goes to re.
	folds *runeSet
}

func newQuickRE(pattern string) *quickRE { return &quickRE{pattern: pattern} }

// compile sets re, lits and folds from pattern.
func (q *quickRE) compile() {
	q.re = regexp.MustCompile(q.pattern)
	tree, err := syntax.Parse(q.pattern, syntax.Perl)
	if err != nil {
		return // MustCompile accepted it: cannot happen
	}
	q.lits = requiredLiterals(tree.Simplify())
	var folds []rune
	for _, l := range q.lits {
		for _, r := range l {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f > unicode.MaxASCII {
					folds = append(folds, f)
				}
			}
		}
	}
	q.folds = newRuneSet(string(folds))
}

// MatchString reports whether s holds a match of the expression.
func (q *quickRE) MatchString(s string) bool {
	return q.mayMatch(s) && q.re.MatchString(s)
}

// FindStringIndex returns where the leftmost match in s is, as regexp's.
func (q *quickRE) FindStringIndex(s string) []int {
	if !q.mayMatch(s) {
		return nil
	}
	return q.re.FindStringIndex(s)
}

// mayMatch compiles the expression on first use and reports whether s
// passes the quick test.
func (q *quickRE) mayMatch(s string) bool {
	q.once.Do(q.compile)
	return q.lits == nil || q.folds.in(s) || containsAnyFoldASCII(s, q.lits)
}

func containsAnyFoldASCII(s string, words []string) bool {
	for _, w := range words {
		if containsFoldASCII(s, w) {
			return true
		}
	}
	return false
}

// requiredLiterals returns ASCII literals, in lower case, of which every
// match of re holds one, or nil when it cannot tell.
func requiredLiterals(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		s := string(re.Rune)
		for _, r := range s {
			if r > unicode.MaxASCII {
				return nil
			}
		}
		return []string{strings.ToLower(s)}
	case syntax.OpCapture, syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min > 0 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		// Every part is required: take the part whose shortest literal is
		// longest, the most selective test.
		var best []string
		for _, sub := range re.Sub {
			if l := requiredLiterals(sub); l != nil && (best == nil || shortest(l) > shortest(best)) {
				best = l
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			l := requiredLiterals(sub)
			if l == nil {
				return nil
			}
			all = append(all, l...)
		}
		return all
	}
	return nil
}

func shortest(lits []string) int {
	n := len(lits[0])
	for _, l := range lits[1:] {
		n = min(n, len(l))
	}
	return n
}
