package main

import (
	"io"
	"log/slog"
	"os"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/normalize"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// newLogger logs to stderr as text lines: one per document and its
// warnings; errors only with -q; debug details too with -v.
func newLogger(stderr io.Writer, opt Options) *slog.Logger {
	level := slog.LevelInfo
	switch {
	case opt.Quiet:
		level = slog.LevelError
	case opt.Verbose:
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
}

// progress reports finished documents: a bar when stderr is a terminal
// (and not -q), one log line per document otherwise (cron).
type progress struct {
	bar *progressbar.ProgressBar
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newProgress(stderr io.Writer, total int, opt Options) *progress {
	if opt.Quiet || opt.Verbose || !isTerminal(stderr) {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(stderr),
		progressbar.OptionSetDescription("extracting"),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
	)}
}

// done records one document. Called from the workers; the bar and slog are
// safe for concurrent use.
func (p *progress) done(src extract.Source, rep *normalize.Report, err error, log *slog.Logger) {
	if p.bar != nil {
		p.bar.Add(1)
	}
	switch {
	case err != nil:
		log.Error("failed", "source", src.Name(), "error", err)
	case p.bar == nil:
		failedChecks := 0
		for _, c := range rep.Checks {
			if !c.OK {
				failedChecks++
			}
		}
		log.Info("extracted", "source", src.Name(), "gemeente", rep.Gemeente, "doc_type", rep.DocType, "year", rep.Year,
			"financial", len(rep.Financial), "indicators", len(rep.Indicators), "objectives", len(rep.Objectives),
			"checks_failed", failedChecks)
	}
	if rep != nil {
		for _, w := range rep.Warnings {
			log.Warn("warning", "source", src.Name(), "warning", w)
		}
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
