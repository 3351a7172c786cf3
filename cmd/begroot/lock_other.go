//go:build !unix && !windows

package main

import "os"

// lockFile does nothing where the OS offers no file lock (wasm, plan9):
// overlapping runs are not kept apart there.
func lockFile(*os.File) error { return nil }
