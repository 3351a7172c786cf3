package pdfdoc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/ledongthuc/pdf"
)

// Options limit the work spent on one document.
type Options struct {
	// Timeout bounds the whole document; 0 means DefaultTimeout. The
	// deadline is checked between pages, at every content operator and
	// glyph, every scanChunk decoded bytes and before every table.
	Timeout time.Duration
	// MaxPages stops reading after this many pages (0: all). The Document
	// gets a warning naming the pages left out.
	MaxPages int
	// Workers bounds the goroutines reading the pages of the document
	// (0: GOMAXPROCS). Extra workers only run while cores are idle.
	Workers int
}

// DefaultTimeout is the per-document deadline when Options.Timeout is 0.
// The parser reads about 200 pages/s, so a 1,000-page budget fits easily.
const DefaultTimeout = 60 * time.Second

// Parse reads a PDF with the default Options.
func Parse(r io.ReaderAt, size int64, src extract.Source) (*extract.Document, error) {
	return ParseContext(context.Background(), r, size, src, Options{})
}

// ErrBusy is wrapped by the error of a parse that could not start before
// its deadline because maxAbandoned abandoned parses were still running.
var ErrBusy = errors.New("too many abandoned PDF parses still running")

// maxAbandoned bounds the parses left running after their deadline. The
// reader checks its deadline often, so an abandoned parse is one stuck
// inside a single library call; each may hold a core and the memory its
// limits allow (maxPageBytes, maxPageGlyphs). Four leave a small machine
// usable while a batch with a few hostile files goes on.
const maxAbandoned = 4

// abandoned counts the parses left running after their deadline; wake is
// closed and replaced whenever one of them ends.
var abandoned struct {
	sync.Mutex
	n    int
	wake chan struct{}
}

// admit waits until fewer than maxAbandoned abandoned parses are running,
// or ctx is done. A new parse waits rather than fails at once: in a batch
// the abandoned parses usually end soon, and failing would lose documents
// that are fine.
func admit(ctx context.Context) error {
	for {
		abandoned.Lock()
		if abandoned.n < maxAbandoned {
			abandoned.Unlock()
			return nil
		}
		if abandoned.wake == nil {
			abandoned.wake = make(chan struct{})
		}
		wake := abandoned.wake
		abandoned.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return fmt.Errorf("%w (%d): %w", ErrBusy, maxAbandoned, ctx.Err())
		}
	}
}

// ParseContext reads the PDF of size bytes in r into a Document with Pages
// set and Blocks in reading order. Errors are *extract.ParseError values
// wrapping extract.ErrNotPDF, ErrEncrypted, ErrNoText, ErrEmpty, ErrBusy,
// the context's error, an error of the reader's own ("internal error: …")
// or a description of the damage.
//
// The parse runs in a goroutine under a watchdog: the reader checks the
// deadline often, but the library can loop inside one call on a hostile
// file. Then ParseContext returns at the deadline and the goroutine is
// left to finish on its own; while maxAbandoned such goroutines run, a new
// ParseContext waits for one to end, up to its own deadline, and then
// fails with ErrBusy.
func ParseContext(ctx context.Context, r io.ReaderAt, size int64, src extract.Source, opt Options) (*extract.Document, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	if err := admit(ctx); err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Err: err}
	}
	type result struct {
		doc *extract.Document
		err error
	}
	out := make(chan result, 1)
	var finished, left bool // guarded by abandoned
	go func() {
		doc, err := parse(ctx, r, size, src, opt)
		abandoned.Lock()
		finished = true
		if left {
			abandoned.n--
			if abandoned.wake != nil {
				close(abandoned.wake)
				abandoned.wake = nil
			}
		}
		abandoned.Unlock()
		out <- result{doc, err}
	}()
	select {
	case res := <-out:
		return res.doc, res.err
	case <-ctx.Done():
		abandoned.Lock()
		if !finished {
			left = true
			abandoned.n++
		}
		abandoned.Unlock()
		return nil, &extract.ParseError{Source: src.Name(), Err: ctx.Err()}
	}
}

// testHookPage, when set by a test, is called before each page is read.
var testHookPage func(page int)

