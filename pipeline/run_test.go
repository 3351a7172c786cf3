package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/normalize"
)

// Test formats whose readers misbehave; withTestReaders adds them to the
// reader table for one test.
const (
	formatPanic extract.Format = "test-panic"
	formatHang  extract.Format = "test-hang"
)

func withTestReaders(t *testing.T) {
	readers[formatPanic] = func(context.Context, []byte, extract.Source) (*extract.Document, error) {
		var blocks []extract.Block
		_ = blocks[3] // a bug in a stage
		return nil, nil
	}
	readers[formatHang] = func(ctx context.Context, _ []byte, _ extract.Source) (*extract.Document, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	t.Cleanup(func() {
		delete(readers, formatPanic)
		delete(readers, formatHang)
	})
}

// fakeCache holds reports by path and counts what was stored.
type fakeCache struct {
	mu       sync.Mutex
	reports  map[string]*normalize.Report
	stored   []string
	storeErr error
}

func (c *fakeCache) Load(src extract.Source) (*normalize.Report, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	rep, ok := c.reports[src.Path]
	return rep, ok
}

func (c *fakeCache) Store(src extract.Source, rep *normalize.Report) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stored = append(c.stored, filepath.Base(src.Path))
	return c.storeErr
}

func TestRun(t *testing.T) {
	withTestReaders(t)
	dir := t.TempDir()
	file := func(name string, f extract.Format) extract.Source {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte("Programma "+name+"\n\nTekst.\n"), 0o644)
		return extract.Source{Path: path, Format: f}
	}
	good := []extract.Source{file("a.txt", extract.FormatText), file("b.txt", extract.FormatText), file("c.txt", extract.FormatText)}
	cached := &normalize.Report{Document: "from the cache"}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name    string
		ctx     context.Context
		sources []extract.Source
		opt     Options
		errs    []string // per source: a part of its error, "" for a report
		stored  []string // what reached the cache's Store
	}{
		{name: "one worker", sources: good, opt: Options{Jobs: 1}, errs: []string{"", "", ""}},
		{name: "more workers than documents", sources: good, opt: Options{Jobs: 8}, errs: []string{"", "", ""}},
		{
			name:    "a panic fails its document only",
			sources: []extract.Source{good[0], file("bug.txt", formatPanic), good[1]},
			errs:    []string{"", "bug.txt: internal error: runtime error: index out of range", ""},
		},
		{
			name:    "time limit per document",
			sources: []extract.Source{file("slow.txt", formatHang), good[0]},
			opt:     Options{Timeout: 20 * time.Millisecond},
			errs:    []string{context.DeadlineExceeded.Error(), ""},
		},
		{name: "cancelled", ctx: cancelled, sources: good, errs: []string{"context canceled", "context canceled", "context canceled"}},
		{
			name:    "cache",
			sources: []extract.Source{{Path: filepath.Join(dir, "gone.txt"), Format: extract.FormatText}, good[0], file("bad.txt", formatPanic)},
			opt:     Options{Cache: &fakeCache{reports: map[string]*normalize.Report{filepath.Join(dir, "gone.txt"): cached}}},
			errs:    []string{"", "", "internal error"},
			stored:  []string{"a.txt"},
		},
		{
			name:    "cache store fails",
			sources: good[:1],
			opt:     Options{Cache: &fakeCache{storeErr: errors.New("disk full")}},
			errs:    []string{"disk full"},
			stored:  []string{"a.txt"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := tc.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			got := make([]*Result, len(tc.sources))
			var inSink atomic.Int32
			Run(ctx, tc.sources, tc.opt, func(r Result) {
				if inSink.Add(1) > 1 {
					t.Error("sink called concurrently")
				}
				defer inSink.Add(-1)
				if got[r.Index] != nil {
					t.Errorf("source %d reached the sink twice", r.Index)
				}
				got[r.Index] = &r
			})
			for i, r := range got {
				switch {
				case r == nil:
					t.Errorf("source %d never reached the sink", i)
				case r.Source != tc.sources[i]:
					t.Errorf("result %d: source %+v, want %+v", i, r.Source, tc.sources[i])
				case tc.errs[i] == "" && (r.Err != nil || r.Report == nil):
					t.Errorf("%s: got %v, %v; want a report", r.Source.Path, r.Report, r.Err)
				case tc.errs[i] != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), tc.errs[i]) || r.Report != nil):
					t.Errorf("%s: got %v, %v; want no report and error %q", r.Source.Path, r.Report, r.Err, tc.errs[i])
				}
			}
			if c, ok := tc.opt.Cache.(*fakeCache); ok {
				if got[0].Err == nil && c.reports != nil && got[0].Report != cached {
					t.Errorf("cache hit: got report %v, want the cached one", got[0].Report)
				}
				if !slices.Equal(c.stored, tc.stored) {
					t.Errorf("stored %q, want %q", c.stored, tc.stored)
				}
			}
		})
	}
}

func ExampleRun() {
	dir, _ := os.MkdirTemp("", "pipeline")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "begroting.txt")
	os.WriteFile(path, []byte("Gemeente Voorbeeld - Begroting 2024\n\nbedragen x € 1.000\nLasten 1.000 2.000\n"), 0o644)
	sources := []extract.Source{{Path: path, Format: extract.FormatText}, {Path: filepath.Join(dir, "weg.txt"), Format: extract.FormatText}}

	Run(context.Background(), sources, Options{Jobs: 2}, func(r Result) {
		if r.Err != nil {
			fmt.Printf("%d failed: %v\n", r.Index, errors.Is(r.Err, os.ErrNotExist))
			return
		}
		fmt.Printf("%d: %s %s %d\n", r.Index, r.Report.Document, r.Report.DocType, r.Report.Year)
	})
	// Unordered output:
	// 0: begroting.txt begroting 2024
	// 1 failed: true
}
