package ocr

import (
	"bytes"
	"fmt"
	"os"
	"slices"
)

// PreprocessVersion names the image preprocessing before tesseract
// (unshade); caches of OCR results key on it.
const PreprocessVersion = 9

// Thresholds of unshade, grey levels 0–255 and lengths in points (scaled
// to pixels by the rendering's dpi).
const (
	// paperLevel: darker pixels are ink or shading; white paper renders
	// 255 and the lightest table shading tesseract misreads (Excel's
	// D9D9D9 grey, 217) lies well below it.
	paperLevel = 235
	// shadeGap is the longest stretch of light pixels inside a shaded
	// band: a white letter on a box (about 6 pt wide at 8-10 pt).
	shadeGap = 7.0
	// shadeWidth is the shortest shaded band: a narrow header cell is an
	// inch wide, a word of dark text on paper rarely reaches half an
	// inch without a gap longer than shadeGap.
	shadeWidth = 36.0
	// shadeHeight is the lowest shaded area: a table row is 11 pt or
	// more, a ruled line at most 2 pt.
	shadeHeight = 6.0
	// shadeContrast is how far from its background a pixel must be to
	// count as text when deciding whether text is light or dark.
	shadeContrast = 40
	// shadeGrain is how far a pixel of a flat shading may lie from its
	// most common grey (anti-aliasing, scan noise).
	shadeGrain = 8
	// minShadeShare is the share of an area's pixels within shadeGrain
	// of its background for it to be a shading: text covers a third of a
	// header box at most, while a photo spreads over many greys.
	minShadeShare = 0.5
	// minTextShare is the share of an area's shading pixels that must
	// be text (off its grey by shadeContrast) for it to turn: an area
	// without text is a gutter or the backdrop around screenshot pages,
	// which tesseract needs to tell the pages of a spread apart.
	minTextShare = 0.02
	// ruleLength is the shortest straight light run in a box that is a
	// rule between cells: the rule is a header line (13 pt) long or more,
	// the longest stroke of a white letter its cap height (under 10 pt
	// at the 14 pt of a banner title).
	ruleLength = 12.0
)

// unshade turns boxes with light text in a grey page image (w × h
// pixels, rendered at dpi) into dark text on white, in place: tesseract
// does not read white text on grey or dark boxes. A box or shaded row is
// found as an area of non-paper pixels at least shadeWidth wide and
// shadeHeight high (light gaps up to shadeGap inside it); per pixel row
// its background is its most common grey. When its text is lighter than
// the background the area is inverted. Dark text on a shading stays:
// raising the shading to white (measured) made tesseract read the lines
// of the 2021 screenshot spread across both pages (4 of 52 rows right).
func unshade(w, h int, pix []byte, dpi int) {
	px := func(pt float64) int { return max(1, int(pt*float64(dpi)/72)) }
	gap, width, height, rule := px(shadeGap), px(shadeWidth), px(shadeHeight), px(ruleLength)
	// Horizontal bands: runs of non-paper pixels, light gaps up to gap
	// closed, at least width long.
	band := make([]bool, w*h)
	for y := range h {
		row := pix[y*w : (y+1)*w]
		x := 0
		for x < w {
			if row[x] >= paperLevel {
				x++
				continue
			}
			start, end := x, x+1 // end: one past the last dark pixel
			for x = end; x < w && x-end <= gap; x++ {
				if row[x] < paperLevel {
					end = x + 1
				}
			}
			x = end
			if end-start >= width {
				for i := start; i < end; i++ {
					band[y*w+i] = true
				}
			}
		}
	}
	// Areas: band pixels in a vertical run at least height high.
	area := make([]bool, w*h)
	for x := range w {
		for y := 0; y < h; {
			if !band[y*w+x] {
				y++
				continue
			}
			start := y
			for y < h && band[y*w+x] {
				y++
			}
			if y-start >= height {
				for i := start; i < y; i++ {
					area[i*w+x] = true
				}
			}
		}
	}
	band = nil
	// Each connected area is turned.
	seen := make([]bool, w*h)
	var stack, members []int
	for i, in := range area {
		if !in || seen[i] {
			continue
		}
		members = members[:0]
		stack = append(stack[:0], i)
		seen[i] = true
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			members = append(members, p)
			x, y := p%w, p/w
			for _, q := range [4]int{p - 1, p + 1, p - w, p + w} {
				if (q == p-1 && x == 0) || (q == p+1 && x == w-1) || (q == p-w && y == 0) || (q == p+w && y == h-1) {
					continue
				}
				if area[q] && !seen[q] {
					seen[q] = true
					stack = append(stack, q)
				}
			}
		}
		turn(w, pix, area, members, rule)
	}
}

// rowShade is one pixel row of a shaded area.
type rowShade struct {
	bg          int       // the shading's grey: the row's most common
	light, dark int       // pixels lighter and darker than bg by shadeContrast
	lo, hi      int       // x of the first and last pixel of the shading's grey
	lut         [256]byte // new grey per grey
}

