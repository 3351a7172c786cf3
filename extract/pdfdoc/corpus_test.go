package pdfdoc

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

const wassenaar = "corpus/raw/wassenaar-beleidsbibliotheek/"

// record is one value of a table as the financial recogniser reads it: the
// row label, the column label (the header path) and the raw text.
type record struct {
	page             int
	row, column, raw string
}

func records(doc *extract.Document) []record {
	var out []record
	for _, t := range tables(doc) {
		var headers [][]extract.Cell
		for _, r := range t.Rows {
			if r[0].Header {
				headers = append(headers, r)
				continue
			}
			for j := 1; j < len(r); j++ {
				var path []string
				for _, h := range headers {
					if j < len(h) && h[j].Text != "" {
						path = append(path, h[j].Text)
					}
				}
				out = append(out, record{r[j].Pos.Page, fold(r[0].Text), fold(strings.Join(path, " ")), r[j].Text})
			}
		}
	}
	return out
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// TestCorpusGold checks that every value of the annotated tables of
// begroting_2024.pdf is a cell of a table on its page, under its row label
// and column header path.
func TestCorpusGold(t *testing.T) {
	path := fixtures.Shared(t, wassenaar+"begroting_2024.pdf")
	data, err := os.ReadFile(fixtures.Shared(t, "gold-pdf/begroting_2024.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Financial []struct {
			Page             int
			Row, Column, Raw string
		}
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	doc, err := parseFile(t, path)
	if err != nil {
		t.Fatal(err)
	}
	have := map[record]int{}
	for _, r := range records(doc) {
		have[r]++
	}
	missed := 0
	for _, g := range gold.Financial {
		r := record{g.Page, fold(g.Row), fold(g.Column), g.Raw}
		if have[r] == 0 {
			missed++
			if missed <= 10 {
				t.Errorf("page %d: no cell %q in row %q, column %q", g.Page, g.Raw, g.Row, g.Column)
			}
			continue
		}
		have[r]--
	}
	if missed > 0 {
		t.Errorf("%d of %d gold values missed", missed, len(gold.Financial))
	}
}

// TestCorpusFiles parses every PDF of the corpus: none may panic, the
// scanned and Type 3 files give ErrNoText, the others give text.
func TestCorpusFiles(t *testing.T) {
	dir := fixtures.Shared(t, "corpus/raw")
	noText := map[string]bool{
		"Jaarstukken_2021.pdf": true, "Jaarstukken_2022.pdf": true, "Jaarstukken_2023.pdf": true,
		"Jaarstukken_2024.pdf": true, "Jaarstukken_2025.pdf": true, "jaarrekening-2019-wassenaar.pdf": true,
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.pdf"))
	if len(files) == 0 {
		t.Skip("no PDFs in the corpus")
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			doc, err := parseFile(t, f)
			switch {
			case noText[name]:
				if !errors.Is(err, extract.ErrNoText) {
					t.Errorf("Parse(%s) error %v, want ErrNoText", name, err)
				}
			case err != nil:
				t.Errorf("Parse(%s): %v", name, err)
			case len(doc.Blocks) == 0 || doc.Pages == 0:
				t.Errorf("Parse(%s) = %d pages, %d blocks", name, doc.Pages, len(doc.Blocks))
			}
		})
	}
}

// TestCorpusWarnings checks the image-only pages of a text document and
// the negative control, a foundation's annual report with tables.
func TestCorpusWarnings(t *testing.T) {
	doc, err := parseFile(t, fixtures.Shared(t, wassenaar+"_fetched_Jaarstukken_2023.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Warnings) == 0 || doc.Warnings[0] != "page 173: no text layer (image only)" {
		t.Errorf("warnings %q, want the image-only pages from 173", doc.Warnings)
	}
	doc, err = parseFile(t, fixtures.Shared(t, "corpus/raw/negative-control-stichting-nijmegen/jaarstukken-2024.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(tables(doc)) == 0 {
		t.Error("negative control: no tables")
	}
}
