package capacity

import (
	"context"
	"errors"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// The Store interface the ledger's stores implement, and what travels
// through it. The Ledger (ledger.go) holds every rule: planning,
// idempotency, state changes, delivery and rebooking. A Store only keeps
// records and applies a Change atomically, checking room in each slot, so
// that the memory store (capacity/memstore) and PostgreSQL
// (capacity/pgstore) behave the same and one conformance suite
// (capacity/storetest) proves it.

// Ledger sentinel errors. Every ledger error wraps one of them (or
// ErrInvalid or ErrOverflow for bad input, as elsewhere in the package).
var (
	// ErrNotFound: no booking has the key.
	ErrNotFound = errors.New("capacity: booking not found")
	// ErrConflict: the key is already used by a different request, or the
	// booking is not in a state that allows the operation (confirming a
	// cancelled booking, delivering to an expired hold).
	ErrConflict = errors.New("capacity: booking conflict")
	// ErrContention: a change (Book, Confirm, Deliver, Rebook, ...) could
	// not commit within its retries because other changes kept moving
	// the slots or the booking under it, or a read (Board, Slots) did not
	// find the store consistent within its retries.
	ErrContention = errors.New("capacity: contention")
	// ErrNoCapacity: a request would book nothing, or less than its
	// MinFill or AllOrNothing asks; nothing is recorded.
	ErrNoCapacity = errors.New("capacity: not enough free capacity")
	// ErrNoRoom is returned by Store.Commit when a slot lacks the room a
	// change needs (another booking took it since the snapshot). The
	// Ledger re-plans on it; callers of the Ledger see ErrContention only
	// after the retries are spent.
	ErrNoRoom = errors.New("capacity: slot has no room")
	// ErrStale is returned by Store.Commit when the booking's version is
	// not the one the change expects (another operation changed it first),
	// and ErrExists when a booking with the key (or a delivery call with
	// the call's key) exists already on insert.
	ErrStale  = errors.New("capacity: booking changed concurrently")
	ErrExists = errors.New("capacity: booking key exists")
)

// SlotDelta is a change to one slot's sums, part of a Change. Capacity is
// the slot's capacity as the Ledger computed it (a calendar entry, or the
// capability's PerWeek); the store records it on the slot and, when Held
// + Confirmed grows, refuses the whole change with ErrNoRoom unless the
// new held + confirmed (counting only holds unexpired at Change.Now) is at
// most Capacity. A calendar entry the store holds for the slot (see
// CalendarEntry for which applies) takes precedence over Capacity, so that
// a week closed by SetCalendar after the change was planned stays closed.
// SlotDelta.Check is that rule, for stores to call.
type SlotDelta struct {
	Slot
	Capacity  int
	Held      int // change in pieces held (negative to release)
	Confirmed int // change in pieces confirmed
	Delivered int // change in pieces delivered
}

// Operation names what a change did, in a booking's history. It travels
// in JSON as its text.
type Operation string

// The operations of the change log.
const (
	OpBook    Operation = "book"    // the booking was made
	OpConfirm Operation = "confirm" // a hold was confirmed
	OpCancel  Operation = "cancel"  // the booking was cancelled
	OpDeliver Operation = "deliver" // pieces were delivered (or a lot inspected)
	OpRebook  Operation = "rebook"  // late lines were moved
	OpExtend  Operation = "extend"  // a hold was extended
	OpExpire  Operation = "expire"  // a lapsed hold was marked expired (by a commit or Sweep)
)

// Change is one atomic write: the booking's new record and the slot
// changes that go with it. Expect is the version the stored booking must
// have (0: no booking with the key may exist, and the record is inserted).
// Deltas are sorted by slot. Op and Actor go into the booking's history
// with Now and the new version; Call, when set, is a delivery call the
// store records under the booking (refusing, with ErrExists, a call key
// the booking has already).
type Change struct {
	Now     time.Time
	Expect  int64
	Booking Booking
	Deltas  []SlotDelta
	Op      Operation
	Actor   string
	Call    *DeliveryCall
}

// HistoryEntry is one change of a booking: the version it made, when (the
// caller's clock), who (the actor of its context, "" when none was given)
// and what.
type HistoryEntry struct {
	Version int64     `json:"version"`
	Time    time.Time `json:"time"`
	Actor   string    `json:"actor"`
	Op      Operation `json:"op"`
	Call    string    `json:"call,omitempty"` // a delivery call's key
}

// DeliveryCall is one keyed call of Deliver, DeliverLot or
// DeliverInspected, kept with its booking so that a retry of the same call
// returns what the first gave and changes nothing. Request is the hex
// SHA-256 of the call's deliveries (and, for an inspected lot, its
// inspection and states); Inspection is, for an inspected lot, its
// aql.Record and the states after it (JSON, nil for Deliver), which
// Ledger.Inspection reads back.
type DeliveryCall struct {
	Key        string     `json:"key"`
	Request    string     `json:"request"`
	Deliveries []Delivery `json:"deliveries"`
	Version    int64      `json:"version"` // the booking's version the call made
	Time       time.Time  `json:"time"`
	Inspection []byte     `json:"inspection,omitempty"`
}

// CalendarEntry sets a slot's capacity for one week, overriding PerWeek: a
// workshop closed for Lebaran (0) or a short week. An empty Technique
// applies to every technique of the producer that week; an entry for the
// technique itself takes precedence.
type CalendarEntry struct {
	ProducerID string          `json:"producer_id"`
	Technique  batik.Technique `json:"technique,omitempty"`
	Week       Week            `json:"week"`
	Capacity   int             `json:"capacity"`
}

type calendarEntryJSON struct {
	ProducerID string          `json:"producer_id"`
	Technique  batik.Technique `json:"technique,omitempty"`
	Week       Week            `json:"week"`
	Capacity   int             `json:"capacity"`
}

// UnmarshalJSON decodes an entry strictly (see the package doc, JSON):
// every key but technique is required, so that an entry without a
// capacity never closes a week. It does not check the entry: Validate
// (SetCalendar) does.
func (e *CalendarEntry) UnmarshalJSON(data []byte) error {
	var v calendarEntryJSON
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	*e = CalendarEntry(v)
	return nil
}

// SlotUsage is what is taken in one slot: held (unexpired) and confirmed
// pieces, delivered pieces, and the capacity last recorded for it (0 and
// Recorded false when no booking has touched it).
type SlotUsage struct {
	Slot
	Held      int  `json:"held"`
	Confirmed int  `json:"confirmed"`
	Delivered int  `json:"delivered"`
	Capacity  int  `json:"capacity"`
	Recorded  bool `json:"-"`
}

// SlotQuery selects slots: the producers listed (all when empty), one
// technique (all when empty), weeks From through To inclusive. Slots, when
// not empty, narrows the query to those slots (in any order, each once,
// each inside the rest of the query): a booking's slots, read without
// the rest of the rectangle of producers x weeks they span, which for a
// booking of a few weeks each over many producers and months is many
// times larger. Every store must honour it (capacity/storetest checks
// it); the Ledger asks for the rest of the rectangle too, so that a store
// written before Slots, which ignores it, still gives it right answers.
// Slots narrows Usage only: Calendar
// returns the entries of the rest of the query, which are few, and an
// entry of every technique governs slots a list does not name.
type SlotQuery struct {
	ProducerIDs []string
	Technique   batik.Technique
	From, To    Week
	Slots       []Slot
}

// Store keeps the ledger's records. Implementations: capacity/memstore in
// memory and capacity/pgstore on PostgreSQL; capacity/storetest is the
// conformance suite every one passes. Every method is safe for concurrent
// use, and a Store shared by several Ledgers (or processes) keeps the
// invariant held + confirmed <= capacity in every slot.
//
// Input: every method checks its input with the package's rules before
// anything is written or read (Change.Validate, CalendarEntry.Validate,
// SlotQuery.Validate, BookingFilter.Validate), returning their
// *InputError wrapping ErrInvalid; a store may refuse more that it cannot
// hold, saying so.
//
// Expired holds: a Held booking whose HoldUntil is at or before the
// caller's now counts as Expired everywhere, whether or not the store has
// rewritten it yet. Commit marks such holds Expired (a new version, with
// OpExpire in the history) and releases their pieces in every slot before
// it checks room in a slot they hold; the readers report them as Expired
// with their pieces not held.
type Store interface {
	// Commit applies c atomically: all of it or none. With c.Expect 0 it
	// inserts c.Booking, returning an error wrapping ErrExists (and the
	// stored booking) when the key is taken; otherwise it replaces the
	// booking whose version is c.Expect, returning ErrStale when the
	// version differs and ErrNotFound when there is none. The slot deltas
	// are applied in slot order, each checked as SlotDelta says; a lack of
	// room returns ErrNoRoom and changes nothing. With c.Call set it
	// records the call under the booking, or returns ErrExists when the
	// booking has a call with its key. It appends (version, c.Now,
	// c.Actor, c.Op) to the booking's history. It returns the stored
	// booking, in its state at c.Now (a hold whose HoldUntil is at or
	// before c.Now is Expired). Commit must not keep c.Deltas after it
	// returns.
	Commit(ctx context.Context, c Change) (Booking, error)
	// Booking returns the booking with the key, or ErrNotFound (also for
	// a key Change.Validate refuses: no booking can have it).
	Booking(ctx context.Context, key string, now time.Time) (Booking, error)
	// Bookings returns one page of the bookings f selects (see
	// BookingFilter), ordered by Created, then Key, as they stand at now.
	Bookings(ctx context.Context, f BookingFilter, now time.Time) (BookingPage, error)
	// Usage returns the slots of q (only those of q.Slots when it is not
	// empty) that any booking touched, in slot order, with the capacity
	// last recorded for each (by a commit, or by SetCalendar for the
	// slots its entry governs).
	Usage(ctx context.Context, q SlotQuery, now time.Time) ([]SlotUsage, error)
	// SetCalendar records e, replacing an entry for the same producer,
	// technique and week. It refuses (ErrNoRoom) to set a capacity below
	// what is held and confirmed in an affected slot.
	SetCalendar(ctx context.Context, e CalendarEntry, now time.Time) error
	// Calendar returns the entries for the slots of q (not narrowed by
	// q.Slots), in slot order (entries with an empty technique first
	// within a producer and week).
	Calendar(ctx context.Context, q SlotQuery) ([]CalendarEntry, error)
	// History returns the booking's changes, oldest first, or ErrNotFound.
	History(ctx context.Context, key string) ([]HistoryEntry, error)
	// DeliveryCall returns the delivery call with callKey of the booking,
	// or ErrNotFound when the booking has none (or does not exist).
	DeliveryCall(ctx context.Context, key, callKey string) (DeliveryCall, error)
	// Sweep marks up to limit Held bookings whose HoldUntil is at or
	// before before as Expired, releasing their pieces, each as a change
	// at now by actor (OpExpire in its history), and returns how many it
	// marked. Bookings a concurrent change holds are left for a later
	// Sweep. limit is at least 1; an actor ValidateActor refuses is its
	// error, before anything is read.
	Sweep(ctx context.Context, before, now time.Time, limit int, actor string) (int, error)
}
