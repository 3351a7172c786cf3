package htmldoc_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
	"github.com/begroot/begroot/normalize"
	"golang.org/x/net/html/charset"
)

// minVariantF1 is the score every markup variant must reach in every
// category: the seeds' own gate (cmd/begroot TestSeedScore).
const minVariantF1 = 0.97

// variant re-wraps the content of a fixtures/html page in the markup of
// another platform. Each works on structure only (tables, lists, sections),
// never on the words of one page.
type variant struct {
	name  string
	about string
	apply func(*goquery.Document)
}

// variantsDir holds the generated pages, one directory per variant; under
// testdata, so that a run of the CLI over fixtures/html does not see them.
const variantsDir = "testdata/variants"

// variants are the markup styles of the hosted P&C platforms and CMS
// exports that variantsDir holds, one directory each.
var variants = []variant{
	{"rolegrid", "tables as divs with role table/rowgroup/row/columnheader/rowheader/cell, aria-colspan", roleGrid},
	{"cssgrid", "tables as CSS-grid divs with BEM classes (table__row, table__cell--head), spans as grid-column", cssGrid},
	{"responsive", "data-label per cell, header row as <td><strong> inside tbody, numbers in <span><strong> with &nbsp; thousands separators, sr-only duplicates of cell text", responsive},
	{"figure", "tables in <figure> with the caption as <figcaption>, a unit paragraph before a table moved to <p class=caption> after it", figure},
	{"twohead", "<thead> with two rows: the unit label over the columns (colspan) and as <small> in the first header cell", twoHead},
	{"cms", "CMS export: header rows as <tr class=table-header> of plain td in tbody, row labels as <th scope=row>, numbers as <p><span> with &nbsp; thousands separators and a U+2212 minus, the caption as a paragraph before the table", cms},
	{"views", "the doelstellingen/prestaties tab views in another order: goals only (active), combined (aria-hidden), prestaties only (hidden)", views},
	{"tabs", "each table in a tab panel hidden with aria-hidden and class tab-pane is-hidden beside a chart panel, h3 sections as <details><summary>, list views repeated in hidden panels", tabs},
}

// TestVariants writes (with -update) and checks the markup variants of the
// seed pages under variantsDir.
func TestVariants(t *testing.T) {
	for _, v := range variants {
		for _, stem := range fixtures.SeedStems {
			t.Run(v.name+"/"+stem, func(t *testing.T) {
				golden.CheckBytes(t, filepath.Join(variantsDir, v.name, stem+".html"), render(t, stem, v))
			})
		}
	}
}

