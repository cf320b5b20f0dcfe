//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// maxRSS returns the child's peak resident set in bytes.
func maxRSS(ps *os.ProcessState) float64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return float64(ru.Maxrss) // bytes there
	}
	return float64(ru.Maxrss) * 1024 // kilobytes on Linux and the BSDs
}
