package extract

import (
	"bytes"
	"path/filepath"
	"strings"
)

// SniffLen is how many leading bytes callers hand to SniffFormat: room for
// white space, a byte order mark and an XML declaration before a page's
// first tag, and more than the 512 bytes net/http's DetectContentType reads.
const SniffLen = 1024

// FormatSpec says how one input format is recognised: by a file's name, by
// the Content-Type a web server sends, and by the first bytes.
type FormatSpec struct {
	Format     Format
	Extensions []string               // lower case with the dot; the first names cached copies
	MediaTypes []string               // Content-Types it is served as; none: not a web document
	Sniff      func(head []byte) bool // whether the first bytes are of this format; nil: never sniffed
	Binary     bool                   // only Sniff proves it: a body merely declared as it is not of it
}

// Formats is every input format begroot reads, in sniffing order. It is
// the only list of formats: the CLI picks files by Extensions, the crawler
// judges responses by MediaTypes and Sniff, and the reader of each Format
// is listed in package pipeline. Text has no media type (a text/plain page
// on a report site is not a report) and no sniff rule: it is the fallback
// for a named file of unknown kind.
var Formats = []FormatSpec{
	{Format: FormatPDF, Extensions: []string{".pdf"}, MediaTypes: []string{"application/pdf", "application/x-pdf"}, Sniff: isPDF, Binary: true},
	{Format: FormatHTML, Extensions: []string{".html", ".htm", ".xhtml"}, MediaTypes: []string{"text/html", "application/xhtml+xml"}, Sniff: isHTML},
	{Format: FormatText, Extensions: []string{".txt", ".text"}},
}

// Spec returns the FormatSpec of f; ok is false for a format not in Formats.
func (f Format) Spec() (spec FormatSpec, ok bool) {
	for _, s := range Formats {
		if s.Format == f {
			return s, true
		}
	}
	return FormatSpec{}, false
}

// FormatOfName returns the format a file name's extension stands for.
func FormatOfName(name string) (Format, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, s := range Formats {
		for _, e := range s.Extensions {
			if e == ext {
				return s.Format, true
			}
		}
	}
	return "", false
}

// FormatOfMediaType returns the spec of the format a Content-Type's media
// type (without parameters, lower case) stands for.
func FormatOfMediaType(mediaType string) (FormatSpec, bool) {
	for _, s := range Formats {
		for _, m := range s.MediaTypes {
			if m == mediaType {
				return s, true
			}
		}
	}
	return FormatSpec{}, false
}

// SniffFormat returns the spec of the first format whose sniff rule the
// first bytes of a file (at most SniffLen) pass.
func SniffFormat(head []byte) (FormatSpec, bool) {
	for _, s := range Formats {
		if s.Sniff != nil && s.Sniff(head) {
			return s, true
		}
	}
	return FormatSpec{}, false
}

// isPDF is the header rule of pdfdoc: "%PDF-" at the very start. Bytes
// before it (whitespace, an HTML error page, a mail header) make pdfdoc
// reject the file as damaged, so they make it no PDF here either.
func isPDF(head []byte) bool { return bytes.HasPrefix(head, []byte("%PDF-")) }

// htmlSignatures are the tags an HTML document may begin with, from the
// WHATWG MIME Sniffing standard (§7.1), lower case.
var htmlSignatures = []string{
	"<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a",
	"<style", "<title", "<b", "<body", "<br", "<p", "<!--",
}

// isHTML is the browsers' rule: after a byte order mark and white space the
// bytes begin with an HTML tag, ended by a space or ">". An XML
// declaration followed by an <html> element (XHTML) counts too.
func isHTML(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n\f")
	lower := bytes.ToLower(head)
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		return bytes.Contains(lower, []byte("<html"))
	}
	for _, sig := range htmlSignatures {
		if rest, ok := bytes.CutPrefix(lower, []byte(sig)); ok && len(rest) > 0 && (rest[0] == ' ' || rest[0] == '>') {
			return true
		}
	}
	return false
}
