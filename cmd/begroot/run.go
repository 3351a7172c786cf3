package main

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output"
	"github.com/begroot/begroot/pipeline"
)

// extractSources runs the sources through the pipeline with the options'
// workers and time limit, reusing and filling cache when it is not nil,
// and reports each document on the status line and in the log. keep, when
// not nil, is given each report as it is ready (to write it); its error
// fails the document. It returns the report (only when keep is nil) or the
// error of each source by index.
func extractSources(ctx context.Context, sources []extract.Source, opt Options, cache pipeline.Cache, st *status, log *slog.Logger,
	keep func(i int, rep *normalize.Report) error) ([]*normalize.Report, []error) {
	reports := make([]*normalize.Report, len(sources))
	errs := make([]error, len(sources))
	// The programs are looked up the first time a page needs OCR; in auto
	// mode their absence is one warning for the run.
	var missing func(error)
	if opt.ocr.Mode == ocr.Auto {
		missing = func(err error) { log.Warn("no OCR of pages without a text layer", "error", err) }
	}
	opt.ocr.Tools = ocr.NewToolCheck(missing)
	st.start("extracting", len(sources))
	pipeline.Run(ctx, sources, pipeline.Options{Jobs: opt.Jobs, Timeout: opt.Timeout, Cache: cache, OCR: opt.ocr}, func(r pipeline.Result) {
		if r.Err == nil && keep != nil {
			r.Err = keep(r.Index, r.Report)
		}
		if r.Err != nil {
			r.Report = nil
		}
		st.add()
		st.logDocument(log, r.Source, r.Report, r.Err)
		if keep == nil {
			reports[r.Index] = r.Report // else keep took it: it need not stay in memory
		}
		errs[r.Index] = r.Err
	})
	if c := opt.ocr.Cache; c != nil {
		if n := c.Prune(time.Now()); n > 0 {
			log.Debug("OCR cache pruned", "files", n)
		}
	}
	return reports, errs
}

// runEnd is what a command hands finish at the end of its run.
type runEnd struct {
	dw       *output.DatasetWriter // the documents and errors of the run
	out      *outputs
	complete bool
	// truncated is set when a crawl stopped early: a complete run then
	// keeps the outputs of the last one that it did not write.
	truncated bool
	docs      map[string]string // input → SHA-256 of the documents extracted
	sum       summary
	commit    func() error // saves what the next run compares with; nil for nothing
}

// finish writes the dataset files (in OUT for a complete run, else in
// OUT/partial), commits a complete run, logs the summary and tells the
// exit code.
func finish(ctx context.Context, e runEnd, opt Options, st *status, log *slog.Logger) int {
	st.start("writing", 0)
	dir := e.out.setDir(e.complete)
	err := e.dw.CloseIn(dir, partialPath(opt.XLSX, opt.OutDir, dir))
	if err == nil && e.complete {
		err = e.out.commit(e.docs, e.truncated, log)
		if err == nil && e.commit != nil {
			err = e.commit()
		}
	}
	st.stop()
	if err != nil {
		log.Error("write dataset", "error", err)
		return exitFatal
	}
	e.sum.log(log, dir, e.complete)
	if !e.complete {
		log.Warn("incomplete run: its dataset is in " + dir + "; " + opt.OutDir + " keeps the last complete one")
	}
	switch {
	case ctx.Err() != nil:
		return exitInterrupted
	case e.sum.failed > 0 && e.dw.Documents() == 0:
		return exitFatal
	case e.sum.failed > 0:
		return exitPartial
	}
	return exitOK
}

// partialPath is where the workbook of an incomplete run goes: beside the
// partial dataset when it is the default workbook, else the given path
// with ".partial" before its extension.
func partialPath(xlsx, outDir, dir string) string {
	if dir == outDir {
		return xlsx
	}
	if xlsx == filepath.Join(outDir, "begroot.xlsx") {
		return filepath.Join(dir, "begroot.xlsx")
	}
	ext := filepath.Ext(xlsx)
	return strings.TrimSuffix(xlsx, ext) + ".partial" + ext
}
