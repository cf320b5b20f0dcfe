package capacity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func prod(id string, g batik.Grade, caps ...batik.Capability) batik.Producer {
	return setGrade(batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72", Capabilities: caps}, g)
}

// setGrade gives every capability of p without a grade the grade g.
func setGrade(p batik.Producer, g batik.Grade) batik.Producer {
	p.Capabilities = slices.Clone(p.Capabilities)
	for i := range p.Capabilities {
		if p.Capabilities[i].Grade == "" {
			p.Capabilities[i].Grade = g
		}
	}
	return p
}

func capOf(t batik.Technique, perWeek int, cost int64) batik.Capability {
	return batik.Capability{Technique: t, PerWeek: perWeek, UnitCost: decimal.NewFromInt(cost)}
}

func capOrder(q int) batik.Order {
	return batik.Order{ID: "ORD-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: q}
}

func workedProducers() []batik.Producer {
	return []batik.Producer{
		prod("A", batik.Halus, capOf(batik.Cap, 400, 76000)),
		prod("B", batik.Sedang, capOf(batik.Cap, 300, 80000)),
		prod("C", batik.Sedang, capOf(batik.Cap, 200, 85000)),
		prod("D", batik.Halus, capOf(batik.Cap, 150, 78000)),
	}
}

func quantities(p Plan) map[string]int {
	m := make(map[string]int)
	for _, l := range p.Lines {
		m[l.ProducerID] = l.Quantity
	}
	return m
}

func TestWorkedExample(t *testing.T) {
	want := map[Policy]map[string]int{
		Proportional:    {"A": 381, "B": 286, "C": 190, "D": 143},
		EvenShare:       {"A": 350, "B": 300, "C": 200, "D": 150},
		LowestCost:      {"A": 400, "B": 300, "C": 150, "D": 150},
		FewestProducers: {"A": 400, "B": 300, "C": 200, "D": 100},
	}
	for policy, w := range want {
		plan, err := Allocate(capOrder(1000), workedProducers(), AllocateOptions{Policy: policy})
		require.NoError(t, err)
		assert.Equal(t, w, quantities(plan), policy.String())
		assert.Zero(t, plan.Unfilled)
		assert.Empty(t, plan.Skipped)
		assert.Equal(t, "ORD-1", plan.OrderID)
	}
	plan, err := Allocate(capOrder(1000), workedProducers(), AllocateOptions{})
	require.NoError(t, err)
	assert.Equal(t, want[Proportional], quantities(plan), "the zero Options use Proportional")
}

func TestEligibilityAndSkips(t *testing.T) {
	producers := []batik.Producer{
		prod("P5", batik.Sedang, capOf(batik.Cap, 100, 80000)),
		prod("P1", batik.Halus, capOf(batik.Tulis, 5, 400000)),                                // wrong technique
		prod("P2", batik.Kasar, capOf(batik.Cap, 200, 50000)),                                 // below grade
		prod("P3", batik.Halus, capOf(batik.Cap, 0, 90000), capOf(batik.Tulis, 3, 500000)),    // no capacity
		prod("P4", batik.Sedang, capOf(batik.Tulis, 2, 500000), capOf(batik.Cap, 100, 81000)), // eligible
	}
	plan, err := Allocate(capOrder(150), producers, AllocateOptions{Policy: LowestCost})
	require.NoError(t, err)
	assert.Equal(t, []Line{
		{ProducerID: "P4", Quantity: 50, UnitCost: decimal.NewFromInt(81000)},
		{ProducerID: "P5", Quantity: 100, UnitCost: decimal.NewFromInt(80000)},
	}, plan.Lines)
	assert.Equal(t, []Skip{{"P1", WrongTechnique}, {"P2", BelowGrade}, {"P3", NoCapacity}}, plan.Skipped)

	plan, err = Allocate(capOrder(80), producers, AllocateOptions{Policy: LowestCost})
	require.NoError(t, err)
	assert.Equal(t, []Skip{{"P1", WrongTechnique}, {"P2", BelowGrade}, {"P3", NoCapacity}, {"P4", NotNeeded}}, plan.Skipped)

	plan, err = Allocate(capOrder(1000), producers, AllocateOptions{Weeks: 4})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"P4": 400, "P5": 400}, quantities(plan))
	assert.Equal(t, 200, plan.Unfilled)

	plan, err = Allocate(capOrder(10), producers, AllocateOptions{MinLot: 150, Weeks: 1})
	require.NoError(t, err)
	assert.Equal(t, 10, plan.Unfilled)
	assert.Contains(t, plan.Skipped, Skip{"P4", BelowMinLot})
}