// render applies v to the HTML rendering of a seed page, keeping the
// page's character encoding.
func render(t *testing.T, stem string, v variant) []byte {
	t.Helper()
	f, _ := fixtures.SeedHTML(t, stem)
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	text, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	page, err := goquery.NewDocumentFromReader(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	v.apply(page)
	out, err := goquery.OuterHtml(page.Selection)
	if err != nil {
		t.Fatal(err)
	}
	encoded, err := enc.NewEncoder().String(out)
	if err != nil {
		t.Fatalf("%s: encode: %v", stem, err)
	}
	return []byte(encoded)
}

// detailStem is the seed page whose activities the platforms also serve
// on pages of their own: the activity overview of a voortgangsrapportage.
const detailStem = "002_38f9374807b10af5"

// detailPages splits a seed page the way sites serve an activity overview
// with a page per activity: each item section (a div with an id, in a
// section, that starts with a heading) moves to a page of its own under
// the same programme heading; the overview keeps the rest.
func detailPages(t *testing.T, stem string) (overview []byte, details map[string][]byte) {
	t.Helper()
	page, err := goquery.NewDocumentFromReader(bytes.NewReader(render(t, stem, variant{apply: func(*goquery.Document) {}})))
	if err != nil {
		t.Fatal(err)
	}
	details = map[string][]byte{}
	h1 := page.Find("main h1").First()
	page.Find("main section > div[id]").Each(func(_ int, item *goquery.Selection) {
		if !item.Children().First().Is("h1, h2, h3, h4") {
			return
		}
		section := item.PrevAllFiltered("h2").First()
		detail, err := goquery.NewDocumentFromReader(bytes.NewReader(render(t, stem, variant{apply: func(*goquery.Document) {}})))
		if err != nil {
			t.Fatal(err)
		}
		main := detail.Find("main")
		main.Empty()
		main.AppendHtml(outer(h1) + "\n" + outer(section) + "\n" + outer(item) + "\n")
		details[item.AttrOr("id", "")] = []byte(outer(detail.Selection))
		item.Remove()
	})
	page.Find("main section").Each(func(_ int, s *goquery.Selection) {
		if s.Children().Not("h1, h2, h3").Length() == 0 {
			s.Remove() // only headings left
		}
	})
	return []byte(outer(page.Selection)), details
}

// outer returns the HTML of s; goquery only fails on a broken writer.
func outer(s *goquery.Selection) string {
	h, _ := goquery.OuterHtml(s)
	return h
}

// TestDetailPages writes (with -update) and checks the overview page and
// the activity pages of variantsDir/detail.
func TestDetailPages(t *testing.T) {
	overview, details := detailPages(t, detailStem)
	if len(details) == 0 {
		t.Fatalf("%s: no item sections to split off", detailStem)
	}
	dir := filepath.Join(variantsDir, "detail")
	golden.CheckBytes(t, filepath.Join(dir, detailStem+".html"), overview)
	for id, page := range details {
		golden.CheckBytes(t, filepath.Join(dir, detailStem, id+".html"), page)
	}
}

// TestDetailPageScore merges the overview and its activity pages as the
// crawl does and scores the whole against the gold of the one seed page:
// an activity on the overview and on its own page counts once.
func TestDetailPageScore(t *testing.T) {
	score := fixtures.Shared(t, "tools/score.py")
	gold := fixtures.Shared(t, filepath.Join("gold", detailStem+".json"))
	python := fixtures.Program(t, "python3")
	dir := filepath.Join(variantsDir, "detail")
	pages := []string{filepath.Join(dir, detailStem+".html")}
	more, err := filepath.Glob(filepath.Join(dir, detailStem, "*.html"))
	if err != nil || len(more) == 0 {
		t.Fatalf("no detail pages under %s: %v", dir, err)
	}
	for _, p := range more {
		pages = append(pages, filepath.Join(dir, detailStem, filepath.Base(p)))
	}
	var parts []normalize.Part
	for _, rel := range pages {
		rep := readReport(t, rel)
		parts = append(parts, normalize.Part{URL: "https://example.nl/" + filepath.ToSlash(rel), SHA256: rep.SHA256, Report: rep})
	}
	whole := normalize.Merge(normalize.Report{Document: detailStem}, parts)
	out, golds := t.TempDir(), t.TempDir()
	writeJSON(t, filepath.Join(out, detailStem+".json"), whole)
	data, err := os.ReadFile(gold)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(golds, detailStem+".json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	checkScore(t, python, score, golds, out, "detail")
}

// TestVariantScores reads every variant with htmldoc, recognises and
// normalises it, and scores it against the seed gold with score.py.
func TestVariantScores(t *testing.T) {
	if testing.Short() {
		t.Skip("scoring runs recognize and normalize on every variant")
	}
	score := fixtures.Shared(t, "tools/score.py")
	gold := fixtures.Shared(t, "gold")
	python := fixtures.Program(t, "python3")
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			out := t.TempDir()
			for _, stem := range fixtures.SeedStems {
				writeReport(t, filepath.Join(variantsDir, v.name, stem+".html"), out)
			}
			checkScore(t, python, score, gold, out, v.name)
		})
	}
}

// checkScore runs score.py on the reports in out and fails below
// minVariantF1 in any category.
func checkScore(t *testing.T, python, score, gold, out, name string) {
	t.Helper()
	res, err := exec.Command(python, score, gold, out, "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	var summary struct {
		Categories map[string]struct {
			F1 float64 `json:"f1"`
		} `json:"categories"`
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &summary); err != nil {
		t.Fatalf("score.py output: %v\n%s", err, res)
	}
	for _, cat := range []string{"financial", "indicators", "objectives"} {
		f1 := summary.Categories[cat].F1
		t.Logf("%s %s F1 %.3f", name, cat, f1)
		if f1 < minVariantF1 {
			t.Errorf("%s %s F1 %.3f < %.2f:\n%s", name, cat, f1, minVariantF1, res)
		}
	}
}

