//go:build race

package batik

// raceEnabled is true under the race detector, which allocates on its own
// and so breaks the allocation counts tests assert.
const raceEnabled = true
