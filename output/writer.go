package output

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"hash/fnv"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/normalize"
)

// The dataset formats of DatasetOptions.Format.
const (
	FormatJSON    = "json"    // dataset.json, a normalize.Dataset
	FormatJSONL   = "jsonl"   // dataset.jsonl, one record per line
	FormatCSV     = "csv"     // one CSV file per table, and datapackage.json
	FormatParquet = "parquet" // one Parquet file per table, and datapackage.json
)

// DatasetOptions say which files a DatasetWriter makes.
type DatasetOptions struct {
	Dir       string     // where the dataset files go
	Format    string     // FormatJSON, FormatJSONL, FormatCSV, FormatParquet, or "" for none
	Dialect   CSVDialect // of FormatCSV; the zero value is CSVPlain
	Workbook  string     // path of the Excel workbook, "" for none
	Generator string     // "begroot <version>", named in the files
	// TempDir holds the records from Add until Close; "" is Dir, so that
	// a large run spools to the disk it writes to.
	TempDir string
}

// A DatasetWriter writes a dataset as its documents come, so that the
// whole dataset is never held in memory: Add keeps a small summary of each
// document (its key, its comparison totals) and spools its records to
// temporary files; Close writes the files, with the documents in order
// whatever the order they were added in, each file through
// atomicfile.Write, and removes the temporary files. Cleanup removes them
// without writing, for a run that is abandoned.
//
//	dw, err := output.NewDatasetWriter(opt)
//	defer dw.Cleanup()
//	… dw.Add(report) as each document is ready …
//	err = dw.Close()
//
// Add, AddError and Close may be called from several goroutines.
type DatasetWriter struct {
	opt DatasetOptions

	mu      sync.Mutex
	err     error    // sticky: the first spool error
	spools  []*spool // by index in tables; nil when no format reads the tables
	json    *spool   // documents as dataset.json writes them; nil unless FormatJSON
	entries []*entry
	tables  []tableStats // by index in tables
	closed  bool
}

// An entry is one added document, or one error, without its records.
type entry struct {
	doc *normalize.Report // the document without its records; nil for an error
	err *normalize.DocError
	// comparison holds the document's comparison rows; skipped tells why it
	// has none (only with a workbook).
	comparison []comparisonRow
	skipped    string
	segments   []segment // by index in tables
	json       segment
	// sum is a hash of what the entry writes, the last key of the order:
	// two documents that tie on their key then give the same files in
	// whatever order they come.
	sum []byte
}

// tableStats are what the workbook needs to know of a table before it
// streams it: its number of rows and the widest cell of each column.
type tableStats struct {
	rows   int
	widths []int
}

// NewDatasetWriter starts a dataset in the files opt names.
func NewDatasetWriter(opt DatasetOptions) (*DatasetWriter, error) {
	switch opt.Format {
	case "", FormatJSON, FormatJSONL, FormatCSV, FormatParquet:
	default:
		return nil, fmt.Errorf("dataset format %q: want %s, %s, %s or %s", opt.Format, FormatJSON, FormatJSONL, FormatCSV, FormatParquet)
	}
	if opt.Dialect.Name == "" {
		opt.Dialect = CSVPlain
	}
	opt.TempDir = cmp.Or(opt.TempDir, opt.Dir)
	w := &DatasetWriter{opt: opt, tables: make([]tableStats, len(tables))}
	for i, t := range tables {
		w.tables[i].widths = make([]int, len(t.fields))
	}
	if err := w.open(); err != nil {
		w.Cleanup()
		return nil, fmt.Errorf("dataset: %w", err)
	}
	return w, nil
}

// open creates the spools that the chosen files read.
func (w *DatasetWriter) open() error {
	if w.opt.TempDir != "" {
		if err := os.MkdirAll(w.opt.TempDir, 0o755); err != nil {
			return err
		}
	}
	if w.opt.Format == FormatJSON {
		s, err := newSpool(w.opt.TempDir)
		if err != nil {
			return err
		}
		w.json = s
	}
	if w.opt.Workbook == "" && (w.opt.Format == "" || w.opt.Format == FormatJSON) {
		return nil // no file reads the tables
	}
	for range tables {
		s, err := newSpool(w.opt.TempDir)
		if err != nil {
			return err
		}
		w.spools = append(w.spools, s)
	}
	return nil
}

// An encoded entry is an entry's rows per table and JSON, encoded for the
// spools.
type encoded struct {
	tables [][]byte // by index in tables
	rows   []int
	widths [][]int // the widest cell of each column, with a workbook
	json   []byte
}