// writeReport reads the fixture at rel and writes its report to dir as
// <stem>.json, the name score.py looks for.
func writeReport(t *testing.T, rel, dir string) {
	t.Helper()
	writeJSON(t, filepath.Join(dir, strings.TrimSuffix(filepath.Base(rel), ".html")+".json"), readReport(t, rel))
}

// readReport reads, recognises and normalises the fixture at rel.
func readReport(t *testing.T, rel string) *normalize.Report {
	t.Helper()
	data, err := os.ReadFile(rel)
	if err != nil {
		t.Fatal(err)
	}
	src := extract.Source{Path: "extract/htmldoc/" + filepath.ToSlash(rel), Format: extract.FormatHTML}
	doc, err := htmldoc.Parse(bytes.NewReader(data), src)
	if err != nil {
		t.Fatalf("Parse(%s): %v", rel, err)
	}
	return normalize.Normalize(doc, recognize.Find(doc))
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	js, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, js, 0o644); err != nil {
		t.Fatal(err)
	}
}

// tables returns the page's tables inside its content.
func tables(page *goquery.Document) *goquery.Selection { return page.Find("main table") }

// rowsOf returns the rows of a table with whether each is a header row.
func rowsOf(table *goquery.Selection) (rows []*goquery.Selection, head []bool) {
	table.Find("tr").Each(func(_ int, tr *goquery.Selection) {
		if tr.ParentsFiltered("table").First().Get(0) != table.Get(0) {
			return // a nested table's row
		}
		rows = append(rows, tr)
		head = append(head, tr.ParentsFiltered("thead").Length() > 0 || tr.Children().Not("th").Length() == 0)
	})
	return rows, head
}

// replaceTag swaps s for a new element with the given tag and attributes,
// keeping s's children.
func replaceTag(s *goquery.Selection, tag string, attrs ...string) *goquery.Selection {
	var b strings.Builder
	b.WriteString("<" + tag)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		fmt.Fprintf(&b, " %s=%q", attrs[i], attrs[i+1])
	}
	b.WriteString("></" + tag + ">")
	s.BeforeHtml(b.String())
	n := s.Prev()
	n.AppendSelection(s.Contents())
	s.Remove()
	return n
}

// divTable turns every table into nested divs; roles says how to mark a
// part: "table", "caption", "rowgroup", "row", "head", "rowhead", "cell".
func divTable(page *goquery.Document, attrs func(part string, colspan int) []string) {
	tables(page).Each(func(_ int, table *goquery.Selection) {
		rows, head := rowsOf(table)
		for i, tr := range rows {
			tr.Children().Each(func(_ int, c *goquery.Selection) {
				span, _ := strconv.Atoi(c.AttrOr("colspan", "1"))
				part := "cell"
				switch {
				case head[i]:
					part = "head"
				case goquery.NodeName(c) == "th":
					part = "rowhead"
				}
				replaceTag(c, "div", attrs(part, span)...)
			})
			replaceTag(tr, "div", attrs("row", 1)...)
		}
		table.Find("thead, tbody, tfoot").Each(func(_ int, g *goquery.Selection) {
			replaceTag(g, "div", attrs("rowgroup", 1)...)
		})
		table.Find("caption").Each(func(_ int, c *goquery.Selection) {
			replaceTag(c, "div", attrs("caption", 1)...)
		})
		replaceTag(table, "div", attrs("table", 1)...)
	})
}

func roleGrid(page *goquery.Document) {
	roles := map[string]string{"head": "columnheader", "rowhead": "rowheader"}
	divTable(page, func(part string, span int) []string {
		role := part
		if r, ok := roles[part]; ok {
			role = r
		}
		colspan := ""
		if span > 1 {
			colspan = strconv.Itoa(span)
		}
		return []string{"role", role, "aria-colspan", colspan}
	})
}

