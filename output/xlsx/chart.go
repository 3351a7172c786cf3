package xlsx

import (
	"bufio"
	"fmt"
)

// Drawing geometry: a sheet's default column is 64 pixels wide and its
// default row (15 points) 20 pixels high; a pixel is 9525 EMU (English
// Metric Units, ECMA-376 Part 1, 20.1.2.1).
const (
	defaultColumnPixels = 64
	defaultRowPixels    = 20
	emuPerPixel         = 9525
)

// Axis ids that tie a chart's category and value axes to each other.
const (
	catAxisID = 1
	valAxisID = 2
)

// A ChartType is the kind of chart.
type ChartType int

// The chart types: horizontal bars, and lines.
const (
	Bar ChartType = iota
	Line
)

// A Series is one series of a chart: references such as Ref gives them.
type Series struct {
	Name       string // the cell with the series' name
	Categories string // the cells with the category labels
	Values     string // the cells with the numbers
}

// A Chart is a bar or line chart of cells of the workbook.
type Chart struct {
	Type  ChartType
	Title string
	// Legend is where the legend goes: "b", "t", "l", "r" or "" for none.
	Legend string
	Series []Series
	// ValueFormat is the number format of the value axis, such as
	// `#,##0`; MajorGridlines draws lines across at its major ticks.
	ValueFormat    string
	MajorGridlines bool
	// Col and Row are the cell at the chart's top left corner, counted
	// from 1; Width and Height its size in pixels, on columns and rows of
	// the default size.
	Col, Row, Width, Height int
}

// AddChart draws c on the sheet. The charts are written when the sheet
// ends.
func (s *Sheet) AddChart(c Chart) error {
	if c.Col < 1 || c.Row < 1 || c.Width <= 0 || c.Height <= 0 || len(c.Series) == 0 {
		return fmt.Errorf("sheet %s: chart %q needs a cell, a size and a series", s.name, c.Title)
	}
	s.charts = append(s.charts, c)
	return nil
}

// writeDrawing writes the sheet's relationship to its drawing, the
// drawing with an anchor per chart, and the charts.
func (s *Sheet) writeDrawing() error {
	wb := s.wb
	drawing := s.index + 1
	base := wb.charts // the charts of earlier sheets
	wb.charts += len(s.charts)
	parts := []struct {
		name  string
		write func(*bufio.Writer)
	}{
		{fmt.Sprintf("xl/worksheets/_rels/sheet%d.xml.rels", s.index+1), func(w *bufio.Writer) {
			fmt.Fprintf(w, xmlDecl+`<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s" Target="../drawings/drawing%d.xml"/></Relationships>`,
				nsPkgRel, relDrawing, drawing)
		}},
		{fmt.Sprintf("xl/drawings/_rels/drawing%d.xml.rels", drawing), func(w *bufio.Writer) {
			w.WriteString(xmlDecl + `<Relationships xmlns="` + nsPkgRel + `">`)
			for i := range s.charts {
				fmt.Fprintf(w, `<Relationship Id="rId%d" Type="%s" Target="../charts/chart%d.xml"/>`, i+1, relChart, base+i+1)
			}
			w.WriteString(`</Relationships>`)
		}},
		{fmt.Sprintf("xl/drawings/drawing%d.xml", drawing), s.writeAnchors},
	}
	for i, c := range s.charts {
		parts = append(parts, struct {
			name  string
			write func(*bufio.Writer)
		}{fmt.Sprintf("xl/charts/chart%d.xml", base+i+1), c.write})
	}
	for _, p := range parts {
		w, err := wb.create(p.name)
		if err != nil {
			return err
		}
		p.write(w)
		if err := w.Flush(); err != nil {
			return fmt.Errorf("workbook part %s: %w", p.name, err)
		}
	}
	return nil
}

