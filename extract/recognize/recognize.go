package recognize

import (
	"strings"

	"github.com/begroot/begroot/extract"
)

// Result is everything recognised in one document, as printed.
type Result struct {
	Financial  []FinancialTable
	Indicators []IndicatorValue
	Objectives []Objective
}

// A recognizer finds one kind of record in a document and adds it to res.
// It reads the document through c and never changes it; a table
// recogniser calls c.take for each table it claims.
type recognizer func(c *context, res *Result)

// recognizers are run in this order by Find. A table goes to the first
// table recogniser that takes it, so the more specific ones come first.
// Objectives read the text and the activity overviews, whoever took them.
var recognizers = []recognizer{
	financialTables,
	indicatorTables,
	objectives,
}

// Find runs every recogniser over doc. It does not change doc, and it
// gives the same Result however often it is called.
func Find(doc *extract.Document) Result {
	c := newContext(doc)
	var res Result
	for _, r := range recognizers {
		r(c, &res)
	}
	return res
}

// context is a document with the heading path above each block, and the
// tables the recognisers have taken so far.
type context struct {
	doc      *extract.Document
	sections [][]string // sections[i]: headings above block i, outermost first
	taken    []bool     // taken[i]: a recogniser has read table block i
}

// maxUnlevelled is how many headings of unknown level a section path keeps.
const maxUnlevelled = 3

func newContext(doc *extract.Document) *context {
	c := &context{doc: doc, sections: make([][]string, len(doc.Blocks)), taken: make([]bool, len(doc.Blocks))}
	type heading struct {
		level int
		text  string
	}
	var stack []heading
	for i, b := range doc.Blocks {
		path := make([]string, len(stack))
		for k, h := range stack {
			path[k] = h.text
		}
		c.sections[i] = path
		if b.Kind != extract.Heading || b.Text == "" {
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].text == b.Text {
			continue
		}
		if b.Level > 0 {
			for len(stack) > 0 && stack[len(stack)-1].level >= b.Level && stack[len(stack)-1].level > 0 {
				stack = stack[:len(stack)-1]
			}
		} else {
			unlevelled := 0
			for _, h := range stack {
				if h.level == 0 {
					unlevelled++
				}
			}
			if unlevelled >= maxUnlevelled {
				for k, h := range stack {
					if h.level == 0 {
						stack = append(stack[:k], stack[k+1:]...)
						break
					}
				}
			}
		}
		stack = append(stack, heading{b.Level, b.Text})
	}
	return c
}

// table returns the table of block i when it has rows and no recogniser
// has taken it yet, else nil.
func (c *context) table(i int) *extract.Table {
	b := c.doc.Blocks[i]
	if b.Kind != extract.TableBlock || b.Table == nil || len(b.Table.Rows) == 0 || c.taken[i] {
		return nil
	}
	return b.Table
}

// take marks table block i as read, so later recognisers skip it.
func (c *context) take(i int) { c.taken[i] = true }

// before returns up to n text blocks (headings, paragraphs) preceding block
// i, nearest first.
func (c *context) before(i, n int) []extract.Block {
	var out []extract.Block
	for k := i - 1; k >= 0 && len(out) < n; k-- {
		b := c.doc.Blocks[k]
		if b.Kind == extract.TableBlock || b.Kind == extract.List {
			break
		}
		out = append(out, b)
	}
	return out
}

// after returns the text block right after block i when it stands alone:
// the block after it is no table, whose label it could be.
func (c *context) after(i int) (extract.Block, bool) {
	blocks := c.doc.Blocks
	if i+1 >= len(blocks) || (blocks[i+1].Kind != extract.Paragraph && blocks[i+1].Kind != extract.Heading) {
		return extract.Block{}, false
	}
	if i+2 < len(blocks) && blocks[i+2].Kind == extract.TableBlock {
		return extract.Block{}, false
	}
	return blocks[i+1], true
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
