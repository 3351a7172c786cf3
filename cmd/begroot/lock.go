package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// lockName is the lock file begroot keeps in the output directory and the
// fetch cache. It stays after the run; only the OS lock on it counts, and
// the OS drops that lock when the process ends, however it ends.
const lockName = ".begroot.lock"

// errHeld is the error of a directory another run holds.
var errHeld = errors.New("another begroot run holds the lock")

// lockDirs takes the lock of each directory (created when missing) for the
// whole run. unlock releases them all.
func lockDirs(dirs ...string) (unlock func(), err error) {
	var files []*os.File
	unlock = func() {
		for _, f := range files {
			f.Close() // closing the file releases its lock
		}
	}
	for _, dir := range dirs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			unlock()
			return nil, err
		}
		path := filepath.Join(dir, lockName)
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			unlock()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		files = append(files, f)
		if err := lockFile(f); err != nil {
			unlock()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
	}
	return unlock, nil
}
