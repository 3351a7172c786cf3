package recognize

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
)

// IndicatorValue is one value of an indicator table, as printed.
type IndicatorValue struct {
	Table    string
	Section  []string
	Group    string // a label row above the indicator ("Jeugd")
	Name     string
	Label    string // the value's own label inside a multi-value cell
	Column   string
	Raw      string // the value as printed, with its unit: "350 kind", "97%", "€ 4,65 miljoen"
	Unit     string // from a unit column (Eenheid), when the table has one
	Source   string
	Code     string
	Taakveld string
	Note     bool `json:",omitempty"` // a bound printed as a bare number in a column of norm bands: a note, never a value
	Pos      extract.Pos
}

// labelledValue is one line of a multi-value cell: "Jongeren: 7,1".
var labelledValue = regexp.MustCompile(`^([^:\d][^:]{0,60}):\s*(.+)$`)

const (
	colName = iota + 1
	colDescr
	colCode
	colTaakveld
	colUnit
	colSource
	colValue
	colSkip
)

// indicatorLayout is what an indicator table's header says about its
// columns; a continuation on the next page without a header reuses it.
type indicatorLayout struct {
	title  string
	labels []string
	roles  []int
	page   int // the page the table ends on; 0 without pages
}

// maxBetween is how many text blocks (a repeated page heading, a page
// number) may stand between a table and its continuation on the next page.
const maxBetween = 2

// indicatorTables takes the indicator tables, each with the tables that
// continue it directly on the next page. A few short headings and
// paragraphs (a repeated page heading) may stand between a table and its
// continuation; running text, a new heading, more blocks or any other
// block, including a table another recogniser took, ends it.
func indicatorTables(c *context, res *Result) {
	var last *indicatorLayout // the indicator table a next table may continue
	between := 0
	for i, b := range c.doc.Blocks {
		switch {
		case c.table(i) != nil:
			prev := last
			if first, _ := pages(b.Table); prev != nil && (between > maxBetween || !nextPage(prev.page, first)) {
				prev = nil
			}
			var values []IndicatorValue
			values, last = indicatorTable(c, i, prev)
			res.Indicators = append(res.Indicators, values...)
			if last != nil {
				c.take(i)
				_, last.page = pages(b.Table)
			}
			between = 0
		case last != nil && (isProse(b) || (b.Kind == extract.Heading && !slices.Contains(c.sections[i], b.Text))):
			last = nil
		case b.Kind == extract.Heading || b.Kind == extract.Paragraph:
			between++
		default:
			last = nil
		}
	}
}

// nextPage: a table on page p continues one that ends on page prev. Pages
// are 0 for formats without pages.
func nextPage(prev, p int) bool {
	return prev == 0 || p == 0 || p == prev || p == prev+1
}

// pages are the pages of a table's first and last cells; 0 without pages.
func pages(t *extract.Table) (first, last int) {
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Pos.Page > 0 && (first == 0 || c.Pos.Page < first) {
				first = c.Pos.Page
			}
			last = max(last, c.Pos.Page)
		}
	}
	return first, last
}

