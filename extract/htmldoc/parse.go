package htmldoc

import (
	"bytes"
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

// Parse reads one HTML page and returns its content as a Document: headings,
// paragraphs, lists and tables in reading order, without the site's chrome
// (navigation, breadcrumbs, cookie banners, scripts, hidden skip links).
//
// When the page has a <main> element (or role="main") only its content is
// read. Empty input returns an error wrapping extract.ErrEmpty and binary
// input one wrapping extract.ErrNotText, both as an *extract.ParseError.
// Malformed or truncated HTML is not an error: Parse returns what it could
// read.
func Parse(r io.Reader, src extract.Source) (*extract.Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Err: fmt.Errorf("read: %w", err)}
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))) == 0 {
		return nil, &extract.ParseError{Source: src.Name(), Err: extract.ErrEmpty}
	}
	text, warning, err := decode(data)
	if err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Err: err}
	}
	page, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return nil, &extract.ParseError{Source: src.Name(), Err: fmt.Errorf("parse html: %w", err)}
	}

	doc := &extract.Document{Source: src}
	if doc.Source.Format == "" {
		doc.Source.Format = extract.FormatHTML
	}
	if warning != "" {
		doc.Warnings = append(doc.Warnings, warning)
	}
	doc.Title = collapse(page.Find("title").First().Text(), false)

	removeChrome(page)
	root, rootSelector := contentRoot(page)
	if root == nil {
		return doc, nil
	}
	w := newWalker(root, rootSelector)
	w.walk(root, 0)
	w.flush()
	doc.Blocks = w.blocks
	doc.Warnings = append(doc.Warnings, w.warnings...)
	if doc.Title == "" {
		doc.Title = firstHeading(doc.Blocks)
	}
	return doc, nil
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

// chromeRoles are ARIA landmark roles of site chrome.
var chromeRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "search": true,
}

// removeChrome deletes navigation, breadcrumbs, cookie banners, hidden and
// screen-reader-only elements, skip links and non-content elements.
func removeChrome(page *goquery.Document) {
	page.Find("*").FilterFunction(func(_ int, s *goquery.Selection) bool {
		return isChrome(s.Get(0))
	}).Remove()
}

func isChrome(n *html.Node) bool {
	if chromeTags[n.DataAtom] {
		return true
	}
	if (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) && !inContent(n) {
		return true
	}
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	if v, _ := attr(n, "aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
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
