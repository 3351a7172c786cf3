package pdfdoc

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/ledongthuc/pdf"
)

// matrix is a PDF transformation [a b c d e f]: a point (x, y) maps to
// (a·x + c·y + e, b·x + d·y + f).
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: apply m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// translate returns the translation by (tx, ty) applied before m.
func (m matrix) translate(tx, ty float64) matrix {
	m[4] += tx*m[0] + ty*m[2]
	m[5] += tx*m[1] + ty*m[3]
	return m
}

// rect is an axis-aligned box in page space.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) intersect(s rect) rect {
	return rect{math.Max(r.x0, s.x0), math.Max(r.y0, s.y0), math.Min(r.x1, s.x1), math.Min(r.y1, s.y1)}
}

// glyph is one shown character in page space: points from the bottom-left
// of the page as displayed, y up.
type glyph struct {
	text  string
	x, y  float64 // origin on the baseline
	w     float64 // advance
	size  float64
	font  *font
	space bool
}

// gstate is the part of the graphics state the walker needs; q and Q save
// and restore it.
type gstate struct {
	ctm                   matrix
	clip                  rect
	tc, tw, th, tl, trise float64
	tfs                   float64
	font                  *face
}

// abort wraps an error that stops the whole document: its deadline, or a
// stream beyond the limits.
type abort struct{ err error }

// walker turns the content streams of pages into glyphs. One walker serves
// all the pages a page worker reads (readPages); the fonts come from the
// document's fontTable, shared by the workers. A walker is not safe for
// concurrent use.
type walker struct {
	ctx   context.Context
	table *fontTable
	faces map[*font]*face
	// fontSets holds the fonts of each /Font resource dictionary, keyed by
	// its text ("<</F1 12 0 R>>"): pages with resources of their own mostly
	// share it, and a hit spares resolving and printing it again.
	fontSets map[string]*fontSet
	res      map[string]*resources // keyed by the resource dictionary's text
	out      []glyph
	images   bool  // the page draws an image
	bytes    int64 // decoded content bytes the page has drawn
	// streams holds the decoded stream and the lexer of each Form nesting
	// level, reused from page to page.
	streams [maxFormDepth + 1]struct {
		data []byte
		lex  contentLexer
	}
}

// fontSet is a /Font resource dictionary: its fonts' references and the
// faces of the names used so far.
type fontSet struct {
	v     pdf.Value
	refs  map[string]string
	faces map[string]*face
}

func newWalker(ctx context.Context, table *fontTable) *walker {
	return &walker{ctx: ctx, table: table, faces: map[*font]*face{}, fontSets: map[string]*fontSet{}, res: map[string]*resources{}}
}

// page walks one page and returns its glyphs, valid until the next call.
// An abort error stops the document; another error is damage on the page,
// whose glyphs up to the damage are returned.
func (w *walker) page(p pageRef) ([]glyph, error) {
	w.out = w.out[:0]
	w.images = false
	w.bytes = 0
	g := gstate{ctm: p.ctm, clip: rect{0, 0, p.width, p.height}, th: 1}
	err := w.run(p.v.Key("Contents"), p.resources, g, 0)
	return w.out, err
}

// resources resolves the font and XObject names of a resource dictionary,
// each once per walker (fonts once per document, fontTable): pages share
// their resources, and resolving an object the library keeps in an object
// stream decodes that stream again.
type resources struct {
	v     pdf.Value
	fonts *fontSet // nil until the first font
	xobjs pdf.Value
	forms map[string]pdf.Value
}

// fontNamed returns this walker's face of the font name, or nil if the
// resources have no such font.
func (w *walker) fontNamed(r *resources, name []byte) *face {
	if r.fonts == nil {
		set := r.v.Key("Font")
		key := set.String()
		if r.fonts = w.fontSets[key]; r.fonts == nil {
			r.fonts = &fontSet{v: set, refs: fontRefs(set.Keys(), key), faces: map[string]*face{}}
			w.fontSets[key] = r.fonts
		}
	}
	if fc, ok := r.fonts.faces[string(name)]; ok {
		return fc
	}
	var fc *face
	if f := w.table.named(r.fonts.v, r.fonts.refs, string(name)); f != nil {
		if fc = w.faces[f]; fc == nil {
			fc = newFace(f)
			w.faces[f] = fc
		}
	}
	r.fonts.faces[string(name)] = fc
	return fc
}

// resourcesOf returns the resolver of the resource dictionary res. Its
// text names the objects it refers to ("/Font 12 0 R"), so equal text means
// equal resources.
func (w *walker) resourcesOf(res pdf.Value) *resources {
	key := res.String()
	r := w.res[key]
	if r == nil {
		r = &resources{v: res, forms: map[string]pdf.Value{}}
		w.res[key] = r
	}
	return r
}

