package normalize

import (
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/vocab"
)

// Where a unit label stands like a table's caption or header, and not in
// running text.
const (
	maxLabelLine = 160 // longer text is prose that mentions a unit
	labelRows    = 4   // a unit label in a table stands in its first rows
	labelsAbove  = 2   // or in the text blocks right above it
	minProseWord = 5   // a full stop after a word this long ends a sentence; header abbreviations ("Begr.") are shorter
)

// findings lists the parts of doc that gave no records: every table (an
// HTML or text table; a PDF page) that carries a unit label where a
// caption or header stands but gave no financial record, and the PDF pages
// without a usable text layer, as ranges. A PDF that has no text at all
// (read as a Document without pages or blocks) is one no_text_layer
// finding without a page.
func findings(doc *extract.Document, res recognize.Result, financial []Financial) []Finding {
	var out []Finding
	if doc.Source.Format == extract.FormatPDF && doc.Pages == 0 && len(doc.Blocks) == 0 {
		return []Finding{{Kind: FindingNoTextLayer}}
	}
	for _, p := range doc.NoTextPages {
		if n := len(out); n > 0 && out[n-1].LastPage == p-1 {
			out[n-1].LastPage = p
			continue
		}
		out = append(out, Finding{Kind: FindingNoTextLayer, Page: p, LastPage: p})
	}
	if doc.Pages > 0 {
		return append(out, pagesNotExtracted(doc, financial)...)
	}
	return append(out, tablesNotExtracted(doc, res)...)
}

// pagesNotExtracted: PDF pages with a unit label line and no financial
// record.
func pagesNotExtracted(doc *extract.Document, financial []Financial) []Finding {
	withRecords := map[int]bool{}
	for _, f := range financial {
		withRecords[f.Page] = true
	}
	var out []Finding
	reported := map[int]bool{}
	for _, b := range doc.Blocks {
		page := b.Pos.Page
		if withRecords[page] || reported[page] {
			continue
		}
		if label, ok := unitLine(b); ok {
			reported[page] = true
			out = append(out, Finding{Kind: FindingTableNotExtracted, Page: page, Text: label})
		}
	}
	return out
}

// tablesNotExtracted: HTML and text tables with a unit label that were
// not recognised as financial tables.
func tablesNotExtracted(doc *extract.Document, res recognize.Result) []Finding {
	extracted := map[extract.Pos]bool{}
	for _, t := range res.Financial {
		extracted[t.Pos] = true
	}
	var out []Finding
	for i, b := range doc.Blocks {
		if b.Kind != extract.TableBlock || b.Table == nil || extracted[b.Pos] {
			continue
		}
		label, ok := unitLine(b)
		for k := i - 1; !ok && k >= max(0, i-labelsAbove); k-- {
			above := doc.Blocks[k]
			if above.Kind != extract.Heading && above.Kind != extract.Paragraph {
				break // the label above belongs to the table before
			}
			label, ok = unitLine(above)
		}
		if ok {
			out = append(out, Finding{Kind: FindingTableNotExtracted, Text: label, Selector: b.Pos.Selector, Line: b.Pos.Line})
		}
	}
	return out
}

// unitLine returns the text of a block that carries a unit label where a
// caption does: a short heading or paragraph, a table's caption, or a cell
// of its first rows.
func unitLine(b extract.Block) (string, bool) {
	has := func(s string) bool {
		_, ok := vocab.FindUnit(s)
		return ok && len(s) <= maxLabelLine && !sentence(s)
	}
	switch b.Kind {
	case extract.Heading, extract.Paragraph:
		if has(b.Text) {
			return b.Text, true
		}
	case extract.TableBlock:
		if b.Table == nil {
			break
		}
		if has(b.Table.Caption) {
			return b.Table.Caption, true
		}
		for _, row := range b.Table.Rows[:min(labelRows, len(b.Table.Rows))] {
			for _, c := range row {
				if has(c.Text) {
					return strings.Join(strings.Fields(c.Text), " "), true
				}
			}
		}
	}
	return "", false
}

// sentence reports whether s ends like a sentence of prose: a full stop
// after a long word or a closing bracket ("…, tenzij anders vermeld.").
func sentence(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	word, ok := strings.CutSuffix(last, ".")
	return ok && (strings.HasSuffix(word, ")") || len([]rune(word)) >= minProseWord)
}
