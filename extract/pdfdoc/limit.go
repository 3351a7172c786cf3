package pdfdoc

import (
	"context"
	"errors"
	"fmt"
	"io"
)

// Limits that keep one hostile document from stalling or exhausting a run.
// The largest values seen in ../shared/corpus are far below each.
const (
	maxFormDepth   = 8               // nested Form XObjects; reports nest two or three
	maxPageGlyphs  = 500_000         // glyphs kept per page; a dense table page has about 10,000
	maxSavedStates = 1 << 12         // graphics states saved by q without Q; producers nest a few dozen
	maxStreamBytes = 32 << 20        // decoded bytes of one content stream; the corpus's largest is 2.1 MiB
	maxPageBytes   = 64 << 20        // decoded bytes a page draws, a Form counted each time it is drawn
	maxOperands    = 1 << 16         // operands (array elements included) before an operator; the corpus's longest run is 314
	scanChunk      = 64 << 10        // decoded bytes read between two deadline checks
	scanBuffer     = 2 * maxOperands // decoded bytes below which a stream cannot hold maxOperands operands
	maxTreeDepth   = 64              // page tree levels; real trees have two or three
	maxPages       = 100_000         // pages listed; the longest reports have about 1,000
	maxCmapBytes   = 4 << 20         // bytes of a ToUnicode map read; real maps are a few kilobytes
	maxCmapStack   = 1 << 16         // tokens on the ToUnicode parser's stack; a bfrange section holds at most 100
	maxWidthRange  = 1 << 16         // codes one /W entry of a CIDFont may set: the whole two-byte range
	maxDictHead    = 1 << 10         // bytes after "N 0 obj" searched for an object stream's /Extends; its dictionary has six entries
)

// errLimit is wrapped by the errors of streams beyond the limits above.
var errLimit = errors.New("beyond the reader's limits")

// done reports whether ctx is cancelled or past its deadline. It only
// looks at the Done channel, so it is cheap enough for every operator.
func done(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return true
	default:
		return false
	}
}

// streamCheck reads a decoded content stream before the library
// interprets it, and reports an error when the stream or the page is too
// large or an operator has too many operands: the library decodes the
// whole stream and keeps every operand, without a way to stop it. It
// checks ctx every scanChunk bytes. buf is scratch space of at least
// scanBuffer bytes.
func streamCheck(ctx context.Context, r io.Reader, pageBytes *int64, buf []byte) error {
	var s operandScan
	var total int64
	// A stream shorter than scanBuffer cannot hold maxOperands operands
	// (each takes a byte and a separator), so most streams are only read;
	// once the buffer is full it is scanned, and from then on each chunk.
	fill, scanning := 0, false
	for {
		if done(ctx) {
			return abort{ctx.Err()}
		}
		end := min(fill+scanChunk, len(buf))
		n, err := r.Read(buf[fill:end])
		total += int64(n)
		*pageBytes += int64(n)
		fill += n
		if fill == len(buf) || scanning {
			s.scan(buf[:fill])
			fill, scanning = 0, true
		}
		switch {
		case total > maxStreamBytes:
			return fmt.Errorf("content stream decodes to more than %d MiB: %w", maxStreamBytes>>20, errLimit)
		case *pageBytes > maxPageBytes:
			return fmt.Errorf("content streams of the page decode to more than %d MiB: %w", maxPageBytes>>20, errLimit)
		case s.most > maxOperands:
			return fmt.Errorf("more than %d operands before an operator: %w", maxOperands, errLimit)
		}
		if err != nil {
			return nil // at the end, or damage the library reports when it reads the stream
		}
	}
}

// operandScan counts, across the chunks of a content stream, the operands
// in front of the current operator the way the library's tokenizer stacks
// them: numbers, names, strings, and every element of an array.
type operandScan struct {
	run, most int       // operands since the last operator; the largest run
	token     bool      // inside a regular token (number, name, keyword)
	operand   bool      // … which is an operand, not an operator
	state     scanState // inside a string, hex string or comment
	str       int       // nesting depth inside a (string)
	arrays    int       // nesting depth of [ arrays ]
}

type scanState uint8

const (
	scanPlain scanState = iota
	scanString
	scanEscape // after a backslash in a string
	scanHex
	scanComment
)

// lexClass sorts the bytes as the library's lexer does: 1 regular, 0 white
// space or delimiter.
var lexClass = func() (t [256]bool) {
	for c := range t {
		t[c] = !isLexBreak(byte(c))
	}
	return t
}()

// scan reads the next chunk and returns the largest run so far. Regular
// bytes, most of a stream, take the first branch.
func (s *operandScan) scan(b []byte) int {
	for _, c := range b {
		switch {
		case s.state == scanPlain && lexClass[c]:
			if !s.token {
				s.token = true
				s.operand = c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
			}
		case s.state == scanPlain:
			s.plain(c)
		default:
			s.inside(c)
		}
	}
	return s.most
}

// inside reads a byte of a string, hex string or comment.
func (s *operandScan) inside(c byte) {
	switch s.state {
	case scanComment:
		if c == '\n' || c == '\r' {
			s.state = scanPlain
		}
	case scanHex:
		if c == '>' {
			s.state = scanPlain
		}
	case scanEscape:
		s.state = scanString
	default:
		switch c {
		case '\\':
			s.state = scanEscape
		case '(':
			s.str++
		case ')':
			if s.str--; s.str == 0 {
				s.state = scanPlain
			}
		}
	}
}

// plain reads a white space or delimiter byte outside strings and
// comments.
func (s *operandScan) plain(c byte) {
	s.endToken()
	switch c {
	case '%':
		s.state = scanComment
	case '(':
		s.state, s.str = scanString, 1
		s.count()
	case '<':
		s.state = scanHex // "<<" opens a dictionary: one operand, as the hex string it looks like
		s.count()
	case '/':
		s.token, s.operand = true, true
	case '[':
		s.arrays++
	case ']':
		s.arrays = max(s.arrays-1, 0)
	}
}

// endToken counts the token just read, or ends the run at an operator.
func (s *operandScan) endToken() {
	if !s.token {
		return
	}
	s.token = false
	if s.operand || s.arrays > 0 {
		s.count()
		return
	}
	s.run = 0
}

func (s *operandScan) count() {
	s.run++
	s.most = max(s.most, s.run)
}
