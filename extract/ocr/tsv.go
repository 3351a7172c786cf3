package ocr

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// tsvHeader is the first line of `tesseract … tsv` output.
const tsvHeader = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"

// maxPixels bounds a coordinate or size: no rendered page is a million
// pixels across, and the bound keeps left+width from overflowing.
const maxPixels = 1 << 20

// Levels of the rows in tesseract's TSV.
const (
	levelPage = 1
	levelWord = 5
)

// tsvWord is one word row of tesseract's TSV, in image pixels.
type tsvWord struct {
	block                    int
	left, top, width, height int
	conf                     float64
	text                     string
}

// tsvPage is the parsed TSV of one image.
type tsvPage struct {
	width, height int // image size in pixels, from the page row
	words         []tsvWord
	skipped       int // malformed rows left out
}

// parseTSV reads tesseract's TSV output. Rows without the twelve columns,
// integer geometry within maxPixels and a finite confidence are skipped
// and counted; word rows without text (conf -1) or with an empty or
// negative box are dropped.
// It fails only when the input is not tesseract TSV at all.
func parseTSV(r io.Reader) (tsvPage, error) {
	var p tsvPage
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	header := false
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if !header {
			if strings.TrimSpace(line) == "" {
				continue
			}
			if line != tsvHeader {
				return p, errors.New("tesseract output is not TSV: the header is missing")
			}
			header = true
			continue
		}
		if line == "" {
			continue
		}
		f := strings.SplitN(line, "\t", 12)
		if len(f) < 11 {
			p.skipped++
			continue
		}
		var n [10]int
		ok := true
		for i := range n {
			v, err := strconv.Atoi(f[i])
			if err != nil || v > maxPixels || v < -maxPixels {
				ok = false
				break
			}
			n[i] = v
		}
		conf, err := strconv.ParseFloat(f[10], 64)
		if !ok || err != nil || math.IsNaN(conf) || math.IsInf(conf, 0) {
			p.skipped++
			continue
		}
		switch n[0] {
		case levelPage:
			p.width, p.height = max(n[8], 0), max(n[9], 0)
		case levelWord:
			text := ""
			if len(f) == 12 {
				text = strings.TrimSpace(f[11])
			}
			if text == "" || conf < 0 || n[6] < 0 || n[7] < 0 || n[8] <= 0 || n[9] <= 0 {
				continue
			}
			p.words = append(p.words, tsvWord{
				block: n[2],
				left:  n[6], top: n[7], width: n[8], height: n[9],
				conf: min(conf, 100), text: text,
			})
		}
	}
	if err := sc.Err(); err != nil {
		return p, fmt.Errorf("read tesseract TSV: %w", err)
	}
	if !header {
		return p, errors.New("tesseract output is empty")
	}
	return p, nil
}
