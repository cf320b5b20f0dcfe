package capacity_test

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/stretchr/testify/require"
)

var long = flag.Bool("ledger.long", false, "run the ledger's model and property tests with long sequences")

// model is the ledger as its documentation states it, as a plain
// sequential map: bookings by key, the calendar, and free capacity
// computed by summing every taking booking's lines, with no store, no
// snapshot, no deltas and no fingerprint.
type model struct {
	ps       []batik.Producer
	bookings map[string]*mbooking
	cal      map[capacity.Slot]int // technique "" for the whole producer
}

type mbooking struct {
	request string // what identifies the request (see identity)
	state   capacity.State
	until   time.Time
	lines   []capacity.BookingLine
	unf     map[string]int
	orders  []batik.Order
	calls   map[string]string // delivery call key -> its deliveries
}

// identity is what the model takes to identify a request: the orders with
// every field, by ID, and the options with their defaults, the hold's
// length, MinFill and AllOrNothing; not the producers, not the clock.
func identity(r capacity.BookRequest) string {
	orders := slices.Clone(r.Orders)
	slices.SortFunc(orders, func(a, b batik.Order) int { return cmp.Compare(a.ID, b.ID) })
	weeks := r.Weeks
	if len(orders) == 1 {
		weeks = max(weeks, 1)
	}
	return fmt.Sprint(orders, r.From, weeks, cmp.Or(r.Policy, capacity.Proportional), max(r.MinLot, 1), r.Spread, r.HoldFor, r.MinFill, r.AllOrNothing)
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

// lay places q pieces of an order with a producer into its free weeks
// from the first, earliest first, and returns the lines.
func (f modelFree) lay(lines []capacity.BookingLine, order, producer string, t batik.Technique, q int, from capacity.Week, weeks int, pl capacity.Line) ([]capacity.BookingLine, int) {
	placed := 0
	for k := 0; k < weeks && q > 0; k++ {
		s := capacity.Slot{ProducerID: producer, Technique: t, Week: from.Add(k)}
		if take := min(f.Free(s.ProducerID, s.Technique, s.Week), q); take > 0 {
			lines = append(lines, capacity.BookingLine{OrderID: order, Slot: s, Quantity: take, UnitCost: pl.UnitCost})
			f.used[s] += take
			q -= take
			placed += take
		}
	}
	return lines, placed
}

func sortModelLines(lines []capacity.BookingLine) {
	slices.SortFunc(lines, func(x, y capacity.BookingLine) int {
		return cmp.Or(strings.Compare(x.OrderID, y.OrderID), x.Slot.Compare(y.Slot))
	})
}

func (m *model) book(r capacity.BookRequest, now time.Time) (*mbooking, error) {
	for _, o := range r.Orders {
		if r.MinFill > o.Quantity {
			return nil, capacity.ErrInvalid
		}
	}
	if b, ok := m.bookings[r.Key]; ok {
		if b.request == identity(r) {
			return b, nil
		}
		return nil, capacity.ErrConflict
	}
	free := modelFree{m: m, now: now, used: map[capacity.Slot]int{}}
	if len(r.Orders) > 1 && r.Weeks > 0 {
		free.last = r.From.Add(r.Weeks - 1)
	}
	b := &mbooking{request: identity(r), state: capacity.Confirmed, unf: map[string]int{}, orders: r.Orders}
	if r.HoldFor > 0 {
		b.state, b.until = capacity.Held, now.Add(r.HoldFor)
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
				b.lines, _ = free.lay(b.lines, o.ID, pl.ProducerID, o.Technique, pl.Quantity, r.From, n, pl)
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
			o := r.Orders[slices.IndexFunc(r.Orders, func(o batik.Order) bool { return o.ID == a.OrderID })]
			b.lines = append(b.lines, capacity.BookingLine{OrderID: a.OrderID, Slot: capacity.Slot{ProducerID: a.ProducerID, Technique: o.Technique, Week: a.Week},
				Quantity: a.Quantity, UnitCost: a.UnitCost})
		}
		for k, v := range tt.Unfilled {
			b.unf[k] = v
		}
	}
	// Honest bookings: nothing at all, or an order below MinFill (all of
	// it with AllOrNothing), records nothing.
	booked := 0
	for _, ln := range b.lines {
		booked += ln.Quantity
	}
	for _, o := range r.Orders {
		got := o.Quantity - b.unf[o.ID]
		if booked == 0 || got < r.MinFill || (r.AllOrNothing && got < o.Quantity) {
			return nil, capacity.ErrNoCapacity
		}
	}
	sortModelLines(b.lines)
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

func (m *model) extend(key string, by time.Duration, now time.Time) (*mbooking, error) {
	if by <= 0 || by > capacity.MaxHold {
		return nil, capacity.ErrInvalid
	}
	b, ok := m.bookings[key]
	switch {
	case !ok:
		return nil, capacity.ErrNotFound
	case m.stateAt(b, now) != capacity.Held:
		return nil, capacity.ErrConflict
	}
	if until := now.Add(by); until.After(b.until) {
		b.until = until
	}
	return b, nil
}

// deliver is a keyed delivery of one line: a call key the booking has
// returns the booking as it stands when its delivery is the same, and is
// a conflict when not.
func (m *model) deliver(key, call string, d capacity.Delivery, now time.Time) (*mbooking, error) {
	if d.Quantity < 1 {
		return nil, capacity.ErrInvalid
	}
	b, ok := m.bookings[key]
	if !ok {
		return nil, capacity.ErrNotFound
	}
	if was, ok := b.calls[call]; ok {
		if was != deliveryText(d) {
			return nil, capacity.ErrConflict
		}
		return b, nil
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
			if b.calls == nil {
				b.calls = map[string]string{}
			}
			b.calls[call] = deliveryText(d)
			return b, nil
		}
	}
	return nil, capacity.ErrInvalid
}

