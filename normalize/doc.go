// Package normalize turns what the recognisers found into begroot's output
// schema (schema.go, defined once): amounts in whole euros, columns as kind
// and year, rows classified, document metadata detected, and arithmetic
// checks reported.
//
// It sits after recognition: fetch → read → recognize → normalize → output.
//
// Dutch terms and the identifiers they map to (the words themselves are
// kept in package vocab and listed in docs/glossary.md):
//
//	baten                         RowBaten (income)
//	lasten                        RowLasten (expenditure)
//	saldo (van baten en lasten)   RowSaldo
//	toevoeging aan reserves       RowToevoeging
//	onttrekking aan reserves      RowOnttrekking
//	mutaties reserves             RowReserves
//	resultaat                     RowResultaat
//	realisatie, rekening          ColRealisatie
//	begroting primitief/primair,  ColBegrotingPrimitief
//	  raming voor wijziging
//	begroting na wijziging,       ColBegrotingWijziging
//	  gewijzigde/actuele begroting
//	begroting                     ColBegroting
//	(meerjaren)raming             ColRaming
//	verschil, afwijking           ColVerschil
//	gemeente                      municipality (Report.Gemeente, code CBSCode)
//	gemeenschappelijke regeling,  a body that is not a gemeente
//	  stichting, provincie, …       (Report.Organisation)
//	Iv3, verslagsoort             CBS financial statistics (Reconciliation)
//	begroting, jaarstukken,       document types
//	  voorjaarsnota, voortgangs-/bestuursrapportage
package normalize
