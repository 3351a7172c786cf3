package pdfdoc

import (
	"bytes"
	"context"
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// TestParseHostile reads the generated hostile PDFs: each must end with a
// ParseError naming the page (0 for the whole file) and the problem, in
// bounded time and memory; a content stream beyond a limit wraps errLimit.
func TestParseHostile(t *testing.T) {
	const (
		maxTime  = 20 * time.Second // generous: the machine is shared; the reads take about a second
		maxAlloc = 256 << 20        // bytes allocated; the limits allow 32 MiB per stream
	)
	tests := []struct {
		file, text string
		page       int
		limit      bool
	}{
		{"hostile-operands.pdf", "page 1: more than 65536 operands before an operator", 1, true},
		{"hostile-bomb.pdf", "page 1: content stream decodes to more than 32 MiB", 1, true},
		{"hostile-extends.pdf", "hostile-extends.pdf: damaged PDF: the /Extends of object stream 4 lead back to it", 0, false},
		{"hostile-dag.pdf", "hostile-dag.pdf: damaged PDF: the page tree lists object 71 0 R more than once", 0, false},
		{"hostile-nesting.pdf", "hostile-nesting.pdf: damaged PDF: object nesting exceeds maximum depth 1000", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := parseFile(t, fixtures.Path("pdf/"+tt.file))
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			var pe *extract.ParseError
			if !errors.As(err, &pe) || pe.Page != tt.page || errors.Is(err, errLimit) != tt.limit || !strings.Contains(err.Error(), tt.text) {
				t.Errorf("Parse(%s) error %v, want a ParseError on page %d containing %q", tt.file, err, tt.page, tt.text)
			}
			if elapsed > maxTime {
				t.Errorf("Parse(%s) took %v", tt.file, elapsed)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > maxAlloc {
				t.Errorf("Parse(%s) allocated %d MiB", tt.file, alloc>>20)
			}
		})
	}
}

// TestParseInternalError checks that a panic of the reader's own code is
// recovered inside the parse goroutine and named as an internal error on
// its page.
func TestParseInternalError(t *testing.T) {
	tests := []struct {
		name string
		hook func(page int)
		want string
	}{
		{"panic", func(page int) {
			if page == 2 {
				panic("boom")
			}
		}, "tables.pdf: page 2: internal error: boom"},
		{"runtime error", func(page int) {
			var s []int
			if page == 3 {
				_ = s[page]
			}
		}, "tables.pdf: page 3: internal error: runtime error: index out of range"},
	}
	data, err := os.ReadFile(fixtures.Path("pdf/tables.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { testHookPage = nil })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testHookPage = tt.hook
			_, err := Parse(bytes.NewReader(data), int64(len(data)), extract.Source{Path: "tables.pdf"})
			var pe *extract.ParseError
			if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Parse error %v, want a ParseError starting %q", err, tt.want)
			}
		})
	}
}

// TestParseAbandoned fills the slots of abandoned parses with parses stuck
// in a test hook: the next parse waits and fails with ErrBusy at its
// deadline; once the stuck parses end, parsing works again.
func TestParseAbandoned(t *testing.T) {
	data, err := os.ReadFile(fixtures.Path("pdf/tables.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	parse := func(timeout time.Duration) error {
		_, err := ParseContext(context.Background(), bytes.NewReader(data), int64(len(data)), extract.Source{Path: "tables.pdf"}, Options{Timeout: timeout})
		return err
	}
	abandonedNow := func() int {
		abandoned.Lock()
		defer abandoned.Unlock()
		return abandoned.n
	}
	release := make(chan struct{})
	testHookPage = func(int) { <-release }
	for range maxAbandoned {
		if err := parse(100 * time.Millisecond * fixtures.TimeScale); !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("stuck parse error %v, want the deadline", err)
		}
	}
	if n := abandonedNow(); n != maxAbandoned {
		t.Errorf("%d abandoned parses, want %d", n, maxAbandoned)
	}
	if err := parse(100 * time.Millisecond * fixtures.TimeScale); !errors.Is(err, ErrBusy) || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("parse with all slots taken: error %v, want ErrBusy at the deadline", err)
	}
	close(release)
	for start := time.Now(); abandonedNow() > 0; time.Sleep(time.Millisecond) {
		if time.Since(start) > 10*time.Second {
			t.Fatalf("%d abandoned parses still running", abandonedNow())
		}
	}
	testHookPage = nil
	if err := parse(0); err != nil {
		t.Errorf("parse after the stuck parses ended: %v", err)
	}
}
