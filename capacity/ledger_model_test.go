package capacity_test

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/require"
)

var long = flag.Bool("ledger.long", false, "run the ledger's model and property tests with long sequences")

// model is the ledger as a plain sequential map: bookings by key, the
// calendar, and free capacity computed by summing every taking booking's
// lines, with no store, no snapshot and no deltas.
type model struct {
	ps       []batik.Producer
	bookings map[string]*mbooking
	cal      map[capacity.Slot]int // technique "" for the whole producer
}

type mbooking struct {
	req   capacity.BookRequest
	state capacity.State
	until time.Time
	lines []capacity.BookingLine
	unf   map[string]int
}

func (m *model) stateAt(b *mbooking, now time.Time) capacity.State {
	if b.state == capacity.Held && !b.until.After(now) {
		return capacity.Expired
	}
	return b.state
}

func (m *model) capacity(s capacity.Slot) int {
	if v, ok := m.cal[s]; ok {
		return v
	}
	if v, ok := m.cal[capacity.Slot{ProducerID: s.ProducerID, Week: s.Week}]; ok {
		return v
	}
	for i := range m.ps {
		if m.ps[i].ID == s.ProducerID {
			c, _ := m.ps[i].Capability(s.Technique)
			return c.PerWeek
		}
	}
	return 0
}

// taken returns held, confirmed and delivered pieces of a slot at now.
func (m *model) taken(s capacity.Slot, now time.Time) (held, confirmed, delivered int) {
	for _, b := range m.bookings {
		st := m.stateAt(b, now)
		for _, ln := range b.lines {
			if ln.Slot != s {
				continue
			}
			switch st {
			case capacity.Held:
				held += ln.Quantity
			case capacity.Confirmed:
				confirmed += ln.Quantity
				delivered += ln.Delivered
			}
		}
	}
	return
}

// modelFree is the model's FreeCapacity, minus what a plan in progress
// has laid.
type modelFree struct {
	m    *model
	now  time.Time
	used map[capacity.Slot]int
	last capacity.Week // no capacity after it, when set
}

func (f modelFree) Free(id string, t batik.Technique, w capacity.Week) int {
	if !f.last.IsZero() && f.last.Before(w) {
		return 0
	}
	s := capacity.Slot{ProducerID: id, Technique: t, Week: w}
	h, c, _ := f.m.taken(s, f.now)
	return max(f.m.capacity(s)-h-c-f.used[s], 0)
}

