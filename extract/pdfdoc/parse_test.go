package pdfdoc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/fixtures/golden"
)

// parseFile parses a file with the default options.
func parseFile(t testing.TB, path string) (*extract.Document, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	// The race detector slows parsing several times over.
	opt := Options{Timeout: DefaultTimeout * fixtures.TimeScale}
	return ParseContext(context.Background(), f, st.Size(), extract.Source{Path: path, Format: extract.FormatPDF}, opt)
}

// render prints a table one row per line: the page of the row's first cell,
// then the cells, "H:" before header cells and "^" after spanned copies,
// "⏎" for line breaks inside a cell.
func render(t *extract.Table) []string {
	var out []string
	for _, r := range t.Rows {
		cells := make([]string, len(r))
		for i, c := range r {
			s := strings.ReplaceAll(c.Text, "\n", "⏎")
			if c.Header {
				s = "H:" + s
			}
			if c.Spanned {
				s += "^"
			}
			cells[i] = s
		}
		out = append(out, fmt.Sprintf("p%d | %s", r[0].Pos.Page, strings.Join(cells, " | ")))
	}
	return out
}

func tables(doc *extract.Document) []*extract.Table {
	var out []*extract.Table
	for _, b := range doc.Blocks {
		if b.Kind == extract.TableBlock {
			out = append(out, b.Table)
		}
	}
	return out
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		file string
		want error  // sentinel, or nil
		text string // substring of the message
	}{
		{"not-a-pdf.pdf", extract.ErrNotPDF, "not-a-pdf.pdf: not a PDF file"},
		{"encrypted.pdf", extract.ErrEncrypted, "encrypted PDF"},
		{"truncated.pdf", nil, "truncated PDF"},
		{"scan.pdf", extract.ErrNoText, "no usable text layer"},
		{"empty-page.pdf", extract.ErrNoText, "no usable text layer"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := parseFile(t, fixtures.Path("pdf/"+tt.file))
			if err == nil {
				t.Fatalf("Parse(%s) = %d blocks, want an error", tt.file, len(doc.Blocks))
			}
			var pe *extract.ParseError
			if !errors.As(err, &pe) || !strings.HasSuffix(pe.Source, tt.file) {
				t.Errorf("Parse(%s) error %T %v, want a *extract.ParseError naming the file", tt.file, err, err)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("Parse(%s) error %v, want %v", tt.file, err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.text) {
				t.Errorf("Parse(%s) error %q, want it to contain %q", tt.file, err, tt.text)
			}
		})
	}
	t.Run("PDF 2.0 header", func(t *testing.T) {
		// The library reads only %PDF-1.0 to 1.7; headerFix shows it that.
		data, err := os.ReadFile(fixtures.Path("pdf/tables.pdf"))
		if err != nil {
			t.Fatal(err)
		}
		data = bytes.Replace(data, []byte("%PDF-1.7"), []byte("%PDF-2.0"), 1)
		doc, err := Parse(bytes.NewReader(data), int64(len(data)), extract.Source{Path: "v2.pdf"})
		if err != nil || len(tables(doc)) != 5 {
			t.Errorf("Parse(PDF 2.0) error %v, want the 5 tables", err)
		}
	})
	t.Run("empty input", func(t *testing.T) {
		_, err := Parse(bytes.NewReader(nil), 0, extract.Source{Path: "x.pdf"})
		if !errors.Is(err, extract.ErrEmpty) {
			t.Errorf("Parse(empty) error %v, want ErrEmpty", err)
		}
	})
}

