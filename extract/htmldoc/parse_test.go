package htmldoc

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures/readertest"
)

// parseTests are small pages and the blocks Parse must find in them, written
// by render: "h2: text", "p: text", "ul: item / item", and
// "table(caption): cell | cell // cell | cell" where a header cell is
// [bracketed] and a spanned copy ends in "*".
var parseTests = []struct {
	name    string
	in      string
	want    []string
	title   string
	warning string
}{{
	name: "skip link inside heading after text",
	in:   `<main><h2>Resultaten<a class="sr-only sr-only-focusable" href="#nav">Terug naar navigatie - Resultaten</a></h2><p>Tekst</p></main>`,
	want: []string{"h2: Resultaten", "p: Tekst"},
}, {
	name: "skip link inside heading before text",
	in:   `<h3 class="titel"><a class="skiplink" href="#navigatie">Terug naar navigatie - Doel</a>Doel</h3>`,
	want: []string{"h3: Doel"},
}, {
	name: "skip link just before heading",
	in:   `<section><a class="visually-hidden" href="#n">Terug naar navigatie - Wat willen we bereiken</a><h3>Wat willen we bereiken</h3></section>`,
	want: []string{"h3: Wat willen we bereiken"},
}, {
	name: "skip span without class",
	in:   `<h3>Financiële kaders <span>Terug naar navigatie - Financiële kaders</span></h3>`,
	want: []string{"h3: Financiële kaders"},
}, {
	name: "skip text as its own paragraph",
	in:   `<h2>Baten</h2><p>terug naar navigatie - Baten</p><p>Tekst</p>`,
	want: []string{"h2: Baten", "p: Tekst"},
}, {
	name: "role heading",
	in:   `<div role="heading" aria-level="3">Baten</div><div role="heading">Lasten</div>`,
	want: []string{"h3: Baten", "h0: Lasten"},
}, {
	name: "heading with br is one line",
	in:   `<h1>Programma 3:<br>Maatschappelijke   ondersteuning</h1>`,
	want: []string{"h1: Programma 3: Maatschappelijke ondersteuning"},
}, {
	name: "nested lists",
	in: `<ul class="doelenboom">
		<li class="doelstelling"><p>Het organiseren van lokale toegang.</p><p>&nbsp;</p></li>
		<li class="prestatie"><ul><li>Prestatie A</li><li><p>Prestatie B</p></li></ul><p class="budget">&euro;5.250.000</p></li>
		<li>Meedoen door:<ul><li>budgetbeheer</li></ul></li>
		<li> </li>
	</ul>`,
	want: []string{"ul: Het organiseren van lokale toegang. / • Prestatie A\n• Prestatie B\n€5.250.000 / Meedoen door:\n• budgetbeheer"},
}, {
	name: "empty nested item",
	in:   `<ul><li>Doel<ul><li> </li><li>Prestatie</li></ul></li></ul>`,
	want: []string{"ul: Doel\n• Prestatie"},
}, {
	name: "ordered list and br in item",
	in:   `<ol><li>Volwassenen 18-67<br>arbeidsparticipatie</li><li>Volwassenen 67+</li></ol>`,
	want: []string{"ol: Volwassenen 18-67\narbeidsparticipatie / Volwassenen 67+"},
}, {
	name: "colspan and rowspan",
	in: `<table>
		<thead><tr><th rowspan="2"></th><th colspan="2">Begroting 2024</th></tr>
		<tr><th>baten</th><th>lasten</th></tr></thead>
		<tbody><tr><td>Jeugd</td><td>1</td><td>2</td></tr></tbody>
	</table>`,
	want: []string{"table(): [] | [Begroting 2024] | [Begroting 2024]* // []* | [baten] | [lasten] // Jeugd | 1 | 2"},
}, {
	name: "rowspan past the last cell",
	in:   `<table><tr><td>a</td><td rowspan="2">b</td></tr><tr></tr><tr><td>c</td></tr></table>`,
	want: []string{"table(): a | b //  | b* // c"},
}, {
	name: "group row colspan and invalid spans",
	in:   `<table><tr><td colspan="3"><strong>Jeugd</strong></td></tr><tr><td colspan="x">scouting</td><td rowspan="0">350 kind</td><td colspan="-2">370 kind</td></tr></table>`,
	want: []string{"table(): Jeugd | Jeugd* | Jeugd* // scouting | 350 kind | 370 kind"},
}, {
	name: "br in cells",
	in:   `<table><tr><th>Resultaat in 2017</th></tr><tr><td>Jongeren: 7,1<br>Ouders: 6,5<br>Wmo: 7,7</td></tr><tr><td>&euro;&nbsp; 4,65 miljoen<br>&euro; 22,63 miljoen</td></tr></table>`,
	want: []string{"table(): [Resultaat in 2017] // Jongeren: 7,1\nOuders: 6,5\nWmo: 7,7 // € 4,65 miljoen\n€ 22,63 miljoen"},
}, {
	name: "caption with nbsp and euro",
	in:   `<table><caption> bedragen&nbsp;x &euro;&nbsp;1.000 </caption><tr><td>Lasten</td><td>69.839</td></tr></table>`,
	want: []string{"table(bedragen x € 1.000): Lasten | 69.839"},
}, {
	name: "cells without whitespace between them",
	in:   `<table><thead><tr><th></th><th>2016</th><th>2017</th></tr></thead><tbody><tr><td>Lasten</td><td>69.839</td><td>70.504</td></tr><tr><td>Saldo</td><td>-64.125</td><td>-64.851</td></tr></tbody></table>`,
	want: []string{"table(): [] | [2016] | [2017] // Lasten | 69.839 | 70.504 // Saldo | -64.125 | -64.851"},
}, {
	name: "table nested in a cell",
	in:   `<table><tr><td>a<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table></td><td>b</td></tr></table>`,
	want: []string{"table(): a\nx y\nz | b"},
}, {
	name: "status icon alt text in a cell",
	in:   `<table><tr><th>Status 2021</th><th>Status 1e VGR</th></tr><tr><td><img src="g.svg" alt="Gerealiseerd"></td><td><img src="g.svg" alt=""> Gerealiseerd</td></tr></table>`,
	want: []string{"table(): [Status 2021] | [Status 1e VGR] // Gerealiseerd | Gerealiseerd"},
}, {
	name: "text directly in a container",
	in:   `<div class="verbonden-partijen"><a href="/p1">GR GGD IJsselland</a><br> <a href="/p2">NV Sportbedrijf Deventer</a></div><div><span>&nbsp;-</span></div>`,
	want: []string{"p: GR GGD IJsselland\nNV Sportbedrijf Deventer", "p: -"},
}, {
	name: "inline element holding blocks",
	in:   `<div>voor <a href="/x"><p>binnen</p></a> na</div>`,
	want: []string{"p: voor", "p: binnen", "p: na"},
}, {
	name: "dl and empty paragraphs",
	in:   `<dl><dt>Jaar realisatie</dt><dd>2022</dd></dl><p>&nbsp;</p><p>&shy;</p><p>Positieve Gezondheid<sup><a href="#f1">[1]</a></sup> is</p>`,
	want: []string{"p: Jaar realisatie", "p: 2022", "p: Positieve Gezondheid[1] is"},
}, {
	name: "chrome removal",
	in: `<!DOCTYPE html><html lang="nl"><head><title>Jaarstukken 2020 - Gemeente Dinkelland</title>
		<style>p{color:red}</style><script>var x = "<p>geen tekst</p>";</script></head><body>
		<div id="cookiemelding" class="cookie-melding"><p>Deze website gebruikt cookies.</p></div>
		<div class="cc-window" id="CybotCookiebotDialog"><p>Toestemming</p></div>
		<div data-x="1" class="consent-banner"><p>Mogen wij?</p></div>
		<header><h1>Jaarstukken 2020</h1><form><input name="q"><button>Zoek</button></form></header>
		<nav><ul><li><a href="/p1">Inleiding</a></li></ul></nav>
		<ol class="breadcrumb"><li><a href="/">Home</a></li></ol>
		<div id="kruimelpad">Home &gt; Programma's</div>
		<div role="navigation"><a href="/p2">Programma's</a></div>
		<h2>Inhoud</h2>
		<p hidden>verborgen</p>
		<p aria-hidden="true">ook verborgen</p>
		<div style="DISPLAY : none">onzichtbaar</div>
		<p class="visually-hidden">voor schermlezers</p>
		<noscript><p>Zet JavaScript aan.</p></noscript>
		<template><p>sjabloon</p></template>
		<svg><text>grafiek</text></svg>
		<p>Zichtbare tekst.</p>
		<footer><p>&copy; Gemeente</p></footer>
		<script src="/app.js"></script>
		</body></html>`,
	want:  []string{"h2: Inhoud", "p: Zichtbare tekst."},
	title: "Jaarstukken 2020 - Gemeente Dinkelland",
}, {
	name:  "main is read alone and headers inside content stay",
	in:    `<body><aside><p>Zie ook</p></aside><main id="main"><article><header><h1>Meedoen</h1></header><p>Tekst</p><footer><p>Laatst gewijzigd</p></footer></article></main><div>Na main</div></body>`,
	want:  []string{"h1: Meedoen", "p: Tekst", "p: Laatst gewijzigd"},
	title: "Meedoen",
}, {
	name: "empty main falls back to body",
	in:   `<main> </main><p>Tekst</p>`,
	want: []string{"p: Tekst"},
}, {
	name:  "charset windows-1252",
	in:    "<html><head><meta charset=\"windows-1252\"><title>Financi\xEBn</title></head><body><p>financi\xEBle middelen \x80\xA04,65 miljoen, \x93Iedereen doet mee\x94</p></body></html>",
	want:  []string{"p: financiële middelen € 4,65 miljoen, “Iedereen doet mee”"},
	title: "Financiën",
}, {
	name: "charset in http-equiv",
	in:   "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>co\xF6rdinator</p>",
	want: []string{"p: coördinator"},
}, {
	name:    "undeclared latin-1 is read as windows-1252",
	in:      "<p>Financi\xEBle kaders</p>",
	want:    []string{"p: Financiële kaders"},
	warning: "no charset declared and not valid UTF-8: read as windows-1252",
}, {
	name: "utf-8 byte order mark",
	in:   "\xEF\xBB\xBF<p>één toegang</p>",
	want: []string{"p: één toegang"},
}, {
	name: "utf-16 byte order mark",
	in:   "\xFF\xFE<\x00p\x00>\x00\xE9\x00\xE9\x00n\x00<\x00/\x00p\x00>\x00",
	want: []string{"p: één"},
}, {
	name: "meta utf-16 without bom is utf-8",
	in:   "<meta charset=\"utf-16\"><p>één</p>",
	want: []string{"p: één"},
}, {
	name: "truncated html",
	in:   `<main><h2>Exploitatie</h2><table><tr><td>Lasten</td><td>69.8`,
	want: []string{"h2: Exploitatie", "table(): Lasten | 69.8"},
}, {
	name: "malformed nesting",
	in:   `<p><b>vet<i>cursief</b> los</i><p>tweede<li>los item</li></p></td></tr><div>einde`,
	want: []string{"p: vetcursief los", "p: tweede", "p: los item", "p: einde"},
}, {
	name: "div table with ARIA roles",
	in: `<div role="table" aria-label="Exploitatie"><div role="caption">bedragen x &euro;1.000</div>
		<div role="rowgroup"><div role="row"><span role="columnheader"></span><span role="columnheader">2024</span><span role="columnheader" aria-colspan="2">Raming</span></div></div>
		<div role="rowgroup"><div role="row"><span role="rowheader">Lasten</span><span role="cell">1.200</span><span role="cell">1.300</span><span role="cell">1.400</span></div></div></div>`,
	want: []string{"table(bedragen x €1.000): [] | [2024] | [Raming] | [Raming]* // [Lasten] | 1.200 | 1.300 | 1.400"},
}, {
	name: "div table with CSS grid classes",
	in: `<div class="table"><div class="table__caption">bedragen x &euro;1.000</div>
		<div class="table__row table__row--head"><div class="table__cell"></div><div class="table__cell">2024</div><div class="table__cell">2025</div></div>
		<div class="table__body"><div class="table__row"><div class="table__cell">Baten</div><div class="table__cell" style="grid-column: span 2">5</div></div>
		<div class="tr"><div class="th">Lasten</div><div>6</div><div>7</div></div></div></div>`,
	want: []string{"table(bedragen x €1.000): [] | [2024] | [2025] // Baten | 5 | 5* // [Lasten] | 6 | 7"},
}, {
	name: "layout rows and columns are no table",
	in:   `<div class="container"><div class="row"><div class="col-md-6"><p>Links</p></div><div class="col-md-6"><p>Rechts</p></div></div></div><div class="table-responsive"><table><tr><td>a</td></tr></table></div>`,
	want: []string{"p: Links", "p: Rechts", "table(): a"},
}, {
	name: "bold leading rows are header rows",
	in: `<table><tbody><tr><td><strong>Beleidsveld</strong></td><td colspan="2"><b>bedragen x &euro;1000</b></td></tr>
		<tr><td><strong>&nbsp;</strong></td><td><strong>2016</strong></td><td><strong>2017</strong></td></tr>
		<tr><td><strong>Jeugd</strong></td><td></td><td></td></tr><tr><td>Lasten</td><td>1</td><td>2</td></tr></tbody></table>`,
	want: []string{"table(): [Beleidsveld] | [bedragen x €1000] | [bedragen x €1000]* // [] | [2016] | [2017] // Jeugd |  |  // Lasten | 1 | 2"},
}, {
	name: "header row marked by its class in tbody, row labels as th",
	in:   `<table><tbody><tr class="table-header"><td></td><td>2023</td></tr><tr><th scope="row">Lasten</th><td><p><span>1&nbsp;200</span></p></td></tr></tbody></table>`,
	want: []string{"table(): [] | [2023] // [Lasten] | 1 200"},
}, {
	name: "a table of bold cells has no header",
	in:   `<table><tr><td><b>a</b></td><td><b>b</b></td></tr><tr><td><b>c</b></td><td><b>d</b></td></tr></table>`,
	want: []string{"table(): a | b // c | d"},
}, {
	name: "aria-hidden cell text beside a screen-reader copy is what the cell shows",
	in: `<table><tr><th>Lasten</th><td data-label="2024"><span class="sr-only">2024: 1.200</span><span aria-hidden="true"><strong>1&nbsp;200</strong></span></td>
		<td><span class="icon" aria-hidden="true">&#9679;</span> Gereed</td></tr></table>`,
	want: []string{"table(): [Lasten] | 1 200 | Gereed"},
}, {
	name: "hidden tab panels are read, tab lists are not",
	in: `<div class="tabs"><ul role="tablist"><li role="tab" aria-selected="true">Grafiek</li><li role="tab">Tabel</li></ul>
		<div role="tabpanel" class="tab-pane active"><img src="g.png" alt="Grafiek"></div>
		<div role="tabpanel" hidden><p>Doelstellingen</p></div>
		<div class="tab-pane is-hidden" aria-hidden="true"><table><tr><td>Lasten</td><td>1</td></tr></table></div></div>`,
	want: []string{"p: Doelstellingen", "table(): Lasten | 1"},
}, {
	name: "accordion",
	in:   `<details class="accordion"><summary><h3>Exploitatie</h3></summary><p>(bedragen x &euro;1.000)</p></details><details><summary>Toelichting</summary>Tekst</details>`,
	want: []string{"h3: Exploitatie", "p: (bedragen x €1.000)", "p: Toelichting", "p: Tekst"},
}, {
	name: "plain text without tags",
	in:   "Wat heeft het gekost?\n\nLasten 69.839",
	want: []string{"p: Wat heeft het gekost? Lasten 69.839"},
}}

