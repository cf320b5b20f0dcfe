package batik

// chunked keeps the records a reader accepts in chunks of a fixed size
// while it reads, so that no growing slice leaves copies of them behind,
// and returns them in one slice of their own size at the end.
type chunked[T any] struct {
	full [][]T
	cur  []T
	n    int
}

// chunkLen is how many records a chunk holds.
const chunkLen = 1024

func (c *chunked[T]) add(v T) {
	if len(c.cur) == cap(c.cur) {
		if c.cur != nil {
			c.full = append(c.full, c.cur)
		}
		c.cur = make([]T, 0, chunkLen)
	}
	c.cur = append(c.cur, v)
	c.n++
}

// at returns record i, for a change in place.
func (c *chunked[T]) at(i int) *T {
	if k := i / chunkLen; k < len(c.full) {
		return &c.full[k][i%chunkLen]
	}
	return &c.cur[i%chunkLen]
}

// all returns the records keep says to (every record when keep is nil),
// in the order they were added, in a slice of their number (nil for
// none), and drops the chunks.
func (c *chunked[T]) all(keep func(i int) bool) []T {
	n := c.n
	if keep != nil {
		n = 0
		for i := range c.n {
			if keep(i) {
				n++
			}
		}
	}
	var out []T
	if n > 0 {
		out = make([]T, 0, n)
	}
	c.full = append(c.full, c.cur)
	for k, ch := range c.full {
		for j := range ch {
			if i := k*chunkLen + j; n > 0 && (keep == nil || keep(i)) {
				out = append(out, ch[j])
			}
		}
		c.full[k] = nil // a chunk copied is garbage from here on
	}
	*c = chunked[T]{}
	return out
}
