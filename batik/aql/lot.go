package aql

import (
	"github.com/batikkit/batikkit/internal/msg"

	"strings"
)

// Inspection is what the quality officer records about one lot inspected
// for one or more classes of nonconformity at once (ISO 2859-1:1999,
// clause 6: one lot, the same product, technique and workshop).
type Inspection struct {
	LotID     string // the lot's identifier: a delivery note or bundle number
	Inspector string // who inspected it
	Date      string // when, as a calendar date YYYY-MM-DD
	Size      int    // units in the lot, 1 to MaxLotSize
	Seed      uint64 // the seed the sample was drawn with (Draw), kept in the record
	// Found holds, for each state given to InspectLot and in its order,
	// what that class's sample showed: nonconforming items or
	// nonconformities as the state's Basis says.
	Found []int
	// The facts about production the switching rules need (as in Lot).
	Steady, Approved, Irregular, OtherNormal bool
}

// InspectLot judges one lot for several classes of nonconformity, one
// State each (critical, major and minor defects with their own AQLs and
// switching states), and returns one record and the next state of every
// class in the order given. Each class is judged by Inspect on its own
// plan and count; the lot is accepted only when every class is (ISO
// 2859-1:1999, 11.3: the switching rules apply to each class separately).
// Class k's sample is the first n_k units of one Draw of the largest
// sample (Sample.PickList).
//
// It returns an *InputError: ErrInvalid when no state is given, the states
// are not all of the first one's producer and technique, two share a
// class, Found does not hold one count for each state, the lot ID,
// inspector or date is malformed (1 to MaxIDLen bytes of UTF-8; YYYY-MM-DD),
// or Inspect refuses a class's lot; ErrState and ErrDiscontinued as
// Inspect returns them. Field paths name the state or count at fault
// ("states[1].aql", "inspection.found[2]"). Nothing is returned on error.
// O(number of states) plus Inspect's cost; safe for concurrent use.
func InspectLot(states []State, in Inspection) (Record, []State, error) {
	if err := checkLotInput(states, in); err != nil {
		return Record{}, nil, err
	}
	rec := Record{
		LotID: in.LotID, Producer: states[0].Producer, Technique: states[0].Technique, LotSize: in.Size,
		Seed: in.Seed, Inspector: in.Inspector, Date: in.Date, Accepted: true,
		Classes: make([]ClassResult, len(states)),
	}
	next := make([]State, len(states))
	for k, s := range states {
		lot := Lot{Size: in.Size, Nonconforming: in.Found[k], Steady: in.Steady, Approved: in.Approved, Irregular: in.Irregular, OtherNormal: in.OtherNormal}
		v, err := Inspect(s, lot)
		if err != nil {
			return Record{}, nil, reField(err, k)
		}
		rec.Classes[k] = ClassResult{Class: s.Class, Plan: v.Plan, Found: v.Nonconforming, Accepted: v.Accepted, Switch: v.Switch}
		rec.Accepted = rec.Accepted && v.Accepted
		next[k] = v.Next
	}
	return rec, next, nil
}

// checkLotInput checks what InspectLot checks before inspecting.
func checkLotInput(states []State, in Inspection) error {
	if len(states) == 0 || len(states) > maxClasses {
		return fail(ErrInvalid, "states", itoa(len(states)), codeNoStates)
	}
	for k, s := range states[1:] {
		if s.Producer != states[0].Producer || s.Technique != states[0].Technique {
			return fail(ErrInvalid, "states["+itoa(k+1)+"]", msg.Quote(s.Producer+"/"+s.Technique), codeStatesDiffer,
				msg.Quote(states[0].Producer+"/"+states[0].Technique))
		}
		for _, t := range states[:k+1] {
			if t.Class == s.Class {
				return fail(ErrInvalid, "states["+itoa(k+1)+"].class", msg.Quote(string(s.Class)), codeClassTwice)
			}
		}
	}
	if len(in.Found) != len(states) {
		return fail(ErrInvalid, "inspection.found", itoa(len(in.Found)), codeCounts, itoa(len(states)))
	}
	if err := checkID("inspection.lot_id", in.LotID); err != nil {
		return err
	}
	if err := checkID("inspection.inspector", in.Inspector); err != nil {
		return err
	}
	if !dateOK(in.Date) {
		return invalid("inspection.date", in.Date, codeDate)
	}
	return nil
}

// maxClasses is the most classes one lot has: critical, major, minor and
// the unnamed class.
const maxClasses = 4

// reField moves an error of Inspect about class k to InspectLot's names.
func reField(err error, k int) error {
	ie, ok := err.(*InputError)
	if !ok {
		return err
	}
	c := *ie
	switch {
	case c.Field == "lot.nonconforming":
		c.Field = "inspection.found[" + itoa(k) + "]"
	case strings.HasPrefix(c.Field, "state."):
		c.Field = "states[" + itoa(k) + "]." + strings.TrimPrefix(c.Field, "state.")
	case strings.HasPrefix(c.Field, "lot."):
		c.Field = "inspection." + strings.TrimPrefix(c.Field, "lot.")
	}
	return &c
}
