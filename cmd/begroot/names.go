package main

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// maxStemBytes bounds the stem of an output name: file systems allow 255
// bytes, and atomicfile's temporary name adds a dot, ".tmp" and up to 20
// digits to the stem, its hash and ".json".
const maxStemBytes = 120

// hashLen is the number of hex digits of a source's digest added to a name
// that was cut, cleaned or shared: 32 bits keep thousands of names apart.
const hashLen = 8

// reservedNames are the stems of the files a run writes itself, and the
// device names Windows reserves in every directory. A document with such a
// stem gets a hash added.
var reservedNames = map[string]bool{
	"dataset": true, "changes": true, "datapackage": true, "begroot": true, stateStem: true,
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// uniqueNames names the output file of each document, <stem>.json, so that
// the name is safe on every OS (no separators, control characters or
// characters Windows refuses, no leading dot, bounded length) and unique.
// A stem that had to be cleaned or cut, that two documents share (also in
// another case, for case-insensitive file systems) or that is reserved gets
// "-" and the start of the SHA-256 of its id (the input path or URL), so
// the name depends on the document alone, never on the order of the run.
// An empty stem is "document".
func uniqueNames(ids, stems []string) []string {
	clean := make([]string, len(stems))
	changed := make([]bool, len(stems))
	count := map[string]int{}
	for i, s := range stems {
		clean[i] = safeStem(s)
		changed[i] = clean[i] != s && s != ""
		if clean[i] == "" {
			clean[i] = "document"
		}
		count[strings.ToLower(clean[i])]++
	}
	names := make([]string, len(stems))
	for i, s := range clean {
		lower := strings.ToLower(s)
		if changed[i] || count[lower] > 1 || reservedNames[lower] {
			sum := sha256.Sum256([]byte(ids[i]))
			s += "-" + hex.EncodeToString(sum[:])[:hashLen]
		}
		names[i] = s + ".json"
	}
	return names
}

// safeStem replaces what some OS refuses in a file name by "_", drops
// leading dots and trailing dots and spaces, and cuts the stem to
// maxStemBytes on a character boundary.
func safeStem(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == utf8.RuneError || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
	s = strings.TrimLeft(s, ".")
	if len(s) > maxStemBytes {
		cut := maxStemBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	return strings.TrimRight(s, ". ")
}