// Add adds a document. Its records go to the spools at once; rep is not
// kept.
func (w *DatasetWriter) Add(rep *normalize.Report) error {
	one := &normalize.Dataset{Documents: []normalize.Report{*rep}}
	e := &entry{doc: withoutRecords(rep)}
	if w.opt.Workbook != "" {
		rows, skipped := compare(one)
		for i := range rows {
			rows[i].doc = e.doc
		}
		e.comparison = rows
		if len(skipped) > 0 {
			e.skipped = skipped[0].reason
		}
	}
	if err := w.add(e, one); err != nil {
		return fmt.Errorf("dataset: document %s: %w", rep.Source, err)
	}
	return nil
}

// AddError adds a document that could not be processed.
func (w *DatasetWriter) AddError(docErr normalize.DocError) error {
	if err := w.add(&entry{err: &docErr}, &normalize.Dataset{Errors: []normalize.DocError{docErr}}); err != nil {
		return fmt.Errorf("dataset: error of %s: %w", docErr.Source, err)
	}
	return nil
}

// add encodes one, the dataset of entry e alone, and appends it to the
// spools.
func (w *DatasetWriter) add(e *entry, one *normalize.Dataset) error {
	enc, err := w.encode(one)
	if err != nil {
		return err // nothing is spooled yet
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errors.New("writer is closed")
	}
	if w.err != nil {
		return w.err
	}
	if err := w.spool(e, enc); err != nil {
		w.err = err // a spool written halfway cannot take more
		return err
	}
	w.entries = append(w.entries, e)
	return nil
}

// encode encodes the rows of every table of one, and its document's JSON,
// as far as the chosen files need them.
func (w *DatasetWriter) encode(one *normalize.Dataset) (*encoded, error) {
	enc := &encoded{}
	if w.json != nil && len(one.Documents) > 0 {
		data, err := marshalJSON(&one.Documents[0], "    ")
		if err != nil {
			return nil, err
		}
		enc.json = data
	}
	if w.spools == nil {
		return enc, nil
	}
	enc.tables, enc.rows = make([][]byte, len(tables)), make([]int, len(tables))
	if w.opt.Workbook != "" {
		enc.widths = make([][]int, len(tables))
	}
	for i, t := range tables {
		var buf []byte
		var widths []int
		if enc.widths != nil {
			widths = make([]int, len(t.fields))
			enc.widths[i] = widths
		}
		for row := range t.rows(one) {
			var err error
			if buf, err = appendRow(buf, row); err != nil {
				return nil, fmt.Errorf("%s: %w", t.file, err)
			}
			enc.rows[i]++
			for c := range widths {
				widths[c] = max(widths[c], cellWidth(row[c], t.fields[c].format))
			}
		}
		enc.tables[i] = buf
	}
	return enc, nil
}

// spool writes enc to the spools as entry e's segments. The caller holds
// w.mu.
func (w *DatasetWriter) spool(e *entry, enc *encoded) error {
	sum := fnv.New128a()
	if enc.json != nil {
		var err error
		if e.json, err = w.json.write(enc.json, 1); err != nil {
			return err
		}
		sum.Write(enc.json)
	}
	if enc.tables == nil {
		e.sum = sum.Sum(nil)
		return nil
	}
	e.segments = make([]segment, len(tables))
	for i, data := range enc.tables {
		if enc.rows[i] == 0 {
			continue
		}
		seg, err := w.spools[i].write(data, enc.rows[i])
		if err != nil {
			return err
		}
		e.segments[i] = seg
		fmt.Fprintf(sum, "%s %d ", tables[i].file, len(data))
		sum.Write(data)
		stats := &w.tables[i]
		stats.rows += enc.rows[i]
		if enc.widths != nil {
			for c, n := range enc.widths[i] {
				stats.widths[c] = max(stats.widths[c], n)
			}
		}
	}
	e.sum = sum.Sum(nil)
	return nil
}

// withoutRecords is a copy of rep without the lists of records, which the
// spool holds: what the workbook's comparison and Toelichting read.
func withoutRecords(rep *normalize.Report) *normalize.Report {
	doc := *rep
	doc.Financial, doc.Indicators, doc.Objectives, doc.Checks = nil, nil, nil, nil
	doc.Reconciliation, doc.Warnings = nil, nil
	return &doc
}

// Documents is the number of documents added.
func (w *DatasetWriter) Documents() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, e := range w.entries {
		if e.doc != nil {
			n++
		}
	}
	return n
}

