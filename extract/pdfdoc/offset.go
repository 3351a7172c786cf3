package pdfdoc

import "slices"

// joinOffsetValues returns lines with each line of numbers only that
// stands less than a line below a line with numbers, in columns that line
// leaves free, joined to it: a value printed off its row's baseline
// ("32.471" half a line below the other values of its row, under a
// two-line label). Numbers under numbers of the line above (a cell of two
// lines) stay apart.
func joinOffsetValues(lines []line) []line {
	out := make([]line, 0, len(lines))
	for i := range lines {
		if n := len(out); n > 0 && offsetValues(&out[n-1], &lines[i]) {
			out[n-1] = newLine(append(slices.Clone(out[n-1].words), lines[i].words...))
			continue
		}
		out = append(out, lines[i])
	}
	return out
}

// offsetValues reports whether line l holds only values (no years, no
// markers), less than a line below line above, a row with a label and
// values, and clear of those values.
func offsetValues(above, l *line) bool {
	if above.y-l.y <= 0 || above.y-l.y >= interleave*max(above.size, l.size) {
		return false
	}
	mine, theirs := segments(l), segments(above)
	if theirs[0].numeric || slices.ContainsFunc(mine, func(s seg) bool { return !s.numeric || s.blank || s.year || isParenYear(s.text) }) {
		return false
	}
	numbers := 0
	for _, t := range theirs {
		if !t.numeric || t.year {
			continue
		}
		numbers++
		if slices.ContainsFunc(mine, func(s seg) bool { return s.x0 < t.x1 && t.x0 < s.x1 }) {
			return false
		}
	}
	return numbers > 0
}