// indicatorTable returns the values of block i when it is an indicator
// table, and its layout. A table without an indicator header right after an
// indicator table (prev) with as many columns continues that table: its
// "header" rows are body rows.
func indicatorTable(c *context, i int, prev *indicatorLayout) ([]IndicatorValue, *indicatorLayout) {
	t := c.doc.Blocks[i].Table
	header, body := splitHeader(t.Rows)
	// A row of years and year notes right under the header, with no name,
	// is the header's last line ("(2022)" under "Peilwaarde", "2023"
	// under "Resultaat"): no values stand above it to be noted.
	for len(header) > 0 && len(body) > 1 && (yearsUnder(body[0]) || headingUnder(body[0], body[1])) {
		header, body = append(header, body[0]), body[1:]
	}
	width := 0
	for _, r := range header {
		width = max(width, len(r))
	}
	labels := make([]string, 0, width)
	hint := vocab.IsIndicatorHint(t.Caption)
	for col := 0; col < width; col++ {
		l := columnLabel(header, col)
		labels = append(labels, l)
		hint = hint || vocab.IsIndicatorHint(l)
	}
	if riskRegister(labels) {
		return nil, nil
	}
	headerHint := hint
	for _, prevBlock := range c.before(i, 3) {
		hint = hint || vocab.IsIndicatorHint(prevBlock.Text)
	}
	for _, s := range c.sections[i] {
		hint = hint || vocab.IsIndicatorHint(s)
	}
	var layout *indicatorLayout
	switch {
	case prev != nil && !headerHint && tableWidth(t.Rows) == len(prev.labels):
		layout = prev
		body = t.Rows
	case hint && len(header) > 0 && len(body) > 0:
		title := t.Caption
		if title == "" && len(c.sections[i]) > 0 {
			title = c.sections[i][len(c.sections[i])-1]
		}
		layout = &indicatorLayout{title: title, labels: labels, roles: indicatorRoles(header, body, labels)}
	default:
		return nil, nil
	}
	labels, roles, title := layout.labels, layout.roles, layout.title
	var out []IndicatorValue
	group := ""
	body = mergeFragments(body, roles)
	if n := len(body); n > 0 {
		if tail := nameTail(c, i, body[n-1], roles); tail != "" {
			line := make([]extract.Cell, slices.Index(roles, colName)+1)
			line[len(line)-1].Text = tail
			body[n-1] = joinRows(body[n-1], line)
		}
	}
	bands := bandColumns(body, roles)
	numbered := numberedNames(body, roles, labels)
	for _, row := range body {
		rowRoles, rowLabels := roles, labels
		// One cell more than the header: the unit printed after the value.
		if len(row) == len(roles)+1 {
			rowRoles, rowLabels = shiftUnit(roles, labels)
		}
		if distinctTexts(row) == 1 {
			group = collapse(row[0].Text)
			continue
		}
		iv := IndicatorValue{Table: title, Section: c.sections[i], Group: group}
		var values []int
		for col, cell := range row {
			if col >= len(rowRoles) {
				break
			}
			text := collapse(cell.Text)
			switch rowRoles[col] {
			case colName:
				name, code := nameAndCode(cell.Text, iv.Code, numbered)
				iv.Name, iv.Code = strings.TrimSpace(iv.Name+" "+name), code
			case colCode:
				iv.Code = text
			case colTaakveld:
				iv.Taakveld = text
			case colUnit:
				iv.Unit = text
			case colSource:
				iv.Source = text
			case colValue:
				if !cell.Spanned {
					values = append(values, col) // an empty cell is a value too: none
				}
			}
		}
		if iv.Name == "" {
			continue
		}
		for _, col := range values {
			if col >= len(rowLabels) {
				break
			}
			cell := row[col]
			lines := joinYearNotes(strings.Split(cell.Text, "\n"))
			if whole := collapse(cell.Text); vocab.IsBand(whole) {
				lines = []string{whole} // a band over several lines is one note
			}
			for k, l := range lines {
				l = collapse(l)
				if l == "" && (k > 0 || len(lines) > 1) {
					continue
				}
				v := iv
				v.Column = rowLabels[col]
				v.Pos = cell.Pos
				v.Raw = l
				v.Note = bands[col] && len(row) <= len(roles) && vocab.IsNumber(l)
				if len(lines) > 1 {
					if m := labelledValue.FindStringSubmatch(l); m != nil {
						v.Label, v.Raw = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
					}
				}
				out = append(out, v)
			}
		}
	}
	return out, layout
}

// hyphenBreak is a word broken over two header lines: "Vol-" above
// "doende", joined with a space.
var hyphenBreak = regexp.MustCompile(`\pL- \p{Ll}+`)

// minBrokenTail is the shortest rest of a broken word: the words that
// leave a hyphenated word open ("dak- en thuislozen", "in- of verkoop")
// are shorter.
const minBrokenTail = 3

// unhyphenated joins the words of a header label that a hyphen broke over
// two lines: "Vol- doende" gives "Voldoende".
// A word broken twice ("Des- inves- tering") takes a second pass: the
// first match ends inside it.
func unhyphenated(label string) string {
	for {
		joined := hyphenBreak.ReplaceAllStringFunc(label, func(m string) string {
			k := strings.Index(m, "- ")
			if utf8.RuneCountInString(m[k+2:]) < minBrokenTail {
				return m
			}
			return m[:k] + m[k+2:]
		})
		if joined == label {
			return label
		}
		label = joined
	}
}

