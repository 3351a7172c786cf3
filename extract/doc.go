// Package extract defines begroot's document model: the one representation
// that every reader (plain text, HTML, PDF) produces and every recogniser
// consumes.
//
// The pipeline is
//
//	fetch → read (textdoc, htmldoc, pdfdoc) → recognize → normalize → output
//
// and this package sits between the readers and the recognisers. It has no
// I/O and imports nothing from the rest of the project.
//
// A Document is a flat sequence of Blocks in reading order: headings (with a
// level when the format knows it), paragraphs, lists and tables. Every block
// and every table cell carries a Pos, so a number found in a table can be
// traced back to its file or URL, page and line.
//
// Tables are grids: readers expand colspan and rowspan by repeating the
// spanning cell in each position it covers (the copies have Spanned set), so
// a header such as
//
//	|                | Begroting 2024          |
//	|                | baten | lasten | saldo  |
//
// arrives as two rows of four cells, and the column label of the third
// column is the header path "Begroting 2024 lasten".
//
// # Formats
//
// Formats (format.go) is the one list of input formats, a table of
//
//	format  extensions            media types                         sniff rule
//	pdf     .pdf                  application/pdf, application/x-pdf  "%PDF-" at byte 0 (pdfdoc's rule)
//	html    .html .htm .xhtml     text/html, application/xhtml+xml    an HTML tag first (WHATWG)
//	text    .txt .text            (none: not a web document)          (none: the fallback)
//
// It lives here, beside Format, so that the crawler (extract/fetch) and the
// CLI judge files and responses by the same rules without linking any
// reader. The reader of each format is listed once more, in package
// pipeline, whose test checks that every format here has one. Adding a
// format (say DOCX) takes a reader package, a line here and a line there.
package extract
