package pipeline

import (
	"context"
	"runtime"
	"sync"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/normalize"
)

// Options are the settings of Run.
type Options struct {
	Jobs    int           // documents processed at once; 0 for the number of CPUs
	Timeout time.Duration // time limit per document; 0 for none beyond the readers' own
	Cache   Cache         // earlier results to reuse; nil for none
	OCR     ocr.Options   // OCR of PDF pages without a usable text layer; the zero value is ocr.Auto
}

// DefaultJobs is the number of workers when Options.Jobs is 0: one per
// CPU, since reading is CPU-bound and more workers only add memory.
func DefaultJobs() int { return runtime.NumCPU() }

// Cache keeps the reports of earlier runs, such as the crawl's cache of
// reports keyed by a document's URL and digest. Run calls it from its
// workers, concurrently.
type Cache interface {
	// Load returns the stored report of src, if any.
	Load(src extract.Source) (*normalize.Report, bool)
	// Store keeps the report of src; an error fails the document.
	Store(src extract.Source, rep *normalize.Report) error
}

// Result is what became of one source: its report or the error that
// stopped it.
type Result struct {
	Index  int            // position of the source in the slice given to Run
	Source extract.Source // the source as given
	Report *normalize.Report
	Err    error
}

// Run extracts the sources with opt.Jobs workers and hands each result to
// sink, once per source, as the documents finish: Index tells which source
// it is. The sink is called from Run's goroutine, never concurrently, so it
// needs no lock; a slow sink holds the workers back. When ctx is cancelled
// the sources not yet started get ctx's error as their result.
func Run(ctx context.Context, sources []extract.Source, opt Options, sink func(Result)) {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = DefaultJobs()
	}
	queue := make(chan int)
	results := make(chan Result)
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(queue)
		for i, src := range sources {
			if ctx.Err() != nil {
				results <- Result{Index: i, Source: src, Err: ctx.Err()}
				continue
			}
			queue <- i
		}
	})
	for range min(jobs, len(sources)) {
		wg.Go(func() {
			for i := range queue {
				rep, err := extractOne(ctx, sources[i], opt)
				results <- Result{Index: i, Source: sources[i], Report: rep, Err: err}
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		sink(r)
	}
}

// extractOne is Extract under the per-document time limit, through the
// cache when there is one.
func extractOne(ctx context.Context, src extract.Source, opt Options) (*normalize.Report, error) {
	if opt.Cache != nil {
		if rep, ok := opt.Cache.Load(src); ok {
			return rep, nil
		}
	}
	ctx = ocr.NewContext(ctx, opt.OCR)
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = ocr.WithTimeout(ctx, opt.Timeout) // longer by a page allowance for each page OCR reads
		defer cancel()
	}
	rep, err := Extract(ctx, src)
	if err != nil {
		return nil, err
	}
	if opt.Cache != nil {
		if err := opt.Cache.Store(src, rep); err != nil {
			return nil, err
		}
	}
	return rep, nil
}