func (m *model) book(r capacity.BookRequest, now time.Time) (*mbooking, error) {
	if b, ok := m.bookings[r.Key]; ok {
		a, c := b.req, r
		a.MinLot, c.MinLot = max(a.MinLot, 1), max(c.MinLot, 1)
		if fmt.Sprint(a) == fmt.Sprint(c) {
			return b, nil
		}
		return nil, capacity.ErrConflict
	}
	free := modelFree{m: m, now: now, used: map[capacity.Slot]int{}}
	if len(r.Orders) > 1 && r.Weeks > 0 {
		free.last = r.From.Add(r.Weeks - 1)
	}
	b := &mbooking{req: r, state: capacity.Confirmed, unf: map[string]int{}}
	if !r.HoldUntil.IsZero() {
		b.state, b.until = capacity.Held, r.HoldUntil
	}
	if len(r.Orders) == 1 {
		o := r.Orders[0]
		n := max(r.Weeks, 1)
		if !o.Due.IsZero() {
			n = min(n, capacity.LastOnTime(o.Due).Sub(r.From)+1)
		}
		if n <= 0 {
			b.unf[o.ID] = o.Quantity
		} else {
			p, err := capacity.Allocate(o, r.Producers, capacity.AllocateOptions{Policy: r.Policy, Weeks: n, MinLot: r.MinLot, From: r.From, Free: free})
			if err != nil {
				return nil, err
			}
			for _, pl := range p.Lines {
				q := pl.Quantity
				for k := 0; k < n && q > 0; k++ {
					s := capacity.Slot{ProducerID: pl.ProducerID, Technique: o.Technique, Week: r.From.Add(k)}
					take := min(free.Free(s.ProducerID, s.Technique, s.Week), q)
					if take > 0 {
						b.lines = append(b.lines, capacity.BookingLine{OrderID: o.ID, Slot: s, Quantity: take, UnitCost: pl.UnitCost})
						free.used[s] += take
						q -= take
					}
				}
			}
			if p.Unfilled > 0 {
				b.unf[o.ID] = p.Unfilled
			}
		}
	} else {
		tt, err := capacity.Schedule(r.Orders, r.Producers, capacity.ScheduleOptions{From: r.From, Spread: r.Spread, Free: free})
		if err != nil {
			return nil, err
		}
		for _, a := range tt.Assignments {
			tech := batik.Technique("")
			for _, o := range r.Orders {
				if o.ID == a.OrderID {
					tech = o.Technique
				}
			}
			b.lines = append(b.lines, capacity.BookingLine{OrderID: a.OrderID, Slot: capacity.Slot{ProducerID: a.ProducerID, Technique: tech, Week: a.Week},
				Quantity: a.Quantity, UnitCost: a.UnitCost})
		}
		for k, v := range tt.Unfilled {
			b.unf[k] = v
		}
	}
	slices.SortFunc(b.lines, func(x, y capacity.BookingLine) int {
		if x.OrderID != y.OrderID {
			if x.OrderID < y.OrderID {
				return -1
			}
			return 1
		}
		return x.Slot.Compare(y.Slot)
	})
	m.bookings[r.Key] = b
	return b, nil
}

func (m *model) transition(key string, now time.Time, op string) (*mbooking, error) {
	b, ok := m.bookings[key]
	if !ok {
		return nil, capacity.ErrNotFound
	}
	st := m.stateAt(b, now)
	switch {
	case op == "confirm" && st == capacity.Confirmed, op == "cancel" && st == capacity.Cancelled:
		return b, nil
	case op == "confirm" && st == capacity.Held:
		b.state, b.until = capacity.Confirmed, time.Time{}
	case op == "cancel" && (st == capacity.Held || st == capacity.Confirmed):
		b.state, b.until = capacity.Cancelled, time.Time{}
	default:
		return nil, capacity.ErrConflict
	}
	return b, nil
}

func (m *model) deliver(key string, d capacity.Delivery, now time.Time) (*mbooking, error) {
	b, ok := m.bookings[key]
	if !ok {
		return nil, capacity.ErrNotFound
	}
	if m.stateAt(b, now) != capacity.Confirmed {
		return nil, capacity.ErrConflict
	}
	for i := range b.lines {
		if b.lines[i].OrderID == d.OrderID && b.lines[i].Slot == d.Slot {
			if b.lines[i].Delivered+d.Quantity > b.lines[i].Quantity {
				return nil, capacity.ErrInvalid
			}
			b.lines[i].Delivered += d.Quantity
			return b, nil
		}
	}
	return nil, capacity.ErrInvalid
}

func (m *model) setCalendar(e capacity.CalendarEntry, now time.Time) error {
	for i := range m.ps {
		if m.ps[i].ID != e.ProducerID {
			continue
		}
		for _, c := range m.ps[i].Capabilities {
			s := capacity.Slot{ProducerID: e.ProducerID, Technique: c.Technique, Week: e.Week}
			if e.Technique != "" && c.Technique != e.Technique {
				continue
			}
			if _, own := m.cal[s]; own && e.Technique == "" {
				continue
			}
			if h, cf, _ := m.taken(s, now); h+cf > e.Capacity {
				return capacity.ErrNoRoom
			}
		}
	}
	m.cal[capacity.Slot{ProducerID: e.ProducerID, Technique: e.Technique, Week: e.Week}] = e.Capacity
	return nil
}

