package main

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/begroot/begroot/fixtures"
)

// Resource bounds of the hostile batch, measured on the process: only on
// Linux, where Rusage.Maxrss is in KiB.
const (
	hostileMaxRSS = 1 << 30 // bytes of peak resident memory
	hostileMaxCPU = 1.5     // user+sys time per wall time, with one document at a time: a parse left running after its deadline would burn a second core
)

// TestHostileBatchResources builds begroot and runs the hostile batch in
// a process of its own, one document at a time, to measure its peak
// memory and CPU time. Repeat by hand with
//
//	go build -o /tmp/begroot ./cmd/begroot && /usr/bin/time -v /tmp/begroot extract -j 1 --timeout 10s -o /tmp/out INPUT...
func TestHostileBatchResources(t *testing.T) {
	if testing.Short() {
		t.Skip("builds begroot")
	}
	goTool := fixtures.Program(t, "go")
	bin := filepath.Join(t.TempDir(), "begroot")
	if b, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	out := t.TempDir()
	cmd := exec.Command(bin, append([]string{"extract", "-j", "1", "--timeout", hostileTimeout, "-o", out}, hostileInputs(t)...)...)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	rss := ru.Maxrss << 10
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	t.Logf("hostile batch, -j 1: wall %v, user+sys %v, peak RSS %d MiB", wall.Round(time.Millisecond), cpu.Round(time.Millisecond), rss>>20)
	if wall > hostileMaxWall {
		t.Errorf("the batch took %v, want under %v", wall, hostileMaxWall)
	}
	if rss >= hostileMaxRSS {
		t.Errorf("peak RSS %d MiB, want under %d MiB", rss>>20, hostileMaxRSS>>20)
	}
	if float64(cpu) > hostileMaxCPU*float64(wall) {
		t.Errorf("user+sys %v is more than %.1f × the wall time %v", cpu, hostileMaxCPU, wall)
	}
	checkHostileRun(t, cmd.ProcessState.ExitCode(), log.String(), out)
}
