package fetch

import (
	"net/http"
	"testing"
	"time"

	"github.com/begroot/begroot/extract"
)

func TestClassify(t *testing.T) {
	html := []byte("<!DOCTYPE html><html><head><title>Begroting</title></head><body></body></html>")
	pdf := []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	for _, tc := range []struct {
		name, contentType string
		head              []byte
		format            extract.Format
		reason            string
	}{
		{"html", "text/html; charset=utf-8", html, extract.FormatHTML, ""},
		{"xhtml", "application/xhtml+xml", []byte(`<?xml version="1.0"?><html>`), extract.FormatHTML, ""},
		{"html starting oddly", "text/html", []byte("<section>tekst</section>"), extract.FormatHTML, ""},
		{"pdf", "application/pdf", pdf, extract.FormatPDF, ""},
		{"pdf as octet-stream", "application/octet-stream", pdf, extract.FormatPDF, ""},
		{"pdf without type", "", pdf, extract.FormatPDF, ""},
		// pdfdoc rejects bytes before the header; so does the crawler.
		{"pdf after junk", "application/pdf", append([]byte("\r\n\r\n<junk>"), pdf...), "", "content type application/pdf without a PDF header"},
		{"pdf after white space", "", append([]byte("\r\n"), pdf...), "", "content type text/plain"},
		{"pdf mislabelled html", "text/html", pdf, extract.FormatPDF, ""},
		{"html without type", "", html, extract.FormatHTML, ""},
		{"html as octet-stream", "application/octet-stream", html, extract.FormatHTML, ""},
		{"image", "image/png", png, "", "content type image/png"},
		{"image called html", "text/html", png, "", "content type text/html but the body looks like image/png"},
		{"pdf type, no pdf", "application/pdf", html, "", "content type application/pdf without a PDF header"},
		{"unknown binary", "application/octet-stream", png, "", "content type image/png"},
		{"spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", []byte("PK\x03\x04"), "",
			"content type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
		{"plain text", "text/plain", []byte("hallo"), "", "content type text/plain"},
		{"bad header", "text/html; charset", html, extract.FormatHTML, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			format, reason := classify(tc.contentType, tc.head)
			if format != tc.format || reason != tc.reason {
				t.Errorf("classify(%q): got %q %q, want %q %q", tc.contentType, format, reason, tc.format, tc.reason)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 1, 1, 3, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"", 0},
		{"120", 2 * time.Minute},
		{" 5 ", 5 * time.Second},
		{"-3", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"soon", 0},
		{"99999999999999999", 1 << 20 * time.Second},
	} {
		if got := retryAfter(tc.in, now); got != tc.want {
			t.Errorf("retryAfter(%q): got %s, want %s", tc.in, got, tc.want)
		}
	}
}
