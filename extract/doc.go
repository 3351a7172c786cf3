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
package extract
