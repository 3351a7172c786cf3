package ocr

import (
	"context"
	"sync"
	"time"
)

// DefaultPageAllowance is the time a document's budget grows by for each
// page OCR reads: a two-page screenshot spread takes 13 s of CPU and over
// 60 s on a 2-core machine under a load of 9, a page of text 5-10 s, and
// two pages are read at once (DefaultParallel).
const DefaultPageAllowance = time.Minute

// stageReserve is the part of a document's budget Read leaves unused, so
// that the pages it read before the deadline can still be recognised and
// normalised (under half a second for a 200-page report).
const stageReserve = 2 * time.Second

// budget is a context whose deadline can move later: the time limit of
// one document, which Read extends for the pages it OCRs. It ends at its
// deadline, when its parent ends, or when cancelled. Its Err is
// context.DeadlineExceeded at the deadline; context.Cause of the budget
// itself is its parent's cause, so ask Err (contexts derived from it get
// the right cause).
type budget struct {
	parent context.Context
	done   chan struct{}

	mu       sync.Mutex
	deadline time.Time
	timer    *time.Timer
	stop     func() bool // ends the watch on parent
	err      error
}

type budgetKey struct{}

// WithTimeout returns a copy of parent that ends after d, like
// context.WithTimeout, but whose deadline Read extends by
// Options.PageAllowance for each page it reads with OCR: the pipeline's
// per-document time limit (--timeout).
func WithTimeout(parent context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	b := &budget{parent: parent, done: make(chan struct{}), deadline: time.Now().Add(d)}
	b.mu.Lock()
	b.timer = time.AfterFunc(d, b.expire)
	b.stop = context.AfterFunc(parent, func() { b.end(parent.Err()) })
	b.mu.Unlock()
	return b, func() { b.end(context.Canceled) }
}

// Deadline is the budget's current deadline, or its parent's when that
// is earlier.
func (b *budget) Deadline() (time.Time, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if d, ok := b.parent.Deadline(); ok && d.Before(b.deadline) {
		return d, true
	}
	return b.deadline, true
}

func (b *budget) Done() <-chan struct{} { return b.done }

func (b *budget) Err() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.err
}

func (b *budget) Value(key any) any {
	if key == (budgetKey{}) {
		return b
	}
	return b.parent.Value(key)
}

// expire ends the budget unless its deadline moved while the timer fired.
func (b *budget) expire() {
	b.mu.Lock()
	later := time.Now().Before(b.deadline)
	b.mu.Unlock()
	if !later {
		b.end(context.DeadlineExceeded)
	}
}

// end ends the budget with err, once.
func (b *budget) end(err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return
	}
	b.err = err
	close(b.done)
	b.timer.Stop()
	b.stop()
}

// extend moves the deadline of the budget in ctx, if there is one that
// has not ended, d later.
func extend(ctx context.Context, d time.Duration) {
	b, ok := ctx.Value(budgetKey{}).(*budget)
	if !ok || d <= 0 {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return
	}
	b.deadline = b.deadline.Add(d)
	b.timer.Reset(time.Until(b.deadline))
}
