package fetch

import (
	"bytes"
	"io"
	"net/url"
	"os"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// linkAttrs names, per element, the attribute that holds a link worth
// following: anchors and image-map areas, and frames and embeds, which P&C
// platforms use to show PDF documents.
var linkAttrs = map[string]string{
	"a":      "href",
	"area":   "href",
	"iframe": "src",
	"frame":  "src",
	"embed":  "src",
	"object": "data",
}

// pageScan is what the crawler reads from an HTML page: its links, and
// enough of its text to tell a page with content from an empty app shell.
type pageScan struct {
	links   []*url.URL
	more    bool // the page has more links than were read
	text    int  // letters and digits outside script, style, noscript, template and title
	scripts int  // script elements
}

// hiddenText names the elements whose text a reader never sees as the
// page's content.
var hiddenText = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "title": true}

// scanPage reads an HTML page: the targets of its first maxLinks links,
// resolved against the page's URL or its first <base href>, in document
// order, and its text and script counts. It also follows
// <meta http-equiv="refresh" content="0; url=…">. Links that do not parse
// are left out; nothing is normalised here.
func scanPage(r io.Reader, page *url.URL, maxLinks int) pageScan {
	var (
		scan    pageScan
		base    = page
		hasBase bool
		hidden  int // depth inside hiddenText elements
		z       = html.NewTokenizer(r)
	)
	add := func(ref string) {
		ref = strings.TrimSpace(ref)
		if ref == "" || scan.more {
			return
		}
		if u, err := base.Parse(ref); err == nil {
			if len(scan.links) == maxLinks {
				scan.more = true
				return
			}
			scan.links = append(scan.links, u)
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return scan
		case html.TextToken:
			if hidden == 0 {
				scan.text += countAlnum(z.Text())
			}
			continue
		case html.EndTagToken:
			if name, _ := z.TagName(); hiddenText[string(name)] && hidden > 0 {
				hidden--
			}
			continue
		case html.StartTagToken, html.SelfClosingTagToken:
		default:
			continue
		}
		name, more := z.TagName()
		tag := string(name)
		if tag == "script" {
			scan.scripts++
		}
		if hiddenText[tag] && tt == html.StartTagToken {
			hidden++
		}
		if _, ok := linkAttrs[tag]; !more || !ok && tag != "base" && tag != "meta" {
			continue
		}
		attrs := map[string]string{}
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			if _, dup := attrs[string(k)]; !dup {
				attrs[string(k)] = string(v)
			}
		}
		switch tag {
		case "base":
			if href, ok := attrs["href"]; ok && !hasBase {
				if u, err := page.Parse(strings.TrimSpace(href)); err == nil {
					base, hasBase = u, true
				}
			}
		case "meta":
			if strings.EqualFold(attrs["http-equiv"], "refresh") {
				add(refreshURL(attrs["content"]))
			}
		default:
			if attr, ok := linkAttrs[tag]; ok {
				if v, ok := attrs[attr]; ok {
					add(v)
				}
			}
		}
	}
}

// countAlnum counts the letters and digits in UTF-8 text.
func countAlnum(text []byte) int {
	n := 0
	for _, r := range string(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// shellText is the most text an app shell shows before its script runs
// ("Laden…", "Deze website heeft JavaScript nodig"); the shortest report
// page, a heading and one sentence, has more.
const shellText = 40

// isShell reports whether a scanned page is an app shell: scripts and next
// to no text, the content being filled in by JavaScript in a browser.
func (p pageScan) isShell() bool {
	return p.scripts > 0 && p.text < shellText
}

// refreshURL takes the URL out of a meta refresh content such as
// "0; url='/begroting-2024/'".
func refreshURL(content string) string {
	_, after, ok := strings.Cut(content, ";")
	if !ok {
		return ""
	}
	after = strings.TrimSpace(after)
	if len(after) < 4 || !strings.EqualFold(after[:3], "url") {
		return ""
	}
	after = strings.TrimSpace(after[3:])
	after, ok = strings.CutPrefix(after, "=")
	if !ok {
		return ""
	}
	return strings.Trim(strings.TrimSpace(after), `'"`)
}

// listingHead is how much of a page isListing looks at.
const listingHead = 2048

// goListing opens the folder index of Go's http.FileServer, which has no
// title.
const goListing = "<!doctype html>\n<meta name=\"viewport\" content=\"width=device-width\">\n<pre>\n"

// isListing reports whether the HTML page in file is the index of a folder
// that a web server generated: Python's http.server ("Directory listing
// for /…"), Apache, nginx and lighttpd ("Index of /…"), or Go's
// http.FileServer.
func isListing(file string) bool {
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, listingHead)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if bytes.HasPrefix(head, []byte(goListing)) {
		return true
	}
	lower := bytes.ToLower(head)
	_, title, ok := bytes.Cut(lower, []byte("<title>"))
	if !ok {
		return false
	}
	title, _, _ = bytes.Cut(title, []byte("</title>"))
	title = bytes.TrimSpace(title)
	return bytes.HasPrefix(title, []byte("directory listing for /")) || bytes.HasPrefix(title, []byte("index of /"))
}
