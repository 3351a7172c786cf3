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
	"slices"
	"strings"
	"time"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/fetch"
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
	// OCRCache is --ocr-cache: the OCR cache's folder, "off" for none, ""
	// for the default (the user cache dir/begroot/ocr; crawl: --cache/ocr).
	OCRCache string
	ocr      ocr.Options // OCR as applyDefaults resolved it
}

// AddFlags registers the options on fs.
func (o *Options) AddFlags(fs *flag.FlagSet) {
	fs.StringVar(&o.OutDir, "o", "out", "output `dir`ectory")
	fs.StringVar(&o.XLSX, "xlsx", "", "workbook `path` (default DIR/begroot.xlsx; - for none)")
	fs.StringVar(&o.Format, "format", "json", "dataset format: json, jsonl, csv or parquet (csv and parquet with datapackage.json)")
	fs.StringVar(&o.Dialect, "csv-dialect", "plain", "CSV dialect: plain (comma, decimal point) or nl (semicolon, decimal comma, BOM, for Dutch Excel)")
	fs.IntVar(&o.Jobs, "j", 0, "documents processed at once (0: the number of CPUs)")
	fs.DurationVar(&o.Timeout, "timeout", 0, "time limit per document, longer by "+ocr.DefaultPageAllowance.String()+" for each page read with OCR (0: the default, 2m)")
	fs.BoolVar(&o.Quiet, "q", false, "quiet: only errors")
	fs.BoolVar(&o.Verbose, "v", false, "verbose: log lines instead of the progress bar, with debug details (skipped links, hidden files, fetched pages)")
	fs.StringVar(&o.OCR, "ocr", "auto", "OCR of PDF pages: auto (pages without a usable text layer, when tesseract and pdftoppm are installed), off, or force (every page)")
	fs.StringVar(&o.OCRCache, "ocr-cache", "", "`dir`ectory of the pages read with OCR, which later runs take from there instead of reading them again (default the user cache dir/begroot/ocr; crawl: the --cache dir/ocr; off for none)")
}

// applyDefaults fills in zero values and checks the options.
func (o *Options) applyDefaults() error {
	switch {
	case o.Jobs < 0:
		return fmt.Errorf("-j %d: want 1 or more, or 0 for the number of CPUs", o.Jobs)
	case o.Timeout < 0:
		return fmt.Errorf("--timeout %s: want a duration, or 0 for the default", o.Timeout)
	case o.OutDir == "" || o.OutDir == "-":
		return fmt.Errorf("-o %q: want a directory (the outputs are several files)", o.OutDir)
	}
	if o.Jobs == 0 {
		o.Jobs = pipeline.DefaultJobs()
	}
	if o.Timeout == 0 {
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
	switch o.OCRCache {
	case "off":
	case "":
		if dir, err := fetch.DefaultCacheDir(); err == nil { // else no cache: a run without one only takes longer
			o.ocr.Cache = ocr.NewCache(filepath.Join(dir, "ocr"))
		}
	default:
		o.ocr.Cache = ocr.NewCache(o.OCRCache)
	}
	var err error
	o.ocr.Mode, err = ocr.ParseMode(o.OCR)
	return err
}

// exitStatusHelp ends the help of each command.
const exitStatusHelp = "\nExit status: 0 ok, 1 fatal, 2 usage, 3 partial (some documents failed), 4 another run holds the lock\nof the output directory (or cache), 130 interrupted.\n"

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("begroot extract", flag.ContinueOnError)
	var opt Options
	opt.AddFlags(fs)
	usage := func(w io.Writer) {
		fmt.Fprintf(w, "Usage: begroot extract [flags] INPUT...\n\n"+
			"INPUT is a file or a folder (searched for %s; other files are skipped\nand listed, except those sniffed as HTML or PDF). Flags may follow the inputs; -- ends them.\n"+
			"Writes DIR/<stem>.json per document, DIR/dataset.json (or the --format files) and\nDIR/begroot.xlsx; a run that is interrupted, or loses a document the last complete run\nhad, writes its dataset and workbook to DIR/partial instead.\n\nFlags:\n", inputExtensions())
		fs.SetOutput(w)
		fs.PrintDefaults()
		fmt.Fprint(w, exitStatusHelp)
	}
	inputs, code, ok := parseArgs(fs, args, usage, stdout, stderr)
	if !ok {
		return code
	}
	if err := opt.applyDefaults(); err != nil {
		fmt.Fprintf(stderr, "begroot extract: %v\n", err)
		return exitUsage
	}
	if len(inputs) == 0 {
		fmt.Fprintln(stderr, "begroot extract: no INPUT given")
		usage(stderr)
		return exitUsage
	}
	st := newStatus(stderr, opt)
	defer st.stop()
	log := newLogger(st, opt)
	out, code := openRun(opt.OutDir, log)
	if out == nil {
		return code
	}
	defer out.unlock()
	sources, errs := collectInputs(inputs, log)
	for _, e := range errs {
		log.Error("input", "error", e)
	}
	sources = dropDuplicates(sources, log)
	if len(sources) == 0 {
		log.Error("no documents found")
		return exitFatal
	}
	dw, err := newDatasetWriter(opt)
	if err != nil {
		log.Error("write dataset", "error", err)
		return exitFatal
	}
	defer dw.Cleanup()
	return finish(ctx, extractAll(ctx, sources, errs, opt, out.outputs, dw, st, log), opt, st, log)
}

// lockedOutputs is an output directory held for the run.
type lockedOutputs struct {
	*outputs
	unlock func()
}

