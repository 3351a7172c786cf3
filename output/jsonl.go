package output

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/begroot/begroot/normalize"
)

// WriteJSON writes v as indented UTF-8 JSON without HTML escaping, followed
// by a newline: a document's report, for one.
func WriteJSON(w io.Writer, v any) error {
	data, err := marshalJSON(v, "")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// marshalJSON encodes v indented by two spaces, each line after the first
// starting with prefix, without HTML escaping and without a final newline.
func marshalJSON(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// writeJSON writes dataset.json: the generator, the documents ordered by
// source and the errors, the same bytes as WriteJSON gives for the whole
// normalize.Dataset. The frame is encoded without its documents; they are
// copied from the spool, one at a time, in place of the "documents": null
// that this leaves.
func (d *dataset) writeJSON(w io.Writer) error {
	frame, err := marshalJSON(&normalize.Dataset{Generator: d.generator, Errors: d.errors()}, "")
	if err != nil {
		return err
	}
	// A JSON string cannot hold this sequence unescaped, so it is the key.
	const hole = "\n  \"documents\": null"
	before, after, ok := bytes.Cut(frame, []byte(hole))
	if !ok {
		return fmt.Errorf("dataset json has no documents field")
	}
	bw := bufio.NewWriter(w)
	bw.Write(before)
	if len(d.docs) == 0 {
		bw.WriteString("\n  \"documents\": []")
	} else {
		bw.WriteString("\n  \"documents\": [")
		docs := slices.SortedFunc(slices.Values(d.docs), func(a, b *entry) int {
			return cmp.Or(sourceOrder(a.doc, b.doc), bytes.Compare(a.sum, b.sum))
		})
		r := newReader()
		for i, e := range docs {
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			if _, err := io.Copy(bw, d.json.reader(r, e.json)); err != nil {
				return fmt.Errorf("document %s: read back: %w", e.doc.Source, err)
			}
		}
		bw.WriteString("\n  ]")
	}
	bw.Write(after)
	bw.WriteByte('\n')
	return bw.Flush()
}

// writeJSONL writes every record as one JSON object per line, for
// streaming: the documents first, then the financial, indicator,
// objective, comparison, check and error records. Each object starts with
// "kind" (document, financial, indicator, objective, comparison, check,
// error) followed by the same fields, in the same order, as the CSV files,
// with the document's key fields flattened in; section stays a JSON array
// and empty numbers are null.
func (d *dataset) writeJSONL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	for _, t := range tables {
		for row, err := range d.rows(t) {
			if err != nil {
				return err
			}
			line.Reset()
			fmt.Fprintf(&line, `{"kind":%q`, t.kind)
			for i, f := range t.fields {
				fmt.Fprintf(&line, `,%q:`, f.name)
				if err := enc.Encode(row[i]); err != nil {
					return fmt.Errorf("%s %s: %w", t.kind, f.name, err)
				}
				line.Truncate(line.Len() - 1) // Encode's newline
			}
			line.WriteString("}\n")
			if _, err := bw.Write(line.Bytes()); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}
