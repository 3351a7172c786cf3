package htmldoc_test

import (
	"fmt"
	"strings"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
)

func ExampleParse() {
	page := `<html lang="nl"><head><title>Jaarstukken 2017 - Gemeente Lansingerland</title></head>
<body>
<div id="cookie-notice">Wij gebruiken cookies.</div>
<nav><a href="/p4113/programma-3">Programma 3</a></nav>
<main>
  <h2>Wat heeft het gekost?<a class="sr-only" href="#nav">Terug naar navigatie - Wat heeft het gekost?</a></h2>
  <table>
    <caption>bedragen x &euro;1000</caption>
    <thead><tr><th></th><th>Realisatie 2016</th><th>Realisatie 2017</th></tr></thead>
    <tbody><tr><td>Totaal lasten</td><td>33.955</td><td>33.976</td></tr></tbody>
  </table>
</main>
</body></html>`
	doc, err := htmldoc.Parse(strings.NewReader(page), extract.Source{URL: "https://lansingerland.example/p4113/programma-3"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	for _, b := range doc.Blocks {
		switch b.Kind {
		case extract.Heading:
			fmt.Printf("h%d %q at %s\n", b.Level, b.Text, b.Pos.Selector)
		case extract.TableBlock:
			fmt.Printf("table %q at %s\n", b.Table.Caption, b.Pos.Selector)
			for _, row := range b.Table.Rows {
				var cells []string
				for _, c := range row {
					cells = append(cells, c.Text)
				}
				fmt.Printf("  %q\n", cells)
			}
		}
	}
	// Output:
	// Jaarstukken 2017 - Gemeente Lansingerland
	// h2 "Wat heeft het gekost?" at main > h2
	// table "bedragen x €1000" at main > table
	//   ["" "Realisatie 2016" "Realisatie 2017"]
	//   ["Totaal lasten" "33.955" "33.976"]
}