// deliveryText is a delivery's fields as text (fmt would print only its
// slot: Delivery has Slot's String method).
func deliveryText(d capacity.Delivery) string {
	return d.OrderID + " " + d.Slot.String() + " " + strconv.Itoa(d.Quantity)
}

// lapsed counts the holds whose HoldUntil + grace is at or before now:
// the most a Sweep can mark (the store may have marked some already).
func (m *model) lapsed(now time.Time, grace time.Duration) int {
	n := 0
	for _, b := range m.bookings {
		if b.state == capacity.Held && !b.until.Add(grace).After(now) {
			n++
		}
	}
	return n
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
		o := orders[slices.IndexFunc(orders, func(o batik.Order) bool { return o.ID == id })]
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
				var k int
				added, k = free.lay(added, id, pl.ProducerID, o.Technique, pl.Quantity, cur, n, pl)
				placed += k
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
		if i := slices.IndexFunc(kept, func(k capacity.BookingLine) bool { return k.OrderID == a.OrderID && k.Slot == a.Slot }); i >= 0 {
			kept[i].Quantity += a.Quantity
		} else {
			kept = append(kept, a)
		}
	}
	sortModelLines(kept)
	b.lines, b.unf = kept, unf
	return b, nil
}

// sentinel reduces an error to the sentinel the model predicts.
func sentinel(err error) error {
	for _, s := range []error{capacity.ErrNotFound, capacity.ErrConflict, capacity.ErrNoRoom, capacity.ErrInvalid, capacity.ErrContention, capacity.ErrNoCapacity} {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}

// sameBooking compares a ledger booking with the model's: state, hold,
// lines, Unfilled, and per order the pieces booked and unfilled.
func sameBooking(t *testing.T, trace []string, got capacity.Booking, want *mbooking, now time.Time, m *model) {
	t.Helper()
	st := m.stateAt(want, now)
	ok := got.State == st && len(got.Lines) == len(want.lines) && fmt.Sprint(got.Unfilled) == fmt.Sprint(want.unf) &&
		(st != capacity.Held || got.HoldUntil.Equal(want.until)) && len(got.Orders) == len(want.orders)
	for i := 0; ok && i < len(got.Lines); i++ {
		g, w := got.Lines[i], want.lines[i]
		ok = g.OrderID == w.OrderID && g.Slot == w.Slot && g.Quantity == w.Quantity && g.Delivered == w.Delivered && g.UnitCost.Equal(w.UnitCost)
	}
	for _, o := range got.Orders {
		booked := 0
		for _, ln := range want.lines {
			if ln.OrderID == o.OrderID {
				booked += ln.Quantity
			}
		}
		ok = ok && o.Booked == booked && o.Unfilled == want.unf[o.OrderID] && (o.Unfilled == 0) == (o.Reason == "")
	}
	if !ok {
		t.Fatalf("booking differs from the model after:\n%s\nledger: %+v\nmodel:  state %s until %s %+v %v", join(trace), got, st, want.until, want.lines, want.unf)
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
// hold, with MinFill and AllOrNothing, confirm, cancel, extend, keyed
// deliveries and their retries, rebook, sweep, calendar, clock moves that
// expire holds and end weeks) on a ledger and on the model, and requires
// the same answers: the same error sentinel or the same booking, and at
// the end the same held, confirmed and delivered pieces in every slot.
// With -ledger.long the sequences are 60 operations long instead of 8.
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

// modelRun is one sequence: a ledger, the model, the clock and the trace
// of operations so far.
type modelRun struct {
	t     *testing.T
	rng   *rand.Rand
	l     *capacity.Ledger
	m     *model
	now   time.Time
	trace []string
}

// check compares the ledger's answer to an operation with the model's.
func (r *modelRun) check(op string, got capacity.Booking, err error, want *mbooking, werr error) {
	r.t.Helper()
	if sentinel(err) != werr {
		r.t.Fatalf("%s: ledger %v, model %v after:\n%s", op, err, werr, join(r.trace))
	}
	if err == nil {
		sameBooking(r.t, r.trace, got, want, r.now, r.m)
	}
}

func (r *modelRun) log(format string, args ...any) {
	r.trace = append(r.trace, r.now.Format("Mon 2 Jan 15:04 ")+fmt.Sprintf(format, args...))
}

func runModelSequence(t *testing.T, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, 7))
	ps := ws(3+rng.IntN(10), 2+rng.IntN(6), rng.IntN(8))
	r := &modelRun{t: t, rng: rng, l: capacity.NewLedger(memstore.New(), capacity.LedgerOptions{}),
		m: &model{ps: ps, bookings: map[string]*mbooking{}, cal: map[capacity.Slot]int{}}, now: t0}
	key := func() string { return "K" + strconv.Itoa(rng.IntN(5)) }
	for range steps {
		r.now = r.now.Add(time.Duration(rng.IntN(4)) * 30 * time.Minute)
		switch op := rng.IntN(16); {
		case op < 5:
			r.book(key())
		case op < 7:
			k, name := key(), []string{"confirm", "cancel"}[rng.IntN(2)]
			r.log("%s %s", name, k)
			var got capacity.Booking
			var err error
			if name == "confirm" {
				got, err = r.l.Confirm(ctx, k, r.now)
			} else {
				got, err = r.l.Cancel(ctx, k, r.now)
			}
			want, werr := r.m.transition(k, r.now, name)
			r.check(name, got, err, want, werr)
		case op < 9:
			k := key()
			d := capacity.Delivery{OrderID: k, Slot: capacity.Slot{ProducerID: ps[rng.IntN(3)].ID, Technique: batik.Cap, Week: w49.Add(rng.IntN(2))},
				Quantity: rng.IntN(6)}
			call := "call-" + strconv.Itoa(rng.IntN(3))
			r.log("deliver %s %s %s", k, call, deliveryText(d))
			got, err := r.l.Deliver(ctx, k, call, []capacity.Delivery{d}, r.now)
			want, werr := r.m.deliver(k, call, d, r.now)
			r.check("deliver", got, err, want, werr)
		case op == 9:
			k, by := key(), time.Duration(rng.IntN(3))*45*time.Minute
			r.log("extend %s by %s", k, by)
			got, err := r.l.Extend(ctx, k, by, r.now)
			want, werr := r.m.extend(k, by, r.now)
			r.check("extend", got, err, want, werr)
		case op == 10:
			grace, limit := time.Duration(rng.IntN(3))*30*time.Minute, 1+rng.IntN(3)
			r.log("sweep grace %s limit %d", grace, limit)
			n, err := r.l.Sweep(ctx, r.now, grace, limit)
			require.NoError(t, err)
			if most := min(limit, r.m.lapsed(r.now, grace)); n > most {
				t.Fatalf("sweep marked %d, at most %d lapsed after:\n%s", n, most, join(r.trace))
			}
			if again, err := r.l.Sweep(ctx, r.now, grace, limit); err != nil || (n < limit && again != 0) {
				t.Fatalf("sweep again: %d, %v after:\n%s", again, err, join(r.trace))
			}
		case op == 11:
			r.now = r.now.Add(time.Duration(2+rng.IntN(6)) * 24 * time.Hour)
			r.log("clock jump")
		case op == 12:
			k := key()
			var orders []batik.Order
			if b, ok := r.m.bookings[k]; ok {
				orders = b.orders
			}
			r.log("rebook %s", k)
			got, err := r.l.Rebook(ctx, k, orders, ps, r.now)
			want, werr := r.m.rebook(k, orders, r.now)
			r.check("rebook", got, err, want, werr)
		default:
			e := capacity.CalendarEntry{ProducerID: ps[rng.IntN(3)].ID, Week: w49.Add(rng.IntN(3)), Capacity: rng.IntN(8)}
			if rng.IntN(2) == 0 {
				e.Technique = batik.Cap
			}
			r.log("calendar %+v", e)
			err := r.l.SetCalendar(ctx, e, r.now)
			if werr := r.m.setCalendar(e, r.now); sentinel(err) != werr {
				t.Fatalf("calendar: ledger %v, model %v after:\n%s", err, werr, join(r.trace))
			}
		}
	}
	st, err := r.l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(12)}, ps, r.now)
	require.NoError(t, err)
	for _, s := range st {
		h, c, d := r.m.taken(s.Slot, r.now)
		if s.Held != h || s.Confirmed != c || s.Delivered != d || s.Capacity != r.m.capacity(s.Slot) {
			t.Fatalf("slot %s: ledger %+v, model held %d confirmed %d delivered %d capacity %d after:\n%s", s.Slot, s, h, c, d, r.m.capacity(s.Slot), join(r.trace))
		}
	}
}

