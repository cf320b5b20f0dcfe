package capacity

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"strconv"
	"strings"
	"time"
)

// BookingFilter selects bookings and one page of them. OrderID and
// ProducerID select by order (a line for it, or the order in Unfilled)
// and by producer (a line for it); both set: both; neither: every
// booking. State, when set, selects the bookings in that state at the
// caller's now (a lapsed hold is Expired). Pages follow (Created, Key)
// order: Limit is the most a page holds (0 means DefaultPageLimit, at
// most MaxPageLimit), and Cursor, when set, is BookingPage.Next of the
// page before, which must have been made with the same OrderID,
// ProducerID and State.
type BookingFilter struct {
	OrderID    string `json:"order_id,omitempty"`
	ProducerID string `json:"producer_id,omitempty"`
	State      State  `json:"state,omitzero"`
	Limit      int    `json:"limit,omitzero"`
	Cursor     string `json:"cursor,omitempty"`
}

type bookingFilterJSON struct {
	OrderID    string `json:"order_id,omitempty"`
	ProducerID string `json:"producer_id,omitempty"`
	State      State  `json:"state,omitzero"`
	Limit      int    `json:"limit,omitzero"`
	Cursor     string `json:"cursor,omitempty"`
}

// UnmarshalJSON decodes a filter strictly (see the package doc, JSON):
// every key may be left out. Validate checks the filter.
func (f *BookingFilter) UnmarshalJSON(data []byte) error {
	var v bookingFilterJSON
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	*f = BookingFilter(v)
	return nil
}

// BookingPage is one page of bookings, and the cursor of the next page
// ("" when this is the last).
type BookingPage struct {
	Bookings []Booking `json:"bookings"`
	Next     string    `json:"next"`
}

// The page sizes of BookingFilter.Limit.
const (
	DefaultPageLimit = 100
	MaxPageLimit     = 1000
)

// maxCursor is the longest cursor that can decode, in bytes.
const maxCursor = 1024

// Validate checks the filter as every Store does before reading: a known
// state (or none), a limit in [0, MaxPageLimit], and a cursor that decodes
// and was made for this filter. (An ID no booking can have selects
// nothing; it is not an error.) It returns an *InputError wrapping
// ErrInvalid. O(len(Cursor)).
func (f BookingFilter) Validate() error {
	switch {
	case f.State != 0 && (f.State < Held || f.State > Expired):
		return invalid("filter.state", strconv.Itoa(int(f.State)), cState)
	case f.Limit < 0 || f.Limit > MaxPageLimit:
		return invalid("filter.limit", strconv.Itoa(f.Limit), cPageLimit, strconv.Itoa(MaxPageLimit), strconv.Itoa(DefaultPageLimit))
	}
	_, _, err := f.After()
	return err
}

// PageLimit returns the page size the filter asks for: Limit, or
// DefaultPageLimit when Limit is 0.
func (f BookingFilter) PageLimit() int {
	if f.Limit == 0 {
		return DefaultPageLimit
	}
	return f.Limit
}

// After returns where the page starts: after the booking created at
// created with the key (a zero created and "" for the first page). A
// cursor that does not decode, or was made for another filter, is an
// *InputError wrapping ErrInvalid. O(len(Cursor)).
func (f BookingFilter) After() (created time.Time, key string, err error) {
	if f.Cursor == "" {
		return time.Time{}, "", nil
	}
	bad := func() (time.Time, string, error) {
		return time.Time{}, "", invalid("filter.cursor", quote(f.Cursor), cCursor)
	}
	if len(f.Cursor) > maxCursor {
		return bad()
	}
	raw, err := base64.RawURLEncoding.DecodeString(f.Cursor)
	if err != nil || len(raw) < cursorHead+1 || raw[0] != cursorVersion {
		return bad()
	}
	if string(raw[1:9]) != string(f.scope()) {
		return time.Time{}, "", invalid("filter.cursor", quote(f.Cursor), cCursorScope)
	}
	secs, nanos := int64(binary.BigEndian.Uint64(raw[9:17])), binary.BigEndian.Uint32(raw[17:21])
	key = string(raw[cursorHead:])
	if nanos >= 1e9 || !storable(key) {
		return bad()
	}
	return time.Unix(secs, int64(nanos)).UTC(), key, nil
}

// A cursor is its version, the filter's scope (8 bytes), the created time
// of the page's last booking in Unix seconds (8) and nanoseconds (4) (an
// int64 of nanoseconds holds only the years 1678 to 2262), then its key.
const (
	cursorVersion = 2
	cursorHead    = 1 + 8 + 8 + 4
)

// scope is the first 8 bytes of the SHA-256 of the filter's selection: a
// cursor carries it, so that it is refused with another filter.
func (f BookingFilter) scope() []byte {
	h := sha256.New()
	for _, s := range [...]string{f.OrderID, f.ProducerID, f.State.String()} {
		h.Write([]byte(strconv.Itoa(len(s)) + ":" + s))
	}
	return h.Sum(nil)[:8]
}

// Page makes the page of a store's answer: matches are the bookings after
// the cursor in (Created, Key) order, at most PageLimit()+1 of them (one
// more than the page holds tells that a next page exists). O(len(matches)).
func (f BookingFilter) Page(matches []Booking) BookingPage {
	n := f.PageLimit()
	if matches == nil {
		matches = []Booking{}
	}
	if len(matches) <= n {
		return BookingPage{Bookings: matches}
	}
	last := matches[n-1]
	raw := make([]byte, 0, cursorHead+len(last.Key))
	raw = append(raw, cursorVersion)
	raw = append(raw, f.scope()...)
	raw = binary.BigEndian.AppendUint64(raw, uint64(last.Created.Unix()))
	raw = binary.BigEndian.AppendUint32(raw, uint32(last.Created.Nanosecond()))
	raw = append(raw, last.Key...)
	return BookingPage{Bookings: matches[:n], Next: base64.RawURLEncoding.EncodeToString(raw)}
}

// ComparePage orders bookings as pages list them: by Created, then Key.
func ComparePage(a, b *Booking) int {
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.Key, b.Key)
}

// Selects reports whether f selects b as it stands at now: by order (a
// line for it, or the order in Unfilled), producer (a line for it) and
// state at now. It does not look at the page. O(lines).
func (f BookingFilter) Selects(b *Booking, now time.Time) bool {
	if f.State != 0 && b.StateAt(now) != f.State {
		return false
	}
	if f.OrderID == "" && f.ProducerID == "" {
		return true
	}
	if f.ProducerID == "" {
		if _, ok := b.Unfilled[f.OrderID]; ok {
			return true
		}
	}
	for i := range b.Lines {
		l := &b.Lines[i]
		if (f.OrderID == "" || l.OrderID == f.OrderID) && (f.ProducerID == "" || l.ProducerID == f.ProducerID) {
			return true
		}
	}
	return false
}