// parse is ParseContext without the watchdog. It recovers every panic:
// the library's become "damaged PDF" errors, its own "internal error"
// ones, both naming the page.
func parse(ctx context.Context, r io.ReaderAt, size int64, src extract.Source, opt Options) (doc *extract.Document, err error) {
	name := src.Name()
	fail := func(page int, err error) error {
		return &extract.ParseError{Source: name, Page: page, Err: err}
	}
	page := 0
	defer func() {
		if x := recover(); x != nil {
			doc, err = nil, fail(page, recovered(x, isLibraryPanic()))
		}
	}()
	if src.Format == "" {
		src.Format = extract.FormatPDF
	}
	if src.Size == 0 {
		src.Size = size
	}

	rd, size, err := sniff(r, size)
	if err != nil {
		return nil, fail(0, err)
	}
	reader, err := open(rd, size)
	if err != nil {
		return nil, fail(0, err)
	}

	refs, err := pageTree(reader)
	if err != nil {
		return nil, fail(0, err)
	}
	if len(refs) == 0 {
		return nil, fail(0, errors.New("damaged PDF: no pages found"))
	}
	doc = &extract.Document{Source: src, Pages: len(refs), Title: infoTitle(reader)}
	n := len(refs)
	if opt.MaxPages > 0 && opt.MaxPages < n {
		n = opt.MaxPages
	}
	results, walkers := readPages(ctx, refs[:n], opt.Workers)
	pages := make([]*pageText, 0, n)
	usable := 0
	for i, res := range results {
		if res.err != nil {
			page = i + 1
			return nil, fail(page, res.err)
		}
		doc.Warnings = append(doc.Warnings, res.warnings...)
		if res.noText {
			doc.NoTextPages = append(doc.NoTextPages, i+1)
		}
		if res.usable {
			usable++
		}
		pages = append(pages, res.text)
	}
	if n < len(refs) {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("pages %d-%d not read: page limit %d", n+1, len(refs), opt.MaxPages))
	}
	if usable == 0 {
		return nil, fail(0, extract.ErrNoText)
	}
	markHeavyFonts(walkers)
	doc.Blocks = layout(ctx, pages, &page)
	if doc.Title == "" {
		for _, b := range doc.Blocks {
			if b.Kind == extract.Heading {
				doc.Title = b.Text
				break
			}
		}
	}
	return doc, nil
}

// safePage walks one page under recover: the library signals malformed
// input by panicking. The glyphs found before damage are kept.
func (w *walker) safePage(ref pageRef) (glyphs []glyph, err error) {
	defer func() {
		if x := recover(); x != nil {
			if !isLibraryPanic() {
				panic(x)
			}
			glyphs, err = w.out, fmt.Errorf("damaged content stream: %v", x)
		}
	}()
	return w.page(ref)
}

func (a abort) Error() string { return a.err.Error() }

// recovered turns a recovered panic value into the error of the parse: the
// abort's error, "damaged PDF" for the library's panics and "internal
// error" for this package's.
func recovered(x any, library bool) error {
	switch a, ok := x.(abort); {
	case ok:
		return a.err
	case library:
		return fmt.Errorf("damaged PDF: %v", x)
	}
	return fmt.Errorf("internal error: %v", x)
}

// isLibraryPanic reports whether the panic being recovered was raised
// inside ledongthuc/pdf (its signal for malformed input, or an index out
// of range on a truncated object), rather than in this package. Frames of
// the standard library (runtime, compress/zlib …) are skipped. It must be
// called from the deferred function itself.
func isLibraryPanic() bool {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if first, _, path := strings.Cut(f.Function, "/"); !path || !strings.Contains(first, ".") {
			if !more {
				return false
			}
			continue
		}
		return strings.HasPrefix(f.Function, "github.com/ledongthuc/pdf.")
	}
}

// pageText is the text of one page as lines.
type pageText struct {
	number        int
	width, height float64
	lines         []line
	ocr           bool // recognised words (see WordPage.OCR)
}

