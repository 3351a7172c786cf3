package pdfdoc_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/fixtures"
)

func ExampleParse() {
	path := fixtures.Path("pdf/tables.pdf")
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		log.Fatal(err)
	}
	doc, err := pdfdoc.Parse(f, st.Size(), extract.Source{Path: path, Format: extract.FormatPDF})
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Kind != extract.TableBlock {
			continue
		}
		t := b.Table
		fmt.Printf("%s (page %d)\n", t.Caption, b.Pos.Page)
		for _, row := range t.Rows[:4] {
			var cells []string
			for _, c := range row {
				cells = append(cells, c.Text)
			}
			fmt.Println(strings.Join(cells, " | "))
		}
		break
	}
	// Output:
	// Tabel 1.1 - Recapitulatie programma's (bedragen x € 1.000) (page 1)
	// Programma's | Begroting 2024 | Begroting 2024 | Begroting 2024 | Begroting 2025 | Begroting 2025 | Begroting 2025
	// bedragen x € 1.000,- | baten | lasten | saldo | baten | lasten | saldo
	// P1 Veiligheid en handhaving | 102 | -4.204 | -4.103 | 102 | -4.129 | -4.028
	// P2 Mens en maatschappij | 11.652 | (38.934) | -27.281 | 11.636 | -39.593 | -27.957
}
