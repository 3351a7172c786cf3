// Package pdfdoc reads PDF reports into the extract document model.
//
// It is the PDF reader of the pipeline
//
//	fetch → read (textdoc, htmldoc, pdfdoc) → recognize → normalize → output
//
// and turns a P&C document (begroting, jaarstukken) into an
// *extract.Document: headings, paragraphs, lists and tables in reading
// order, each block and each table cell with its page and position.
//
// # Text
//
// ledongthuc/pdf parses the file (cross-reference table, objects, stream
// filters, the content-stream tokenizer); its text API is not used, because
// it ignores Type0 widths, Form XObjects and ToUnicode when an /Encoding is
// present, and is slow (see shared/notes/pdf-text-layer.md). Instead a
// content-stream walker records every glyph with its position, width and
// size: fonts are parsed once per page worker, ToUnicode wins over /Encoding,
// Type0 widths come from /W, Form XObjects are followed, and glyphs outside
// the current clip (text Word hides in overflowing table cells) are dropped.
// Glyphs become words in content-stream order, words become lines by
// baseline, and lines become blocks. Running headers, footers and page
// numbers (the same text at the same height on many pages) are left out.
//
// The pages of a document are read (glyphs, words, lines) by a small pool
// of workers, each with its own walker over the library's Reader, which
// does not change once opened; the results are assembled in page order,
// so the output does not depend on the number of workers. Workers beyond
// the first start only while fewer than GOMAXPROCS goroutines read pages
// in all the parses running, so a batch of documents is not
// oversubscribed. Layout and tables run on the whole document afterwards.
//
// # Tables
//
// Word tables have no grid, so tables are rebuilt from alignment. A page
// such as
//
//	Tabel 6.2 - Recapitulatie (bedragen x € 1.000)
//	Programma's            Begroting 2024            Begroting 2025
//	bedragen x € 1.000   baten  lasten  saldo     baten  lasten  saldo
//	P1 Veiligheid          102  -4.204  -4.103      102  -4.129  -4.028
//	P2 Mens en             11.652 (38.934) -27.281  11.636 -39.593 -27.957
//	maatschappij
//
// has runs of lines with a label at the left and Dutch numbers (33.955,
// -1.655, (1.655), 7,1, "-") to the right. The numbers' extents are
// clustered into columns (right-aligned numbers share a right edge); the
// lines above the first row that label those columns become header rows;
// a title or unit line just above becomes the Caption. The result is one
// extract.Table:
//
//	Caption: "Tabel 6.2 - Recapitulatie (bedragen x € 1.000)"
//	header:  Programma's        | Begroting 2024 | Begroting 2024^ | Begroting 2024^ | Begroting 2025 | …
//	header:  bedragen x € 1.000 | baten          | lasten          | saldo           | baten          | …
//	body:    P1 Veiligheid      | 102            | -4.204          | -4.103          | 102            | …
//	body:    P2 Mens en\nmaatschappij | 11.652   | (38.934)        | -27.281         | 11.636         | …
//
// Header cells have Header set; a heading centred over several columns is
// copied into each, with Spanned set on the copies (^ above), so the label
// of a column is its header path joined by spaces ("Begroting 2024
// lasten"). Unit labels and sign legends in the header go to the first
// cell. Wrapped labels are joined into one cell with "\n"; in tables that
// centre their cells vertically (beleidsindicatoren) the text lines above
// and below a row's numbers join that row. A text line of its own between
// numeric rows (a group label) is a row without values. A table that
// continues on the next page with the same columns, and without
// a header or with the same header again, is joined into one Table; its
// cells keep their own page.
//
// # Words from other readers
//
// Blocks lays out words that another reader placed on a page (package
// ocr: tesseract's word boxes) with this same layout. A word's size and
// baseline come from its box and its letters (capitals and digits reach
// 0.72 em, descenders 0.21 em below the baseline), as the median over the
// words of its line; on a page marked OCR every table cell with words
// gets extract.Cell.OCR and the lowest confidence of its words.
//
// # Errors and limits
//
// The parse runs under recover: a panic of the library becomes a "damaged
// PDF" error, one of this package's own an "internal error", both naming
// the page; neither ends the caller's batch. Before the library reads the
// file, its cross-reference chain is checked for object numbers the file
// cannot hold and for /Prev loops, on which the library would allocate or
// loop without bound. Before the library interprets a content stream, the
// stream is decoded once under limits (limit.go: decoded bytes per stream
// and per page, operands before an operator), so a decompression bomb or
// an endless run of operands ends with an error naming the limit. A
// per-document deadline (Options.Timeout) is checked between pages, at
// every operator and glyph, while decoding and before every table, and a
// watchdog returns at the deadline even when the library is stuck inside
// one call; at most maxAbandoned such stuck parses are left running, and a
// new parse waits for one of them to end (failing with ErrBusy at its own
// deadline). Errors are
// *extract.ParseError values naming the file (and page when known) and
// wrap extract.ErrNotPDF, ErrEncrypted, ErrEmpty, ErrNoText (an image-only
// document, or one whose fonts give no usable text), the context's error,
// or a description of the damage ("truncated PDF: …"). A page whose text
// layer is unusable (Type 3 fonts without ToUnicode) adds the warning
// "page N: no usable text layer" and no blocks; an image-only page adds
// "page N: no text layer (image only)".
package pdfdoc
