//go:build !unix

package main

import "os"

// maxRSS is unknown where the system does not report it.
func maxRSS(*os.ProcessState) float64 { return 0 }
