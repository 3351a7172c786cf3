// Package ocr reads PDF pages that have no usable text layer (scans,
// screenshots pasted into a PDF, Type 3 fonts without a ToUnicode map)
// with OCR, and rebuilds their lines and tables as an extract.Document.
//
// It is a reader beside pdfdoc in the pipeline
//
//	fetch → read (textdoc, htmldoc, pdfdoc, ocr) → recognize → normalize → output
//
// and stays pure Go: it runs poppler's pdfinfo and pdftoppm and
// tesseract 5 as programs, one page at a time, each page within
// Options.PageTimeout and the caller's context. A program still running
// when either ends is killed with its process group; the temporary images
// are removed. A missing program or tesseract language gives a
// *MissingError (errors.Is ErrNotInstalled) that names the Debian and
// Homebrew packages to install.
//
// # In the pipeline
//
// Fill runs after pdfdoc (pipeline/read.go): it OCRs the pages pdfdoc
// lists in Document.NoTextPages (image only, or text that does not
// decode: the Type 3 digit soup of jaarrekening-2019-wassenaar.pdf and
// fixtures/pdf/garbage.pdf page 2), every page when pdfdoc found no usable
// text at all (extract.ErrNoText), or every page in Force mode, and puts
// their blocks into the document in page order. The mode comes from
// begroot's --ocr flag through the context (NewContext, FromContext).
// The pipeline's per-document time limit (--timeout) is a context from
// WithTimeout whose deadline Read moves later by Options.PageAllowance
// (1 minute) for each page it OCRs; Read stops 2 s before that deadline,
// so that the pages read before it stay and are recognised, and the
// warning lists the pages not read. Up to Options.Parallel pages of a
// document are read at once. A warning line per document gives the time of each page. Without
// tesseract, Auto reads nothing and the CLI warns once per run; Force
// puts the missing package in the document's warnings.
//
// With Options.Cache (the CLI's --ocr-cache, on by default) each page
// read, and each picture verdict, is kept in a file keyed by the PDF's
// SHA-256, the page and everything else its words depend on (cache.go);
// a later run over the same document reads no page again, and its
// warning says "cached" for those pages in place of their time.
// _fetched_Jaarstukken_2023.pdf (195 pages, its 10 SiSa screenshots
// OCR'd), begroot extract -j 1 --xlsx -, under a load of 3-7 on 2 cores:
// 78.6 s wall, 56.2 s CPU with an empty cache (the two workers keep both
// cores busy: 29.8 s wall, 53.4 s CPU best of three before the cache),
// 0.72-1.08 s wall, 0.70 s CPU with the pages cached (0.45 s with --ocr
// off; pdftotext -layout 5.1-8.6 s). The reports are the same but for
// that warning line.
//
// The recogniser takes an OCR'd "Overzicht baten en lasten per taakveld"
// without a unit label as whole euros by its shape (baten, lasten and
// saldo columns over large grouped integers, recognize.WholeEuros), and
// normalize marks the records of OCR cells (ocr, confidence), verifies
// them only through checks that hold and tries one-character repairs
// where a check fails (repaired).
//
// # Input
//
// A page such as the Wassenaar "Overzicht baten en lasten per taakveld",
// a screenshot of two facing pages in one image:
//
//	Programma:P0 Bestuur en ondersteuning  Begroting 2021 …  | Programma:P5 Sport, cultuur …  Begroting 2021 …
//	Saldo van baten en lasten per taakveld  Baten  Lasten  Saldo | Saldo van baten en lasten …  Baten  Lasten  Saldo
//	0.1 Bestuur                  0  -2.244.295  -2.244.295 | 5.1 Sportbeleid en activering  10.296  -384.447  -374.151
//	0.2 Burgerzaken        406.291    -818.726    -412.435 | 5.2 Sportaccommodaties        170.933 -1.306.044 -1.135.111
//
// # Photos and illustrations
//
// In Auto mode an image-only page (no text in its text layer at all)
// whose image is a picture is not OCR'd: a cover photo costs 2-3 s of
// OCR for a title the document has anyway. picture.go renders the page
// at 36 dpi in grey and measures the share of the ink (pixels more than
// 40 grey levels from the most common one, the background) that lies in
// smooth areas (within 16 levels of its four neighbours): letters are
// edges, photos and flat illustrations are areas. Every image-only page
// pdfdoc lists in the corpus
// (BEGROOT_OCR_FULL=1 go test ./extract/ocr -run CorpusPictures -v):
//
//	file                                   page   ink    smooth  kind
//	Jaarstukken_2021 … 2025.pdf            1      0.34-0.43  0.095-0.224  text
//	_fetched_Jaarstukken_2023.pdf (SiSa)   173-182  0.05-0.15  0.000-0.098  text
//	begroting-wassenaar-2021-2024.pdf      1      0.362  0.896   illustration
//	begroting_2026.pdf                     1      0.352  0.512   photo
//	fixtures/pdf/scan.pdf (generated)      1      0.358  0.974   flat grey
//
// and cover pages that carry a few words of text (not tested, as they
// have a text layer) measure 0.475-0.898, while a text page whose table
// has shaded header and total rows (begroting_2026.pdf page 60, rendered
// without its text layer) measures 0.356: hence maxTextSmooth 0.42. Such
// a page keeps its "no text layer" finding and gets the warning "page N:
// image without text (photo), not OCR'd"; --ocr force reads it. The test
// costs a pdftotext and a 36-dpi pdftoppm run: 0.06 s of CPU on the 2026
// cover (begroot extract of begroting_2026.pdf now takes 1.4 s of CPU in
// all), 0.5 s on the largest screenshot. The
// SiSa form screenshots are text and still OCR'd (about 7 s of CPU a
// page: 4.5 s recognition, 2.5 s orientation detection); they hold no
// financial table, so they give no records.
//
// Rendering at the image's own resolution does not pay: SiSa page 173
// is a 138-ppi screenshot; tesseract (psm 3, one thread) took 4.55 s of
// CPU at 300 dpi (600 words, mean confidence 89.4, 30 numbers), 3.52 s
// at 200 dpi (588 words, 81.5, 29) and 2.62 s at 138 dpi (549 words,
// 62.6, 23); 23 % less CPU at 200 dpi costs 8 points of confidence.
//
// # Steps
//
//  1. pdftoppm renders the page in grey at Options.DPI (300). Rendering
//     rather than extracting the image with pdfimages costs the same (0.6 s
//     for a 2900 × 1966 screenshot either way) and gives page coordinates
//     directly, with /Rotate and the crop box applied; the extracted image
//     has no placement on the page. Rendering a coarse image at less than
//     300 dpi does not pay: the 144-ppi 2024 screenshot at 180 dpi
//     balanced 34 taakveld rows instead of 36, for no less CPU.
//  2. unshade (shade.go, pure Go) inverts boxes with light text:
//     tesseract does not see white text on grey or dark header boxes. An
//     area is a run of non-paper pixels (darker than 235) at least 36 pt
//     wide (light gaps up to 7 pt closed) and 6 pt high; per pixel row its
//     most common grey is the shading. When its rows hold more light text
//     than dark, the area is inverted: the box becomes white, white text
//     dark, and straight light runs of 12 pt or more (the rules between
//     header cells) white. Rows whose most common grey is paper (text on
//     paper joined to a box), areas without a flat grey (a photo) and
//     areas without text (the backdrop of a screenshot) stay. Dark text
//     on a shading stays too: raising the shading to white helped
//     kadernota 2025 page 20 (22 to 30 of 30 records) but made tesseract
//     read the lines of the 2021 screenshot across both pages of the
//     spread (4 of 52 taakveld rows right). PreprocessVersion names this
//     step for caches of OCR results.
//  3. tesseract recognises the page (Options.PSM, default 3) and writes
//     TSV: one row per word with its box in pixels and its confidence.
//     When that reading is poor (mean word confidence under 75, or fewer
//     than 20 words), tesseract's orientation detection (psm 0) says
//     whether the content lies sideways (the 2025 screenshot does,
//     confidence 11); the image is then turned upright, read again, and
//     Page.Rotated says by how much. Upright pages read with a mean
//     confidence of 81-95, the sideways 2025 screenshot 32.5, so upright
//     pages no longer pay the 2.5 s of orientation detection, and a
//     sideways page pays one reading more.
//     The rows become Words with boxes in points from the page's top-left,
//     the convention of extract.Pos. Rule marks that stick to words ("|",
//     "_", a "(" before "0.1") are trimmed.
//  4. Document lays the words out with the PDF reader's own layout
//     (pdfdoc.Blocks): the same lines, text columns, headings, paragraphs
//     and tables as a page's text layer, with page and position. Before
//     that, per page: tall boxes (misread rules) are dropped; the blocks
//     tesseract found side by side are regions (the two pages of a
//     spread), laid out one after the other, unless the right one holds
//     mostly values (columns of one table that tesseract cut apart); "="
//     or "„" before digits becomes the minus sign; and a line's leading
//     code joins the word after it ("4.1" and "Openbaar" a tab stop
//     apart; also a code misread as a number, "6.825"). pdfdoc derives
//     each word's size and baseline from its box and its letters, takes
//     the median over the words of its line (a rule under a word stretches
//     its box) and counts sizes within a factor 2 of the page's median as
//     body text (shaded header cells measure taller). After the layout, in
//     each table the columns left of the values are joined into the label,
//     a lone "o" in a value column reads as 0, and "4,129" as "4.129" when
//     the column groups thousands with dots elsewhere.
//
// # Confidence
//
// Every table cell with words has extract.Cell.OCR set and, in
// Confidence, the lowest confidence (0–100) of its words. The confidence
// lives on the cell rather than beside the document so that it travels
// with the cell through recognize and normalize to the records, as Pos
// does.
//
// # Measurements
//
// The five Wassenaar screenshots (corpus/raw/wassenaar-beleidsbibliotheek,
// Jaarstukken_2021…2025.pdf, one page each), tesseract 5.3.0 with nld,
// rendered at 300 dpi, on a 2-core machine shared with other work (load
// 9-17, so wall times are 3-6× the CPU times). Per page segmentation mode,
// for 2021 (3 amount columns) / 2023 (3 columns):
//
//	psm  numbers    taakveld rows  with 3 values  balanced   CPU s
//	 3   266 / 305  52 / 48        52 / 48        51 / 47    12.0 / 11.6
//	 4   261 / 293  25 / 19         3 / 0          3 / 0      5.5 / 6.1
//	 6    36 / 27    0 / 1          0 / 0          0 / 0      3.8 / 5.6
//	11   265 / 281  51 / 48        51 / 42        51 / 42     6.8 / 8.2
//	12   265 / 272  51 / 48        51 / 42        51 / 42     7.8 / 9.3
//
// and with psm 3 for 2022 (9 columns) 574 numbers, 48 rows, 42 with 9
// values, 34 balanced, 60 s of CPU; for 2024 (9 columns) 659, 52, 52, 36
// and 67 s; for 2025 (3 columns, sideways, turned upright) 315, 45, 45, 45. "Numbers" are the words that are numbers; "taakveld
// rows" the table rows labelled with a taakveld code ("0.61 OZB
// Woningen"); "balanced" those where every baten + lasten = saldo holds
// with the OCR values. Psm 4 and 6 read each line across both pages of the
// spread; 11 and 12 keep the rows but lose more values. Against the text
// layer of the same spread (pages 196-197 of
// begroting-wassenaar-2021-2024.pdf) the 2021 screenshot gives 50 of 52
// taakveld rows and 152 of 156 amounts exactly.
//
// One page costs 12-67 s of CPU (the 2024 screenshot, 6158 × 4108 pixels
// at 300 dpi, is the most) and at most 143 MB of memory (tesseract's peak;
// 88 MB for the 2021 screenshot). To repeat:
//
//	cd extract/ocr && go test -c -o /tmp/ocr.test . &&
//	  /usr/bin/time -v /tmp/ocr.test -test.run TestScreenshot2021 -test.v
//	BEGROOT_OCR_FULL=1 BEGROOT_OCR_PSM=1 go test ./extract/ocr -run MeasurePSM -v -timeout 3h
//
// Through recognize and normalize (the reports begroot writes), per
// screenshot: baten − lasten = saldo checks of taakveld rows that hold /
// financial records verified / one-character repairs made, with the
// layout of pdfdoc (and, before it, with the layout of this package's
// own, now removed):
//
//	2021   49 of 49   179 of 185  2 (the P5 programme total's lost minus signs)  (same)
//	2022   87 of 87   442 of 465  2                                     (51 of 51, 276 of 300, 1)
//	2023   45 of 45   207 of 210  0                                     (same)
//	2024   99 of 101  374 of 630  0                                     (89 of 89, 318 of 544, 1)
//	2025   28 of 28   105 of 105  0                                     (same)
//
// measured on cached OCR words (BEGROOT_OCR_CACHE, TestScreenshotLayout).
// In 2021 the programme totals add up to the printed grand total in all
// three columns (after the repairs); in 2023 and 2025 a programme's table
// is not recognised, so they do not, and in 2022 and 2024 no grand total
// row is. Against the text layer of pages 196-197 of
// begroting-wassenaar-2021-2024.pdf, all 176 verified 2021 records that
// have a reference there are equal (precision 1.000); 3 records carry
// the taakveld code "3.4" where the print has "13.4". On pages 43-45 of
// jaarrekening-2019-wassenaar.pdf (Type 3 digit soup, a "Wat heeft het
// gekost" table in thousands) 4 of 5 checks hold and 12 of 29 records are
// verified. The programme tables of the 2019 jaarrekening ("Wat heeft het
// gekost", P0-P8 on pages 35, 43, 48, 53, 58, 66, 83, 92 and 100, found
// from the contents on page 5), the pages four of them continue on and
// the "Overzicht van baten en lasten in de jaarrekening" on page 177
// (gekostPages, 15 pages, 51 s of CPU, 3.4 s a page, 4-16 s wall a page
// under a load of 5-6 on 2 cores, 140 MB peak RSS):
//
//	BEGROOT_OCR_FULL=1 BEGROOT_OCR_REPORT=/tmp/jr.json /usr/bin/time -v go test ./extract/ocr -run 'Jaarrekening2019$' -v
//
// give the nine programme tables and the overview, 744 financial records,
// 354 verified, 88 of 114 checks holding, 2 repairs. Totaal lasten of the
// Rekening 2019 column is read for P0 (13.230, with algemene
// dekkingsmiddelen, overhead and Vpb), P1, P2, P4, P5, P6 and P7, and
// for those six equals the lasten of the programme's overview row (the
// test requires it); P3's and P8's total rows are not read. The overview's
// values are read right, but its group headers are not spread over their
// three columns (Rekening 2019 baten comes out as "Begroting actueel 2019
// baten", Begroting primair baten as "/ baten"), so 13 of its saldo
// checks pair the wrong columns and fail, and no Iv3 reconciliation is
// made. By the overview, saldo van baten en lasten is 57.841 baten and
// 61.573 lasten, mutaties reserves 13.189 and 6.953 (× € 1.000); CBS Iv3
// 2019X005 for Wassenaar has 57.839 and 61.576 without reserves, and
// 13.189 and 6.953 as reserves: rounding apart, equal. The printed
// "Totaal programma's" baten 15.547 is 88 more than the sum of its rows
// (15.459; with algemene dekkingsmiddelen and overhead 57.843, the printed
// total less 2 of rounding): a slip of the document, not of OCR. The
// whole document: 74 of 203 pages took 30 min wall and 413 s of CPU
// (5.6 s a page; a load of 9-15 on 2 cores), 88 MB peak RSS (tesseract;
// begroot itself 27 MB), so about 19 CPU minutes for all 203:
//
//	nice -n 10 /usr/bin/time -v begroot extract -v -j 1 --timeout 3h -o /tmp/out jaarrekening-2019-wassenaar.pdf
//
// # Precision on pages nobody annotated
//
// BEGROOT_OCR_PRECISION=1 go test ./extract/ocr -run MeasurePrecision -v
// renders 20 text-layer pages with financial tables (seed 12, at most 3
// per document, 10 documents of Wassenaar, GGD Flevoland, Overijssel and
// Almere; 2 left out where pdfseparate breaks the page) as image-only
// PDFs, OCRs them and compares each OCR financial record with the page's
// own text layer. A record is equal when a printed line with its row's
// label holds its number, or the text layer gives the same row and
// number (a label over several lines). OCR results are cached per
// PreprocessVersion. The pages the seed draws depend on pdfdoc (which
// pages have 6 financial records); on the current 20 (19 measured, one
// left out where pdfseparate breaks the page), before unshade and with
// orientation detection on every page / after:
//
//	verified OCR records equal      238/241 (0.988)  370/370 (1.000)
//	all OCR records equal           482/498 (0.968)  686/691 (0.993)
//	recall (row, column and value)  392/741 (0.529)  657/741 (0.887)
//	recall by row and value                 (0.638)          (0.919)
//
// Pages that changed: begroting_2026 page 110 (a shaded table with dark
// header boxes, before taken for a photo by the picture test) 0 to 156
// of 156; begroting-wassenaar-2021-2024 page 186 (year columns in a
// dark box) 0 to 54 of 54; kadernota 2025 page 20 22 to 30 of 30;
// begroting_2026 page 114 88 to 109 of 111; begroting_2024 page 93 14
// to 50 of 57; and worse, overijssel 2023 page 19 18 to 14 of 40 and
// bestuursrapportage 2024 page 46 6 to 0 of 18 (tesseract's global
// threshold moves with the inverted page banner). What is left: column
// headers that do not join the values (_fetched_Jaarstukken_2023 page
// 142, right values by row), a page that is mostly a map and a chart
// (bestuursrapportage page 21, a picture), overijssel page 5. Before
// splitRows, the speck filter and the picture threshold 0.42 it was 0.908
// verified (counting printed lines only, whose run of values a "-" then
// ended) and 313 of 663 (0.472) recall, with 4 pages giving no records.
//
// Later changes to pdfdoc's tables changed the pages the seed draws (20,
// all measured). On them, before / after recognize's joinedBlockRole
// (a taakveld label and its Baten/Lasten/Saldo joined in one cell, as OCR
// words give when the two label columns touch, carries down its block;
// begroting-wassenaar-2021-2024 page 75 went from 65 to 161 of 168):
//
//	verified OCR records equal      479/483 (0.992)  461/465 (0.991)
//	all OCR records equal           910/917 (0.992)  910/917 (0.992)
//	recall (row, column and value)  793/953 (0.832)  889/953 (0.933)
//	recall by row and value                 (0.853)          (0.954)
//
// The five screenshots before / after unshade and the skipped orientation
// detection (taakveld rows balanced by OCR values; checks that hold;
// records verified), BEGROOT_OCR_FULL=1 go test ./extract/ocr -run
// 'Screenshot2021$|Screenshots$' -v: 172 s of CPU before, 194 s after
// (the sideways 2025 screenshot is read twice):
//
//	2021  51  49/49  179/185  /  51  49/49    179/185 (all 146 equal to the text layer)
//	2022  42  87/87  442/465  /  42  87/87    442/465
//	2023  47  45/45  207/228  /  49  48/48    216/237
//	2024  36  99/101 383/630  /  36  99/101   383/630
//	2025  45  28/28  105/120  /  44  44/44    200/215 (programme totals now add up to the grand total in 3 of 3 columns)
//
// CPU per page (begroot extract -j 1 of the image-only harness pages
// begroting_2024 p15, kadernota 2025 p20, _fetched_Jaarstukken_2023
// p142, user seconds): 4.77, 5.90, 4.02 before, 2.82, 3.92, 2.47 after;
// the orientation detection no longer runs on an upright page (its first
// reading has a mean confidence of 81-95), while the sideways 2025
// screenshot pays one reading more (42 s of CPU for the discarded one).
//
// begroot extract on the 2021 screenshot took 65 s wall (16 s
// CPU, load 9+) and 88 MB peak RSS:
//
//	/usr/bin/time -v begroot extract -v --timeout 20m -o /tmp/out Jaarstukken_2021.pdf
//	BEGROOT_OCR_FULL=1 go test ./extract/ocr -run 'Screenshot|Jaarrekening' -v -timeout 1h
package ocr
