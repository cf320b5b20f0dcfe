package capacity

import (
	"encoding/json"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestResultsJSON pins the JSON shapes of the result types: snake_case,
// [] for empty lists, weeks as text with their Monday, amounts as strings.
func TestResultsJSON(t *testing.T) {
	b, err := json.Marshal(Plan{OrderID: "O"})
	require.NoError(t, err)
	assert.JSONEq(t, `{"order_id":"O","lines":[],"unfilled":0,"skipped":[]}`, string(b))

	plan := Plan{OrderID: "O", Lines: []Line{{"A", 3, decimal.RequireFromString("85000.50")}}, Unfilled: 2,
		Skipped: []Skip{{"B", BelowGrade}}}
	b, err = json.Marshal(plan)
	require.NoError(t, err)
	assert.JSONEq(t, `{"order_id":"O","lines":[{"producer_id":"A","quantity":3,"unit_cost":"85000.5"}],"unfilled":2,
		"skipped":[{"producer_id":"B","reason":"below_grade"}]}`, string(b))
	var back Plan
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, plan.Lines[0].ProducerID, back.Lines[0].ProducerID)
	assert.True(t, plan.Lines[0].UnitCost.Equal(back.Lines[0].UnitCost))
	assert.Equal(t, plan.Skipped, back.Skipped)

	b, err = json.Marshal(Timetable{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"assignments":[],"unfilled":{},"shortfalls":[],"cost":"0"}`, string(b))

	tt := Timetable{Assignments: []Assignment{{"O", "A", MustParseWeek("2026-W49"), 5, decimal.NewFromInt(1000)}},
		Unfilled: map[string]int{"O": 1}, Shortfalls: []Shortfall{{"O", 1, CapacityTaken}}, Cost: decimal.NewFromInt(5000)}
	b, err = json.Marshal(tt)
	require.NoError(t, err)
	assert.JSONEq(t, `{"assignments":[{"order_id":"O","producer_id":"A","week":"2026-W49","week_start":"2026-11-30","quantity":5,"unit_cost":"1000"}],
		"unfilled":{"O":1},"shortfalls":[{"order_id":"O","pieces":1,"reason":"capacity_taken"}],"cost":"5000"}`, string(b))
	var tback Timetable
	require.NoError(t, json.Unmarshal(b, &tback))
	assert.Equal(t, tt.Assignments[0].Week, tback.Assignments[0].Week)
	assert.True(t, tt.Cost.Equal(tback.Cost))

	for _, bad := range []string{
		`{"order_id":"O","lines":[{"producer_id":"A","quantity":3,"unit_cost":"1.55e5"}]}`,
		`{"order_id":"O","lines":[{"producer_id":"A","quantity":3,"unit_cost":85000}]}`,
		`{"order_id":"O","lines":[],"extra":1}`,
		`{"order_id":"O","skipped":[{"producer_id":"B","reason":"cheapest"}]}`,
	} {
		require.ErrorIs(t, json.Unmarshal([]byte(bad), &back), ErrInvalid, bad)
	}
	require.ErrorIs(t, json.Unmarshal([]byte(`{"order_id":"O","producer_id":"A","week":"2026-W49","week_start":"2026-12-01","quantity":5,"unit_cost":"1"}`), &Assignment{}), ErrInvalid)
}

// TestAmountsStayStrings sets shopspring's package switch that makes
// decimals encode as bare numbers: the results still write strings. The
// switch is restored; the test does not run in parallel.
func TestAmountsStayStrings(t *testing.T) {
	decimal.MarshalJSONWithoutQuotes = true
	defer func() { decimal.MarshalJSONWithoutQuotes = false }()
	b, err := json.Marshal(Plan{OrderID: "O", Lines: []Line{{"A", 1, decimal.RequireFromString("12.5")}}})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"unit_cost":"12.5"`)
	b, err = json.Marshal(Timetable{Cost: decimal.NewFromInt(7)})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"cost":"7"`)
}

func TestPolicyText(t *testing.T) {
	for _, p := range Policies() {
		b, err := p.MarshalText()
		require.NoError(t, err)
		var q Policy
		require.NoError(t, q.UnmarshalText(b))
		assert.Equal(t, p, q)
	}
	for give, want := range map[string]Policy{"EvenShare": EvenShare, "even_share": EvenShare, "LOWEST COST": LowestCost, "fewest-producers": FewestProducers, "Proportional": Proportional} {
		got, err := ParsePolicy(give)
		require.NoError(t, err, give)
		assert.Equal(t, want, got, give)
	}
	_, err := ParsePolicy("Cheapest")
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), `"Cheapest"`)
	assert.Equal(t, "proportional", Policy(0).String(), "the zero Policy means Proportional")
	_, err = Policy(9).MarshalText()
	require.ErrorIs(t, err, ErrInvalid)
	var opts AllocateOptions
	require.NoError(t, json.Unmarshal([]byte(`{"policy":"EvenShare","weeks":4,"from":"2026-W50"}`), &opts))
	assert.Equal(t, AllocateOptions{Policy: EvenShare, Weeks: 4, From: MustParseWeek("2026-W50")}, opts)
}

func TestShares(t *testing.T) {
	plan := Plan{Lines: []Line{{"A", 3, decimal.Zero}, {"B", 5, decimal.Zero}}}
	assert.Equal(t, []pricing.Share{{ProducerID: "A", Quantity: 3}, {ProducerID: "B", Quantity: 5}}, plan.Shares())
	w := MustParseWeek("2026-W50")
	tt := Timetable{Assignments: []Assignment{
		{"O1", "A", w, 2, decimal.Zero}, {"O2", "A", w, 1, decimal.Zero}, {"O2", "A", w.Add(1), 4, decimal.Zero}, {"O2", "C", w, 3, decimal.Zero}, {"O3", "B", w, 9, decimal.Zero},
	}}
	assert.Equal(t, []pricing.Share{{ProducerID: "A", Quantity: 5}, {ProducerID: "C", Quantity: 3}}, tt.Shares("O2"))
	assert.Equal(t, []pricing.Share{}, tt.Shares("none"))
	payouts, err := pricing.Payouts(decimal.NewFromInt(800), tt.Shares("O2"), decimal.NewFromInt(1))
	require.NoError(t, err)
	assert.Equal(t, "500", payouts[0].Amount.String())
	assert.Equal(t, "300", payouts[1].Amount.String())
}

// TestNoCapabilities: one rule for a producer without capabilities, which
// is not a valid record: Allocate and Schedule both refuse it, naming it.
func TestNoCapabilities(t *testing.T) {
	ps := []batik.Producer{prod("A", batik.Halus, capOf(batik.Cap, 10, 1)), prod("Z", batik.Halus)}
	_, err := Allocate(capOrder(5), ps, AllocateOptions{})
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "producers[1].capabilities")
	_, err = Schedule([]batik.Order{schedOrder("O", batik.Cap, batik.Sedang, 5, 2)}, ps, ScheduleOptions{From: start})
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), "producers[1]")
}