// shadeOf measures the pixels row (indexes in pix, an image w pixels
// wide, ascending, of one row of an area). A row whose most common grey
// is paper (text on paper joined to a box) or that has no flat share of
// it (a photo) is no shading (false). Only the pixels from the first to the last of the
// shading's grey turn: the light gaps an area closes at its ends are
// paper beside a box, which inverting would blacken.
func shadeOf(w int, pix []byte, row []int) (rowShade, bool) {
	var hist [256]int
	for _, p := range row {
		hist[pix[p]]++
	}
	r := rowShade{lo: -1}
	for v, n := range hist {
		if n > hist[r.bg] {
			r.bg = v
		}
	}
	flat := 0
	for v, n := range hist {
		switch d := v - r.bg; {
		case d > shadeContrast:
			r.light += n
		case d < -shadeContrast:
			r.dark += n
		case -shadeGrain <= d && d <= shadeGrain:
			flat += n
		}
	}
	if r.bg >= paperLevel || float64(flat) < minShadeShare*float64(len(row)) {
		return r, false
	}
	for _, p := range row {
		if d := int(pix[p]) - r.bg; -shadeContrast <= d && d <= shadeContrast {
			if r.lo < 0 {
				r.lo = p % w
			}
			r.hi = p % w
		}
	}
	return r, true
}

// turn maps the pixels of one shaded area (members of area, in an image
// w pixels wide) to dark text on white when its shading rows (shadeOf)
// hold more light text than dark: every row is inverted (its grey becomes
// white, white text dark, and straight light runs at least rule pixels
// long, the rules between header cells that would read as "|" or ")",
// white).
func turn(w int, pix []byte, area []bool, members []int, rule int) {
	slices.Sort(members)
	rows := map[int]*rowShade{}
	light, dark, shaded := 0, 0, 0 // text pixels, all pixels of the shading rows
	last := -1                     // the last shading row
	for i := 0; i < len(members); {
		y := members[i] / w
		j := i
		for j < len(members) && members[j]/w == y {
			j++
		}
		if r, ok := shadeOf(w, pix, members[i:j]); ok {
			rows[y] = &r
			light += r.light
			dark += r.dark
			shaded += j - i
			last = y
		}
		i = j
	}
	// A row through bold white letters can be more letter than box: a
	// row between two shading rows is shading like the one above it.
	for y, prev := members[0]/w, (*rowShade)(nil); y < last; y++ {
		if r, ok := rows[y]; ok {
			prev = r
		} else if prev != nil {
			rows[y] = prev
		}
	}
	if float64(light+dark) < minTextShare*float64(shaded) || light <= dark {
		return
	}
	for _, r := range rows {
		for v := range r.lut {
			if v <= r.bg {
				r.lut[v] = 255 // the box and anything darker: paper
			} else {
				r.lut[v] = byte(255 - (v-r.bg)*255/(255-r.bg))
			}
		}
	}
	ruled := rules(w, pix, area, members, rows, rule)
	for _, p := range members {
		r, ok := rows[p/w]
		switch {
		case !ok || p%w < r.lo || p%w > r.hi:
		case ruled[p]:
			pix[p] = 255
		default:
			pix[p] = r.lut[pix[p]]
		}
	}
}

// preparePGM applies unshade to an 8-bit binary PGM file rendered at dpi,
// in place.
func preparePGM(path string, dpi int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	w, h, pix, err := parsePGM(data)
	if err != nil {
		return err
	}
	unshade(w, h, pix, dpi)
	return writePGM(path, w, h, pix)
}

// writePGM writes an 8-bit binary PGM file.
func writePGM(path string, w, h int, pix []byte) error {
	var out bytes.Buffer
	fmt.Fprintf(&out, "P5\n%d %d\n255\n", w, h)
	out.Write(pix)
	return os.WriteFile(path, out.Bytes(), 0o600)
}

// rules are the pixels of the straight light runs, at least length
// pixels long, in the shading rows of a shaded area (members of area):
// the light rules between the cells of a header box.
func rules(w int, pix []byte, area []bool, members []int, rows map[int]*rowShade, length int) map[int]bool {
	h := len(pix) / w
	light := func(x, y int) bool {
		r, ok := rows[y]
		return ok && x >= 0 && x < w && y >= 0 && y < h && area[y*w+x] && int(pix[y*w+x]) > r.bg+shadeContrast
	}
	ruled := map[int]bool{}
	for _, p := range members {
		x, y := p%w, p/w
		if !light(x, y) {
			continue
		}
		for _, d := range [2][2]int{{0, 1}, {1, 0}} {
			if light(x-d[0], y-d[1]) {
				continue // not where a run starts
			}
			n := 0
			for light(x+n*d[0], y+n*d[1]) {
				n++
			}
			if n >= length {
				for i := range n {
					ruled[(y+i*d[1])*w+x+i*d[0]] = true
				}
			}
		}
	}
	return ruled
}
