package extract

import "testing"

func TestFormatOfName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want Format // "" for unknown
	}{
		{"begroting_2024.pdf", FormatPDF},
		{"Jaarstukken.PDF", FormatPDF},
		{"pagina.htm", FormatHTML},
		{"dir.d/pagina.xhtml", FormatHTML},
		{"seed.txt", FormatText},
		{"notes.text", FormatText},
		{"begroting.docx", ""},
		{"README", ""},
	} {
		got, ok := FormatOfName(tc.name)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("FormatOfName(%q): got %q %v, want %q", tc.name, got, ok, tc.want)
		}
	}
}

func TestSniffFormat(t *testing.T) {
	for _, tc := range []struct {
		name string
		head string
		want Format // "" when no rule matches
	}{
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", FormatPDF},
		{"pdf 2.0", "%PDF-2.0\n", FormatPDF},
		{"white space before pdf", "\r\n%PDF-1.4\n", ""},
		{"junk before pdf", "<html>error</html>%PDF-1.4\n", FormatHTML},
		{"pdf without dash", "%PDF", ""},
		{"doctype", "<!DOCTYPE html><html><head>", FormatHTML},
		{"bom and space", "\uFEFF \n<html lang=\"nl\">", FormatHTML},
		{"comment first", "<!-- generated -->\n<div>", FormatHTML},
		{"paragraph", "<p>Begroting</p>", FormatHTML},
		{"xhtml", `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml">`, FormatHTML},
		{"other xml", `<?xml version="1.0"?><rss>`, ""},
		{"tag prefix only", "<pre>tekst</pre>", ""},
		{"html inside text", "Zie <html> hieronder", ""},
		{"text", "Programma 1 Veiligheid\nLasten 1.000", ""},
		{"png", "\x89PNG\r\n\x1a\n", ""},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec, ok := SniffFormat([]byte(tc.head))
			if spec.Format != tc.want || ok != (tc.want != "") {
				t.Errorf("SniffFormat(%q): got %q %v, want %q", tc.head, spec.Format, ok, tc.want)
			}
		})
	}
}

func TestFormatOfMediaType(t *testing.T) {
	for _, tc := range []struct {
		mediaType string
		want      Format
		binary    bool
	}{
		{"application/pdf", FormatPDF, true},
		{"application/x-pdf", FormatPDF, true},
		{"text/html", FormatHTML, false},
		{"application/xhtml+xml", FormatHTML, false},
		{"text/plain", "", false},
		{"application/octet-stream", "", false},
	} {
		spec, ok := FormatOfMediaType(tc.mediaType)
		if spec.Format != tc.want || ok != (tc.want != "") || spec.Binary != tc.binary {
			t.Errorf("FormatOfMediaType(%q): got %q %v binary %v, want %q binary %v", tc.mediaType, spec.Format, ok, spec.Binary, tc.want, tc.binary)
		}
	}
}

// TestFormats holds the table to what its users rely on: each format once,
// with an extension, and each extension and media type naming one format.
func TestFormats(t *testing.T) {
	formats, names := map[Format]bool{}, map[string]Format{}
	for _, s := range Formats {
		if formats[s.Format] {
			t.Errorf("%s listed twice", s.Format)
		}
		formats[s.Format] = true
		if len(s.Extensions) == 0 {
			t.Errorf("%s has no extension to name cached copies", s.Format)
		}
		if spec, ok := s.Format.Spec(); !ok || spec.Format != s.Format {
			t.Errorf("%s.Spec() = %v, %v", s.Format, spec.Format, ok)
		}
		if s.Binary && s.Sniff == nil {
			t.Errorf("%s is binary but has no sniff rule to prove it", s.Format)
		}
		for _, n := range append(append([]string{}, s.Extensions...), s.MediaTypes...) {
			if f, dup := names[n]; dup {
				t.Errorf("%s names both %s and %s", n, f, s.Format)
			}
			names[n] = s.Format
		}
	}
	if _, ok := Format("docx").Spec(); ok {
		t.Errorf("an unlisted format has a spec")
	}
}
