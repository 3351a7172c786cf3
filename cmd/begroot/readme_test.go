package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/begroot/begroot/fixtures"
)

// TestREADMECommands keeps the README true: every indented
// "go run ./cmd/begroot …" line runs through run() (its -o into a temporary
// folder, paths from the repository root) and exits 0, and every indented
// "make X" line names a target of the Makefile.
func TestREADMECommands(t *testing.T) {
	root := filepath.Dir(fixtures.Dir())
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	makefile, err := os.ReadFile(filepath.Join(root, "Makefile"))
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, line := range strings.Split(string(readme), "\n") {
		if !strings.HasPrefix(line, "    ") {
			continue
		}
		fields := strings.Fields(line)
		switch {
		case len(fields) > 3 && fields[0] == "go" && fields[1] == "run" && fields[2] == "./cmd/begroot":
			args := fields[3:]
			for i, a := range args {
				switch {
				case i > 0 && args[i-1] == "-o":
					args[i] = t.TempDir()
				case !strings.HasPrefix(a, "-") && i > 0:
					args[i] = filepath.Join(root, a)
				}
			}
			if code, log := runCLI(t, args...); code != exitOK {
				t.Errorf("README: %s: exit %d\n%s", strings.TrimSpace(line), code, log)
			}
			ran++
		case len(fields) > 1 && fields[0] == "make":
			if !regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(fields[1]) + `:`).Match(makefile) {
				t.Errorf("README: %s: no such Makefile target", strings.TrimSpace(line))
			}
		}
	}
	if ran == 0 {
		t.Error("README: no go run ./cmd/begroot command found")
	}
}
