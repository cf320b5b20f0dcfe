package aql

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Lot of 1000 at level II is code letter J (n = 80). At AQL 2.5 normal the
// plan is 5/6 and one step tighter (1.5) it is 3/4; tightened 3/4; reduced
// (n = 32) 2/3.
const lotJ = 1000

func newTestState(t *testing.T, aql string) State {
	t.Helper()
	s, err := NewState("ws-01", "tulis", MustParseAQL(aql), LevelII)
	require.NoError(t, err)
	return s
}

// run inspects a sequence of lots, given as nonconforming counts with the
// same flags, and returns the verdicts.
func run(t *testing.T, s State, flags Lot, counts ...int) (State, []Verdict) {
	t.Helper()
	var out []Verdict
	for _, c := range counts {
		lot := flags
		lot.Size, lot.Nonconforming = lotJ, c
		v, err := Inspect(s, lot)
		require.NoError(t, err)
		require.NoError(t, v.Next.Validate())
		out = append(out, v)
		s = v.Next
	}
	return s, out
}

func TestNormalToTightened(t *testing.T) {
	tests := []struct {
		name   string
		give   []int // nonconforming counts; 9 is not accepted (Ac 5), 0 accepted
		want   Severity
		wantSw Switch
	}{
		{"2 of 2", []int{9, 9}, Tightened, ToTightened},
		{"2 of 5", []int{9, 0, 0, 0, 9}, Tightened, ToTightened},
		{"2 of 6 is not 2 of 5", []int{9, 0, 0, 0, 0, 9}, Normal, NoSwitch},
		{"1 of 5", []int{0, 0, 9, 0, 0}, Normal, NoSwitch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, vs := run(t, newTestState(t, "2.5"), Lot{}, tt.give...)
			assert.Equal(t, tt.want, s.Severity)
			assert.Equal(t, tt.wantSw, vs[len(vs)-1].Switch)
			if tt.want == Tightened {
				assert.Equal(t, State{Producer: "ws-01", Technique: "tulis", AQL: MustParseAQL("2.5"), Level: LevelII, Severity: Tightened}, s)
			}
		})
	}
}

func TestTightenedToNormalAndDiscontinue(t *testing.T) {
	tight := newTestState(t, "2.5")
	tight.Severity = Tightened

	// Tightened plan J at 2.5 is 3/4: 4 is not accepted.
	s, vs := run(t, tight, Lot{}, 0, 0, 0, 0)
	assert.Equal(t, Tightened, s.Severity)
	assert.Equal(t, 4, s.ConsecutiveAccepted)
	assert.Equal(t, "J 80 3/4 tightened", planText(vs[0].Plan))
	s, vs = run(t, s, Lot{}, 3) // the 5th consecutive accepted lot (9.3.2)
	assert.Equal(t, ToNormal, vs[0].Switch)
	assert.Equal(t, Normal, s.Severity)
	assert.Zero(t, s.SwitchingScore)
	assert.Empty(t, s.Recent)

	// Five lots not accepted in total, never 5 accepted in a row (9.4).
	s, vs = run(t, tight, Lot{}, 4, 0, 0, 0, 0, 4, 4, 0, 4)
	assert.Equal(t, Tightened, s.Severity)
	assert.Equal(t, 4, s.NotAccepted)
	assert.Equal(t, NoSwitch, vs[len(vs)-1].Switch)
	s, vs = run(t, s, Lot{}, 4)
	assert.Equal(t, Discontinue, vs[0].Switch)
	assert.True(t, s.Discontinued)
	assert.Equal(t, Tightened, s.Severity)

	_, err := Inspect(s, Lot{Size: lotJ})
	require.ErrorIs(t, err, ErrDiscontinued)

	r, err := Resume(s)
	require.NoError(t, err)
	assert.Equal(t, tight, r, "corrective action: tightened as if 9.3.1 had just been invoked")
	_, err = Resume(r)
	require.ErrorIs(t, err, ErrInvalid)
}

