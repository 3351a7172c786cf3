package pdfdoc

import (
	"regexp"
	"strings"

	"github.com/ledongthuc/pdf"
)

// glyphInfo is what a font code decodes to: its text and its advance width
// in text space units (1/1000 of the font size for most fonts).
type glyphInfo struct {
	text  string
	width float64
}

// font is a font resource, parsed once per document (fontTable) and then
// read by every page worker; only markHeavyFonts changes it, after the
// workers ended.
type font struct {
	twoByte   bool // Type0: codes are two bytes
	bold      bool
	unmapped  bool    // no ToUnicode and private glyph names: the text is unknown
	anonymous bool    // neither name nor descriptor tells the weight ("CIDFont+F2")
	stemV     float64 // stem width from the descriptor, to compare anonymous fonts

	toUni   toUnicode
	enc     pdf.TextEncoding // fallback decoder for simple fonts without ToUnicode
	widths  [256]float64     // simple fonts, already scaled to text space
	cidW    map[uint32]float64
	dw      float64 // Type0 default width, scaled
	missing float64 // simple fonts: width of codes outside /Widths
}

// face is one page worker's use of a font: decoding is memoised per code,
// without locks, so a glyph costs one array or map lookup.
type face struct {
	*font
	glyphs int // glyphs the worker showed in the font

	simple [256]glyphInfo
	known  [256]bool
	cid    map[uint32]glyphInfo
}

func newFace(f *font) *face {
	fc := &face{font: f}
	if f.twoByte {
		fc.cid = map[uint32]glyphInfo{}
	}
	return fc
}

// newFont parses a font dictionary.
func newFont(v pdf.Value) *font {
	f := &font{}
	base := v.Key("BaseFont").Name()
	desc := v.Key("FontDescriptor")
	subtype := v.Key("Subtype").Name()
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUni = parseToUnicode(tu.Reader())
	}
	if subtype == "Type0" {
		f.twoByte = true
		d := v.Key("DescendantFonts").Index(0)
		if desc.IsNull() {
			desc = d.Key("FontDescriptor")
		}
		if base == "" {
			base = d.Key("BaseFont").Name()
		}
		f.dw = 1
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64() / 1000
		}
		f.cidW = parseCIDWidths(d.Key("W"))
	} else {
		scale := 1.0 / 1000
		if subtype == "Type3" {
			if m := v.Key("FontMatrix"); m.Len() == 6 {
				scale = m.Index(0).Float64()
			}
		}
		f.missing = defaultWidth
		if mw := desc.Key("MissingWidth"); mw.Kind() == pdf.Integer || mw.Kind() == pdf.Real {
			f.missing = mw.Float64() * scale
		}
		for i := range f.widths {
			f.widths[i] = f.missing
		}
		first := int(v.Key("FirstChar").Int64())
		ws := v.Key("Widths")
		for i, n := 0, ws.Len(); i < n; i++ {
			if c := first + i; c >= 0 && c < 256 {
				f.widths[c] = ws.Index(i).Float64() * scale
			}
		}
		if f.toUni == nil && privateNames(v.Key("Encoding").Key("Differences")) {
			f.unmapped = true
		} else {
			pf := pdf.Font{V: v}
			f.enc = pf.Encoder()
		}
	}
	f.bold = isBoldName(base) || desc.Key("FontWeight").Float64() >= boldWeight ||
		desc.Key("Flags").Int64()&(1<<18) != 0
	f.anonymous = !f.bold && desc.Key("FontWeight").IsNull() && genericName.MatchString(base)
	f.stemV = desc.Key("StemV").Float64()
	return f
}

// genericName matches font names that say nothing about the face, as
// some PDF writers rename embedded fonts ("CIDFont+F2").
var genericName = regexp.MustCompile(`(?i)^([A-Z]{6}\+)?(cidfont\+)?f\d+$|^$`)

// markHeavyFonts sets bold on anonymous fonts whose stems are clearly
// wider than those of the body font, the font with the most glyphs over
// the faces of all page workers.
func markHeavyFonts(walkers []*walker) {
	glyphs := map[*font]int{}
	for _, w := range walkers {
		for f, fc := range w.faces {
			glyphs[f] += fc.glyphs
		}
	}
	var body *font
	most := 0
	for f, n := range glyphs {
		if body == nil || n > most {
			body, most = f, n
		}
	}
	if body == nil || body.stemV <= 0 {
		return
	}
	for f := range glyphs {
		if f.anonymous && f.stemV >= heavyStem*body.stemV {
			f.bold = true
		}
	}
}

// isBoldName reports whether a PostScript font name names a bold face
// ("ABCDEF+Verdana-Bold", "Calibri,Bold", "Arial-BoldMT").
func isBoldName(name string) bool {
	if i := strings.IndexByte(name, '+'); i >= 0 {
		name = name[i+1:]
	}
	lower := strings.ToLower(name)
	for _, w := range []string{"bold", "black", "heavy", "semibold", "demi"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// privateName matches glyph names that say nothing about the character:
// "/0", "/g12", "/cid345" (Type 3 fonts of some PDF producers).
var privateName = regexp.MustCompile(`^(g|c|cid|glyph|index|x)?\d+$`)

// privateNames reports whether most names of a /Differences array are
// private, so the byte codes cannot be decoded without a ToUnicode map.
func privateNames(diff pdf.Value) bool {
	names, private := 0, 0
	for i, n := 0, diff.Len(); i < n; i++ {
		if x := diff.Index(i); x.Kind() == pdf.Name {
			names++
			if privateName.MatchString(x.Name()) {
				private++
			}
		}
	}
	return names > 0 && private*2 > names
}

// parseCIDWidths reads a CIDFont /W array: "c [w1 w2 …]" and "c1 c2 w".
func parseCIDWidths(w pdf.Value) map[uint32]float64 {
	m := map[uint32]float64{}
	n := w.Len()
	for i := 0; i < n; {
		first := w.Index(i)
		if first.Kind() != pdf.Integer {
			i++
			continue
		}
		c := uint32(first.Int64())
		if i+1 >= n {
			break
		}
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for j, k := 0, next.Len(); j < k && j < maxWidthRange; j++ {
				m[c+uint32(j)] = next.Index(j).Float64() / 1000
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := uint32(next.Int64())
		width := w.Index(i+2).Float64() / 1000
		for x := c; x <= last && x-c < maxWidthRange; x++ {
			m[x] = width
		}
		i += 3
	}
	return m
}

// glyph returns the text and width of a code. ToUnicode wins over
// /Encoding: some fonts map a /Differences name the library does not know
// (Euro.001) but carry a correct ToUnicode entry.
func (f *face) glyph(code uint32) glyphInfo {
	if !f.twoByte {
		if f.known[code] {
			return f.simple[code]
		}
		g := glyphInfo{width: f.widths[code], text: "\uFFFD"}
		if t, ok := f.toUni[code]; ok {
			g.text = t
		} else if f.enc != nil {
			g.text = f.enc.Decode(string([]byte{byte(code)}))
		}
		f.simple[code], f.known[code] = g, true
		return g
	}
	if g, ok := f.cid[code]; ok {
		return g
	}
	g := glyphInfo{width: f.dw, text: "\uFFFD"}
	if w, ok := f.cidW[code]; ok {
		g.width = w
	}
	if t, ok := f.toUni[code]; ok {
		g.text = t
	}
	f.cid[code] = g
	return g
}