func TestParse(t *testing.T) {
	for _, tc := range parseTests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(strings.NewReader(tc.in), extract.Source{Path: "test.html"})
			if err != nil {
				t.Fatalf("Parse(%s): %v", tc.name, err)
			}
			got := render(doc)
			if strings.Join(got, "\n---\n") != strings.Join(tc.want, "\n---\n") {
				t.Errorf("Parse(%s) blocks:\ngot  %q\nwant %q", tc.name, got, tc.want)
			}
			if tc.title != "" && doc.Title != tc.title {
				t.Errorf("Parse(%s) title = %q, want %q", tc.name, doc.Title, tc.title)
			}
			if warnings := strings.Join(doc.Warnings, "; "); warnings != tc.warning {
				t.Errorf("Parse(%s) warnings = %q, want %q", tc.name, warnings, tc.warning)
			}
			if doc.Source.Format != extract.FormatHTML {
				t.Errorf("Parse(%s) format = %q, want %q", tc.name, doc.Source.Format, extract.FormatHTML)
			}
			checkSelectors(t, doc)
		})
	}
}

// render writes each block as one line in the notation of parseTests.
func render(doc *extract.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		switch b.Kind {
		case extract.Heading:
			out = append(out, fmt.Sprintf("h%d: %s", b.Level, b.Text))
		case extract.Paragraph:
			out = append(out, "p: "+b.Text)
		case extract.List:
			tag := "ul"
			var items []string
			for _, it := range b.Items {
				if it.Ordered {
					tag = "ol"
				}
				items = append(items, it.Text)
			}
			out = append(out, tag+": "+strings.Join(items, " / "))
		case extract.TableBlock:
			var rows []string
			for _, row := range b.Table.Rows {
				var cells []string
				for _, c := range row {
					s := c.Text
					if c.Header {
						s = "[" + s + "]"
					}
					if c.Spanned {
						s += "*"
					}
					cells = append(cells, s)
				}
				rows = append(rows, strings.Join(cells, " | "))
			}
			out = append(out, fmt.Sprintf("table(%s): %s", b.Table.Caption, strings.TrimSpace(strings.Join(rows, " // "))))
		}
	}
	return out
}

