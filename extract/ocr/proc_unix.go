//go:build unix

package ocr

import (
	"os/exec"
	"syscall"
)

// setGroup starts the program in a process group of its own, so that
// killGroup also reaches anything it starts.
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// killGroup kills the program's process group.
func killGroup(cmd *exec.Cmd) error {
	return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
}
