// Package vocab is the Dutch vocabulary of municipal planning & control
// reports: every word list and number rule the readers, recognisers and the
// normaliser share, each kept once, as a table. It imports nothing from the
// project.
//
// A financial table as a begroting prints it shows most of it:
//
//	Overzicht baten en lasten (bedragen x € 1.000)   ← unit label: FindUnit, scale 1000
//	("-" = nadeel / "+" = voordeel)                  ← sign legend: SignLegend
//	                  Realisatie 2023  Begroting 2024 ← column words: IsColumn, StartsColumn; IsYear
//	Lasten                   -88.320        n.v.t.   ← row words: IsRow; numbers and nil markers: Parse
//	Baten                     85.971        (1.655)
//	Saldo van baten en lasten -2.349            p.m.
//	Totaal                    …
//
// and an indicator table the rest:
//
//	Indicator         Eenheid  Waarde 2023   Bron  ← indicator words: IsIndicatorRole, HasIndicatorWord
//	Winkeldiefstallen per 1.000  0,6 (2022)  CBS   ← a value with its year note: CutYearNote
//
// number.go holds the number parser (Parse, IsNumber, IsValue, IsNil,
// IsToken, Format), year.go the report years, unit.go the unit labels and
// sign legends, row.go and column.go the words of financial rows and
// columns, indicator.go those of indicator tables, objective.go the
// headings and status words of objectives, overview.go the words of the
// overview of a whole document and of navigation lines. docs/glossary.md lists
// every word with its meaning; it is generated from these tables.
package vocab