// bandColumns marks the value columns of norm bands: more than half of
// their non-empty body cells are bands ("<50 / >30", ">100"). A bare
// number there is a bound as well ("0" for "<0"), no value.
func bandColumns(body [][]extract.Cell, roles []int) map[int]bool {
	out := map[int]bool{}
	for col, role := range roles {
		if role != colValue {
			continue
		}
		cells, bands := 0, 0
		for _, row := range body {
			if col >= len(row) || len(row) > len(roles) {
				continue
			}
			switch s := collapse(row[col].Text); {
			case s == "":
			case vocab.IsBand(s):
				bands++
				cells++
			default:
				cells++
			}
		}
		out[col] = 2*bands > cells
	}
	return out
}

// isYearNote: a cell holding only the year of the value above, "(2017)",
// which a reader put on a row of its own.
func isYearNote(s string) bool {
	rest, ok := vocab.CutYearNote(s)
	return ok && rest == ""
}

// onlyYearNotes: every non-empty cell of row is a year note.
func onlyYearNotes(row []extract.Cell) bool {
	notes := 0
	for _, c := range row {
		switch {
		case isYearNote(c.Text):
			notes++
		case collapse(c.Text) != "":
			return false
		}
	}
	return notes > 0
}

// yearsUnder reports whether row has no name and holds years or year
// notes only: the rest of a heading, not notes.
func yearsUnder(row []extract.Cell) bool {
	n := 0
	for k, c := range row {
		t := collapse(c.Text)
		switch {
		case t == "":
		case k == 0 || !vocab.IsYear(t) && !isYearNote(t):
			return false
		default:
			n++
		}
	}
	return n > 0
}

// headingUnder reports whether row, right under a header, is that
// header's last line ("Effectindicator (2022) Begroting 2023 2023"): it
// holds no value, only years and year notes and at least one heading with
// a year beside the label, and the row after it holds numbers, with or
// without a unit word ("211,4 kg").
func headingUnder(row, next []extract.Cell) bool {
	headings := 0
	for k, c := range row {
		t := collapse(c.Text)
		switch {
		case k == 0 || t == "" || vocab.IsYear(t) || isYearNote(t):
		case slices.ContainsFunc(strings.Fields(t), vocab.IsYear) && !vocab.IsValue(t):
			headings++
		default:
			return false
		}
	}
	return headings > 0 && valueCells(row) == 0 && slices.ContainsFunc(next[1:], func(c extract.Cell) bool {
		f := strings.Fields(c.Text)
		return len(f) > 0 && vocab.IsNumber(f[0]) && !vocab.IsYear(f[0])
	})
}

// wordNote is a note in brackets that holds words, printed under a value:
// "(plus 156)". A number in brackets, "(1.655)", is a value of its own.
var wordNote = regexp.MustCompile(`^\(.*\pL.*\)$`)

