package output

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"iter"
	"math"
	"os"
)

// A spool is a temporary file that holds encoded rows (or a document's
// JSON) from Add until Close, so that the dataset never sits in memory
// whole. Each document's part is a segment; Close reads the segments back
// in output order.
type spool struct {
	f    *os.File
	w    *bufio.Writer
	size int64 // bytes written so far: the offset of the next segment
}

// A segment is one document's part of a spool.
type segment struct {
	off, len int64
	rows     int
}

// spoolBuffer is the write buffer of a spool and the read buffer of its
// segments: large enough that reading back is sequential disk I/O.
const spoolBuffer = 1 << 16

func newSpool(dir string) (*spool, error) {
	f, err := os.CreateTemp(dir, ".begroot-spool-*")
	if err != nil {
		return nil, err
	}
	return &spool{f: f, w: bufio.NewWriterSize(f, spoolBuffer)}, nil
}

// write appends data as a segment of rows rows.
func (s *spool) write(data []byte, rows int) (segment, error) {
	seg := segment{off: s.size, len: int64(len(data)), rows: rows}
	n, err := s.w.Write(data)
	s.size += int64(n)
	if err != nil {
		return segment{}, fmt.Errorf("spool %s: %w", s.f.Name(), err)
	}
	return seg, nil
}

// flush makes everything written readable by reader.
func (s *spool) flush() error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool %s: %w", s.f.Name(), err)
	}
	return nil
}

// newReader is a reader for segments.
func newReader() *bufio.Reader { return bufio.NewReaderSize(nil, spoolBuffer) }

// reader reads segment seg; r is reused between segments.
func (s *spool) reader(r *bufio.Reader, seg segment) *bufio.Reader {
	r.Reset(io.NewSectionReader(s.f, seg.off, seg.len))
	return r
}

// remove deletes the spool file.
func (s *spool) remove() error {
	s.f.Close()
	return os.Remove(s.f.Name())
}

// The tags of encoded cell values: one per Go type a column yields.
const (
	tagNil byte = iota
	tagString
	tagStrings
	tagInt
	tagInt64
	tagFloat64
	tagFalse
	tagTrue
)

// appendRow encodes row, a row of a table (see column), so that decodeRow
// gives back the same values of the same types: nil, string, []string,
// int, int64, float64 and bool.
func appendRow(buf []byte, row []any) ([]byte, error) {
	for i, v := range row {
		switch v := v.(type) {
		case nil:
			buf = append(buf, tagNil)
		case string:
			buf = appendString(append(buf, tagString), v)
		case []string:
			buf = binary.AppendUvarint(append(buf, tagStrings), uint64(len(v)))
			for _, s := range v {
				buf = appendString(buf, s)
			}
		case int:
			buf = binary.AppendVarint(append(buf, tagInt), int64(v))
		case int64:
			buf = binary.AppendVarint(append(buf, tagInt64), v)
		case float64:
			buf = binary.LittleEndian.AppendUint64(append(buf, tagFloat64), math.Float64bits(v))
		case bool:
			if v {
				buf = append(buf, tagTrue)
			} else {
				buf = append(buf, tagFalse)
			}
		default:
			return buf, fmt.Errorf("column %d: no encoding for %T", i+1, v)
		}
	}
	return buf, nil
}

func appendString(buf []byte, s string) []byte {
	return append(binary.AppendUvarint(buf, uint64(len(s))), s...)
}

// decodeRows yields the n rows of width cells each that r holds; the slice
// is reused between rows.
func decodeRows(r *bufio.Reader, n, width int) iter.Seq2[[]any, error] {
	return func(yield func([]any, error) bool) {
		row := make([]any, width)
		for range n {
			for i := range row {
				v, err := decodeValue(r)
				if err != nil {
					yield(nil, err)
					return
				}
				row[i] = v
			}
			if !yield(row, nil) {
				return
			}
		}
	}
}

func decodeValue(r *bufio.Reader) (any, error) {
	tag, err := r.ReadByte()
	if err != nil {
		return nil, err
	}
	switch tag {
	case tagNil:
		return nil, nil
	case tagString:
		return readString(r)
	case tagStrings:
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		list := make([]string, n)
		for i := range list {
			if list[i], err = readString(r); err != nil {
				return nil, err
			}
		}
		return list, nil
	case tagInt:
		n, err := binary.ReadVarint(r)
		return int(n), err
	case tagInt64:
		return binary.ReadVarint(r)
	case tagFloat64:
		var b [8]byte
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return nil, err
		}
		return math.Float64frombits(binary.LittleEndian.Uint64(b[:])), nil
	case tagFalse, tagTrue:
		return tag == tagTrue, nil
	}
	return nil, fmt.Errorf("unknown tag %d", tag)
}

func readString(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r, b)
	return string(b), err
}
