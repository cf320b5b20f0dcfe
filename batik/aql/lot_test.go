package aql

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// threeClasses is a workshop's states for critical (AQL 0.10), major (2.5)
// and minor defects (4.0, counted as nonconformities per 100 shirts).
func threeClasses(t *testing.T) []State {
	t.Helper()
	var out []State
	for _, c := range []struct {
		class Class
		basis Basis
		aql   string
	}{{Critical, Items, "0.10"}, {Major, Items, "2.5"}, {Minor, Nonconformities, "4.0"}} {
		s, err := NewClassState("ws-03", "tulis", c.class, c.basis, MustParseAQL(c.aql), LevelII)
		require.NoError(t, err)
		out = append(out, s)
	}
	return out
}

func campaignInspection(found ...int) Inspection {
	return Inspection{LotID: "KAMPANYE-2026-01", Inspector: "Sri Wahyuni", Date: "2026-12-21", Size: 1000, Seed: 2859, Found: found, Steady: true}
}

func TestInspectLotThreeClasses(t *testing.T) {
	states := threeClasses(t)
	rec, next, err := InspectLot(states, campaignInspection(0, 4, 9))
	require.NoError(t, err)
	require.Len(t, rec.Classes, 3)
	assert.Equal(t, "K 125 0/1 normal", planText(rec.Classes[0].Plan)) // 0.10: J's arrow down to K
	assert.Equal(t, "J 80 5/6 normal", planText(rec.Classes[1].Plan))
	assert.Equal(t, "J 80 7/8 normal", planText(rec.Classes[2].Plan))
	assert.Equal(t, Nonconformities, rec.Classes[2].Plan.Basis)
	assert.False(t, rec.Classes[2].Accepted, "9 nonconformities > 7")
	assert.False(t, rec.Accepted, "one class not accepted: the lot is not accepted")
	assert.True(t, rec.Classes[0].Accepted && rec.Classes[1].Accepted)
	assert.Equal(t, "N", next[2].Recent)
	assert.Equal(t, "A", next[1].Recent)
	require.NoError(t, rec.Validate())

	rec, _, err = InspectLot(states, campaignInspection(0, 5, 7))
	require.NoError(t, err)
	assert.True(t, rec.Accepted, "every class accepted")

	// Nonconformities may exceed the sample; items may not.
	_, _, err = InspectLot(states, campaignInspection(0, 0, 81))
	require.NoError(t, err)
	_, _, err = InspectLot(states, campaignInspection(0, 81, 0))
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "inspection.found[1]", ie.Field)
}

func TestInspectLotRefuses(t *testing.T) {
	states := threeClasses(t)
	other := states[1]
	other.Producer = "ws-04"
	twice := []State{states[1], states[1]}
	disc := states[0]
	disc.Severity, disc.Discontinued, disc.NotAccepted = Tightened, true, 5
	tests := []struct {
		name   string
		states []State
		in     Inspection
		field  string
		want   error
	}{
		{"no states", nil, campaignInspection(), "states", ErrInvalid},
		{"another producer", []State{states[0], other}, campaignInspection(0, 0), "states[1]", ErrInvalid},
		{"class twice", twice, campaignInspection(0, 0), "states[1].class", ErrInvalid},
		{"counts", states, campaignInspection(0, 0), "inspection.found", ErrInvalid},
		{"lot size", states, Inspection{LotID: "L", Inspector: "I", Date: "2026-12-21", Size: 0, Found: []int{0, 0, 0}}, "inspection.size", ErrInvalid},
		{"date", states, Inspection{LotID: "L", Inspector: "I", Date: "21/12/2026", Size: 10, Found: []int{0, 0, 0}}, "inspection.date", ErrInvalid},
		{"no lot ID", states, Inspection{Inspector: "I", Date: "2026-12-21", Size: 10, Found: []int{0, 0, 0}}, "inspection.lot_id", ErrInvalid},
		{"discontinued", []State{disc, states[1]}, campaignInspection(0, 0), "states[0].discontinued", ErrDiscontinued},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, next, err := InspectLot(tt.states, tt.in)
			require.ErrorIs(t, err, tt.want)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.field, ie.Field)
			assert.Zero(t, rec.LotSize)
			assert.Nil(t, next)
		})
	}
}

func TestRecordJSON(t *testing.T) {
	rec, _, err := InspectLot(threeClasses(t), campaignInspection(0, 4, 9))
	require.NoError(t, err)
	assert.Equal(t, rec, jsonRoundTrip(t, rec))
	var back Record

	// Edits that break the record are refused on decode.
	for name, edit := range map[string]func(r *Record){
		"verdict":         func(r *Record) { r.Accepted = true },
		"class verdict":   func(r *Record) { r.Classes[2].Accepted = true },
		"plan":            func(r *Record) { r.Classes[1].Plan.Ac = 9; r.Classes[1].Plan.Re = 10 },
		"lot size":        func(r *Record) { r.LotSize = 50 },
		"class twice":     func(r *Record) { r.Classes[1].Class = Critical },
		"items too many":  func(r *Record) { r.Classes[1].Found = 81 },
		"date":            func(r *Record) { r.Date = "2026-02-30" },
		"no classes":      func(r *Record) { r.Classes = nil },
		"AQL 15 in items": func(r *Record) { r.Classes[2].Plan.Basis = Items; r.Classes[2].Plan.AQL = MustParseAQL("15") },
	} {
		r := rec
		r.Classes = append([]ClassResult(nil), rec.Classes...)
		edit(&r)
		b, err := json.Marshal(r)
		require.NoError(t, err, name)
		err = json.Unmarshal(b, &back)
		require.Error(t, err, name)
		assert.True(t, errorsIsAny(err, ErrState, ErrInvalid), name)
	}
	err = json.Unmarshal([]byte(`{"lot_id":"L","lot_id":"M"}`), &back)
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "record.lot_id", ie.Field)
	assert.Equal(t, "json_duplicate", ie.Code)
}

// jsonRoundTrip marshals v and decodes the JSON into a new value.
func jsonRoundTrip[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back), string(b))
	return back
}
