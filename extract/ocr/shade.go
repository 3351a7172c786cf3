package ocr

import (
	"bytes"
	"fmt"
	"os"
)

// PreprocessVersion names the image preprocessing before tesseract
// (unshade); caches of OCR results key on it.
const PreprocessVersion = 4

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
	// ruleLength is the shortest straight light run in a box that is a
	// rule between cells: the rule is a header line (13 pt) long or more,
	// the longest stroke of a white letter its cap height (under 10 pt
	// at the 14 pt of a banner title).
	ruleLength = 12.0
)

// unshade turns shaded areas of a grey page image (w × h pixels, rendered
// at dpi) into text dark on white, in place: a box or shaded row is found
// as an area of non-paper pixels at least shadeWidth wide and shadeHeight
// high (light gaps up to shadeGap inside it); its background is its most
// common grey. When its text is lighter than the background (white text
// on a grey or dark box) the area is inverted so that the background
// becomes white and the text dark; otherwise the background is raised to
// white, keeping dark text dark. Tesseract does not read white text on
// grey and reads dark text on grey badly.
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
	// Each connected area gets its background and is turned.
	seen := make([]bool, w*h)
	var stack, members []int
	for i, in := range area {
		if !in || seen[i] {
			continue
		}
		members = members[:0]
		stack = append(stack[:0], i)
		seen[i] = true
		var hist [256]int
		for len(stack) > 0 {
			p := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			members = append(members, p)
			hist[pix[p]]++
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
		turn(w, pix, area, members, &hist, rule)
	}
}

// turn maps the pixels of one shaded area (members of area, in an image
// w pixels wide, with the histogram of their grey levels) to dark text on
// white, rules at least rule pixels long to white;
// see unshade. An area whose most common grey is paper is text on paper
// and stays, and so does one with no flat background (a photo). Per row only the pixels from the first to the last one of
// the background's grey turn: the light gaps an area closes at its ends
// are paper beside the box, which inverting would blacken.
func turn(w int, pix []byte, area []bool, members []int, hist *[256]int, rule int) {
	bg := 0
	for v, n := range hist {
		if n > hist[bg] {
			bg = v
		}
	}
	flat := 0
	for v := max(bg-shadeGrain, 0); v <= min(bg+shadeGrain, 255); v++ {
		flat += hist[v]
	}
	if bg >= paperLevel || float64(flat) < minShadeShare*float64(len(members)) {
		return
	}
	light, dark := 0, 0
	for v, n := range hist {
		switch {
		case v > bg+shadeContrast:
			light += n
		case v < bg-shadeContrast:
			dark += n
		}
	}
	var lut [256]byte
	for v := range lut {
		switch {
		case light > dark && v <= bg:
			lut[v] = 255 // the box and anything darker: paper
		case light > dark:
			lut[v] = byte(255 - (v-bg)*255/(255-bg))
		default:
			lut[v] = byte(min(255, v*255/max(bg, 1)))
		}
	}
	type span struct{ lo, hi int }
	spans := map[int]span{}
	for _, p := range members {
		if d := int(pix[p]) - bg; d < -shadeContrast || d > shadeContrast {
			continue
		}
		x, y := p%w, p/w
		s, ok := spans[y]
		if !ok {
			s = span{x, x}
		}
		spans[y] = span{min(s.lo, x), max(s.hi, x)}
	}
	// In an inverted area, a light rule between header cells would turn
	// into a dark bar that tesseract reads as "|" or ")": it becomes
	// paper instead.
	var ruled map[int]bool
	if light > dark {
		ruled = rules(w, pix, area, members, bg, rule)
	}
	for _, p := range members {
		switch s, ok := spans[p/w]; {
		case !ok || p%w < s.lo || p%w > s.hi:
		case ruled[p]:
			pix[p] = 255
		default:
			pix[p] = lut[pix[p]]
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
// pixels long, in a shaded area (members of area, background grey bg):
// the light rules between the cells of a header box.
func rules(w int, pix []byte, area []bool, members []int, bg, length int) map[int]bool {
	h := len(pix) / w
	light := func(x, y int) bool {
		return x >= 0 && x < w && y >= 0 && y < h && area[y*w+x] && int(pix[y*w+x]) > bg+shadeContrast
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
