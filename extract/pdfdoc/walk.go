package pdfdoc

import (
	"context"
	"math"

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
	font                  *font
}

// abort is the panic value the walker uses to stop a page early.
type abort struct{ err error }

// walker turns the content streams of pages into glyphs. One walker serves
// a whole document so that fonts are parsed once.
type walker struct {
	ctx    context.Context
	fonts  map[string]*font // keyed by the font dictionary's text
	out    []glyph
	images bool   // the page draws an image
	bytes  int64  // decoded content bytes the page has drawn
	buf    []byte // scratch space for streamCheck
}

func newWalker(ctx context.Context) *walker {
	return &walker{ctx: ctx, fonts: map[string]*font{}}
}

// page walks one page and returns its glyphs, valid until the next call.
func (w *walker) page(p pageRef) []glyph {
	w.out = w.out[:0]
	w.images = false
	w.bytes = 0
	g := gstate{ctm: p.ctm, clip: rect{0, 0, p.width, p.height}, th: 1}
	w.run(p.v.Key("Contents"), p.resources, g, 0)
	return w.out
}

// resources resolves the font and XObject names of one content stream,
// each once.
type resources struct {
	v      pdf.Value
	fonts  map[string]*font
	xfonts pdf.Value
	xobjs  pdf.Value
	forms  map[string]pdf.Value
}

func (w *walker) fontNamed(r *resources, name string) *font {
	if f, ok := r.fonts[name]; ok {
		return f
	}
	if r.xfonts.IsNull() {
		r.xfonts = r.v.Key("Font")
	}
	v := r.xfonts.Key(name)
	var f *font
	if v.Kind() == pdf.Dict {
		key := v.String()
		if f = w.fonts[key]; f == nil {
			f = newFont(v)
			w.fonts[key] = f
		}
	}
	r.fonts[name] = f
	return f
}

// run interprets one content stream (a page's, or a Form XObject's) under
// the graphics state g.
func (w *walker) run(strm, res pdf.Value, g gstate, depth int) {
	if strm.Kind() != pdf.Stream && strm.Kind() != pdf.Array {
		return
	}
	w.check(strm)
	r := &resources{v: res, fonts: map[string]*font{}, forms: map[string]pdf.Value{}}
	var (
		stack       []gstate
		tm, tlm     = identity, identity
		args        []pdf.Value
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
		if i < len(args) {
			return args[i].Float64()
		}
		return 0
	}
	nextLine := func() {
		tlm = tlm.translate(0, -g.tl)
		tm = tlm
	}
	pdf.Interpret(strm, func(stk *pdf.Stack, op string) {
		if done(w.ctx) {
			panic(abort{w.ctx.Err()})
		}
		n := stk.Len()
		if cap(args) < n {
			args = make([]pdf.Value, n)
		}
		args = args[:n]
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
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
				g.font = w.fontNamed(r, args[0].Name())
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
				w.show(args[0].RawString(), &g, &tm)
			}
		case "'":
			if n == 1 {
				nextLine()
				w.show(args[0].RawString(), &g, &tm)
			}
		case "\"":
			if n == 3 {
				g.tw, g.tc = num(0), num(1)
				nextLine()
				w.show(args[2].RawString(), &g, &tm)
			}
		case "TJ":
			if n == 1 {
				a := args[0]
				for i, k := 0, a.Len(); i < k; i++ {
					x := a.Index(i)
					if x.Kind() == pdf.String {
						w.show(x.RawString(), &g, &tm)
					} else {
						tm = tm.translate(-x.Float64()/1000*g.tfs*g.th, 0)
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
				w.do(r, args[0].Name(), g, depth)
			}
		}
	})
}

// check reads the content stream strm, or each stream of an array,
// through streamCheck before the library interprets it, and stops the
// document when one is beyond the limits.
func (w *walker) check(strm pdf.Value) {
	parts := []pdf.Value{strm}
	if strm.Kind() == pdf.Array {
		parts = parts[:0]
		for i, n := 0, strm.Len(); i < n; i++ {
			parts = append(parts, strm.Index(i))
		}
	}
	for _, p := range parts {
		if p.Kind() != pdf.Stream {
			continue
		}
		rd := p.Reader()
		if w.buf == nil {
			w.buf = make([]byte, scanBuffer)
		}
		err := streamCheck(w.ctx, rd, &w.bytes, w.buf)
		rd.Close()
		if a, ok := err.(abort); ok {
			panic(a)
		}
		if err != nil {
			panic(abort{err})
		}
	}
}

// do draws the XObject name: a Form is walked recursively, an Image is
// noted.
func (w *walker) do(r *resources, name string, g gstate, depth int) {
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
			return
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
		w.run(x, res, g, depth+1)
	}
}

// show draws string s with the current font, advancing the text matrix.
func (w *walker) show(s string, g *gstate, tm *matrix) {
	f := g.font
	if f == nil || s == "" {
		return
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
			panic(abort{w.ctx.Err()})
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
			gl := glyph{text: gi.text, x: x, y: y, w: adv * xscale, size: size, font: f, space: isBlank(gi.text)}
			if gl.space || w.visible(&gl, g.clip) {
				w.out = append(w.out, gl)
			}
		}
		ox += adv
	}
	*tm = tm.translate(ox, 0)
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
