package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/output"
)

// stateStem names OUT/run.json, the record of the last complete run.
const stateStem = "run"

// partialDir is the folder under OUT that holds the dataset, workbook (and
// for crawl the reports and changes.json) of a run that did not complete.
const partialDir = "partial"

// runState is OUT/run.json: what the last complete run read and wrote. It is
// written last, after every other output of the run.
type runState struct {
	Finished  time.Time         `json:"finished"`
	Documents map[string]string `json:"documents"` // input path or URL → SHA-256
	Outputs   []string          `json:"outputs"`   // per-document files written, relative to OUT
}

// outputs is the output directory of one run, locked for the run.
type outputs struct {
	dir     string
	prev    runState
	written []string
}

// openOutputs checks that dir can be written (before any work is done) and
// reads the state of the last complete run in it.
func openOutputs(dir string) (*outputs, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output directory: %w", err)
	}
	probe, err := os.CreateTemp(dir, ".begroot-probe*")
	if err != nil {
		return nil, fmt.Errorf("output directory %s is not writable: %w", dir, errors.Unwrap(err))
	}
	probe.Close()
	os.Remove(probe.Name())
	o := &outputs{dir: dir}
	o.removeTemp()
	data, err := os.ReadFile(o.statePath())
	if err == nil {
		err = json.Unmarshal(data, &o.prev)
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w (remove it to start afresh)", o.statePath(), err)
	}
	return o, nil
}

// removeTemp removes the temporary files of runs killed while writing
// (atomicfile names them .<name>.tmp<digits>); the run holds the lock, so
// no other run is writing them.
func (o *outputs) removeTemp() {
	for _, sub := range []string{".", "documents", partialDir} {
		temps, _ := filepath.Glob(filepath.Join(o.dir, sub, ".*.tmp*"))
		for _, t := range temps {
			os.Remove(t)
		}
	}
}

func (o *outputs) statePath() string { return filepath.Join(o.dir, stateStem+".json") }

// writeJSON writes v as OUT/rel atomically and remembers rel as an output
// of this run.
func (o *outputs) writeJSON(rel string, v any) error {
	err := atomicfile.Write(filepath.Join(o.dir, rel), func(w io.Writer) error { return output.WriteJSON(w, v) })
	if err == nil {
		o.written = append(o.written, filepath.ToSlash(rel))
	}
	return err
}

// complete tells whether a run replaces the last complete set: it was not
// interrupted and none of the inputs that failed had a result in the last
// complete run (an input that always fails does not hold the data back; one
// that worked before and fails now would lose it).
func (o *outputs) complete(interrupted bool, failed []string) bool {
	if interrupted {
		return false
	}
	for _, f := range failed {
		if _, ok := o.prev.Documents[f]; ok {
			return false
		}
	}
	return true
}

// setDir is where the dataset of a run goes: OUT for a complete run,
// OUT/partial otherwise.
func (o *outputs) setDir(complete bool) string {
	if complete {
		return o.dir
	}
	return filepath.Join(o.dir, partialDir)
}

// commit ends a complete run: it removes the per-document files of the
// last complete run that this run did not write (inputs no longer in the
// run) and the partial set of an earlier run, then records docs (input →
// SHA-256) and this run's outputs in OUT/run.json. A truncated run (a crawl
// stopped early) may not have reached the inputs of those files: it keeps
// them and their inputs in the record, for a later full run to judge.
func (o *outputs) commit(docs map[string]string, truncated bool, log *slog.Logger) error {
	for _, rel := range o.prev.Outputs {
		switch {
		case slices.Contains(o.written, rel):
		case truncated:
			o.written = append(o.written, rel)
		case filepath.IsLocal(filepath.FromSlash(rel)):
			if err := os.Remove(filepath.Join(o.dir, filepath.FromSlash(rel))); err == nil {
				log.Info("removed stale output", "file", rel)
			}
		}
	}
	if truncated {
		docs = maps.Clone(docs)
		for k, sum := range o.prev.Documents {
			if _, ok := docs[k]; !ok {
				docs[k] = sum
			}
		}
	}
	if err := os.RemoveAll(filepath.Join(o.dir, partialDir)); err != nil {
		return err
	}
	slices.Sort(o.written)
	st := runState{Finished: time.Now().UTC(), Documents: docs, Outputs: slices.Compact(o.written)}
	return atomicfile.Write(o.statePath(), func(w io.Writer) error { return output.WriteJSON(w, st) })
}

// changeCounts counts the documents of docs (input → SHA-256) that are new,
// changed or unchanged since the last complete run.
func (o *outputs) changeCounts(docs map[string]string) (created, changed, unchanged int) {
	for k, sum := range docs {
		switch old, ok := o.prev.Documents[k]; {
		case !ok:
			created++
		case old != sum:
			changed++
		default:
			unchanged++
		}
	}
	return created, changed, unchanged
}