// run interprets one content stream (a page's, or a Form XObject's) under
// the graphics state g.
func (w *walker) run(strm, res pdf.Value, g gstate, depth int) error {
	if strm.Kind() != pdf.Stream && strm.Kind() != pdf.Array {
		return nil
	}
	st := &w.streams[depth]
	data, damage := w.read(strm, st.data[:0])
	st.data = data
	if _, ok := damage.(abort); ok {
		return damage
	}
	lex := &st.lex
	lex.reset(data)
	r := w.resourcesOf(res)
	var (
		stack       []gstate
		tm, tlm     = identity, identity
		path        rect
		hasPath     bool
		pendingClip bool
	)
	addPoint := func(x, y float64) {
		x, y = g.ctm.apply(x, y)
		if !hasPath {
			path, hasPath = rect{x, y, x, y}, true
			return
		}
		path = rect{math.Min(path.x0, x), math.Min(path.y0, y), math.Max(path.x1, x), math.Max(path.y1, y)}
	}
	num := func(i int) float64 {
		if i < len(lex.args) {
			return lex.args[i].num
		}
		return 0
	}
	// bytesOf returns the bytes of operand i if it is of kind k.
	bytesOf := func(i int, k operandKind) []byte {
		if a := lex.args[i]; a.kind == k {
			return lex.text[a.start:a.end]
		}
		return nil
	}
	nextLine := func() {
		tlm = tlm.translate(0, -g.tl)
		tm = tlm
	}
	for {
		if done(w.ctx) {
			return abort{w.ctx.Err()}
		}
		op, ok, err := lex.next()
		if err != nil {
			return abort{err}
		}
		if !ok {
			return damage
		}
		n := len(lex.args)
		switch string(op) {
		case "q":
			if len(stack) < maxSavedStates {
				stack = append(stack, g)
			}
		case "Q":
			if k := len(stack); k > 0 {
				g, stack = stack[k-1], stack[:k-1]
			}
		case "cm":
			if n == 6 {
				g.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(g.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if n == 2 {
				g.font = w.fontNamed(r, bytesOf(0, kindName))
				g.tfs = num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "Td":
			tlm = tlm.translate(num(0), num(1))
			tm = tlm
		case "TD":
			g.tl = -num(1)
			tlm = tlm.translate(num(0), num(1))
			tm = tlm
		case "Tm":
			if n == 6 {
				tm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tlm = tm
			}
		case "T*":
			nextLine()
		case "Tj":
			if n == 1 {
				err = w.show(bytesOf(0, kindString), &g, &tm)
			}
		case "'":
			if n == 1 {
				nextLine()
				err = w.show(bytesOf(0, kindString), &g, &tm)
			}
		case "\"":
			if n == 3 {
				g.tw, g.tc = num(0), num(1)
				nextLine()
				err = w.show(bytesOf(2, kindString), &g, &tm)
			}
		case "TJ":
			if a := lex.args; n == 1 && a[0].kind == kindArray {
				for _, x := range lex.elems[a[0].start:a[0].end] {
					if err != nil {
						break
					}
					if x.kind == kindString {
						err = w.show(lex.text[x.start:x.end], &g, &tm)
					} else {
						tm = tm.translate(-x.num/1000*g.tfs*g.th, 0)
					}
				}
			}
		case "m", "l":
			addPoint(num(0), num(1))
		case "c":
			addPoint(num(0), num(1))
			addPoint(num(2), num(3))
			addPoint(num(4), num(5))
		case "v", "y":
			addPoint(num(0), num(1))
			addPoint(num(2), num(3))
		case "re":
			x, y, dx, dy := num(0), num(1), num(2), num(3)
			addPoint(x, y)
			addPoint(x+dx, y+dy)
			addPoint(x, y+dy)
			addPoint(x+dx, y)
		case "W", "W*":
			pendingClip = true
		case "n", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
			if pendingClip && hasPath {
				g.clip = g.clip.intersect(path)
			}
			pendingClip, hasPath = false, false
		case "BI":
			w.images = true
		case "Do":
			if n == 1 {
				err = w.do(r, string(bytesOf(0, kindName)), g, depth)
			}
		}
		if err != nil {
			return err
		}
	}
}

// read appends the decoded bytes of the content stream strm, or of each
// stream of an array joined by a line end, to buf. It checks the deadline
// every scanChunk bytes and returns an abort when a stream or the page is
// beyond the limits. Any other error is damage: the bytes before it are
// returned with it, to be read.
func (w *walker) read(strm pdf.Value, buf []byte) ([]byte, error) {
	parts := []pdf.Value{strm}
	if strm.Kind() == pdf.Array {
		parts = parts[:0]
		for i, n := 0, strm.Len(); i < n; i++ {
			parts = append(parts, strm.Index(i))
		}
	}
	decoded := 0 // bytes of the streams before, for the offset of damage
	for _, p := range parts {
		if p.Kind() != pdf.Stream {
			continue
		}
		if len(buf) > 0 {
			buf = append(buf, '\n') // streams of an array split only between tokens
		}
		start := len(buf)
		rd := p.Reader()
		var err error
		buf, err = w.readStream(rd, buf, decoded)
		rd.Close()
		if err != nil {
			return buf, err
		}
		decoded += len(buf) - start
	}
	return buf, nil
}

// readStream appends one decoded stream to buf within the limits; decoded
// counts the bytes of the streams read before it.
func (w *walker) readStream(rd io.Reader, buf []byte, decoded int) ([]byte, error) {
	start := len(buf)
	for {
		if done(w.ctx) {
			return buf, abort{w.ctx.Err()}
		}
		buf = slices.Grow(buf, scanChunk)
		n, err := rd.Read(buf[len(buf) : len(buf)+scanChunk])
		buf = buf[:len(buf)+n]
		w.bytes += int64(n)
		switch {
		case len(buf)-start > maxStreamBytes:
			return buf, abort{fmt.Errorf("content stream decodes to more than %d MiB: %w", maxStreamBytes>>20, errLimit)}
		case w.bytes > maxPageBytes:
			return buf, abort{fmt.Errorf("content streams of the page decode to more than %d MiB: %w", maxPageBytes>>20, errLimit)}
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return buf, fmt.Errorf("damaged content stream: malformed PDF: reading at offset %d: %v", decoded+len(buf)-start, err)
		}
	}
}

// do draws the XObject name: a Form is walked recursively, an Image is
// noted.
func (w *walker) do(r *resources, name string, g gstate, depth int) error {
	x, ok := r.forms[name]
	if !ok {
		if r.xobjs.IsNull() {
			r.xobjs = r.v.Key("XObject")
		}
		x = r.xobjs.Key(name)
		r.forms[name] = x
	}
	switch x.Key("Subtype").Name() {
	case "Image":
		w.images = true
	case "Form":
		if depth >= maxFormDepth {
			return nil
		}
		if m := x.Key("Matrix"); m.Len() == 6 {
			g.ctm = matrix{m.Index(0).Float64(), m.Index(1).Float64(), m.Index(2).Float64(),
				m.Index(3).Float64(), m.Index(4).Float64(), m.Index(5).Float64()}.mul(g.ctm)
		}
		if b := x.Key("BBox"); b.Len() == 4 {
			x0, y0 := g.ctm.apply(b.Index(0).Float64(), b.Index(1).Float64())
			x1, y1 := g.ctm.apply(b.Index(2).Float64(), b.Index(3).Float64())
			g.clip = g.clip.intersect(rect{math.Min(x0, x1), math.Min(y0, y1), math.Max(x0, x1), math.Max(y0, y1)})
		}
		res := x.Key("Resources")
		if res.IsNull() {
			res = r.v
		}
		return w.run(x, res, g, depth+1)
	}
	return nil
}

// show draws string s with the current font, advancing the text matrix.
// Its error is the deadline's.
func (w *walker) show(s []byte, g *gstate, tm *matrix) error {
	f := g.font
	if f == nil || len(s) == 0 {
		return nil
	}
	m := tm.mul(g.ctm)
	upright := m[0] > 0 && math.Abs(m[1]) <= maxSkew*m[0] && math.Abs(m[2]) <= maxSkew*math.Abs(m[3])
	size := g.tfs * math.Hypot(m[2], m[3])
	xscale := math.Hypot(m[0], m[1])
	step := 1
	if f.twoByte {
		step = 2
	}
	var ox float64
	f.glyphs += len(s) / step
	for i := 0; i+step <= len(s); i += step {
		if done(w.ctx) {
			return abort{w.ctx.Err()}
		}
		code := uint32(s[i])
		if step == 2 {
			code = code<<8 | uint32(s[i+1])
		}
		gi := f.glyph(code)
		adv := gi.width*g.tfs + g.tc
		if step == 1 && code == ' ' {
			adv += g.tw
		}
		adv *= g.th
		if upright && len(w.out) < maxPageGlyphs {
			x, y := m.apply(ox, g.trise)
			gl := glyph{text: gi.text, x: x, y: y, w: adv * xscale, size: size, font: f.font, space: isBlank(gi.text)}
			if gl.space || w.visible(&gl, g.clip) {
				w.out = append(w.out, gl)
			}
		}
		ox += adv
	}
	*tm = tm.translate(ox, 0)
	return nil
}

// visible reports whether a glyph's centre lies inside the clip (with
// clipSlackPt slack). Word clips table cells, and hides overflowing or stale
// values that way.
func (w *walker) visible(gl *glyph, clip rect) bool {
	cx, cy := gl.x+gl.w/2, gl.y+glyphMiddle*gl.size
	return cx >= clip.x0-clipSlackPt && cx <= clip.x1+clipSlackPt && cy >= clip.y0-clipSlackPt && cy <= clip.y1+clipSlackPt
}

func isBlank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u2002', '\u2003', '\u2009', '\u200b':
		default:
			return false
		}
	}
	return true
}
