package aql

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
)

// FuzzInspect: Inspect never panics, refuses bad input with an
// *InputError wrapping a sentinel, and on success keeps the invariants:
// the plan is a real plan (Re = Ac + 1, 1 <= n <= lot size), the verdict
// follows Ac, and the next state is valid and survives JSON.
func FuzzInspect(f *testing.F) {
	f.Add(uint8(12), "II", "normal", 1000, 3, 0, "", false, false, false, false, uint8(0))
	f.Add(uint8(3), "S-1", "tightened", 8, 1, 0, "", false, false, true, false, uint8(2))
	f.Add(uint8(25), "III", "reduced", 600000, 0, 0, "", true, true, false, true, uint8(0))
	f.Add(uint8(15), "I", "normal", 0, -1, 29, "AANA", true, true, false, false, uint8(4))
	f.Add(uint8(0), "IV", "strict", -5, 100, 3, "NN", false, false, false, false, uint8(9))
	f.Fuzz(func(t *testing.T, aqlIdx uint8, level, severity string, size, found, score int, recent string,
		steady, approved, irregular, other bool, counts uint8) {
		s := State{
			Producer: "p", Technique: "tulis", AQL: AQL{aqlIdx % (numAQL + 1)},
			Level: Level(level), Severity: Severity(severity),
			SwitchingScore: score, Recent: recent,
			ConsecutiveAccepted: int(counts & 7), NotAccepted: int(counts >> 3 & 7), Discontinued: counts&0x80 != 0,
		}
		lot := Lot{Size: size, Nonconforming: found, Steady: steady, Approved: approved, Irregular: irregular, OtherNormal: other}
		v, err := Inspect(s, lot)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T) is not an *InputError", err, err)
			}
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrState) && !errors.Is(err, ErrDiscontinued) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		p := v.Plan
		if p.Re != p.Ac+1 || p.Ac < 0 || p.SampleSize < 1 || p.FullInspection != (p.SampleSize == size) || p.SampleSize > size {
			t.Fatalf("bad plan %+v for lot %+v", p, lot)
		}
		if v.Accepted != (found <= p.Ac) {
			t.Fatalf("verdict %v with %d found and Ac %d", v.Accepted, found, p.Ac)
		}
		if err := v.Next.Validate(); err != nil {
			t.Fatalf("next state invalid: %v\n%+v", err, v.Next)
		}
		b, err := json.Marshal(v.Next)
		if err != nil {
			t.Fatal(err)
		}
		var back State
		if err := json.Unmarshal(b, &back); err != nil || back != v.Next {
			t.Fatalf("round trip: %v\n%s", err, b)
		}
	})
}

// FuzzStateJSON: decoding any bytes never panics; whatever decodes is a
// valid state that encodes and decodes to itself.
func FuzzStateJSON(f *testing.F) {
	f.Add([]byte(`{"producer":"ws-01","technique":"tulis","aql":"2.5","level":"II","severity":"normal","switching_score":6,"recent":"ANAA"}`))
	f.Add([]byte(`{"producer":"p","technique":"cap","aql":"0,65","level":"s-2","severity":"tightened","discontinued":true,"not_accepted":5}`))
	f.Add([]byte(`{"producer":"p","technique":"cap","aql":"1000","level":"III","severity":"reduced"}`))
	f.Add([]byte(`{"producer":"p","technique":"cap","aql":"2.4","level":"II","severity":"tightened","switching_score":3}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s State
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		if err := s.Validate(); err != nil {
			t.Fatalf("decoded an invalid state: %v", err)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back State
		if err := json.Unmarshal(b, &back); err != nil || back != s {
			t.Fatalf("round trip: %v\n%s", err, b)
		}
	})
}

// FuzzParseAQL: ParseAQL never panics, and what it accepts prints back to
// a spelling that parses to the same AQL.
func FuzzParseAQL(f *testing.F) {
	for _, s := range []string{"2.5", "2,5", "0.01", "2.4", "1000%", ".65", "1e3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAQL(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		back, err := ParseAQL(a.String())
		if err != nil || back != a {
			t.Fatalf("%q -> %s -> %v, %v", s, a, back, err)
		}
	})
}

// FuzzRecordJSON: decoding any bytes as a lot record never panics and
// fails with an *InputError wrapping ErrInvalid or ErrState; whatever
// decodes is a record that holds together and survives a round trip.
func FuzzRecordJSON(f *testing.F) {
	f.Add([]byte(`{"lot_id":"KAMPANYE-2026-01","producer":"ws-03","technique":"tulis","lot_size":1000,"seed":2859,"inspector":"Sri","date":"2026-12-21","classes":[{"class":"critical","plan":{"severity":"normal","aql":"0.10","code_letter":"J","plan_letter":"K","sample_size":125,"ac":0,"re":1,"full_inspection":false},"found":0,"accepted":true},{"class":"minor","plan":{"severity":"normal","aql":"4.0","code_letter":"J","plan_letter":"J","sample_size":80,"ac":7,"re":8,"full_inspection":false,"basis":"nonconformities"},"found":9,"accepted":false,"switch":"to_tightened"}],"accepted":false}`))
	f.Add([]byte(`{"lot_id":"L","producer":"p","technique":"cap","lot_size":12,"seed":1,"inspector":"i","date":"2026-01-01","classes":[{"plan":{"severity":"normal","aql":"0.65","code_letter":"B","plan_letter":"F","sample_size":12,"ac":0,"re":1,"full_inspection":true},"found":0,"accepted":true}],"accepted":true}`))
	f.Add([]byte(`{"lot_id":"L","lot_id":"M"}`))
	f.Add([]byte(`{"classes":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Record
		if err := json.Unmarshal(data, &r); err != nil {
			var ie *InputError
			if errors.As(err, &ie) && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrState) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("decoded a record that does not hold together: %v", err)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back Record
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("round trip: %v\n%s", err, b)
		}
		if !reflect.DeepEqual(back, r) {
			t.Fatalf("round trip changed the record:\n%s", b)
		}
	})
}
