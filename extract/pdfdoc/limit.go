package pdfdoc

import (
	"context"
	"errors"
)

// Limits that keep one hostile document from stalling or exhausting a run.
// The largest values seen in ../shared/corpus are far below each.
const (
	maxFormDepth   = 8        // nested Form XObjects; reports nest two or three
	maxPageGlyphs  = 500_000  // glyphs kept per page; a dense table page has about 10,000
	maxSavedStates = 1 << 12  // graphics states saved by q without Q; producers nest a few dozen
	maxStreamBytes = 32 << 20 // decoded bytes of one content stream; the corpus's largest is 2.1 MiB
	maxPageBytes   = 64 << 20 // decoded bytes a page draws, a Form counted each time it is drawn
	maxOperands    = 1 << 16  // operands (array elements included) before an operator; the corpus's longest run is 314
	scanChunk      = 64 << 10 // decoded bytes read between two deadline checks
	maxTreeDepth   = 64       // page tree levels; real trees have two or three
	maxPages       = 100_000  // pages listed; the longest reports have about 1,000
	maxCmapBytes   = 4 << 20  // bytes of a ToUnicode map read; real maps are a few kilobytes
	maxCmapStack   = 1 << 16  // tokens on the ToUnicode parser's stack; a bfrange section holds at most 100
	maxWidthRange  = 1 << 16  // codes one /W entry of a CIDFont may set: the whole two-byte range
	maxDictHead    = 1 << 10  // bytes after "N 0 obj" searched for an object stream's /Extends; its dictionary has six entries
	maxXrefObjects = 1 << 20  // object numbers any file may use: the library allocates 32 bytes for each number up to the highest, 32 MiB
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