// sniff checks the header and the end of the file. It tolerates what the
// library does not: a header other than %PDF-1.0…1.7 followed by an end of
// line, and bytes after the last %%EOF.
func sniff(r io.ReaderAt, size int64) (io.ReaderAt, int64, error) {
	if size == 0 {
		return nil, 0, extract.ErrEmpty
	}
	head := make([]byte, min(size, 1024))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, 0, fmt.Errorf("read header: %w", err)
	}
	if !bytes.HasPrefix(head, []byte("%PDF-")) {
		if bytes.Contains(head, []byte("%PDF-")) {
			return nil, 0, errors.New("damaged PDF: data before the %PDF- header")
		}
		return nil, 0, extract.ErrNotPDF
	}
	tailLen := min(size, 8192)
	tail := make([]byte, tailLen)
	if _, err := r.ReadAt(tail, size-tailLen); err != nil && err != io.EOF {
		return nil, 0, fmt.Errorf("read trailer: %w", err)
	}
	i := bytes.LastIndex(tail, []byte("%%EOF"))
	if i < 0 {
		return nil, 0, errors.New("truncated PDF: no %%EOF marker at the end")
	}
	m := startXref.FindSubmatch(tail[:i])
	if m == nil {
		return nil, 0, errors.New("damaged PDF: no startxref before %%EOF")
	}
	start, _ := strconv.ParseInt(string(m[1]), 10, 64)
	size = size - tailLen + int64(i) + int64(len("%%EOF"))
	if err := checkXref(r, size, start); err != nil {
		return nil, 0, err
	}
	if err := checkObjectStreams(r, size); err != nil {
		return nil, 0, err
	}
	if len(head) >= 9 && (head[5] != '1' || head[7] < '0' || head[7] > '7' || head[8] != '\n' && head[8] != '\r') {
		r = headerFix{r}
	}
	return r, size, nil
}

var (
	startXref = regexp.MustCompile(`startxref\s+(\d+)\s*$`)
	xrefPrev  = regexp.MustCompile(`/Prev\s+(\d+)`)
	xrefSize  = regexp.MustCompile(`/Size\s+(\d+)`)
	xrefIndex = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
)

// checkXref walks the chain of cross-reference sections before the library
// does, and rejects what would make it allocate without bound or loop
// forever: object numbers far beyond what the file can hold, and a /Prev
// chain that comes back to a section it has seen.
func checkXref(r io.ReaderAt, size, off int64) error {
	// An object takes more than 8 bytes, but a sparse table (one page cut
	// out of a large report) names high numbers in a small file: up to
	// maxXrefObjects is allowed in any file.
	limit := max(size/8+10_000, maxXrefObjects)
	seen := map[int64]bool{}
	for off > 0 || len(seen) == 0 {
		if seen[off] || len(seen) > 256 {
			return errors.New("damaged PDF: cross-reference sections form a loop")
		}
		seen[off] = true
		if off < 0 || off >= size {
			return fmt.Errorf("damaged PDF: cross-reference offset %d outside the file", off)
		}
		buf := make([]byte, min(size-off, 1<<16))
		n, _ := r.ReadAt(buf, off)
		buf = buf[:n]
		if bytes.HasPrefix(skipBlank(buf), []byte("xref")) {
			head := buf
			if i := bytes.Index(buf, []byte("trailer")); i >= 0 {
				head, buf = buf[:i], buf[i:]
			}
			if j := bytes.Index(buf, []byte("startxref")); j >= 0 {
				buf = buf[:j]
			}
			if n := highestObject(skipBlank(head)[len("xref"):]); n > limit {
				return fmt.Errorf("damaged PDF: cross-reference table names object %d in a file of %d bytes", n, size)
			}
		} else if i := bytes.Index(buf, []byte("stream")); i >= 0 {
			buf = buf[:i]
			if m := xrefIndex.FindSubmatch(buf); m != nil {
				f := strings.Fields(string(m[1]))
				for k := 0; k+1 < len(f); k += 2 {
					a, _ := strconv.ParseInt(f[k], 10, 64)
					b, _ := strconv.ParseInt(f[k+1], 10, 64)
					if a+b > limit || len(f[k]) > 12 {
						return fmt.Errorf("damaged PDF: cross-reference stream names object %d in a file of %d bytes", a+b, size)
					}
				}
			}
		}
		if m := xrefSize.FindSubmatch(buf); m != nil {
			if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > limit {
				return fmt.Errorf("damaged PDF: /Size %s in a file of %d bytes", m[1], size)
			}
		}
		m := xrefPrev.FindSubmatch(buf)
		if m == nil {
			return nil
		}
		off, _ = strconv.ParseInt(string(m[1]), 10, 64)
	}
	return nil
}

