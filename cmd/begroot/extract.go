package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/extract/textdoc"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output"
)

// Options are the flags of begroot extract (and the output half of crawl).
type Options struct {
	OutDir  string        // -o: where the JSON, dataset and workbook go
	XLSX    string        // --xlsx: workbook path; "" means OutDir/begroot.xlsx, "-" none
	Format  string        // --format: dataset format json, jsonl, csv or parquet
	Dialect string        // --csv-dialect: plain or nl
	Jobs    int           // -j: documents processed at once
	Timeout time.Duration // --timeout: per document
	Quiet   bool          // -q
	Verbose bool          // -v
}

// AddFlags registers the options on fs.
func (o *Options) AddFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.OutDir, "o", "out", "output `dir`ectory")
	fs.StringVar(&o.XLSX, "xlsx", "", "workbook `path` (default DIR/begroot.xlsx; - for none)")
	fs.StringVar(&o.Format, "format", "json", "dataset format: json, jsonl, csv or parquet (csv and parquet with datapackage.json)")
	fs.StringVar(&o.Dialect, "csv-dialect", "plain", "CSV dialect: plain (comma, decimal point) or nl (semicolon, decimal comma, BOM, for Dutch Excel)")
	fs.IntVar(&o.Jobs, "j", 0, "documents processed at once (default: number of CPUs)")
	fs.DurationVar(&o.Timeout, "timeout", 0, "time limit per document (default 2m)")
	fs.BoolVar(&o.Quiet, "q", false, "quiet: only errors")
	fs.BoolVar(&o.Verbose, "v", false, "verbose: a log line per document instead of the progress bar, and debug details")
}

// applyDefaults fills in zero values and checks the options.
func (o *Options) applyDefaults() error {
	if o.Jobs <= 0 {
		// Parsing is CPU-bound; more workers than cores only adds memory.
		o.Jobs = runtime.NumCPU()
	}
	if o.Timeout <= 0 {
		// The PDF reader does ~200 pages/s: two minutes covers 900-page reports on a slow machine.
		o.Timeout = 2 * time.Minute
	}
	if o.XLSX == "" {
		o.XLSX = filepath.Join(o.OutDir, "begroot.xlsx")
	}
	if o.Format == "" {
		o.Format = "json"
	}
	switch o.Format {
	case "json", "jsonl", "csv", "parquet":
	default:
		return fmt.Errorf("--format %q: want json, jsonl, csv or parquet", o.Format)
	}
	if o.Dialect == "" {
		o.Dialect = output.CSVPlain.Name
	}
	if _, ok := output.CSVDialects[o.Dialect]; !ok {
		return fmt.Errorf("--csv-dialect %q: want plain or nl", o.Dialect)
	}
	if o.Quiet && o.Verbose {
		return errors.New("-q and -v exclude each other")
	}
	return nil
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("begroot extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opt Options
	opt.AddFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: begroot extract [flags] INPUT...\n\nINPUT is a file or a folder (searched for .txt, .html, .htm, .pdf).\nWrites DIR/<stem>.json per document, DIR/dataset.json and DIR/begroot.xlsx.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 ok, 1 fatal, 2 usage, 3 partial (some documents failed), 130 interrupted.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if err := opt.applyDefaults(); err != nil {
		fmt.Fprintf(stderr, "begroot extract: %v\n", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "begroot extract: no INPUT given")
		fs.Usage()
		return exitUsage
	}
	log := newLogger(stderr, opt)
	sources, errs := collectInputs(fs.Args())
	for _, e := range errs {
		log.Error("input", "error", e)
	}
	if len(sources) == 0 {
		fmt.Fprintln(stderr, "begroot extract: no documents found")
		return exitFatal
	}
	ds, failed := extractAll(ctx, sources, opt, log, stderr)
	for _, e := range errs {
		ds.Errors = append(ds.Errors, normalize.DocError{Source: e.path, Error: e.err.Error()})
	}
	return finish(ctx, ds, opt, log, failed+len(errs))
}

// finish writes the dataset files and tells the exit code.
func finish(ctx context.Context, ds *normalize.Dataset, opt Options, log *slog.Logger, failed int) int {
	if err := writeDataset(ds, opt); err != nil {
		log.Error("write dataset", "error", err)
		return exitFatal
	}
	log.Info("done", "documents", len(ds.Documents), "failed", failed, "out", opt.OutDir)
	switch {
	case ctx.Err() != nil:
		return exitInterrupted
	case failed > 0 && len(ds.Documents) == 0:
		return exitFatal
	case failed > 0:
		return exitPartial
	}
	return exitOK
}

// inputError is an input that could not be used.
type inputError struct {
	path string
	err  error
}

func (e inputError) Error() string { return e.path + ": " + e.err.Error() }

// formats maps file extensions to readers.
var formats = map[string]extract.Format{
	".txt": extract.FormatText, ".text": extract.FormatText,
	".html": extract.FormatHTML, ".htm": extract.FormatHTML, ".xhtml": extract.FormatHTML,
	".pdf": extract.FormatPDF,
}

// collectInputs expands folders and gives each file a format: by extension,
// else by its first bytes. Files in folders with other extensions are
// skipped; a named file of unknown type is read as text.
func collectInputs(args []string) ([]extract.Source, []inputError) {
	var out []extract.Source
	var errs []inputError
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, inputError{arg, errors.Unwrap(err)})
			continue
		}
		if !st.IsDir() {
			out = append(out, extract.Source{Path: arg, Format: formatOf(arg), Size: st.Size()})
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, inputError{path, err})
				return nil
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if f, ok := formats[strings.ToLower(filepath.Ext(path))]; ok {
				info, _ := d.Info()
				out = append(out, extract.Source{Path: path, Format: f, Size: info.Size()})
			}
			return nil
		})
		if err != nil {
			errs = append(errs, inputError{arg, err})
		}
	}
	return out, errs
}

