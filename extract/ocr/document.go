package ocr

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/vocab"
)

// Document builds an extract.Document from OCR'd pages with the layout of
// the PDF reader (pdfdoc.Blocks): lines, columns, headings, paragraphs and
// tables, with the words' positions in points from the page's top-left.
// The blocks tesseract found side by side (the two pages of a spread) are
// laid out one after the other. Every table cell with words has OCR set
// and the lowest confidence of its words. Misread minus signs are
// repaired before the layout (repairSign, repairZeros,
// repairBrackets), zeros and commas in the
// tables after it (repairTable).
func Document(src extract.Source, pages []Page) *extract.Document {
	if src.Format == "" {
		src.Format = extract.FormatPDF
	}
	doc := &extract.Document{Source: src}
	var wps []pdfdoc.WordPage
	for _, p := range pages {
		doc.Pages = max(doc.Pages, p.Number)
		if p.Rotated != 0 {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: content lay sideways; turned %d° clockwise, positions are on the upright page", p.Number, p.Rotated))
		}
		if p.Skipped > 0 {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: %d malformed OCR rows left out", p.Number, p.Skipped))
		}
		if len(p.Words) == 0 {
			doc.Warnings = append(doc.Warnings, fmt.Sprintf("page %d: OCR found no text", p.Number))
			continue
		}
		for _, r := range regions(dropTall(dropSpecks(p.Words))) {
			r = joinCodes(r)
			wp := pdfdoc.WordPage{Number: p.Number, Width: p.Width, Height: p.Height, OCR: true}
			for _, w := range r {
				if t, ok := repairSign(w.Text); ok {
					w.Text = t
				}
				if t, ok := repairZeros(w.Text); ok {
					w.Text = t
				}
				if t, ok := repairBrackets(w); ok {
					w.Text = t
				}
				wp.Words = append(wp.Words, pdfdoc.Word{Text: w.Text, X0: w.X0, Y0: w.Y0, X1: w.X1, Y1: w.Y1, Conf: w.Conf})
			}
			wps = append(wps, wp)
		}
	}
	blocks, err := pdfdoc.Blocks(wps)
	if err != nil {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("%s: OCR layout failed: %v", src.Name(), err))
	}
	doc.Blocks = blocks
	for _, b := range doc.Blocks {
		if b.Kind == extract.TableBlock {
			repairTable(b.Table)
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind == extract.Heading || b.Kind == extract.Paragraph {
			doc.Title = b.Text
			break
		}
	}
	return doc
}

// Word filters, as multiples of the page's median word height.
const (
	tallWord = 3.0 // a word this much taller than the page's median word is a misread rule or box
	// valueShare is the share of a region's words that are values from
	// which it is the amount columns of the table to its left, which
	// tesseract segmented apart: a region with its own labels has about
	// half.
	valueShare = 0.8
)

// speckSize is the largest width and height, as a share of the page's
// median word height, of a "word" without letters or digits that is a
// speck of the scan, not a mark: a dot, where a dash is as wide as a
// digit.
const speckSize = 0.3

