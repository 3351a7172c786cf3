package extract

import (
	"errors"
	"fmt"
)

// Sentinel errors that readers wrap; test for them with errors.Is.
var (
	ErrEmpty     = errors.New("empty document")
	ErrNotPDF    = errors.New("not a PDF file")
	ErrEncrypted = errors.New("encrypted PDF")
	ErrNoText    = errors.New("no usable text layer")
	ErrNotText   = errors.New("binary data, not text")
)

// ParseError reports where in which document reading failed.
type ParseError struct {
	Source string // file path or URL
	Page   int    // 1-based page, 0 when not known or not paged
	Line   int    // 1-based line, 0 when not known
	Err    error
}

func (e *ParseError) Error() string {
	switch {
	case e.Page > 0:
		return fmt.Sprintf("%s: page %d: %v", e.Source, e.Page, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Source, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
