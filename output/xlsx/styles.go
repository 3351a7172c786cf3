package xlsx

import (
	"bufio"
	"fmt"
	"slices"
)

// firstCustomFormat is the first number format id free for a workbook's
// own formats: 0 to 163 are built in or reserved (ECMA-376 Part 1,
// 18.8.30).
const firstCustomFormat = 164

// A Style is how a cell looks.
type Style struct {
	Bold bool
	// Wrap wraps text in the cell, aligned to the top.
	Wrap bool
	// Fill is the background colour as RRGGBB, "" for none.
	Fill string
	// BottomBorder is a thin black line below the cell.
	BottomBorder bool
	// NumFmt is a number format code such as `#,##0.00`; NumFmtID a
	// built-in format (3 is #,##0) when NumFmt is "".
	NumFmt   string
	NumFmtID int
}

// styles are a workbook's cell styles and conditional fills.
type styles struct {
	xfs     []Style // cell style i is xfs[i]; 0 is the default
	formats []string
	fills   []string // fill i+2 is fills[i]: 0 and 1 are the required none and gray125
	dxfs    []string // fill colours of the conditional styles
}

func newStyles() styles { return styles{xfs: []Style{{}}} }

// Style returns the id of the cell style s, for Cell and
// SheetOptions.ColStyles.
func (wb *Workbook) Style(s Style) int {
	st := &wb.styles
	if i := slices.Index(st.xfs, s); i >= 0 {
		return i
	}
	if s.NumFmt != "" && !slices.Contains(st.formats, s.NumFmt) {
		st.formats = append(st.formats, s.NumFmt)
	}
	if s.Fill != "" && !slices.Contains(st.fills, s.Fill) {
		st.fills = append(st.fills, s.Fill)
	}
	st.xfs = append(st.xfs, s)
	return len(st.xfs) - 1
}

// ConditionalFill returns the id of a conditional style that fills a cell
// with colour RRGGBB, for Highlight.
func (wb *Workbook) ConditionalFill(rgb string) int {
	st := &wb.styles
	if i := slices.Index(st.dxfs, rgb); i >= 0 {
		return i
	}
	st.dxfs = append(st.dxfs, rgb)
	return len(st.dxfs) - 1
}

// write writes xl/styles.xml: two fonts (regular, bold), two borders
// (none, thin bottom), and the formats and fills the styles use.
func (st *styles) write(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<styleSheet xmlns="` + nsMain + `">`)
	if len(st.formats) > 0 {
		fmt.Fprintf(w, `<numFmts count="%d">`, len(st.formats))
		for i, f := range st.formats {
			fmt.Fprintf(w, `<numFmt numFmtId="%d" formatCode="%s"/>`, firstCustomFormat+i, escape(f))
		}
		w.WriteString(`</numFmts>`)
	}
	w.WriteString(`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
		`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>`)
	fmt.Fprintf(w, `<fills count="%d"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>`, len(st.fills)+2)
	for _, f := range st.fills {
		fmt.Fprintf(w, `<fill><patternFill patternType="solid"><fgColor rgb="FF%s"/></patternFill></fill>`, escape(f))
	}
	w.WriteString(`</fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
		`<border><left/><right/><top/><bottom style="thin"><color rgb="FF000000"/></bottom><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	fmt.Fprintf(w, `<cellXfs count="%d">`, len(st.xfs))
	for _, s := range st.xfs {
		st.writeXf(w, s)
	}
	w.WriteString(`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`)
	fmt.Fprintf(w, `<dxfs count="%d">`, len(st.dxfs))
	for _, rgb := range st.dxfs {
		fmt.Fprintf(w, `<dxf><fill><patternFill patternType="solid"><bgColor rgb="FF%s"/></patternFill></fill></dxf>`, escape(rgb))
	}
	w.WriteString(`</dxfs><tableStyles count="0"/></styleSheet>`)
}

func (st *styles) writeXf(w *bufio.Writer, s Style) {
	numFmt, font, fill, border := s.NumFmtID, 0, 0, 0
	if s.NumFmt != "" {
		numFmt = firstCustomFormat + slices.Index(st.formats, s.NumFmt)
	}
	if s.Bold {
		font = 1
	}
	if s.Fill != "" {
		fill = 2 + slices.Index(st.fills, s.Fill)
	}
	if s.BottomBorder {
		border = 1
	}
	fmt.Fprintf(w, `<xf numFmtId="%d" fontId="%d" fillId="%d" borderId="%d" xfId="0"`, numFmt, font, fill, border)
	for _, a := range []struct {
		name string
		on   bool
	}{{"applyNumberFormat", numFmt > 0}, {"applyFont", s.Bold}, {"applyFill", fill > 0}, {"applyBorder", s.BottomBorder}, {"applyAlignment", s.Wrap}} {
		if a.on {
			fmt.Fprintf(w, ` %s="1"`, a.name)
		}
	}
	if s.Wrap {
		w.WriteString(`><alignment vertical="top" wrapText="1"/></xf>`)
		return
	}
	w.WriteString(`/>`)
}
