package ocr

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Limits on the external programs.
const (
	// waitDelay is how long Wait waits for the output pipes after the
	// process was killed; a program cannot keep the call open longer.
	waitDelay = 2 * time.Second
	// maxStderr is how much of a program's error output an error quotes.
	maxStderr = 300
)

// lookPath finds an external program or returns a *MissingError naming
// the package that provides it.
func lookPath(name string) (string, error) {
	p, err := exec.LookPath(name)
	if err != nil {
		m := programs[name]
		return "", &m
	}
	return p, nil
}

// withLimit is ctx with a time limit whose cause names the limit and
// wraps context.DeadlineExceeded.
func withLimit(ctx context.Context, d time.Duration, what string) (context.Context, context.CancelFunc) {
	return context.WithTimeoutCause(ctx, d, fmt.Errorf("time limit of %v %s: %w", d, what, context.DeadlineExceeded))
}

// run runs a program until it ends or ctx is done, and returns its
// standard output. When ctx ends the program and everything it started
// are killed (see killGroup) and the error wraps the context's cause.
// env entries are added to the environment.
func run(ctx context.Context, env []string, prog string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, prog, args...)
	setGroup(cmd)
	cmd.Cancel = func() error { return killGroup(cmd) }
	cmd.WaitDelay = waitDelay
	if len(env) > 0 {
		cmd.Env = append(cmd.Environ(), env...)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	name := filepath.Base(prog)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("%s stopped: %w", name, context.Cause(ctx))
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > maxStderr {
			msg = msg[:maxStderr] + "…"
		}
		if msg != "" {
			return nil, fmt.Errorf("%s: %v: %s", name, err, msg)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return stdout.Bytes(), nil
}
