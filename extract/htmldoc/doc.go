// Package htmldoc reads HTML pages of Dutch municipal planning & control
// reports into begroot's document model.
//
// In the pipeline
//
//	fetch → read (textdoc, htmldoc, pdfdoc) → recognize → normalize → output
//
// htmldoc is the reader for pages served by the hosted P&C platforms
// (begrotingsapp.nl, jaarverslag-20NN.nl and the like). Parse takes the page
// bytes and an extract.Source and returns an *extract.Document; it is a thin
// adapter over goquery and golang.org/x/net/html.
//
// A typical input:
//
//	<html lang="nl"><head><meta charset="utf-8">
//	<title>Jaarstukken 2017 - Gemeente Lansingerland</title></head>
//	<body>
//	<div id="cookie-notice">Wij gebruiken cookies …</div>
//	<nav id="nav"><ul><li><a href="/p4113/programma-3">Programma 3</a></li></ul></nav>
//	<main>
//	  <h2>Wat heeft het gekost?<a class="sr-only" href="#nav">Terug naar navigatie - Wat heeft het gekost?</a></h2>
//	  <table>
//	    <caption>bedragen x &euro;1000</caption>
//	    <thead><tr><th>Totaal Programma 3</th><th>Realisatie 2016</th><th>Raming 2017</th></tr></thead>
//	    <tbody><tr><td>Totaal lasten</td><td>33.955</td><td>34.810</td></tr></tbody>
//	  </table>
//	</main>
//	</body></html>
//
// gives a Heading "Wat heeft het gekost?" (level 2) and a TableBlock with
// Caption "bedragen x €1000", one header row and one data row.
//
// What Parse does:
//
//   - Decodes the page using the charset of its byte order mark or <meta>
//     tag, else UTF-8 (windows-1252, with a warning, when the bytes are not
//     valid UTF-8).
//   - Removes chrome: script, style, noscript, template, forms and their
//     controls, svg, nav, the site's header and footer, breadcrumbs, cookie
//     and consent banners, tab lists (role tablist/tab), elements that
//     are hidden (hidden, aria-hidden, display:none) or for screen readers
//     only (sr-only, visually-hidden, skip classes), and every "Terug naar
//     navigatie - …" skip link. Two exceptions: a tab panel (role
//     tabpanel, class tab-pane) is read however it is hidden, because
//     each panel is a view of the page's items; and aria-hidden text that
//     is all a table cell shows (a number beside its sr-only copy) stays.
//   - Reads only <main> (or role="main") when the page has one.
//   - Emits Blocks in reading order: headings (h1–h6, role="heading" with
//     aria-level), paragraphs (p, dt, dd, … and text directly inside
//     containers), one List block per ul/ol with one Item per li, and
//     tables. A <br> in a paragraph, item or cell becomes "\n"; so do the
//     paragraphs inside an item or cell, and a nested list's items become
//     lines starting with "• ". Tables expand colspan and rowspan into
//     Spanned copies, mark th and thead cells as Header, take <caption> as
//     Caption, read an image's alt text in a cell (status icons) and flatten
//     a table nested in a cell into that cell's text. Header rows are also
//     the rows marked by a class word (tr class="table-header") and the
//     leading rows whose cells are all bold (<td><strong>). Tables built
//     from divs are read the same way: by ARIA role (table, rowgroup,
//     row, cell, columnheader, rowheader, caption; aria-colspan) or by
//     class words (a "table" with "row"/"tr" children whose children are
//     cells; "head"/"th" for headers; grid-column "span N").
//   - Collapses whitespace (U+00A0 included) and gives every block, item and
//     cell a Pos.Selector such as "main > section:nth-of-type(2) > table".
//
// Cost is bounded on any input: ParseContext honours a deadline, a page is
// cut after maxTags tags, a text after maxText bytes and a table row after
// maxColumns cells, each cut named in Document.Warnings; a page nested
// deeper than x/net/html's 512 open elements is an error.
package htmldoc
