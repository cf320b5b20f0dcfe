package capacity

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// The ledger's records and the Store interface its stores implement. The
// Ledger (ledger.go) holds every rule: planning, idempotency, state
// changes, delivery and rebooking. A Store only keeps records and applies
// a Change atomically, checking room in each slot, so that a memory store
// and a SQL store behave the same and one conformance suite
// (capacity/storetest) proves it.

// Ledger sentinel errors. Every ledger error wraps one of them (and
// ErrInvalid or ErrOverflow for bad input, as elsewhere in the package).
var (
	// ErrNotFound: no booking has the key.
	ErrNotFound = errors.New("capacity: booking not found")
	// ErrConflict: the key is already used by a different request, or the
	// booking is not in a state that allows the operation (confirming a
	// cancelled booking, delivering to an expired hold).
	ErrConflict = errors.New("capacity: booking conflict")
	// ErrContention: Book could not commit within its retries because
	// other bookings kept taking the capacity it planned on.
	ErrContention = errors.New("capacity: contention")
	// ErrNoRoom is returned by Store.Commit when a slot lacks the room a
	// change needs (another booking took it since the snapshot). The
	// Ledger re-plans on it; callers of the Ledger see ErrContention only
	// after the retries are spent.
	ErrNoRoom = errors.New("capacity: slot has no room")
	// ErrStale is returned by Store.Commit when the booking's version is
	// not the one the change expects (another operation changed it first),
	// and ErrExists when a booking with the key exists already on insert.
	ErrStale  = errors.New("capacity: booking changed concurrently")
	ErrExists = errors.New("capacity: booking key exists")
)

// Slot is one producer's capacity with one technique in one ISO week: the
// unit the ledger books. Slots are ordered by Compare (producer ID, then
// technique, then week); stores touch slots in that order so concurrent
// transactions cannot deadlock.
type Slot struct {
	ProducerID string          `json:"producer_id"`
	Technique  batik.Technique `json:"technique"`
	Week       Week            `json:"week"`
}

// Compare orders slots by producer ID, technique and week.
func (s Slot) Compare(t Slot) int {
	if c := strings.Compare(s.ProducerID, t.ProducerID); c != 0 {
		return c
	}
	if c := strings.Compare(string(s.Technique), string(t.Technique)); c != 0 {
		return c
	}
	return s.Week.Compare(t.Week)
}

// String returns "SLO-01/cap/2026-W50".
func (s Slot) String() string {
	return s.ProducerID + "/" + string(s.Technique) + "/" + s.Week.String()
}

// State is where a booking stands. It travels in JSON as text.
type State uint8

// The states of a booking. Held and Confirmed bookings take capacity;
// Cancelled and Expired ones release it.
const (
	Held      State = iota + 1 // reserved until HoldUntil; confirm it before then or it expires
	Confirmed                  // promised to the order
	Cancelled                  // released by Cancel
	Expired                    // a hold whose HoldUntil passed before it was confirmed
)

var stateNames = [...]string{Held: "held", Confirmed: "confirmed", Cancelled: "cancelled", Expired: "expired"}

// String returns "held", "confirmed", "cancelled" or "expired"; the zero
// State (not a state) prints as "".
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// ParseState reads a state's text form, or returns an *InputError wrapping
// ErrInvalid.
func ParseState(s string) (State, error) {
	for st := Held; st <= Expired; st++ {
		if stateNames[st] == s {
			return st, nil
		}
	}
	return 0, invalid("state", quote(s), "unknown booking state; use held, confirmed, cancelled or expired")
}