func TestSwitchingScore(t *testing.T) {
	tests := []struct {
		name string
		aql  string
		give []int
		want int
	}{
		// Ac 5 >= 2: +3 when accepted at 1.5 too (Ac 3), else reset.
		{"Ac>=2, accepted one step tighter", "2.5", []int{0, 3, 1}, 9},
		{"Ac>=2, accepted but not one step tighter", "2.5", []int{0, 3, 4}, 0},
		{"Ac>=2, not accepted", "2.5", []int{0, 3, 6}, 0},
		// J at 0.65 is 1/2: +2 when accepted.
		{"Ac 1, accepted", "0.65", []int{0, 1, 1}, 6},
		{"Ac 1, not accepted", "0.65", []int{1, 1, 2}, 0},
		// J at 0.15 is 0/1.
		{"Ac 0, accepted", "0.15", []int{0, 0, 0, 0}, 8},
		{"reset then grow", "2.5", []int{0, 9, 0, 2}, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := run(t, newTestState(t, tt.aql), Lot{}, tt.give...)
			assert.Equal(t, Normal, s.Severity)
			assert.Equal(t, tt.want, s.SwitchingScore)
		})
	}
}

func TestNormalToReduced(t *testing.T) {
	ten := []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0} // 10 lots x 3 = 30
	tests := []struct {
		name  string
		flags Lot
		want  Severity
	}{
		{"steady and approved", Lot{Steady: true, Approved: true}, Reduced},
		{"not steady", Lot{Approved: true}, Normal},
		{"not approved", Lot{Steady: true}, Normal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := run(t, newTestState(t, "2.5"), tt.flags, ten[:9]...)
			assert.Equal(t, Normal, s.Severity)
			assert.Equal(t, 27, s.SwitchingScore)
			s, vs := run(t, s, tt.flags, ten[9])
			assert.Equal(t, tt.want, s.Severity)
			if tt.want == Reduced {
				assert.Equal(t, ToReduced, vs[0].Switch)
				assert.Zero(t, s.SwitchingScore)
			} else {
				assert.Equal(t, 30, s.SwitchingScore)
			}
		})
	}
}

func TestReducedToNormal(t *testing.T) {
	red := newTestState(t, "2.5")
	red.Severity = Reduced
	tests := []struct {
		name string
		lot  Lot
		want Severity
	}{
		{"accepted", Lot{Nonconforming: 3}, Reduced},
		{"not accepted", Lot{Nonconforming: 4}, Normal},
		{"irregular production", Lot{Irregular: true}, Normal},
		{"other conditions", Lot{OtherNormal: true}, Normal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lot := tt.lot
			lot.Size = lotJ
			v, err := Inspect(red, lot)
			require.NoError(t, err)
			assert.Equal(t, "J 32 3/4 reduced", planText(v.Plan)) // Table 2-C, J at 2.5
			assert.Equal(t, tt.want, v.Next.Severity)
			assert.Equal(t, tt.want == Normal, v.Switch == ToNormal)
		})
	}
}

func TestFullInspection(t *testing.T) {
	s := newTestState(t, "0.65")
	v, err := Inspect(s, Lot{Size: 60, Nonconforming: 0}) // E; arrow down to F, n = 20
	require.NoError(t, err)
	assert.False(t, v.Plan.FullInspection)
	assert.Equal(t, "F 20 0/1 normal", planText(v.Plan))
	v, err = Inspect(s, Lot{Size: 15, Nonconforming: 0}) // B; arrow down to F: n 20 >= 15
	require.NoError(t, err)
	assert.True(t, v.Plan.FullInspection)
	assert.Equal(t, 15, v.Plan.SampleSize)
	_, err = Inspect(s, Lot{Size: 15, Nonconforming: 16})
	require.ErrorIs(t, err, ErrInvalid)
}

func planText(p Plan) string {
	return fmt.Sprintf("%s %d %d/%d %s", p.PlanLetter, p.SampleSize, p.Ac, p.Re, p.Severity)
}

