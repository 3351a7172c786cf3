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

// Find runs every recogniser over doc.
func Find(doc *extract.Document) Result {
	ctx := newContext(doc)
	var res Result
	var last *indicatorLayout // the indicator table a next table may continue
	for i, b := range doc.Blocks {
		if b.Kind != extract.TableBlock || b.Table == nil || len(b.Table.Rows) == 0 {
			if b.Kind != extract.Heading && b.Kind != extract.Paragraph {
				last = nil
			}
			continue
		}
		if ft, ok := financialTable(ctx, i); ok {
			res.Financial = append(res.Financial, ft)
			last = nil
			continue
		}
		var values []IndicatorValue
		values, last = indicatorTable(ctx, i, last)
		res.Indicators = append(res.Indicators, values...)
	}
	res.Objectives = objectives(ctx)
	return res
}

// context is a document with the heading path above each block.
type context struct {
	doc      *extract.Document
	sections [][]string // sections[i]: headings above block i, outermost first
}

// maxUnlevelled is how many headings of unknown level a section path keeps.
const maxUnlevelled = 3

func newContext(doc *extract.Document) *context {
	c := &context{doc: doc, sections: make([][]string, len(doc.Blocks))}
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

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
