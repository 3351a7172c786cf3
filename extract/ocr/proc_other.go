//go:build !unix

package ocr

import "os/exec"

// setGroup does nothing where there are no process groups.
func setGroup(*exec.Cmd) {}

// killGroup kills the program itself.
func killGroup(cmd *exec.Cmd) error { return cmd.Process.Kill() }
