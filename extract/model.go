package extract

import (
	"path"
	"path/filepath"
	"strings"
)

// Format names the kind of input a Document was read from.
type Format string

// The input formats begroot reads.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
	FormatPDF  Format = "pdf"
)

// Source identifies one input document: a local file, a fetched URL or both
// (a downloaded page keeps the URL it came from and the path of its copy).
type Source struct {
	Path   string // local file the bytes were read from; "" when not on disk
	URL    string // URL the document was fetched from; "" for local files
	Format Format
	SHA256 string // hex digest of the bytes, filled in by the caller
	Size   int64  // number of bytes
}

// Name is how messages and provenance columns refer to the source: the URL
// when there is one, else the path.
func (s Source) Name() string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// Stem is the base name without its extension ("begroting_2024" for
// ".../begroting_2024.pdf"); output files are named after it.
func (s Source) Stem() string {
	var base string
	if s.Path != "" {
		base = filepath.Base(s.Path)
	} else {
		u := s.URL
		if i := strings.IndexAny(u, "?#"); i >= 0 {
			u = u[:i]
		}
		base = path.Base(strings.TrimRight(u, "/"))
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Pos is the provenance of a block or cell inside its Source.
type Pos struct {
	Page     int     // 1-based physical page for PDFs; 0 otherwise
	Line     int     // 1-based line for text input; 0 otherwise
	X, Y     float64 // PDF: left and top of the text in points from the page's top-left; 0 otherwise
	Selector string  // HTML: a CSS path to the element; "" otherwise
}

// Kind is the kind of a Block.
type Kind int

// The block kinds.
const (
	Heading Kind = iota + 1
	Paragraph
	List
	TableBlock
)

func (k Kind) String() string {
	switch k {
	case Heading:
		return "heading"
	case Paragraph:
		return "paragraph"
	case List:
		return "list"
	case TableBlock:
		return "table"
	}
	return "unknown"
}

// Block is one element of a Document in reading order.
type Block struct {
	Kind  Kind
	Level int    // Heading: 1 (top) to 6, 0 when the format does not say
	Text  string // Heading and Paragraph text, whitespace collapsed
	Items []Item // List items
	Table *Table // TableBlock
	Pos   Pos
}

// Item is one list entry. Text holds the item's paragraphs separated by "\n"
// (an item can hold a nested list, an amount, a second paragraph).
type Item struct {
	Text    string
	Ordered bool // numbered ("1.", "a)") rather than bulleted
	Pos     Pos
}

// Table is a grid of cells. Rows may be ragged when the source is.
type Table struct {
	Caption string // <caption>, or the title line a reader attached to the table
	Rows    [][]Cell
	Pos     Pos
}

// Cell is one table cell.
type Cell struct {
	Text    string // whitespace collapsed; line breaks inside the cell kept as "\n"
	Header  bool   // a header cell (th, thead, or a header row the reader recognised)
	Spanned bool   // a copy made when expanding a colspan or rowspan
	Pos     Pos
	// OCR is set on a cell read by OCR from a page without a usable text
	// layer; Confidence is then the lowest recognition confidence (0–100)
	// of its words. Both stay out of JSON dumps when unset.
	OCR        bool    `json:",omitempty"`
	Confidence float64 `json:",omitempty"`
}

// Document is the model of one input.
type Document struct {
	Source   Source
	Title    string // <title>, PDF title, or the first heading
	Pages    int    // number of pages for PDFs; 0 otherwise
	Blocks   []Block
	Warnings []string // problems that did not stop reading, e.g. pages without usable text
	// NoTextPages are the PDF pages, ascending, without a usable text
	// layer: image only, or text that does not decode. Left out of JSON
	// dumps (the readers' goldens) when empty.
	NoTextPages []int `json:",omitempty"`
}
