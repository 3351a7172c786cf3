package ocr

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// TestBudget: a document's time limit ends at its deadline, later when
// extended, and with its parent or its cancel func; contexts derived
// from it end with it.
func TestBudget(t *testing.T) {
	const short = 20 * time.Millisecond
	tests := []struct {
		name   string
		extend time.Duration // added at once
		act    func(parent, cancel context.CancelFunc)
		early  time.Duration // not ended this long after the start
		want   error
	}{
		{name: "deadline", want: context.DeadlineExceeded},
		{name: "extended", extend: 300 * time.Millisecond, early: 200 * time.Millisecond, want: context.DeadlineExceeded},
		{name: "parent cancelled", extend: time.Hour, act: func(parent, _ context.CancelFunc) { parent() }, want: context.Canceled},
		{name: "cancelled", extend: time.Hour, act: func(_, cancel context.CancelFunc) { cancel() }, want: context.Canceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			parent, stop := context.WithCancel(context.Background())
			defer stop()
			start := time.Now()
			ctx, cancel := WithTimeout(parent, short)
			defer cancel()
			child, childCancel := context.WithCancel(ctx)
			defer childCancel()
			extend(child, tc.extend)
			if d, _ := ctx.Deadline(); d.Sub(start) < short+tc.extend {
				t.Errorf("deadline %v after the start, want at least %v", d.Sub(start), short+tc.extend)
			}
			if tc.act != nil {
				tc.act(stop, cancel)
			}
			<-child.Done()
			if took := time.Since(start); took < tc.early {
				t.Errorf("ended after %v, want at least %v", took, tc.early)
			}
			if !errors.Is(ctx.Err(), tc.want) || !errors.Is(child.Err(), tc.want) {
				t.Errorf("errors %v and (derived) %v, want %v", ctx.Err(), child.Err(), tc.want)
			}
			extend(ctx, time.Hour) // an ended budget stays ended
			if ctx.Err() == nil {
				t.Error("extended after it ended")
			}
		})
	}
}

// TestFillBudget: under a document time limit far too short for OCR,
// the allowance per page lets Fill read the page; with a tiny allowance
// the page is not read, and the warning says so.
func TestFillBudget(t *testing.T) {
	fixtures.Program(t, "tesseract")
	text := filepath.Join(t.TempDir(), "table.pdf")
	if err := os.WriteFile(text, tablePDF(), 0o644); err != nil {
		t.Fatal(err)
	}
	src := extract.Source{Path: scanOf(t, text), Format: extract.FormatPDF}
	tests := []struct {
		name      string
		allowance time.Duration
		warning   string
		read      bool
	}{
		{"allowance", 0, "OCR: 1 pages in", true},
		{"no allowance", time.Millisecond, "deadline exceeded; pages 1 not read", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := WithTimeout(context.Background(), time.Millisecond)
			defer cancel()
			doc := &extract.Document{Source: src, Pages: 1, NoTextPages: []int{1}}
			doc, err := Fill(ctx, doc, nil, src, Options{PageAllowance: tc.allowance})
			if err != nil {
				t.Fatal(err)
			}
			if w := strings.Join(doc.Warnings, "\n"); !strings.Contains(w, tc.warning) {
				t.Errorf("warnings %q, want %q", w, tc.warning)
			}
			if read := len(doc.Blocks) > 0; read != tc.read {
				t.Errorf("page read: %v, want %v", read, tc.read)
			}
		})
	}
}
