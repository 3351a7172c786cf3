package recognize_test

import (
	"fmt"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/recognize"
)

func ExampleFind() {
	cell := func(text string, header bool) extract.Cell { return extract.Cell{Text: text, Header: header} }
	doc := &extract.Document{Blocks: []extract.Block{
		{Kind: extract.Heading, Text: "Beleidsveld Jeugd"},
		{Kind: extract.Heading, Text: "Doelstelling"},
		{Kind: extract.Paragraph, Text: "Ons doel is dat jongeren veilig opgroeien. Daar werken we aan."},
		{Kind: extract.TableBlock, Table: &extract.Table{
			Caption: "bedragen x €1000",
			Rows: [][]extract.Cell{
				{cell("", true), cell("Realisatie 2016", true), cell("Raming 2017 na wijziging", true)},
				{cell("Totaal lasten", false), cell("11.425", false), cell("11.948", false)},
				{cell("Totaal baten", false), cell("33", false), cell("35", false)},
			},
		}},
	}}
	res := recognize.Find(doc)
	for _, ft := range res.Financial {
		fmt.Printf("%s (%s, ×%d)\n", ft.Title, ft.Unit, ft.Scale)
		for _, row := range ft.Rows {
			for k, c := range row.Cells {
				fmt.Printf("  %s | %s | %s\n", row.Label, ft.Columns[k], c.Text)
			}
		}
	}
	for _, o := range res.Objectives {
		fmt.Printf("%s: %s\n", o.Kind, o.Title)
	}
	// Output:
	// Doelstelling (x €1000, ×1000)
	//   Totaal lasten | Realisatie 2016 | 11.425
	//   Totaal lasten | Raming 2017 na wijziging | 11.948
	//   Totaal baten | Realisatie 2016 | 33
	//   Totaal baten | Raming 2017 na wijziging | 35
	// doelstelling: Ons doel is dat jongeren veilig opgroeien.
}
