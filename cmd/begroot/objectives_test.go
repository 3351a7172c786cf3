package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures"
)

// minOwnObjectivesF1 is the objectives F1 issue 10 asks for on documents
// nobody tuned the recognisers on.
const minOwnObjectivesF1 = 0.85

// TestOwnObjectivesScore runs the pipeline (without OCR) on the documents
// of our own objectives gold (fixtures/gold-own/objectives, documents of
// producers the shared gold does not cover) and scores it with score.py.
func TestOwnObjectivesScore(t *testing.T) {
	if testing.Short() {
		t.Skip("scoring runs the whole pipeline")
	}
	score := fixtures.Shared(t, "tools/score.py")
	fixtures.Program(t, "python3")
	gold := fixtures.Path("gold-own/objectives")
	files, err := filepath.Glob(filepath.Join(gold, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold in %s: %v", gold, err)
	}
	args := []string{"extract", "-q", "-ocr", "off", "--xlsx", "-", "-o", t.TempDir()}
	out := args[len(args)-1]
	for _, f := range files {
		var g struct {
			Path string `json:"path"`
		}
		readJSON(t, f, &g)
		rel, ok := strings.CutPrefix(g.Path, "shared/")
		if !ok {
			t.Fatalf("%s: path %q is not under shared/", f, g.Path)
		}
		args = append(args, fixtures.Shared(t, rel))
	}
	if code, log := runCLI(t, args...); code != exitOK {
		t.Fatalf("exit %d:\n%s", code, log)
	}
	f1s, res := scoreF1(t, score, gold, out)
	t.Logf("objectives F1 %.3f", f1s["objectives"])
	if f1s["objectives"] < minOwnObjectivesF1 {
		t.Errorf("objectives F1 %.3f < %.2f:\n%s", f1s["objectives"], minOwnObjectivesF1, res)
	}
}
