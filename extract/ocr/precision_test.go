package ocr

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/vocab"
)

// PrecisionEnv asks TestMeasurePrecision to OCR image-only renderings of
// text-layer corpus pages with financial tables and compare the records
// with the text layer's:
//
//	BEGROOT_OCR_PRECISION=1 go test ./extract/ocr -run MeasurePrecision -v -timeout 1h
//
// Renders and OCR results are cached in precisionCache, so a second run
// only recognises and compares.
const PrecisionEnv = "BEGROOT_OCR_PRECISION"

// Parameters of the precision harness.
const (
	precisionSeed  = 12         // fixed: the same pages each run
	precisionPages = 20         // pages measured
	perDocument    = 3          // at most this many pages of one document, for variety of producers
	minRecords     = 6          // financial records a page needs in its text layer to be a candidate
	precisionDPI   = DefaultDPI // the rendering of the "scan"
	// minVerifiedPrecision and minRecall are the targets of issue 12.
	minVerifiedPrecision = 0.99
	minRecall            = 0.90
)

// precisionCache holds the single-page PDFs, their scans and OCR results.
var precisionCache = filepath.Join(os.TempDir(), "begroot-ocr-precision")

// precisionDocuments are corpus documents with a text layer, from
// different producers and municipalities.
var precisionDocuments = []string{
	"wassenaar-beleidsbibliotheek/begroting_2024.pdf",
	"wassenaar-beleidsbibliotheek/begroting_2026.pdf",
	"wassenaar-beleidsbibliotheek/begroting-wassenaar-2021-2024.pdf",
	"wassenaar-beleidsbibliotheek/_fetched_Jaarstukken_2023.pdf",
	"gr-ggd-flevoland/reg_ggd_flevoland_begroting_2026.pdf",
	"gr-ggd-flevoland/reg_ggd_flevoland_bestuursrapportage_aug_2024.pdf",
	"gr-ggd-flevoland/reg_ggd_flevoland_kadernota_2025.pdf",
	"gr-collectie-overijssel-pdflab/overijssel_jaarstukken_2023.pdf",
	"gemeente-almere/mun_almere_2026_stevige_lokale_teams_raadsvoorstel.pdf",
	"gemeente-almere/mun_almere_2026_stevige_lokale_teams_begrotingswijziging.pdf",
}

// parsePDF reads a PDF's text layer into a report.
func parsePDF(path string) (*normalize.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	doc, err := pdfdoc.Parse(bytes.NewReader(data), int64(len(data)), extract.Source{Path: path, Format: extract.FormatPDF})
	if err != nil {
		return nil, err
	}
	return normalize.Normalize(doc, recognize.Find(doc)), nil
}

// cellKey names a financial cell by its row and column.
func cellKey(f normalize.Financial) string {
	return normalize.Squash(f.Row) + "|" + normalize.Squash(f.Column)
}

