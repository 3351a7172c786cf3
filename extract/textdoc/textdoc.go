package textdoc

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/vocab"
	"golang.org/x/text/encoding/charmap"
)

// Limits that keep the cost of one document bounded whatever its shape.
// Exceeding maxSize is an error; exceeding the others cuts the document and
// says so in Document.Warnings.
const (
	// maxSize bounds what Parse reads: a text rendering of a report page is
	// a few hundred kilobytes at most; 64 MiB leaves room for whole reports.
	maxSize = 64 << 20
	// maxLines bounds the lines read: a 1,000-page report has about 60,000;
	// beyond this the rest of the input is not read.
	maxLines = 1 << 19
	// maxLineLen bounds one line in bytes: the longest seed line is 1.2 KB
	// (a paragraph); a longer line is cut so that later stages never see
	// megabytes of run-together text.
	maxLineLen = 64 << 10
	// maxCells bounds the table cells of one document: the corpus reports
	// hold about 40 per page, so 1,000 pages about 40,000; six times that
	// keeps the cells under ~30 MB.
	maxCells = 1 << 18
)

// Parse reads a plain-text document; see ParseContext.
func Parse(r io.Reader, src extract.Source) (*extract.Document, error) {
	return ParseContext(context.Background(), r, src)
}

// ParseContext reads a plain-text document. It checks ctx between lines
// and table rows and, once ctx is done, returns an *extract.ParseError
// wrapping ctx.Err() that names the source and the line reached. Other
// errors are *extract.ParseError values wrapping extract.ErrEmpty,
// extract.ErrNotText, the read error, or saying the input is too large.
func ParseContext(ctx context.Context, r io.Reader, src extract.Source) (*extract.Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Err: err}
	}
	if len(data) > maxSize {
		return nil, &extract.ParseError{Source: src.Name(), Err: fmt.Errorf("larger than %d bytes", maxSize)}
	}
	text, err := decode(data)
	if err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Err: err}
	}
	p := &parser{ctx: ctx}
	p.splitChunks(text)
	if p.err == nil && len(p.chunks) == 0 {
		return nil, &extract.ParseError{Source: src.Name(), Err: extract.ErrEmpty}
	}
	p.run()
	if p.err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Line: p.line, Err: p.err}
	}
	doc := &extract.Document{Source: src, Blocks: p.blocks, Warnings: p.warnings}
	for _, b := range doc.Blocks {
		if b.Kind == extract.Heading {
			doc.Title = b.Text
			break
		}
	}
	return doc, nil
}

// decode turns bytes into text: UTF-8 (a BOM is dropped), else Windows-1252.
// Bytes with NULs or many control characters are not text.
func decode(data []byte) (string, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(data, 0) >= 0 {
		return "", extract.ErrNotText
	}
	var text string
	if utf8.Valid(data) {
		text = string(data)
	} else {
		b, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", extract.ErrNotText
		}
		text = string(b)
	}
	control, total := 0, 0
	for _, r := range text {
		total++
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			control++
		}
	}
	if control*100 > total {
		return "", extract.ErrNotText
	}
	return text, nil
}

// line is one input line with its indentation and 1-based number.
type line struct {
	text   string // without indentation and trailing space
	indent int
	num    int
}

// chunk is a run of non-blank lines; nav marks a "Terug naar navigatie" line.
type chunk struct {
	lines  []line
	nav    string
	column columnKind // filled in by parser.columnKind
}

// columnKind says whether a chunk can name a column of a cell table.
type columnKind int8

const (
	unknownColumn   columnKind = iota // not yet looked at
	notColumn                         // more than a short indicator word
	indicatorColumn                   // an indicator column name such as "Waarde"
	activityColumn                    // a column name of an activity overview
)

// splitChunks cuts text into chunks, cutting lines longer than maxLineLen
// and stopping after maxLines, with a warning for each cut.
func (p *parser) splitChunks(text string) {
	var cur []line
	flush := func() {
		if len(cur) > 0 {
			p.chunks = append(p.chunks, chunk{lines: cur})
			cur = nil
		}
	}
	for i := 0; text != ""; i++ {
		p.line = i + 1
		if p.done() {
			return
		}
		if i == maxLines {
			p.warnf("more than %d lines: the rest (%d bytes) is not read", maxLines, len(text))
			break
		}
		raw := text
		if k := strings.IndexByte(text, '\n'); k >= 0 {
			raw, text = text[:k], text[k+1:]
		} else {
			text = ""
		}
		if len(raw) > maxLineLen {
			n := len(raw)
			raw = strings.ToValidUTF8(raw[:maxLineLen], "")
			p.warnf("%d bytes long: only the first %d are read", n, len(raw))
		}
		raw = strings.Map(func(r rune) rune {
			switch r {
			case '\u00a0', '\u2007', '\u202f', '\t':
				return ' '
			case '\r', '\f', '\u200b', '\ufeff':
				return -1
			}
			return r
		}, raw)
		t := strings.TrimRight(raw, " ")
		trimmed := strings.TrimLeft(t, " ")
		if trimmed == "" {
			flush()
			continue
		}
		if nav, ok := vocab.CutNavLine(trimmed); ok {
			flush()
			p.chunks = append(p.chunks, chunk{nav: collapse(nav), lines: []line{{text: trimmed, num: i + 1}}})
			continue
		}
		cur = append(cur, line{text: collapse(trimmed), indent: len(t) - len(trimmed), num: i + 1})
	}
	flush()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

type parser struct {
	ctx      context.Context
	err      error // ctx's error once it is done
	line     int   // the line being read, for errors and warnings
	chunks   []chunk
	blocks   []extract.Block
	warnings []string
	cells    int // table cells in blocks, against maxCells
}

// done reports whether ctx is done, keeping its error in p.err.
func (p *parser) done() bool {
	if p.err == nil {
		p.err = p.ctx.Err()
	}
	return p.err != nil
}

// warnf adds a warning about the current line.
func (p *parser) warnf(format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf("line %d: ", p.line)+fmt.Sprintf(format, args...))
}