// checkSelectors checks that every block, item and cell has a selector.
func checkSelectors(t *testing.T, doc *extract.Document) {
	t.Helper()
	for _, b := range doc.Blocks {
		if b.Pos.Selector == "" {
			t.Errorf("%s block %q has no selector", b.Kind, b.Text)
		}
		for _, it := range b.Items {
			if it.Pos.Selector == "" {
				t.Errorf("item %q has no selector", it.Text)
			}
		}
		if b.Table != nil {
			for _, row := range b.Table.Rows {
				for _, c := range row {
					if c.Pos.Selector == "" {
						t.Errorf("cell %q has no selector", c.Text)
					}
				}
			}
		}
	}
}

func TestSelectors(t *testing.T) {
	in := `<main><p>een</p><section><p>twee</p><table><tr><td>a</td><td>b</td></tr></table></section><p>drie</p><ul><li>x</li></ul></main>`
	doc, err := Parse(strings.NewReader(in), extract.Source{Path: "test.html"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Pos.Selector)
		if b.Table != nil {
			got = append(got, b.Table.Rows[0][1].Pos.Selector)
		}
		for _, it := range b.Items {
			got = append(got, it.Pos.Selector)
		}
	}
	want := []string{
		"main > p:nth-of-type(1)",
		"main > section > p",
		"main > section > table",
		"main > section > table > tbody > tr > td:nth-of-type(2)",
		"main > p:nth-of-type(2)",
		"main > ul",
		"main > ul > li",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("selectors:\ngot  %q\nwant %q", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", extract.ErrEmpty},
		{"whitespace", " \n\t\r\n", extract.ErrEmpty},
		{"byte order mark only", "\xEF\xBB\xBF  ", extract.ErrEmpty},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", extract.ErrNotText},
		{"nul bytes in html", "<p>tekst\x00\x00\x00</p>", extract.ErrNotText},
		{"control characters", "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11<p>x</p>", extract.ErrNotText},
		{"invalid utf-8 declared", "<meta charset=utf-8>" + strings.Repeat("\xff\xfe\xfd", 40), extract.ErrNotText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			const name = "https://example.nl/p1/pagina"
			_, err := Parse(strings.NewReader(tc.in), extract.Source{URL: name})
			readertest.ParseError(t, tc.name, err, name, tc.want)
		})
	}
}