// rebook is Ledger.Rebook as its documentation states it.
func (m *model) rebook(key string, orders []batik.Order, now time.Time) (*mbooking, error) {
	b, ok := m.bookings[key]
	if !ok {
		return nil, capacity.ErrNotFound
	}
	if m.stateAt(b, now) != capacity.Confirmed {
		return nil, capacity.ErrConflict
	}
	today := batik.DateOf(now)
	cur := capacity.WeekOf(today)
	short, late, first, last := map[string]int{}, map[string][]string{}, map[string]capacity.Week{}, map[string]capacity.Week{}
	lines := slices.Clone(b.lines)
	for i := range lines {
		ln := &lines[i]
		if f, ok := first[ln.OrderID]; !ok || ln.Week.Before(f) {
			first[ln.OrderID] = ln.Week
		}
		if l, ok := last[ln.OrderID]; !ok || l.Before(ln.Week) {
			last[ln.OrderID] = ln.Week
		}
		if ln.Week.Sunday().Before(today) && ln.Delivered < ln.Quantity {
			short[ln.OrderID] += ln.Quantity - ln.Delivered
			late[ln.OrderID] = append(late[ln.OrderID], ln.ProducerID)
			ln.Quantity = ln.Delivered
		}
	}
	if len(short) == 0 {
		return b, nil
	}
	ids := make([]string, 0, len(short))
	for id := range short {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	free := modelFree{m: m, now: now, used: map[capacity.Slot]int{}}
	unf := map[string]int{}
	for k, v := range b.unf {
		unf[k] = v
	}
	var added []capacity.BookingLine
	for _, id := range ids {
		var o batik.Order
		for _, x := range orders {
			if x.ID == id {
				o = x
			}
		}
		o.Quantity = short[id]
		end := cur.Add(last[id].Sub(first[id]))
		if !o.Due.IsZero() {
			end = capacity.LastOnTime(o.Due)
		}
		n := 0
		if !end.Before(cur) {
			n = min(end.Sub(cur)+1, capacity.MaxWeeks)
		}
		var others []batik.Producer
		for _, p := range m.ps {
			c, ok := p.Capability(o.Technique)
			if !slices.Contains(late[id], p.ID) && ok && c.Grade.AtLeast(o.MinGrade) {
				others = append(others, p)
			}
		}
		placed := 0
		if n > 0 && len(others) > 0 {
			p, err := capacity.Allocate(o, others, capacity.AllocateOptions{Weeks: n, From: cur, Free: free})
			if err != nil {
				return nil, err
			}
			for _, pl := range p.Lines {
				q := pl.Quantity
				for k := 0; k < n && q > 0; k++ {
					sl := capacity.Slot{ProducerID: pl.ProducerID, Technique: o.Technique, Week: cur.Add(k)}
					take := min(free.Free(sl.ProducerID, sl.Technique, sl.Week), q)
					if take > 0 {
						added = append(added, capacity.BookingLine{OrderID: id, Slot: sl, Quantity: take, UnitCost: pl.UnitCost})
						free.used[sl] += take
						q -= take
						placed += take
					}
				}
			}
		}
		if placed < short[id] {
			unf[id] += short[id] - placed
		}
	}
	var kept []capacity.BookingLine
	for _, ln := range lines {
		if ln.Quantity > 0 {
			kept = append(kept, ln)
		}
	}
	for _, a := range added {
		merged := false
		for i := range kept {
			if kept[i].OrderID == a.OrderID && kept[i].Slot == a.Slot {
				kept[i].Quantity += a.Quantity
				merged = true
			}
		}
		if !merged {
			kept = append(kept, a)
		}
	}
	slices.SortFunc(kept, func(x, y capacity.BookingLine) int {
		if x.OrderID != y.OrderID {
			if x.OrderID < y.OrderID {
				return -1
			}
			return 1
		}
		return x.Slot.Compare(y.Slot)
	})
	b.lines, b.unf = kept, unf
	return b, nil
}

// sentinel reduces an error to the sentinel the model predicts.
func sentinel(err error) error {
	for _, s := range []error{capacity.ErrNotFound, capacity.ErrConflict, capacity.ErrNoRoom, capacity.ErrInvalid, capacity.ErrContention} {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}

// sameBooking compares a ledger booking with the model's.
func sameBooking(t *testing.T, trace []string, got capacity.Booking, want *mbooking, now time.Time, m *model) {
	t.Helper()
	ok := got.State == m.stateAt(want, now) && len(got.Lines) == len(want.lines) && fmt.Sprint(got.Unfilled) == fmt.Sprint(want.unf)
	for i := 0; ok && i < len(got.Lines); i++ {
		g, w := got.Lines[i], want.lines[i]
		ok = g.OrderID == w.OrderID && g.Slot == w.Slot && g.Quantity == w.Quantity && g.Delivered == w.Delivered && g.UnitCost.Equal(w.UnitCost)
	}
	if !ok {
		t.Fatalf("booking differs from the model after:\n%s\nledger: %+v\nmodel:  state %s %+v %v", join(trace), got, m.stateAt(want, now), want.lines, want.unf)
	}
}

func join(s []string) string {
	out := ""
	for _, x := range s {
		out += "  " + x + "\n"
	}
	return out
}

// TestLedgerAgainstModel runs 10,000 random operation sequences (book,
// hold, confirm, cancel, deliver, rebook, calendar, clock moves that
// expire holds and end weeks) on a ledger and on the model, and requires the same answers:
// the same error sentinel or the same booking, and at the end the same
// held, confirmed and delivered pieces in every slot. With -ledger.long
// the sequences are 60 operations long instead of 8.
func TestLedgerAgainstModel(t *testing.T) {
	seqs, steps := 10000, 8
	if *long {
		steps = 60
	}
	if testing.Short() {
		seqs = 1000
	}
	const chunks = 4
	for c := range chunks {
		t.Run("chunk"+strconv.Itoa(c), func(t *testing.T) {
			t.Parallel()
			for seq := c; seq < seqs; seq += chunks {
				runModelSequence(t, uint64(seq), steps)
			}
		})
	}
}

func runModelSequence(t *testing.T, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, 7))
	ps := ws(3+rng.IntN(10), 2+rng.IntN(6), rng.IntN(8))
	l := fresh()
	if seed%2 == 1 {
		// A store with only the Store methods: the ledger's general path,
		// as with any store other than the memory store.
		l = capacity.NewLedger(struct{ capacity.Store }{capacity.NewMemoryStore()}, capacity.LedgerOptions{})
	}
	m := &model{ps: ps, bookings: map[string]*mbooking{}, cal: map[capacity.Slot]int{}}
	now := t0
	var trace []string
	key := func() string { return "K" + strconv.Itoa(rng.IntN(5)) }
	for range steps {
		now = now.Add(time.Duration(rng.IntN(4)) * 30 * time.Minute)
		switch op := rng.IntN(12); {
		case op == 10:
			now = now.Add(time.Duration(2+rng.IntN(6)) * 24 * time.Hour)
			trace = append(trace, now.Format("Mon 2 Jan 15:04")+" clock jump")
		case op == 11:
			k := key()
			var orders []batik.Order
			if b, ok := m.bookings[k]; ok {
				orders = b.req.Orders
			}
			trace = append(trace, now.Format("Mon 2 Jan 15:04")+" rebook "+k)
			got, err := l.Rebook(ctx, k, orders, ps, now)
			want, werr := m.rebook(k, orders, now)
			if sentinel(err) != werr {
				t.Fatalf("rebook: ledger %v, model %v after:\n%s", err, werr, join(trace))
			}
			if err == nil {
				sameBooking(t, trace, got, want, now, m)
			}
		case op < 4:
			k := key()
			o := capOrd(k, 1+rng.IntN(12))
			if rng.IntN(3) == 0 {
				o.Due = w49.Add(1 + rng.IntN(3)).Monday().AddDays(rng.IntN(3))
			}
			r := capacity.BookRequest{Key: k, Orders: []batik.Order{o}, Producers: ps, From: w49, Weeks: 1 + rng.IntN(3),
				Policy: capacity.Policies()[rng.IntN(4)], MinLot: rng.IntN(3)}
			if rng.IntN(2) == 0 {
				r.HoldUntil = now.Add(time.Duration(1+rng.IntN(4)) * 30 * time.Minute)
			}
			if rng.IntN(6) == 0 {
				o2 := capOrd(k+"-b", 1+rng.IntN(8))
				r.Orders[0].Due, o2.Due = w49.Add(2).Monday(), w49.Add(1).Monday().AddDays(3)
				r.Orders = append(r.Orders, o2)
				r.Spread = rng.IntN(2) == 0
			}
			trace = append(trace, fmt.Sprintf("%s book %+v", now.Format("15:04"), r))
			got, err := l.Book(ctx, r, now)
			want, werr := m.book(r, now)
			if sentinel(err) != werr {
				t.Fatalf("book: ledger %v, model %v after:\n%s", err, werr, join(trace))
			}
			if err == nil {
				sameBooking(t, trace, got, want, now, m)
			}
		case op < 6:
			k := key()
			ops := []string{"confirm", "cancel"}
			name := ops[rng.IntN(2)]
			trace = append(trace, now.Format("15:04")+" "+name+" "+k)
			var got capacity.Booking
			var err error
			if name == "confirm" {
				got, err = l.Confirm(ctx, k, now)
			} else {
				got, err = l.Cancel(ctx, k, now)
			}
			want, werr := m.transition(k, now, name)
			if sentinel(err) != werr {
				t.Fatalf("%s: ledger %v, model %v after:\n%s", name, err, werr, join(trace))
			}
			if err == nil {
				sameBooking(t, trace, got, want, now, m)
			}
		case op < 8:
			k := key()
			d := capacity.Delivery{OrderID: k, Slot: capacity.Slot{ProducerID: ps[rng.IntN(3)].ID, Technique: batik.Cap, Week: w49.Add(rng.IntN(2))},
				Quantity: rng.IntN(6)}
			trace = append(trace, fmt.Sprintf("%s deliver %s %+v", now.Format("15:04"), k, d))
			got, err := l.Deliver(ctx, k, []capacity.Delivery{d}, now)
			want, werr := m.deliver(k, d, now)
			if sentinel(err) != werr {
				t.Fatalf("deliver: ledger %v, model %v after:\n%s", err, werr, join(trace))
			}
			if err == nil {
				sameBooking(t, trace, got, want, now, m)
			}
		default:
			e := capacity.CalendarEntry{ProducerID: ps[rng.IntN(3)].ID, Week: w49.Add(rng.IntN(3)), Capacity: rng.IntN(8)}
			if rng.IntN(2) == 0 {
				e.Technique = batik.Cap
			}
			trace = append(trace, fmt.Sprintf("%s calendar %+v", now.Format("15:04"), e))
			err := l.SetCalendar(ctx, e, now)
			if werr := m.setCalendar(e, now); sentinel(err) != werr {
				t.Fatalf("calendar: ledger %v, model %v after:\n%s", err, werr, join(trace))
			}
		}
	}
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(12)}, ps, now)
	require.NoError(t, err)
	for _, s := range st {
		h, c, d := m.taken(s.Slot, now)
		if s.Held != h || s.Confirmed != c || s.Delivered != d || s.Capacity != m.capacity(s.Slot) {
			t.Fatalf("slot %s: ledger %+v, model held %d confirmed %d delivered %d capacity %d after:\n%s", s.Slot, s, h, c, d, m.capacity(s.Slot), join(trace))
		}
	}
}

// FuzzLedgerModel runs the model test on sequences the fuzzer chooses (a
// seed for the operations and their number).
func FuzzLedgerModel(f *testing.F) {
	for i := range 8 {
		f.Add(uint64(i), uint8(8+i*4))
	}
	f.Fuzz(func(t *testing.T, seed uint64, steps uint8) {
		runModelSequence(t, seed, 1+int(steps%48))
	})
}