// Close writes the dataset files into the options' Dir and the workbook
// to their Workbook, and removes the temporary files. The writer takes
// nothing more after it.
func (w *DatasetWriter) Close() error { return w.CloseIn(w.opt.Dir, w.opt.Workbook) }

// CloseIn is Close with the dataset files written into dir and the
// workbook to workbook instead (when the options asked for one): a run
// decides at its end whether its outputs replace the last complete set.
func (w *DatasetWriter) CloseIn(dir, workbook string) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return errors.New("dataset: writer is closed")
	}
	err := w.write(dir, workbook)
	w.closed = true
	return errors.Join(err, w.removeSpools())
}

// Cleanup removes the temporary files without writing the dataset; after
// Close it does nothing.
func (w *DatasetWriter) Cleanup() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	return w.removeSpools()
}

func (w *DatasetWriter) removeSpools() error {
	var errs []error
	for _, s := range append(w.spools, w.json) {
		if s != nil {
			errs = append(errs, s.remove())
		}
	}
	w.spools, w.json = nil, nil
	return errors.Join(errs...)
}

// write writes the files from the spools into dir and the workbook. The
// caller holds w.mu.
func (w *DatasetWriter) write(dir, workbook string) error {
	if w.err != nil {
		return w.err
	}
	for _, s := range append(slices.Clone(w.spools), w.json) {
		if s != nil {
			if err := s.flush(); err != nil {
				return err
			}
		}
	}
	d := w.dataset()
	switch w.opt.Format {
	case FormatJSON:
		if err := atomicfile.Write(filepath.Join(dir, "dataset.json"), d.writeJSON); err != nil {
			return err
		}
	case FormatJSONL:
		if err := atomicfile.Write(filepath.Join(dir, "dataset.jsonl"), d.writeJSONL); err != nil {
			return err
		}
	case FormatCSV:
		if err := d.writeCSV(dir, w.opt.Dialect); err != nil {
			return err
		}
	case FormatParquet:
		if err := d.writeParquet(dir); err != nil {
			return err
		}
	}
	if w.opt.Workbook == "" {
		return nil
	}
	return atomicfile.Write(workbook, d.writeWorkbook)
}

// A dataset is what the writers read: the entries in output order, their
// records streamed back from the spools.
type dataset struct {
	generator string
	docs      []*entry // ordered by documentOrder
	errs      []*entry // ordered by errorOrder
	spools    []*spool
	json      *spool
	tables    []tableStats
}

func (w *DatasetWriter) dataset() *dataset {
	d := &dataset{generator: w.opt.Generator, spools: w.spools, json: w.json, tables: w.tables}
	for _, e := range w.entries {
		if e.doc != nil {
			d.docs = append(d.docs, e)
		} else {
			d.errs = append(d.errs, e)
		}
	}
	slices.SortFunc(d.docs, func(a, b *entry) int { return cmp.Or(documentOrder(a.doc, b.doc), bytes.Compare(a.sum, b.sum)) })
	slices.SortFunc(d.errs, func(a, b *entry) int { return errorOrder(a.err, b.err) })
	return d
}

// rows yields the rows of table t: those of each document in order, then
// those of each error.
func (d *dataset) rows(t table) iter.Seq2[[]any, error] {
	i := tableIndex(t)
	return func(yield func([]any, error) bool) {
		r := newReader()
		for _, e := range slices.Concat(d.docs, d.errs) {
			seg := e.segments[i]
			if seg.rows == 0 {
				continue
			}
			for row, err := range decodeRows(d.spools[i].reader(r, seg), seg.rows, len(t.fields)) {
				if err != nil {
					yield(nil, fmt.Errorf("%s: read back the rows of %s: %w", t.file, e.name(), err))
					return
				}
				if !yield(row, nil) {
					return
				}
			}
		}
	}
}

// tableRows is the number of rows of table t.
func (d *dataset) tableRows(t table) int { return d.tables[tableIndex(t)].rows }

// tableIndex is the index of t in tables.
func tableIndex(t table) int {
	return slices.IndexFunc(tables, func(x table) bool { return x.file == t.file })
}

// name names the document or error of e in an error message.
func (e *entry) name() string {
	if e.doc != nil {
		return e.doc.Source
	}
	return e.err.Source
}

// errors are the documents that failed, in order.
func (d *dataset) errors() []normalize.DocError {
	out := make([]normalize.DocError, len(d.errs))
	for i, e := range d.errs {
		out[i] = *e.err
	}
	return out
}
