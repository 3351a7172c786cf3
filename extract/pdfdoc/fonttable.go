package pdfdoc

import (
	"strings"
	"sync"

	"github.com/ledongthuc/pdf"
)

// fontTable holds the fonts of one document for all its page workers, so
// that each font object is resolved and parsed once whatever the number
// of workers: resolving an object the library keeps in an object stream
// decodes that stream again, and pages of most producers list the same
// fonts in /Font dictionaries of their own.
type fontTable struct {
	mu     sync.Mutex
	byRef  map[string]*fontEntry // by object reference, "12 0 R"
	byDict map[string]*fontEntry // by the font dictionary's text
}

// fontEntry is one font of the table, loaded by the first worker that
// asks; the others wait for it. A load that panics (the library's signal
// for a damaged object) leaves the entry empty, so the next page that
// uses the font meets the damage again, as if it were the first.
type fontEntry struct {
	mu     sync.Mutex
	loaded bool
	f      *font
}

func newFontTable() *fontTable {
	return &fontTable{byRef: map[string]*fontEntry{}, byDict: map[string]*fontEntry{}}
}

// entry returns the entry of key in m, adding an empty one.
func (t *fontTable) entry(m map[string]*fontEntry, key string) *fontEntry {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := m[key]
	if e == nil {
		e = &fontEntry{}
		m[key] = e
	}
	return e
}

// get returns the entry's font, loading it first if no load succeeded yet.
func (e *fontEntry) get(load func() *font) *font {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.loaded {
		e.f = load()
		e.loaded = true
	}
	return e.f
}

// named returns the font name of the /Font dictionary set, whose object
// references refs gives (fontRefs), or nil if it is not a dictionary.
func (t *fontTable) named(set pdf.Value, refs map[string]string, name string) *font {
	ref, ok := refs[name]
	if !ok {
		return t.dict(set.Key(name))
	}
	return t.entry(t.byRef, ref).get(func() *font { return t.dict(set.Key(name)) })
}

// dict returns the font of the font dictionary v, or nil if v is not a
// dictionary. Fonts are keyed by the dictionary's text, so that objects
// with equal dictionaries share one font, as their glyphs share one
// weight in markHeavyFonts.
func (t *fontTable) dict(v pdf.Value) *font {
	if v.Kind() != pdf.Dict {
		return nil
	}
	return t.entry(t.byDict, v.String()).get(func() *font { return newFont(v) })
}

// fontRefs returns the object reference of each font of a /Font
// dictionary from its sorted keys and its text. The library prints a
// dictionary with its keys sorted and a reference as "12 0 R":
// "<</F1 12 0 R /F2 13 0 R>>".
// Reading stops at the first font given inline, whose text has no known
// end; the fonts from there on have no reference and are resolved by name.
func fontRefs(keys []string, text string) map[string]string {
	refs := map[string]string{}
	rest, ok := strings.CutPrefix(text, "<<")
	if !ok {
		return refs
	}
	for _, k := range keys {
		if rest, ok = strings.CutPrefix(rest, "/"+k+" "); !ok {
			break
		}
		n := refLen(rest)
		if n == 0 || !strings.HasPrefix(rest[n:], " /") && rest[n:] != ">>" {
			break
		}
		refs[k] = rest[:n]
		rest = rest[n+1:]
	}
	return refs
}

// refLen returns the length of the reference "id gen R" s starts with, or 0.
func refLen(s string) int {
	i := 0
	for range 2 {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start || i == len(s) || s[i] != ' ' {
			return 0
		}
		i++
	}
	if i == len(s) || s[i] != 'R' {
		return 0
	}
	return i + 1
}
