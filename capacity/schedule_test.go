package capacity

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var start = MustParseWeek("2026-W50") // Monday 7 December 2026

func due(weeks int) batik.Date { return start.Monday().AddDays(7 * weeks) }

func schedOrder(id string, tech batik.Technique, g batik.Grade, q, weeks int) batik.Order {
	return batik.Order{ID: id, Technique: tech, MinGrade: g, Quantity: q, Due: due(weeks)}
}

func TestScheduleSmall(t *testing.T) {
	producers := []batik.Producer{
		prod("A", batik.Halus, capOf(batik.Cap, 10, 80000), capOf(batik.Tulis, 1, 400000)),
		prod("B", batik.Sedang, capOf(batik.Cap, 10, 70000)),
		prod("C", batik.Kasar, capOf(batik.Cap, 50, 10000)),
	}
	orders := []batik.Order{
		schedOrder("O2", batik.Cap, batik.Sedang, 25, 2), // 2 weeks: A and B give 40, C is kasar
		schedOrder("O1", batik.Tulis, batik.Halus, 3, 2), // A makes 1 tulis a week: 2 on time
	}
	tt, err := Schedule(orders, producers, ScheduleOptions{From: start})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"O1": 1}, tt.Unfilled)
	var got []string
	for _, a := range tt.Assignments {
		got = append(got, fmt.Sprintf("%s/%s/%d:%d", a.OrderID, a.ProducerID, a.Week.Sub(start), a.Quantity))
	}
	// O2: 20 from B (cheaper) and 5 from A; which week A works is a tie.
	require.Len(t, got, 5)
	assert.Equal(t, []string{"O1/A/0:1", "O1/A/1:1"}, got[:2])
	b := 0
	for _, a := range tt.Assignments {
		if a.OrderID == "O2" && a.ProducerID == "B" {
			b += a.Quantity
		}
	}
	assert.Equal(t, 20, b)
	assertCost(t, tt)
}

// assertCost checks the timetable's cost is the sum over its assignments.
func assertCost(t *testing.T, tt Timetable) {
	t.Helper()
	sum := decimal.Zero
	for _, a := range tt.Assignments {
		sum = sum.Add(a.UnitCost.Mul(decimal.NewFromInt(int64(a.Quantity))))
	}
	assert.True(t, sum.Equal(tt.Cost), "cost %s, assignments sum to %s", tt.Cost, sum)
}

func TestScheduleEmpty(t *testing.T) {
	tt, err := Schedule(nil, nil, ScheduleOptions{From: start})
	require.NoError(t, err)
	assert.Empty(t, tt.Assignments)
	assert.Empty(t, tt.Unfilled)
	assert.True(t, tt.Cost.IsZero())
	tt, err = Schedule([]batik.Order{schedOrder("O", batik.Cap, batik.Sedang, 5, 1)}, nil, ScheduleOptions{From: start})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"O": 5}, tt.Unfilled)
}

func TestScheduleBadInput(t *testing.T) {
	good := []batik.Producer{prod("A", batik.Halus, capOf(batik.Cap, 10, 80000))}
	o := schedOrder("O", batik.Cap, batik.Sedang, 5, 2)
	tests := []struct {
		name      string
		orders    []batik.Order
		producers []batik.Producer
		opts      ScheduleOptions
		field     string
		overflow  bool
	}{
		{"zero from", []batik.Order{o}, good, ScheduleOptions{}, "opts.from", false},
		{"invalid order", []batik.Order{{ID: "X", Technique: batik.Cap, MinGrade: batik.Sedang, Due: due(1)}}, good, ScheduleOptions{From: start}, "orders[0]", false},
		{"no due", []batik.Order{{ID: "X", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1}}, good, ScheduleOptions{From: start}, "orders[0].due", false},
		{"due before start", []batik.Order{{ID: "X", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1, Due: start.Monday().AddDays(-1)}}, good, ScheduleOptions{From: start}, "orders[0].due", false},
		{"duplicate order", []batik.Order{o, o}, good, ScheduleOptions{From: start}, "orders", false},
		{"invalid producer", []batik.Order{o}, []batik.Producer{prod("", batik.Halus, capOf(batik.Cap, 1, 1))}, ScheduleOptions{From: start}, "producers[0]", false},
		{"duplicate producer", []batik.Order{o}, append(good, good[0]), ScheduleOptions{From: start}, "producers", false},
		{"horizon too long", []batik.Order{{ID: "X", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1, Due: batik.MustDate(9999, 1, 1)}},
			manyProducers(5000, batik.Cap), ScheduleOptions{From: start}, "orders[0].due", false},
		{"cost overflow", []batik.Order{schedOrder("X", batik.Cap, batik.Sedang, batik.MaxQuantity, 2), schedOrder("Y", batik.Cap, batik.Sedang, batik.MaxQuantity, 2),
			schedOrder("Z", batik.Cap, batik.Sedang, batik.MaxQuantity, 2), schedOrder("W", batik.Cap, batik.Sedang, batik.MaxQuantity, 2),
			schedOrder("V", batik.Cap, batik.Sedang, batik.MaxQuantity, 2)},
			[]batik.Producer{prod("A", batik.Halus, capOf(batik.Cap, 10, batik.MaxUnitCost))}, ScheduleOptions{From: start}, "orders", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Schedule(tt.orders, tt.producers, tt.opts)
			requireInputError(t, err, tt.field, tt.overflow)
		})
	}
}

