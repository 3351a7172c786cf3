package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
)

// minOrientationConfidence is the lowest confidence at which tesseract's
// orientation guess is followed: it says 11 for a sideways screenshot
// spread, and guesses below 2 on pages with little text are unreliable.
const minOrientationConfidence = 2.0

// A first reading whose words are confident is upright, and needs no
// orientation detection (2.5 s of CPU a page).
const (
	// uprightConfidence is the lowest mean word confidence of an upright
	// reading: the 32 pages of the precision harness measure 81-95, the
	// sideways 2025 screenshot read without turning 32.5 (749 words).
	uprightConfidence = 75
	// minUprightWords: a reading of fewer words says too little about
	// the page (a title page, a sideways page read as a few specks).
	minUprightWords = 20
)

// upright says whether the reading tp is confident enough to take the
// page as upright.
func (tp tsvPage) upright() bool {
	if len(tp.words) < minUprightWords {
		return false
	}
	sum := 0.0
	for _, w := range tp.words {
		sum += w.conf
	}
	return sum/float64(len(tp.words)) >= uprightConfidence
}

var (
	rotateLine     = regexp.MustCompile(`(?m)^Rotate: (\d+)`)
	confidenceLine = regexp.MustCompile(`(?m)^Orientation confidence: ([\d.]+)`)
)

// orientation asks tesseract (psm 0, orientation and script detection)
// by how many degrees clockwise the image must turn to stand upright. A
// page tesseract cannot judge (too little text, no osd data) counts as
// upright; only the end of ctx is an error.
func (t tools) orientation(ctx context.Context, img, dpi string) (int, error) {
	out, err := run(ctx, tesseractEnv, t.tesseract, img, "stdout", "--dpi", dpi, "--psm", "0")
	if ctx.Err() != nil {
		return 0, err
	}
	r, c := rotateLine.FindSubmatch(out), confidenceLine.FindSubmatch(out)
	if err != nil || r == nil || c == nil {
		return 0, nil
	}
	deg, _ := strconv.Atoi(string(r[1]))
	conf, _ := strconv.ParseFloat(string(c[1]), 64)
	if conf < minOrientationConfidence || deg%90 != 0 {
		return 0, nil
	}
	return deg % 360, nil
}

// parsePGM reads an 8-bit binary PGM image: its size and pixels.
func parsePGM(data []byte) (w, h int, pix []byte, err error) {
	br := bufio.NewReader(bytes.NewReader(data))
	var magic string
	var maxval int
	if _, err := fmt.Fscan(br, &magic, &w, &h, &maxval); err != nil || magic != "P5" || maxval != 255 || w <= 0 || h <= 0 {
		return 0, 0, nil, errors.New("rendered image is not an 8-bit PGM")
	}
	if _, err := br.ReadByte(); err != nil { // the white space after maxval
		return 0, 0, nil, err
	}
	pix = make([]byte, w*h)
	if _, err := io.ReadFull(br, pix); err != nil {
		return 0, 0, nil, fmt.Errorf("rendered image is short: %w", err)
	}
	return w, h, pix, nil
}

// rotatePGM turns an 8-bit binary PGM file clockwise by a multiple of 90
// degrees, in place.
func rotatePGM(path string, deg int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	w, h, src, err := parsePGM(data)
	if err != nil {
		return err
	}
	dst := make([]byte, w*h)
	nw, nh := w, h
	if deg == 90 || deg == 270 {
		nw, nh = h, w
	}
	for y := range h {
		for x := range w {
			var nx, ny int
			switch deg {
			case 90:
				nx, ny = h-1-y, x
			case 180:
				nx, ny = w-1-x, h-1-y
			case 270:
				nx, ny = y, w-1-x
			default:
				nx, ny = x, y
			}
			dst[ny*nw+nx] = src[y*w+x]
		}
	}
	return writePGM(path, nw, nh, dst)
}
