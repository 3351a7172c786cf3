package normalize

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"

	cbsref "github.com/begroot/begroot/normalize/cbs"
)

// Part is one document of a publication that spans several, such as the
// pages and PDFs of a report site.
type Part struct {
	URL    string  // where the document was fetched from
	SHA256 string  // digest of its bytes
	Report *Report // its report; nil when it could not be extracted
}

// Merge joins the reports of the parts into the report of the whole
// publication. into gives its identity (Document, Source, URL, Format) and
// what is known of it beforehand (Gemeente, Organisation, CBSCode, DocType and Year, say
// from a sites file); those values win. The other metadata is voted on:
// the value most parts agree on, the first seen on a tie. The records of
// every part follow in the order of the parts, each with the URL of its
// part unless it has one; warnings are prefixed with that URL. Title is
// the first part's that has one, Pages the sum, and SHA256 the digest of
// the parts' URLs and digests, so it changes when any part changes. The
// whole is reconciled with CBS Iv3 once, instead of each part. An
// objective or activity found on several parts, such as an overview page
// and its own detail page, counts once (see dedupeObjectives).
func Merge(into Report, parts []Part) *Report {
	rep := into
	rep.Financial = []Financial{}
	rep.Indicators = []Indicator{}
	rep.Objectives = []Objective{}
	rep.Checks = []Check{}
	rep.Warnings = nil
	sum := sha256.New()
	var gemeente, organisation, cbs, docType vote[string]
	var year vote[int]
	var objParts []int // the part of each objective, by index
	for k, p := range parts {
		fmt.Fprintf(sum, "%s %s\n", p.URL, p.SHA256)
		r := p.Report
		if r == nil {
			continue
		}
		gemeente.add(r.Gemeente)
		organisation.add(r.Organisation)
		cbs.add(r.CBSCode)
		docType.add(r.DocType)
		year.add(r.Year)
		rep.Title = cmp.Or(rep.Title, r.Title)
		rep.Pages += r.Pages
		rep.Financial = appendFrom(rep.Financial, r.Financial, p.URL)
		rep.Indicators = appendFrom(rep.Indicators, r.Indicators, p.URL)
		rep.Objectives = appendFrom(rep.Objectives, r.Objectives, p.URL)
		for range r.Objectives {
			objParts = append(objParts, k)
		}
		rep.Checks = appendChecks(rep.Checks, r.Checks, len(rep.Financial)-len(r.Financial), p.URL)
		for _, w := range r.Warnings {
			if strings.HasPrefix(w, noReconciliation) {
				continue // the whole is reconciled below, not each part
			}
			rep.Warnings = append(rep.Warnings, p.URL+": "+w)
		}
	}
	rep.Objectives = dedupeObjectives(rep.Objectives, objParts)
	rep.SHA256 = hex.EncodeToString(sum.Sum(nil))
	rep.DocType = cmp.Or(into.DocType, docType.top())
	rep.Year = cmp.Or(into.Year, year.top())
	rep.Gemeente, rep.CBSCode = cmp.Or(into.Gemeente, gemeente.top()), cmp.Or(into.CBSCode, cbs.top())
	if into.Gemeente != "" && into.CBSCode == "" {
		// A gemeente named beforehand takes its own code, not the parts'.
		rep.CBSCode = ""
		if g, ok := cbsref.Lookup(into.Gemeente, rep.Year); ok {
			rep.CBSCode = g.Code
		}
	}
	if rep.Gemeente == "" {
		rep.Organisation = cmp.Or(into.Organisation, organisation.top())
	}
	addReconciliation(&rep)
	Verify(&rep)
	return &rep
}

// appendChecks appends the checks of one part to dst, located at its URL,
// with the records they cover counted from offset (where the part's
// records start in the whole) and without ids, so that Verify numbers them
// in the whole. A part's Iv3 checks are left out: the whole is reconciled.
func appendChecks(dst, src []Check, offset int, url string) []Check {
	for _, c := range src {
		if c.Rule == RuleIv3 {
			continue
		}
		c.locate(url)
		c.ID = ""
		var covers []int
		for _, i := range c.Covers {
			covers = append(covers, offset+i)
		}
		c.Covers = covers
		dst = append(dst, c)
	}
	return dst
}

