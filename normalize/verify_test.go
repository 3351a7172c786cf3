package normalize

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
)

// TestVerify checks that a check that holds marks the records it covers
// and one that fails does not, also for a check added after Normalize.
func TestVerify(t *testing.T) {
	doc := &extract.Document{Source: extract.Source{Path: "b.txt", Format: extract.FormatText}}
	ft := financialTable("Exploitatie", 1000, []string{"2023", "2024"},
		[]string{"Lasten", "1.000", "1.100"}, []string{"Baten", "400", "500"}, []string{"Saldo", "-600", "-700"})
	r := Normalize(doc, recognize.Result{Financial: []recognize.FinancialTable{ft}})
	var got []string
	for _, f := range r.Financial {
		got = append(got, fmt.Sprintf("%s %s %v %v", f.Row, f.Column, f.Verified, f.Checks))
	}
	want := []string{
		"Lasten 2023 true [c1]", "Lasten 2024 false []",
		"Baten 2023 true [c1]", "Baten 2024 false []",
		"Saldo 2023 true [c1]", "Saldo 2024 false []",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Normalize records:\ngot  %q\nwant %q", got, want)
	}
	if q := r.Quality; q.Verified != 3 || q.VerifiedShare != 0.5 || q.Checks != 2 || q.ChecksFailed != 1 {
		t.Errorf("Quality = %+v, want 3 verified (0.5) of 2 checks, 1 failing", q)
	}
	// A later check kind appends a check with its covers and verifies again.
	r.Checks = append(r.Checks, Check{Rule: "iv3", OK: true, Covers: []int{1}})
	Verify(r)
	if f := r.Financial[1]; !f.Verified || !slices.Equal(f.Checks, []string{"c3"}) {
		t.Errorf("after a later check: record 1 verified %v by %v, want true by [c3]", f.Verified, f.Checks)
	}
}

func TestNeedsReview(t *testing.T) {
	tests := []struct {
		name string
		q    Quality
		want string
	}{
		{"all verified", Quality{Financial: 10, Verified: 10, VerifiedShare: 1, Checks: 4}, ""},
		{"failing check", Quality{Financial: 10, Verified: 10, VerifiedShare: 1, Checks: 4, ChecksFailed: 1}, "1 of 4 checks fail"},
		{"findings", Quality{Financial: 10, Verified: 5, VerifiedShare: 0.5, TablesNotExtracted: 2, NoTextPages: 3},
			"2 tables not extracted; 3 pages without a text layer"},
		{"few verified", Quality{Financial: 10, Verified: 1, VerifiedShare: 0.1}, "only 10% of amounts verified"},
		{"nothing", Quality{}, "nothing extracted"},
		{"goals only", Quality{Objectives: 4}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			review, reasons := NeedsReview(&Report{Quality: tc.q})
			if got := strings.Join(reasons, "; "); got != tc.want || review != (tc.want != "") {
				t.Errorf("NeedsReview(%+v) = %v %q, want %q", tc.q, review, got, tc.want)
			}
		})
	}
}

// TestFindings builds small documents and lists their findings.
func TestFindings(t *testing.T) {
	text := func(page int, s string) extract.Block {
		return extract.Block{Kind: extract.Paragraph, Text: s, Pos: extract.Pos{Page: page}}
	}
	table := func(pos extract.Pos, caption string) extract.Block {
		return extract.Block{Kind: extract.TableBlock, Pos: pos, Table: &extract.Table{Caption: caption, Rows: [][]extract.Cell{{{Text: "Lasten"}, {Text: "1.000"}}}}}
	}
	pdf := extract.Source{Path: "b.pdf", Format: extract.FormatPDF}
	tests := []struct {
		name      string
		doc       *extract.Document
		res       recognize.Result
		financial []Financial
		want      []string
	}{{
		name: "pdf: a page with a unit label and no records, pages without text as ranges",
		doc: &extract.Document{Source: pdf, Pages: 9, NoTextPages: []int{2, 3, 4, 7}, Blocks: []extract.Block{
			text(1, "Tabel 1 (bedragen x € 1.000)"),
			text(5, "Tabel 2 Investeringen (bedragen x € 1.000)"),
			text(6, "Alle genoemde bedragen zijn afgerond x € 1.000, tenzij anders vermeld."),
			text(8, strings.Repeat("Een lange alinea over lasten ", 6)+"x € 1.000"),
		}},
		financial: []Financial{{Page: 1}},
		want: []string{
			"no_text_layer 2-4 ", "no_text_layer 7-7 ",
			"table_not_extracted 5-0 Tabel 2 Investeringen (bedragen x € 1.000)",
		},
	}, {
		name: "pdf without any text",
		doc:  &extract.Document{Source: pdf},
		want: []string{"no_text_layer 0-0 "},
	}, {
		name: "html: a table with a unit label above it that was not recognised",
		doc: &extract.Document{Source: extract.Source{Path: "b.html", Format: extract.FormatHTML}, Blocks: []extract.Block{
			table(extract.Pos{Selector: "table:nth-of-type(1)"}, "Lasten (bedragen x € 1.000)"),
			{Kind: extract.Heading, Text: "Investeringen x € 1.000"},
			table(extract.Pos{Selector: "table:nth-of-type(2)"}, ""),
			table(extract.Pos{Selector: "table:nth-of-type(3)"}, "Kengetallen"),
		}},
		res:  recognize.Result{Financial: []recognize.FinancialTable{{Pos: extract.Pos{Selector: "table:nth-of-type(1)"}}}},
		want: []string{"table_not_extracted 0-0 Investeringen x € 1.000 @table:nth-of-type(2)"},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range findings(tc.doc, tc.res, tc.financial) {
				s := fmt.Sprintf("%s %d-%d %s", f.Kind, f.Page, f.LastPage, f.Text)
				if f.Selector != "" {
					s += " @" + f.Selector
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("findings(%s):\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
		})
	}
}
