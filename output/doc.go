// Package output writes begroot's results: the last stage of the pipeline
// fetch → parse → recognize → normalize → output. It takes the schema of
// package normalize (Report, DocError) and writes files that are replaced
// only when complete (atomicfile.Write).
//
//	WriteJSON      OUT/<stem>.json: one document's Report
//	DatasetWriter  the dataset, as its documents come, in one format:
//	               dataset.json (a normalize.Dataset), dataset.jsonl (one
//	               JSON object per record), one tidy CSV or typed Parquet
//	               file per kind of record with datapackage.json; and an
//	               Excel workbook for researchers and benchmarking bureaus
//
// # Streaming
//
// The dataset is never held in memory whole. DatasetWriter.Add encodes a
// document's rows, per table, into temporary spool files next to the
// output (and, for dataset.json, its JSON text) and keeps a summary: the
// document without its records, its comparison rows, and per table the
// number of rows and the widest cell of each column, which the workbook
// needs before it streams a sheet. Close orders the summaries and streams
// each table back from the spools into the files, so that memory grows
// with the number of documents, not of records. Documents may be added in
// any order, from any goroutine: the files are the same bytes.
//
// # Tables
//
// JSON Lines, CSV, Parquet and Excel flatten the dataset into the same
// tables, with the same column names: the JSON tags of the schema. One
// declarative column table (dataset.go) gives each column its name, type
// and Dutch description, and drives all of them, datapackage.json and the
// Toelichting sheet. Every record row
// starts with its document's key, gemeente, cbs_code, year (of the document)
// and doc_type, and ends with the document's file name. Documents are
// ordered by gemeente, year, doc_type and file name (in dataset.json by
// source), errors by source; records keep the order of their document.
//
//	documents.csv   Documenten      gemeente cbs_code year doc_type title organisation document source url sha256
//	                                format pages financial indicators objectives checks checks_failed
//	                                verified_share tables_not_extracted no_text_pages
//	                                reconciliation_difference_pct reconciliation_ok warnings
//	                                (financial … checks_failed are counts; the quality summary; the
//	                                CBS Iv3 reconciliation, empty without one; warnings joined by "; ")
//	financial.csv   Financieel      … section table group row row_kind column column_kind column_year
//	                                value raw scale sign verified checks page line url document
//	indicators.csv  Indicatoren     … section table group name label column column_year value unit
//	                                source code taakveld note raw page line url document
//	objectives.csv  Doelstellingen  … section code objective_kind title text status objective_year
//	                                budget page line url document
//	comparison.csv  Vergelijking    … column_kind column_year baten lasten saldo toevoeging_reserves
//	                                onttrekking_reserves reserves resultaat baten_verified …
//	                                resultaat_verified inwoners
//	                                baten_per_inwoner lasten_per_inwoner lasten_printed_negative
//	                                saldo_printed_reversed table page url document
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
// The plain dialect is UTF-8 without a byte order mark, comma separated,
// with a decimal point; the nl dialect (CSVDutch) is for Excel with Dutch
// settings: a byte order mark, semicolons and a decimal comma.
//
// datapackage.json is a Frictionless Tabular Data Package that describes
// each CSV or Parquet file: its dialect and encoding, and per field its
// type (string, integer, number, boolean) and meaning. Codes (cbs_code,
// taakveld, code) are strings, so taakveld 0.10 stays "0.10". Following
// the Fiscal Data Package, amounts have columnType value and currency EUR,
// column_kind is the phase (realisatie executed, begroting approved, na
// wijziging adjusted, raming proposed) and row_kind the direction (baten
// revenue, lasten expenditure).
//
// Parquet files have one optional column per field, in the same order:
// UTF-8 strings, int64, double and boolean; an empty cell is null.
//
// # Workbook
//
// The sheets are Documenten, Financieel, Indicatoren, Doelstellingen,
// Vergelijking, Grafieken, Controles, Fouten and Toelichting. Each table
// has a frozen, shaded header row with an autofilter, repeated on every
// printed page; columns are as wide as their header and widest value (up to
// 50 characters). Amounts (value, budget, expected, found, difference and
// the comparison) are numeric cells shown as € 1.234.567, verified_share
// as a percentage (87.5%), reconciliation_difference_pct with a % sign
// (0.102%), years and pages are whole numbers, ok is a boolean (TRUE/FALSE)
// and failed checks, and documents whose totals do not reconcile with CBS
// Iv3, are filled red. Text is always a string cell, never a formula; empty text and
// null values leave the cell empty. Sheets print landscape, as many pages
// across as their width needs at a readable scale. A sheet longer than
// Excel's 1,048,576 rows continues on "Financieel (2)" and so on, and
// Toelichting says so.
// Toelichting explains every column in Dutch and names the begroot version
// and the inputs (with their SHA-256) that made the file.
//
// The workbook is deterministic: its zip entries are in a fixed order
// without timestamps and its document properties are fixed, so the same dataset
// gives the same bytes and a nightly diff is a real change.
//
// # Vergelijking
//
// The comparison (compare.go; comparison.csv and the Vergelijking sheet)
// holds per document the overall totals of each comparable column
// (realisatie, begroting primitief, na wijziging, begroting, raming, each
// with its year): baten, lasten, saldo, toevoegingen and onttrekkingen,
// mutaties reserves and resultaat. A document prints the same money per
// programme, in its overview and per taakveld, so the totals come from one
// table per column, chosen by structure rather than by its title:
//
//  1. A table is a run of consecutive records with the same table title
//     and section path.
//  2. A table is an overview in a column when one of its lasten amounts is
//     the sum of at least two amounts above it (programmes, or a subtotal
//     and the lines after it), within one printed unit per amount. A
//     programme's own "Wat mag het kosten?" table, with one Lasten row, is
//     not.
//  3. Of the overviews, one whose lasten total is verified (a check that
//     holds covers it: an addition, baten - lasten = saldo, or the CBS Iv3
//     reconciliation) wins over one whose total is not; then the one with
//     the largest lasten total: the overzicht van baten en lasten or
//     recapitulatie adds up everything. Its total lasten, and the last
//     amount of each other kind in that column (the last verified one,
//     if any), are the document's totals; <measure>_verified tells which
//     of them are verified, and Vergelijking fills the others orange.
//  4. Signs are made comparable: lasten printed negative are turned
//     positive (with toevoegingen), and a saldo printed as lasten - baten
//     is turned round (with reserves and resultaat), so saldo = baten -
//     lasten everywhere. The long tables keep the printed signs.
//
// For example
//
//	Overzicht baten en lasten      Begroting 2024
//	Programma 1                           -40.000   (other)
//	Programma 2                           -60.000   (other)
//	Totaal lasten                        -100.000   lasten = sum of the two above
//	Totaal baten                           98.000   baten
//	Saldo van baten en lasten              -2.000   saldo
//
// gives begroting 2024: baten 98.000, lasten 100.000, saldo -2.000 (times
// the table's scale), lasten_printed_negative TRUE.
//
// The Vergelijking sheet puts the documents side by side, one column each,
// headed by gemeente (and CBS code), document type and year, and file name
// on three header rows; documents without an overview (scans without text,
// pages without financial tables) are listed below it with the reason
// instead of standing there as empty columns. Where the inwoners of a
// gemeente are known (the Inwoners hook of a comparison row, for the CBS
// reference data), rows per inwoner follow.
//
// Grafieken draws lasten per gemeente in its latest year (per inwoner when
// every gemeente's inwoners are known) and, for each gemeente with several
// documents, baten and lasten over the years: per year the realisatie, else
// the latest begroting; meerjarenramingen are left out.
package output
