package htmldoc

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/begroot/begroot/extract"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipLinkPrefix starts the hidden "Terug naar navigatie - <heading>" links
// that P&C platforms put in or before every heading.
const skipLinkPrefix = "terug naar navigatie"

// Limits that keep the cost of one page bounded whatever its shape (see
// also maxColumns and maxText in walk.go). Exceeding maxSize is an error;
// exceeding maxTags cuts the page and says so in Document.Warnings.
const (
	// maxSize bounds what Parse reads: P&C pages are tens of kilobytes;
	// 64 MiB leaves room for a whole report on one page.
	maxSize = 64 << 20
	// maxTags bounds the markup parsed, counted as '<' characters: the
	// largest pages we know have about 1,000; a page is cut before its
	// tag number maxTags+1, which keeps the parsed tree and the document
	// model at about 100 MB (some 350 bytes per tag).
	maxTags = 250000
)

// Parse reads one HTML page; see ParseContext.
func Parse(r io.Reader, src extract.Source) (*extract.Document, error) {
	return ParseContext(context.Background(), r, src)
}

// ParseContext reads one HTML page and returns its content as a Document:
// headings, paragraphs, lists and tables in reading order, without the
// site's chrome (navigation, breadcrumbs, cookie banners, scripts, hidden
// skip links).
//
// When the page has a <main> element (or role="main") only its content is
// read. Empty input returns an error wrapping extract.ErrEmpty and binary
// input one wrapping extract.ErrNotText, both as an *extract.ParseError.
// Malformed or truncated HTML is not an error: ParseContext returns what it
// could read. It checks ctx while parsing and between elements and cells;
// once ctx is done it returns an *extract.ParseError wrapping ctx.Err().
func ParseContext(ctx context.Context, r io.Reader, src extract.Source) (*extract.Document, error) {
	fail := func(err error) (*extract.Document, error) {
		if ctx.Err() != nil {
			err = ctx.Err()
		}
		return nil, &extract.ParseError{Source: src.Name(), Err: err}
	}
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return fail(fmt.Errorf("read: %w", err))
	}
	if len(data) > maxSize {
		return fail(fmt.Errorf("larger than %d bytes", maxSize))
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))) == 0 {
		return fail(extract.ErrEmpty)
	}
	text, warning, err := decode(data)
	if err != nil {
		return fail(err)
	}
	doc := &extract.Document{Source: src}
	if doc.Source.Format == "" {
		doc.Source.Format = extract.FormatHTML
	}
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	if cut := tagsEnd(text); cut < len(text) {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("more than %d tags: only the first %d of %d bytes are read", maxTags, cut, len(text)))
		text = text[:cut]
	}
	page, err := goquery.NewDocumentFromReader(contextReader{ctx, strings.NewReader(text)})
	if err != nil {
		return fail(fmt.Errorf("parse html: %w", err))
	}
	doc.Title = collapse(page.Find("title").First().Text(), false)

	if err := removeChrome(ctx, page.Get(0)); err != nil {
		return fail(err)
	}
	root, rootSelector := contentRoot(page)
	if root == nil {
		return doc, nil
	}
	w := newWalker(ctx, root, rootSelector)
	w.walk(root, 0)
	w.flush()
	if w.err != nil {
		return fail(w.err)
	}
	doc.Blocks = w.blocks
	doc.Warnings = append(doc.Warnings, w.warnings...)
	if doc.Title == "" {
		doc.Title = firstHeading(doc.Blocks)
	}
	return doc, nil
}

// tagsEnd returns where text must be cut to keep at most maxTags '<'
// characters: len(text) when it has no more.
func tagsEnd(text string) int {
	if strings.Count(text, "<") <= maxTags {
		return len(text)
	}
	end := 0
	for range maxTags + 1 {
		end += strings.IndexByte(text[end:], '<') + 1
	}
	return end - 1
}

// contextReader fails its reads once ctx is done, which stops the HTML
// parser within one buffer of input.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (r contextReader) Read(p []byte) (int, error) {
	if err := r.ctx.Err(); err != nil {
		return 0, err
	}
	return r.r.Read(p)
}

// contentRoot returns the element to read: the first <main> (or
// role="main") that has text, else <body>; and its CSS selector.
func contentRoot(page *goquery.Document) (*html.Node, string) {
	for _, n := range page.Find("main, [role=main]").Nodes {
		if strings.TrimSpace(nodeText(n)) == "" {
			continue
		}
		if n.DataAtom == atom.Main {
			return n, "main"
		}
		return n, n.Data + "[role=main]"
	}
	if body := page.Find("body").First(); body.Length() > 0 {
		return body.Get(0), "body"
	}
	return nil, ""
}

// firstHeading returns the text of the first h1, else of the first heading.
func firstHeading(blocks []extract.Block) string {
	first := ""
	for _, b := range blocks {
		if b.Kind != extract.Heading {
			continue
		}
		if b.Level == 1 {
			return b.Text
		}
		if first == "" {
			first = b.Text
		}
	}
	return first
}

// chromeTags are elements that never hold report content.
var chromeTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Form: true, atom.Svg: true, atom.Math: true, atom.Nav: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Dialog: true, atom.Head: true,
}

// chromeRoles are ARIA landmark roles of site chrome, and the tab lists
// whose tabs only switch between views of the content.
var chromeRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "search": true,
	"tablist": true, "tab": true,
}

