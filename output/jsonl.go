package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/begroot/begroot/normalize"
)

// WriteJSON writes v as indented UTF-8 JSON without HTML escaping, followed
// by a newline. A *normalize.Dataset is written one document at a time, so
// memory does not grow with the size of the whole dataset; the bytes are the
// same as for any other value.
func WriteJSON(w io.Writer, v any) error {
	if ds, ok := v.(*normalize.Dataset); ok && len(ds.Documents) > 0 {
		return writeDataset(w, ds)
	}
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

// writeDataset encodes ds without its documents, then writes the documents
// one by one in place of the "documents": null that this leaves.
func writeDataset(w io.Writer, ds *normalize.Dataset) error {
	head := *ds
	head.Documents = nil
	frame, err := marshalJSON(&head, "")
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
	bw.WriteString("\n  \"documents\": [")
	for i := range ds.Documents {
		doc, err := marshalJSON(&ds.Documents[i], "    ")
		if err != nil {
			return fmt.Errorf("document %s: %w", ds.Documents[i].Source, err)
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteString("\n    ")
		bw.Write(doc)
	}
	bw.WriteString("\n  ]")
	bw.Write(after)
	bw.WriteByte('\n')
	return bw.Flush()
}

// WriteJSONL writes every record of ds as one JSON object per line, for
// streaming: the documents first, then the financial, indicator, objective,
// check and error records. Each object starts with "kind" (document,
// financial, indicator, objective, check, error) followed by the same
// fields, in the same order, as the CSV files, with the document's key
// fields flattened in; section stays a JSON array and empty numbers are null.
func WriteJSONL(w io.Writer, ds *normalize.Dataset) error {
	ds = sorted(ds)
	bw := bufio.NewWriter(w)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	for _, t := range tables {
		for row := range t.rows(ds) {
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
