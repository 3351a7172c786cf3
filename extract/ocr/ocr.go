package ocr

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/begroot/begroot/extract"
)

// Options control rendering and recognition. Zero values get the defaults.
type Options struct {
	DPI         int           // render resolution; 0 means DefaultDPI
	PSM         int           // tesseract page segmentation mode; 0 means DefaultPSM
	Language    string        // tesseract -l value ("nld", "nld+eng"); "" means DefaultLanguage
	PageTimeout time.Duration // rendering plus recognition of one page; 0 means DefaultPageTimeout
	// KeepOrientation skips tesseract's orientation detection, which
	// turns sideways pages upright and costs about 2.5 s of CPU per page;
	// it runs only on pages whose first reading is poor (orient.go).
	KeepOrientation bool
	Mode            Mode // which pages Fill reads; "" means Auto
	Parallel        int  // pages of one document read at once; 0 means DefaultParallel
	// PageAllowance is how much later a document's time limit (a
	// context from WithTimeout) ends for each page read with OCR; 0
	// means DefaultPageAllowance.
	PageAllowance time.Duration
	// Tools, when set, looks the programs up once for all the documents
	// of a run; nil looks them up for each document.
	Tools *ToolCheck
	// Cache, when set, keeps each page read and gives it back to later
	// reads of the same page with the same options and programs; nil
	// reads every page.
	Cache *Cache
}

// Defaults, measured on the five Wassenaar screenshots (see doc.go).
const (
	// DefaultDPI is what tesseract's documentation asks for ("at least
	// 300 dpi"); it renders the screenshots a little above their own
	// 248 ppi (see doc.go for a coarser one at a lower resolution).
	DefaultDPI = 300
	// DefaultPSM is tesseract's fully automatic page segmentation (3).
	// Measured on the 2021 and 2023 screenshots against psm 4, 6, 11 and
	// 12 (see doc.go): 51 and 47 taakveld rows balance, against 51 and 42
	// for psm 11 and 12 and 3 and 0 for psm 4 and 6, which read each line
	// across both pages of a spread. It costs 12 s of CPU per page where
	// psm 11 costs 7-8.
	DefaultPSM = 3
	// DefaultLanguage is Dutch: the reports are Dutch and the Dutch model
	// reads digits, dots and minus signs as well as the English one.
	DefaultLanguage = "nld"
	// DefaultPageTimeout bounds one page: a two-page spread takes 13 s of
	// CPU, but 68 s on a 2-core machine shared with a load of 9; this
	// leaves room for slower machines while stopping a stuck program.
	DefaultPageTimeout = 5 * time.Minute
	// DefaultParallel is two pages at once: tesseract runs on one thread
	// (tesseractEnv), two keep a 2-core machine busy, and more would
	// compete with the pipeline's own document workers.
	DefaultParallel = 2
)

// applyDefaults fills in the zero fields.
func (o *Options) applyDefaults() {
	if o.DPI <= 0 {
		o.DPI = DefaultDPI
	}
	if o.PSM <= 0 {
		o.PSM = DefaultPSM
	}
	if o.Language == "" {
		o.Language = DefaultLanguage
	}
	if o.PageTimeout <= 0 {
		o.PageTimeout = DefaultPageTimeout
	}
	if o.Mode == "" {
		o.Mode = Auto
	}
	if o.Parallel <= 0 {
		o.Parallel = DefaultParallel
	}
	if o.PageAllowance <= 0 {
		o.PageAllowance = DefaultPageAllowance
	}
}

// tesseractEnv keeps tesseract on one thread: parallelism belongs to the
// orchestrator, which runs documents side by side, and OpenMP threads
// would compete with it for the same cores.
var tesseractEnv = []string{"OMP_THREAD_LIMIT=1"}

// infoTimeout bounds the page count and language queries, which take
// milliseconds.
const infoTimeout = 30 * time.Second

// Word is one recognised word.
type Word struct {
	Text           string
	X0, Y0, X1, Y1 float64 // box in points from the page's top-left, as extract.Pos
	Conf           float64 // tesseract's confidence, 0–100
	Block          int     // tesseract's block on the page: words it segmented together
}

// Page is the OCR result of one page. Its coordinates are those of the
// page as displayed (after /Rotate), turned upright: by Rotated degrees
// clockwise when its content lay sideways or upside down.
type Page struct {
	Number        int     // 1-based
	Width, Height float64 // size in points, upright
	Rotated       int     // 0, 90, 180 or 270
	Words         []Word
	Skipped       int           // malformed TSV rows left out
	Elapsed       time.Duration // rendering plus recognition
	// Picture says why an image-only page was not read: its image is a
	// photo or illustration ("photo") or nearly white ("blank"); see
	// picture.go. Only in Auto mode; the page then has no size or words.
	Picture string
	// Cached says the page came from Options.Cache; Elapsed is then the
	// time of the look-up.
	Cached bool
}

