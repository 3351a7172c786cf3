package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/normalize"
	"golang.org/x/term"
)

// redrawEvery is how often the status line is redrawn while nothing
// finishes: often enough for a live spinner, rarely enough to cost nothing.
const redrawEvery = 200 * time.Millisecond

// barWidth is the width of the progress bar in characters.
const barWidth = 30

// status is the line at the bottom of a terminal that tells the phase of
// the run (fetching, extracting, writing) and its counts. Log lines are
// written through it: it clears the line, prints the log line and draws
// the status below it again. When stderr is not a terminal, or with -q or
// -v, status passes log lines through and draws nothing.
type status struct {
	mu     sync.Mutex
	w      io.Writer
	live   bool
	phase  string
	done   int
	total  int // 0: unknown, a spinner with the count
	drawn  bool
	spin   int
	ticker *time.Ticker
	quit   chan struct{}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// newStatus starts the status line on stderr when it is a terminal and
// opt asks for neither -q nor -v.
func newStatus(stderr io.Writer, opt Options) *status {
	s := &status{w: stderr, live: !opt.Quiet && !opt.Verbose && isTerminal(stderr)}
	if s.live {
		s.ticker, s.quit = time.NewTicker(redrawEvery), make(chan struct{})
		go func() {
			for {
				select {
				case <-s.ticker.C:
					s.mu.Lock()
					s.spin++
					s.draw()
					s.mu.Unlock()
				case <-s.quit:
					return
				}
			}
		}()
	}
	return s
}

// newLogger logs text lines through the status line: errors only with -q,
// debug details too with -v.
func newLogger(st *status, opt Options) *slog.Logger {
	level := slog.LevelInfo
	switch {
	case opt.Quiet:
		level = slog.LevelError
	case opt.Verbose:
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(st, &slog.HandlerOptions{Level: level}))
}

// Write prints a log line above the status line.
func (s *status) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clear()
	n, err := s.w.Write(p)
	s.draw()
	return n, err
}

// start begins a phase; total 0 when the count is not known in advance.
func (s *status) start(phase string, total int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.phase, s.done, s.total = phase, 0, total
	s.draw()
}

// add counts one more item of the phase.
func (s *status) add() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done++
	s.draw()
}

// stop clears the status line for good.
func (s *status) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.live {
		s.ticker.Stop()
		close(s.quit)
		s.clear()
		s.live = false
	}
}

func (s *status) clear() {
	if s.drawn {
		fmt.Fprint(s.w, "\r\033[K")
		s.drawn = false
	}
}

func (s *status) draw() {
	if !s.live || s.phase == "" {
		return
	}
	s.clear()
	if s.total > 0 {
		n := barWidth * min(s.done, s.total) / s.total
		fmt.Fprintf(s.w, "%-10s [%s%s] %d/%d", s.phase, strings.Repeat("=", n), strings.Repeat(" ", barWidth-n), s.done, s.total)
	} else {
		fmt.Fprintf(s.w, "%-10s %c %d", s.phase, `|/-\`[s.spin%4], s.done)
	}
	s.drawn = true
}

// needsReview lists why a report needs a human look (normalize.NeedsReview:
// failing checks, tables not extracted, pages without a text layer, too few
// verified amounts, nothing extracted).
func needsReview(rep *normalize.Report) []string {
	_, reasons := normalize.NeedsReview(rep)
	return reasons
}

// logDocument reports one finished document: its error, or a line with what
// was found and why it needs review (the one line per document under
// cron); on a live status line only what needs review.
func (s *status) logDocument(log *slog.Logger, src extract.Source, rep *normalize.Report, err error) {
	if err != nil {
		log.Error("failed", "source", src.Name(), "error", err)
		return
	}
	if s.live {
		if r := needsReview(rep); len(r) > 0 {
			log.Warn("needs review", "source", src.Name(), "review", strings.Join(r, "; "))
		}
		return
	}
	log.Info("extracted", "source", src.Name(), "gemeente", rep.Gemeente, "doc_type", rep.DocType, "year", rep.Year,
		"financial", len(rep.Financial), "indicators", len(rep.Indicators), "objectives", len(rep.Objectives),
		"review", strings.Join(needsReview(rep), "; "))
}

// summary is the counts of a run for its last log line.
type summary struct {
	created, changed, unchanged, failed int
	review                              []string // documents that need a human look
}

func (s summary) log(log *slog.Logger, out string, complete bool) {
	log.Info("summary", "new", s.created, "changed", s.changed, "unchanged", s.unchanged, "failed", s.failed,
		"needs_review", len(s.review), "complete", complete, "out", out)
	for _, r := range s.review {
		log.Warn("needs review", "document", r)
	}
}
