// Package recognize finds the three kinds of block begroot extracts in a
// document model: financial tables, indicator tables and objectives.
//
// It sits between the readers and the normaliser:
// fetch → read → recognize → normalize → output. Recognisers are pure
// functions over *extract.Document; they keep cell text as printed, with its
// position, and leave numbers, units and classification to package
// normalize.
//
// A financial table is one whose caption, header, title line or the block
// before it carries a unit label:
//
//	Beleidsveld: Jeugd                          bedragen x €1000
//	                 Realisatie 2016  Raming 2017 na wijziging
//	Totaal lasten             11.425                   11.948
//	Totaal baten                  33                       35
//	Saldo                    -11.391                  -11.914
//
// Each column label is the header path top to bottom joined by single
// spaces ("Begroting 2024 lasten"); a row without amounts labels the rows
// under it (Group).
//
// An indicator table is a kengetallen or beleidsindicatoren table: columns
// named Naam/Indicator, Eenheid, Bron, Nummer, Taakveld, and value columns
// (Waarde, Begroting 2017, Resultaat in 2017, …). A cell holding several
// labelled values ("Jongeren: 7,1" over lines) gives one value per label.
//
// Objectives are doelstellingen ("Doel: …", the blocks under a
// "Doelstelling" heading, "Title: description" goal lists under "Wat willen
// we bereiken?"), numbered activities ("6.1.1 …" with Jaar realisatie and
// Status), and doelstelling/prestatie tab views, counted once however often
// the page repeats them.
//
// Each kind has its own recogniser, a function in its own file, and Find
// runs the list in recognize.go in order. A table belongs to the first
// table recogniser that takes it. A new kind (say, investment tables) is a
// new file with its recogniser and record type, one line in that list and
// one field in Result.
package recognize