// dropSpecks leaves out the specks: tesseract reads one as "." or "'"
// (at confidence 0) inside a header, where it splits the header's words.
func dropSpecks(words []Word) []Word {
	if len(words) == 0 {
		return words
	}
	limit := speckSize * medianHeight(words)
	return slices.DeleteFunc(slices.Clone(words), func(w Word) bool {
		return w.X1-w.X0 < limit && w.Y1-w.Y0 < limit && !strings.ContainsFunc(w.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	})
}

// medianHeight returns the median height of the boxes of words, which
// must not be empty.
func medianHeight(words []Word) float64 {
	h := make([]float64, len(words))
	for i, w := range words {
		h[i] = w.Y1 - w.Y0
	}
	slices.Sort(h)
	return h[len(h)/2]
}

// dropTall leaves out the words much taller than the page's median word:
// tesseract reads a cell border or shading as a tall "word" ("nnn") that
// would join the lines it spans.
func dropTall(words []Word) []Word {
	limit := tallWord * medianHeight(words)
	out := make([]Word, 0, len(words))
	for _, w := range words {
		if w.Y1-w.Y0 <= limit {
			out = append(out, w)
		}
	}
	return out
}

// codeGap is the widest gap, in heights of the code's box, between an
// itemCode and the first word of its label: a tab stop, wider than the
// layout's cell gap, in the Wassenaar overviews about 1.2.
const codeGap = 2.0

// maxCodeWords is the most words joinCodes takes after a code: a number
// OCR split off it ("6.21 25"), then the first word of the label.
const maxCodeWords = 3

// joinCodes joins the first word of a line, when it is an itemCode or a
// number (a code OCR misread: "6.825" for "6.82a"), with the word right
// of it when that starts with a letter: "4.1" and "Openbaar" at a tab
// stop apart are one label, which the layout would read as a number or
// text column left of the values, losing the table's header.
func joinCodes(words []Word) []Word {
	out := slices.Clone(words)
	drop := make([]bool, len(out))
	// next is the nearest word right of word k on its line within
	// codeGap, or -1.
	next := func(k int) int {
		a, best := &out[k], -1
		for j := range out {
			b := &out[j]
			if j == k || drop[j] || !online(a, b) || b.X0 < a.X1 || b.X0-a.X1 > codeGap*max(a.Y1-a.Y0, b.Y1-b.Y0) {
				continue
			}
			if best < 0 || b.X0 < out[best].X0 {
				best = j
			}
		}
		return best
	}
	leading := func(k int) bool {
		for j := range out {
			if j != k && !drop[j] && out[j].X1 <= out[k].X0 && online(&out[k], &out[j]) {
				return false
			}
		}
		return true
	}
	for i := range out {
		a := &out[i]
		if drop[i] || !itemCode.MatchString(a.Text) && !vocab.IsNumber(a.Text) || !leading(i) {
			continue
		}
		// The code's words (a number OCR split off: "6.21 25"), then the
		// first word of the label.
		var chain []int
		label := false
		for k := i; len(chain) < maxCodeWords && !label; {
			n := next(k)
			if n < 0 {
				break
			}
			r, _ := utf8.DecodeRuneInString(out[n].Text)
			label = unicode.IsLetter(r)
			if !label && !vocab.IsNumber(out[n].Text) {
				break
			}
			chain = append(chain, n)
			k = n
		}
		if !label {
			continue
		}
		for _, n := range chain {
			b := out[n]
			a.Text += " " + b.Text
			a.X1, a.Y0, a.Y1 = b.X1, min(a.Y0, b.Y0), max(a.Y1, b.Y1)
			a.Conf = min(a.Conf, b.Conf)
			drop[n] = true
		}
	}
	kept := out[:0]
	for i, w := range out {
		if !drop[i] {
			kept = append(kept, w)
		}
	}
	return kept
}

// regions splits a page's words into regions that tesseract segmented
// apart side by side (the two pages of a screenshot spread): its blocks
// whose horizontal extents overlap, directly or through another block, are
// one region, and a region of values only joins the one to its left.
// Regions are returned left to right.
func regions(words []Word) [][]Word {
	type box struct{ x0, x1 float64 }
	boxes := map[int]*box{}
	var ids []int
	for _, w := range words {
		b, ok := boxes[w.Block]
		if !ok {
			boxes[w.Block] = &box{w.X0, w.X1}
			ids = append(ids, w.Block)
			continue
		}
		b.x0, b.x1 = min(b.x0, w.X0), max(b.x1, w.X1)
	}
	// Sweep the blocks by left edge; a block starting left of the current
	// region's right edge joins it.
	slices.SortStableFunc(ids, func(a, b int) int { return cmp.Compare(boxes[a].x0, boxes[b].x0) })
	region := map[int]int{}
	n, right := -1, math.Inf(-1)
	for _, id := range ids {
		b := boxes[id]
		if b.x0 >= right {
			n++
		}
		right = max(right, b.x1)
		region[id] = n
	}
	out := make([][]Word, n+1)
	for _, w := range words {
		out[region[w.Block]] = append(out[region[w.Block]], w)
	}
	merged := out[:1]
	for _, r := range out[1:] {
		if k := len(merged) - 1; valuesOnly(r) || splitRows(merged[k], r) >= minSplitRows {
			merged[k] = append(merged[k], r...)
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// minSplitRows is the number of rows a table must have across two
// regions for them to be one: a table whose labels tesseract segmented
// apart from its amounts in every row (a label column, then a wide gap),
// where the region of the amounts also holds text (the right column of a
// two-column page below the table). One row could be a coincidence of a
// spread's two pages.
const minSplitRows = 2

// splitRows counts the lines of region r that start with a value (not
// an itemCode, which starts a row's label) and continue a line of region
// left: the rows of a table whose labels are in left.
func splitRows(left, r []Word) int {
	var starts []Word
	for _, v := range r {
		if !vocab.IsValue(v.Text) || itemCode.MatchString(v.Text) || !slices.ContainsFunc(left, func(w Word) bool { return online(&w, &v) }) {
			continue
		}
		if slices.ContainsFunc(r, func(w Word) bool { return w.X1 <= v.X0 && online(&w, &v) }) {
			continue // not the line's first word in r
		}
		if !slices.ContainsFunc(starts, func(w Word) bool { return online(&w, &v) }) {
			starts = append(starts, v)
		}
	}
	return len(starts)
}

// online reports whether a and b overlap vertically by half the lower of
// them: words on one line.
func online(a, b *Word) bool {
	return min(a.Y1, b.Y1)-max(a.Y0, b.Y0) >= min(a.Y1-a.Y0, b.Y1-b.Y0)/2
}

// valuesOnly reports whether at least valueShare of the words are values.
func valuesOnly(words []Word) bool {
	n := 0
	for _, w := range words {
		if vocab.IsValue(w.Text) {
			n++
		}
	}
	return float64(n) >= valueShare*float64(len(words))
}

// gridMarks are the characters tesseract reads from table rules next to a
// word ("|", "_", "[", "}"); they are trimmed from word ends.
const gridMarks = "|_[]{}¦"

// clean trims rule marks from a word: the characters of gridMarks, an
// opening bracket without its closing one (a rule left of "(0.1"), and
// the comma or dot that a rule below a number becomes ("-1.285.196,"). It
// returns "" for a word of marks only.
func clean(text string) string {
	t := strings.Trim(text, gridMarks)
	if strings.HasPrefix(t, "(") && !strings.Contains(t, ")") {
		t = t[1:]
	}
	if u := strings.TrimRight(t, ",.;:"); u != t && vocab.IsNumber(u) {
		t = u
	}
	return t
}

// misreadSign maps what tesseract makes of a minus sign in small type.
var misreadSign = strings.NewReplacer("=-", "-", "=", "-", "„", "-", "~", "-")

// misreadZero are tesseract's readings of a lone 0 in a table cell, alone
// or with the rule right of it.
var misreadZero = map[string]bool{"o": true, "O": true, "Of": true, "of": true, "0f": true}

// repairSign returns the number a word shows when OCR misread its minus
// sign ("=20", "„1.655"), and false for any other word.
func repairSign(text string) (string, bool) {
	if r := misreadSign.Replace(text); r != text && len(r) > 1 && r[0] == '-' && vocab.IsNumber(r) {
		return r, true
	}
	return text, false
}

// numberMarks are the characters besides digits of a number or of the
// unit "€ '000".
const numberMarks = ".,'’-()"

// repairZeros returns a word of digits and marks with its letters O read
// as zeros ("'00O", "1.O00"), and false for any other word: tesseract
// reads a 0 next to digits as O in small type.
func repairZeros(text string) (string, bool) {
	digit, o := false, false
	for _, r := range text {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case r == 'O' || r == 'o':
			o = true
		case !strings.ContainsRune(numberMarks, r):
			return text, false
		}
	}
	if !digit || !o {
		return text, false
	}
	return strings.NewReplacer("O", "0", "o", "0").Replace(text), true
}

// bracketFit is the least width of a bracketed number's box, in box
// heights: "(0)" is three glyphs of about 0.5 em in a box about 0.95 em
// high (bracket top to bottom), so a narrower box holds a lone digit
// whose neighbouring rules tesseract read as brackets.
const bracketFit = 1.0

// repairBrackets returns the number in brackets of a word whose box is
// too narrow for its brackets ("(0)" for a 0 between two cell rules), and
// false for any other word.
func repairBrackets(w Word) (string, bool) {
	inner, ok := strings.CutPrefix(w.Text, "(")
	if inner, ok2 := strings.CutSuffix(inner, ")"); ok && ok2 && vocab.IsNumber(inner) && w.X1-w.X0 < bracketFit*(w.Y1-w.Y0) {
		return inner, true
	}
	return w.Text, false
}

// repairTable joins the text columns left of the first value column into
// the label (joinLabel), reads misreadZero as 0 in the body cells right
// of the label (where "of" is no word), then repairs the commas of each
// column (fixCommas).
func repairTable(t *extract.Table) {
	joinLabel(t)
	cols := 0
	for _, row := range t.Rows {
		cols = max(cols, len(row))
		for k := 1; k < len(row); k++ {
			if c := &row[k]; !c.Header && misreadZero[c.Text] {
				c.Text = "0"
			}
		}
	}
	for k := 1; k < cols; k++ {
		fixCommas(t.Rows, k)
	}
}

// itemCode is a taakveld or item number before a row's label: "4.1",
// "6.71a".
var itemCode = regexp.MustCompile(`^\d{1,2}\.\d{1,2}[a-z]?$`)

// joinLabel joins the columns left of the values (the run of columns at
// the right whose body cells mostly hold values) into the label cell: OCR boxes do not keep a taakveld code and
// its name ("4.1", "Openbaar basisonderwijs") at a word's distance, so
// the layout can read them as two text columns.
func joinLabel(t *extract.Table) {
	cols := 0
	for _, row := range t.Rows {
		cols = max(cols, len(row))
	}
	first := cols
	for ; first > 1; first-- {
		values, texts := 0, 0
		for _, row := range t.Rows {
			k := first - 1
			switch {
			case k >= len(row) || row[k].Header || row[k].Text == "":
			case strings.ContainsFunc(row[k].Text, unicode.IsLetter) || itemCode.MatchString(row[k].Text):
				texts++
			default:
				values++
			}
		}
		if values <= texts {
			break
		}
	}
	if first == 1 {
		return
	}
	for i, row := range t.Rows {
		if len(row) <= first {
			continue
		}
		var parts []string
		for _, c := range row[:first] {
			if c.Text != "" && !c.Spanned {
				parts = append(parts, c.Text)
			}
		}
		label := row[0]
		for _, c := range row[1:first] {
			if c.OCR && (!label.OCR || c.Confidence < label.Confidence) {
				label.OCR, label.Confidence = true, c.Confidence
			}
		}
		label.Text = strings.Join(parts, " ")
		t.Rows[i] = append([]extract.Cell{label}, row[first:]...)
	}
}

var (
	thousands  = regexp.MustCompile(`\d\.\d{3}(\D|$)`)
	anyComma   = regexp.MustCompile(`\d,\d`)
	commaAsDot = regexp.MustCompile(`^[^,]*\d,\d{3}(\.\d{3})*\D*$`)
	ungrouped  = regexp.MustCompile(`^-?\d{4,}$`)
)

// fixCommas turns "-4,129" into "-4.129" in column k of the body rows when
// the column groups thousands with dots elsewhere and each of its commas
// is followed by exactly three digits: tesseract reads the thousands dot
// of small type as a comma, while a column of amounts mixes no decimals in.
// In such a column it also puts back the dots tesseract lost ("-18819"
// for "-18.819"), which leaves the value as it is.
func fixCommas(rows [][]extract.Cell, k int) {
	dots := false
	var commas, bare []*extract.Cell
	for _, row := range rows {
		if k >= len(row) {
			continue
		}
		c := &row[k]
		switch {
		case c.Header || c.Spanned:
		case anyComma.MatchString(c.Text):
			if !commaAsDot.MatchString(c.Text) {
				return
			}
			commas = append(commas, c)
		case thousands.MatchString(c.Text):
			dots = true
		case ungrouped.MatchString(c.Text):
			bare = append(bare, c)
		}
	}
	if !dots {
		return
	}
	for _, c := range commas {
		c.Text = strings.Replace(c.Text, ",", ".", 1)
	}
	for _, c := range bare {
		c.Text = group(c.Text)
	}
}

// group puts a dot between each three digits of an integer, from the right.
func group(n string) string {
	sign, digits := "", n
	if strings.HasPrefix(n, "-") {
		sign, digits = "-", n[1:]
	}
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}
