package normalize

import (
	"fmt"
	"slices"
	"strings"

	"github.com/begroot/begroot/extract/recognize"
)

// doubtfulConfidence is the OCR confidence below which any one digit of a
// cell may be misread. Tesseract gives the amounts of the 2021 Wassenaar
// screenshot a median of 92 and a tenth percentile of 84; a cell below 80
// is among its least certain.
const doubtfulConfidence = 80

// repairOCR tries the obvious single-character repairs (see repairs) on
// the OCR cells of t that may be misread: every OCR cell in a check that
// fails, and every OCR cell that is not an amount as read ("1-2.244.295"),
// which no check can cover. A repair is accepted only when every check
// through the cell holds afterwards (and there is one), no check fails
// that did not before, and fewer fail or the cell became an amount. Where
// repairs of one cell giving different amounts would each do, none is
// taken. It returns the repaired table and, per repaired cell,
// "old → new".
func repairOCR(t recognize.FinancialTable) (recognize.FinancialTable, map[tableCell]string) {
	checks := checkTable(t)
	var suspects []tableCell
	doubtful := map[tableCell]int{} // per cell: doubtful cells in the failing checks through it
	for _, c := range checks {
		if c.OK {
			continue
		}
		n := 0
		for _, cl := range c.cells {
			if cell := t.Rows[cl.row].Cells[cl.col]; cell.OCR && cell.Confidence < doubtfulConfidence {
				n++
			}
		}
		for _, cl := range c.cells {
			if cell := t.Rows[cl.row].Cells[cl.col]; cell.OCR && !slices.Contains(suspects, cl) {
				suspects = append(suspects, cl)
			}
			doubtful[cl] = max(doubtful[cl], n)
		}
	}
	for r, row := range t.Rows {
		for col, cell := range row.Cells {
			cl := tableCell{r, col}
			if _, ok := Amount(cell.Text, t.Scale); !ok && cell.OCR && cell.Text != "" && !slices.Contains(suspects, cl) {
				suspects = append(suspects, cl)
			}
		}
	}
	var done map[tableCell]string
	for _, cl := range suspects {
		cell := t.Rows[cl.row].Cells[cl.col]
		_, amount := Amount(cell.Text, t.Scale)
		// A digit is in doubt when the cell is the one doubtful cell of the
		// checks that fail through it: with two, either could be wrong.
		digit := cell.Confidence < doubtfulConfidence && doubtful[cl] <= 1
		var fixed *recognize.FinancialTable
		var value int64
		for _, text := range repairs(cell.Text, digit) {
			v, ok := Amount(text, t.Scale)
			if !ok || v == nil {
				continue
			}
			try := withCell(t, cl, text)
			if !better(checks, checkTable(try), cl, !amount) {
				continue
			}
			if fixed != nil && *v != value {
				fixed = nil // two repairs, two amounts: no evidence for either
				break
			}
			if fixed == nil {
				fixed, value = &try, *v
			}
		}
		if fixed == nil {
			continue
		}
		if done == nil {
			done = map[tableCell]string{}
		}
		done[cl] = cell.Text + " → " + fixed.Rows[cl.row].Cells[cl.col].Text
		t, checks = *fixed, checkTable(*fixed)
	}
	return t, done
}

// better reports whether the checks after a repair of cell cl improve on
// those before: every check through cl holds (and there is one), every
// check that fails failed before too, and fewer fail unless the cell was
// not an amount before (newAmount).
func better(before, after []tableCheck, cl tableCell, newAmount bool) bool {
	covered := false
	failed := map[string]bool{}
	for _, c := range before {
		if !c.OK {
			failed[checkKey(c)] = true
		}
	}
	nAfter := 0
	for _, c := range after {
		through := slices.Contains(c.cells, cl)
		covered = covered || through
		if c.OK {
			continue
		}
		if through || !failed[checkKey(c)] {
			return false
		}
		nAfter++
	}
	return covered && (nAfter < len(failed) || newAmount)
}

// checkKey identifies a check across repairs of the same table: its rule,
// column and the cells it covers.
func checkKey(c tableCheck) string {
	return fmt.Sprintf("%s|%s|%v", c.Rule, c.Column, c.cells)
}

// withCell is t with the text of one cell replaced; the rows and cells of
// t are not changed.
func withCell(t recognize.FinancialTable, cl tableCell, text string) recognize.FinancialTable {
	rows := slices.Clone(t.Rows)
	rows[cl.row].Cells = slices.Clone(rows[cl.row].Cells)
	rows[cl.row].Cells[cl.col].Text = text
	t.Rows = rows
	return t
}

// repairs are the single-character repairs of an OCR'd amount: a lost
// minus sign (or a stray one), a dot read as a comma or the other way
// round, a leading "1" that is a grid line before the amount, and, when
// digit is set, any one digit read wrong.
func repairs(s string, digit bool) []string {
	var out []string
	add := func(r string) {
		if r != s && r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	sign, digits := "", s
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, digits = "-", rest
		add(digits)
	} else {
		add("-" + s)
	}
	for i := range len(s) {
		switch s[i] {
		case '.':
			add(s[:i] + "," + s[i+1:])
		case ',':
			add(s[:i] + "." + s[i+1:])
		}
	}
	if rest, ok := strings.CutPrefix(digits, "1"); ok {
		add(sign + rest)
	}
	if rest, ok := strings.CutPrefix(s, "1"); ok {
		add(rest) // "1-2.244.295"
	}
	if digit {
		for i := range len(s) {
			if s[i] < '0' || s[i] > '9' {
				continue
			}
			for d := byte('0'); d <= '9'; d++ {
				add(s[:i] + string(d) + s[i+1:])
			}
		}
	}
	return out
}