// Read renders the given 1-based pages of the PDF at path (all pages when
// pages is empty) with pdftoppm and recognises them with tesseract, up to
// opt.Parallel pages at once, each within opt.PageTimeout and ctx.
// Programs still running when ctx ends are killed; temporary images are
// removed. A missing program or language gives an error wrapping
// ErrNotInstalled; other errors are *extract.ParseError values naming the
// file and page. On an error the pages read before the first page that
// failed are returned too, in page order.
//
// When ctx holds a document's time limit from WithTimeout, Read extends
// it by opt.PageAllowance for each page (one at the start, the others
// once it knows the pages) and stops stageReserve before it, so that the
// pages read can still be recognised in time. Outside Force mode, image-only
// pages whose image is a photo or blank come back unread, with
// Page.Picture set. With opt.Cache, pages read before come from there
// (Page.Cached) and the pages read without an error are stored.
func Read(ctx context.Context, path string, pages []int, opt Options) ([]Page, error) {
	return readPages(ctx, path, "", pages, opt)
}

// readPages is Read of the PDF at path whose content has the hex SHA-256
// digest ("": readPages computes it when opt.Cache needs it). Pages in
// opt.Cache are taken from there; the others are read and stored.
func readPages(ctx context.Context, path, digest string, pages []int, opt Options) ([]Page, error) {
	opt.applyDefaults()
	extend(ctx, opt.PageAllowance) // the look-ups and the first page
	tools, err := opt.Tools.find(ctx, opt.Language)
	if err != nil {
		return nil, err
	}
	n, err := pageCount(ctx, tools.pdfinfo, path)
	if err != nil {
		return nil, &extract.ParseError{Source: path, Err: err}
	}
	if len(pages) == 0 {
		for i := 1; i <= n; i++ {
			pages = append(pages, i)
		}
	}
	for _, p := range pages {
		if p < 1 || p > n {
			return nil, &extract.ParseError{Source: path, Page: p, Err: fmt.Errorf("no such page: the file has %d", n)}
		}
	}
	out := make([]Page, len(pages))
	keys := make([]string, len(pages)) // "": not cached
	todo := make([]int, 0, len(pages)) // indexes of the pages to read
	cache := opt.Cache
	if cache != nil && tools.engine != "" && digest == "" {
		digest, _ = extract.FileSHA256(path) // unreadable here: pdfinfo's error came first
	}
	for i, p := range pages {
		if cache != nil && tools.engine != "" && digest != "" {
			start := time.Now()
			keys[i] = cache.key(digest, tools.engine, p, opt)
			if pg, ok := cache.load(keys[i], p); ok {
				pg.Elapsed = time.Since(start)
				out[i] = pg
				continue
			}
		}
		todo = append(todo, i)
	}
	if b, ok := ctx.Value(budgetKey{}).(*budget); ok {
		extend(b, time.Duration(len(todo)-1)*opt.PageAllowance) // the first page's came at the start
		d, _ := b.Deadline()
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadlineCause(ctx, d.Add(-stageReserve),
			fmt.Errorf("document time limit (--timeout, plus %v per OCR page): %w", opt.PageAllowance, context.DeadlineExceeded))
		defer cancel()
	}
	dir, err := os.MkdirTemp("", "begroot-ocr-")
	if err != nil {
		return nil, fmt.Errorf("ocr %s: %w", path, err)
	}
	defer os.RemoveAll(dir)
	// Workers take the pages in order; after a failure the pages not yet
	// done are stopped and left out.
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(opt.Parallel, len(todo)) {
		wg.Go(func() {
			for i := range next {
				var err error
				out[i], err = tools.page(ctx, dir, path, pages[i], opt)
				switch {
				case err == nil:
					if keys[i] != "" {
						cache.store(keys[i], out[i])
					}
				case ctx.Err() != nil && parent.Err() == nil:
					out[i] = Page{} // stopped after another page failed
				default:
					errs[i] = &extract.ParseError{Source: path, Page: pages[i], Err: err}
					cancel()
				}
			}
		})
	}
	for _, i := range todo {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range pages {
		if errs[i] != nil || out[i].Number == 0 {
			return out[:i], cmp.Or(firstError(errs), context.Cause(parent))
		}
	}
	return out, nil
}

// firstError is the first error of errs that is not nil.
func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// tools are the resolved program paths.
type tools struct {
	pdfinfo, pdftoppm, pdftotext, tesseract string
	// engine identifies the programs for the cache key (identify); ""
	// when their versions could not be read, which turns the cache off.
	engine string
}

// findTools looks up the programs and checks that tesseract has the
// languages asked for.
func findTools(ctx context.Context, language string) (tools, error) {
	var t tools
	// In a fixed order, so that the error names the same program each time.
	for _, p := range []struct {
		name string
		dst  *string
	}{{"tesseract", &t.tesseract}, {"pdftoppm", &t.pdftoppm}, {"pdfinfo", &t.pdfinfo}, {"pdftotext", &t.pdftotext}} {
		path, err := lookPath(p.name)
		if err != nil {
			return t, err
		}
		*p.dst = path
	}
	ctx, cancel := withLimit(ctx, infoTimeout, "to list languages")
	defer cancel()
	out, err := run(ctx, nil, t.tesseract, "--list-langs")
	if err != nil {
		return t, err
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(out), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, l := range strings.Split(language, "+") {
		if !have[l] {
			return t, languagePackage(l)
		}
	}
	t.engine = t.identify(ctx, language, out)
	return t, nil
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)\s*$`)

// pageCount asks pdfinfo for the number of pages.
func pageCount(ctx context.Context, pdfinfo, path string) (int, error) {
	ctx, cancel := withLimit(ctx, infoTimeout, "to count pages")
	defer cancel()
	out, err := run(ctx, nil, pdfinfo, path)
	if err != nil {
		return 0, err
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		return 0, errors.New("pdfinfo gives no page count")
	}
	return strconv.Atoi(string(m[1]))
}

// page renders one page to a grey image in dir, inverts its boxes of
// light text (unshade), recognises it and removes the image. Outside Force mode an image-only page whose image
// is a picture is left unread (Page.Picture).
func (t tools) page(ctx context.Context, dir, path string, number int, opt Options) (Page, error) {
	start := time.Now()
	ctx, cancel := withLimit(ctx, opt.PageTimeout, "per page")
	defer cancel()
	if opt.Mode != Force {
		kind, _, err := t.picture(ctx, path, number)
		if err != nil {
			return Page{}, err
		}
		if kind != "" {
			return Page{Number: number, Picture: kind, Elapsed: time.Since(start)}, nil
		}
	}
	base := filepath.Join(dir, "page"+strconv.Itoa(number))
	dpi := strconv.Itoa(opt.DPI)
	n := strconv.Itoa(number)
	var err error
	if _, err = run(ctx, nil, t.pdftoppm, "-r", dpi, "-gray", "-singlefile", "-f", n, "-l", n, path, base); err != nil {
		return Page{}, err
	}
	img := base + ".pgm"
	defer os.Remove(img)
	if err := preparePGM(img, opt.DPI); err != nil {
		return Page{}, err
	}
	tp, err := t.recognise(ctx, img, dpi, opt)
	if err != nil {
		return Page{}, err
	}
	// Orientation detection only when the first reading is poor: an
	// upright page reads well, a sideways one does not (orient.go).
	rotated := 0
	if !opt.KeepOrientation && !tp.upright() {
		if rotated, err = t.orientation(ctx, img, dpi); err != nil {
			return Page{}, err
		}
		if rotated != 0 {
			if err := rotatePGM(img, rotated); err != nil {
				return Page{}, err
			}
			if tp, err = t.recognise(ctx, img, dpi, opt); err != nil {
				return Page{}, err
			}
		}
	}
	p := tp.page(number, 72/float64(opt.DPI), time.Since(start))
	p.Rotated = rotated
	return p, nil
}

// recognise runs tesseract on the image file img and parses its TSV.
func (t tools) recognise(ctx context.Context, img, dpi string, opt Options) (tsvPage, error) {
	out, err := run(ctx, tesseractEnv, t.tesseract, img, "stdout", "--dpi", dpi, "--psm", strconv.Itoa(opt.PSM), "-l", opt.Language, "tsv")
	if err != nil {
		return tsvPage{}, err
	}
	return parseTSV(bytes.NewReader(out))
}

// page converts pixel boxes to points with scale (points per pixel) and
// cleans the words (see clean), dropping those that were rule marks only.
func (tp tsvPage) page(number int, scale float64, elapsed time.Duration) Page {
	p := Page{Number: number, Width: float64(tp.width) * scale, Height: float64(tp.height) * scale, Skipped: tp.skipped, Elapsed: elapsed}
	for _, w := range tp.words {
		text := clean(w.text)
		if text == "" {
			continue
		}
		p.Words = append(p.Words, Word{
			Text: text,
			X0:   float64(w.left) * scale, Y0: float64(w.top) * scale,
			X1: float64(w.left+w.width) * scale, Y1: float64(w.top+w.height) * scale,
			Conf: w.conf, Block: w.block,
		})
	}
	return p
}
