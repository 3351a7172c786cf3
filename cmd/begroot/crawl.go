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
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/fetch"
	"github.com/begroot/begroot/extract/ocr"
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
	// MaxHostTime is --max-host-time: what one host may take in a crawl.
	MaxHostTime time.Duration
	// MaxCacheAge is --max-cache-age: fetch cache entries not confirmed for
	// this long are removed.
	MaxCacheAge time.Duration
}

// defaultMaxHostTime is the time a host may take in a crawl: a few thousand
// pages at a few hundred ms each, plus PDFs; a slower host waits for the
// next night, reported as truncated.
const defaultMaxHostTime = 30 * time.Minute

// defaultMaxCacheAge is how long a fetch cache entry lives unconfirmed: two
// months of nightly runs keep the cache of a host that is down for weeks.
const defaultMaxCacheAge = 60 * 24 * time.Hour

// AddFlags registers the options on fs.
func (o *CrawlOptions) AddFlags(fs *flag.FlagSet) {
	o.Options.AddFlags(fs)
	fs.StringVar(&o.Sites, "sites", "", "CSV `file` with header gemeente,url and optional doc_type,year")
	fs.StringVar(&o.Cache, "cache", "", "fetch cache `dir`ectory (default the user cache dir/begroot)")
	fs.DurationVar(&o.Delay, "delay", time.Second, "pause between requests to one host (robots.txt Crawl-delay wins when larger; 0 for none)")
	fs.IntVar(&o.MaxPages, "max-pages", 2000, "documents per start URL")
	fs.DurationVar(&o.MaxHostTime, "max-host-time", defaultMaxHostTime, "time one host may take (its requests and retry waits); a host past it stops early and its reports say so")
	fs.DurationVar(&o.MaxCacheAge, "max-cache-age", defaultMaxCacheAge, "fetch cache entries not seen for this long are removed")
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
	case o.MaxHostTime <= 0:
		return fmt.Errorf("--max-host-time %s: want more than 0", o.MaxHostTime)
	case o.MaxCacheAge <= 0:
		return fmt.Errorf("--max-cache-age %s: want more than 0", o.MaxCacheAge)
	}
	if o.Cache == "" {
		dir, err := fetch.DefaultCacheDir()
		if err != nil {
			return fmt.Errorf("--cache: %w", err)
		}
		o.Cache = dir
	}
	if o.OCRCache == "" { // next to the fetch cache
		o.ocr.Cache = ocr.NewCache(filepath.Join(o.Cache, "ocr"))
	}
	return nil
}

