package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/fetch"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output"
)

// CrawlOptions are the flags of begroot crawl: the output options of
// extract plus those of the crawler.
type CrawlOptions struct {
	Options
	Sites     string        // --sites: CSV of gemeente,url[,doc_type,year]
	Cache     string        // --cache: fetch cache; "" means fetch.DefaultCacheDir
	Delay     time.Duration // --delay: pause between requests to a host; 0 for none
	MaxPages  int           // --max-pages: documents per start URL
	UserAgent string        // --user-agent
}

// AddFlags registers the options on fs.
func (o *CrawlOptions) AddFlags(fs *flag.FlagSet) {
	o.Options.AddFlags(fs)
	fs.StringVar(&o.Sites, "sites", "", "CSV `file` with header gemeente,url and optional doc_type,year")
	fs.StringVar(&o.Cache, "cache", "", "fetch cache `dir`ectory (default the user cache dir/begroot)")
	fs.DurationVar(&o.Delay, "delay", time.Second, "pause between requests to one host (robots.txt Crawl-delay wins when larger; 0 for none)")
	fs.IntVar(&o.MaxPages, "max-pages", 2000, "documents per start URL")
	fs.StringVar(&o.UserAgent, "user-agent", fetch.UserAgent(version), "User-Agent header; robots.txt rules are matched against its first word")
}

// applyDefaults fills in zero values and checks the options.
func (o *CrawlOptions) applyDefaults() error {
	if err := o.Options.applyDefaults(); err != nil {
		return err
	}
	switch {
	case o.Delay < 0:
		return fmt.Errorf("--delay %s: want 0 or more", o.Delay)
	case o.MaxPages < 1:
		return fmt.Errorf("--max-pages %d: want 1 or more", o.MaxPages)
	}
	if o.Cache == "" {
		dir, err := fetch.DefaultCacheDir()
		if err != nil {
			return fmt.Errorf("--cache: %w", err)
		}
		o.Cache = dir
	}
	return nil
}

// crawler turns the options into a fetch.Crawler reporting to log and
// counting documents on the status line. Its run records are committed by
// the caller at the end of a complete run, and it takes no lock of its
// own: the caller holds the cache's for the whole run.
func (o *CrawlOptions) crawler(st *status, log *slog.Logger) *fetch.Crawler {
	delay := o.Delay
	if delay == 0 {
		delay = -1 // fetch's zero value means its default
	}
	return &fetch.Crawler{
		UserAgent: o.UserAgent,
		Cache:     o.Cache,
		Delay:     delay,
		MaxPages:  o.MaxPages,
		Deferred:  true,
		NoLock:    true,
		OnFetched: func(r fetch.Result) {
			st.add()
			log.Debug("fetched", "url", r.Source.URL, "format", r.Source.Format, "unchanged", r.Unchanged)
		},
		OnSkipped: func(u, reason string) { log.Debug("skipped", "url", u, "reason", reason) },
		OnError:   func(u string, err error) { log.Error("fetch failed", "url", u, "error", err) },
	}
}

// sitesSniffLen is how much of a sites file is read to find the separator
// in its header line: any header of the columns begroot reads fits.
const sitesSniffLen = 4096

// target is one report to crawl: a start URL and what the sites file says
// about it.
type target struct {
	URL      string
	Gemeente string
	DocType  string
	Year     int
}

