//go:build !race

package batik

const raceEnabled = false
