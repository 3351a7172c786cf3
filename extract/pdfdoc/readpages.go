package pdfdoc

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// busyReaders counts the goroutines reading pages in all parses running,
// so that a parse adds page workers only while cores are idle and a batch
// of documents (pipeline -j N) is not oversubscribed.
var busyReaders atomic.Int64

// claimReader takes a slot for one more page worker if fewer than
// GOMAXPROCS goroutines are reading pages.
func claimReader() bool {
	procs := int64(runtime.GOMAXPROCS(0))
	for {
		n := busyReaders.Load()
		if n >= procs {
			return false
		}
		if busyReaders.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// pageResult is what reading one page gives; parse assembles the results
// in page order.
type pageResult struct {
	text     *pageText
	warnings []string
	noText   bool // the page goes to Document.NoTextPages
	usable   bool
	err      error // stops the document: an abort, the deadline or a panic
}

// pageReader reads the pages of one document with a small pool of
// workers. The library's Reader is not changed after it is opened and its
// Values are immutable, so workers share it, and the fonts of its
// fontTable; each has a walker of its own, because the walker's resource
// caches and font faces are not synchronised.
type pageReader struct {
	ctx     context.Context
	fonts   *fontTable
	refs    []pageRef
	results []pageResult
	next    atomic.Int64 // index of the next page to read
	stop    atomic.Bool  // a page failed: read no further
	mu      sync.Mutex
	walkers []*walker // of the workers that ended, for markHeavyFonts
}

// readPages reads refs with up to workers goroutines (0: GOMAXPROCS), the
// calling one included. Extra workers start only while busyReaders leaves
// a core idle and leave when other parses need the cores.
func readPages(ctx context.Context, refs []pageRef, workers int) ([]pageResult, []*walker) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	pr := &pageReader{ctx: ctx, fonts: newFontTable(), refs: refs, results: make([]pageResult, len(refs))}
	busyReaders.Add(1)
	defer busyReaders.Add(-1)
	var wg sync.WaitGroup
	for range min(workers, len(refs)) - 1 {
		if !claimReader() {
			break
		}
		wg.Go(func() {
			defer busyReaders.Add(-1)
			pr.work(true)
		})
	}
	pr.work(false)
	wg.Wait()
	return pr.results, pr.walkers
}

// work reads pages until none are left or one failed. An extra worker
// also ends when more goroutines read pages than there are cores.
func (pr *pageReader) work(extra bool) {
	w := newWalker(pr.ctx, pr.fonts)
	var words []word
	var buf []byte
	for !pr.stop.Load() {
		if extra && busyReaders.Load() > int64(runtime.GOMAXPROCS(0)) {
			break
		}
		i := int(pr.next.Add(1) - 1)
		if i >= len(pr.refs) {
			break
		}
		res := &pr.results[i]
		words, buf = w.readPage(pr.ctx, pr.refs[i], i+1, res, words, buf)
		if res.err != nil {
			pr.stop.Store(true)
		}
	}
	pr.mu.Lock()
	pr.walkers = append(pr.walkers, w)
	pr.mu.Unlock()
}

// readPage reads page number page into res, reusing the buffers words and
// buf, which it returns. A panic becomes res.err, as in parse.
func (w *walker) readPage(ctx context.Context, ref pageRef, page int, res *pageResult, words []word, buf []byte) ([]word, []byte) {
	defer func() {
		if x := recover(); x != nil {
			res.err = recovered(x, isLibraryPanic())
		}
	}()
	if err := ctx.Err(); err != nil {
		res.err = err
		return words, buf
	}
	if testHookPage != nil {
		testHookPage(page)
	}
	glyphs, perr := w.safePage(ref)
	if a, ok := perr.(abort); ok {
		res.err = a.err
		return words, buf
	}
	if perr != nil {
		res.warnings = append(res.warnings, fmt.Sprintf("page %d: %v", page, perr))
	}
	var q quality
	words, buf, q = groupWords(glyphs, words[:0], buf)
	res.text = &pageText{number: page, width: ref.width, height: ref.height}
	switch {
	case q.total == 0:
		if w.images {
			res.warnings = append(res.warnings, fmt.Sprintf("page %d: no text layer (image only)", page))
			res.noText = true
		}
	case !q.usable():
		res.warnings = append(res.warnings, fmt.Sprintf("page %d: no usable text layer", page))
		res.noText = true
	default:
		res.usable = true
		res.text.lines = groupLines(slices.Clone(words))
	}
	return words, buf
}