// book books a random request under key on the ledger and the model.
func (r *modelRun) book(key string) {
	rng := r.rng
	o := capOrd(key, 1+rng.IntN(12))
	if rng.IntN(3) == 0 {
		o.Due = w49.Add(1 + rng.IntN(3)).Monday().AddDays(rng.IntN(3))
	}
	b := capacity.BookRequest{Key: key, Orders: []batik.Order{o}, Producers: r.m.ps, From: w49, Weeks: 1 + rng.IntN(3),
		Policy: capacity.Policies()[rng.IntN(4)], MinLot: rng.IntN(3)}
	if rng.IntN(2) == 0 {
		b.HoldFor = time.Duration(1+rng.IntN(4)) * 30 * time.Minute
	}
	switch rng.IntN(6) {
	case 0:
		b.MinFill = rng.IntN(14)
	case 1:
		b.AllOrNothing = true
	}
	if rng.IntN(6) == 0 {
		o2 := capOrd(key+"-b", 1+rng.IntN(8))
		b.Orders[0].Due, o2.Due = w49.Add(2).Monday(), w49.Add(1).Monday().AddDays(3)
		b.Orders = append(b.Orders, o2)
		b.Spread = rng.IntN(2) == 0
	}
	r.log("book %s %v from %s weeks %d %s min_lot %d hold_for %s min_fill %d all %v", key, b.Orders, b.From, b.Weeks, b.Policy, b.MinLot, b.HoldFor, b.MinFill, b.AllOrNothing)
	got, err := r.l.Book(ctx, b, r.now)
	want, werr := r.m.book(b, r.now)
	r.check("book", got, err, want, werr)
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