// manyProducers makes n halus producers of 10 pieces a week with
// technique t.
func manyProducers(n int, t batik.Technique) []batik.Producer {
	ps := make([]batik.Producer, n)
	for i := range ps {
		ps[i] = prod(fmt.Sprintf("P%05d", i), batik.Halus, capOf(t, 10, 80000))
	}
	return ps
}

// randSchedule makes a random scheduling instance.
func randSchedule(rng *rand.Rand, nOrders, nProducers, maxWeeks, maxQ, maxPer int) ([]batik.Order, []batik.Producer) {
	techs := []batik.Technique{batik.Cap, batik.Tulis}
	grades := batik.Grades()
	orders := make([]batik.Order, nOrders)
	for i := range orders {
		orders[i] = schedOrder(fmt.Sprintf("O%d", i), techs[rng.IntN(2)], grades[rng.IntN(3)], 1+rng.IntN(maxQ), 0)
		// Any day, not only Mondays: a due date mid-week leaves that
		// week's work late.
		orders[i].Due = start.Monday().AddDays(rng.IntN(7*maxWeeks + 7))
	}
	ps := make([]batik.Producer, nProducers)
	for i := range ps {
		g := grades[rng.IntN(3)]
		p := prod(fmt.Sprintf("P%d", i), g)
		for _, t := range techs {
			if rng.IntN(3) > 0 {
				p.Capabilities = append(p.Capabilities, capOf(t, rng.IntN(maxPer+1), int64(1+rng.IntN(5))*1000))
			}
		}
		if len(p.Capabilities) == 0 {
			p.Capabilities = append(p.Capabilities, capOf(batik.Cap, rng.IntN(maxPer+1), 1000))
		}
		ps[i] = setGrade(p, g)
	}
	return orders, ps
}

// bruteSchedule finds, by trying every assignment, the most pieces that can
// be placed and the least cost of placing them.
func bruteSchedule(orders []batik.Order, producers []batik.Producer) (filled int, cents int64) {
	type slot struct {
		order, prod, week int
		tech              batik.Technique
		cents             int64
		limit             int
	}
	var slots []slot
	for oi, o := range orders {
		last := lastOnTimeByDays(o.Due)
		for pi, p := range producers {
			c, ok := p.Capability(o.Technique)
			if !ok || c.PerWeek == 0 || !c.Grade.AtLeast(o.MinGrade) {
				continue
			}
			ct, _ := pricing.Cents(c.UnitCost)
			for k := 0; k <= last; k++ {
				slots = append(slots, slot{oi, pi, k, o.Technique, ct, min(o.Quantity, c.PerWeek)})
			}
		}
	}
	type use struct {
		prod, week int
		tech       batik.Technique
	}
	used := map[use]int{}
	left := make([]int, len(orders))
	for i, o := range orders {
		left[i] = o.Quantity
	}
	best, bestCost := -1, int64(0)
	var rec func(i, filled int, cost int64)
	rec = func(i, filled int, cost int64) {
		if i == len(slots) {
			if filled > best || (filled == best && cost < bestCost) {
				best, bestCost = filled, cost
			}
			return
		}
		s := slots[i]
		u := use{s.prod, s.week, s.tech}
		c, _ := producers[s.prod].Capability(s.tech)
		for x := 0; x <= min(s.limit, left[s.order], c.PerWeek-used[u]); x++ {
			left[s.order] -= x
			used[u] += x
			rec(i+1, filled+x, cost+int64(x)*s.cents)
			left[s.order] += x
			used[u] -= x
		}
	}
	rec(0, 0, 0)
	return best, bestCost
}

func TestScheduleBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for iter := range 400 {
		orders, producers := randSchedule(rng, 2+rng.IntN(2), 2+rng.IntN(2), 2, 3, 3)
		tt, err := Schedule(orders, producers, ScheduleOptions{From: start})
		require.NoError(t, err)
		filled := 0
		for _, a := range tt.Assignments {
			filled += a.Quantity
		}
		wantFilled, wantCents := bruteSchedule(orders, producers)
		require.Equal(t, wantFilled, filled, "iter %d: pieces on time", iter)
		require.True(t, decimal.New(wantCents, -2).Equal(tt.Cost), "iter %d: cost %s, want %d sen", iter, tt.Cost, wantCents)
	}
}

// checkTimetable verifies a timetable against its input: capacity per
// producer, technique and week; due dates; eligibility; conservation.
func checkTimetable(t *testing.T, orders []batik.Order, producers []batik.Producer, tt Timetable) {
	t.Helper()
	byID := map[string]batik.Producer{}
	for _, p := range producers {
		byID[p.ID] = p
	}
	ords := map[string]batik.Order{}
	for _, o := range orders {
		ords[o.ID] = o
	}
	type use struct {
		prod string
		tech batik.Technique
		week Week
	}
	used := map[use]int{}
	placed := map[string]int{}
	for i, a := range tt.Assignments {
		if i > 0 {
			p := tt.Assignments[i-1]
			require.True(t, slices.Compare([]string{p.OrderID, p.ProducerID}, []string{a.OrderID, a.ProducerID}) < 0 ||
				(p.OrderID == a.OrderID && p.ProducerID == a.ProducerID && p.Week.Before(a.Week)), "sorted")
		}
		o, p := ords[a.OrderID], byID[a.ProducerID]
		c, ok := p.Capability(o.Technique)
		require.True(t, ok && c.Grade.AtLeast(o.MinGrade), "eligible")
		require.LessOrEqual(t, a.Week.Sub(start), lastOnTimeByDays(o.Due), "on time")
		require.Positive(t, a.Quantity)
		used[use{p.ID, o.Technique, a.Week}] += a.Quantity
		require.LessOrEqual(t, used[use{p.ID, o.Technique, a.Week}], c.PerWeek, "capacity")
		placed[o.ID] += a.Quantity
	}
	for _, o := range orders {
		require.Equal(t, o.Quantity, placed[o.ID]+tt.Unfilled[o.ID], "pieces conserved for %s", o.ID)
	}
	assertCost(t, tt)
}

// TestScheduleCertificate proves optimality on random instances: the
// solver's potentials leave no residual arc with negative reduced cost.
func TestScheduleCertificate(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for iter := range 200 {
		orders, producers := randSchedule(rng, 1+rng.IntN(30), 1+rng.IntN(15), 6, 200, 60)
		n, err := buildNetwork(orders, producers, ScheduleOptions{From: start})
		require.NoError(t, err)
		res, err := n.g.Solve()
		require.NoError(t, err)
		_, err = n.g.Verify(res)
		require.NoError(t, err, "iter %d: optimality certificate", iter)
		tt := n.timetable(res)
		checkTimetable(t, orders, producers, tt)

		// Shuffled input gives the same timetable.
		rng.Shuffle(len(orders), func(i, j int) { orders[i], orders[j] = orders[j], orders[i] })
		rng.Shuffle(len(producers), func(i, j int) { producers[i], producers[j] = producers[j], producers[i] })
		again, err := Schedule(orders, producers, ScheduleOptions{From: start})
		require.NoError(t, err, iter)
		require.Equal(t, tt, again, "iter %d: timetable depends on input order", iter)
	}
}