// highestObject reads the subsections of a cross-reference table as the
// library does ("start count", then count entries "offset generation n|f")
// and returns the highest object number the library would allocate for.
func highestObject(b []byte) int64 {
	f := lexTokens(b)
	var high int64
	for i := 0; i+1 < len(f); {
		start, ok1 := integer(f[i])
		n, ok2 := integer(f[i+1])
		if !ok1 || !ok2 || n < 0 {
			break
		}
		i += 2
		for e := int64(0); e < n; e++ {
			if i+2 >= len(f) || string(f[i+2]) != "n" && string(f[i+2]) != "f" {
				return high
			}
			if _, ok := integer(f[i]); !ok {
				return high
			}
			if _, ok := integer(f[i+1]); !ok {
				return high
			}
			high = max(high, start+e)
			i += 3
		}
	}
	return high
}

// integer parses a token the way the library's lexer reads an integer.
func integer(s []byte) (int64, bool) {
	d := bytes.TrimLeft(s, "+-")
	if len(s)-len(d) > 1 || len(d) == 0 || len(bytes.Trim(d, "0123456789")) != 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(string(s), 10, 64)
	return n, err == nil
}

// lexTokens splits b into tokens as the library's lexer does: at white
// space and around delimiters, skipping comments. The tokens are parts of
// b, not copies: a cross-reference table has three for each object.
func lexTokens(b []byte) [][]byte {
	var out [][]byte
	for i := 0; i < len(b); {
		switch c := b[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case strings.IndexByte("()<>[]{}/", c) >= 0:
			out = append(out, b[i:i+1])
			i++
		default:
			j := i
			for j < len(b) && !isLexBreak(b[j]) {
				j++
			}
			out = append(out, b[i:j])
			i = j
		}
	}
	return out
}

func isLexBreak(c byte) bool {
	return strings.IndexByte(" \t\n\r\f\x00%()<>[]{}/", c) >= 0
}

// hugeCountDigits is the length from which an object stream's /N is a
// count the library would loop over without bound: ten million objects
// take more memory than a planning report's PDF ever describes.
const hugeCountDigits = 8

// hasHugeCount reports whether b holds "/N" followed by white space and a
// number of hugeCountDigits digits or more. It scans with bytes.Index, which
// is much faster over a whole file than a regular expression without a
// literal start.
func hasHugeCount(b []byte) bool {
	for {
		i := bytes.Index(b, []byte("/N"))
		if i < 0 {
			return false
		}
		b = b[i+2:]
		rest := bytes.TrimLeft(b, " \t\n\f\r")
		if len(rest) == len(b) {
			continue // "/Name" and the like: no white space after the key
		}
		digits := 0
		for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
			digits++
		}
		if digits >= hugeCountDigits {
			return true
		}
	}
}

// objectHead matches the start of an indirect object, "12 0 obj", and
// extendsRef the /Extends entry of an object stream's dictionary.
var (
	objectHead = regexp.MustCompile(`(\d+)\s+\d+\s+obj\b`)
	extendsRef = regexp.MustCompile(`/Extends\s+(\d+)\s+\d+\s+R`)
)

