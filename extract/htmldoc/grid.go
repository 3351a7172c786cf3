package htmldoc

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Tables that platforms build from divs: by ARIA role (role="table",
// "row", "cell", "columnheader") or by the words of CSS classes
// ("table", "table__row", "table__cell--head", "tr", "th"). Class words
// are the parts of a class name between '-' and '_'.

// ariaRole returns n's first ARIA role, lower case.
func ariaRole(n *html.Node) string {
	v, _ := attr(n, "role")
	if f := strings.Fields(strings.ToLower(v)); len(f) > 0 {
		return f[0]
	}
	return ""
}

// classWord reports whether one of n's class names has word as a part.
func classWord(n *html.Node, words ...string) bool {
	class, _ := attr(n, "class")
	for _, name := range strings.Fields(strings.ToLower(class)) {
		for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' }) {
			for _, w := range words {
				if part == w {
					return true
				}
			}
		}
	}
	return false
}

// isGrid reports whether n, not a <table>, is a table built from other
// elements: it has role table or grid, or a "table" class word and a row
// among its children or grandchildren.
func isGrid(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
		return false
	}
	switch ariaRole(n) {
	case "table", "grid", "treegrid":
		return true
	}
	if !classWord(n, "table") {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if isGridRow(c) {
			return true
		}
		for g := c.FirstChild; g != nil; g = g.NextSibling {
			if isGridRow(g) {
				return true
			}
		}
	}
	return false
}

// isGridRow reports whether element n is a row of a div table: role row
// or a "row" or "tr" class word.
func isGridRow(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom == atom.Tr || n.DataAtom == atom.Table {
		return false
	}
	return ariaRole(n) == "row" || classWord(n, "row", "tr")
}

// isCell reports whether element n is a table cell: td, th, a cell role,
// or any element directly inside a div table's row.
func isCell(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Td, atom.Th:
		return true
	}
	switch ariaRole(n) {
	case "cell", "gridcell", "columnheader", "rowheader":
		return true
	}
	return n.Parent != nil && isGridRow(n.Parent)
}

// headerCell reports whether cell n is a header cell: th, a header role or
// a header class word.
func headerCell(n *html.Node) bool {
	if n.DataAtom == atom.Th {
		return true
	}
	switch ariaRole(n) {
	case "columnheader", "rowheader":
		return true
	}
	return n.DataAtom != atom.Td && headerPart(n)
}

// headerPart reports whether a row group, row or cell (of a div table, or
// a tr) is marked as the header by a class word.
func headerPart(n *html.Node) bool {
	return classWord(n, "head", "header", "thead", "th")
}
