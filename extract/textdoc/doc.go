// Package textdoc reads plain-text renderings of P&C pages (what a browser's
// "save as text" or a scraper gives) into the extract document model.
//
// It sits beside htmldoc and pdfdoc in the pipeline: fetch → read →
// recognize → normalize → output. Plain text has no markup, so structure is
// inferred:
//
//   - a line "Terug naar navigatie - X" (a platform's skip link) marks X as a
//     heading; other short single-line paragraphs without closing punctuation
//     are headings too;
//
//   - lines starting with "•", "-", "1." are list items; lines indented
//     deeper than the bullet continue the item;
//
//   - a paragraph whose lines end in numbers is a table. Cells are separated
//     by whitespace,
//
//     bedragen x €1000
//     Totaal Programma 3 Realisatie 2016 Raming 2017 voor wijziging
//     Totaal lasten 33.955 34.810
//
//     and the header is split into one label per value column at the words
//     that start a column label (Realisatie, Raming, Begroting, a year, …);
//     or they are run together with no separator,
//
//     20162017201820192020
//     Lasten69.83970.50470.96170.74170.305
//
//     and are split using the header's column count and the Dutch thousands
//     grouping (every dot is followed by exactly three digits);
//
//   - a run of one-line paragraphs headed by indicator column names
//     (Naam, Waarde, Bron, Indicator, Meetbaar resultaat, …) is a table with
//     one cell per paragraph.
//
// Cost is bounded on any input: ParseContext honours a deadline, and lines
// past maxLines, the bytes of a line past maxLineLen and table cells past
// maxCells are not read, each cut named in Document.Warnings; a table wider
// than maxColumns is read as text, with a warning.
package textdoc