func TestEmptyProducers(t *testing.T) {
	plan, err := Allocate(capOrder(1000), nil, AllocateOptions{})
	require.NoError(t, err)
	assert.Equal(t, 1000, plan.Unfilled)
	assert.Empty(t, plan.Lines)
	assert.Empty(t, plan.Skipped)
}

func TestProportionalTiesToLowerID(t *testing.T) {
	producers := []batik.Producer{
		prod("C", batik.Sedang, capOf(batik.Cap, 100, 1)),
		prod("A", batik.Sedang, capOf(batik.Cap, 100, 1)),
		prod("B", batik.Sedang, capOf(batik.Cap, 100, 1)),
	}
	plan, err := Allocate(capOrder(100), producers, AllocateOptions{})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A": 34, "B": 33, "C": 33}, quantities(plan))
	plan, err = Allocate(capOrder(2), producers, AllocateOptions{Policy: EvenShare})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A": 1, "B": 1}, quantities(plan))
	assert.Equal(t, []Skip{{"C", NotNeeded}}, plan.Skipped)
}

func TestFewestProducersTieBreaks(t *testing.T) {
	producers := []batik.Producer{
		prod("A", batik.Sedang, capOf(batik.Cap, 100, 90000)),
		prod("B", batik.Sedang, capOf(batik.Cap, 100, 80000)),
		prod("C", batik.Sedang, capOf(batik.Cap, 100, 80000)),
	}
	plan, err := Allocate(capOrder(150), producers, AllocateOptions{Policy: FewestProducers})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"B": 100, "C": 50}, quantities(plan))
}

func TestMinLot(t *testing.T) {
	// Capacities 100, 60, 60, 30; order 150, MinLot 50. D (30) is below the lot.
	producers := []batik.Producer{
		prod("A", batik.Sedang, capOf(batik.Cap, 100, 90000)),
		prod("B", batik.Sedang, capOf(batik.Cap, 60, 70000)),
		prod("C", batik.Sedang, capOf(batik.Cap, 60, 71000)),
		prod("D", batik.Sedang, capOf(batik.Cap, 30, 10000)),
	}
	for _, policy := range Policies() {
		plan, err := Allocate(capOrder(150), producers, AllocateOptions{Policy: policy, MinLot: 50})
		require.NoError(t, err)
		assert.Zero(t, plan.Unfilled, policy.String())
		for _, l := range plan.Lines {
			assert.GreaterOrEqual(t, l.Quantity, 50, policy.String())
		}
		assert.Contains(t, plan.Skipped, Skip{"D", BelowMinLot}, policy.String())
	}
	plan, err := Allocate(capOrder(150), producers, AllocateOptions{Policy: FewestProducers, MinLot: 50})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A": 100, "B": 50}, quantities(plan))
	plan, err = Allocate(capOrder(150), producers, AllocateOptions{Policy: EvenShare, MinLot: 50})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A": 50, "B": 50, "C": 50}, quantities(plan))
	// LowestCost: B and C (cheapest with a full lot) cover only 120 of 150;
	// A joins; each gets 50, the rest cheapest first.
	plan, err = Allocate(capOrder(150), producers, AllocateOptions{Policy: LowestCost, MinLot: 50})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"B": 50, "C": 50, "A": 50}, quantities(plan))
	// Max fill beats the policy: 130 with lots of 50 needs at most 2
	// producers; the two largest hold 160.
	plan, err = Allocate(capOrder(130), producers, AllocateOptions{Policy: LowestCost, MinLot: 50})
	require.NoError(t, err)
	assert.Zero(t, plan.Unfilled)
}