// MarshalText returns the state's text form.
func (s State) MarshalText() ([]byte, error) {
	if s < Held || s > Expired {
		return nil, invalid("state", strconv.Itoa(int(s)), "unknown booking state")
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads what ParseState reads.
func (s *State) UnmarshalText(b []byte) error {
	v, err := ParseState(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Takes reports whether a booking in state s takes capacity.
func (s State) Takes() bool { return s == Held || s == Confirmed }

// BookingLine is pieces of one order booked in one slot, at the producer's
// unit cost, and how many of them were delivered.
type BookingLine struct {
	OrderID   string          `json:"order_id"`
	Slot                      // producer_id, technique, week
	Quantity  int             `json:"quantity"`  // pieces booked (> 0)
	Delivered int             `json:"delivered"` // pieces handed over, at most Quantity
	UnitCost  decimal.Decimal `json:"unit_cost"` // a JSON string
}

// Booking is the record of one Book call: the slots it takes for its
// orders, and its state. Key is the caller's idempotency key (the order
// ID is the natural one).
type Booking struct {
	Key       string         `json:"key"`
	State     State          `json:"state"`
	HoldUntil time.Time      `json:"hold_until,omitzero"` // when a Held booking expires
	Request   string         `json:"request"`             // fingerprint of the request (hex SHA-256), for idempotency
	Lines     []BookingLine  `json:"lines"`               // sorted by order ID, then slot
	Unfilled  map[string]int `json:"unfilled"`            // order ID -> pieces the free capacity could not take
	Version   int64          `json:"version"`             // 1 on creation, +1 with every change
	Created   time.Time      `json:"created"`             // the caller's clock at Book
	Updated   time.Time      `json:"updated"`             // the caller's clock at the last change
}

// SlotDelta is a change to one slot's sums, part of a Change. Capacity is
// the slot's capacity as the Ledger computed it (a calendar entry, or the
// capability's PerWeek); the store records it on the slot and, when Held
// + Confirmed grows, refuses the whole change with ErrNoRoom unless the
// new held + confirmed (counting only holds unexpired at Change.Now) is at
// most Capacity. A calendar entry the store holds for the slot (see
// CalendarEntry for which applies) takes precedence over Capacity, so that
// a week closed by SetCalendar after the change was planned stays closed.
type SlotDelta struct {
	Slot
	Capacity  int
	Held      int // change in pieces held (negative to release)
	Confirmed int // change in pieces confirmed
	Delivered int // change in pieces delivered
}

// Change is one atomic write: the booking's new record and the slot
// changes that go with it. Expect is the version the stored booking must
// have (0: no booking with the key may exist, and the record is inserted).
// Deltas are sorted by slot.
type Change struct {
	Now     time.Time
	Expect  int64
	Booking Booking
	Deltas  []SlotDelta
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
// technique (all when empty), weeks From through To inclusive.
type SlotQuery struct {
	ProducerIDs []string
	Technique   batik.Technique
	From, To    Week
}

// BookingFilter selects bookings by order or producer (either or both may
// be empty; both empty selects every booking).
type BookingFilter struct {
	OrderID    string
	ProducerID string
}

// Store keeps the ledger's records. Implementations: NewMemoryStore here,
// and capacity/pgstore on PostgreSQL. Every method is safe for concurrent
// use, and a Store shared by several Ledgers (or processes) keeps the
// invariant held + confirmed <= capacity in every slot.
//
// Expired holds: a Held booking whose HoldUntil is at or before the
// caller's now counts as Expired everywhere, whether or not the store has
// rewritten it yet. Commit releases such holds on every slot it touches
// before it checks room (so their capacity is free for the change), and
// the readers report them as Expired with their pieces not held.
type Store interface {
	// Commit applies c atomically: all of it or none. With c.Expect 0 it
	// inserts c.Booking, returning an error wrapping ErrExists (and the
	// stored booking) when the key is taken; otherwise it replaces the
	// booking whose version is c.Expect, returning ErrStale when the
	// version differs and ErrNotFound when there is none. The slot deltas
	// are applied in slot order, each checked as SlotDelta says; a lack of
	// room returns ErrNoRoom and changes nothing. It returns the stored
	// booking, in its state at c.Now (a hold whose HoldUntil is at or
	// before c.Now is Expired). Like io.Writer with its buffer, Commit
	// must not keep c.Deltas after it returns: the Ledger reuses that
	// slice.
	//
	// Commit refuses, wrapping ErrInvalid and with nothing changed, input
	// that breaks these rules (the Ledger's changes never do: it refuses
	// such input itself): the key,
	// order IDs (of lines and of Unfilled) and producer IDs are valid
	// UTF-8 without a NUL byte, 1 to 256 bytes; techniques are known and
	// weeks set; a line books 1 to 2147483647 pieces, has delivered 0 to
	// that many, costs >= 0 and is the only line of its order in its slot;
	// Unfilled counts are >= 0; the state is known, and a Held booking has
	// a HoldUntil. A delta that changes a sum by more than 2147483647 is
	// refused wrapping ErrOverflow. A store may refuse more that it cannot
	// hold, saying so (pgstore: times outside the years 1 to 9999).
	Commit(ctx context.Context, c Change) (Booking, error)
	// Booking returns the booking with the key, or ErrNotFound (also for
	// a key Commit's rules refuse: no booking can have it).
	Booking(ctx context.Context, key string, now time.Time) (Booking, error)
	// Bookings returns the bookings of f.OrderID (a line for it, or the
	// order in Unfilled) and/or with a line for f.ProducerID (both given:
	// a line for both), every booking when both are empty, by key.
	Bookings(ctx context.Context, f BookingFilter, now time.Time) ([]Booking, error)
	// Usage returns the slots of q that any booking touched, in slot
	// order, with the capacity last recorded for each (by a commit, or by
	// SetCalendar for the slots its entry governs; pgstore leaves a slot's
	// as it was while an expired hold no commit has released yet keeps
	// its held pieces above the entry). A query with an unknown technique
	// is refused wrapping ErrInvalid, as in Calendar.
	Usage(ctx context.Context, q SlotQuery, now time.Time) ([]SlotUsage, error)
	// SetCalendar records e, replacing an entry for the same producer,
	// technique and week. It refuses (ErrNoRoom) to set a capacity below
	// what is held and confirmed in an affected slot.
	SetCalendar(ctx context.Context, e CalendarEntry, now time.Time) error
	// Calendar returns the entries for the slots of q, in slot order
	// (entries with an empty technique first within a producer and week).
	Calendar(ctx context.Context, q SlotQuery) ([]CalendarEntry, error)
}