func (p *parser) run() {
	for i := 0; i < len(p.chunks); {
		c := p.chunks[i]
		p.line = c.lines[0].num
		if p.done() {
			return
		}
		if p.cells > maxCells {
			return // addTable said where it stopped
		}
		switch {
		case c.nav != "":
			p.navHeading(c)
			i++
		case len(c.lines) == 1 && isSectionNumber(c.lines[0].text):
			p.blocks = append(p.blocks, extract.Block{Kind: extract.Heading, Text: c.lines[0].text, Pos: extract.Pos{Line: c.lines[0].num}})
			i++
		case isBullet(c.lines[0]):
			i = p.list(i)
		default:
			t, err := p.numericTable(c.lines)
			switch {
			case p.err != nil:
				return
			case t != nil:
				p.addTable(t)
				i++
				continue
			case err != nil:
				p.warnf("%v: read as text", err)
			}
			if n := p.cellTable(i); n > 0 {
				i += n
				continue
			}
			p.textLines(c.lines)
			i++
		}
	}
}

// navHeading makes the skip link's target a heading: the block just before
// it when that has the same text, else a new heading.
func (p *parser) navHeading(c chunk) {
	if n := len(p.blocks); n > 0 {
		last := &p.blocks[n-1]
		if (last.Kind == extract.Heading || last.Kind == extract.Paragraph) && strings.EqualFold(last.Text, c.nav) {
			last.Kind = extract.Heading
			return
		}
	}
	p.blocks = append(p.blocks, extract.Block{Kind: extract.Heading, Text: c.nav, Pos: extract.Pos{Line: c.lines[0].num}})
}

// textLines emits each line as a heading or a paragraph.
func (p *parser) textLines(lines []line) {
	for _, l := range lines {
		if p.done() {
			return
		}
		kind := extract.Paragraph
		if len(lines) == 1 && headingLike(l.text) {
			kind = extract.Heading
		}
		p.blocks = append(p.blocks, extract.Block{Kind: kind, Text: l.text, Pos: extract.Pos{Line: l.num}})
	}
}

// headingLike: short, no closing punctuation other than "?", starts with a
// capital or a digit, and is not just a number.
func headingLike(s string) bool {
	if utf8.RuneCountInString(s) > 90 || len(strings.Fields(s)) > 12 {
		return false
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ";") || strings.HasSuffix(s, ",") {
		return false
	}
	if _, ok := vocab.Parse(s); ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

var bulletRE = regexp.MustCompile(`^([•·▪◦●■*\-–]|\d{1,2}[.)]|[a-z][.)])(\s+(.*))?$`)

// sectionNumber is a numbered heading such as "6. Sociaal domein".
var sectionNumber = regexp.MustCompile(`^([2-9]|\d{2})\.\s+\S`)

// isSectionNumber: a lone line numbered other than 1 that reads as a heading
// is a numbered section title, not a one-item list.
func isSectionNumber(s string) bool {
	return sectionNumber.MatchString(s) && headingLike(s)
}

func isBullet(l line) bool { return bulletRE.MatchString(l.text) }

func bulletText(l line) (text string, ordered bool) {
	m := bulletRE.FindStringSubmatch(l.text)
	r, _ := utf8.DecodeRuneInString(m[1])
	return m[3], unicode.IsDigit(r) || unicode.IsLetter(r)
}

// list reads the list starting at chunk i and returns the index after it.
// Lines indented deeper than the bullet continue the current item; a lone
// bullet ("-" on its own) takes the next paragraph as its text.
func (p *parser) list(i int) int {
	first := p.chunks[i].lines[0]
	base := first.indent
	block := extract.Block{Kind: extract.List, Pos: extract.Pos{Line: first.num}}
	for ; i < len(p.chunks); i++ {
		c := p.chunks[i]
		if c.nav != "" || p.done() {
			break
		}
		start := c.lines[0]
		switch {
		case isBullet(start) && abs(start.indent-base) <= 1:
		case start.indent > base+1 && len(block.Items) > 0:
		case len(block.Items) > 0 && block.Items[len(block.Items)-1].Text == "" && !isBullet(start):
		default:
			p.blocks = append(p.blocks, block)
			return i
		}
		for _, l := range c.lines {
			if isBullet(l) && abs(l.indent-base) <= 1 {
				text, ordered := bulletText(l)
				block.Items = append(block.Items, extract.Item{Text: text, Ordered: ordered, Pos: extract.Pos{Line: l.num}})
				continue
			}
			it := &block.Items[len(block.Items)-1]
			if it.Text == "" {
				it.Text = l.text
			} else {
				it.Text += "\n" + l.text
			}
		}
	}
	p.blocks = append(p.blocks, block)
	return i
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
