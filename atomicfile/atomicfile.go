// Package atomicfile replaces files whole or not at all. Every file begroot
// writes goes through it: the outputs of package output and the CLI
// (OUT/<stem>.json, dataset.json, the CSV files, begroot.xlsx) and the
// fetch cache (response bodies and their records). A run that fails or is
// interrupted half-way leaves the previous file in place, never half of a
// new one.
//
// Write fills a temporary file beside the target, in the same directory so
// that the rename cannot cross file systems:
//
//	OUT/.dataset.json.tmp123456   written, synced, closed, made 0644
//	OUT/dataset.json              then replaced by one rename
//
// It imports nothing from begroot, so any stage can use it without linking
// the others.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// perm is the mode of every file written: readable by all, as a plain
// os.WriteFile with the usual umask would leave it.
const perm = 0o644

// Write writes the file at path atomically: write fills a temporary file
// in path's directory (created when missing), which is synced and renamed
// over path only when write succeeds. On failure the temporary file is
// removed and path keeps its old content.
func Write(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp, perm); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// TempMaxAge is the age after which a temporary file of Write is left over
// from a killed run: no write of one file takes an hour.
const TempMaxAge = time.Hour

// Touch marks the file at path as used now, so that Prune keeps it; a
// file gone meanwhile is no error (a cache entry just read stays read).
func Touch(path string) {
	now := time.Now()
	os.Chtimes(path, now, now)
}

// Prune removes the files in dir (not its subfolders) last modified or
// touched more than maxAge before now, and the temporary files of Write
// left by killed runs, and returns how many it removed. It is for caches
// whose entries are written with Write and touched when used; a missing
// dir has nothing to remove.
func Prune(dir string, maxAge time.Duration, now time.Time) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || e.IsDir() {
			continue
		}
		age := now.Sub(info.ModTime())
		if strings.HasPrefix(e.Name(), ".") && age > TempMaxAge || age > maxAge {
			if os.Remove(filepath.Join(dir, e.Name())) == nil {
				removed++
			}
		}
	}
	return removed
}
