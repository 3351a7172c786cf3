package ocr

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/vocab"
)

// FullEnv enables the corpus OCR tests that take more than a few pages:
// BEGROOT_OCR_FULL=1 go test ./extract/ocr (and not -short).
const FullEnv = "BEGROOT_OCR_FULL"

// full skips a test unless the long corpus OCR runs are asked for.
func full(t *testing.T) {
	t.Helper()
	if testing.Short() || os.Getenv(FullEnv) == "" {
		t.Skipf("OCR of the whole corpus: set %s=1 (and leave out -short)", FullEnv)
	}
}

const wassenaar = "corpus/raw/wassenaar-beleidsbibliotheek"

// screenshot is one of the single-page "Overzicht baten en lasten per
// taakveld" screenshots.
type screenshot struct {
	file   string
	values int // values per taakveld row: baten, lasten, saldo per column group
	// minBalanced is the number of taakveld rows whose every baten +
	// lasten = saldo must hold with the OCR values: a little below the
	// count measured with tesseract 5.3.0 (in the comment), so that
	// another tesseract version passes and a worse layout fails.
	minBalanced int
}

var screenshots = []screenshot{
	{"Jaarstukken_2021.pdf", 3, 48}, // begroting 2021; 51 of 52 balance
	{"Jaarstukken_2022.pdf", 9, 31}, // begroting primair, actueel, rekening; 34 of 48
	{"Jaarstukken_2023.pdf", 3, 44}, // begroting 2023; 47 of 48
	{"Jaarstukken_2024.pdf", 9, 33}, // begroting primair, actueel, rekening; 36 of 52
	{"Jaarstukken_2025.pdf", 3, 42}, // begroting 2025, printed sideways; 45 of 45
}

// taakveld matches the label of a taakveld row: "0.61 OZB Woningen".
var taakveld = regexp.MustCompile(`^(\d{1,2}\.\d{1,2})\s`)

// tally is what the corpus tests count on one OCR'd screenshot.
type tally struct {
	numbers    int // words that are numbers
	taakvelden int // table rows labelled with a taakveld
	rightCells int // … with exactly the expected number of values
	balanced   int // … whose groups all satisfy baten + lasten = saldo
	rows       map[string][]string
}

func count(pages []Page, doc *extract.Document, values int) tally {
	tl := tally{rows: map[string][]string{}}
	for _, p := range pages {
		for _, w := range p.Words {
			if vocab.IsNumber(w.Text) {
				tl.numbers++
			}
		}
	}
	for _, b := range doc.Blocks {
		if b.Kind != extract.TableBlock {
			continue
		}
		for _, row := range b.Table.Rows {
			m := taakveld.FindStringSubmatch(row[0].Text)
			if m == nil {
				continue
			}
			tl.taakvelden++
			var vals []string
			for _, c := range row[1:] {
				if c.Text != "" {
					vals = append(vals, c.Text)
				}
			}
			tl.rows[m[1]] = vals
			if len(vals) != values || len(row) != values+1 {
				continue
			}
			tl.rightCells++
			if balanced(vals) {
				tl.balanced++
			}
		}
	}
	return tl
}

// balanced reports whether each group of three values is baten, lasten,
// saldo with saldo = baten + lasten (lasten printed negative) or baten −
// lasten (printed positive).
func balanced(vals []string) bool {
	for g := 0; g+3 <= len(vals); g += 3 {
		var v [3]float64
		for i := range v {
			n, ok := vocab.Parse(vals[g+i])
			if !ok {
				return false
			}
			v[i] = n.Value
		}
		if v[0]+v[1] != v[2] && v[0]-v[1] != v[2] {
			return false
		}
	}
	return true
}

