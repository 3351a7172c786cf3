package ocr

import (
	"context"
	"errors"
	"testing"
)

// TestToolCheckOnce: without the programs, every Read through one
// ToolCheck fails with ErrNotInstalled and the check reports it once; a
// look-up ended by the context is not kept.
func TestToolCheckOnce(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	reports := 0
	check := NewToolCheck(func(err error) {
		if !errors.Is(err, ErrNotInstalled) {
			t.Errorf("missing called with %v, want ErrNotInstalled", err)
		}
		reports++
	})
	if _, err := check.find(cancelled, DefaultLanguage); err == nil {
		t.Fatal("look-up under a cancelled context: no error")
	}
	opt := Options{Tools: check}
	for range 3 {
		if _, err := Read(context.Background(), "report.pdf", nil, opt); !errors.Is(err, ErrNotInstalled) {
			t.Fatalf("Read without programs: error %v, want ErrNotInstalled", err)
		}
	}
	if reports != 1 {
		t.Errorf("missing programs reported %d times, want once", reports)
	}
}
