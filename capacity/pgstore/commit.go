package pgstore

import (
	"context"
	"slices"
	"sync"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
)

// Group commit: the commits that reach a Store while its previous batch
// is in the database are written together, in one transaction, in the
// order they arrived, each checked against the slots as the ones before it
// left them and answered on its own: a commit that does not fit fails
// alone, the others go on. Every Commit goes this way (a commit alone is
// a batch of one): there is no second path.

// Caps of one batch: at most maxBatch commits and, past the first
// commit, at most maxBatchRows lines and deltas in all.
const (
	maxBatch     = 64
	maxBatchRows = 20_000
)

// pending is one Commit in a batch, and its answer.
type pending struct {
	ctx  context.Context
	c    capacity.Change // checked; Deltas a sorted copy
	rows int
	wake chan struct{} // closed when answered, or when it is to lead
	lead bool          // set under group.mu: it runs the next batch
	out  capacity.Booking
	err  error
}

// group is the queue of commits waiting for a batch. One commit at a
// time leads: it runs batches from the front of the queue until its own
// is answered, then hands the lead to the first still waiting. Invariant:
// the queue is empty whenever no one leads.
type group struct {
	mu      sync.Mutex
	queue   []*pending
	leading bool
}

// Commit applies c as capacity.Store says, atomically, in a transaction
// it may share with commits of other goroutines (see the package doc,
// Group commit). It checks c with capacity.Change.Validate (an
// *capacity.InputError wrapping capacity.ErrInvalid or ErrOverflow)
// before any round trip; answers ErrExists (with the
// stored booking), ErrStale, ErrNotFound, ErrNoRoom and ErrInvalid (a sum
// below zero) in capacity's shape; and the package's errors for the
// connection. The context bounds the wait for a batch; once its batch has
// started, Commit waits for the batch's outcome (the statement timeout
// bounds it), so that it can say what happened.
//
// Cost: a batch is three round trips (BEGIN with the locks and reads,
// the slots, the writes with COMMIT), shared by its commits; O(lines +
// deltas) rows read and written per commit, plus the lines of the lapsed
// holds it releases. Safe for concurrent use.
func (s *Store) Commit(ctx context.Context, c capacity.Change) (capacity.Booking, error) {
	if s.err != nil {
		return capacity.Booking{}, s.err
	}
	if err := c.Validate(); err != nil {
		return capacity.Booking{}, err
	}
	bySlot := func(x, y capacity.SlotDelta) int { return x.Slot.Compare(y.Slot) }
	if !slices.IsSortedFunc(c.Deltas, bySlot) { // the Ledger's are: no copy
		c.Deltas = slices.Clone(c.Deltas)
		slices.SortFunc(c.Deltas, bySlot)
	}
	if err := ctx.Err(); err != nil {
		return capacity.Booking{}, s.wrap("key", msg.Quote(c.Booking.Key), true, err)
	}
	p := &pending{ctx: ctx, c: c, rows: len(c.Deltas) + len(c.Booking.Lines), wake: make(chan struct{})}
	s.group.mu.Lock()
	s.group.queue = append(s.group.queue, p)
	if !s.group.leading {
		s.group.leading, p.lead = true, true
	}
	first := p.lead
	s.group.mu.Unlock()
	if !first {
		// p.lead is read only after wake is closed (handOn sets it before
		// closing) or under the lock (leave).
		select {
		case <-p.wake:
		case <-ctx.Done():
			if s.leave(p) {
				return capacity.Booking{}, s.wrap("key", msg.Quote(c.Booking.Key), true, ctx.Err())
			}
			<-p.wake // its batch has started: wait for the outcome
		}
	}
	if p.lead {
		s.lead(p)
	}
	return p.out, p.err
}

// leave takes p out of the queue when no batch has taken it, handing on
// the lead if p was given it, and reports whether it did.
func (s *Store) leave(p *pending) bool {
	g := &s.group
	g.mu.Lock()
	defer g.mu.Unlock()
	i := slices.Index(g.queue, p)
	if i < 0 {
		return false
	}
	g.queue = slices.Delete(g.queue, i, i+1)
	if p.lead {
		p.lead = false
		s.handOn()
	}
	return true
}

// lead runs batches from the front of the queue until p is answered, then
// hands the lead on.
func (s *Store) lead(p *pending) {
	g := &s.group
	for {
		g.mu.Lock()
		batch := s.take()
		g.mu.Unlock()
		s.commitBatch(batch)
		g.mu.Lock()
		answered := false
		for _, q := range batch {
			if q == p {
				answered = true
			} else {
				close(q.wake)
			}
		}
		if answered {
			p.lead = false
			s.handOn()
			g.mu.Unlock()
			return
		}
		g.mu.Unlock()
	}
}

// handOn gives the lead to the first commit waiting, if any (g.mu held).
func (s *Store) handOn() {
	g := &s.group
	if len(g.queue) == 0 {
		g.leading = false
		return
	}
	next := g.queue[0]
	next.lead = true
	close(next.wake)
}

// take removes the next batch from the front of the queue (g.mu held):
// up to maxBatch commits and maxBatchRows rows, at least one.
func (s *Store) take() []*pending {
	g := &s.group
	n, rows := 0, 0
	for n < len(g.queue) && n < maxBatch {
		rows += g.queue[n].rows
		if n > 0 && rows > maxBatchRows {
			break
		}
		n++
	}
	batch := slices.Clone(g.queue[:n])
	g.queue = slices.Delete(g.queue, 0, n)
	return batch
}

// commitBatch writes the batch in one transaction, retried as a whole on
// a serialization failure, a deadlock or a connection lost before COMMIT,
// and sets each commit's answer. The transaction's context ends when
// every commit's context has ended.
func (s *Store) commitBatch(batch []*pending) {
	ctx, cancel := context.WithCancel(context.WithoutCancel(batch[0].ctx))
	defer cancel()
	var mu sync.Mutex
	live := len(batch)
	for _, p := range batch {
		stop := context.AfterFunc(p.ctx, func() {
			mu.Lock()
			defer mu.Unlock()
			if live--; live == 0 {
				cancel()
			}
		})
		defer stop()
	}
	key := batch[0].c.Booking.Key
	err := s.retry(ctx, "key", msg.Quote(key), true, func() error {
		return s.transact(ctx, func(t *txn) error { return s.writeBatch(ctx, t, batch) })
	})
	if err != nil {
		for _, p := range batch {
			p.out, p.err = capacity.Booking{}, s.reword(err, p.c.Booking.Key)
		}
	}
}

// reword returns a batch's error for one commit of it: naming its key.
func (s *Store) reword(err error, key string) error {
	if e, ok := err.(*Error); ok && e.Field == "key" {
		c := *e
		c.Value = msg.Quote(key)
		return &c
	}
	return err
}