// checkObjectStreams rejects object streams that claim tens of millions of
// objects, which the library reads as tokens even past the end of the
// stream, and object streams that /Extends each other in a loop, which it
// searches for ever for an object none of them holds.
func checkObjectStreams(r io.ReaderAt, size int64) error {
	const (
		chunk   = 1 << 20
		overlap = maxDictHead // an object's dictionary head read whole from the chunk where it starts
	)
	// No larger than the file: a small one does not pay for clearing a
	// whole chunk.
	buf := make([]byte, min(size, chunk+overlap))
	extends := map[string]string{} // object stream → the one it extends
	for off := int64(0); off < size; off += chunk {
		n, _ := r.ReadAt(buf[:min(int64(len(buf)), size-off)], off)
		if hasHugeCount(buf[:n]) {
			return errors.New("damaged PDF: an object stream claims tens of millions of objects")
		}
		// Only the object heads up to maxDictHead before an /Extends can
		// hold it in their dictionary: the pattern runs on those windows
		// alone, each byte once, not on the whole file.
		done := 0 // the windows end here, after an /Extends
		for {
			i := bytes.Index(buf[done:n], []byte("/Extends"))
			if i < 0 {
				break
			}
			from := headWindow(buf, done, done+i)
			for _, m := range objectHead.FindAllSubmatchIndex(buf[from:done+i], -1) {
				head := buf[from+m[1] : min(n, from+m[1]+maxDictHead)]
				if i := bytes.Index(head, []byte("stream")); i >= 0 {
					head = head[:i]
				}
				if e := extendsRef.FindSubmatch(head); e != nil {
					extends[string(buf[from+m[2]:from+m[3]])] = string(e[1])
				}
			}
			done += i + len("/Extends")
		}
	}
	for _, start := range slices.Sorted(maps.Keys(extends)) {
		at := start
		for range len(extends) {
			if at = extends[at]; at == start {
				return fmt.Errorf("damaged PDF: the /Extends of object stream %s lead back to it", start)
			}
		}
	}
	return nil
}

// headSlack is how far before the reach of a dictionary head a window
// starts: more than "obj" is long, so that no head whose dictionary
// reaches the /Extends is cut in its keyword.
const headSlack = 8

// headWindow is where to look in b[lo:at] for the object heads whose
// dictionary may hold the /Extends at b[at:]: maxDictHead and headSlack
// before it, moved back over digits and white space so that no head is
// cut and the pattern finds there the heads it finds scanning from the
// start. lo is after the previous /Extends: no head holds its last byte.
func headWindow(b []byte, lo, at int) int {
	from := max(lo, at-maxDictHead-headSlack)
	for from > lo && (b[from-1] >= '0' && b[from-1] <= '9' || bytes.IndexByte([]byte(" \t\n\f\r"), b[from-1]) >= 0) {
		from--
	}
	return from
}

// skipBlank skips white space and comments, as the library's lexer does.
func skipBlank(b []byte) []byte {
	for {
		b = bytes.TrimLeft(b, " \r\n\t\f\x00")
		if len(b) == 0 || b[0] != '%' {
			return b
		}
		i := bytes.IndexAny(b, "\r\n")
		if i < 0 {
			return nil
		}
		b = b[i:]
	}
}

// headerFix presents the first nine bytes as "%PDF-1.7\n", the only header
// shape the library accepts; offsets are unchanged.
type headerFix struct{ io.ReaderAt }

func (h headerFix) ReadAt(p []byte, off int64) (int, error) {
	n, err := h.ReaderAt.ReadAt(p, off)
	const fixed = "%PDF-1.7\n"
	for i := 0; i < n; i++ {
		if o := off + int64(i); o < int64(len(fixed)) {
			p[i] = fixed[o]
		}
	}
	return n, err
}

// open reads the cross-reference table, mapping the library's errors to
// the extract sentinels.
func open(r io.ReaderAt, size int64) (reader *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			reader, err = nil, fmt.Errorf("damaged PDF: %v", x)
		}
	}()
	reader, err = pdf.NewReader(r, size)
	if err == nil {
		return reader, nil
	}
	msg := err.Error()
	switch {
	case errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(msg, "encrypt"):
		return nil, fmt.Errorf("%w: %v", extract.ErrEncrypted, strings.TrimPrefix(msg, "encrypted PDF: "))
	case strings.Contains(msg, "reading at offset") || strings.Contains(msg, "EOF"):
		return nil, fmt.Errorf("truncated or damaged PDF: %v", msg)
	}
	return nil, fmt.Errorf("damaged PDF: %v", strings.TrimPrefix(msg, "malformed PDF: "))
}

// infoTitle returns the /Title of the document information dictionary.
func infoTitle(r *pdf.Reader) string {
	t := strings.Join(strings.Fields(r.Trailer().Key("Info").Key("Title").Text()), " ")
	if strings.ContainsRune(t, '\uFFFD') || badText(t) {
		return ""
	}
	return t
}
