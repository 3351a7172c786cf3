package ocr

import (
	"context"
	"errors"
	"sync"
)

// ToolCheck looks the programs up once for a whole run, the first time a
// page needs OCR, instead of at the start of the run: a run whose PDFs all
// have a text layer never starts tesseract. Set it in Options.Tools; one
// ToolCheck serves every document and worker of the run.
type ToolCheck struct {
	mu      sync.Mutex
	done    bool
	tools   tools
	err     error
	missing func(error)
}

// NewToolCheck returns a check that calls missing (when not nil) once,
// with the *MissingError, if the programs or the language are not there.
func NewToolCheck(missing func(error)) *ToolCheck {
	return &ToolCheck{missing: missing}
}

// find returns the programs for language, looking them up on the first
// call. A look-up ended by ctx (the document's deadline) is not kept: the
// next document tries again.
func (c *ToolCheck) find(ctx context.Context, language string) (tools, error) {
	if c == nil {
		return findTools(ctx, language)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return c.tools, c.err
	}
	t, err := findTools(ctx, language)
	if ctx.Err() != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return t, err
	}
	c.done, c.tools, c.err = true, t, err
	if err != nil && c.missing != nil {
		c.missing(err)
	}
	return t, err
}
