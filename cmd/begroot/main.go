// Command begroot turns the planning & control reports of Dutch
// municipalities (begroting, jaarstukken, voorjaarsnota, voortgangs- of
// bestuursrapportage) into comparable data: JSON per document, a dataset
// and an Excel workbook.
//
// Usage:
//
//	begroot extract [flags] INPUT...   read files or folders (.txt, .html, .pdf)
//	begroot crawl [flags] URL...       crawl report sites and extract them
//	begroot dump FILE                  print the document model as JSON
//	begroot version
//
// Exit status: 0 ok, 1 fatal error, 2 usage error, 3 partial (some
// documents failed; the rest were written), 4 another run holds the lock of
// the output directory or cache, 130 interrupted.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=…"; without
// it versionString asks the build info.
var version = "dev"

// Exit codes.
const (
	exitOK          = 0
	exitFatal       = 1
	exitUsage       = 2
	exitPartial     = 3
	exitLocked      = 4
	exitInterrupted = 130
)

const usage = `begroot turns Dutch municipal P&C reports into data.

Usage:
  begroot extract [flags] INPUT...   files or folders: .txt, .html, .pdf
  begroot crawl [flags] URL...       crawl report sites, then extract
  begroot dump [-page N] FILE        print the document model as JSON
  begroot version

Run "begroot COMMAND -h" for a command's flags.

Exit status:
  0    ok
  1    fatal error (nothing or not everything could be written)
  2    usage error
  3    partial: some documents failed; they are listed, the rest is written
  4    another begroot run holds the lock of the output directory (or cache)
  130  interrupted
`

// gcPercent is the heap growth between collections, in percent of the live
// heap: twice Go's default, as most of a run's garbage is short-lived page
// data. Collecting half as often saves about a tenth of the CPU time of a
// 10-26 page PDF, for about a quarter more peak RSS (measured).
const gcPercent = 200

func main() {
	tuneGC(os.Getenv)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// tuneGC sets the collector to gcPercent unless the environment's GOGC
// chooses, and reports whether it did.
func tuneGC(getenv func(string) string) bool {
	if getenv("GOGC") != "" {
		return false
	}
	debug.SetGCPercent(gcPercent)
	return true
}

// run is begroot without the process: it parses args, does the work and
// returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "extract":
		return runExtract(ctx, args[1:], stdout, stderr)
	case "crawl":
		return runCrawl(ctx, args[1:], stdout, stderr)
	case "dump":
		return runDump(ctx, args[1:], stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintf(stdout, "begroot %s\n", versionString())
		return exitOK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "begroot: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// versionString is the version set at build time, else the module version
// (set by go install …@version) and the VCS revision from the build info.
func versionString() string {
	bi, ok := debug.ReadBuildInfo()
	if version != "dev" || !ok {
		return version
	}
	return versionFrom(bi)
}

// versionFrom is the version that bi tells: the module version, else
// "dev", with the VCS revision when known.
func versionFrom(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = version
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+modified"
			}
		}
	}
	if rev != "" {
		v += " (" + rev + modified + ")"
	}
	return v
}
