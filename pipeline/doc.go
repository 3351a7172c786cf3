// Package pipeline runs documents through begroot's stages and owns the
// concurrency of a run. Both commands that extract, begroot extract (files)
// and begroot crawl (fetched pages), go through Run:
//
//	sources ─┬─ worker ─ Read → recognize.Find → normalize.Normalize ─┬─ sink(Result)
//	         ├─ worker ─ …                                            ┤
//	         └─ worker (opt.Jobs of them)                             ┘
//
// A source is an extract.Source naming a local file (a fetched page names
// its copy in the fetch cache) and its format. Read picks the reader of the
// format from one table, format → reader:
//
//	text  extract/textdoc
//	html  extract/htmldoc
//	pdf   extract/pdfdoc, then extract/ocr for pages without a usable text layer
//
// The formats themselves, with their extensions and sniff rules, are listed
// in extract.Formats, which the crawler uses without linking the readers. A
// test checks that both tables name the same formats, so adding a format
// is a reader package plus a line in each.
//
// The stages stay pure functions of their input; Run adds what a batch
// needs around them:
//
//   - one pool of opt.Jobs workers over the documents;
//   - a time limit per document (opt.Timeout), as the context's deadline,
//     which pdfdoc and OCR honour; OCR extends it for each page it reads
//     (ocr.WithTimeout);
//   - a panic in a stage becomes the error of its document, naming the
//     source, and the run goes on;
//   - on cancellation the documents not yet started fail with the
//     context's error;
//   - an optional Cache: a report stored by an earlier run is reused
//     instead of extracting the document again.
//
// Results reach the caller's sink one at a time, as documents finish, with
// the index of their source, so the caller can write each report at once
// and keep only what it needs instead of the whole dataset. The sink is
// where a command writes files and reports progress; the pipeline itself
// writes and prints nothing.
package pipeline