// dedupeObjectives merges the objectives that two parts of one publication
// both list: an overview page that lists an activity and the activity's
// own detail page. Two objectives are the same when they come from
// different parts, are of the same kind, have the same title once case,
// punctuation and spacing are ignored, and do not have different codes.
// The merged objective stands where the first was found; it takes its
// provenance and fields from the detail page, the part that lists fewer
// objectives (the first on a tie), and fills the fields that one leaves
// empty from the other. parts gives the part of each objective.
func dedupeObjectives(objs []Objective, parts []int) []Objective {
	size := map[int]int{}
	for _, p := range parts {
		size[p]++
	}
	type seen struct {
		at    int          // index in out
		parts map[int]bool // the parts merged into it
		part  int          // the part whose provenance it has
	}
	byTitle := map[string][]*seen{}
	var out []Objective
	for i, o := range objs {
		key := o.Kind + "\x00" + titleKey(o.Title)
		var match *seen
		for _, s := range byTitle[key] {
			c := out[s.at].Code
			if !s.parts[parts[i]] && (c == "" || o.Code == "" || c == o.Code) {
				match = s
				break
			}
		}
		if match == nil {
			s := &seen{at: len(out), parts: map[int]bool{parts[i]: true}, part: parts[i]}
			byTitle[key] = append(byTitle[key], s)
			out = append(out, o)
			continue
		}
		match.parts[parts[i]] = true
		if size[parts[i]] < size[match.part] {
			out[match.at] = fillObjective(o, out[match.at])
			match.part = parts[i]
		} else {
			out[match.at] = fillObjective(out[match.at], o)
		}
	}
	if out == nil {
		return []Objective{}
	}
	return out
}

// fillObjective returns o with the fields it leaves empty taken from
// other; o's provenance (Page, URL, Line, Section) stays.
func fillObjective(o, other Objective) Objective {
	o.Code = cmp.Or(o.Code, other.Code)
	o.Text = cmp.Or(o.Text, other.Text)
	o.Status = cmp.Or(o.Status, other.Status)
	o.Year = cmp.Or(o.Year, other.Year)
	if o.Budget == nil {
		o.Budget = other.Budget
	}
	return o
}

// titleKey is a title with case, punctuation and spacing ignored.
func titleKey(title string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}

// record is a record kind of a Report (Financial, Indicator, Objective,
// Check): each says where it was found.
type record[T any] interface {
	*T
	// locate sets the URL of the page the record came from, unless the
	// record names one already.
	locate(url string)
}

func (f *Financial) locate(url string) { f.URL = cmp.Or(f.URL, url) }
func (i *Indicator) locate(url string) { i.URL = cmp.Or(i.URL, url) }
func (o *Objective) locate(url string) { o.URL = cmp.Or(o.URL, url) }
func (c *Check) locate(url string)     { c.URL = cmp.Or(c.URL, url) }

// appendFrom appends the records of one part to dst, located at its URL.
func appendFrom[T any, P record[T]](dst, src []T, url string) []T {
	for _, r := range src {
		P(&r).locate(url)
		dst = append(dst, r)
	}
	return dst
}

// vote counts the non-zero values it is given; top is the most frequent,
// the first seen on a tie, or the zero value when there were none.
type vote[T comparable] struct {
	count map[T]int
	order []T
}

func (v *vote[T]) add(x T) {
	var zero T
	if x == zero {
		return
	}
	if v.count == nil {
		v.count = map[T]int{}
	}
	if v.count[x] == 0 {
		v.order = append(v.order, x)
	}
	v.count[x]++
}

func (v *vote[T]) top() T {
	var best T
	for _, x := range v.order {
		if v.count[x] > v.count[best] {
			best = x
		}
	}
	return best
}