// openRun locks the output directory and the other dirs for the whole
// run and checks that it is writable. It returns nil and the exit code
// when the run cannot start: exitLocked when another run holds a lock.
func openRun(outDir string, log *slog.Logger, dirs ...string) (*lockedOutputs, int) {
	unlock, err := lockDirs(append([]string{outDir}, dirs...)...)
	if err != nil {
		log.Error("lock", "error", err)
		if errors.Is(err, errHeld) {
			return nil, exitLocked
		}
		return nil, exitFatal
	}
	out, err := openOutputs(outDir)
	if err != nil {
		unlock()
		log.Error("output", "error", err)
		return nil, exitFatal
	}
	return &lockedOutputs{out, unlock}, exitOK
}

// inputError is an input that could not be used.
type inputError struct {
	path string
	err  error
}

func (e inputError) Error() string { return e.path + ": " + e.err.Error() }

// collectInputs expands folders and gives each file a format
// (extract.Formats): by extension, else by its first bytes. The same rule
// holds for named files and files in folders: a file that is neither is
// skipped with a log line, as are hidden files in folders (at debug
// level).
func collectInputs(args []string, log *slog.Logger) ([]extract.Source, []inputError) {
	var out []extract.Source
	var errs []inputError
	add := func(path string, size int64) {
		if f, ok := formatOf(path); ok {
			out = append(out, extract.Source{Path: path, Format: f, Size: size})
			return
		}
		log.Warn("skipped", "file", path, "reason", "not "+inputExtensions()+" and not sniffed as HTML or PDF")
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, inputError{arg, errors.Unwrap(err)})
			continue
		}
		if !st.IsDir() {
			add(arg, st.Size())
			continue
		}
		err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, inputError{path, err})
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && path != arg {
				log.Debug("skipped", "file", path, "reason", "hidden")
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				errs = append(errs, inputError{path, err})
				return nil
			}
			add(path, info.Size())
			return nil
		})
		if err != nil {
			errs = append(errs, inputError{arg, err})
		}
	}
	return out, errs
}

// dropDuplicates keeps the first of the sources with the same content
// (SHA-256) and logs the others as its duplicates. Only files of one size
// can be duplicates: a file whose size no other source has is not read
// here (the pipeline reads and hashes it once). Sizes are those of the
// files a symbolic link leads to, -1 when unknown. A file that cannot be
// read is kept, to fail in the pipeline.
func dropDuplicates(sources []extract.Source, log *slog.Logger) []extract.Source {
	size := make([]int64, len(sources))
	count := map[int64]int{}
	for i, s := range sources {
		size[i] = -1
		if st, err := os.Stat(s.Path); err == nil {
			size[i] = st.Size()
		}
		count[size[i]]++
	}
	first := map[string]string{}
	var kept []extract.Source
	for i, s := range sources {
		if count[size[i]] == 1 {
			kept = append(kept, s)
			continue
		}
		sum, err := extract.FileSHA256(s.Path)
		if err == nil {
			if f, ok := first[sum]; ok {
				log.Info("duplicate", "source", s.Path, "same_as", f)
				continue
			}
			first[sum] = s.Path
		}
		kept = append(kept, s)
	}
	return kept
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

// formatOf is the format of a file: by its extension, else by its first
// bytes; false when it is neither.
func formatOf(path string) (extract.Format, bool) {
	if f, ok := extract.FormatOfName(path); ok {
		return f, true
	}
	head := make([]byte, extract.SniffLen)
	if fh, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(fh, head)
		fh.Close()
		head = head[:n]
	}
	if spec, ok := extract.SniffFormat(head); ok {
		return spec.Format, true
	}
	return "", false
}

// extractAll extracts the sources, writes each report to OUT/<name>.json
// (uniqueNames) and adds it to dw as it is ready, so that no report stays
// in memory; it returns the end of the run: the failed documents and
// inputs, and whether the run is complete.
func extractAll(ctx context.Context, sources []extract.Source, inputErrs []inputError, opt Options, out *outputs, dw *output.DatasetWriter, st *status, log *slog.Logger) runEnd {
	ids, stems := make([]string, len(sources)), make([]string, len(sources))
	for i, s := range sources {
		ids[i], stems[i] = s.Path, s.Stem()
	}
	names := uniqueNames(ids, stems)
	docs := map[string]string{}
	var sum summary
	// The pipeline calls keep for one document at a time.
	_, errs := extractSources(ctx, sources, opt, nil, st, log, func(i int, rep *normalize.Report) error {
		if err := out.writeJSON(names[i], rep); err != nil {
			return err
		}
		docs[sources[i].Path] = rep.SHA256
		if len(needsReview(rep)) > 0 {
			sum.review = append(sum.review, sources[i].Name())
		}
		return dw.Add(rep)
	})
	var failed []string
	for i, err := range errs {
		if err != nil {
			dw.AddError(normalize.DocError{Source: sources[i].Name(), Error: err.Error()})
			failed = append(failed, sources[i].Path)
		}
	}
	for _, e := range inputErrs {
		dw.AddError(normalize.DocError{Source: e.path, Error: e.err.Error()})
		failed = append(failed, e.path)
	}
	slices.Sort(sum.review)
	sum.failed = len(failed)
	sum.created, sum.changed, sum.unchanged = out.changeCounts(docs)
	return runEnd{dw: dw, out: out, complete: out.complete(ctx.Err() != nil, failed), docs: docs, sum: sum}
}

// newDatasetWriter starts the dataset in the chosen format and the
// workbook; finish closes it into OUT or OUT/partial.
func newDatasetWriter(opt Options) (*output.DatasetWriter, error) {
	xlsx := opt.XLSX
	if xlsx == "-" {
		xlsx = ""
	}
	return output.NewDatasetWriter(output.DatasetOptions{
		Dir: opt.OutDir, Format: opt.Format, Dialect: output.CSVDialects[opt.Dialect], Workbook: xlsx, Generator: "begroot " + versionString(),
	})
}