func TestParseGarbagePage(t *testing.T) {
	doc, err := parseFile(t, fixtures.Path("pdf/garbage.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"page 2: no usable text layer"}; !slices.Equal(doc.Warnings, want) {
		t.Errorf("warnings %q, want %q", doc.Warnings, want)
	}
	for _, b := range doc.Blocks {
		if b.Pos.Page != 1 {
			t.Errorf("block %q on page %d, want blocks of page 1 only", b.Text, b.Pos.Page)
		}
	}
}

func TestParseContextDeadline(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f, err := os.ReadFile(fixtures.Path("pdf/tables.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseContext(ctx, bytes.NewReader(f), int64(len(f)), extract.Source{Path: "tables.pdf"}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("ParseContext(cancelled) error %v, want context.Canceled", err)
	}
	doc, err := ParseContext(context.Background(), bytes.NewReader(f), int64(len(f)), extract.Source{Path: "tables.pdf"}, Options{MaxPages: 1, Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"pages 2-3 not read: page limit 1"}; !slices.Equal(doc.Warnings, want) {
		t.Errorf("warnings %q, want %q", doc.Warnings, want)
	}
}

func TestTablesFixture(t *testing.T) {
	doc, err := parseFile(t, fixtures.Path("pdf/tables.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 3 || doc.Title != "Programmabegroting 2024" {
		t.Errorf("Pages %d Title %q, want 3 and the /Info title", doc.Pages, doc.Title)
	}
	want := []struct {
		caption string
		rows    []string
	}{
		{"Tabel 1.1 - Recapitulatie programma's (bedragen x € 1.000)", []string{
			"p1 | H:Programma's | H:Begroting 2024 | H:Begroting 2024^ | H:Begroting 2024^ | H:Begroting 2025 | H:Begroting 2025^ | H:Begroting 2025^",
			"p1 | H:bedragen x € 1.000,- | H:baten | H:lasten | H:saldo | H:baten | H:lasten | H:saldo",
			"p1 | P1 Veiligheid en handhaving | 102 | -4.204 | -4.103 | 102 | -4.129 | -4.028",
			"p1 | P2 Mens en maatschappij | 11.652 | (38.934) | -27.281 | 11.636 | -39.593 | -27.957",
			"p1 | Heffing vennootschapsbelasting | 0 | - | 0 | 7,1 | - | 7,1",
			"p1 | Saldo van baten en lasten | 11.754 | -43.138 | -31.384 | 11.738 | -43.722 | -31.985",
		}},
		{"Tabel 1.2 - Financieel meerjarenbeeld", []string{
			"p1 | H:(bedragen x € 1.000) | H:2024 | H:2025 | H:2026 | H:2027",
			"p1 | Primitieve begroting 2023 | 72 | 812 | -2.561 | -868",
			"p1 | Amendementen | 75 | 25 | 25 | 25",
			"p1 | Kadernota 2024 | -175 | -465 | -2.120 | -4.131",
			"p1 | Meicirculaire 2023 | -183 | -168 | -1.075 | 7",
			"p1 | Voordeel BTW compensatiefonds | 250 | 250 | 250 | 250",
			"p2 | Onttrekking reserve Omgevingswet | 100 | - | - | -",
			"p2 | BEGROTINGSSALDO 2024-2027 | 32 | 368 | -4.314 | -4.077",
		}},
		{"Tabel 1.3 - Reserves", []string{
			"p2 | H:bedragen x € 1.000 | H:2024 | H:2025",
			"p2 | Algemene reserve | 23.982 | 24.336",
			"p2 | Reserve sociaal domein | 1.879 | 1.804",
		}},
		{"Tabel 1.4 - Bijdragen verbonden partijen", []string{
			"p3 | H: | H:Realisatie | H:",
			"p3 | H:Omschrijving | H:2023 | H:2024",
			"p3 | Veiligheidsregio | 2.181 | -",
			"p3 | Kapitaalverstrekkingen⏎en leningen | 1.200 | 1.250",
			"p3 | Totaal | 3.381 | 1.250",
		}},
		{"Tabel 1.5 - Beleidsindicatoren", []string{
			"p3 | H: | H: | H: | H:Cijfer Wassenaar | H:Cijfer Nederland",
			"p3 | H:Indicator | H:Eenheid | H:Bron | H:(jaartal) | H:(jaartal)",
			"p3 | Verwijzingen Halt | Aantal per 1.000⏎jongeren | Bureau⏎Halt | 10 (2022) | 8 (2022)",
			"p3 | Vernielingen en⏎beschadigingen⏎(openbare ruimte) | Aantal per 1.000 inwoners | CBS | 5 (2022) | 6 (2022)",
			"p3 | Winkeldiefstallen | Aantal per 1.000⏎inwoners | CBS | 0,6 (2022) | 2,3 (2022)",
		}},
	}
	got := tables(doc)
	if len(got) != len(want) {
		t.Fatalf("%d tables, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Caption != w.caption {
			t.Errorf("table %d caption %q, want %q", i, got[i].Caption, w.caption)
		}
		if rows := render(got[i]); !slices.Equal(rows, w.rows) {
			t.Errorf("table %d rows:\ngot  %s\nwant %s", i, strings.Join(rows, "\n     "), strings.Join(w.rows, "\n     "))
		}
	}

	var text []string
	for _, b := range doc.Blocks {
		if b.Pos.Page < 1 || b.Pos.Page > 3 || b.Pos.X <= 0 || b.Pos.Y <= 0 {
			t.Errorf("block %v %q has position %+v", b.Kind, b.Text, b.Pos)
		}
		if b.Kind != extract.TableBlock {
			text = append(text, fmt.Sprintf("%v%d %s", b.Kind, b.Level, b.Text))
		}
	}
	wantText := []string{
		"heading1 Programma 1 Veiligheid",
		"paragraph0 Dit programma gaat over brandweer, crisisbeheersing en openbare orde. De gemeente werkt samen met de veiligheidsregio en de politie.",
		`paragraph0 ("-" = nadeel / "+" = voordeel)`,
		"paragraph0 Het financieel meerjarenbeeld ziet er als volgt uit.",
		"paragraph0 Het begrotingssaldo is inclusief incidentele baten en lasten. De tabel hieronder staat in een Form XObject, zoals sommige PDF-producenten tabellen tekenen.",
		"heading2 Verbonden partijen",
		"paragraph0 De gemeente neemt deel in de volgende verbonden partijen.",
		"paragraph0 Bedragen zijn afgerond op duizenden euro's.",
	}
	if !slices.Equal(text, wantText) {
		t.Errorf("text blocks:\ngot  %s\nwant %s", strings.Join(text, "\n     "), strings.Join(wantText, "\n     "))
	}
}

func TestTablesGolden(t *testing.T) {
	golden.Check(t, filepath.Join("testdata", "tables.golden.json"), func() (any, error) {
		doc, err := parseFile(t, fixtures.Path("pdf/tables.pdf"))
		if err == nil {
			doc.Source.Path = "fixtures/pdf/tables.pdf"
		}
		return doc, err
	})
}

// TestCheckObjectStreams checks the hostile-input guard that scans the
// whole file for object streams the library would loop over.
func TestCheckObjectStreams(t *testing.T) {
	tests := []struct {
		name, data, err string // err: substring of the error, "" for none
	}{
		{"huge count", "4 0 obj << /Type /ObjStm /N  123456789 /First 9 >> stream", "tens of millions"},
		{"huge count after a newline", "4 0 obj << /Type /ObjStm /N\n12345678 >>", "tens of millions"},
		{"small count", "4 0 obj << /Type /ObjStm /N 1234567 /First 9 >> stream", ""},
		{"key that only starts with /N", "5 0 obj << /Name123456789 /Next 12345678>>", ""},
		{"count without digits", "4 0 obj << /N /x 123456789 >>", ""},
		{"extends loop", "4 0 obj << /Type /ObjStm /Extends 5 0 R >> stream\nx\nendstream\n5 0 obj << /Type /ObjStm /Extends 4 0 R >> stream", "object stream 4 lead back"},
		{"extends chain", "4 0 obj << /Type /ObjStm /Extends 5 0 R >> stream\nx\nendstream\n5 0 obj << /Type /ObjStm >> stream", ""},
		{"extends in a stream's data", "4 0 obj << /Length 9 >> stream\n/Extends 4 0 R\nendstream", ""},
		{"extends loop with padded heads", "4" + strings.Repeat(" ", 3000) + "0 obj << /Type /ObjStm /Extends 5 0 R >> stream\nx\nendstream\n5\n\n0\r\nobj<</Extends 4 0 R>>stream", "object stream 4 lead back"},
		{"extends loop far into the file", strings.Repeat("1 0 obj << /Length 2 >> stream\nxx\nendstream\n", 50_000) + "4 0 obj << /Extends 5 0 R >> stream\n5 0 obj << /Extends 4 0 R >> stream", "object stream 4 lead back"},
		{"extends beyond a head's dictionary", "4 0 obj << /Type /ObjStm" + strings.Repeat(" ", maxDictHead) + "/Extends 4 0 R >> stream", ""},
		{"extends of the object before", "3 0 obj << /Type /ObjStm /Extends 4 0 R >> stream\n4 0 obj << /Extends 3 0 R /Extends 9 0 R >> stream", "object stream 3 lead back"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkObjectStreams(strings.NewReader(tt.data), int64(len(tt.data)))
			if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("checkObjectStreams(%q) = %v, want %q", tt.data, err, tt.err)
			}
		})
	}
}

// sparsePDF writes a one-page PDF whose objects are numbered from first
// on, with a cross-reference table of two subsections (object 0, then the
// four objects) and the given trailer /Size, as pdfseparate writes a page
// cut out of a large report.
func sparsePDF(first, size int) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	content := "BT /F1 12 Tf 72 700 Td (Begroting 2024) Tj ET"
	objs := []string{
		fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", first+1),
		fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", first+2),
		fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", first+1, first+3, first+4),
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", first+i, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n%d %d\n", first, len(objs))
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", size, first, xref)
	return b.Bytes()
}

// TestParseSparseXref: a small file whose cross-reference table names
// high object numbers is read; object numbers or a /Size beyond what
// maxXrefObjects allows in a small file are rejected before the library
// allocates for them.
func TestParseSparseXref(t *testing.T) {
	tests := []struct {
		name        string
		first, size int
		err         string // substring of the error, "" for none
	}{
		{"dense", 1, 6, ""},
		{"sparse, as pdfseparate writes", 25_914, 25_919, ""},
		{"sparse near the limit", maxXrefObjects - 10, maxXrefObjects - 5, ""},
		{"object number beyond the limit", 5_000_000, 5_000_005, "cross-reference table names object 5000004"},
		{"huge /Size", 1, 1_000_000_000, "/Size 1000000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := sparsePDF(tt.first, tt.size)
			doc, err := Parse(bytes.NewReader(data), int64(len(data)), extract.Source{Path: "sparse.pdf"})
			switch {
			case tt.err == "" && err != nil:
				t.Fatalf("Parse: %v", err)
			case tt.err == "" && (len(doc.Blocks) == 0 || doc.Blocks[0].Text != "Begroting 2024"):
				t.Errorf("Parse: blocks %+v, want the page's text", doc.Blocks)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("Parse error %v, want %q", err, tt.err)
			}
		})
	}
}
