package normalize

import (
	"fmt"
	"strconv"
)

// Verify numbers the checks of r that have no id yet ("c1", "c2", … in
// report order), marks every financial record that a check that holds
// covers (Verified, and the check ids in Checks) and recomputes
// r.Quality. Normalize calls it; a later kind of check (a reconciliation
// with Iv3 data, say) appends Check values with their Covers and calls it
// again.
func Verify(r *Report) {
	for i := range r.Financial {
		r.Financial[i].Verified, r.Financial[i].Checks = false, nil
	}
	for i := range r.Checks {
		c := &r.Checks[i]
		if c.ID == "" {
			c.ID = "c" + strconv.Itoa(i+1)
		}
		if !c.OK {
			continue
		}
		for _, k := range c.Covers {
			if k >= 0 && k < len(r.Financial) {
				r.Financial[k].Verified = true
				r.Financial[k].Checks = append(r.Financial[k].Checks, c.ID)
			}
		}
	}
	r.Quality = quality(r)
}

func quality(r *Report) Quality {
	q := Quality{
		Financial: len(r.Financial), Indicators: len(r.Indicators), Objectives: len(r.Objectives),
		Checks: len(r.Checks),
	}
	for _, f := range r.Financial {
		if f.Verified {
			q.Verified++
		}
	}
	if q.Financial > 0 {
		q.VerifiedShare = float64(q.Verified) / float64(q.Financial)
	}
	for _, c := range r.Checks {
		if !c.OK {
			q.ChecksFailed++
		}
	}
	for _, f := range r.Findings {
		switch f.Kind {
		case FindingTableNotExtracted:
			q.TablesNotExtracted++
		case FindingNoTextLayer:
			q.NoTextPages += max(1, f.LastPage-f.Page+1)
		}
	}
	return q
}

// minVerifiedShare is the share of financial records the document's own
// arithmetic must confirm before its numbers go unread: below it, most
// amounts stand in tables without totals or saldi, or were misread.
const minVerifiedShare = 0.25

// NeedsReview tells whether a report needs a human look, and why: checks
// that fail, tables that were not extracted, pages without a text layer,
// too few verified amounts, or nothing extracted at all. It reads r.Quality, so
// call it after Verify (Normalize does).
func NeedsReview(r *Report) (bool, []string) {
	q := r.Quality
	var reasons []string
	if q.ChecksFailed > 0 {
		reasons = append(reasons, fmt.Sprintf("%d of %d checks fail", q.ChecksFailed, q.Checks))
	}
	if q.TablesNotExtracted > 0 {
		reasons = append(reasons, fmt.Sprintf("%d tables not extracted", q.TablesNotExtracted))
	}
	if q.NoTextPages > 0 {
		reasons = append(reasons, fmt.Sprintf("%d pages without a text layer", q.NoTextPages))
	}
	switch {
	case q.Financial == 0 && q.Indicators == 0 && q.Objectives == 0:
		reasons = append(reasons, "nothing extracted")
	case q.Financial == 0:
		// A page of goals or indicators has no amounts to verify.
	case q.VerifiedShare < minVerifiedShare:
		reasons = append(reasons, fmt.Sprintf("only %.0f%% of amounts verified", 100*q.VerifiedShare))
	}
	return len(reasons) > 0, reasons
}
