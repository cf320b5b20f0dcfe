package batik

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestChunked(t *testing.T) {
	var c chunked[int]
	assert.Nil(t, c.all(nil))
	odd := func(i int) bool { return i%2 == 1 }
	for _, n := range []int{1, chunkLen - 1, chunkLen, chunkLen + 1, 3*chunkLen + 7} {
		fill := func() *chunked[int] {
			var c chunked[int]
			for i := range n {
				c.add(i)
			}
			for i := range n {
				*c.at(i) *= 10 // changed in place
			}
			return &c
		}
		var want, wantOdd []int
		for i := range n {
			want = append(want, i*10)
			if odd(i) {
				wantOdd = append(wantOdd, i*10)
			}
		}
		c := fill()
		got := c.all(nil)
		assert.True(t, slices.Equal(want, got), "all of %d", n)
		assert.Equal(t, n, cap(got), "exactly sized")
		assert.Equal(t, 0, c.n, "dropped")
		assert.True(t, slices.Equal(wantOdd, fill().all(odd)), "odd of %d", n)
	}
	c = chunked[int]{}
	c.add(1)
	assert.Nil(t, c.all(func(int) bool { return false }))
}
