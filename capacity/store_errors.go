package capacity

import "strconv"

// Errors a Store returns, in the package's one shape, so that every store
// answers the Ledger (and a person reading the message, in English or
// Indonesian) the same way.

// NoRoomError is Commit's answer when slot s lacks room: taken pieces held
// and confirmed, asked more, capacity the slot's capacity. It wraps
// ErrNoRoom.
func NoRoomError(s Slot, taken, asked, capacity int) error {
	return fail(ErrNoRoom, "slot", quote(s.String()), cNoRoom, strconv.Itoa(taken), strconv.Itoa(asked), strconv.Itoa(capacity))
}

// BelowTakenError is SetCalendar's answer when an entry would set slot s's
// capacity below the taken pieces held and confirmed in it. It wraps
// ErrNoRoom.
func BelowTakenError(s Slot, taken, capacity int) error {
	return fail(ErrNoRoom, "slot", quote(s.String()), cBelowTaken, strconv.Itoa(taken), strconv.Itoa(capacity))
}

// StaleError is Commit's answer when the booking's version is not the
// expected one. It wraps ErrStale.
func StaleError(key string, expect, stored int64) error {
	return fail(ErrStale, "key", quote(key), cStale, strconv.FormatInt(expect, 10), strconv.FormatInt(stored, 10))
}

// ExistsError is Commit's answer to an insert whose key is taken. It wraps
// ErrExists.
func ExistsError(key string) error {
	return fail(ErrExists, "key", quote(key), cExists)
}

// CallExistsError is Commit's answer to a delivery call whose key the
// booking has already. It wraps ErrExists.
func CallExistsError(key, callKey string) error {
	return fail(ErrExists, "call", quote(callKey), cCallExists)
}

// NotFoundError is the answer for a key no booking has. It wraps
// ErrNotFound.
func NotFoundError(key string) error {
	return fail(ErrNotFound, "key", quote(key), cNotFound)
}

// SumsError is Commit's answer to deltas that would leave a slot with a
// negative sum, or more delivered than confirmed. It wraps ErrInvalid.
func SumsError(s Slot, held, confirmed, delivered int) error {
	return invalid("slot", quote(s.String()), cSlotSums, strconv.Itoa(held), strconv.Itoa(confirmed), strconv.Itoa(delivered))
}
