package xlsx

import (
	"bufio"
	"fmt"
)

// themeColors are the colours of the theme (DrawingML, ECMA-376 Part 1,
// 20.1.6.2): dark and light text and background, six accents a chart
// colours its series with, and the two hyperlink colours. They are
// Office's default colours, so that charts look as readers expect.
var themeColors = []struct{ name, rgb string }{
	{"dk1", "000000"}, {"lt1", "FFFFFF"}, {"dk2", "44546A"}, {"lt2", "E7E6E6"},
	{"accent1", "4472C4"}, {"accent2", "ED7D31"}, {"accent3", "A5A5A5"},
	{"accent4", "FFC000"}, {"accent5", "5B9BD5"}, {"accent6", "70AD47"},
	{"hlink", "0563C1"}, {"folHlink", "954F72"},
}

// writeTheme writes xl/theme/theme1.xml: the colours, Calibri for text,
// and the plainest format scheme the schema allows (three of each style).
func writeTheme(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="begroot">` +
		`<a:themeElements><a:clrScheme name="begroot">`)
	for _, c := range themeColors {
		fmt.Fprintf(w, `<a:%s><a:srgbClr val="%s"/></a:%s>`, c.name, c.rgb, c.name)
	}
	w.WriteString(`</a:clrScheme><a:fontScheme name="begroot">` +
		`<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
		`<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
		`<a:fmtScheme name="begroot"><a:fillStyleLst>`)
	const fill = `<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>`
	for range 3 {
		w.WriteString(fill)
	}
	w.WriteString(`</a:fillStyleLst><a:lnStyleLst>`)
	for _, width := range []int{6350, 12700, 19050} { // ½, 1 and 1½ points in EMU
		fmt.Fprintf(w, `<a:ln w="%d">%s</a:ln>`, width, fill)
	}
	w.WriteString(`</a:lnStyleLst><a:effectStyleLst>`)
	for range 3 {
		w.WriteString(`<a:effectStyle><a:effectLst/></a:effectStyle>`)
	}
	w.WriteString(`</a:effectStyleLst><a:bgFillStyleLst>`)
	for range 3 {
		w.WriteString(fill)
	}
	w.WriteString(`</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`)
}
