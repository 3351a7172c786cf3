package ocr

import (
	"fmt"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/normalize"
)

// reportTally is what the corpus tests measure on the report of an OCR'd
// document: how far its own arithmetic confirms the OCR values.
type reportTally struct {
	rep              *normalize.Report
	taakveldChecks   int // baten - lasten = saldo checks of taakveld rows
	taakveldHold     int // … that hold
	verified         int // financial records verified
	repaired         int // … repaired
	totalsEqual      int // columns where the programme totals add up to the printed grand total
	totalsCompared   int // columns with a grand total
	programmeColumns map[string]int64
}

// programmeTotal and grandTotal are the labels of the total rows of an
// "Overzicht baten en lasten per taakveld": one per programme, one for
// all programmes.
const (
	programmeTotal = "programma"
	grandTotal     = "alle programma"
)

// measure recognises and normalises doc and counts the checks of its
// taakveld rows, the verified records, and whether the programme totals
// add up to the grand total, column by column.
func measure(doc *extract.Document) reportTally {
	rep := normalize.Normalize(doc, recognize.Find(doc))
	tl := reportTally{rep: rep, programmeColumns: map[string]int64{}}
	for _, c := range rep.Checks {
		_, label, _ := strings.Cut(c.Column, " (")
		if c.Rule == normalize.RuleSaldo && taakveld.MatchString(label) {
			tl.taakveldChecks++
			if c.OK {
				tl.taakveldHold++
			}
		}
	}
	grand := map[string]int64{}
	for _, f := range rep.Financial {
		if f.Verified {
			tl.verified++
		}
		if f.Repaired != "" {
			tl.repaired++
		}
		if f.Value == nil {
			continue
		}
		switch row := strings.ToLower(f.Row); {
		case strings.Contains(row, grandTotal):
			grand[f.Column] = *f.Value
		case strings.HasSuffix(row, programmeTotal):
			tl.programmeColumns[f.Column] += *f.Value
		}
	}
	for col, v := range grand {
		tl.totalsCompared++
		if tl.programmeColumns[col] == v {
			tl.totalsEqual++
		}
	}
	return tl
}

func (tl reportTally) String() string {
	share := func(a, b int) string { return fmt.Sprintf("%d/%d (%.3f)", a, b, float64(a)/float64(max(b, 1))) }
	return fmt.Sprintf("taakveld rows balanced %s; records verified %s, %d repaired; grand totals equal to the sum of the programme totals in %s columns",
		share(tl.taakveldHold, tl.taakveldChecks), share(tl.verified, len(tl.rep.Financial)), tl.repaired, share(tl.totalsEqual, tl.totalsCompared))
}

// precision compares the verified taakveld records of the 2021 screenshot
// with the text layer of the same spread (ref: code → baten, lasten,
// saldo): the share that are equal, and the differences.
func precision(t *testing.T, rep *normalize.Report, ref map[string][]string) (equal, verified int) {
	t.Helper()
	index := map[string]int{"Baten": 0, "Lasten": 1, "Saldo": 2}
	for _, f := range rep.Financial {
		m := taakveld.FindStringSubmatch(f.Row + " ")
		words := strings.Fields(f.Column)
		if !f.Verified || m == nil || len(words) == 0 || ref[m[1]] == nil {
			continue
		}
		verified++
		if want := ref[m[1]][index[words[len(words)-1]]]; f.Raw == want {
			equal++
		} else {
			t.Logf("verified %s %s: %q, text layer %q (repaired %q)", f.Row, f.Column, f.Raw, want, f.Repaired)
		}
	}
	return equal, verified
}
