package mcf

import "testing"

// TestBlockSize pins the block search's block to LEMON's rule, about
// blockSizeFactor x sqrt(m) arcs and never under minBlockSize: 10 arcs up
// to 625 arcs, then 0.4 sqrt(m).
func TestBlockSize(t *testing.T) {
	for _, tt := range []struct{ give, want int }{{1, 10}, {100, 10}, {625, 10}, {10000, 40}, {1000000, 400}} {
		if got := newBlockSearch(tt.give).blockSize; got != tt.want {
			t.Errorf("block size for %d arcs: %d, want %d", tt.give, got, tt.want)
		}
	}
}
