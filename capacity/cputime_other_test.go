//go:build !unix

package capacity_test

import "time"

// cpuTime is not measured here; the cpu-ns/order metric reads 0.
func cpuTime() time.Duration { return 0 }