func TestWriteDIMACS(t *testing.T) {
	orders := []batik.Order{schedOrder("O1", batik.Cap, batik.Sedang, 5, 1)}
	producers := []batik.Producer{prod("A", batik.Halus, capOf(batik.Cap, 3, 80000))}
	var buf bytes.Buffer
	require.NoError(t, WriteDIMACS(&buf, orders, producers, ScheduleOptions{From: start}))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	assert.Contains(t, lines, "p min 3 3")
	assert.Contains(t, lines, "n 1 5")
	assert.Contains(t, lines, "n 3 -5")
	assert.Contains(t, lines, "a 1 2 0 3 8000000")
	assert.Contains(t, lines, "a 2 3 0 3 0")
	require.ErrorIs(t, WriteDIMACS(&buf, orders, producers, ScheduleOptions{}), ErrInvalid)
}

// spreadPenalty measures how unevenly a timetable loads producer-weeks: the
// Spread tier cost of every producer-week's output.
func spreadPenalty(producers []batik.Producer, orders []batik.Order, tt Timetable) int64 {
	tech := map[string]batik.Technique{}
	for _, o := range orders {
		tech[o.ID] = o.Technique
	}
	type key struct {
		prod string
		tech batik.Technique
		week Week
	}
	load := map[key]int64{}
	for _, a := range tt.Assignments {
		load[key{a.ProducerID, tech[a.OrderID], a.Week}] += int64(a.Quantity)
	}
	var pen int64
	for k, x := range load {
		var c int64
		for _, p := range producers {
			if p.ID == k.prod {
				cp, _ := p.Capability(k.tech)
				c = int64(cp.PerWeek)
			}
		}
		for j := range int64(spreadTiers) {
			lo, hi := c*j/spreadTiers, c*(j+1)/spreadTiers
			pen += j * max(0, min(x, hi)-lo)
		}
	}
	return pen
}

func TestScheduleSpread(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	better := 0
	for iter := range 150 {
		orders, producers := randSchedule(rng, 1+rng.IntN(12), 2+rng.IntN(8), 4, 120, 60)
		// Equal costs make many plans optimal, which is where Spread matters.
		for i := range producers {
			for j := range producers[i].Capabilities {
				producers[i].Capabilities[j].UnitCost = decimal.NewFromInt(80000)
			}
		}
		plain, err := Schedule(orders, producers, ScheduleOptions{From: start})
		require.NoError(t, err)
		spread, err := Schedule(orders, producers, ScheduleOptions{From: start, Spread: true})
		require.NoError(t, err)
		checkTimetable(t, orders, producers, spread)
		require.True(t, plain.Cost.Equal(spread.Cost), "iter %d: spreading changed the cost", iter)
		require.Equal(t, total(plain.Unfilled), total(spread.Unfilled), "iter %d: spreading changed how much is filled", iter)
		ps, pp := spreadPenalty(producers, orders, spread), spreadPenalty(producers, orders, plain)
		require.LessOrEqual(t, ps, pp, "iter %d: spread plan is less even", iter)
		if ps < pp {
			better++
		}

		// The spread flow is optimal for the original problem too, with the
		// same potentials as the first solve.
		n, err := buildNetwork(orders, producers, ScheduleOptions{From: start})
		require.NoError(t, err)
		res, err := n.g.Solve()
		require.NoError(t, err)
		res2, err := n.spread(res)
		require.NoError(t, err)
		_, err = n.g.Verify(res2)
		require.NoError(t, err, "iter %d", iter)
	}
	assert.Positive(t, better, "Spread never made a difference")
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// lastOnTimeByDays finds, walking day by day and independently of
// LastOnTime, the index from start of the last week all of whose days come
// before due: a piece made in that week is finished by its Sunday, which
// is before the due date. It returns -1 when no week qualifies.
func lastOnTimeByDays(due batik.Date) int {
	last := -1
	day := start.Monday()
	for k := 0; ; k++ {
		for range 7 {
			if !day.Before(due) {
				return last
			}
			day = day.AddDays(1)
		}
		last = k
	}
}
