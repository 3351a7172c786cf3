// Package output writes begroot's results: the last stage of the pipeline
// fetch → parse → recognize → normalize → output. It takes the schema of
// package normalize (Report, Dataset) and writes it to an io.Writer; the
// CLI wraps each writer in atomicfile.Write, so that a file is replaced only
// when it is complete.
//
//	WriteJSON      OUT/<stem>.json (a Report) and OUT/dataset.json (a Dataset)
//	WriteJSONL     one JSON object per record, for streaming
//	WriteCSV       one tidy CSV file per kind of record
//	WriteWorkbook  an Excel workbook for researchers and benchmarking bureaus
//
// # Tables
//
// JSON Lines, CSV and Excel flatten the dataset into the same tables, with
// the same column names: the JSON tags of the schema. Every record row
// starts with its document's key, gemeente, cbs_code, year (of the document)
// and doc_type, and ends with the document's file name. Documents are
// ordered by gemeente, year, doc_type and file name; records keep the order
// of their document.
//
//	documents.csv   Documenten      gemeente cbs_code year doc_type title organisation document source url sha256
//	                                format pages financial indicators objectives checks checks_failed
//	                                warnings  (financial … checks_failed are counts; warnings joined by "; ")
//	financial.csv   Financieel      … section table group row row_kind column column_kind column_year
//	                                value raw scale sign page line url document
//	indicators.csv  Indicatoren     … section table group name label column column_year value unit
//	                                source code taakveld note raw page line url document
//	objectives.csv  Doelstellingen  … section code objective_kind title text status objective_year
//	                                budget page line url document
//	checks.csv      Controles       … table column rule expected found difference ok page line url
//	                                document
//	errors.csv      Fouten          source error  (documents that could not be processed)
//
// An objective's own kind and year are called objective_kind and
// objective_year there, because kind is the record kind in JSON Lines and
// year the document's year. Section paths are joined with " > ".
//
// In CSV, text that a spreadsheet program would take for a formula (it
// begins with =, +, -, @, a tab or a carriage return) gets a leading single
// quote: "'=SUM(A1)", "'-". Numbers are never quoted, also when negative.
// The files are UTF-8 without a byte order mark, comma separated.
//
// # Workbook
//
// The sheets are Documenten, Financieel, Indicatoren, Doelstellingen,
// Vergelijking, Controles and Fouten. Each has a frozen header row with an
// autofilter and fixed column widths. Amounts (value, budget, expected,
// found, difference and the Vergelijking columns) are numeric cells
// formatted #,##0, years and pages are whole numbers, ok is a boolean, and
// text is always a string cell, never a formula; empty text and null values
// leave the cell empty. A sheet longer than Excel's 1,048,576 rows continues
// on "Financieel (2)" and so on.
//
// The workbook is deterministic: its zip entries are in name order without
// timestamps and its document properties are fixed, so the same dataset
// gives the same bytes and a nightly diff is a real change.
//
// # Vergelijking
//
// Vergelijking puts the totals of several documents side by side: one row
// per row_kind, column_kind and column_year, and one column per document,
// headed "gemeente doc_type year". It shows the classified row kinds
// baten, lasten, saldo, toevoeging_reserves, onttrekking_reserves, reserves
// and resultaat. Adding up all records of a kind would count every amount
// twice or more, since a document prints the same money per programme, in
// its overview and per taakveld, so each value is one printed total:
//
//  1. A table is a run of consecutive records with the same table title
//     and section path.
//  2. For each column (column_kind and column_year) of a document, its main
//     overview is the table with the largest lasten amount in that column,
//     by absolute value: the overzicht van baten en lasten adds up all
//     programmes, so its Totaal lasten is the largest. A column without
//     lasten takes the table with the largest baten; with neither, the
//     first table with an amount of the kind. On a tie the earlier table
//     wins.
//  3. From that table the last amount of each row kind in that column is
//     shown: the total, printed below its parts (Totaal lasten, Totaal
//     baten, Saldo van baten en lasten, Resultaat). Null amounts are
//     skipped.
//
// A document where a column has no such amounts leaves the cell empty.
// For example, with a programme table above the overview
//
//	Wat mag het kosten? (Programma 1)   Begroting 2024
//	Lasten                                      40.000
//	Baten                                        5.000
//	Overzicht baten en lasten
//	Programma 1                                 40.000   lasten
//	Programma 2                                 60.000   lasten
//	Totaal lasten                              100.000   lasten
//	Totaal baten                                98.000   baten
//	Saldo van baten en lasten                   -2.000   saldo
//
// Vergelijking shows lasten begroting 2024 = 100.000, baten 98.000 and
// saldo -2.000 (times the table's scale), all from the overview.
package output