// removeChrome deletes navigation, breadcrumbs, cookie banners, hidden and
// screen-reader-only elements, skip links and non-content elements below n.
// Each element is judged before anything inside it is removed. It returns
// ctx's error once ctx is done.
func removeChrome(ctx context.Context, n *html.Node) error {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if err := ctx.Err(); err != nil {
			return err
		}
		if c.Type == html.ElementNode {
			if isChrome(c) {
				n.RemoveChild(c)
			} else if err := removeChrome(ctx, c); err != nil {
				return err
			}
		}
		c = next
	}
	return nil
}

func isChrome(n *html.Node) bool {
	if chromeTags[n.DataAtom] {
		return true
	}
	if (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) && !inContent(n) {
		return true
	}
	if isPanel(n) {
		// A tab panel is one view of the page's items, hidden or not:
		// the recognisers see every view and count each item once.
		return false
	}
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	if ariaHidden(n) && !onlyVisibleText(n) {
		return true
	}
	if v, _ := attr(n, "style"); hiddenStyle(v) {
		return true
	}
	if v, _ := attr(n, "role"); chromeRoles[strings.ToLower(strings.TrimSpace(v))] {
		return true
	}
	if n.DataAtom != atom.Html && n.DataAtom != atom.Body && n.DataAtom != atom.Main {
		id, _ := attr(n, "id")
		class, _ := attr(n, "class")
		label, _ := attr(n, "aria-label")
		names := strings.ToLower(id + " " + class + " " + label)
		for _, s := range []string{"cookie", "consent", "breadcrumb", "kruimel"} {
			if strings.Contains(names, s) {
				return true
			}
		}
		for _, c := range strings.Fields(strings.ToLower(class)) {
			if strings.HasPrefix(c, "sr-only") || strings.Contains(c, "visually-hidden") ||
				strings.Contains(c, "visuallyhidden") || strings.Contains(c, "screen-reader") ||
				strings.Contains(c, "skip") {
				return true
			}
		}
	}
	return isSkipLink(n)
}

// isPanel reports whether n is a tab panel: role="tabpanel" or a
// "tab-pane" class.
func isPanel(n *html.Node) bool {
	if v, _ := attr(n, "role"); strings.EqualFold(strings.TrimSpace(v), "tabpanel") {
		return true
	}
	class, _ := attr(n, "class")
	for _, c := range strings.Fields(strings.ToLower(class)) {
		if c == "tab-pane" || c == "tabpanel" {
			return true
		}
	}
	return false
}

// maxCellScan bounds the nodes onlyVisibleText looks at in one cell: a
// number and its screen-reader copy take a handful; the bound keeps a
// hostile cell with thousands of aria-hidden spans linear.
const maxCellScan = 64

// onlyVisibleText reports whether aria-hidden n holds all the text of the
// table cell it sits in: aria-hidden hides from screen readers, not from
// the eye, and a cell that shows a number aria-hidden beside a
// screen-reader-only copy shows that number.
func onlyVisibleText(n *html.Node) bool {
	cell := n.Parent
	for ; cell != nil && !isCell(cell); cell = cell.Parent {
		if cell.DataAtom == atom.Table {
			return false
		}
	}
	if cell == nil || strings.TrimSpace(nodeText(n)) == "" {
		return false
	}
	budget := maxCellScan
	var other func(*html.Node) bool
	other = func(x *html.Node) bool {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if budget--; budget < 0 {
				return true // too large to tell: read as before, hidden
			}
			switch {
			case c == n:
			case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
				return true
			case c.Type == html.ElementNode && !ariaHidden(c) && !isChrome(c) && other(c):
				return true
			}
		}
		return false
	}
	return !other(cell)
}

// ariaHidden reports whether n has aria-hidden="true".
func ariaHidden(n *html.Node) bool {
	v, _ := attr(n, "aria-hidden")
	return strings.EqualFold(strings.TrimSpace(v), "true")
}

// inContent reports whether a header or footer sits inside the page content
// (main, article, section) rather than being the site's own.
func inContent(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Main, atom.Article, atom.Section:
			return true
		}
		if v, _ := attr(p, "role"); v == "main" {
			return true
		}
	}
	return false
}

// hiddenStyle reports whether an inline style hides the element.
func hiddenStyle(style string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(style), ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// isSkipLink reports whether n is a "Terug naar navigatie - …" link: an a or
// span, or an element without child elements, whose text starts with it.
func isSkipLink(n *html.Node) bool {
	if n.DataAtom != atom.A && n.DataAtom != atom.Span {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				return false
			}
		}
	}
	return strings.HasPrefix(strings.ToLower(textPrefix(n, len(skipLinkPrefix)+8)), skipLinkPrefix)
}

// textPrefix returns the start of n's text, whitespace collapsed: at least
// max non-space bytes when there are that many within the first 64 nodes
// below n (the bound keeps deeply nested markup linear).
func textPrefix(n *html.Node, max int) string {
	var b strings.Builder
	seen, budget := 0, 64
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if budget--; budget < 0 {
				return true
			}
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
				seen += len(strings.Join(strings.Fields(c.Data), ""))
				if seen >= max {
					return true
				}
			} else if c.Type == html.ElementNode && visit(c) {
				return true
			}
		}
		return false
	}
	visit(n)
	return collapse(b.String(), false)
}

// nodeText returns all text below n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			} else {
				visit(c)
			}
		}
	}
	visit(n)
	return b.String()
}

// attr returns the value of n's attribute key and whether it is present.
func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}