func TestAllocateBadInput(t *testing.T) {
	good := workedProducers()
	tests := []struct {
		name     string
		order    batik.Order
		mut      func([]batik.Producer)
		opts     AllocateOptions
		field    string
		overflow bool
	}{
		{"invalid order", batik.Order{ID: "X", Technique: batik.Cap, MinGrade: batik.Sedang}, nil, AllocateOptions{}, "order", false},
		{"order unknown technique", batik.Order{ID: "X", Technique: "ikat", MinGrade: batik.Sedang, Quantity: 1}, nil, AllocateOptions{}, "order", false},
		{"empty id", capOrder(1), func(p []batik.Producer) { p[2].ID = "" }, AllocateOptions{}, "producers[2].id", false},
		{"duplicate id", capOrder(1), func(p []batik.Producer) { p[3].ID = "A" }, AllocateOptions{}, "producers[3].id", false},
		{"unknown grade", capOrder(1), func(p []batik.Producer) { p[1].Capabilities[0].Grade = "super" }, AllocateOptions{}, "producers[1].capabilities[0].grade", false},
		{"unknown technique", capOrder(1), func(p []batik.Producer) { p[1].Capabilities[0].Technique = "ikat" }, AllocateOptions{}, "producers[1].capabilities[0].technique", false},
		{"negative per week", capOrder(1), func(p []batik.Producer) { p[0].Capabilities[0].PerWeek = -1 }, AllocateOptions{}, "producers[0].capabilities[0].per_week", false},
		{"huge per week", capOrder(1), func(p []batik.Producer) { p[0].Capabilities[0].PerWeek = 1 << 40 }, AllocateOptions{}, "producers[0].capabilities[0].per_week", false},
		{"negative cost", capOrder(1), func(p []batik.Producer) { p[0].Capabilities[0].UnitCost = decimal.NewFromInt(-1) }, AllocateOptions{}, "producers[0].capabilities[0].unit_cost", false},
		{"cost with 3 decimals", capOrder(1), func(p []batik.Producer) { p[0].Capabilities[0].UnitCost = decimal.RequireFromString("1.005") }, AllocateOptions{}, "producers[0].capabilities[0].unit_cost", false},
		{"negative weeks", capOrder(1), nil, AllocateOptions{Weeks: -1}, "opts.weeks", false},
		{"negative min lot", capOrder(1), nil, AllocateOptions{MinLot: -1}, "opts.min_lot", false},
		{"unknown policy", capOrder(1), nil, AllocateOptions{Policy: 9}, "opts.policy", false},
		{"technique twice", capOrder(1), func(p []batik.Producer) {
			p[0].Capabilities = append(p[0].Capabilities, batik.Capability{Technique: batik.Cap, Grade: batik.Halus, PerWeek: 100, UnitCost: decimal.NewFromInt(1)})
		}, AllocateOptions{}, "producers[0].capabilities[1].technique", false},
		{"weeks past the horizon", capOrder(1), func(p []batik.Producer) { p[0].Capabilities[0].PerWeek = batik.MaxQuantity }, AllocateOptions{Weeks: 1 << 40}, "opts.weeks", false},
		{"free without from", capOrder(1), nil, AllocateOptions{Free: freeFunc(func(string, batik.Technique, Week) int { return 1 })}, "opts.from", false},
		{"free above int32", capOrder(1), nil, AllocateOptions{From: start, Free: freeFunc(func(string, batik.Technique, Week) int { return 1 << 31 })}, "opts.free", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := workedProducers()
			if tt.mut != nil {
				tt.mut(p)
			}
			_, err := Allocate(tt.order, p, tt.opts)
			requireInputError(t, err, tt.field, tt.overflow)
			assert.NotContains(t, err.Error(), "\n")
		})
	}
	_, err := Allocate(batik.Order{ID: "X", Technique: batik.Cap, MinGrade: batik.Sedang}, good, AllocateOptions{})
	var ve *batik.ValidationError
	require.ErrorAs(t, err, &ve, "an invalid order's error carries the validation details")
	assert.True(t, strings.Contains(err.Error(), "quantity"))
}

// requireInputError checks err is an *InputError about field, wrapping
// ErrOverflow when overflow is set and ErrInvalid otherwise.
func requireInputError(t *testing.T, err error, field string, overflow bool) {
	t.Helper()
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, field, ie.Field)
	if overflow {
		require.ErrorIs(t, err, ErrOverflow)
	} else {
		require.ErrorIs(t, err, ErrInvalid)
	}
}

