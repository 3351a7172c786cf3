package main

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
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

// crawler turns the options into a fetch.Crawler reporting to log.
func (o *CrawlOptions) crawler(log *slog.Logger) *fetch.Crawler {
	delay := o.Delay
	if delay == 0 {
		delay = -1 // fetch's zero value means its default
	}
	return &fetch.Crawler{
		UserAgent: o.UserAgent,
		Cache:     o.Cache,
		Delay:     delay,
		MaxPages:  o.MaxPages,
		OnFetched: func(r fetch.Result) {
			log.Debug("fetched", "url", r.Source.URL, "format", r.Source.Format, "unchanged", r.Unchanged)
		},
		OnSkipped: func(u, reason string) { log.Debug("skipped", "url", u, "reason", reason) },
		OnError:   func(u string, err error) { log.Error("fetch failed", "url", u, "error", err) },
	}
}

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
	fs.SetOutput(stderr)
	var opt CrawlOptions
	opt.AddFlags(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: begroot crawl [flags] URL...\n\n"+
			"Crawls each report site from its start URL (politely: robots.txt, one request\n"+
			"at a time per host), extracts every page and PDF found, and writes\n"+
			"DIR/<report>.json per start URL (the records of all its documents),\n"+
			"DIR/documents/<stem>.json per document (its own report, named after the last\n"+
			"segment of its URL path without extension, -2, -3 added when two share a name),\n"+
			"DIR/dataset.json, DIR/changes.json (what is new, changed, unchanged or removed\n"+
			"since the last crawl) and DIR/begroot.xlsx.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExit status: 0 ok, 1 fatal, 2 usage, 3 partial (some documents failed), 130 interrupted.\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	targets, err := crawlTargets(opt.Sites, fs.Args())
	if err == nil {
		err = opt.applyDefaults()
	}
	if err != nil {
		fmt.Fprintf(stderr, "begroot crawl: %v\n", err)
		return exitUsage
	}
	if len(targets) == 0 {
		fmt.Fprintln(stderr, "begroot crawl: no URL given")
		fs.Usage()
		return exitUsage
	}

	log := newLogger(stderr, opt.Options)
	starts := make([]string, len(targets))
	for i, t := range targets {
		starts[i] = t.URL
	}
	sites, err := opt.crawler(log).Crawl(ctx, starts...)
	if ctx.Err() != nil {
		log.Error("interrupted")
		return exitInterrupted
	}
	if err != nil {
		log.Error("crawl", "error", err)
		return exitFatal
	}

	ds := &normalize.Dataset{Generator: "begroot " + version}
	pages, failed := extractPages(ctx, sites, opt, log, stderr)
	if err := writeDocuments(opt.OutDir, sites, pages); err != nil {
		log.Error("write document report", "error", err)
		return exitFatal
	}
	ids := reportIDs(targets)
	changes := make([]siteChanges, len(sites))
	for i, site := range sites {
		for _, e := range site.Errors {
			ds.Errors = append(ds.Errors, normalize.DocError{Source: e.URL, Error: e.Error()})
		}
		for j, d := range site.Docs {
			if err := pages[i][j].err; err != nil {
				ds.Errors = append(ds.Errors, normalize.DocError{Source: d.Source.URL, Error: err.Error()})
			}
		}
		failed += len(site.Errors)
		changes[i] = siteChanges{Report: ids[i], Start: site.Start, Changes: site.Changes}
		if len(site.Docs) == 0 {
			continue
		}
		rep := mergeReports(ids[i], targets[i], site, pages[i])
		if err := atomicfile.Write(filepath.Join(opt.OutDir, ids[i]+".json"), func(w io.Writer) error {
			return output.WriteJSON(w, rep)
		}); err != nil {
			log.Error("write report", "error", err)
			return exitFatal
		}
		ds.Documents = append(ds.Documents, *rep)
	}
	if err := atomicfile.Write(filepath.Join(opt.OutDir, "changes.json"), func(w io.Writer) error {
		return output.WriteJSON(w, changes)
	}); err != nil {
		log.Error("write changes", "error", err)
		return exitFatal
	}
	return finish(ctx, ds, opt.Options, log, failed)
}

// writeDocuments writes the report of each extracted document to
// dir/documents under the name documentNames gives it.
func writeDocuments(dir string, sites []fetch.Site, pages [][]pageResult) error {
	names := documentNames(sites)
	for i := range sites {
		for j, name := range names[i] {
			rep := pages[i][j].rep
			if name == "" || rep == nil {
				continue
			}
			if err := atomicfile.Write(filepath.Join(dir, "documents", name), func(w io.Writer) error {
				return output.WriteJSON(w, rep)
			}); err != nil {
				return err
			}
		}
	}
	return nil
}