// joinYearNotes puts a line holding only a year note or a word note after
// the value on the line above it: "1,2%", "(2017)" gives "1,2% (2017)". A
// year note with no value above it is left out: it is no value.
func joinYearNotes(lines []string) []string {
	var out []string
	for _, l := range lines {
		above := len(out) > 0 && collapse(out[len(out)-1]) != ""
		switch {
		case isYearNote(l) || above && wordNote.MatchString(collapse(l)):
			if above {
				out[len(out)-1] += " " + collapse(l)
			}
		default:
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		out = []string{""} // a cell of year notes only: a value left empty
	}
	return out
}

func tableWidth(rows [][]extract.Cell) int {
	w := 0
	for _, r := range rows {
		w = max(w, len(r))
	}
	return w
}

// indicatorRoles gives each column a role from its header label and,
// where the label says nothing or the body contradicts it, from its body
// cells: a column of text is no value column, a column of years is a
// reference date, a column of small whole numbers before the name holds
// codes.
func indicatorRoles(header, body [][]extract.Cell, labels []string) []int {
	roles := make([]int, len(labels))
	for col, l := range labels {
		switch {
		case l == "" && columnKind(body, col, len(labels)) == textColumn && !hasRole(roles[:col], colName):
			roles[col] = colName
		case l == "":
			roles[col] = colValue
		case vocab.IsIndicatorRole(vocab.RoleCode, l):
			roles[col] = colCode
		case vocab.IsIndicatorRole(vocab.RoleTaakveld, l):
			roles[col] = colTaakveld
		case vocab.IsIndicatorRole(vocab.RoleUnit, l):
			roles[col] = colUnit
		case vocab.IsIndicatorRole(vocab.RoleSource, l):
			roles[col] = colSource
		case vocab.IsIndicatorRole(vocab.RoleSkip, l):
			roles[col] = colSkip
		case vocab.IsIndicatorRole(vocab.RoleName, l) && !hasRole(roles[:col], colName):
			roles[col] = colName
		case vocab.IsIndicatorRole(vocab.RoleDescription, l):
			roles[col] = colDescr
		default:
			roles[col] = colValue
		}
		// A value header spanning two columns: value, then unit.
		if col > 0 && roles[col-1] == colValue && spannedCopy(header, col) {
			roles[col] = colUnit
		}
	}
	if len(roles) > 0 && roles[0] == colValue && !hasRole(roles, colName) {
		roles[0] = colName
	}
	// Columns without a header right of the name hold the rest of the name
	// (a reader may split "30." from "Jongeren met jeugdbescherming").
	// But a name column whose words recur in other rows beside an unheaded
	// text column that never repeats itself holds the units ("FTE per
	// 1000 inwoners" beside "Bezetting", "Formatie"): the names are the
	// column right of it.
	for col := 1; col < len(roles); col++ {
		switch {
		case roles[col-1] != colName || labels[col] != "":
		case col == 1 && columnKind(body, col, len(labels)) == textColumn && repeats(body, 0) && !repeats(body, col):
			roles[0], roles[col] = colUnit, colName
		default:
			roles[col] = colName
		}
	}
	name := slices.Index(roles, colName)
	for col, r := range roles {
		if r != colValue {
			continue
		}
		switch columnKind(body, col, len(labels)) {
		case textColumn:
			roles[col] = colDescr
		case yearColumn:
			roles[col] = colSkip
		case codeColumn:
			if col < name {
				roles[col] = colCode
			}
		}
	}
	return roles
}

// repeats: a text of column col stands in more than one body row.
func repeats(body [][]extract.Cell, col int) bool {
	seen := map[string]bool{}
	for _, row := range body {
		if col >= len(row) {
			continue
		}
		t := collapse(row[col].Text)
		if t != "" && seen[t] {
			return true
		}
		seen[t] = true
	}
	return false
}

// What the body cells of a column hold.
const (
	mixedColumn = iota // values, or a mix
	textColumn         // words, not values
	yearColumn         // years only
	codeColumn         // small whole numbers, "21." or "2"
)

// codeCell is a programme or indicator number.
var codeCell = regexp.MustCompile(`^\d{1,2}\.?$`)

// columnKind tells what the non-empty body cells of column col hold, in
// the rows no wider than the header (width): a wider row is shifted by a
// unit printed after its value.
func columnKind(body [][]extract.Cell, col, width int) int {
	cells, text, years, codes := 0, 0, 0, 0
	for _, row := range body {
		if col >= len(row) || len(row) > width || row[col].Spanned {
			continue
		}
		s := collapse(row[col].Text)
		if s == "" {
			continue
		}
		cells++
		switch {
		case vocab.IsYear(s):
			years++
		case codeCell.MatchString(s):
			codes++
		case !strings.ContainsAny(unnumbered(s), "0123456789") && !vocab.IsMarker(s):
			text++
		}
	}
	switch {
	case cells == 0:
		return mixedColumn
	case years == cells:
		return yearColumn
	case codes == cells:
		return codeColumn
	case 2*text > cells:
		return textColumn
	}
	return mixedColumn
}

func hasRole(roles []int, role int) bool {
	for _, r := range roles {
		if r == role {
			return true
		}
	}
	return false
}

// spannedCopy: the last header row's cell at col is a copy of the cell left
// of it.
func spannedCopy(header [][]extract.Cell, col int) bool {
	last := header[len(header)-1]
	return col < len(last) && last[col].Spanned && last[col].Text == last[col-1].Text
}

// shiftUnit inserts a unit column after the first value column, into the
// roles and, as an empty label, into the labels.
func shiftUnit(roles []int, labels []string) ([]int, []string) {
	outRoles := make([]int, 0, len(roles)+1)
	outLabels := make([]string, 0, len(roles)+1)
	inserted := false
	for col, r := range roles {
		outRoles = append(outRoles, r)
		if col < len(labels) {
			outLabels = append(outLabels, labels[col])
		}
		if r == colValue && !inserted && !hasRole(roles, colUnit) {
			outRoles = append(outRoles, colUnit)
			outLabels = append(outLabels, "")
			inserted = true
		}
	}
	if !inserted {
		outRoles = append(outRoles, colSkip)
	}
	return outRoles, outLabels
}

func distinctTexts(row []extract.Cell) int {
	seen := map[string]bool{}
	for _, c := range row {
		if t := collapse(c.Text); t != "" {
			seen[t] = true
		}
	}
	return len(seen)
}

// codePrefix is an indicator number before the name, possibly after a
// programme number: "6. Verwijzingen Halt", "1 6. Verwijzingen Halt".
var codePrefix = regexp.MustCompile(`^(?:\d{1,2}\s+)?(\d{1,3})[.)](?:\s+|$)`)

// itemNumber is the number that leads a name, also with a letter or
// without a space after it: "3. Grondexploitatie", "1a. Netto
// schuldquote", "2.Solvabiliteitsratio".
var itemNumber = regexp.MustCompile(`^(?:\d{1,2}\s+)?\d{1,3}[a-z]?[.)]\s*\pL`)

// unnumbered is a cell's text without the number that leads it: a name
// such as "3. Grondexploitatie" is text.
func unnumbered(s string) string {
	if m := itemNumber.FindString(s); m != "" {
		_, n := utf8.DecodeLastRuneInString(m)
		return s[len(m)-n:]
	}
	return s
}

// bareCode is an indicator number before the name without a full stop
// ("17 Absoluut verzuim"): the number column of a table printed into the
// name cells.
var bareCode = regexp.MustCompile(`^((\d{1,3})\s+)\pL`)

// minNumberedNames is how many name cells must all start with a bare
// number before it is read as a code: one row's "18 jaar" may be a name.
const minNumberedNames = 2

// numberedNames reports whether every name cell of body has a line that
// starts with a bare number, each a different one, in at least
// minNumberedNames rows, or in any number of rows when the name column's
// label starts with a code heading ("Nr. Beleidsindicator"): the numbers
// are the indicators' codes.
func numberedNames(body [][]extract.Cell, roles []int, labels []string) bool {
	col := slices.Index(roles, colName)
	if col < 0 {
		return false
	}
	need := minNumberedNames
	if col < len(labels) {
		if f := strings.Fields(labels[col]); len(f) > 1 && vocab.IsIndicatorRole(vocab.RoleCode, f[0]) {
			need = 1
		}
	}
	seen := map[string]bool{}
	for _, row := range body {
		if col >= len(row) || collapse(row[col].Text) == "" {
			continue
		}
		code := ""
		for _, l := range strings.Split(row[col].Text, "\n") {
			if m := bareCode.FindStringSubmatch(collapse(l)); m != nil {
				code = m[2]
				break
			}
		}
		if code == "" || seen[code] {
			return false
		}
		seen[code] = true
	}
	return len(seen) >= need
}

// nameAndCode cleans a name cell: a leading "- ", and an indicator number
// on any of its lines (a wrapped name may have the number on its middle
// line), which becomes the code unless a code column gave one. With
// numbered, a bare number without a full stop is a code too.
func nameAndCode(cell, code string, numbered bool) (string, string) {
	var parts []string
	for _, l := range strings.Split(cell, "\n") {
		l = collapse(l)
		m := codePrefix.FindStringSubmatch(l)
		if b := bareCode.FindStringSubmatch(l); m == nil && numbered && b != nil {
			m = b[1:]
		}
		if m != nil {
			if code == "" {
				code = m[1]
			}
			l = l[len(m[0]):]
		}
		if l != "" {
			parts = append(parts, l)
		}
	}
	return strings.TrimPrefix(strings.Join(withoutExplanation(parts), " "), "- "), code
}

// minExplanationWords is the length of the shortest explanation printed
// under a name: a wrapped name's next line is a few words, no sentence.
const minExplanationWords = 5

// withoutExplanation is the lines of a name cell up to the explanation the
// publisher printed under the name: after a line ending in a colon
// ("Afspraken ketenpartners:" above its norm), or from a line that starts
// a sentence running to a full stop at the cell's end ("Zegt iets over de
// mate waarin …") or a remark in brackets (longRemark: "(plus nieuw
// toegevoegde woningen …)"; "(in de openbare ruimte)" is part of the name).
func withoutExplanation(lines []string) []string {
	for k := 0; k+1 < len(lines); k++ {
		if strings.HasSuffix(lines[k], ":") {
			return append(lines[:k:k], strings.TrimSpace(strings.TrimSuffix(lines[k], ":")))
		}
	}
	for k := 1; k < len(lines); k++ {
		r, _ := utf8.DecodeRuneInString(lines[k])
		rest := strings.Join(lines[k:], " ")
		sentence := unicode.IsUpper(r) && strings.HasSuffix(rest, ".")
		if sentence && len(strings.Fields(rest)) >= minExplanationWords || r == '(' && longRemark(rest) {
			return lines[:k]
		}
	}
	return lines
}

// mergeFragments joins rows that hold only wrapped text (no value, or just
// a continuation line) to the nearest row with values, by vertical
// position when the reader gives one (PDF), else to the row below.
func mergeFragments(body [][]extract.Cell, roles []int) [][]extract.Cell {
	hasValue := func(row []extract.Cell) bool {
		for col, c := range row {
			if col < len(roles) && roles[col] == colValue && collapse(c.Text) != "" && !isYearNote(c.Text) {
				return true
			}
		}
		return false
	}
	startsLower := func(row []extract.Cell) bool {
		for col, c := range row {
			if col < len(roles) && roles[col] == colName {
				r, _ := utf8.DecodeRuneInString(collapse(c.Text))
				return unicode.IsLower(r)
			}
		}
		return false
	}
	// A name wrapped onto the next row, which goes on in lower case. When
	// the row after that does too, the rows are items under a heading.
	// A name printed partly above its values (centred on them) goes on
	// in the next row whatever the case of its next line, and so does a
	// name one line above the next where the values stand on the last
	// line of their names (lastLineLead).
	// A name over three rows whose middle row, without values, goes on in
	// lower case runs on into the row of values below it.
	lead := lastLineLead(body, roles)
	wrapsDown := func(k int) bool {
		if k+2 < len(body) && !hasValue(body[k+1]) && startsLower(body[k+1]) && hasValue(body[k+2]) {
			return true
		}
		return k+1 < len(body) && hasValue(body[k+1]) && (nameDrop(body[k+1], roles) > centreTolerance ||
			startsLower(body[k+1]) && (k+2 >= len(body) || !startsLower(body[k+2])) ||
			firstLinesOf(body, k, lead))
	}
	isFragment := func(k int) bool {
		row := body[k]
		if hasValue(row) || distinctTexts(row) == 0 {
			return false
		}
		if wrapsDown(k) {
			return true
		}
		for col, c := range row {
			t := collapse(c.Text)
			if t == "" {
				continue
			}
			if col < len(roles) && roles[col] != colName {
				return true // text outside the name column: a wrapped cell
			}
			r, _ := utf8.DecodeRuneInString(t)
			if unicode.IsLower(r) || r == '(' {
				return true
			}
		}
		return false
	}
	// body is the table's own rows: joins go to out and to carry (a
	// fragment waiting for the row below), never back into body.
	var out [][]extract.Cell
	var carry []extract.Cell
	for k, row := range body {
		if carry != nil {
			row, carry = joinRows(carry, row), nil
		}
		if n := len(out); n > 0 && continuesBand(out[n-1], row, roles) {
			out[n-1] = joinRows(out[n-1], row)
			continue
		}
		if n := len(out); n > 0 && explains(row, roles) {
			out[n-1] = joinRows(out[n-1], row) // the name's remark, with the values' notes
			continue
		}
		if !isFragment(k) {
			out = append(out, row)
			continue
		}
		prev := -1
		if len(out) > 0 && hasValue(out[len(out)-1]) {
			prev = len(out) - 1
		}
		next := k+1 < len(body) && hasValue(body[k+1])
		switch {
		case wrapsDown(k):
			carry = row
		case prev >= 0 && onlyYearNotes(row):
			out[prev] = joinRows(out[prev], row) // a year note follows its value
		case prev >= 0 && centredTail(out[prev], row, roles):
			out[prev] = joinRows(out[prev], row)
		case next && (prev < 0 || rowY(body[k+1])-rowY(row) <= rowY(row)-rowY(out[prev])):
			carry = row
		case prev >= 0:
			out[prev] = joinRows(out[prev], row)
		default:
			out = append(out, row)
		}
	}
	return out
}

// lastLineLead is the distance between the lines of a name in a table that
// prints each value on the last line of its wrapped name: the rows with a
// name of several lines agree on it. It is 0 when no row shows it, when a
// row prints its values on the name's first line, or when rows disagree.
func lastLineLead(body [][]extract.Cell, roles []int) float64 {
	lead := 0.0
	for _, row := range body {
		name, value := rolePos(row, roles, colName), rolePos(row, roles, colValue)
		lines := 0
		for col, c := range row {
			if col < len(roles) && roles[col] == colName && c.Pos == name {
				lines = strings.Count(strings.TrimSpace(c.Text), "\n") + 1
			}
		}
		if lines < 2 || name.Y == 0 || value.Y == 0 {
			continue
		}
		l := (value.Y - name.Y) / float64(lines-1)
		if l <= centreTolerance || lead != 0 && math.Abs(l-lead) > centreTolerance {
			return 0
		}
		lead = l
	}
	return lead
}

// firstLinesOf: row k, without values, holds the first line of the name of
// row k+1, in a table that prints values on the last line of their names
// (lead > 0): row k+1 prints its values on its name's line, which stands
// one line below row k, and row k stands further than a line below the
// row above it (a table that pads its rows).
func firstLinesOf(body [][]extract.Cell, k int, lead float64) bool {
	if lead == 0 || k+1 >= len(body) {
		return false
	}
	next := body[k+1]
	lastY := func(row []extract.Cell) float64 {
		y := 0.0
		for _, c := range row {
			if c.Pos.Y != 0 && strings.TrimSpace(c.Text) != "" {
				y = max(y, c.Pos.Y+lead*float64(strings.Count(strings.TrimSpace(c.Text), "\n")))
			}
		}
		return y
	}
	rowsApart := k == 0 || rowY(body[k])-lastY(body[k-1]) > lead+centreTolerance
	offLine := slices.ContainsFunc(next, func(c extract.Cell) bool {
		return c.Pos.Y != 0 && strings.TrimSpace(c.Text) != "" && math.Abs(c.Pos.Y-rowY(next)) > centreTolerance
	})
	return rowsApart && !offLine && math.Abs(rowY(next)-lastY(body[k])-lead) <= centreTolerance
}

// longRemark: s, in brackets, is a remark rather than a part of a name:
// long, or with its bracket left open for the lines below.
func longRemark(s string) bool {
	return len(strings.Fields(s)) >= minExplanationWords || strings.Count(s, "(") > strings.Count(s, ")")
}

// explains: the row's name is a remark in brackets (longRemark) on the name above
// ("(plus nieuw toegevoegde woningen o.b.v. woonvisie 2030"), whose lines
// the values and their notes share: the row goes on the row above.
func explains(row []extract.Cell, roles []int) bool {
	for col, c := range row {
		if col < len(roles) && roles[col] == colName {
			t := collapse(c.Text)
			return strings.HasPrefix(t, "(") && longRemark(t)
		}
	}
	return false
}

// continuesBand: lower is the rest of the norm bands of upper: lower has
// text only in value columns, and either one of them goes on under a cell
// of upper that ends in a separator ("<50 /" above ">30"), or all of them
// are bands under empty cells of upper (bands centred on a row's values,
// printed below them).
func continuesBand(upper, lower []extract.Cell, roles []int) bool {
	open, fills, cells := false, true, 0
	for col, c := range lower {
		t := collapse(c.Text)
		if t == "" {
			continue
		}
		if col >= len(roles) || roles[col] != colValue {
			return false
		}
		above := ""
		if col < len(upper) {
			above = collapse(upper[col].Text)
		}
		cells++
		open = open || strings.HasSuffix(above, "/")
		fills = fills && above == "" && vocab.IsBand(t)
	}
	return open || fills && cells > 0
}

// centreTolerance is how far (points) the baselines of cells on one
// printed line may differ: more, and a name is centred on other lines.
const centreTolerance = 2.0

// nameDrop is how far (points, down the page) a row's name cell starts
// below its first value: positive when the name's first line sits under
// the value line, so that its lines above are in the row before; negative
// when the name starts above the values, centred on them. 0 without
// positions.
func nameDrop(row []extract.Cell, roles []int) float64 {
	name, value := rolePos(row, roles, colName), rolePos(row, roles, colValue)
	if name.Y == 0 || value.Y == 0 {
		return 0
	}
	return name.Y - value.Y
}

// rolePos is the position of the row's first positioned cell with text
// (no year note) in a column of the role.
func rolePos(row []extract.Cell, roles []int, role int) extract.Pos {
	for col, c := range row {
		if col < len(roles) && roles[col] == role && c.Pos.Y != 0 && collapse(c.Text) != "" && !isYearNote(c.Text) {
			return c.Pos
		}
	}
	return extract.Pos{}
}

// nameTail is the last line of the last row's name when the reader put it
// after the table: a paragraph on the table's page, left of the values, no
// longer than the name's longest line (one line of the name column), as
// far below the row's value line as the name's first line is above it
// (the values centred on the name).
func nameTail(c *context, i int, row []extract.Cell, roles []int) string {
	drop := nameDrop(row, roles)
	if drop >= -centreTolerance || i+1 >= len(c.doc.Blocks) {
		return ""
	}
	next, value := c.doc.Blocks[i+1], rolePos(row, roles, colValue)
	longest := 0
	for col, cell := range row {
		if col < len(roles) && roles[col] == colName {
			for _, l := range strings.Split(cell.Text, "\n") {
				longest = max(longest, len(collapse(l)))
			}
		}
	}
	text := collapse(next.Text)
	if next.Kind != extract.Paragraph || len(text) > longest || next.Pos.Page != value.Page || next.Pos.X >= value.X ||
		text == "" || math.Abs(next.Pos.Y-value.Y+drop) > centreTolerance {
		return ""
	}
	return text
}

// centredTail: lower is the last line of upper's name, which starts above
// its values: lower's name stands as far below upper's value line as
// upper's name starts above it (the values centred on the name).
func centredTail(upper, lower []extract.Cell, roles []int) bool {
	drop, name := nameDrop(upper, roles), rolePos(lower, roles, colName)
	return drop < -centreTolerance && name.Y != 0 &&
		math.Abs(name.Y-rolePos(upper, roles, colValue).Y+drop) <= centreTolerance
}

// rowY is the vertical position of a row: its first positioned cell.
func rowY(row []extract.Cell) float64 {
	for _, c := range row {
		if c.Pos.Y != 0 {
			return c.Pos.Y
		}
	}
	return 0
}

// joinRows puts the texts of upper above those of lower, cell by cell.
func joinRows(upper, lower []extract.Cell) []extract.Cell {
	out := make([]extract.Cell, max(len(upper), len(lower)))
	for k := range out {
		var a, b extract.Cell
		if k < len(upper) {
			a = upper[k]
		}
		if k < len(lower) {
			b = lower[k]
		}
		out[k] = b
		if b.Pos == (extract.Pos{}) {
			out[k].Pos = a.Pos
		}
		switch {
		case a.Text == "":
		case b.Text == "":
			out[k].Text = a.Text
		default:
			out[k].Text = a.Text + "\n" + b.Text
		}
	}
	return out
}