func ocrScreenshot(t *testing.T, s screenshot, opt Options) ([]Page, *extract.Document) {
	t.Helper()
	path := fixtures.Shared(t, filepath.Join(wassenaar, s.file))
	fixtures.Program(t, "tesseract")
	pages, err := Read(context.Background(), path, nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	return pages, Document(extract.Source{Path: s.file}, pages)
}

// TestScreenshot2021 OCRs the 2021 screenshot (one page) and compares it
// with the text layer of the same spread in the begroting 2021-2024.
func TestScreenshot2021(t *testing.T) {
	ref := referenceRows(t)
	s := screenshots[0]
	pages, res := ocrScreenshot(t, s, Options{})
	tl := count(pages, res, s.values)
	rows, cells := 0, 0
	for code, want := range ref {
		got := tl.rows[code]
		if strings.Join(got, "|") == strings.Join(want, "|") {
			rows++
		} else {
			t.Logf("%s: got %q, want %q", code, got, want)
		}
		for i := range min(len(got), len(want)) {
			if got[i] == want[i] {
				cells++
			}
		}
	}
	t.Logf("%s: %v per page; %d numbers; %d/%d taakveld rows, %d with %d values, %d balanced; reference: %d/%d rows and %d/%d cells equal",
		s.file, pages[0].Elapsed.Round(100*time.Millisecond), tl.numbers, tl.taakvelden, len(ref), tl.rightCells, s.values, tl.balanced, rows, len(ref), cells, 3*len(ref))
	if tl.balanced < s.minBalanced {
		t.Errorf("%d taakveld rows balance, want at least %d", tl.balanced, s.minBalanced)
	}
	// Measured: 50 of 52 rows as in the text layer.
	if minEqual := 48; rows < minEqual {
		t.Errorf("%d taakveld rows equal the text layer, want at least %d", rows, minEqual)
	}
	m := measure(res)
	equal, verified := precision(t, m.rep, ref)
	t.Logf("%s: %v; verified taakveld records equal to the text layer: %d/%d", s.file, m, equal, verified)
	if verified == 0 || float64(equal) < minPrecision*float64(verified) {
		t.Errorf("%d of %d verified taakveld records equal the text layer, want at least %.2f", equal, verified, minPrecision)
	}
}

// minPrecision is the share of verified OCR records that must equal the
// text layer: a check that holds by chance is rare, not never.
const minPrecision = 0.99

// TestScreenshots OCRs the other four screenshots (2022-2025; one page
// each, 12-60 s of CPU per page) and counts the taakveld rows that
// balance.
func TestScreenshots(t *testing.T) {
	full(t)
	for _, s := range screenshots[1:] {
		t.Run(s.file, func(t *testing.T) {
			pages, res := ocrScreenshot(t, s, Options{})
			tl := count(pages, res, s.values)
			t.Logf("%s: %v, turned %d°; %d numbers; %d taakveld rows, %d with %d values, %d balanced; %v",
				s.file, pages[0].Elapsed.Round(100*time.Millisecond), pages[0].Rotated, tl.numbers, tl.taakvelden, tl.rightCells, s.values, tl.balanced, measure(res))
			if tl.balanced < s.minBalanced {
				t.Errorf("%d taakveld rows balance, want at least %d", tl.balanced, s.minBalanced)
			}
		})
	}
}

// PSMEnv asks TestMeasurePSM to OCR the five screenshots once per page
// segmentation mode, the measurement behind DefaultPSM:
// BEGROOT_OCR_FULL=1 BEGROOT_OCR_PSM=1 go test ./extract/ocr -run MeasurePSM -v -timeout 2h
const PSMEnv = "BEGROOT_OCR_PSM"

func TestMeasurePSM(t *testing.T) {
	full(t)
	if os.Getenv(PSMEnv) == "" {
		t.Skipf("the page segmentation measurement: set %s=1 too", PSMEnv)
	}
	for _, psm := range []int{3, 4, 6, 11, 12} {
		for _, s := range screenshots {
			pages, res := ocrScreenshot(t, s, Options{PSM: psm})
			tl := count(pages, res, s.values)
			t.Logf("psm %2d %s: %6.1f s, %4d numbers, %3d taakveld rows, %3d with %d values, %3d balanced",
				psm, s.file, pages[0].Elapsed.Seconds(), tl.numbers, tl.taakvelden, tl.rightCells, s.values, tl.balanced)
		}
	}
}

// referenceLine is a taakveld row of pdftotext -layout: code, label and
// baten, lasten, saldo.
var referenceLine = regexp.MustCompile(`^\s*(\d{1,2}\.\d{1,2})\s.*?\s(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*$`)

// referenceRows reads the taakveld rows of pages 196-197 of the begroting
// 2021-2024, the source of the 2021 screenshot, with pdftotext.
func referenceRows(t *testing.T) map[string][]string {
	t.Helper()
	path := fixtures.Shared(t, filepath.Join(wassenaar, "begroting-wassenaar-2021-2024.pdf"))
	fixtures.Program(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-layout", "-f", "196", "-l", "197", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, l := range strings.Split(string(out), "\n") {
		if m := referenceLine.FindStringSubmatch(l); m != nil {
			rows[m[1]] = m[2:]
		}
	}
	if len(rows) < 40 {
		t.Fatalf("pdftotext gives %d taakveld rows on pages 196-197, want 41", len(rows))
	}
	return rows
}

// jaarrekening2019 has Type 3 fonts without a ToUnicode map: pdfdoc
// reads digit soup and reports no usable text, so every page needs OCR.
// Its programme chapters end in "Wat heeft het gekost" tables in
// thousands of euros (gekostPages).
const jaarrekening2019 = "jaarrekening-2019-wassenaar.pdf"

// JaarrekeningPagesEnv names the pages TestJaarrekening2019 reads with
// BEGROOT_OCR_FULL instead of gekostPages. With ReportEnv the test writes
// the report as JSON to that file.
const (
	JaarrekeningPagesEnv = "BEGROOT_OCR_PAGES"
	ReportEnv            = "BEGROOT_OCR_REPORT"
)

// gekostPages are the pages of the "Wat heeft het gekost" tables of P0-P8
// (35, 43, 48, 53, 58, 66, 83, 92, 100; found from the contents on page 5
// and OCR at 60-100 dpi), the pages their tables continue on (36, 44, 49,
// 67, 84: reserves and programma resultaat rows) and the "Overzicht van
// baten en lasten in de jaarrekening" on page 177, which sums them up.
var gekostPages = []int{35, 36, 43, 44, 48, 49, 53, 58, 66, 67, 83, 84, 92, 100, 177}

// overviewTable is the title of the table on page 177: one row per
// programme with its baten, lasten and saldo.
const overviewTable = "Overzicht van baten en lasten in de jaarrekening"

// programmeCode is a programme's number at the start of its table title
// ("P5 Sport, cultuur en recreatie") or of its overview row.
var programmeCode = regexp.MustCompile(`^P(\d)\s`)

// programmeLasten compares, per programme, the "Totaal lasten" of its
// "Wat heeft het gekost" table in the Rekening 2019 column with the
// lasten of its row in the overview, where both were read. P0 is left
// out: its table also holds algemene dekkingsmiddelen, overhead and
// vennootschapsbelasting, which the overview has as rows of their own.
func programmeLasten(rep *normalize.Report) (equal int, differ []string) {
	tables, overview := map[string]int64{}, map[string]int64{}
	for _, f := range rep.Financial {
		if f.Value == nil {
			continue
		}
		if m := programmeCode.FindStringSubmatch(f.Table); m != nil && f.Row == "Totaal lasten" && f.Column == "Rekening 2019" {
			tables[m[1]] = *f.Value
		}
		if m := programmeCode.FindStringSubmatch(f.Row); m != nil && f.Table == overviewTable && f.Column == "Rekening 2019 lasten" {
			overview[m[1]] = *f.Value
		}
	}
	for code, v := range tables {
		w, ok := overview[code]
		switch {
		case code == "0" || !ok:
		case v == w:
			equal++
		default:
			differ = append(differ, fmt.Sprintf("P%s: table %d, overview %d", code, v, w))
		}
	}
	return equal, differ
}

// TestJaarrekening2019 OCRs pages of the 2019 jaarrekening around a "Wat
// heeft het gekost" table (43-45 by default; with BEGROOT_OCR_FULL the
// programme tables, gekostPages, or the pages in BEGROOT_OCR_PAGES) and
// requires financial records whose checks mostly hold, and programme
// lasten equal to those of the overview on page 177 where both are read.
func TestJaarrekening2019(t *testing.T) {
	path := fixtures.Shared(t, filepath.Join(wassenaar, jaarrekening2019))
	fixtures.Program(t, "tesseract")
	pages := []int{43, 44, 45}
	if os.Getenv(FullEnv) != "" && !testing.Short() {
		pages = gekostPages
		if s := os.Getenv(JaarrekeningPagesEnv); s != "" {
			pages = nil
			for _, f := range strings.Split(s, ",") {
				p, err := strconv.Atoi(strings.TrimSpace(f))
				if err != nil {
					t.Fatalf("%s: %v", JaarrekeningPagesEnv, err)
				}
				pages = append(pages, p)
			}
		}
	}
	read, err := Read(context.Background(), path, pages, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := measure(Document(extract.Source{Path: path, Format: extract.FormatPDF}, read))
	if out := os.Getenv(ReportEnv); out != "" {
		data, err := json.MarshalIndent(m.rep, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ok := 0
	for _, c := range m.rep.Checks {
		if c.OK {
			ok++
		}
	}
	var times []string
	for _, p := range read {
		times = append(times, fmt.Sprintf("page %d %v", p.Number, p.Elapsed.Round(100*time.Millisecond)))
	}
	t.Logf("%s pages %v: %d financial records, %d verified; %d of %d checks hold; %s", jaarrekening2019, pages, len(m.rep.Financial), m.verified, ok, len(m.rep.Checks), strings.Join(times, ", "))
	// Measured on pages 43-45: see minJaarrekeningChecks.
	if ok < minJaarrekeningChecks || 2*ok < len(m.rep.Checks) {
		t.Errorf("%d of %d checks hold, want at least %d and most", ok, len(m.rep.Checks), minJaarrekeningChecks)
	}
	equal, differ := programmeLasten(m.rep)
	t.Logf("programme lasten equal to the overview's: %d", equal)
	if len(differ) > 0 {
		t.Errorf("programme lasten differ from the overview's: %s", strings.Join(differ, "; "))
	}
	if slices.Equal(pages, gekostPages) && equal < minProgrammeLastenEqual {
		t.Errorf("%d programmes' lasten equal to the overview's, want at least %d", equal, minProgrammeLastenEqual)
	}
}

// minProgrammeLastenEqual is a little below the programmes (P1-P8) whose
// table total and overview lasten were both read on gekostPages with
// tesseract 5.3.0: 6 (P1, P2, P4, P5, P6, P7; P3's and P8's table totals
// are not read), all equal.
const minProgrammeLastenEqual = 5

// minJaarrekeningChecks is a little below the checks that hold on pages
// 43-45 with tesseract 5.3.0: 4 of 5 (29 financial records, 12 verified).
const minJaarrekeningChecks = 3

// TestProgrammeLasten checks the comparison of programme tables with the
// overview on small reports.
func TestProgrammeLasten(t *testing.T) {
	rec := func(table, row, column string, v int64) normalize.Financial {
		return normalize.Financial{Table: table, Row: row, Column: column, Value: &v}
	}
	p1 := rec("P1 Veiligheid", "Totaal lasten", "Rekening 2019", -2773000)
	p0 := rec("PO Bestuur en ondersteuning", "Totaal lasten", "Rekening 2019", -13230000)
	p0Zero := rec("P0 Bestuur en ondersteuning", "Totaal lasten", "Rekening 2019", -13230000)
	overview := func(row string, v int64) normalize.Financial {
		return rec(overviewTable, row, "Rekening 2019 lasten", v)
	}
	for _, tc := range []struct {
		name      string
		financial []normalize.Financial
		equal     int
		differ    int
	}{
		{"equal", []normalize.Financial{p1, overview("P1 Veiligheid", -2773000)}, 1, 0},
		{"differ", []normalize.Financial{p1, overview("P1 Veiligheid", -2774000)}, 0, 1},
		{"no overview row", []normalize.Financial{p1, overview("P2 Verkeer en vervoer", -2773000)}, 0, 0},
		{"other column", []normalize.Financial{p1, rec(overviewTable, "P1 Veiligheid", "Begroting actueel 2019 lasten", -2773000)}, 0, 0},
		{"P0 left out", []normalize.Financial{p0Zero, overview("P0 Bestuur en ondersteuning", -4235000)}, 0, 0},
		{"PO read for P0", []normalize.Financial{p0, overview("P0 Bestuur en ondersteuning", -4235000)}, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			equal, differ := programmeLasten(&normalize.Report{Financial: tc.financial})
			if equal != tc.equal || len(differ) != tc.differ {
				t.Errorf("got %d equal, differences %q; want %d equal, %d differences", equal, differ, tc.equal, tc.differ)
			}
		})
	}
}