func cssGrid(page *goquery.Document) {
	classes := map[string]string{
		"table": "table", "caption": "table__caption", "rowgroup": "table__body",
		"row": "table__row", "head": "table__cell table__cell--head",
		"rowhead": "table__cell table__cell--label", "cell": "table__cell",
	}
	divTable(page, func(part string, span int) []string {
		style := ""
		if span > 1 {
			style = fmt.Sprintf("grid-column: span %d", span)
		}
		return []string{"class", classes[part], "style", style}
	})
}

// dutchNumber is a number as the seed pages print it: "-64.125", "1.050",
// "50,60".
var dutchNumber = regexp.MustCompile(`^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$`)

func responsive(page *goquery.Document) {
	tables(page).Each(func(_ int, table *goquery.Selection) {
		rows, head := rowsOf(table)
		var labels []string
		for i, tr := range rows {
			if head[i] {
				labels = nil
				tr.Children().Each(func(_ int, c *goquery.Selection) {
					text := strings.TrimSpace(c.Text())
					span, _ := strconv.Atoi(c.AttrOr("colspan", "1"))
					for range max(span, 1) {
						labels = append(labels, text)
					}
					c.SetHtml("<strong>" + mustHTML(c) + "</strong>")
					replaceTag(c, "td", "colspan", c.AttrOr("colspan", ""))
				})
				continue
			}
			col := 0
			tr.Children().Each(func(_ int, c *goquery.Selection) {
				label := ""
				if col < len(labels) {
					label = labels[col]
				}
				span, _ := strconv.Atoi(c.AttrOr("colspan", "1"))
				col += max(span, 1)
				if label != "" {
					c.SetAttr("data-label", label)
				}
				text := strings.TrimSpace(c.Text())
				if dutchNumber.MatchString(text) && c.Children().Length() == 0 {
					c.SetHtml(`<span class="sr-only">` + label + ": " + text + `</span><span class="bedrag" aria-hidden="true"><strong>` +
						strings.ReplaceAll(text, ".", "&nbsp;") + "</strong></span>")
				}
			})
		}
		table.Find("thead").Each(func(_ int, g *goquery.Selection) {
			g.Next().Filter("tbody").PrependSelection(g.Children())
			g.Remove()
		})
		table.Find("tbody").First().SetAttr("class", "responsive")
	})
}

// mustHTML returns the inner HTML of s; goquery only fails on a broken
// writer.
func mustHTML(s *goquery.Selection) string {
	h, _ := s.Html()
	return h
}

// unitLine is a paragraph that holds only a table's unit label.
var unitLine = regexp.MustCompile(`(?i)^\(?\s*bedragen\s*(x|×)`)

func figure(page *goquery.Document) {
	tables(page).Each(func(_ int, table *goquery.Selection) {
		caption := table.ChildrenFiltered("caption")
		fig := `<figure class="tabel"></figure>`
		table.BeforeHtml(fig)
		f := table.Prev()
		if prev := f.Prev(); prev.Is("p") && unitLine.MatchString(strings.TrimSpace(prev.Text())) {
			prev.SetAttr("class", "caption")
			table.AfterSelection(prev)
		}
		f.AppendSelection(table)
		if caption.Length() > 0 {
			f.AppendHtml("<figcaption>" + mustHTML(caption) + "</figcaption>")
			caption.Remove()
		}
		if p := f.Next(); p.Is("p.caption") {
			f.AppendSelection(p)
		}
	})
	page.Find("main p.caption").Each(func(_ int, p *goquery.Selection) {
		if p.Parent().Is("figure") {
			return
		}
		if t := p.Prev(); t.Is("table") {
			t.AfterSelection(p)
		}
	})
}