// freeFunc adapts a function to FreeCapacity.
type freeFunc func(string, batik.Technique, Week) int

func (f freeFunc) Free(id string, t batik.Technique, w Week) int { return f(id, t, w) }

// TestAllocateOnFree plans on a free-capacity view: the sum over the weeks
// from From, with a closed week and a negative answer counting as 0.
func TestAllocateOnFree(t *testing.T) {
	producers := []batik.Producer{prod("A", batik.Halus, capOf(batik.Cap, 100, 1000)), prod("B", batik.Halus, capOf(batik.Cap, 100, 1000))}
	free := freeFunc(func(id string, _ batik.Technique, w Week) int {
		switch {
		case id == "A" && w == start.Add(1):
			return 0 // closed
		case id == "B" && w == start:
			return -5
		}
		return 30
	})
	plan, err := Allocate(capOrder(1000), producers, AllocateOptions{Weeks: 3, From: start, Free: free})
	require.NoError(t, err)
	assert.Equal(t, []Line{{"A", 60, decimal.NewFromInt(1000)}, {"B", 60, decimal.NewFromInt(1000)}}, plan.Lines)
	assert.Equal(t, 880, plan.Unfilled)
	plan, err = Allocate(capOrder(10), producers, AllocateOptions{Weeks: 1, From: start.Add(1), Free: free})
	require.NoError(t, err)
	assert.Equal(t, []Skip{{"A", NoCapacity}}, plan.Skipped)
}