func formatOf(path string) extract.Format {
	if f, ok := formats[strings.ToLower(filepath.Ext(path))]; ok {
		return f
	}
	head := make([]byte, 512)
	if fh, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(fh, head)
		fh.Close()
		head = head[:n]
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF")):
		return extract.FormatPDF
	case bytes.Contains(bytes.ToLower(head), []byte("<html")), bytes.Contains(bytes.ToLower(head), []byte("<!doctype html")):
		return extract.FormatHTML
	}
	return extract.FormatText
}

// extractAll processes the sources with opt.Jobs workers, writes each
// report to OutDir/<stem>.json and returns the dataset (in input order) and
// the number of documents that failed.
func extractAll(ctx context.Context, sources []extract.Source, opt Options, log *slog.Logger, stderr io.Writer) (*normalize.Dataset, int) {
	names := outputNames(sources)
	reports := make([]*normalize.Report, len(sources))
	errs := make([]error, len(sources))
	progress := newProgress(stderr, len(sources), opt)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < opt.Jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				rep, err := extractDocument(ctx, sources[i], opt.Timeout)
				if err == nil {
					err = output.WriteFile(filepath.Join(opt.OutDir, names[i]), func(w io.Writer) error {
						return output.WriteJSON(w, rep)
					})
				}
				reports[i], errs[i] = rep, err
				progress.done(sources[i], rep, err, log)
			}
		}()
	}
	for i := range sources {
		if ctx.Err() != nil {
			errs[i] = ctx.Err()
			continue
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	progress.finish()

	ds := &normalize.Dataset{Generator: "begroot " + version, Documents: []normalize.Report{}}
	failed := 0
	for i, rep := range reports {
		if errs[i] != nil {
			failed++
			ds.Errors = append(ds.Errors, normalize.DocError{Source: sources[i].Name(), Error: errs[i].Error()})
			continue
		}
		ds.Documents = append(ds.Documents, *rep)
	}
	return ds, failed
}

// outputNames gives each source its JSON file name, <stem>.json, adding
// "-2", "-3" when two inputs share a stem.
func outputNames(sources []extract.Source) []string {
	names := make([]string, len(sources))
	seen := map[string]int{}
	for i, s := range sources {
		stem := s.Stem()
		if stem == "" {
			stem = "document"
		}
		seen[stem]++
		if n := seen[stem]; n > 1 {
			stem = fmt.Sprintf("%s-%d", stem, n)
		}
		names[i] = stem + ".json"
	}
	return names
}

// extractDocument reads one source from its Path and runs it through the
// pipeline: read → recognize → normalize. A panic anywhere below becomes an
// error naming the source.
func extractDocument(ctx context.Context, src extract.Source, timeout time.Duration) (rep *normalize.Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("%s: internal error: %v", src.Name(), r)
		}
	}()
	doc, src, err := readDocument(ctx, src, timeout)
	if errors.Is(err, extract.ErrNoText) {
		// A scan or a PDF with a garbage text layer is a finding, not a
		// failure: the report says so and holds no numbers.
		return normalize.Normalize(&extract.Document{Source: src, Warnings: []string{err.Error()}}, recognize.Result{}), nil
	}
	if err != nil {
		return nil, err
	}
	return normalize.Normalize(doc, recognize.Find(doc)), nil
}

// readDocument reads src.Path with the reader for its format. It returns
// the source with its digest and size filled in, also when reading fails.
func readDocument(ctx context.Context, src extract.Source, timeout time.Duration) (*extract.Document, extract.Source, error) {
	data, err := os.ReadFile(src.Path)
	if err != nil {
		return nil, src, err
	}
	sum := sha256.Sum256(data)
	src.SHA256 = hex.EncodeToString(sum[:])
	src.Size = int64(len(data))
	var doc *extract.Document
	switch src.Format {
	case extract.FormatPDF:
		doc, err = pdfdoc.ParseContext(ctx, bytes.NewReader(data), int64(len(data)), src, pdfdoc.Options{Timeout: timeout})
	case extract.FormatHTML:
		doc, err = htmldoc.Parse(bytes.NewReader(data), src)
	default:
		doc, err = textdoc.Parse(bytes.NewReader(data), src)
	}
	return doc, src, err
}

// writeDataset writes the dataset in the chosen format and the workbook.
func writeDataset(ds *normalize.Dataset, opt Options) error {
	sort.SliceStable(ds.Documents, func(i, j int) bool { return ds.Documents[i].Source < ds.Documents[j].Source })
	var err error
	switch opt.Format {
	case "json":
		err = output.WriteFile(filepath.Join(opt.OutDir, "dataset.json"), func(w io.Writer) error { return output.WriteJSON(w, ds) })
	case "jsonl":
		err = output.WriteFile(filepath.Join(opt.OutDir, "dataset.jsonl"), func(w io.Writer) error { return output.WriteJSONL(w, ds) })
	case "csv":
		err = output.WriteCSV(opt.OutDir, ds, output.CSVDialects[opt.Dialect])
	case "parquet":
		err = output.WriteParquet(opt.OutDir, ds)
	}
	if err != nil {
		return err
	}
	if opt.XLSX == "-" {
		return nil
	}
	return output.WriteFile(opt.XLSX, func(w io.Writer) error { return output.WriteWorkbook(w, ds) })
}
