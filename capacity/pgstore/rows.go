package pgstore

// Moving records in and out of SQL: a booking and its lines as rows, the
// JSON forms of what a booking carries beside its lines, and times as the
// tables keep them.

import (
	"encoding/json"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/shopspring/decimal"
)

// orderJSON, skipJSON and deliveryJSON are the stored forms of
// BookedOrder, Skip and Delivery: plain strings, so that whatever a change
// carried reads back as it was.
type orderJSON struct {
	OrderID  string `json:"order_id"`
	Booked   int    `json:"booked"`
	Unfilled int    `json:"unfilled"`
	Reason   string `json:"reason,omitempty"`
}

type skipJSON struct {
	ProducerID string `json:"producer_id"`
	Reason     string `json:"reason"`
}

type deliveryJSON struct {
	OrderID    string `json:"order_id"`
	ProducerID string `json:"producer_id"`
	Technique  string `json:"technique"`
	Week       string `json:"week"`
	Quantity   int    `json:"quantity"`
}

// encodeRecord returns the JSON columns of b: unfilled, orders, skipped.
func encodeRecord(b *capacity.Booking) (unfilled, orders, skipped string) {
	os := make([]orderJSON, len(b.Orders))
	for i, o := range b.Orders {
		os[i] = orderJSON{o.OrderID, o.Booked, o.Unfilled, string(o.Reason)}
	}
	ss := make([]skipJSON, len(b.Skipped))
	for i, s := range b.Skipped {
		ss[i] = skipJSON{s.ProducerID, string(s.Reason)}
	}
	uf := b.Unfilled
	if uf == nil {
		uf = map[string]int{}
	}
	return mustJSON(uf), mustJSON(os), mustJSON(ss)
}

// mustJSON marshals maps, slices and structs of strings and ints, which
// cannot fail.
func mustJSON(v any) string {
	out, err := json.Marshal(v)
	if err != nil {
		panic("pgstore: " + err.Error()) // unreachable: plain strings and ints
	}
	return string(out)
}

func encodeDeliveries(ds []capacity.Delivery) string {
	out := make([]deliveryJSON, len(ds))
	for i, d := range ds {
		out[i] = deliveryJSON{d.OrderID, d.ProducerID, string(d.Technique), d.Week.String(), d.Quantity}
	}
	return mustJSON(out)
}

func decodeDeliveries(key string, data []byte) ([]capacity.Delivery, error) {
	var in []deliveryJSON
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, stored(key, err)
	}
	out := make([]capacity.Delivery, len(in))
	for i, d := range in {
		sl, err := slotOf(key, d.ProducerID, d.Technique, d.Week)
		if err != nil {
			return nil, err
		}
		out[i] = capacity.Delivery{OrderID: d.OrderID, Slot: sl, Quantity: d.Quantity}
	}
	return out, nil
}

// stored is the error of a stored value this package cannot read.
func stored(key string, err error) error {
	return answer(fail(ErrServer, "key", msg.Quote(key), cStored, err))
}