// rowValueKey names a financial value by its row alone.
func rowValueKey(f normalize.Financial) string {
	row, _, _ := strings.Cut(cellKey(f), "|")
	return row + "|" + strconv.FormatInt(*f.Value, 10)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// cached runs make unless file exists, and returns file.
func cached(t *testing.T, file string, make func(file string) error) string {
	t.Helper()
	if _, err := os.Stat(file); err == nil {
		return file
	}
	if err := make(file + ".tmp"); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if err := os.Rename(file+".tmp", file); err != nil {
		t.Fatal(err)
	}
	return file
}

// ocrSuffix names a page's cached OCR result after the preprocessing
// that made it, so that runs of different versions share the renders.
func ocrSuffix() string { return "-ocr-pre" + strconv.Itoa(PreprocessVersion) + ".json" }

// precisionPage is one measured page: its single-page PDF (text layer)
// and the image-only rendering of it.
type precisionPage struct {
	doc  string
	page int
}

// candidates picks the pages: those with at least minRecords financial
// records in the text layer, at most perDocument of each document, drawn
// with a fixed seed.
func candidates(t *testing.T, raw string) []precisionPage {
	t.Helper()
	rng := rand.New(rand.NewPCG(precisionSeed, precisionSeed))
	var all []precisionPage
	for _, d := range precisionDocuments {
		rep, err := parsePDF(filepath.Join(raw, d))
		if err != nil {
			t.Fatal(err)
		}
		count := map[int]int{}
		for _, f := range rep.Financial {
			if f.Value != nil {
				count[f.Page]++
			}
		}
		var pages []int
		for p, n := range count {
			if n >= minRecords {
				pages = append(pages, p)
			}
		}
		slices.Sort(pages)
		rng.Shuffle(len(pages), func(i, j int) { pages[i], pages[j] = pages[j], pages[i] })
		for _, p := range pages[:min(perDocument, len(pages))] {
			all = append(all, precisionPage{d, p})
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:min(precisionPages, len(all))]
}

// precisionTally counts the comparison of OCR records with the text layer.
// See compare for when a record is equal, strictly and loosely.
type precisionTally struct {
	verified, verifiedOK, verifiedRow int // OCR records verified, … equal, … equal by value
	records, recordsOK, recordsRow    int // all OCR records with a value, … equal, … equal by value
	cells, found, foundRow            int // text layer records with a value, … found by OCR, … by row
}

func (a *precisionTally) add(b precisionTally) {
	a.verified += b.verified
	a.verifiedOK += b.verifiedOK
	a.verifiedRow += b.verifiedRow
	a.records += b.records
	a.recordsOK += b.recordsOK
	a.recordsRow += b.recordsRow
	a.cells += b.cells
	a.found += b.found
	a.foundRow += b.foundRow
}

func ratio(a, b int) float64 { return float64(a) / float64(max(b, 1)) }

func (a precisionTally) String() string {
	share := func(ok, row, n int) string {
		return fmt.Sprintf("%d/%d (%.3f; by row %.3f)", ok, n, ratio(ok, n), ratio(row, n))
	}
	return fmt.Sprintf("verified precision %s, all OCR records %s, recall %s",
		share(a.verifiedOK, a.verifiedRow, a.verified), share(a.recordsOK, a.recordsRow, a.records), share(a.found, a.foundRow, a.cells))
}

// printedLines are the lines of a page's text layer (pdftotext -layout)
// as the squashed label and the numbers that end the line, as printed.
type printedLines struct {
	byLabel map[string][]string // label → numbers of its lines
	numbers map[string]bool     // every number on the page
}

func readPrinted(t *testing.T, pdf string) printedLines {
	t.Helper()
	out, err := exec.Command("pdftotext", "-q", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	pl := printedLines{byLabel: map[string][]string{}, numbers: map[string]bool{}}
	for _, line := range strings.Split(string(out), "\n") {
		// The numbers are the run of values (nil markers such as "-"
		// included) at the end of the line; a number before a word
		// ("0.1 Bestuur") belongs to the label.
		words := strings.Fields(line)
		i := len(words)
		for i > 0 && vocab.IsValue(words[i-1]) {
			i--
			pl.numbers[words[i]] = true
		}
		k := normalize.Squash(strings.Join(words[:i], " "))
		pl.byLabel[k] = append(pl.byLabel[k], words[i:]...)
	}
	return pl
}

// compare counts the OCR records of one page against its text layer.
// Precision: an OCR record is equal when a printed line with its row's
// label holds its number as printed, or the text layer gives a record of
// the same row with the same number (a label over several lines, or
// below a group label, which no printed line holds whole) (strict), or
// the number is printed anywhere on the page (by value: OCR misread the
// label, or the row is labelled by a heading). Recall counts the financial records the single
// page's text layer gives (ref): found when OCR gives the same row,
// column and value (strict) or row and value (by row).
func compare(t *testing.T, name string, ref *normalize.Report, printed printedLines, got *normalize.Report) precisionTally {
	var tl precisionTally
	have, haveRow := map[string]bool{}, map[string]bool{}
	refRow := map[string]bool{}
	for _, f := range ref.Financial {
		if f.Value != nil {
			refRow[normalize.Squash(f.Row)+"|"+f.Raw] = true
		}
	}
	for _, f := range got.Financial {
		if f.Value == nil {
			continue
		}
		have[cellKey(f)+"|"+strconv.FormatInt(*f.Value, 10)] = true
		haveRow[rowValueKey(f)] = true
		equal := slices.Contains(printed.byLabel[normalize.Squash(f.Row)], f.Raw) || refRow[normalize.Squash(f.Row)+"|"+f.Raw]
		byValue := printed.numbers[f.Raw]
		tl.records++
		tl.recordsOK += b2i(equal)
		tl.recordsRow += b2i(byValue)
		if f.Verified {
			tl.verified++
			tl.verifiedOK += b2i(equal)
			tl.verifiedRow += b2i(byValue)
			if !byValue {
				t.Logf("%s: verified %q %q = %s not printed on the page (repaired %q)", name, f.Row, f.Column, f.Raw, f.Repaired)
			}
		}
	}
	for _, f := range ref.Financial {
		if f.Value == nil {
			continue
		}
		tl.cells++
		tl.found += b2i(have[cellKey(f)+"|"+strconv.FormatInt(*f.Value, 10)])
		tl.foundRow += b2i(haveRow[rowValueKey(f)])
	}
	return tl
}

// TestMeasurePrecision renders text-layer corpus pages with financial
// tables as image-only PDFs, reads them with OCR and compares every OCR
// financial record with the same page's text layer (same row, column and
// value).
func TestMeasurePrecision(t *testing.T) {
	if os.Getenv(PrecisionEnv) == "" {
		t.Skipf("the OCR precision measurement: set %s=1", PrecisionEnv)
	}
	raw := fixtures.Shared(t, "corpus/raw")
	fixtures.Program(t, "tesseract")
	fixtures.Program(t, "pdfseparate")
	if err := os.MkdirAll(precisionCache, 0o755); err != nil {
		t.Fatal(err)
	}
	var total precisionTally
	for _, c := range candidates(t, raw) {
		name := fmt.Sprintf("%s p%d", filepath.Base(c.doc), c.page)
		stem := filepath.Join(precisionCache, strings.TrimSuffix(filepath.Base(c.doc), ".pdf")+"-"+strconv.Itoa(c.page))
		single := cached(t, stem+".pdf", func(file string) error {
			return exec.Command("pdfseparate", "-f", strconv.Itoa(c.page), "-l", strconv.Itoa(c.page), filepath.Join(raw, c.doc), file).Run()
		})
		// The reference is the single page, as OCR sees it: no unit label
		// or header from the page before.
		ref, err := parsePDF(single)
		if err != nil {
			t.Logf("%s: left out: pdfseparate wrote a page pdfdoc cannot read: %v", name, err)
			continue
		}
		scan := cached(t, stem+"-scan.pdf", func(file string) error {
			out, err := exec.Command("pdftoppm", "-r", strconv.Itoa(precisionDPI), "-gray", "-singlefile", single).Output()
			if err != nil {
				return err
			}
			w, h, _, err := parsePGM(out)
			if err != nil {
				return err
			}
			pt := 72 / float64(precisionDPI)
			return os.WriteFile(file, imagePDF(t, out, float64(w)*pt, float64(h)*pt), 0o644)
		})
		// OCR results depend on the preprocessing (PreprocessVersion).
		ocrd := cached(t, stem+ocrSuffix(), func(file string) error {
			pages, err := Read(context.Background(), scan, nil, Options{})
			if err != nil {
				return err
			}
			data, err := json.Marshal(pages)
			if err != nil {
				return err
			}
			return os.WriteFile(file, data, 0o644)
		})
		data, err := os.ReadFile(ocrd)
		if err != nil {
			t.Fatal(err)
		}
		var pages []Page
		if err := json.Unmarshal(data, &pages); err != nil {
			t.Fatal(err)
		}
		doc := Document(extract.Source{Path: scan, Format: extract.FormatPDF}, pages)
		got := normalize.Normalize(doc, recognize.Find(doc))
		tl := compare(t, name, ref, readPrinted(t, single), got)
		t.Logf("%-60s %v", name, tl)
		total.add(tl)
	}
	t.Logf("all pages: %v", total)
	if ratio(total.verifiedOK, total.verified) < minVerifiedPrecision || ratio(total.found, total.cells) < minRecall {
		t.Errorf("%v; want verified precision at least %.2f and recall at least %.2f", total, minVerifiedPrecision, minRecall)
	}
}