// crawler turns the options into a fetch.Crawler reporting to log and
// counting documents on the status line; dead links and crawls stopped
// early are logged as warnings. Its run records are committed by
// the caller at the end of a complete run, and it takes no lock of its
// own: the caller holds the cache's for the whole run.
func (o *CrawlOptions) crawler(st *status, log *slog.Logger) *fetch.Crawler {
	delay := o.Delay
	if delay == 0 {
		delay = -1 // fetch's zero value means its default
	}
	return &fetch.Crawler{
		UserAgent:   o.UserAgent,
		Cache:       o.Cache,
		Delay:       delay,
		MaxPages:    o.MaxPages,
		MaxHostTime: o.MaxHostTime,
		MaxCacheAge: o.MaxCacheAge,
		Deferred:    true,
		NoLock:      true,
		OnFetched: func(r fetch.Result) {
			st.add()
			log.Debug("fetched", "url", r.Source.URL, "format", r.Source.Format, "unchanged", r.Unchanged)
		},
		OnSkipped: func(u, reason string) { log.Debug("skipped", "url", u, "reason", reason) },
		OnError:   func(u string, err error) { log.Error("fetch failed", "url", u, "error", err) },
		OnDead:    func(u, status string) { log.Warn("dead link", "url", u, "status", status) },
		OnTruncated: func(start string, t fetch.Truncation) {
			log.Warn("crawl stopped early", "start", start, "reason", t.Reason, "left", t.Left)
		},
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
			"DIR/<report>.json per report: the records of the documents a start URL reached\n"+
			"under one document root (/begroting-2024, /jaarstukken-2023), named after the\n"+
			"start URL or --sites gemeente plus the root unless the root holds the start URL,\n"+
			"DIR/documents/<stem>.json per document (its own report, named after the last\n"+
			"segment of its URL path without extension; a hash of the URL is added when the\n"+
			"name had to be cleaned or cut, or is shared), DIR/dataset.json, DIR/changes.json\n"+
			"(per start URL: its reports, what is new, changed, unchanged or removed since the\n"+
			"last complete crawl, its dead links, and why the crawl stopped early if it did) and\n"+
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
	go executableHash() // the report cache's key, hashed while the crawl waits on the network
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
	cache := newReportCache(filepath.Join(opt.Cache, "reports"), "ocr "+opt.OCR)
	reports, errs := extractSources(ctx, sources, opt.Options, cache, st, log, nil)
	markShells(sites, reports, log)
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
	groups := crawlReports(sites, targets)
	e, merged := crawlEnd(ctx, sites, targets, groups, reports, errs, out.outputs, dw)
	dir := out.setDir(e.complete)
	changes := make([]siteChanges, len(sites))
	for i, site := range sites {
		changes[i] = siteChanges{Reports: []string{}, Start: site.Start, Truncated: site.Truncated, Changes: site.Changes}
	}
	for _, g := range groups {
		changes[g.Site].Reports = append(changes[g.Site].Reports, g.ID)
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

// shellWarning is the finding of a page whose HTML is an app shell.
const shellWarning = "content is filled by JavaScript; nothing to extract"

// markShells adds shellWarning to the report of every document the crawler
// flagged as an app shell (reports holds them site after site, document
// after document), and logs it, so that such a page never passes as an
// empty report without a word.
func markShells(sites []fetch.Site, reports []*normalize.Report, log *slog.Logger) {
	k := 0
	for _, site := range sites {
		for _, d := range site.Docs {
			if rep := reports[k]; d.Shell && rep != nil {
				rep.Warnings = append(rep.Warnings, shellWarning)
				log.Warn("app shell", "url", d.Source.URL, "warning", shellWarning)
			}
			k++
		}
	}
}

// crawlReport is one report of a crawl: the documents that one start URL
// reached under one document root.
type crawlReport struct {
	ID   string // its file name without .json (reportIDs)
	Site int    // index of the site
	Root string // the document root (fetch.Result.Root)
	Docs []int  // indices of its documents in the run's documents, site after site
	Own  bool   // the root holds the start URL: the report is the start URL's own
}

// crawlReports groups the documents of each site by document root, the
// roots of a site in sorted order, and names the report of each group: a
// site of several roots is named by its gemeente alone, as the sites
// file's doc_type and year are not those of every report.
func crawlReports(sites []fetch.Site, targets []target) []crawlReport {
	var groups []crawlReport
	var keys []reportKey
	k := 0
	for i, site := range sites {
		byRoot := map[string][]int{}
		for _, d := range site.Docs {
			byRoot[d.Root] = append(byRoot[d.Root], k)
			k++
		}
		t := targets[i]
		if len(byRoot) > 1 {
			t.DocType, t.Year = "", 0
		}
		for _, root := range slices.Sorted(maps.Keys(byRoot)) {
			key := reportKey{target: t, Root: root}
			groups = append(groups, crawlReport{Site: i, Root: root, Docs: byRoot[root], Own: key.own()})
			keys = append(keys, key)
		}
	}
	for i, id := range reportIDs(keys) {
		groups[i].ID = id
	}
	return groups
}

// crawlEnd merges the reports of each group's documents into one report,
// adds them and the errors to dw, and tells what finish needs: the counts
// and whether the run is complete. It returns the merged reports too. The
// sites file's gemeente holds for every report of its site, its doc_type
// and year only when the site has a single report; else each report takes
// the vote of its pages. A site stopped early has that in the warnings of
// its reports and needs review.
func crawlEnd(ctx context.Context, sites []fetch.Site, targets []target, groups []crawlReport, reports []*normalize.Report, errs []error, out *outputs, dw *output.DatasetWriter) (runEnd, []*normalize.Report) {
	var merged []*normalize.Report
	docs := map[string]string{}
	var failed []string
	var sum summary
	var flat []fetch.Result // the documents, site after site
	truncated := false
	for _, site := range sites {
		for _, e := range site.Errors {
			dw.AddError(normalize.DocError{Source: e.URL, Error: e.Error()})
			failed = append(failed, e.URL)
		}
		for _, d := range site.Docs {
			k := len(flat)
			flat = append(flat, d)
			if err := errs[k]; err != nil {
				dw.AddError(normalize.DocError{Source: d.Source.URL, Error: err.Error()})
				failed = append(failed, d.Source.URL)
			} else {
				docs[d.Source.URL] = d.Source.SHA256
				if len(needsReview(reports[k])) > 0 {
					sum.review = append(sum.review, d.Source.URL)
				}
			}
		}
		if site.Truncated != nil {
			sum.review = append(sum.review, site.Start)
			truncated = true
		}
		sum.created += len(site.Changes.New)
		sum.changed += len(site.Changes.Changed)
		sum.unchanged += len(site.Changes.Unchanged)
	}
	roots := make([]int, len(sites))
	for _, g := range groups {
		roots[g.Site]++
	}
	for _, g := range groups {
		site, t := sites[g.Site], targets[g.Site]
		parts := make([]normalize.Part, len(g.Docs))
		for j, k := range g.Docs {
			parts[j] = normalize.Part{URL: flat[k].Source.URL, SHA256: flat[k].Source.SHA256, Report: reports[k]}
		}
		into := normalize.Report{
			Document: g.ID, Source: site.Start, URL: site.Start, Format: string(flat[g.Docs[0]].Source.Format),
			Gemeente: t.Gemeente,
		}
		if !g.Own {
			if u, err := url.Parse(site.Start); err == nil {
				into.URL = (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: g.Root}).String()
			}
		}
		if roots[g.Site] == 1 {
			into.DocType, into.Year = t.DocType, t.Year
		}
		rep := normalize.Merge(into, parts)
		if tr := site.Truncated; tr != nil {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("crawl stopped early (%s): %d URLs not fetched", tr.Reason, tr.Left))
		}
		if err := dw.Add(rep); err != nil {
			dw.AddError(normalize.DocError{Source: into.URL, Error: err.Error()})
			failed = append(failed, into.URL)
			continue
		}
		merged = append(merged, rep)
	}
	sum.failed = len(failed)
	return runEnd{dw: dw, out: out, complete: out.complete(ctx.Err() != nil, failed), truncated: truncated, docs: docs, sum: sum}, merged
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

// siteChanges is one entry of changes.json: what changed on one start
// URL's site, the reports made of it and why its crawl stopped early.
type siteChanges struct {
	Reports   []string          `json:"reports"` // the reports' file names without .json
	Start     string            `json:"start"`
	Truncated *fetch.Truncation `json:"truncated,omitempty"`
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

// reportKey is what a report is named after: its start URL with the sites
// file's words, and its document root.
type reportKey struct {
	target
	Root string
}

// own reports whether the root holds the start URL (or is the host's
// root), so that the start URL names the report alone.
func (k reportKey) own() bool {
	if k.Root == "/" {
		return true
	}
	u, err := url.Parse(k.URL)
	return err == nil && strings.HasPrefix(u.Path+"/", k.Root+"/")
}

// reportIDs names each report file: gemeente, doc_type and year from the
// sites file when it names the gemeente, else the start URL's host and
// path, then the document root unless it holds the start URL
// (lingewaard-begrotingsapp-nl-jaarstukken-2023). A name too long or
// reserved is cut and gets a hash of its start URL and root; "-2", "-3" are
// added when two reports share a name.
func reportIDs(keys []reportKey) []string {
	ids := make([]string, len(keys))
	seen := map[string]int{}
	for i, k := range keys {
		var id string
		if k.Gemeente != "" {
			parts := []string{k.Gemeente, k.DocType}
			if k.Year != 0 {
				parts = append(parts, strconv.Itoa(k.Year))
			}
			id = slug(strings.Join(parts, " "))
		} else if u, err := url.Parse(k.URL); err == nil {
			id = slug(u.Host + " " + u.Path)
		}
		name := k.URL // what the hash of a cut name is taken of
		if !k.own() {
			id = strings.TrimLeft(id+"-"+slug(k.Root), "-")
			name += " " + k.Root
		}
		if id == "" {
			id = "report"
		}
		if len(id) > maxStemBytes || reservedNames[id] {
			sum := sha256.Sum256([]byte(name))
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
