package pdfdoc

import "slices"

// carryHeaders moves a table header orphaned at the foot of a page to the
// top of the next page, whose first rows it heads: the layout broke the
// page between header and body. The header's lines keep their spacing and
// stand a line's leading above the next page's first line; their cells
// then carry that page's number.
func carryHeaders(pages []*pageText) {
	for i := 1; i < len(pages); i++ {
		p, q := pages[i-1], pages[i]
		n := orphanHeader(p.lines, q.lines)
		if n == 0 {
			continue
		}
		tail := slices.Clone(p.lines[len(p.lines)-n:])
		p.lines = p.lines[:len(p.lines)-n]
		first := &q.lines[0]
		shift := first.y + defaultLeading*max(first.size, tail[n-1].size) - tail[n-1].y
		for k := range tail {
			tail[k].words = slices.Clone(tail[k].words)
			tail[k].y += shift
			for w := range tail[k].words {
				tail[k].words[w].y += shift
			}
		}
		q.lines = append(tail, q.lines...)
	}
}

// orphanHeader returns how many of the last lines of a page (lines) are a
// table header without rows, heading the first line of the next page
// (next), or 0. The last line's phrases right of its label each stand over
// one of the numbers of that first line, which holds a label and values,
// and every number under one of them; the lines above it, as close as
// header lines stand, hold phrases that each stand over some of the
// numbers. No line holds a value: years at most.
func orphanHeader(lines, next []line) int {
	if len(lines) == 0 || len(next) == 0 {
		return 0
	}
	row := segments(&next[0])
	var nums []seg
	for _, s := range row[1:] {
		if s.numeric && !s.year {
			nums = append(nums, s)
		}
	}
	if row[0].numeric || len(nums) < minNumbers {
		return 0
	}
	em := next[0].size
	over := func(s seg, n seg) bool { return s.x0-em <= n.x1 && n.x0 <= s.x1+em }
	last := len(lines) - 1
	heads := headPhrases(&lines[last])
	if len(heads) != len(nums) {
		return 0
	}
	for k, h := range heads {
		if !over(h, nums[k]) {
			return 0
		}
	}
	n := 1
	for k := last - 1; k >= 0 && n < maxHeaderRows; k-- {
		l := &lines[k]
		hs := headPhrases(l)
		overNone := func(h seg) bool { return !slices.ContainsFunc(nums, func(n seg) bool { return over(h, n) }) }
		if len(hs) == 0 || l.y-lines[k+1].y > headerGapMax*l.size || slices.ContainsFunc(hs, overNone) {
			break
		}
		n++
	}
	return n
}

// headPhrases returns the phrases of line l right of its first one when l
// can be a header line: at least one such phrase, none a value (years
// may be), none a sentence; else nil.
func headPhrases(l *line) []seg {
	ss := segments(l)
	if len(ss) < 2 || ss[0].numeric && !ss[0].year {
		return nil
	}
	for _, s := range ss[1:] {
		if s.numeric && !s.year || len(s.words) > headerWords {
			return nil
		}
	}
	return ss[1:]
}
