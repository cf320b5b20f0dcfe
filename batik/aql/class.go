package aql

import "strings"

// Class is a class of nonconformity (ISO 2859-1:1999, 3.1.5 and 5.1): the
// buyer and the workshop agree an AQL per class, and each class has its own
// switching state. Its text form is the constant's value.
//
// The zero Class ("") is a lot inspected for one class that has no name;
// InspectLot accepts it as long as no two states of a lot share a class.
type Class string

// The usual classes of a garment inspection. Critical nonconformities are
// those that make a shirt unsafe or unusable; buyers commonly set a small
// AQL for them (or ask for none at all), 2.5 for major and 4.0 for minor
// ones (industry practice, not part of the standard).
const (
	Critical Class = "critical"
	Major    Class = "major"
	Minor    Class = "minor"
)

// Valid reports whether c is Critical, Major, Minor or the zero Class.
func (c Class) Valid() bool { return c == "" || c == Critical || c == Major || c == Minor }

// String returns the class's text ("" for the zero Class).
func (c Class) String() string { return string(c) }

// MarshalText returns the class's text; an unknown class is an error.
func (c Class) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, invalid("class", string(c), codeClass)
	}
	return []byte(c), nil
}

// UnmarshalText reads a class in any case, in English or in Indonesian
// ("kritis", "mayor", "minor"). O(len(text)).
func (c *Class) UnmarshalText(text []byte) error {
	switch strings.ToLower(strings.TrimSpace(string(text))) {
	case "critical", "kritis":
		*c = Critical
	case "major", "mayor":
		*c = Major
	case "minor":
		*c = Minor
	default:
		return invalid("class", string(text), codeClass)
	}
	return nil
}

// Basis says what a count counts (ISO 2859-1:1999, clause 4 and 5.2):
// nonconforming items (percent nonconforming: a shirt with two flaws
// counts once) or nonconformities (nonconformities per 100 items: it
// counts twice). AQLs above 10 exist for nonconformities only. Its text
// form is the constant's value.
//
// The zero Basis ("") means Items: a State stored before the field
// existed counts nonconforming items, and JSON leaves the key out for it.
type Basis string

// The two ways of counting.
const (
	Items           Basis = "items"
	Nonconformities Basis = "nonconformities"
)

// Valid reports whether b is Items, Nonconformities or the zero Basis.
func (b Basis) Valid() bool { return b == "" || b == Items || b == Nonconformities }

// String returns "items" for Items and the zero Basis, "nonconformities"
// for Nonconformities.
func (b Basis) String() string {
	if b == "" {
		return string(Items)
	}
	return string(b)
}

// perHundred reports whether counts are nonconformities per 100 items.
func (b Basis) perHundred() bool { return b == Nonconformities }

// MarshalText returns the basis's text; an unknown basis is an error.
func (b Basis) MarshalText() ([]byte, error) {
	if !b.Valid() {
		return nil, invalid("basis", string(b), codeBasis)
	}
	return []byte(b.String()), nil
}

// UnmarshalText reads "items" or "nonconformities" in any case, or the
// Indonesian "unit" and "ketidaksesuaian". O(len(text)).
func (b *Basis) UnmarshalText(text []byte) error {
	switch strings.ToLower(strings.TrimSpace(string(text))) {
	case "items", "unit":
		*b = Items
	case "nonconformities", "ketidaksesuaian":
		*b = Nonconformities
	default:
		return invalid("basis", string(text), codeBasis)
	}
	return nil
}

// checkAQLBasis refuses an AQL above 10 for nonconforming items (5.2).
func checkAQLBasis(a AQL, b Basis) bool {
	return b.perHundred() || a.Thousandths() <= 10_000
}
