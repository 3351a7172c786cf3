package vocab

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/glossary.md from the tables")

const glossaryPath = "../docs/glossary.md"

// glossary renders every table of the package as a Dutch → meaning list.
func glossary() string {
	var b strings.Builder
	b.WriteString("# Glossary\n\nThe Dutch words begroot reads, by list. Generated from the tables of package `vocab`\n(`go test ./vocab -run TestGlossary -update`); do not edit by hand.\n")
	section := func(title string) { fmt.Fprintf(&b, "\n## %s\n\n| Dutch | Meaning |\n|---|---|\n", title) }
	row := func(dutch, meaning string) {
		fmt.Fprintf(&b, "| %s | %s |\n", strings.ReplaceAll(dutch, "|", `\|`), strings.ReplaceAll(meaning, "|", `\|`))
	}
	section("Nil markers (a cell without a value)")
	for _, n := range nilMarkers {
		row("`"+strings.Join(n.forms, "` `")+"`", n.meaning)
	}
	section("Scale words (after a number)")
	for _, w := range scaleWords {
		row(w.word, fmt.Sprintf("× %d: %s", w.scale, w.meaning))
	}
	section("Unit labels (the scale of a table's amounts)")
	for _, u := range unitLabels {
		row(u.example, fmt.Sprintf("amounts × %d", u.scale))
	}
	for _, w := range unitLeads {
		row(w.word, w.meaning)
	}
	section("Sign legends")
	for _, w := range signWords {
		row(w.word, w.meaning)
	}
	for _, m := range signMarks {
		row(m.mark, m.meaning)
	}
	section("Quantity words (percentages and counts, not money)")
	for _, w := range quantityWords {
		row(w.example, w.meaning)
	}
	section("Row words (financial tables)")
	for _, w := range rowWords {
		row(w.example, w.meaning)
	}
	section("Row label leads and booking phrases (financial tables)")
	for _, l := range labelLeads {
		row(l.example, l.meaning)
	}
	for _, b := range bookingPhrases {
		row(b.example, b.meaning)
	}
	section("Column words (financial tables)")
	for _, w := range columnWords {
		dutch := strings.Join(w.heads, ", ")
		if dutch == "" {
			dutch = "`" + w.pattern + "`"
		}
		row(dutch, w.meaning)
	}
	section("Indicator table columns")
	for _, w := range indicatorWords {
		row("`"+w.pattern+"`", w.meaning)
	}
	section("Indicator table hints and titles")
	for _, w := range indicatorHints {
		row(w.word, w.meaning)
	}
	for _, w := range indicatorTitles {
		row(w.word, w.meaning)
	}
	section("Risk register columns (the table yields no indicators)")
	for _, w := range probabilityWords {
		row(w.word, w.meaning)
	}
	section("Markers in place of a value")
	for _, w := range statusMarkers {
		row(w.word, w.meaning)
	}
	section("Table titles and page numbers")
	for _, w := range captionWords {
		row(w.word, w.meaning)
	}
	for _, w := range pageWords {
		row(w.word+" 12", w.meaning)
	}
	for _, w := range pageOf {
		row("12 "+w.word+" 140", w.meaning+" (page count)")
	}
	section("Activity overview columns")
	for _, w := range activityWords {
		row(w.word, w.meaning)
	}
	section("Objective headings")
	for _, h := range objectiveHeadings {
		row(h.example, h.meaning)
	}
	section("Goal statements and their introductions")
	for _, w := range goalPrefixes {
		row(w.word+":", w.meaning+", stated inline after the colon")
	}
	for _, w := range goalIntros {
		row(w.example, w.meaning+": introduces goals, states none")
	}
	section("Activity status words")
	for _, w := range objectiveStatuses {
		row(w.word, w.meaning)
	}
	section("Overview of the whole document (baten en lasten)")
	for _, w := range overviewTitles {
		row(w.example, w.meaning)
	}
	for _, w := range overviewRows {
		row(w.word, w.meaning+": a row only the overview has")
	}
	section("Navigation lines (web pages saved as text)")
	for _, w := range navLines {
		row(w.example, w.meaning)
	}
	section("Document types")
	for _, k := range docKinds {
		row(k.kind, k.meaning)
	}
	section("Document words (what marks a document's type)")
	for _, w := range docWords {
		dutch := w.word
		if w.pattern != "" {
			dutch = "`" + w.pattern + "`"
		}
		row(dutch, w.kind+": "+w.meaning)
	}
	section("Bodies other than gemeenten (the word in front of the name)")
	for _, w := range bodyWords {
		row(w.word, w.meaning)
	}
	for _, w := range nameConnectives {
		row(w.word, w.meaning+" (inside a name)")
	}
	section("Colofon words (introduce the publisher)")
	for _, w := range colofonWords {
		row(w.word, w.meaning)
	}
	return b.String()
}

// TestGlossary fails when docs/glossary.md differs from what the tables
// give; -update rewrites it.
func TestGlossary(t *testing.T) {
	got := glossary()
	if *update {
		if err := os.WriteFile(glossaryPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(glossaryPath)
	if err != nil {
		t.Fatalf("read %s: %v (regenerate with -update)", glossaryPath, err)
	}
	if string(want) != got {
		t.Errorf("%s is out of date with the vocab tables; regenerate with go test ./vocab -run TestGlossary -update", glossaryPath)
	}
}
