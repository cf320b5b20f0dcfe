package capacity

import (
	"encoding/json"
	"strconv"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// JSON forms of the result types. Field names are snake_case, empty lists
// encode as [] (never null), weeks as "2026-W49" and amounts as JSON
// strings in the machine form ("85000.50"), whatever shopspring/decimal's
// package settings (MarshalJSONWithoutQuotes) say. Decoding is strict, as
// for every type of the package (json_strict.go): repeated, case-folded
// and unknown keys, null and missing keys are refused, and amounts go
// through pricing.ParseDecimal.

// amount is a decimal that always encodes as a JSON string and decodes
// through the machine grammar.
type amount decimal.Decimal

// MarshalText writes the amount in the machine form; encoding/json quotes
// it.
func (a amount) MarshalText() ([]byte, error) {
	return []byte(decimal.Decimal(a).String()), nil
}

// UnmarshalText reads the text of an amount. Strict decoding
// (json_strict.go) checks a value whose type reads text as that text, so
// an amount is checked as the string it must be (a JSON number is refused
// as not text).
func (a *amount) UnmarshalText(b []byte) error {
	d, err := pricing.ParseDecimal(string(b))
	if err != nil {
		return &InputError{Field: "amount", Value: quote(string(b)), Code: texts[cAmount].Code, Kind: ErrInvalid, Err: err}
	}
	*a = amount(d)
	return nil
}

type lineJSON struct {
	ProducerID string `json:"producer_id"`
	Quantity   int    `json:"quantity"`
	UnitCost   amount `json:"unit_cost"`
}

// MarshalJSON encodes the line with its cost as a JSON string.
func (l Line) MarshalJSON() ([]byte, error) {
	return json.Marshal(lineJSON{l.ProducerID, l.Quantity, amount(l.UnitCost)})
}

// UnmarshalJSON decodes a line strictly.
func (l *Line) UnmarshalJSON(b []byte) error {
	var v lineJSON
	if err := decodeJSON(b, &v); err != nil {
		return err
	}
	*l = Line{v.ProducerID, v.Quantity, decimal.Decimal(v.UnitCost)}
	return nil
}

// MarshalJSON encodes the plan with [] for empty lists.
func (p Plan) MarshalJSON() ([]byte, error) {
	type plain Plan
	v := plain(p)
	if v.Lines == nil {
		v.Lines = []Line{}
	}
	if v.Skipped == nil {
		v.Skipped = []Skip{}
	}
	return json.Marshal(v)
}

// UnmarshalJSON decodes a plan strictly.
func (p *Plan) UnmarshalJSON(b []byte) error {
	type plain Plan
	var v plain
	if err := decodeJSON(b, &v); err != nil {
		return err
	}
	*p = Plan(v)
	return nil
}

type assignmentJSON struct {
	OrderID    string     `json:"order_id"`
	ProducerID string     `json:"producer_id"`
	Week       Week       `json:"week"`
	WeekStart  batik.Date `json:"week_start,omitzero"`
	Quantity   int        `json:"quantity"`
	UnitCost   amount     `json:"unit_cost"`
}

// MarshalJSON encodes the assignment with its week ("2026-W49"), the
// week's Monday as "week_start", and its cost as a JSON string.
func (a Assignment) MarshalJSON() ([]byte, error) {
	return json.Marshal(assignmentJSON{a.OrderID, a.ProducerID, a.Week, a.Week.Monday(), a.Quantity, amount(a.UnitCost)})
}

// UnmarshalJSON decodes an assignment strictly; "week_start" may be
// omitted, and must be the week's Monday when given.
func (a *Assignment) UnmarshalJSON(b []byte) error {
	var v assignmentJSON
	if err := decodeJSON(b, &v); err != nil {
		return err
	}
	return v.assignment(a, "week_start")
}

// assignment sets *a from v after checking week_start (field names it).
func (v *assignmentJSON) assignment(a *Assignment, field string) error {
	if !v.WeekStart.IsZero() && v.WeekStart != v.Week.Monday() {
		return invalid(field, v.WeekStart.String(), cWeekStart, v.Week.String())
	}
	*a = Assignment{v.OrderID, v.ProducerID, v.Week, v.Quantity, decimal.Decimal(v.UnitCost)}
	return nil
}

type timetableJSON struct {
	Assignments []Assignment   `json:"assignments"`
	Unfilled    map[string]int `json:"unfilled"`
	Shortfalls  []Shortfall    `json:"shortfalls"`
	Cost        amount         `json:"cost"`
}

// MarshalJSON encodes the timetable with [] and {} for empty lists and
// maps, and its cost as a JSON string.
func (t Timetable) MarshalJSON() ([]byte, error) {
	v := timetableJSON{t.Assignments, t.Unfilled, t.Shortfalls, amount(t.Cost)}
	if v.Assignments == nil {
		v.Assignments = []Assignment{}
	}
	if v.Unfilled == nil {
		v.Unfilled = map[string]int{}
	}
	if v.Shortfalls == nil {
		v.Shortfalls = []Shortfall{}
	}
	return json.Marshal(v)
}

// UnmarshalJSON decodes a timetable strictly. Its assignments are checked
// in their JSON form (with week_start), not as Assignment's Go fields.
func (t *Timetable) UnmarshalJSON(b []byte) error {
	var v struct {
		Assignments []assignmentJSON `json:"assignments"`
		Unfilled    map[string]int   `json:"unfilled"`
		Shortfalls  []Shortfall      `json:"shortfalls"`
		Cost        amount           `json:"cost"`
	}
	if err := decodeJSON(b, &v); err != nil {
		return err
	}
	as := make([]Assignment, len(v.Assignments))
	for i := range v.Assignments {
		if err := v.Assignments[i].assignment(&as[i], "assignments["+strconv.Itoa(i)+"].week_start"); err != nil {
			return err
		}
	}
	*t = Timetable{as, v.Unfilled, v.Shortfalls, decimal.Decimal(v.Cost)}
	return nil
}

// ParseShortReason returns the reason whose text is s, or an *InputError
// wrapping ErrInvalid.
func ParseShortReason(s string) (ShortReason, error) {
	for _, r := range []ShortReason{NoProducerWithTechnique, NoProducerAtGrade, AllOnQualityHold, DueTooSoon, NotEnoughCapacity, CapacityTaken} {
		if string(r) == s {
			return r, nil
		}
	}
	return "", invalid("reason", quote(s), cShortReason)
}

// UnmarshalText reads what ParseShortReason reads.
func (r *ShortReason) UnmarshalText(b []byte) error {
	v, err := ParseShortReason(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
