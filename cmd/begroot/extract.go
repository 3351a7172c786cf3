package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/ocr"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output"
	"github.com/begroot/begroot/pipeline"
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
	OCR     string        // --ocr: auto, off or force
	ocr     ocr.Options   // OCR as applyDefaults resolved it
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
	fs.StringVar(&o.OCR, "ocr", "auto", "OCR of PDF pages: auto (pages without a usable text layer, when tesseract and pdftoppm are installed), off, or force (every page)")
}

// applyDefaults fills in zero values and checks the options.
func (o *Options) applyDefaults() error {
	if o.Jobs <= 0 {
		o.Jobs = pipeline.DefaultJobs()
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
	var err error
	o.ocr.Mode, err = ocr.ParseMode(o.OCR)
	return err
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("begroot extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opt Options
	opt.AddFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: begroot extract [flags] INPUT...\n\nINPUT is a file or a folder (searched for %s).\nWrites DIR/<stem>.json per document, DIR/dataset.json and DIR/begroot.xlsx.\n\nFlags:\n", inputExtensions())
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

// inputError is an input that could not be used.
type inputError struct {
	path string
	err  error
}

func (e inputError) Error() string { return e.path + ": " + e.err.Error() }

// collectInputs expands folders and gives each file a format
// (extract.Formats): by extension, else by its first bytes. Files in
// folders with other extensions are skipped; a named file of unknown type
// is read as text.
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
			if f, ok := extract.FormatOfName(path); ok {
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

// inputExtensions lists the file extensions of extract.Formats:
// ".pdf, .html, …".
func inputExtensions() string {
	var exts []string
	for _, spec := range extract.Formats {
		exts = append(exts, spec.Extensions...)
	}
	return strings.Join(exts, ", ")
}

// formatOf is the format of a named file: by its extension, else by its
// first bytes, else text.
func formatOf(path string) extract.Format {
	if f, ok := extract.FormatOfName(path); ok {
		return f
	}
	head := make([]byte, extract.SniffLen)
	if fh, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(fh, head)
		fh.Close()
		head = head[:n]
	}
	if spec, ok := extract.SniffFormat(head); ok {
		return spec.Format
	}
	return extract.FormatText
}

// extractAll extracts the sources, writes each report to
// OutDir/<stem>.json and returns the dataset (in input order) and the
// number of documents that failed.
func extractAll(ctx context.Context, sources []extract.Source, opt Options, log *slog.Logger, stderr io.Writer) (*normalize.Dataset, int) {
	names := outputNames(sources)
	reports, errs, failed := extractSources(ctx, sources, opt, nil, log, stderr, func(i int, rep *normalize.Report) error {
		return atomicfile.Write(filepath.Join(opt.OutDir, names[i]), func(w io.Writer) error {
			return output.WriteJSON(w, rep)
		})
	})
	ds := &normalize.Dataset{Generator: "begroot " + version, Documents: []normalize.Report{}}
	for i, rep := range reports {
		if errs[i] != nil {
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

// writeDataset writes the dataset in the chosen format and the workbook.
func writeDataset(ds *normalize.Dataset, opt Options) error {
	sort.SliceStable(ds.Documents, func(i, j int) bool { return ds.Documents[i].Source < ds.Documents[j].Source })
	var err error
	switch opt.Format {
	case "json":
		err = atomicfile.Write(filepath.Join(opt.OutDir, "dataset.json"), func(w io.Writer) error { return output.WriteJSON(w, ds) })
	case "jsonl":
		err = atomicfile.Write(filepath.Join(opt.OutDir, "dataset.jsonl"), func(w io.Writer) error { return output.WriteJSONL(w, ds) })
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
	return atomicfile.Write(opt.XLSX, func(w io.Writer) error { return output.WriteWorkbook(w, ds) })
}
