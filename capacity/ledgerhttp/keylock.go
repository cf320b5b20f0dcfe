package ledgerhttp

import "sync"

// keyLocks serialises the requests of one key within the process.
type keyLocks struct {
	mu sync.Mutex
	m  map[string]*keyLock
}

// keyLock is one key's lock and how many requests hold or wait for it.
type keyLock struct {
	sync.Mutex
	n int
}

// lock locks key and returns its unlock. A key's entry lives while a
// request holds or waits for it, so the map holds at most as many keys as
// requests in flight. O(1).
func (k *keyLocks) lock(key string) (unlock func()) {
	k.mu.Lock()
	l := k.m[key]
	if l == nil {
		l = &keyLock{}
		k.m[key] = l
	}
	l.n++
	k.mu.Unlock()
	l.Lock()
	return func() {
		l.Unlock()
		k.mu.Lock()
		if l.n--; l.n == 0 {
			delete(k.m, key)
		}
		k.mu.Unlock()
	}
}