// refScheme is a straightforward re-reading of ISO 2859-1:1999 clause 9,
// written apart from the package: it keeps the full list of results of the
// current period instead of counters, and recomputes the rules from it.
type refScheme struct {
	sev          Severity
	discontinued bool
	results      []bool // accepted?, since the current severity began
	points       []int  // normal: score change per lot, -1 meaning reset
}

func (r *refScheme) score() int {
	s := 0
	for _, p := range r.points {
		if p < 0 {
			s = 0
		} else {
			s += p
		}
	}
	return s
}

func (r *refScheme) enter(sev Severity) {
	r.sev, r.results, r.points = sev, nil, nil
}

func (r *refScheme) apply(plan Plan, lot Lot, accepted bool) Switch {
	r.results = append(r.results, accepted)
	switch r.sev {
	case Normal:
		notAccepted := 0
		for k := max(0, len(r.results)-5); k < len(r.results); k++ {
			if !r.results[k] {
				notAccepted++
			}
		}
		if !accepted && notAccepted >= 2 {
			r.enter(Tightened)
			return ToTightened
		}
		switch {
		case !accepted:
			r.points = append(r.points, -1)
		case plan.Ac <= 1:
			r.points = append(r.points, 2)
		default:
			tighter, _ := plan.AQL.Tighter()
			// Same sample, AQL one step tighter: the Table 2-A cell left of
			// the plan used, read through the public API with the plan's
			// own code letter (a plan at Ac >= 2 and the cell to its left
			// share the row).
			tp, err := Lookup(plan.PlanLetter, tighter, Normal)
			if err == nil && tp.PlanLetter == plan.PlanLetter && lot.Nonconforming <= tp.Ac {
				r.points = append(r.points, 3)
			} else {
				r.points = append(r.points, -1)
			}
		}
		if r.score() >= 30 && lot.Steady && lot.Approved {
			r.enter(Reduced)
			return ToReduced
		}
	case Tightened:
		n := len(r.results)
		if n >= 5 && r.results[n-1] && r.results[n-2] && r.results[n-3] && r.results[n-4] && r.results[n-5] {
			r.enter(Normal)
			return ToNormal
		}
		notAccepted := 0
		for _, a := range r.results {
			if !a {
				notAccepted++
			}
		}
		if notAccepted >= 5 {
			r.discontinued = true
			return Discontinue
		}
	case Reduced:
		if !accepted || lot.Irregular || lot.OtherNormal {
			r.enter(Normal)
			return ToNormal
		}
	}
	return NoSwitch
}