// documentNames gives each fetched document, per site, its file name in
// DIR/documents: <stem>.json after the last segment of its URL path, made
// unique the way begroot extract names its outputs. A URL that two start
// URLs reach is written once, under the first; it gets "" in the others.
func documentNames(sites []fetch.Site) [][]string {
	var paths []extract.Source
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
			paths = append(paths, extract.Source{URL: p})
		}
	}
	flat := outputNames(paths)
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
func readSites(r io.Reader) ([]target, error) {
	cr := csv.NewReader(r)
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
			return nil, fmt.Errorf("header %q has no column %s", strings.Join(header, ","), need)
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

// pageResult is the extraction of one fetched document.
type pageResult struct {
	rep *normalize.Report
	err error
}

// extractPages extracts every fetched document with opt.Jobs workers, the
// same way begroot extract reads a file. A document whose bytes and URL were
// extracted before by this version of begroot reuses that result from the
// cache's reports/ folder, so an unchanged site gives identical reports. It
// returns the results per site and document, and the number that failed.
func extractPages(ctx context.Context, sites []fetch.Site, opt CrawlOptions, log *slog.Logger, stderr io.Writer) ([][]pageResult, int) {
	type job struct{ site, doc int }
	var jobs []job
	results := make([][]pageResult, len(sites))
	for i, s := range sites {
		results[i] = make([]pageResult, len(s.Docs))
		for j := range s.Docs {
			jobs = append(jobs, job{i, j})
		}
	}
	progress := newProgress(stderr, len(jobs), opt.Options)
	queue := make(chan job)
	var wg sync.WaitGroup
	for range opt.Jobs {
		wg.Go(func() {
			for jb := range queue {
				src := sites[jb.site].Docs[jb.doc].Source
				rep, err := extractCached(ctx, src, opt)
				results[jb.site][jb.doc] = pageResult{rep, err}
				progress.done(src, rep, err, log)
			}
		})
	}
	for _, jb := range jobs {
		if ctx.Err() != nil {
			results[jb.site][jb.doc].err = ctx.Err()
			continue
		}
		queue <- jb
	}
	close(queue)
	wg.Wait()
	progress.finish()
	failed := 0
	for _, rs := range results {
		for _, r := range rs {
			if r.err != nil {
				failed++
			}
		}
	}
	return results, failed
}

// extractCached returns the report of a fetched document from the reports
// cache, or extracts it and stores it there.
func extractCached(ctx context.Context, src extract.Source, opt CrawlOptions) (*normalize.Report, error) {
	key := sha256.Sum256([]byte(strings.Join([]string{version, buildRevision(), src.URL, src.SHA256}, "\n")))
	path := filepath.Join(opt.Cache, "reports", hex.EncodeToString(key[:16])+".json")
	if data, err := os.ReadFile(path); err == nil {
		var rep normalize.Report
		if json.Unmarshal(data, &rep) == nil {
			return &rep, nil
		}
	}
	rep, err := extractDocument(ctx, src, opt.Timeout)
	if err != nil {
		return nil, err
	}
	if err := atomicfile.Write(path, func(w io.Writer) error { return output.WriteJSON(w, rep) }); err != nil {
		return nil, err
	}
	return rep, nil
}

// buildRevision is the VCS revision begroot was built from, so that cached
// reports of one build are not reused by another.
func buildRevision() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	return rev + modified
}

// mergeReports joins the reports of a site's documents into the report of
// the site: the records of every page in crawl order, each with its URL.
// The sites file's gemeente, doc_type and year win; otherwise the values
// most pages agree on are taken.
func mergeReports(id string, t target, site fetch.Site, pages []pageResult) *normalize.Report {
	rep := &normalize.Report{
		Document:   id,
		Source:     site.Start,
		URL:        site.Start,
		Format:     string(site.Docs[0].Source.Format),
		Financial:  []normalize.Financial{},
		Indicators: []normalize.Indicator{},
		Objectives: []normalize.Objective{},
		Checks:     []normalize.Check{},
	}
	sum := sha256.New()
	var gemeente, cbs, docType votes
	var year voteInts
	for i, d := range site.Docs {
		fmt.Fprintf(sum, "%s %s\n", d.Source.URL, d.Source.SHA256)
		p := pages[i].rep
		if p == nil {
			continue
		}
		u := d.Source.URL
		gemeente.add(p.Gemeente)
		cbs.add(p.CBSCode)
		docType.add(p.DocType)
		rep.Title = cmp.Or(rep.Title, p.Title)
		year.add(p.Year)
		rep.Pages += p.Pages
		for _, f := range p.Financial {
			f.URL = cmp.Or(f.URL, u)
			rep.Financial = append(rep.Financial, f)
		}
		for _, in := range p.Indicators {
			in.URL = cmp.Or(in.URL, u)
			rep.Indicators = append(rep.Indicators, in)
		}
		for _, o := range p.Objectives {
			o.URL = cmp.Or(o.URL, u)
			rep.Objectives = append(rep.Objectives, o)
		}
		for _, c := range p.Checks {
			c.URL = cmp.Or(c.URL, u)
			rep.Checks = append(rep.Checks, c)
		}
		for _, w := range p.Warnings {
			rep.Warnings = append(rep.Warnings, u+": "+w)
		}
	}
	rep.SHA256 = hex.EncodeToString(sum.Sum(nil))
	rep.Gemeente = cmp.Or(t.Gemeente, gemeente.top())
	rep.CBSCode = cbs.top()
	rep.DocType = cmp.Or(t.DocType, docType.top())
	rep.Year = t.Year
	if rep.Year == 0 {
		rep.Year = year.top()
	}
	return rep
}

// votes counts non-empty strings; top is the most frequent, the first seen
// on a tie.
type votes struct {
	count map[string]int
	order []string
}

func (v *votes) add(s string) {
	if s == "" {
		return
	}
	if v.count == nil {
		v.count = map[string]int{}
	}
	if v.count[s] == 0 {
		v.order = append(v.order, s)
	}
	v.count[s]++
}

func (v *votes) top() string {
	best := ""
	for _, s := range v.order {
		if v.count[s] > v.count[best] {
			best = s
		}
	}
	return best
}

// voteInts is votes for non-zero numbers.
type voteInts struct{ votes }

func (v *voteInts) add(n int) {
	if n != 0 {
		v.votes.add(strconv.Itoa(n))
	}
}

func (v *voteInts) top() int {
	n, _ := strconv.Atoi(v.votes.top())
	return n
}
