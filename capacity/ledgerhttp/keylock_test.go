package ledgerhttp

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestKeyLocks: one holder per key at a time, others free to go on, and
// nothing kept once the holders are done.
func TestKeyLocks(t *testing.T) {
	k := keyLocks{m: map[string]*keyLock{}}
	var inside [2]atomic.Int32
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			key := []string{"a", "b"}[i%2]
			defer k.lock(key)()
			n := inside[i%2].Add(1)
			assert.Equal(t, int32(1), n, "one holder of %s", key)
			inside[i%2].Add(-1)
		}()
	}
	wg.Wait()
	assert.Empty(t, k.m)
}