func TestParseReadError(t *testing.T) {
	_, err := Parse(readertest.ErrReader{}, extract.Source{Path: "p.html"})
	var perr *extract.ParseError
	if !errors.As(err, &perr) || !strings.Contains(err.Error(), "connection reset") {
		t.Fatalf("Parse(failing reader) = %v, want a ParseError with the read error", err)
	}
}

func TestManySpans(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"colspan", "<table>" + strings.Repeat(`<tr><td colspan="1000">x</td></tr>`, 300) + "</table>"},
		{"rowspan", `<table><tr><td colspan="1000" rowspan="65534">x</td></tr>` + strings.Repeat("<tr></tr>", 300) + "</table>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(strings.NewReader(tc.in), extract.Source{Path: "spans.html"})
			if err != nil {
				t.Fatal(err)
			}
			cells := 0
			for _, r := range doc.Blocks[0].Table.Rows {
				cells += len(r)
			}
			if cells > maxSpanCopies+2*maxColspan || len(doc.Warnings) != 1 {
				t.Errorf("Parse(%s) gave %d cells and warnings %q; want at most %d cells and one warning", tc.name, cells, doc.Warnings, maxSpanCopies+2*maxColspan)
			}
		})
	}
}

func TestDeepNesting(t *testing.T) {
	// Below the parser's limit of 512 open elements, deeper than maxDepth.
	in := strings.Repeat("<div>", 400) + "<p>diep</p>" + strings.Repeat("<span>", 50) + "x"
	doc, err := Parse(strings.NewReader(in), extract.Source{Path: "deep.html"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "diep\nx" {
		t.Errorf("got %q, want one paragraph %q", render(doc), "diep\nx")
	}
	// Beyond it x/net/html gives up; that is an error, not a panic.
	in = strings.Repeat("<div>", 600) + "x"
	_, err = Parse(strings.NewReader(in), extract.Source{Path: "deeper.html"})
	var perr *extract.ParseError
	if !errors.As(err, &perr) {
		t.Errorf("Parse(600 nested divs) = %v, want a ParseError", err)
	}
}
