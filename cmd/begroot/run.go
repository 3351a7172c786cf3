package main

import (
	"context"
	"io"
	"log/slog"
	"slices"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/pipeline"
)

// extractSources runs the sources through the pipeline with the options'
// workers and time limit, reusing and filling cache when it is not nil,
// and reports each document on the progress bar or as a log line. keep,
// when not nil, is given each report as it is ready (to write it); its
// error fails the document. It returns the report or the error of each
// source by index, and the number of documents that failed.
func extractSources(ctx context.Context, sources []extract.Source, opt Options, cache pipeline.Cache, log *slog.Logger, stderr io.Writer,
	keep func(i int, rep *normalize.Report) error) ([]*normalize.Report, []error, int) {
	reports := make([]*normalize.Report, len(sources))
	errs := make([]error, len(sources))
	failed := 0
	pdf := func(s extract.Source) bool { return s.Format == extract.FormatPDF }
	if opt.ocr.Mode == ocr.Auto && slices.ContainsFunc(sources, pdf) {
		if err := ocr.Installed(ctx, opt.ocr); err != nil {
			log.Warn("no OCR of pages without a text layer", "error", err)
			opt.ocr.Mode = ocr.Off
		}
	}
	progress := newProgress(stderr, len(sources), opt)
	pipeline.Run(ctx, sources, pipeline.Options{Jobs: opt.Jobs, Timeout: opt.Timeout, Cache: cache, OCR: opt.ocr}, func(r pipeline.Result) {
		if r.Err == nil && keep != nil {
			r.Err = keep(r.Index, r.Report)
		}
		if r.Err != nil {
			failed++
		}
		reports[r.Index], errs[r.Index] = r.Report, r.Err
		progress.done(r.Source, r.Report, r.Err, log)
	})
	progress.finish()
	return reports, errs, failed
}

// finish writes the dataset files and tells the exit code.
func finish(ctx context.Context, ds *normalize.Dataset, opt Options, log *slog.Logger, failed int) int {
	if err := writeDataset(ds, opt); err != nil {
		log.Error("write dataset", "error", err)
		return exitFatal
	}
	log.Info("done", "documents", len(ds.Documents), "failed", failed, "out", opt.OutDir)
	switch {
	case ctx.Err() != nil:
		return exitInterrupted
	case failed > 0 && len(ds.Documents) == 0:
		return exitFatal
	case failed > 0:
		return exitPartial
	}
	return exitOK
}