// writeAnchors writes the drawing: each chart from its cell, as wide and
// high as it is in pixels.
func (s *Sheet) writeAnchors(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">`)
	for i, c := range s.charts {
		marker := func(tag string, col, row, colPx, rowPx int) {
			fmt.Fprintf(w, `<xdr:%s><xdr:col>%d</xdr:col><xdr:colOff>%d</xdr:colOff><xdr:row>%d</xdr:row><xdr:rowOff>%d</xdr:rowOff></xdr:%s>`,
				tag, col, colPx*emuPerPixel, row, rowPx*emuPerPixel, tag)
		}
		w.WriteString(`<xdr:twoCellAnchor editAs="oneCell">`)
		marker("from", c.Col-1, c.Row-1, 0, 0)
		marker("to", c.Col-1+c.Width/defaultColumnPixels, c.Row-1+c.Height/defaultRowPixels, c.Width%defaultColumnPixels, c.Height%defaultRowPixels)
		fmt.Fprintf(w, `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="%d" name="Chart %d"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`+
			`<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></xdr:xfrm>`+
			`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">`+
			`<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="%s" r:id="rId%d"/>`+
			`</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
			i+2, i+1, c.Width*emuPerPixel, c.Height*emuPerPixel, nsRel, i+1)
	}
	w.WriteString(`</xdr:wsDr>`)
}

// write writes the chart part: the title (14 points, sz 1400, as Excel
// sets a chart title), the plot with its series and two axes, and the
// legend.
func (c Chart) write(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"` +
		` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="` + nsRel + `">` +
		`<c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr><a:r><a:rPr lang="nl-NL" sz="1400" b="0"/><a:t>`)
	writeText(w, c.Title)
	w.WriteString(`</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>`)
	catPos, valPos := "b", "l"
	switch c.Type {
	case Bar:
		catPos, valPos = "l", "b"
		w.WriteString(`<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>`)
	case Line:
		w.WriteString(`<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>`)
	}
	for i, s := range c.Series {
		fmt.Fprintf(w, `<c:ser><c:idx val="%d"/><c:order val="%d"/><c:tx><c:strRef><c:f>%s</c:f></c:strRef></c:tx>`, i, i, escape(s.Name))
		if c.Type == Bar {
			w.WriteString(`<c:invertIfNegative val="0"/>`)
		}
		fmt.Fprintf(w, `<c:cat><c:strRef><c:f>%s</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>%s</c:f></c:numRef></c:val>`, escape(s.Categories), escape(s.Values))
		if c.Type == Line {
			w.WriteString(`<c:smooth val="0"/>`)
		}
		w.WriteString(`</c:ser>`)
	}
	switch c.Type {
	case Bar:
		fmt.Fprintf(w, `<c:axId val="%d"/><c:axId val="%d"/></c:barChart>`, catAxisID, valAxisID)
	case Line:
		fmt.Fprintf(w, `<c:marker val="1"/><c:axId val="%d"/><c:axId val="%d"/></c:lineChart>`, catAxisID, valAxisID)
	}
	fmt.Fprintf(w, `<c:catAx><c:axId val="%d"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="%s"/>`+
		`<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`+
		`<c:crossAx val="%d"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`,
		catAxisID, catPos, valAxisID)
	fmt.Fprintf(w, `<c:valAx><c:axId val="%d"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="%s"/>`, valAxisID, valPos)
	if c.MajorGridlines {
		w.WriteString(`<c:majorGridlines/>`)
	}
	if c.ValueFormat != "" {
		fmt.Fprintf(w, `<c:numFmt formatCode="%s" sourceLinked="0"/>`, escape(c.ValueFormat))
	}
	fmt.Fprintf(w, `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`+
		`<c:crossAx val="%d"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>`, catAxisID)
	if c.Legend != "" {
		fmt.Fprintf(w, `<c:legend><c:legendPos val="%s"/><c:overlay val="0"/></c:legend>`, escape(c.Legend))
	}
	w.WriteString(`<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`)
}
