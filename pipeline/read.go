package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/extract/textdoc"
	"github.com/begroot/begroot/normalize"
)

// reader turns the bytes of one source into its document model. A reader
// that can take long honours ctx and its deadline.
type reader func(ctx context.Context, data []byte, src extract.Source) (*extract.Document, error)

// readers is the reader of each format in extract.Formats, and the only
// place the pipeline names the reader packages.
var readers = map[extract.Format]reader{
	extract.FormatText: func(ctx context.Context, data []byte, src extract.Source) (*extract.Document, error) {
		return textdoc.ParseContext(ctx, bytes.NewReader(data), src)
	},
	extract.FormatHTML: func(ctx context.Context, data []byte, src extract.Source) (*extract.Document, error) {
		return htmldoc.ParseContext(ctx, bytes.NewReader(data), src)
	},
	extract.FormatPDF: func(ctx context.Context, data []byte, src extract.Source) (*extract.Document, error) {
		var timeout time.Duration // 0: pdfdoc's default when ctx has no deadline
		if d, ok := ctx.Deadline(); ok {
			// At least a nanosecond: a deadline already passed must not
			// become pdfdoc's default of a minute.
			timeout = max(time.Until(d), time.Nanosecond)
		}
		doc, err := pdfdoc.ParseContext(ctx, bytes.NewReader(data), int64(len(data)), src, pdfdoc.Options{Timeout: timeout})
		return ocr.Fill(ctx, doc, err, src, ocr.FromContext(ctx)) // pages without a usable text layer
	},
}

// Read reads the file src.Path with the reader of src.Format. It returns
// the source with the digest and size of the bytes read, also when reading
// fails.
func Read(ctx context.Context, src extract.Source) (*extract.Document, extract.Source, error) {
	read, ok := readers[src.Format]
	if !ok {
		return nil, src, fmt.Errorf("%s: no reader for format %q", src.Name(), src.Format)
	}
	data, err := os.ReadFile(src.Path)
	if err != nil {
		return nil, src, err
	}
	src.Size = int64(len(data))
	// The readers do not look at the digest: it is computed while they
	// read, on the core a reader leaves idle in its serial parts.
	digest := make(chan string, 1)
	go func() {
		sum := sha256.Sum256(data)
		digest <- hex.EncodeToString(sum[:])
	}()
	doc, err := read(ctx, data, src)
	src.SHA256 = <-digest
	if doc != nil {
		doc.Source.SHA256 = src.SHA256
	}
	return doc, src, err
}

// Extract runs one source through the stages: read → recognize →
// normalize. A document without a usable text layer (extract.ErrNoText)
// is a finding, not a failure: its report says so and holds no records. A
// panic anywhere below becomes an error naming the source.
func Extract(ctx context.Context, src extract.Source) (rep *normalize.Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("%s: internal error: %v", src.Name(), r)
		}
	}()
	doc, src, err := Read(ctx, src)
	if errors.Is(err, extract.ErrNoText) {
		return normalize.Normalize(&extract.Document{Source: src, Warnings: []string{err.Error()}}, recognize.Result{}), nil
	}
	if err != nil {
		return nil, err
	}
	// The stages after reading run without a context of their own; a
	// document whose time ran out while it was read goes no further.
	if err := ctx.Err(); err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Err: err}
	}
	res := recognize.Find(doc)
	if err := ctx.Err(); err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Err: err}
	}
	return normalize.Normalize(doc, res), nil
}