// TestTieBreaks pins every documented tie-break: reversing one changes a
// plan here. Producers are listed in reverse ID order so that slice order
// cannot stand in for ID order.
func TestTieBreaks(t *testing.T) {
	tests := []struct {
		name      string
		policy    Policy
		producers []batik.Producer
		q         int
		want      map[string]int
	}{
		{"lowest cost: equal cost, lower ID first", LowestCost,
			[]batik.Producer{prod("B", batik.Halus, capOf(batik.Cap, 100, 500)), prod("A", batik.Halus, capOf(batik.Cap, 100, 500))},
			150, map[string]int{"A": 100, "B": 50}},
		{"fewest producers: equal capacity, lower cost first", FewestProducers,
			[]batik.Producer{prod("B", batik.Halus, capOf(batik.Cap, 100, 400)), prod("A", batik.Halus, capOf(batik.Cap, 100, 500))},
			150, map[string]int{"A": 50, "B": 100}},
		{"fewest producers: equal capacity and cost, lower ID first", FewestProducers,
			[]batik.Producer{prod("B", batik.Halus, capOf(batik.Cap, 100, 500)), prod("A", batik.Halus, capOf(batik.Cap, 100, 500))},
			150, map[string]int{"A": 100, "B": 50}},
		{"proportional: equal remainders, lower ID first", Proportional,
			[]batik.Producer{prod("C", batik.Halus, capOf(batik.Cap, 10, 1)), prod("B", batik.Halus, capOf(batik.Cap, 10, 1)), prod("A", batik.Halus, capOf(batik.Cap, 10, 1))},
			10, map[string]int{"A": 4, "B": 3, "C": 3}},
		{"even share: leftover to lower ID", EvenShare,
			[]batik.Producer{prod("C", batik.Halus, capOf(batik.Cap, 10, 1)), prod("B", batik.Halus, capOf(batik.Cap, 10, 1)), prod("A", batik.Halus, capOf(batik.Cap, 10, 1))},
			11, map[string]int{"A": 4, "B": 4, "C": 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := Allocate(capOrder(tt.q), tt.producers, AllocateOptions{Policy: tt.policy})
			require.NoError(t, err)
			got := map[string]int{}
			for _, l := range plan.Lines {
				got[l.ProducerID] = l.Quantity
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestQualityHold: a producer whose lot inspection for the technique is
// discontinued is skipped by Allocate (QualityHold) and gets no work from
// Schedule; a state for another technique, or not discontinued, changes
// nothing.
func TestQualityHold(t *testing.T) {
	producers := []batik.Producer{
		prod("A", batik.Halus, capOf(batik.Cap, 100, 1000), capOf(batik.Tulis, 5, 9000)),
		prod("B", batik.Halus, capOf(batik.Cap, 100, 1000)),
	}
	st, err := aql.NewState("A", "cap", aql.MustParseAQL("2.5"), aql.LevelII)
	require.NoError(t, err)
	onHold := st
	onHold.Severity, onHold.Discontinued, onHold.NotAccepted = aql.Tightened, true, 5
	require.NoError(t, onHold.Validate())
	other, err := aql.NewState("B", "tulis", aql.MustParseAQL("2.5"), aql.LevelII)
	require.NoError(t, err)

	plan, err := Allocate(capOrder(150), producers, AllocateOptions{Quality: []aql.State{onHold, other}})
	require.NoError(t, err)
	assert.Equal(t, []Line{{"B", 100, decimal.NewFromInt(1000)}}, plan.Lines)
	assert.Equal(t, []Skip{{"A", QualityHold}}, plan.Skipped)
	assert.Equal(t, 50, plan.Unfilled)

	plan, err = Allocate(capOrder(150), producers, AllocateOptions{Quality: []aql.State{st}})
	require.NoError(t, err)
	assert.Zero(t, plan.Unfilled, "a state that is not discontinued holds nothing")

	orders := []batik.Order{schedOrder("O", batik.Cap, batik.Sedang, 150, 1)}
	tt, err := Schedule(orders, producers, ScheduleOptions{From: start, Quality: []aql.State{onHold}})
	require.NoError(t, err)
	for _, a := range tt.Assignments {
		assert.NotEqual(t, "A", a.ProducerID)
	}
	assert.Equal(t, []Shortfall{{"O", 50, NotEnoughCapacity}}, tt.Shortfalls)
	tt, err = Schedule(orders, producers[:1], ScheduleOptions{From: start, Quality: []aql.State{onHold}})
	require.NoError(t, err)
	assert.Equal(t, []Shortfall{{"O", 150, AllOnQualityHold}}, tt.Shortfalls)
}

// TestQualityStatesByCanonicalTechnique: a state is keyed by the
// technique's canonical text. "TULIS" or "Batik Tulis" is refused, not
// ignored, so no spelling lets a discontinued workshop get work; a
// producer's technique given twice is refused too, by Allocate and
// Schedule alike.
func TestQualityStatesByCanonicalTechnique(t *testing.T) {
	producers := []batik.Producer{prod("A", batik.Halus, capOf(batik.Tulis, 100, 1000))}
	order := batik.Order{ID: "O", Technique: batik.Tulis, MinGrade: batik.Sedang, Quantity: 10}
	for _, spelling := range []string{"TULIS", "Batik Tulis", " tulis", "tulis\u200b"} {
		st, err := aql.NewState("A", spelling, aql.MustParseAQL("2.5"), aql.LevelII)
		require.NoError(t, err, "aql keeps the technique as given")
		st.Severity, st.Discontinued, st.NotAccepted = aql.Tightened, true, 5
		_, err = Allocate(order, producers, AllocateOptions{Quality: []aql.State{st}})
		requireRefusal(t, err, "opts.quality[0].technique", quote(spelling), "canonical")
		_, err = Schedule([]batik.Order{schedOrder("O", batik.Tulis, batik.Sedang, 10, 1)}, producers, ScheduleOptions{From: start, Quality: []aql.State{st}})
		requireRefusal(t, err, "opts.quality[0].technique", quote(spelling), "canonical")
	}
	st, err := aql.NewState("A", "tulis", aql.MustParseAQL("2.5"), aql.LevelII)
	require.NoError(t, err)
	_, err = Allocate(order, producers, AllocateOptions{Quality: []aql.State{st, st}})
	requireRefusal(t, err, "opts.quality[1]", `"A/tulis"`, "repeats the producer and technique of opts.quality[0]")
}

// requireRefusal requires err to be an *InputError wrapping ErrInvalid
// with the field and value given and a reason that contains reason.
func requireRefusal(t *testing.T, err error, field, value, reason string) {
	t.Helper()
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, field, ie.Field)
	assert.Equal(t, value, ie.Value)
	assert.Contains(t, ie.Reason(batik.English), reason)
}

// allocatedBytes returns the bytes the heap handed out while f ran: the
// least of three runs, so that another goroutine's allocations do not
// count.
func allocatedBytes(f func()) uint64 {
	least := uint64(math.MaxUint64)
	for range 3 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		least = min(least, after.TotalAlloc-before.TotalAlloc)
	}
	return least
}

// TestAllocateMaxProducerWeeks: producers x weeks is capped. 10,000
// producers over 100 weeks are exactly MaxProducerWeeks and are planned;
// one producer more is refused with the figure and the cap, before
// anything is planned: the refusal allocates no memory per producer.
func TestAllocateMaxProducerWeeks(t *testing.T) {
	ps := manyProducers(10_001, batik.Cap)
	opts := AllocateOptions{Weeks: 100}
	plan, err := Allocate(capOrder(1000), ps[:10_000], opts)
	require.NoError(t, err)
	assert.Zero(t, plan.Unfilled)

	var err2 error
	bytes := allocatedBytes(func() { _, err2 = Allocate(capOrder(1000), ps, opts) })
	requireRefusal(t, err2, "producers", "10001 x 100",
		"is 1000100 producer-weeks, more than MaxProducerWeeks (1000000): fewer producers or weeks per request")
	assert.Less(t, bytes, uint64(4096), "bytes allocated to refuse 10,001 producers")
}

// planIDs returns the producer IDs of p's lines and skips, in plan order.
func planIDs(p Plan) (lines, skipped []string) {
	for _, l := range p.Lines {
		lines = append(lines, l.ProducerID)
	}
	for _, s := range p.Skipped {
		skipped = append(skipped, s.ProducerID)
	}
	return lines, skipped
}

// TestAllocateOrdersAnyIDs checks that lines and skips come in ID order for
// IDs with no common prefix, IDs that share their first bytes and differ
// only after eight more, and IDs of different lengths: the integer keys
// sortByID compares first must order like the strings.
func TestAllocateOrdersAnyIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := "AB019-"
	for range 300 {
		n := 2 + rng.IntN(40)
		prefix := strings.Repeat("P", rng.IntN(3))
		middle := []string{"", "12345678", "ABCDEFGH"}[rng.IntN(3)]
		seen := map[string]bool{}
		var ps []batik.Producer
		for len(ps) < n {
			b := []byte(prefix)
			if rng.IntN(2) == 0 {
				b = append(b, middle...)
			}
			for range 1 + rng.IntN(4) {
				b = append(b, alphabet[rng.IntN(len(alphabet))])
			}
			if rng.IntN(3) == 0 {
				b = append(b, middle...)
			}
			id := string(b)
			if seen[id] {
				continue
			}
			seen[id] = true
			tech := batik.Cap
			if rng.IntN(3) == 0 {
				tech = batik.Tulis
			}
			ps = append(ps, prod(id, batik.Sedang, capOf(tech, 1+rng.IntN(9), 1000)))
		}
		plan, err := Allocate(capOrder(3*n), ps, AllocateOptions{})
		require.NoError(t, err)
		lines, skipped := planIDs(plan)
		require.True(t, slices.IsSorted(lines), "lines %q", lines)
		require.True(t, slices.IsSorted(skipped), "skipped %q", skipped)
	}
	// A case by hand: no common prefix, and the bytes after the first two
	// order the other way ("BA3" < "BC1" though '3' > '1').
	plan, err := Allocate(capOrder(3), []batik.Producer{
		prod("AB", batik.Sedang, capOf(batik.Cap, 1, 1000)),
		prod("BC1", batik.Sedang, capOf(batik.Cap, 1, 1000)),
		prod("BA3", batik.Sedang, capOf(batik.Cap, 1, 1000)),
	}, AllocateOptions{})
	require.NoError(t, err)
	lines, _ := planIDs(plan)
	assert.Equal(t, []string{"AB", "BA3", "BC1"}, lines)
}

// TestAllocateRepeatedID checks which pair a repeated ID is reported as: the
// later producer repeats the earlier one, whatever the sort did with them.
func TestAllocateRepeatedID(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		n := 2 + rng.IntN(150)
		ps := make([]batik.Producer, n)
		for i, k := range rng.Perm(n) {
			ps[i] = prod(fmt.Sprintf("UMKM-%03d", k), batik.Sedang, capOf(batik.Cap, 5, 1000))
		}
		first := rng.IntN(n - 1)
		later := first + 1 + rng.IntN(n-first-1)
		ps[later].ID = ps[first].ID
		_, err := Allocate(capOrder(5), ps, AllocateOptions{})
		var ie *InputError
		require.ErrorAs(t, err, &ie, "n=%d", n)
		require.ErrorIs(t, err, ErrInvalid)
		assert.Equal(t, fmt.Sprintf("producers[%d].id", later), ie.Field, "n=%d", n)
		assert.Contains(t, ie.Reason(batik.English), fmt.Sprintf("producers[%d]", first), "n=%d", n)
	}
}

// TestAllocateBounds checks the accepted edges of the inputs Allocate checks.
func TestAllocateBounds(t *testing.T) {
	// PerWeek at batik.MaxQuantity, a unit cost of zero, MaxWeeks weeks.
	ps := []batik.Producer{
		prod("A", batik.Sedang, capOf(batik.Cap, batik.MaxQuantity, 0)),
		prod("B", batik.Sedang, batik.Capability{Technique: batik.Cap, PerWeek: 1, UnitCost: decimal.NewFromInt(batik.MaxUnitCost)}),
	}
	plan, err := Allocate(capOrder(batik.MaxQuantity), ps, AllocateOptions{Weeks: MaxWeeks, Policy: LowestCost})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A": batik.MaxQuantity}, quantities(plan))
	assert.True(t, plan.Lines[0].UnitCost.IsZero())

	_, err = Allocate(capOrder(1), ps, AllocateOptions{Weeks: MaxWeeks + 1})
	require.ErrorIs(t, err, ErrInvalid)
	for _, c := range []batik.Capability{
		{Technique: batik.Cap, PerWeek: batik.MaxQuantity + 1, UnitCost: decimal.NewFromInt(1)},
		{Technique: batik.Cap, PerWeek: -1, UnitCost: decimal.NewFromInt(1)},
		{Technique: batik.Cap, PerWeek: 1, UnitCost: decimal.RequireFromString("-0.01")},
		{Technique: batik.Cap, PerWeek: 1, UnitCost: decimal.RequireFromString("100000000.01")},
	} {
		_, err = Allocate(capOrder(1), []batik.Producer{prod("A", batik.Sedang, c)}, AllocateOptions{})
		require.ErrorIs(t, err, ErrInvalid, "%+v", c)
	}
}

// TestAllocateFreeAtMax checks that a FreeCapacity answer of exactly
// batik.MaxQuantity is taken, one above is refused.
func TestAllocateFreeAtMax(t *testing.T) {
	ps := []batik.Producer{prod("A", batik.Sedang, capOf(batik.Cap, 1, 1000))}
	free := func(n int) AllocateOptions {
		return AllocateOptions{From: MustParseWeek("2026-W50"), Free: freeFunc(func(string, batik.Technique, Week) int { return n })}
	}
	plan, err := Allocate(capOrder(batik.MaxQuantity), ps, free(batik.MaxQuantity))
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A": batik.MaxQuantity}, quantities(plan))
	_, err = Allocate(capOrder(1), ps, free(batik.MaxQuantity+1))
	require.ErrorIs(t, err, ErrInvalid)
}

// instance is a random allocation problem.
type instance struct {
	order     batik.Order
	producers []batik.Producer
	opts      AllocateOptions
}

func randInstance(rng *rand.Rand, n int) instance {
	techs := batik.Techniques()
	grades := batik.Grades()
	ps := make([]batik.Producer, n)
	for i := range ps {
		id, g := fmt.Sprintf("P%03d", rng.IntN(4*n+1)), grades[rng.IntN(3)]
		p := batik.Producer{ID: id}
		for _, t := range techs {
			if rng.IntN(2) == 0 {
				per := rng.IntN(120)
				if rng.IntN(8) == 0 {
					per = 0
				}
				p.Capabilities = append(p.Capabilities, batik.Capability{Technique: t, Grade: g, PerWeek: per, UnitCost: decimal.New(int64(50000+rng.IntN(8)*5000), 0)})
			}
		}
		if len(p.Capabilities) == 0 { // a producer needs one; let it be of a technique no order asks for, sometimes
			p.Capabilities = append(p.Capabilities, batik.Capability{Technique: techs[rng.IntN(4)], Grade: g, UnitCost: decimal.Zero})
		}
		ps[i] = p
	}
	// Make IDs unique without changing how many there are.
	seen := map[string]bool{}
	for i := range ps {
		for seen[ps[i].ID] {
			ps[i].ID += "x"
		}
		seen[ps[i].ID] = true
	}
	return instance{
		order:     batik.Order{ID: "O", Technique: techs[rng.IntN(4)], MinGrade: grades[rng.IntN(3)], Quantity: 1 + rng.IntN(60*n+10)},
		producers: ps,
		opts:      AllocateOptions{Policy: Policy(1 + rng.IntN(4)), Weeks: rng.IntN(3), MinLot: []int{0, 1, 1, 5, 20, 60}[rng.IntN(6)]},
	}
}

// freeOf returns each eligible producer's free capacity (under MinLot).
func freeOf(in instance) map[string]int {
	weeks, lot := max(in.opts.Weeks, 1), max(in.opts.MinLot, 1)
	out := map[string]int{}
	for _, p := range in.producers {
		c, ok := p.Capability(in.order.Technique)
		if ok && c.Grade.AtLeast(in.order.MinGrade) && c.PerWeek*weeks >= lot && c.PerWeek > 0 {
			out[p.ID] = c.PerWeek * weeks
		}
	}
	return out
}

// checkInvariants checks what must hold for every plan.
func checkInvariants(t *testing.T, in instance, plan Plan) {
	t.Helper()
	free := freeOf(in)
	lot := max(in.opts.MinLot, 1)
	sum := 0
	ids := map[string]bool{}
	for i, l := range plan.Lines {
		f, ok := free[l.ProducerID]
		require.True(t, ok, "ineligible %s has a line", l.ProducerID)
		require.Positive(t, l.Quantity)
		require.LessOrEqual(t, l.Quantity, f, "%s over capacity", l.ProducerID)
		require.GreaterOrEqual(t, l.Quantity, lot, "%s below the minimum lot", l.ProducerID)
		if i > 0 {
			require.Less(t, plan.Lines[i-1].ProducerID, l.ProducerID, "lines sorted by ID")
		}
		sum += l.Quantity
		ids[l.ProducerID] = true
	}
	require.Equal(t, in.order.Quantity, sum+plan.Unfilled, "pieces conserved")
	require.GreaterOrEqual(t, plan.Unfilled, 0)
	for i, s := range plan.Skipped {
		require.False(t, ids[s.ProducerID])
		ids[s.ProducerID] = true
		if i > 0 {
			require.Less(t, plan.Skipped[i-1].ProducerID, s.ProducerID, "skips sorted by ID")
		}
	}
	require.Len(t, ids, len(in.producers), "every producer is a line or a skip")
	// Max fill: the best any choice of producers could place.
	require.Equal(t, maxFill(free, in.order.Quantity, lot), sum, "fill is maximal")
}

// maxFill is an independent oracle: the most pieces any set of producers
// can take with every share in [lot, free], by trying every subset when
// small, and the sorted greedy bound otherwise.
func maxFill(free map[string]int, q, lot int) int {
	caps := make([]int, 0, len(free))
	for _, f := range free {
		caps = append(caps, f)
	}
	if len(caps) <= 12 {
		best := 0
		for mask := 0; mask < 1<<len(caps); mask++ {
			k, s := 0, 0
			for i, c := range caps {
				if mask&(1<<i) != 0 {
					k, s = k+1, s+c
				}
			}
			if k*lot <= q {
				best = max(best, min(q, s))
			}
		}
		return best
	}
	slices.Sort(caps)
	slices.Reverse(caps)
	s := 0
	for i, c := range caps {
		if (i+1)*lot > q {
			break
		}
		s += c
	}
	return min(q, s)
}

func TestAllocateProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for iter := range 4000 {
		in := randInstance(rng, 1+rng.IntN(10))
		plan, err := Allocate(in.order, in.producers, in.opts)
		require.NoError(t, err, "instance %d", iter)
		checkInvariants(t, in, plan)

		// The same producers in another order give the same plan.
		shuffled := slices.Clone(in.producers)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again, err := Allocate(in.order, shuffled, in.opts)
		require.NoError(t, err)
		require.Equal(t, plan, again, "plan depends on the order of producers")

		if max(in.opts.MinLot, 1) == 1 {
			checkPolicy(t, in, plan)
		}
	}
}
