package ocr

import (
	"bytes"
	"context"
	"strconv"
	"unicode"
)

// The picture test tells an image-only page whose image is a picture (a
// cover photo, an illustration, an empty scan) from one whose image is
// text (a scan, a screenshot), from a coarse render: at pictureDPI a
// letter is a few pixels of ink that differ from their neighbours, while
// a photo or a flat illustration is areas of ink that change little from
// pixel to pixel. Measured on every image-only page of the corpus (see
// doc.go): text images have 0.00-0.22 of their ink in smooth areas,
// photos and illustrations 0.48-0.90. A page that measures as a photo
// is measured again with its boxes of light text inverted (unshade),
// which turns a table with dark header boxes into text.
const (
	// pictureDPI renders an A4 page as 298 × 421 pixels, where text
	// lines are 3-5 pixels high. With pdftotext the test costs 0.06 s of
	// CPU on the begroting 2026 cover, 0.5 s on the largest screenshot
	// (decoding its 6158-pixel image): under 1 % of OCR'ing that page.
	pictureDPI = 36
	// inkDistance is how far from the background level (the most common
	// grey) a pixel is ink: more than the grain of a scanned paper.
	inkDistance = 40
	// smoothDistance is the largest difference to each of the four
	// neighbours for an ink pixel to lie in a smooth area: within a
	// photo's gradients, below a letter's edge.
	smoothDistance = 16
	// maxTextSmooth is the share of ink in smooth areas above which an
	// image is a picture: between the 0.36 of a text page whose table
	// has shaded header and total rows and the 0.48 of the least smooth
	// photo page.
	maxTextSmooth = 0.42
	// minInk is the share of the page that must be ink for OCR to find
	// something: below it the page is white (an empty image, a rule).
	minInk = 0.005
)

// Why a page was not read (Page.Picture).
const (
	picturePhoto = "photo"
	pictureBlank = "blank"
)

// inkStats are the measures of the picture test on a grey image.
type inkStats struct {
	ink    float64 // share of the pixels that are ink
	smooth float64 // share of the ink in smooth areas
}

// measureInk computes inkStats on a w × h grey image, borders left out.
func measureInk(pix []byte, w, h int) inkStats {
	var hist [256]int
	for _, v := range pix {
		hist[v]++
	}
	bg := 0
	for v := range hist {
		if hist[v] > hist[bg] {
			bg = v
		}
	}
	far := func(a, b byte, d int) bool { return abs(int(a)-int(b)) > d }
	ink, smooth := 0, 0
	for y := 1; y < h-1; y++ {
		for x := 1; x < w-1; x++ {
			i := y*w + x
			v := pix[i]
			if !far(v, byte(bg), inkDistance) {
				continue
			}
			ink++
			if !far(v, pix[i-1], smoothDistance) && !far(v, pix[i+1], smoothDistance) &&
				!far(v, pix[i-w], smoothDistance) && !far(v, pix[i+w], smoothDistance) {
				smooth++
			}
		}
	}
	if ink == 0 {
		return inkStats{}
	}
	return inkStats{ink: float64(ink) / float64(w*h), smooth: float64(smooth) / float64(ink)}
}

func abs(n int) int { return max(n, -n) }

// kind is picturePhoto, pictureBlank or "" (text) by the thresholds.
func (s inkStats) kind() string {
	switch {
	case s.ink < minInk:
		return pictureBlank
	case s.smooth > maxTextSmooth:
		return picturePhoto
	}
	return ""
}

// picture says whether page number of the PDF at path is an image-only
// page whose image is a picture (picturePhoto, pictureBlank) or one OCR
// should read (""). A page with any text in its text layer (even text
// that does not decode, such as Type 3 glyphs) is for OCR.
func (t tools) picture(ctx context.Context, path string, number int) (string, inkStats, error) {
	n := strconv.Itoa(number)
	text, err := run(ctx, nil, t.pdftotext, "-q", "-f", n, "-l", n, path, "-")
	if err != nil {
		return "", inkStats{}, err
	}
	if bytes.ContainsFunc(text, func(r rune) bool { return !unicode.IsSpace(r) }) {
		return "", inkStats{}, nil
	}
	pgm, err := run(ctx, nil, t.pdftoppm, "-r", strconv.Itoa(pictureDPI), "-gray", "-singlefile", "-f", n, "-l", n, path)
	if err != nil {
		return "", inkStats{}, err
	}
	w, h, pix, err := parsePGM(pgm)
	if err != nil {
		return "", inkStats{}, err
	}
	s := measureInk(pix, w, h)
	if s.kind() != picturePhoto {
		return s.kind(), s, nil
	}
	// A table with dark header boxes is smooth ink too; with the boxes
	// inverted (unshade) only its text is left. A photo or
	// a flat area stays a picture, or becomes blank, which is no reason
	// to read it.
	unshade(w, h, pix, pictureDPI)
	if u := measureInk(pix, w, h); u.kind() == "" {
		return "", u, nil
	}
	return picturePhoto, s, nil
}