func twoHead(page *goquery.Document) {
	tables(page).Each(func(_ int, table *goquery.Selection) {
		thead := table.ChildrenFiltered("thead")
		if thead.Length() == 0 || thead.Find("tr").Length() != 1 {
			return
		}
		unit := ""
		if caption := table.ChildrenFiltered("caption"); unitLine.MatchString(strings.TrimSpace(caption.Text())) {
			unit = mustHTML(caption)
			caption.Remove()
		} else if prev := table.Prev(); prev.Is("p") && unitLine.MatchString(strings.TrimSpace(prev.Text())) {
			unit = mustHTML(prev)
			prev.Remove()
		}
		if unit == "" {
			return
		}
		first := thead.Find("th").First()
		cols := thead.Find("th").Length()
		first.AppendHtml(" <small>" + unit + "</small>")
		thead.PrependHtml(fmt.Sprintf(`<tr><th></th><th colspan="%d" class="eenheid">%s</th></tr>`, cols-1, unit))
	})
}

func tabs(page *goquery.Document) {
	tables(page).Each(func(i int, table *goquery.Selection) {
		id := fmt.Sprintf("view-%d", i+1)
		table.BeforeHtml(fmt.Sprintf(`<div class="tabs"><ul role="tablist"><li role="tab" aria-controls="%[1]s-grafiek" aria-selected="true">Grafiek</li><li role="tab" aria-controls="%[1]s-tabel">Tabel</li></ul>`+
			`<div role="tabpanel" class="tab-pane active" id="%[1]s-grafiek"><img src="/chart/%[1]s.png" alt="Grafiek"></div>`+
			`<div role="tabpanel" class="tab-pane is-hidden" aria-hidden="true" id="%[1]s-tabel"></div></div>`, id))
		table.Prev().Find("#" + id + "-tabel").AppendSelection(table)
	})
	page.Find("main h3").Each(func(_ int, h *goquery.Selection) {
		// The heading and what follows up to the next heading become one
		// accordion.
		body := h.NextUntil("h1, h2, h3")
		h.BeforeHtml(`<details class="accordion"><summary></summary></details>`)
		d := h.Prev()
		d.Find("summary").AppendHtml("<h3>" + mustHTML(h) + "</h3>")
		d.AppendSelection(body)
		h.Remove()
	})
	page.Find("main .tab-pane:not(.active), main [role=tabpanel]:not(.active)").Each(func(_ int, p *goquery.Selection) {
		if p.Find("table").Length() == 0 {
			p.SetAttr("hidden", "")
		}
	})
}

func cms(page *goquery.Document) {
	tables(page).Each(func(_ int, table *goquery.Selection) {
		rows, head := rowsOf(table)
		for i, tr := range rows {
			if head[i] {
				tr.SetAttr("class", "table-header")
				tr.ChildrenFiltered("th").Each(func(_ int, c *goquery.Selection) {
					replaceTag(c, "td", "colspan", c.AttrOr("colspan", ""))
				})
				continue
			}
			tr.Children().Each(func(j int, c *goquery.Selection) {
				text := strings.TrimSpace(c.Text())
				switch {
				case j == 0 && goquery.NodeName(c) == "td" && c.AttrOr("colspan", "") == "":
					replaceTag(c, "th", "scope", "row")
				case dutchNumber.MatchString(text) && c.Children().Length() == 0:
					text = strings.ReplaceAll(strings.Replace(text, "-", "\u2212", 1), ".", "&nbsp;")
					c.SetHtml(`<p><span class="getal">` + text + "</span></p>")
				}
			})
		}
		table.Find("thead").Each(func(_ int, g *goquery.Selection) {
			g.Next().Filter("tbody").PrependSelection(g.Children())
			g.Remove()
		})
		if caption := table.ChildrenFiltered("caption"); caption.Length() > 0 {
			table.BeforeHtml(`<p class="table-title">` + mustHTML(caption) + "</p>")
			caption.Remove()
		}
	})
}

func views(page *goquery.Document) {
	page.Find("main [role=tabpanel]").Each(func(i int, p *goquery.Selection) {
		switch i {
		case 0:
			p.SetAttr("aria-hidden", "true")
			p.RemoveClass("active")
		case 1:
			p.AddClass("active")
			p.Parent().PrependSelection(p)
		default:
			p.SetAttr("hidden", "")
		}
	})
}
