// Package xlsx writes Office Open XML workbooks (ECMA-376, SpreadsheetML)
// as a stream: rows go into the zip as they are written, so memory does
// not grow with the number of rows. It writes what begroot's workbook
// uses and nothing more: inline strings, numbers and booleans, cell
// styles, column widths, row heights, frozen panes, autofilters,
// conditional fills, print settings and bar and line charts.
//
// A Workbook writes one sheet at a time: AddSheet ends the sheet before
// it. The same calls give the same bytes.
package xlsx

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Namespaces and relationship types of the package parts (ECMA-376 Part 1
// and Part 2).
const (
	nsMain      = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRel    = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc      = nsRel + "/officeDocument"
	relCore     = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp      = nsRel + "/extended-properties"
	relSheet    = nsRel + "/worksheet"
	relStyles   = nsRel + "/styles"
	relTheme    = nsRel + "/theme"
	relDrawing  = nsRel + "/drawing"
	relChart    = nsRel + "/chart"
	ctPrefix    = "application/vnd.openxmlformats-officedocument."
	xmlDecl     = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	maxSheetLen = 31 // Excel's limit on a sheet name
)

// Properties are the document properties of docProps/core.xml.
type Properties struct {
	Title, Creator string
	// Created is also the time of last modification; a fixed time keeps
	// the file the same for the same data.
	Created time.Time
}

// A Workbook is an xlsx file being written. Sheets and their drawings
// stream into a temporary zip; Close writes the final file with
// [Content_Types].xml first, as readers that sniff the format expect, and
// copies the streamed parts after it without compressing them again.
type Workbook struct {
	out    io.Writer
	tmp    *os.File
	zw     *zip.Writer
	styles styles
	sheets []*Sheet
	parts  []string // the streamed parts, in order
	charts int      // charts written so far, for their part names
	open   *Sheet
	done   bool // the temporary file is removed
}

// New starts a workbook that Close writes to w.
func New(w io.Writer) (*Workbook, error) {
	tmp, err := os.CreateTemp("", "begroot-*.xlsx")
	if err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	return &Workbook{out: w, tmp: tmp, zw: newZip(tmp), styles: newStyles()}, nil
}

// newZip is a zip writer that compresses at BestSpeed: a million rows
// take much less CPU for a file about a quarter larger.
func newZip(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	return zw
}

// create starts part name of the temporary zip; the next create or Close
// ends it.
func (wb *Workbook) create(name string) (*bufio.Writer, error) {
	w, err := wb.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
	if err != nil {
		return nil, fmt.Errorf("workbook part %s: %w", name, err)
	}
	wb.parts = append(wb.parts, name)
	return bufio.NewWriter(w), nil
}

// AddSheet ends the sheet being written, if any, and starts sheet name.
func (wb *Workbook) AddSheet(name string, o SheetOptions) (*Sheet, error) {
	if err := wb.endSheet(); err != nil {
		return nil, err
	}
	if err := checkSheetName(name); err != nil {
		return nil, err
	}
	for _, s := range wb.sheets {
		if strings.EqualFold(s.name, name) {
			return nil, fmt.Errorf("sheet %q: a sheet of that name exists", name)
		}
	}
	s := &Sheet{wb: wb, name: name, index: len(wb.sheets), opts: o}
	var err error
	if s.w, err = wb.create(s.part()); err != nil {
		return nil, err
	}
	wb.sheets = append(wb.sheets, s)
	wb.open = s
	s.begin()
	return s, nil
}

// checkSheetName checks the rules Excel sets for a sheet name.
func checkSheetName(name string) error {
	switch {
	case name == "" || len([]rune(name)) > maxSheetLen:
		return fmt.Errorf("sheet %q: a name has 1 to %d characters", name, maxSheetLen)
	case strings.ContainsAny(name, `[]:*?/\`):
		return fmt.Errorf("sheet %q: a name has none of []:*?/\\", name)
	case strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'"):
		return fmt.Errorf("sheet %q: a name does not begin or end with '", name)
	}
	return nil
}

func (wb *Workbook) endSheet() error {
	if wb.open == nil {
		return nil
	}
	s := wb.open
	wb.open = nil
	return s.end()
}

// Discard removes the temporary file of a workbook that is not to be
// written; after Close it does nothing.
func (wb *Workbook) Discard() error {
	if wb.done {
		return nil
	}
	wb.done = true
	wb.tmp.Close()
	if err := os.Remove(wb.tmp.Name()); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	return nil
}

// Close ends the last sheet and writes the workbook to the writer New was
// given. It removes the temporary file also when it fails.
func (wb *Workbook) Close(p Properties) (err error) {
	if wb.done {
		return errors.New("workbook: closed already")
	}
	defer func() {
		if rmErr := wb.Discard(); err == nil {
			err = rmErr
		}
	}()
	if len(wb.sheets) == 0 {
		return errors.New("workbook: no sheets")
	}
	if err := wb.endSheet(); err != nil {
		return err
	}
	if err := wb.zw.Close(); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	size, err := wb.tmp.Seek(0, io.SeekCurrent)
	if err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	streamed, err := zip.NewReader(wb.tmp, size)
	if err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	zw := newZip(wb.out)
	for _, part := range []struct {
		name  string
		write func(*bufio.Writer)
	}{
		{"[Content_Types].xml", wb.writeContentTypes},
		{"_rels/.rels", writePackageRels},
		{"docProps/app.xml", writeApp},
		{"docProps/core.xml", p.write},
		{"xl/_rels/workbook.xml.rels", wb.writeWorkbookRels},
		{"xl/workbook.xml", wb.writeWorkbook},
		{"xl/styles.xml", wb.styles.write},
		{"xl/theme/theme1.xml", writeTheme},
	} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate})
		if err != nil {
			return fmt.Errorf("workbook part %s: %w", part.name, err)
		}
		bw := bufio.NewWriter(w)
		part.write(bw)
		if err := bw.Flush(); err != nil {
			return fmt.Errorf("workbook part %s: %w", part.name, err)
		}
	}
	for _, f := range streamed.File {
		if err := zw.Copy(f); err != nil {
			return fmt.Errorf("workbook part %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("workbook: %w", err)
	}
	return nil
}

func (wb *Workbook) writeContentTypes(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="` + ctPrefix + `extended-properties+xml"/>` +
		`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + ctPrefix + `spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + ctPrefix + `spreadsheetml.styles+xml"/>` +
		`<Override PartName="/xl/theme/theme1.xml" ContentType="` + ctPrefix + `theme+xml"/>`)
	for _, s := range wb.sheets {
		fmt.Fprintf(w, `<Override PartName="/%s" ContentType="%sspreadsheetml.worksheet+xml"/>`, s.part(), ctPrefix)
	}
	for _, part := range wb.parts {
		switch {
		case strings.HasPrefix(part, "xl/drawings/drawing"):
			fmt.Fprintf(w, `<Override PartName="/%s" ContentType="%sdrawing+xml"/>`, part, ctPrefix)
		case strings.HasPrefix(part, "xl/charts/chart"):
			fmt.Fprintf(w, `<Override PartName="/%s" ContentType="%sdrawingml.chart+xml"/>`, part, ctPrefix)
		}
	}
	w.WriteString(`</Types>`)
}

func writePackageRels(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<Relationships xmlns="` + nsPkgRel + `">` +
		`<Relationship Id="rId1" Type="` + relDoc + `" Target="xl/workbook.xml"/>` +
		`<Relationship Id="rId2" Type="` + relCore + `" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="` + relApp + `" Target="docProps/app.xml"/>` +
		`</Relationships>`)
}

func writeApp(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>begroot</Application></Properties>`)
}

func (p Properties) write(w *bufio.Writer) {
	created := p.Created.UTC().Format(time.RFC3339)
	w.WriteString(xmlDecl + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	writeText(w, p.Title)
	w.WriteString(`</dc:title><dc:creator>`)
	writeText(w, p.Creator)
	w.WriteString(`</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">` + created + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + created + `</dcterms:modified></cp:coreProperties>`)
}

// writeWorkbookRels relates the workbook to its sheets (rId1 on), then its
// styles and theme.
func (wb *Workbook) writeWorkbookRels(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<Relationships xmlns="` + nsPkgRel + `">`)
	for i, s := range wb.sheets {
		fmt.Fprintf(w, `<Relationship Id="rId%d" Type="%s" Target="worksheets/sheet%d.xml"/>`, i+1, relSheet, s.index+1)
	}
	fmt.Fprintf(w, `<Relationship Id="rId%d" Type="%s" Target="styles.xml"/>`, len(wb.sheets)+1, relStyles)
	fmt.Fprintf(w, `<Relationship Id="rId%d" Type="%s" Target="theme/theme1.xml"/></Relationships>`, len(wb.sheets)+2, relTheme)
}

func (wb *Workbook) writeWorkbook(w *bufio.Writer) {
	w.WriteString(xmlDecl + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.sheets {
		w.WriteString(`<sheet name="`)
		writeText(w, s.name)
		fmt.Fprintf(w, `" sheetId="%d" r:id="rId%d"/>`, i+1, i+1)
	}
	w.WriteString(`</sheets>`)
	var names []string
	for _, s := range wb.sheets {
		if f := s.opts.Filter; f != (Range{}) {
			names = append(names, fmt.Sprintf(`<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s</definedName>`,
				s.index, escape(Ref(s.name, f))))
		}
		if n := s.opts.TitleRows; n > 0 {
			names = append(names, fmt.Sprintf(`<definedName name="_xlnm.Print_Titles" localSheetId="%d">%s</definedName>`,
				s.index, escape(fmt.Sprintf("%s!$1:$%d", quoteSheet(s.name), n))))
		}
	}
	if len(names) > 0 {
		w.WriteString(`<definedNames>` + strings.Join(names, "") + `</definedNames>`)
	}
	w.WriteString(`</workbook>`)
}
