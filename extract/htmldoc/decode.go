package htmldoc

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/begroot/begroot/extract"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// sniffLen is how far the HTML standard's prescan looks for a <meta> charset.
const sniffLen = 1024

// binarySniffLen is how much of the input the binary check looks at; git uses
// the same window to tell text from binary files.
const binarySniffLen = 8000

// decode converts the raw page to UTF-8. The charset comes from a byte order
// mark or a <meta> tag; without either the page is read as UTF-8, or as
// windows-1252 (the web's legacy default) when it is not valid UTF-8. The
// returned warning, if any, says that guess was made.
func decode(data []byte) (text, warning string, err error) {
	label := bomCharset(data)
	bom := label != ""
	if !bom {
		label = metaCharset(data[:min(len(data), sniffLen)])
	}
	enc, name := charset.Lookup(label)
	if strings.HasPrefix(name, "utf-16") && !bom {
		// A <meta> cannot be read in UTF-16, so the standard reads it as UTF-8.
		enc, name = nil, ""
	}
	if enc == nil {
		if !utf8.Valid(data) {
			enc, name = charset.Lookup("windows-1252")
			warning = "no charset declared and not valid UTF-8: read as windows-1252"
		} else {
			name = "utf-8"
		}
	}
	if !strings.HasPrefix(name, "utf-16") && bytes.IndexByte(data[:min(len(data), binarySniffLen)], 0) >= 0 {
		return "", "", extract.ErrNotText
	}
	var out []byte
	if name == "utf-8" {
		out = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	} else if out, err = enc.NewDecoder().Bytes(data); err != nil {
		return "", "", fmt.Errorf("decode %s: %w", name, extract.ErrNotText)
	}
	if looksBinary(out) {
		return "", "", extract.ErrNotText
	}
	return strings.TrimPrefix(strings.ToValidUTF8(string(out), "\uFFFD"), "\uFEFF"), warning, nil
}

// bomCharset names the encoding a byte order mark announces, or "".
func bomCharset(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return "utf-8"
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return "utf-16be"
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return "utf-16le"
	}
	return ""
}

// metaCharset returns the charset declared by <meta charset> or by
// <meta http-equiv="Content-Type" content="…; charset=…"> in head, or "".
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var cs, content string
			var contentType bool
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					contentType = strings.EqualFold(string(v), "content-type")
				}
			}
			if cs != "" {
				return cs
			}
			if contentType {
				if _, params, err := mime.ParseMediaType(content); err == nil && params["charset"] != "" {
					return params["charset"]
				}
			}
		}
	}
}

// looksBinary reports whether decoded text is not text: it holds a NUL, more
// than 1% control characters, or more than 10% bytes that are not UTF-8 (a
// few stray Latin-1 bytes in a page declared UTF-8 are still text).
func looksBinary(text []byte) bool {
	sample := text[:min(len(text), binarySniffLen)]
	var runes, controls, invalid int
	for len(sample) > 0 {
		r, size := utf8.DecodeRune(sample)
		sample = sample[size:]
		runes++
		switch {
		case r == 0:
			return true
		case r == utf8.RuneError && size == 1:
			invalid++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f':
			controls++
		}
	}
	return controls*100 > runes || invalid*10 > runes
}