func runCrawl(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("begroot crawl", flag.ContinueOnError)
	var opt CrawlOptions
	opt.AddFlags(fs)
	usage := func(w io.Writer) {
		fmt.Fprint(w, "Usage: begroot crawl [flags] URL...\n\n"+
			"Crawls each report site from its start URL (politely: robots.txt, one request\n"+
			"at a time per host), extracts every page and PDF found, and writes\n"+
			"DIR/<report>.json per start URL (the records of all its documents),\n"+
			"DIR/documents/<stem>.json per document (its own report, named after the last\n"+
			"segment of its URL path without extension; a hash of the URL is added when the\n"+
			"name had to be cleaned or cut, or is shared), DIR/dataset.json, DIR/changes.json\n"+
			"(what is new, changed, unchanged or removed since the last complete crawl) and\n"+
			"DIR/begroot.xlsx. A run that is interrupted, or loses a document the last complete\n"+
			"run had, writes its reports, changes and dataset to DIR/partial instead.\n"+
			"Flags may follow the URLs; -- ends them.\n\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fmt.Fprint(w, exitStatusHelp)
	}
	urls, code, ok := parseArgs(fs, args, usage, stdout, stderr)
	if !ok {
		return code
	}
	targets, err := crawlTargets(opt.Sites, urls)
	if err == nil {
		err = opt.applyDefaults()
	}
	if err != nil {
		fmt.Fprintf(stderr, "begroot crawl: %v\n", err)
		return exitUsage
	}
	if len(targets) == 0 {
		fmt.Fprintln(stderr, "begroot crawl: no URL given")
		usage(stderr)
		return exitUsage
	}

	st := newStatus(stderr, opt.Options)
	defer st.stop()
	log := newLogger(st, opt.Options)
	out, code := openRun(opt.OutDir, log, opt.Cache)
	if out == nil {
		return code
	}
	defer out.unlock()
	starts := make([]string, len(targets))
	for i, t := range targets {
		starts[i] = t.URL
	}
	crawler := opt.crawler(st, log)
	st.start("fetching", 0)
	sites, err := crawler.Crawl(ctx, starts...)
	if ctx.Err() != nil {
		log.Error("interrupted while fetching: nothing written")
		return exitInterrupted
	}
	if err != nil {
		log.Error("crawl", "error", err)
		return exitFatal
	}

	var sources []extract.Source
	for _, site := range sites {
		for _, d := range site.Docs {
			sources = append(sources, d.Source)
		}
	}
	cache := newReportCache(filepath.Join(opt.Cache, "reports"))
	reports, errs := extractSources(ctx, sources, opt.Options, cache, st, log, nil)
	if err := writeDocuments(out.outputs, sites, reports); err != nil {
		log.Error("write document report", "error", err)
		return exitFatal
	}
	dw, err := newDatasetWriter(opt.Options)
	if err != nil {
		log.Error("write dataset", "error", err)
		return exitFatal
	}
	defer dw.Cleanup()
	e, merged := crawlEnd(ctx, sites, targets, reports, errs, out.outputs, dw)
	dir := out.setDir(e.complete)
	ids := reportIDs(targets)
	changes := make([]siteChanges, len(sites))
	for i, site := range sites {
		changes[i] = siteChanges{Report: ids[i], Start: site.Start, Changes: site.Changes}
	}
	for _, rep := range merged {
		write := out.writeJSON
		if !e.complete {
			write = func(rel string, v any) error {
				return atomicfile.Write(filepath.Join(dir, rel), func(w io.Writer) error { return output.WriteJSON(w, v) })
			}
		}
		if err := write(rep.Document+".json", rep); err != nil {
			log.Error("write report", "error", err)
			return exitFatal
		}
	}
	if err := atomicfile.Write(filepath.Join(dir, "changes.json"), func(w io.Writer) error {
		return output.WriteJSON(w, changes)
	}); err != nil {
		log.Error("write changes", "error", err)
		return exitFatal
	}
	e.commit = func() error {
		if n := cache.prune(time.Now()); n > 0 {
			log.Debug("report cache pruned", "files", n)
		}
		return crawler.Commit(sites)
	}
	return finish(ctx, e, opt.Options, st, log)
}

// crawlEnd merges the reports of each site into one report per start URL,
// adds them and the errors to dw, and tells what finish needs: the counts
// and whether the run is complete. It returns the merged reports too.
func crawlEnd(ctx context.Context, sites []fetch.Site, targets []target, reports []*normalize.Report, errs []error, out *outputs, dw *output.DatasetWriter) (runEnd, []*normalize.Report) {
	var merged []*normalize.Report
	ids := reportIDs(targets)
	docs := map[string]string{}
	var failed []string
	var sum summary
	k := 0 // index of a site's document in reports
	for i, site := range sites {
		for _, e := range site.Errors {
			dw.AddError(normalize.DocError{Source: e.URL, Error: e.Error()})
			failed = append(failed, e.URL)
		}
		parts := make([]normalize.Part, len(site.Docs))
		for j, d := range site.Docs {
			if err := errs[k]; err != nil {
				dw.AddError(normalize.DocError{Source: d.Source.URL, Error: err.Error()})
				failed = append(failed, d.Source.URL)
			} else {
				docs[d.Source.URL] = d.Source.SHA256
				if len(needsReview(reports[k])) > 0 {
					sum.review = append(sum.review, d.Source.URL)
				}
			}
			parts[j] = normalize.Part{URL: d.Source.URL, SHA256: d.Source.SHA256, Report: reports[k]}
			k++
		}
		sum.created += len(site.Changes.New)
		sum.changed += len(site.Changes.Changed)
		sum.unchanged += len(site.Changes.Unchanged)
		if len(site.Docs) == 0 {
			continue
		}
		t := targets[i]
		rep := normalize.Merge(normalize.Report{
			Document: ids[i], Source: site.Start, URL: site.Start, Format: string(site.Docs[0].Source.Format),
			Gemeente: t.Gemeente, DocType: t.DocType, Year: t.Year,
		}, parts)
		if err := dw.Add(rep); err != nil {
			dw.AddError(normalize.DocError{Source: site.Start, Error: err.Error()})
			failed = append(failed, site.Start)
			continue
		}
		merged = append(merged, rep)
	}
	sum.failed = len(failed)
	return runEnd{dw: dw, out: out, complete: out.complete(ctx.Err() != nil, failed), docs: docs, sum: sum}, merged
}

// writeDocuments writes the report of each extracted document (reports
// holds them site after site, document after document) to OUT/documents
// under the name documentNames gives it.
func writeDocuments(out *outputs, sites []fetch.Site, reports []*normalize.Report) error {
	k := 0
	for _, names := range documentNames(sites) {
		for _, name := range names {
			rep := reports[k]
			k++
			if name == "" || rep == nil {
				continue
			}
			if err := out.writeJSON(filepath.Join("documents", name), rep); err != nil {
				return err
			}
		}
	}
	return nil
}

// documentNames gives each fetched document, per site, its file name in
// DIR/documents: <stem>.json after the last segment of its URL path, made
// safe and unique the way begroot extract names its outputs (uniqueNames).
// A URL that two start URLs reach is written once, under the first; it
// gets "" in the others.
func documentNames(sites []fetch.Site) [][]string {
	var ids, stems []string
	first := map[string]bool{}
	for _, s := range sites {
		for _, d := range s.Docs {
			if first[d.Source.URL] {
				continue
			}
			first[d.Source.URL] = true
			p := d.Source.URL
			if u, err := url.Parse(p); err == nil {
				p = u.Path // the host stays out of the stem of a page at the root
			}
			ids, stems = append(ids, d.Source.URL), append(stems, extract.Source{URL: p}.Stem())
		}
	}
	flat := uniqueNames(ids, stems)
	names := make([][]string, len(sites))
	clear(first)
	k := 0
	for i, s := range sites {
		names[i] = make([]string, len(s.Docs))
		for j, d := range s.Docs {
			if first[d.Source.URL] {
				continue
			}
			first[d.Source.URL] = true
			names[i][j] = flat[k]
			k++
		}
	}
	return names
}

// siteChanges is one entry of changes.json.
type siteChanges struct {
	Report string `json:"report"` // the report's file name without .json
	Start  string `json:"start"`
	fetch.Changes
}

// crawlTargets reads the sites file, if any, and adds the URL arguments.
func crawlTargets(sitesFile string, urls []string) ([]target, error) {
	var targets []target
	if sitesFile != "" {
		f, err := os.Open(sitesFile)
		if err != nil {
			return nil, fmt.Errorf("--sites: %w", err)
		}
		defer f.Close()
		if targets, err = readSites(f); err != nil {
			return nil, fmt.Errorf("--sites %s: %w", sitesFile, err)
		}
	}
	for _, u := range urls {
		targets = append(targets, target{URL: u})
	}
	for _, t := range targets {
		if u, err := url.Parse(t.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%q is not an http(s) URL", t.URL)
		}
	}
	return targets, nil
}

// readSites reads a sites CSV: a header naming the columns gemeente and url,
// and optionally doc_type and year, in any order; other columns are ignored.
// The separator is a comma, or a semicolon (what Dutch Excel saves) when the
// header has semicolons and no commas.
func readSites(r io.Reader) ([]target, error) {
	br := bufio.NewReader(r)
	first, _ := br.Peek(sitesSniffLen)
	cr := csv.NewReader(br)
	if line, _, _ := bytes.Cut(first, []byte("\n")); bytes.Contains(line, []byte(";")) && !bytes.Contains(line, []byte(",")) {
		cr.Comma = ';'
	}
	cr.TrimLeadingSpace = true
	cr.Comment = '#'
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	col := map[string]int{}
	for i, name := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\uFEFF")))] = i
	}
	for _, need := range []string{"gemeente", "url"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("header %q has no column %s (want a header line such as gemeente,url or gemeente;url)", strings.Join(header, string(cr.Comma)), need)
		}
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var out []target
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		t := target{URL: field(rec, "url"), Gemeente: field(rec, "gemeente"), DocType: field(rec, "doc_type")}
		if y := field(rec, "year"); y != "" {
			if t.Year, err = strconv.Atoi(y); err != nil {
				return nil, fmt.Errorf("line %d: year %q is not a number", line, y)
			}
		}
		if t.URL == "" {
			return nil, fmt.Errorf("line %d: no url", line)
		}
		out = append(out, t)
	}
}

// reportIDs names each target's report file: gemeente, doc_type and year
// from the sites file when it names the gemeente, else the start URL's host
// and path; "-2", "-3" are added when two targets share a name.
func reportIDs(targets []target) []string {
	ids := make([]string, len(targets))
	seen := map[string]int{}
	for i, t := range targets {
		var id string
		if t.Gemeente != "" {
			parts := []string{t.Gemeente, t.DocType}
			if t.Year != 0 {
				parts = append(parts, strconv.Itoa(t.Year))
			}
			id = slug(strings.Join(parts, " "))
		} else if u, err := url.Parse(t.URL); err == nil {
			id = slug(u.Host + " " + u.Path)
		}
		if id == "" {
			id = "report"
		}
		if len(id) > maxStemBytes || reservedNames[id] {
			sum := sha256.Sum256([]byte(t.URL))
			id = strings.TrimRight(id[:min(len(id), maxStemBytes)], "-") + "-" + hex.EncodeToString(sum[:])[:hashLen]
		}
		if seen[id]++; seen[id] > 1 {
			id = fmt.Sprintf("%s-%d", id, seen[id])
		}
		ids[i] = id
	}
	return ids
}

// slug lowercases s and joins its runs of letters and digits with "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