// scanBooking reads a row of bookingCols, after the columns of first:
// the booking without its lines, its state as it stands at now (as
// stored, for the zero now), and its id.
func scanBooking(r pgx.Row, now time.Time, first ...any) (int64, capacity.Booking, error) {
	var (
		id                        int64
		b                         capacity.Booking
		state                     string
		holdUntil                 pgtype.Timestamptz
		holdNs                    int32
		unfilled, orders, skipped []byte
	)
	err := r.Scan(append(first, &id, &b.Key, &state, &holdUntil, &holdNs, &b.Request, &b.Canonical, &unfilled, &orders, &skipped,
		&b.Version, &b.Created, &b.Updated)...)
	if err != nil {
		return 0, b, err
	}
	st, err := capacity.ParseState(state)
	if err != nil {
		return 0, b, stored(b.Key, err)
	}
	b.State = st
	if holdUntil.Valid {
		b.HoldUntil = holdUntil.Time.UTC().Add(time.Duration(holdNs))
	}
	b.Created, b.Updated = b.Created.UTC(), b.Updated.UTC()
	var os []orderJSON
	var ss []skipJSON
	if err := firstErr(json.Unmarshal(unfilled, &b.Unfilled), json.Unmarshal(orders, &os), json.Unmarshal(skipped, &ss)); err != nil {
		return 0, b, stored(b.Key, err)
	}
	if b.Unfilled == nil {
		b.Unfilled = map[string]int{}
	}
	b.Orders = make([]capacity.BookedOrder, len(os))
	for i, o := range os {
		b.Orders[i] = capacity.BookedOrder{OrderID: o.OrderID, Booked: o.Booked, Unfilled: o.Unfilled, Reason: capacity.ShortReason(o.Reason)}
	}
	b.Skipped = make([]capacity.Skip, len(ss))
	for i, s := range ss {
		b.Skipped[i] = capacity.Skip{ProducerID: s.ProducerID, Reason: capacity.SkipReason(s.Reason)}
	}
	b.Lines = []capacity.BookingLine{}
	if !now.IsZero() {
		b.State = b.StateAt(now)
	}
	return id, b, nil
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// lineScanner reads rows of lineCols, after the columns of first, into
// one set of destinations reused for every row.
type lineScanner struct {
	in            interner
	id, q, d      int64
	o, p, t, w, c pgtype.DriverBytes
	dst           []any
}

func newLineScanner(first ...any) *lineScanner {
	ls := &lineScanner{}
	ls.dst = append(first, &ls.id, &ls.o, &ls.p, &ls.t, &ls.w, &ls.q, &ls.d, &ls.c)
	return ls
}

// scan reads the current row of r: the line and its booking's id. (Rows,
// not a Row: the bytes it holds are the driver's until the next row.)
func (ls *lineScanner) scan(r pgx.Rows) (int64, capacity.BookingLine, error) {
	var l capacity.BookingLine
	if err := r.Scan(ls.dst...); err != nil {
		return 0, l, err
	}
	l.OrderID = ls.in.str(ls.o)
	sl, err := ls.in.slot(l.OrderID, ls.in.str(ls.p), ls.t, ls.w)
	if err != nil {
		return 0, l, err
	}
	uc, err := ls.in.cost(l.OrderID, ls.c)
	if err != nil {
		return 0, l, err
	}
	l.Slot, l.Quantity, l.Delivered, l.UnitCost = sl, int(ls.q), int(ls.d), uc
	return ls.id, l, nil
}

// interner keeps one copy of each text a scan meets again and again (a
// row's producer ID, technique, week, order ID, unit cost), read as the
// driver's bytes: a scan of thousands of slot rows allocates each distinct
// value once and parses each week and cost once. One scan at a time.
type interner struct {
	strs  map[string]string
	weeks map[string]capacity.Week
	costs map[string]decimal.Decimal
}

// str returns b as a string, one copy per distinct value.
func (in *interner) str(b []byte) string {
	if s, ok := in.strs[string(b)]; ok {
		return s
	}
	if in.strs == nil {
		in.strs = map[string]string{}
	}
	s := string(b)
	in.strs[s] = s
	return s
}

// slot is slotOf for a producer ID kept by str and the driver's bytes of
// the technique and week.
func (in *interner) slot(key, p string, t, w []byte) (capacity.Slot, error) {
	if wk, ok := in.weeks[string(w)]; ok {
		return capacity.Slot{ProducerID: p, Technique: batik.Technique(in.str(t)), Week: wk}, nil
	}
	sl, err := slotOf(key, p, in.str(t), string(w))
	if err == nil {
		if in.weeks == nil {
			in.weeks = map[string]capacity.Week{}
		}
		in.weeks[string(w)] = sl.Week
	}
	return sl, err
}

// cost reads a unit cost (numeric as text); key names the record for an
// error.
func (in *interner) cost(key string, b []byte) (decimal.Decimal, error) {
	if d, ok := in.costs[string(b)]; ok {
		return d, nil
	}
	d, err := decimal.NewFromString(string(b))
	if err != nil {
		return d, stored(key, err)
	}
	if in.costs == nil {
		in.costs = map[string]decimal.Decimal{}
	}
	in.costs[string(b)] = d
	return d, nil
}

// slotOf reads a slot's columns; key names the record for an error.
func slotOf(key, p, t, w string) (capacity.Slot, error) {
	var wk capacity.Week
	if w != "" {
		var err error
		if wk, err = capacity.ParseWeek(w); err != nil {
			return capacity.Slot{}, stored(key, err)
		}
	}
	return capacity.Slot{ProducerID: p, Technique: batik.Technique(t), Week: wk}, nil
}

// slotArrays are slots as three arrays, the form statements unnest.
type slotArrays struct{ p, t, w []string }

// newSlotArrays returns arrays with room for n slots.
func newSlotArrays(n int) slotArrays {
	return slotArrays{make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)}
}

func (a *slotArrays) add(s capacity.Slot) {
	a.p, a.t, a.w = append(a.p, s.ProducerID), append(a.t, string(s.Technique)), append(a.w, s.Week.String())
}

// lineArrays are lines as arrays, with their booking's id (new lines) or
// their tuple id (stored lines).
type lineArrays struct {
	id    []int64
	tid   []pgtype.TID
	o, c  []string
	slots slotArrays
	q, d  []int64
}

// newLineArrays returns arrays with room for n lines.
func newLineArrays(n int) lineArrays {
	return lineArrays{id: make([]int64, 0, n), tid: make([]pgtype.TID, 0, n), o: make([]string, 0, n), c: make([]string, 0, n),
		slots: newSlotArrays(n), q: make([]int64, 0, n), d: make([]int64, 0, n)}
}

func (a *lineArrays) add(id int64, tid pgtype.TID, l *capacity.BookingLine) {
	a.id, a.tid, a.o, a.c = append(a.id, id), append(a.tid, tid), append(a.o, l.OrderID), append(a.c, l.UnitCost.String())
	a.slots.add(l.Slot)
	a.q, a.d = append(a.q, int64(l.Quantity)), append(a.d, int64(l.Delivered))
}

// micro splits t into its microsecond (in UTC) and the nanoseconds past
// it: what timestamptz keeps, and what hold_until_ns keeps beside it.
func micro(t time.Time) (time.Time, int32) {
	u := t.UTC().Truncate(time.Microsecond)
	return u, int32(t.Sub(u))
}

// utcMicro is t as a timestamptz column gives it back.
func utcMicro(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	u, _ := micro(t)
	return u
}

// stamp is t as a timestamptz argument (NULL for the zero time).
func stamp(t time.Time) pgtype.Timestamptz {
	if t.IsZero() {
		return pgtype.Timestamptz{}
	}
	u, _ := micro(t)
	return pgtype.Timestamptz{Time: u, Valid: true}
}

// normalize returns a copy of b as the tables give it back: times in UTC,
// Created and Updated to the microsecond (HoldUntil exactly), lines,
// unfilled, orders and skipped empty rather than nil, its own slices and
// map (Booking.Clone).
func normalize(b *capacity.Booking) capacity.Booking {
	c := b.Clone()
	if !c.HoldUntil.IsZero() {
		c.HoldUntil = c.HoldUntil.UTC()
	}
	c.Created, c.Updated = utcMicro(c.Created), utcMicro(c.Updated)
	if c.Orders == nil {
		c.Orders = []capacity.BookedOrder{}
	}
	if c.Skipped == nil {
		c.Skipped = []capacity.Skip{}
	}
	return c
}