// TestSwitchingAgainstReference drives random lot sequences through
// Inspect and the reference reading of clause 9 and compares every step;
// every 10th intermediate state, and each one a switch leads to, also
// survives a JSON round trip.
func TestSwitchingAgainstReference(t *testing.T) {
	aqls := AQLs()
	switches := map[Switch]int{}
	for seed := uint64(1); seed <= 300; seed++ {
		rng := rand.New(rand.NewPCG(seed, 0x2859))
		a := aqls[rng.IntN(len(aqls))]
		levels := []Level{LevelS1, LevelS2, LevelS3, LevelS4, LevelI, LevelII, LevelIII}
		basis := Items
		if a.Thousandths() > 10_000 || rng.IntN(2) == 0 {
			basis = Nonconformities // AQLs above 10 exist for nonconformities only
		}
		s, err := NewClassState("p", "cap", Major, basis, a, levels[rng.IntN(len(levels))])
		require.NoError(t, err)
		ref := &refScheme{sev: Normal}
		quality := rng.Float64() * 0.2 // share of nonconforming items
		for step := 0; step < 200; step++ {
			if s.Discontinued {
				s, err = Resume(s)
				require.NoError(t, err)
				ref.enter(Tightened)
				ref.discontinued = false
				quality *= 0.5 // corrective action helped
			}
			lot := Lot{Size: 1 + rng.IntN(20000)}
			lot.Steady = rng.IntN(10) < 8
			lot.Approved = rng.IntN(10) < 8
			lot.Irregular = !lot.Steady && rng.IntN(10) < 3
			lot.OtherNormal = rng.IntN(50) == 0
			plan, err := PlanFor(lot.Size, s.Level, s.AQL, s.Severity)
			require.NoError(t, err)
			for k := 0; k < plan.SampleSize; k++ {
				if rng.Float64() < quality {
					lot.Nonconforming++
				}
			}
			v, err := Inspect(s, lot)
			require.NoError(t, err)
			plan.Basis = basis
			require.Equal(t, plan, v.Plan)
			require.Equal(t, lot.Nonconforming <= plan.Ac, v.Accepted)
			want := ref.apply(plan, lot, v.Accepted)
			require.Equal(t, want, v.Switch, "seed %d step %d", seed, step)
			require.Equal(t, ref.sev, v.Next.Severity)
			require.Equal(t, ref.discontinued, v.Next.Discontinued)
			if ref.sev == Normal {
				require.Equal(t, min(ref.score(), MaxSwitchingScore), v.Next.SwitchingScore, "seed %d step %d", seed, step)
			}
			switches[v.Switch]++

			if step%10 == 0 || v.Switch != NoSwitch {
				require.Equal(t, v.Next, jsonRoundTrip(t, v.Next))
			}
			s = v.Next
		}
	}
	// The sequences exercise every rule.
	for _, w := range []Switch{ToTightened, ToNormal, ToReduced, Discontinue} {
		assert.Positive(t, switches[w], "switch %q never happened", w)
	}
	t.Logf("switches over 60000 lots: %v", switches)
}

func TestInspectDoesNotAllocate(t *testing.T) {
	s := newTestState(t, "2.5")
	s.Recent, s.SwitchingScore = "AAA", 9
	lot := Lot{Size: 1000, Nonconforming: 1}
	allocs := testing.AllocsPerRun(100, func() {
		v, err := Inspect(s, lot)
		if err != nil || !v.Accepted {
			panic("unexpected")
		}
	})
	assert.Zero(t, allocs)
}

func TestVerdictJSONRoundTrip(t *testing.T) {
	s := newTestState(t, "2.5")
	v, err := Inspect(s, Lot{Size: 12, Nonconforming: 0})
	require.NoError(t, err)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"plan":{"severity":"normal","aql":"2.5","code_letter":"B","plan_letter":"C","sample_size":5,"ac":0,"re":1,"full_inspection":false},
		"nonconforming":0,"accepted":true,"switch":"",
		"next":{"producer":"ws-01","technique":"tulis","aql":"2.5","level":"II","severity":"normal","discontinued":false,
		"switching_score":2,"recent":"A","consecutive_accepted":0,"not_accepted":0}}`, string(b))
	var back Verdict
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v, back)
}

func TestLotJSON(t *testing.T) {
	var l Lot
	require.NoError(t, json.Unmarshal([]byte(`{"size":1000,"nonconforming":3,"steady":true}`), &l))
	assert.Equal(t, Lot{Size: 1000, Nonconforming: 3, Steady: true}, l)
	assert.Equal(t, l, jsonRoundTrip(t, l))
	for give, field := range map[string]string{
		`{"size":1000}`: "lot.nonconforming",
		`{"size":1000,"nonconforming":3,"Size":5}`:                     "lot.Size",
		`{"size":0,"nonconforming":0}`:                                 "lot.size",
		`{"size":10,"nonconforming":-1}`:                               "lot.nonconforming",
		`{"size":10,"nonconforming":0,"steady":true,"irregular":true}`: "lot.irregular",
		`{"size":10,"nonconforming":null}`:                             "lot.nonconforming",
	} {
		err := json.Unmarshal([]byte(give), &l)
		require.ErrorIs(t, err, ErrInvalid, give)
		var ie *InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, field, ie.Field, give)
	}
}
