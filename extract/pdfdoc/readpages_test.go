package pdfdoc

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/fixtures"
)

// TestWorkersSameOutput parses the generated PDFs and (when ../shared is
// present) the corpus PDFs with one page worker and with several: the
// documents, warnings and errors must be identical.
func TestWorkersSameOutput(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		t.Skip("one CPU: extra page workers never start")
	}
	paths, _ := filepath.Glob(fixtures.Path("pdf/*.pdf"))
	if dir := fixtures.SharedDir(); dir != "" {
		corpus, _ := filepath.Glob(filepath.Join(dir, "corpus/raw/*/*.pdf"))
		if testing.Short() && len(corpus) > 3 {
			corpus = corpus[:3]
		}
		paths = append(paths, corpus...)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			parse := func(workers int) string {
				doc, err := ParseContext(context.Background(), bytes.NewReader(data), int64(len(data)),
					extract.Source{Path: filepath.Base(path)}, Options{Workers: workers})
				out, jerr := json.Marshal(doc)
				if jerr != nil {
					t.Fatal(jerr)
				}
				if err != nil {
					out = append(out, err.Error()...)
				}
				return string(out)
			}
			if one, many := parse(1), parse(4); one != many {
				t.Errorf("output with 4 page workers differs from 1 worker (%d vs %d bytes)", len(many), len(one))
			}
		})
	}
}

// TestReadPagesStopsAtFirstError makes one page fail while several workers
// read: the document's error names that page, as with one worker.
func TestReadPagesStopsAtFirstError(t *testing.T) {
	data, err := os.ReadFile(fixtures.Path("pdf/bench-word.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { testHookPage = nil })
	for _, fail := range []int{1, 2, 5} {
		testHookPage = func(page int) {
			if page == fail {
				panic("boom")
			}
		}
		for _, workers := range []int{1, 4} {
			_, err := ParseContext(context.Background(), bytes.NewReader(data), int64(len(data)),
				extract.Source{Path: "w.pdf"}, Options{Workers: workers})
			want := "w.pdf: page " + strconv.Itoa(fail) + ": internal error: boom"
			if err == nil || err.Error() != want {
				t.Errorf("page %d fails, %d workers: error %v, want %q", fail, workers, err, want)
			}
		}
	}
}
