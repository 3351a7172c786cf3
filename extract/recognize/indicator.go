package recognize

import (
	"regexp"
	"strings"

	"github.com/begroot/begroot/extract"
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
	Pos      extract.Pos
}

// Column roles of an indicator table, from the header text.
var (
	roleCode     = regexp.MustCompile(`(?i)^(nr\.?|nummer|code|#|id)$`)
	roleTaakveld = regexp.MustCompile(`(?i)^taakveld`)
	roleUnit     = regexp.MustCompile(`(?i)^(eenheid|meeteenheid|unit)$`)
	roleSource   = regexp.MustCompile(`(?i)^bron(nen)?$`)
	roleName     = regexp.MustCompile(`(?i)(^naam|indicator|kengetal|^omschrijving$|^prestatie)`)
	roleDescr    = regexp.MustCompile(`(?i)(meetbaar resultaat|definitie|toelichting|omschrijving|beschrijving)`)
	roleSkip     = regexp.MustCompile(`(?i)^(peildatum|periode|trend|ambitie)$`)

	// indicatorHint marks a table as an indicator table by its heading or
	// header text.
	indicatorHint = regexp.MustCompile(`(?i)(kengetal|indicator|prestatiegegevens|streefwaarde|nulmeting|meetbaar resultaat|effectindicator|prestatie-indicator)`)

	// labelledValue is one line of a multi-value cell: "Jongeren: 7,1".
	labelledValue = regexp.MustCompile(`^([^:\d][^:]{0,60}):\s*(.+)$`)
)

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

// indicatorTable returns the values of block i when it is an indicator table.
func indicatorTable(c *context, i int) []IndicatorValue {
	t := c.doc.Blocks[i].Table
	header, body := splitHeader(t.Rows)
	if len(header) == 0 || len(body) == 0 {
		return nil
	}
	hint := indicatorHint.MatchString(t.Caption)
	labels := make([]string, 0)
	width := 0
	for _, r := range header {
		width = max(width, len(r))
	}
	for col := 0; col < width; col++ {
		l := columnLabel(header, col)
		labels = append(labels, l)
		hint = hint || indicatorHint.MatchString(l)
	}
	for _, prev := range c.before(i, 3) {
		hint = hint || indicatorHint.MatchString(prev.Text)
	}
	for _, s := range c.sections[i] {
		hint = hint || indicatorHint.MatchString(s)
	}
	if !hint {
		return nil
	}
	roles := indicatorRoles(header, labels)
	name := -1
	for col, r := range roles {
		if r == colName && name < 0 {
			name = col
		}
	}
	if name < 0 {
		name = 0
		roles[0] = colName
	}
	title := t.Caption
	if title == "" && len(c.sections[i]) > 0 {
		title = c.sections[i][len(c.sections[i])-1]
	}
	var out []IndicatorValue
	group := ""
	for _, row := range body {
		rowRoles := roles
		// One cell more than the header: the unit printed after the value.
		if len(row) == len(roles)+1 {
			rowRoles = shiftUnit(roles)
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
				iv.Name = strings.TrimPrefix(text, "- ")
			case colCode:
				iv.Code = text
			case colTaakveld:
				iv.Taakveld = text
			case colUnit:
				iv.Unit = text
			case colSource:
				iv.Source = text
			case colValue:
				if text != "" && !cell.Spanned {
					values = append(values, col)
				}
			}
		}
		if iv.Name == "" {
			continue
		}
		for _, col := range values {
			cell := row[col]
			lines := strings.Split(cell.Text, "\n")
			for _, l := range lines {
				l = collapse(l)
				if l == "" {
					continue
				}
				v := iv
				v.Column = labels[min(col, len(labels)-1)]
				v.Pos = cell.Pos
				v.Raw = l
				if len(lines) > 1 {
					if m := labelledValue.FindStringSubmatch(l); m != nil {
						v.Label, v.Raw = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
					}
				}
				out = append(out, v)
			}
		}
	}
	return out
}

// indicatorRoles gives each column a role from its header label.
func indicatorRoles(header [][]extract.Cell, labels []string) []int {
	roles := make([]int, len(labels))
	for col, l := range labels {
		switch {
		case l == "":
			roles[col] = colValue
		case roleCode.MatchString(l):
			roles[col] = colCode
		case roleTaakveld.MatchString(l):
			roles[col] = colTaakveld
		case roleUnit.MatchString(l):
			roles[col] = colUnit
		case roleSource.MatchString(l):
			roles[col] = colSource
		case roleSkip.MatchString(l):
			roles[col] = colSkip
		case roleName.MatchString(l) && !hasRole(roles[:col], colName):
			roles[col] = colName
		case roleDescr.MatchString(l):
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
	return roles
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

// shiftUnit inserts a unit column after the first value column.
func shiftUnit(roles []int) []int {
	out := make([]int, 0, len(roles)+1)
	inserted := false
	for _, r := range roles {
		out = append(out, r)
		if r == colValue && !inserted && !hasRole(roles, colUnit) {
			out = append(out, colUnit)
			inserted = true
		}
	}
	if !inserted {
		out = append(out, colSkip)
	}
	return out
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
