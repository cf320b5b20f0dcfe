package capacity

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity/internal/mcf"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// Assignment is pieces of one order made by one producer in one week.
type Assignment struct {
	OrderID    string          `json:"order_id"`
	ProducerID string          `json:"producer_id"`
	Week       Week            `json:"week"` // the ISO week in which the pieces are made; JSON adds "week_start", its Monday
	Quantity   int             `json:"quantity"`
	UnitCost   decimal.Decimal `json:"unit_cost"` // a JSON string, whatever decimal's package settings say
}

// Timetable is the plan for many orders over weeks.
type Timetable struct {
	Assignments []Assignment   `json:"assignments"` // sorted by OrderID, ProducerID, Week; [] in JSON when empty
	Unfilled    map[string]int `json:"unfilled"`    // order ID -> pieces that cannot be finished by the order's Due; orders fully met are absent
	// Shortfalls says why each order in Unfilled falls short, sorted by
	// order ID: one entry per order with unfilled pieces.
	Shortfalls []Shortfall     `json:"shortfalls"`
	Cost       decimal.Decimal `json:"cost"` // sum of Quantity x UnitCost, exact; a JSON string
}

// MaxArcs bounds the size of the flow network Schedule builds (one arc per
// order, eligible producer and usable week). A larger problem is an error
// rather than hours of work or gigabytes of memory.
const MaxArcs = 50_000_000

// MaxNodes bounds the nodes of that network (orders, one per producer,
// technique and usable week, and a sink); both limits are checked before
// anything is allocated.
const MaxNodes = 10_000_000

// Schedule plans many orders over weekly buckets: first as many pieces on
// time as the capacities allow, then, among those plans, the lowest total
// cost.
//
// Weeks are ISO weeks from opts.From; a piece made in week w is on time for
// an order when w.Sunday() is before its Due (see LastOnTime): due dates
// are civil dates, so no time zone or daylight-saving rule moves a week.
// With opts.Spread, the plan among the cheapest that shares the work out
// best is chosen (see ScheduleOptions.Spread); it costs a second solve. A
// producer can work on an order as in Allocate (the technique, with that
// capability's grade at least the order's MinGrade), and its PerWeek for a
// technique (or, with opts.Free, what Free reports for that week) is shared
// by every order of that technique in the same week.
//
// The problem is a transportation problem, solved exactly as a minimum-cost
// flow: each order supplies its quantity, which flows at the producer's
// unit cost to the producer's node for the order's last usable week; a
// chain of such nodes per producer and technique lets the work move to
// earlier weeks, and each week's node drains to a sink within PerWeek (one
// arc per order and producer rather than one per week, so the network
// stays small). An arc from each order straight to the sink, at a cost
// above that of any augmenting path, carries what cannot be made on time,
// so the solver places as many pieces as possible before it saves cost.
// Each producer's weekly output is then given to the orders due soonest
// (ties by order ID), which meets every due date. Costs are whole sen (UnitCost has at most 2 decimals), so every sum
// is an exact integer. The solver is a primal network simplex with block
// search pivots (capacity/internal/mcf); among plans of equal cost it
// returns the one its pivots reach, which depends only on the input (orders
// and producers are processed in ID order), not on the order of the slices.
//
// Errors (*InputError, wrapping ErrInvalid): a zero opts.From; an order
// that fails Validate, has no Due, is due before opts.From's Monday or more
// than MaxWeeks weeks after it; a producer that fails Validate (so a
// producer with no capabilities is an error here, where Allocate skips it);
// repeated order or producer IDs; a Free answer above batik.MaxQuantity; a
// network of more than MaxArcs arcs. Wrapping ErrOverflow: costs and quantities whose products
// or sums do not fit an int64. An empty order list gives an empty
// timetable.
func Schedule(orders []batik.Order, producers []batik.Producer, opts ScheduleOptions) (Timetable, error) {
	n, err := buildNetwork(orders, producers, opts)
	if err != nil {
		return Timetable{}, err
	}
	res, err := n.g.Solve()
	if err != nil {
		return Timetable{}, overflow("producers", "", "unit costs too large for an exact solution: "+err.Error())
	}
	if res.Status != mcf.Optimal {
		// The bypass arcs make every instance feasible and costs are
		// non-negative, so this cannot happen.
		return Timetable{}, &InputError{Field: "orders", Reason: "internal error: flow status " + res.Status.String(), kind: ErrInvalid}
	}
	if opts.Spread {
		if res, err = n.spread(res); err != nil {
			return Timetable{}, err
		}
	}
	return n.timetable(res), nil
}

// spreadTiers is how many parts of a producer-week's capacity Spread
// fills in turn.
const spreadTiers = 4

// spread re-solves among the optimal flows only, for the spreading rule.
// By complementary slackness, with the optimal potentials pi, a flow is
// optimal exactly when it leaves empty every arc of positive reduced cost,
// fills every arc of negative reduced cost, and meets the supplies. So
// those arcs are fixed, the others keep their capacity at a new cost of
// zero, except that each producer-week's arc to the sink is split into
// spreadTiers parts costing 0, 1, 2, ...; the second solve then finds the
// optimal flow that spreads best. The result is still optimal for the
// original costs, with the same potentials as proof.
func (n *network) spread(res mcf.Result) (mcf.Result, error) {
	g := &n.g
	m := g.NumArcs()
	isWeek := make([]bool, m)
	for g, base := range n.chainBase {
		for k := 0; base >= 0 && k <= n.lastFor[g]; k++ {
			isWeek[n.weekArc[base+k]] = true
		}
	}
	supply := make([]int64, g.NumNodes())
	for u := range supply {
		supply[u] = g.Supply(u)
	}
	flow := make([]int64, m)
	free := make([]bool, m)
	for e := range m {
		u, v, c, w := g.Arc(e)
		switch red := w + res.Pi[u] - res.Pi[v]; {
		case red > 0:
			// stays empty
		case red < 0:
			flow[e] = c // finite: an infinite arc of negative reduced cost would contradict optimality
			supply[u] -= c
			supply[v] += c
		default:
			free[e] = true
		}
	}
	var h mcf.Graph
	h.Grow(len(supply), m+3*len(n.weekArc))
	for _, s := range supply {
		h.AddNode(s)
	}
	first := make([]int, m) // the first arc of h standing for arc e, or -1
	for e := range m {
		first[e] = -1
		if !free[e] {
			continue
		}
		u, v, c, _ := g.Arc(e)
		if !isWeek[e] {
			first[e] = h.AddArc(u, v, c, 0)
			continue
		}
		for j := range int64(spreadTiers) {
			a := h.AddArc(u, v, c*(j+1)/spreadTiers-c*j/spreadTiers, j)
			if j == 0 {
				first[e] = a
			}
		}
	}
	r2, err := h.Solve()
	if err != nil || r2.Status != mcf.Optimal {
		return mcf.Result{}, fmt.Errorf("capacity: internal error: spreading found no flow (%v, %d)", err, r2.Status)
	}
	for e := range m {
		if first[e] < 0 {
			continue
		}
		tiers := 1
		if isWeek[e] {
			tiers = spreadTiers
		}
		for j := range tiers {
			flow[e] += r2.Flow[first[e]+j]
		}
	}
	return mcf.Result{Status: mcf.Optimal, Flow: flow, Pi: res.Pi}, nil
}

// network is the flow problem of a Schedule call.
type network struct {
	g       mcf.Graph
	orders  []*batik.Order    // in ID order; node i is orders[i]
	prods   []*batik.Producer // in ID order
	sink    int
	assign  []arcInfo // the order -> producer-week arcs, in output order
	bypass  []int     // per order, its arc to the sink
	penalty int64     // cost of the bypass arcs, a sen a piece

	nt          int       // number of techniques
	lastWeek    []int     // per order, its last usable week (-1: none)
	firstAssign int       // index of the first order -> chain arc
	chainBase   []int     // per producer*nt+technique, the node of D_0, or -1
	lastFor     []int     // per producer*nt+technique, the last chain week
	weekArc     []int     // per chain node, its arc to the sink
	from        Week      // week 0
	elig        [][]int32 // per order, the chains (producer*nt+technique) it may use
	holds       holds     // producers on quality hold, by technique
}

// arcInfo is an order -> chain arc; arc firstAssign+i is assign[i].
type arcInfo struct {
	order, prod int32
	tech        int8
	cents       int64
}

func buildNetwork(orders []batik.Order, producers []batik.Producer, opts ScheduleOptions) (*network, error) {
	if opts.From.IsZero() {
		return nil, invalid("opts.from", `""`, "Schedule needs its first week")
	}
	n := &network{from: opts.From}
	var totalQ int64
	for i := range orders {
		o := &orders[i]
		field := "orders[" + strconv.Itoa(i) + "]"
		if err := o.Validate(); err != nil {
			return nil, &InputError{Field: field, Value: quote(o.ID), Reason: "is not valid", kind: ErrInvalid, Err: err}
		}
		if o.Due.IsZero() {
			return nil, invalid(field+".due", `""`, "Schedule needs a due date")
		}
		if o.Due.Before(opts.From.Monday()) {
			return nil, invalid(field+".due", o.Due.String(), "is before opts.from "+opts.From.String()+" begins ("+opts.From.Monday().String()+")")
		}
		if LastOnTime(o.Due).Sub(opts.From) >= MaxWeeks {
			return nil, invalid(field+".due", o.Due.String(), "is more than "+strconv.Itoa(MaxWeeks)+" weeks after opts.from "+opts.From.String())
		}
		totalQ += int64(o.Quantity) // each <= MaxInt32: no overflow below 2^32 orders
		n.orders = append(n.orders, o)
	}
	for i := range producers {
		p := &producers[i]
		if err := p.Validate(); err != nil {
			return nil, &InputError{Field: "producers[" + strconv.Itoa(i) + "]", Value: quote(p.ID), Reason: "is not valid", kind: ErrInvalid, Err: err}
		}
		n.prods = append(n.prods, p)
	}
	slices.SortFunc(n.orders, func(a, b *batik.Order) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(n.prods, func(a, b *batik.Producer) int { return cmp.Compare(a.ID, b.ID) })
	for i := 1; i < len(n.orders); i++ {
		if n.orders[i].ID == n.orders[i-1].ID {
			return nil, invalid("orders", quote(n.orders[i].ID), "order ID appears twice")
		}
	}
	for i := 1; i < len(n.prods); i++ {
		if n.prods[i].ID == n.prods[i-1].ID {
			return nil, invalid("producers", quote(n.prods[i].ID), "producer ID appears twice")
		}
	}

	// Producers by technique, best grade first, so the producers eligible
	// for an order are a prefix of its technique's list.
	techs := batik.Techniques()
	nt := len(techs)
	type member struct {
		prod  int
		grade int // 3 halus .. 1 kasar
		per   int64
		cents int64
	}
	rank := gradeRank
	byTech := make([][]member, nt)
	var maxCents int64
	n.holds = holdsOf(opts.Quality)
	for pi, p := range n.prods {
		for _, c := range p.Capabilities {
			if (c.PerWeek == 0 && opts.Free == nil) || n.holds.on(p.ID, c.Technique) {
				continue
			}
			ti := slices.Index(techs, c.Technique)
			cents, _ := pricing.Cents(c.UnitCost) // Validate checked it
			byTech[ti] = append(byTech[ti], member{pi, rank(c.Grade), int64(c.PerWeek), cents})
			maxCents = max(maxCents, cents)
		}
	}
	for _, list := range byTech {
		slices.SortStableFunc(list, func(a, b member) int { return cmp.Compare(b.grade, a.grade) })
	}
	eligible := func(o *batik.Order) []member {
		list := byTech[slices.Index(techs, o.Technique)]
		need := rank(o.MinGrade)
		k := 0
		for k < len(list) && list[k].grade >= need {
			k++
		}
		return list[:k]
	}

	// Usable weeks per order, the length of each producer's chain, and the
	// size of the network.
	lastWeek := make([]int, len(n.orders)) // -1: no week ends by Due
	lastFor := make([]int, len(n.prods)*nt)
	for i := range lastFor {
		lastFor[i] = -1
	}
	var pairs int64
	for oi, o := range n.orders {
		lastWeek[oi] = LastOnTime(o.Due).Sub(opts.From) // < MaxWeeks, checked above
		if lastWeek[oi] < 0 {
			continue
		}
		ti := slices.Index(techs, o.Technique)
		for _, m := range eligible(o) {
			g := m.prod*nt + ti
			lastFor[g] = max(lastFor[g], lastWeek[oi])
			pairs++
		}
	}
	n.elig = make([][]int32, len(n.orders))
	for oi, o := range n.orders {
		if lastWeek[oi] < 0 {
			continue
		}
		ti := slices.Index(techs, o.Technique)
		list := eligible(o)
		n.elig[oi] = make([]int32, len(list))
		for i, m := range list {
			n.elig[oi][i] = int32(m.prod*nt + ti)
		}
	}
	chain := int64(0)
	for _, last := range lastFor {
		chain += int64(last + 1)
	}
	if nodes := int64(len(n.orders)) + chain + 1; nodes > MaxNodes {
		return nil, invalid("orders", strconv.Itoa(len(orders))+" orders", "the network would have "+strconv.FormatInt(nodes, 10)+
			" nodes, more than "+strconv.Itoa(MaxNodes)+": fewer producers or orders per call, or a shorter horizon")
	}
	if arcs := pairs + 2*chain + int64(len(n.orders)); arcs > MaxArcs {
		return nil, invalid("orders", strconv.Itoa(len(orders))+" orders", "the network would have "+strconv.FormatInt(arcs, 10)+
			" arcs, more than "+strconv.Itoa(MaxArcs)+": shorten the horizon (due dates) or split the problem")
	}
	if maxCents > 0 && totalQ > math.MaxInt64/maxCents {
		return nil, overflow("orders", strconv.FormatInt(totalQ, 10)+" pieces", "times the largest unit cost overflows int64")
	}

	// Nodes: the orders; for each producer and technique a chain of
	// deadline nodes D_0..D_K; the sink. An order due after week k sends
	// its pieces to D_k of each eligible producer (one arc, at the unit
	// cost); D_j passes them down to D_(j-1) (work may be done earlier)
	// and on to the sink within week j's PerWeek. So an order can use any
	// week up to its last, with one arc per order and producer instead of
	// one per week.
	n.g.Grow(len(n.orders)+int(chain)+1, int(pairs+2*chain)+len(n.orders))
	for _, o := range n.orders {
		n.g.AddNode(int64(o.Quantity))
	}
	n.chainBase = make([]int, len(lastFor))
	for g, last := range lastFor {
		n.chainBase[g] = -1
		if last < 0 {
			continue
		}
		n.chainBase[g] = n.g.NumNodes()
		for range last + 1 {
			n.g.AddNode(0)
		}
	}
	n.sink = n.g.AddNode(-totalQ)
	n.lastFor, n.nt, n.lastWeek = lastFor, nt, lastWeek
	n.firstAssign = n.g.NumArcs()
	n.assign = make([]arcInfo, 0, pairs)
	for oi, o := range n.orders {
		if lastWeek[oi] < 0 {
			continue
		}
		ti := slices.Index(techs, o.Technique)
		for _, m := range eligible(o) {
			node := n.chainBase[m.prod*nt+ti] + lastWeek[oi]
			limit := int64(o.Quantity)
			if opts.Free == nil {
				limit = min(limit, m.per*int64(lastWeek[oi]+1))
			}
			n.g.AddArc(oi, node, limit, m.cents)
			n.assign = append(n.assign, arcInfo{order: int32(oi), prod: int32(m.prod), tech: int8(ti), cents: m.cents})
		}
	}
	n.weekArc = make([]int, n.g.NumNodes())
	for g, base := range n.chainBase {
		if base < 0 {
			continue
		}
		p := n.prods[g/nt]
		c, _ := p.Capability(techs[g%nt])
		for k := 0; k <= lastFor[g]; k++ {
			if k > 0 {
				n.g.AddArc(base+k, base+k-1, mcf.Inf, 0)
			}
			capK := c.PerWeek
			if opts.Free != nil {
				f, err := freeIn(opts.Free, p.ID, c.Technique, opts.From.Add(k))
				if err != nil {
					return nil, err
				}
				capK = f
			}
			n.weekArc[base+k] = n.g.AddArc(base+k, n.sink, int64(capK), 0)
		}
	}
	// An augmenting path alternates order nodes and chains, so its cost is
	// below maxCents * (orders + 1): the bypass costs more, and filling a
	// piece always beats leaving it unfilled.
	hops := int64(len(n.orders) + 1)
	if maxCents > 0 && hops > (math.MaxInt64/4)/(maxCents+1)/int64(n.g.NumNodes()+2) {
		return nil, overflow("producers", "", "unit costs too large for an exact solution")
	}
	n.penalty = maxCents*hops + 1
	for oi, o := range n.orders {
		n.bypass = append(n.bypass, n.g.AddArc(oi, n.sink, int64(o.Quantity), n.penalty))
	}
	return n, nil
}

// timetable turns the flow into assignments. The flow says how many pieces
// each order gets from each producer, and how many each producer makes in
// each week; pieces of a week go to the orders due soonest (then by order
// ID), which always meets every due date when any assignment can.
func (n *network) timetable(res mcf.Result) Timetable {
	t := Timetable{Unfilled: make(map[string]int)}
	var cents int64
	// Group the order -> chain arcs with flow by producer and technique.
	type pending struct {
		order, prod int32
		week        int // the order's last usable week
		flow        int64
	}
	groups := make(map[int][]pending)
	var keys []int
	for i, a := range n.assign {
		f := res.Flow[n.firstAssign+i]
		if f == 0 {
			continue
		}
		g := int(a.prod)*n.nt + int(a.tech)
		if _, ok := groups[g]; !ok {
			keys = append(keys, g)
		}
		groups[g] = append(groups[g], pending{a.order, a.prod, n.lastWeek[a.order], f})
		cents += f * a.cents // bounded by totalQ * maxCents, checked
	}
	slices.Sort(keys)
	techs := batik.Techniques()
	for _, g := range keys {
		list := groups[g]
		slices.SortStableFunc(list, func(a, b pending) int {
			if a.week != b.week {
				return cmp.Compare(a.week, b.week)
			}
			return cmp.Compare(a.order, b.order)
		})
		c, _ := n.prods[g/n.nt].Capability(techs[g%n.nt])
		next := 0
		base := n.chainBase[g]
		for k := 0; k <= n.lastFor[g] && next < len(list); k++ {
			made := res.Flow[n.weekArc[base+k]]
			for made > 0 && next < len(list) {
				a := &list[next]
				x := min(made, a.flow)
				t.Assignments = append(t.Assignments, Assignment{
					OrderID: n.orders[a.order].ID, ProducerID: n.prods[a.prod].ID, Week: n.from.Add(k),
					Quantity: int(x), UnitCost: c.UnitCost,
				})
				made -= x
				a.flow -= x
				if a.flow == 0 {
					next++
				}
			}
		}
	}
	// Merge pieces of one order, producer and week (from two techniques
	// cannot happen: an order has one) and sort.
	slices.SortFunc(t.Assignments, func(a, b Assignment) int {
		if c := cmp.Compare(a.OrderID, b.OrderID); c != 0 {
			return c
		}
		if c := cmp.Compare(a.ProducerID, b.ProducerID); c != 0 {
			return c
		}
		return a.Week.Compare(b.Week)
	})
	t.Shortfalls = []Shortfall{}
	for oi, e := range n.bypass {
		if f := res.Flow[e]; f > 0 {
			t.Unfilled[n.orders[oi].ID] = int(f)
			t.Shortfalls = append(t.Shortfalls, Shortfall{OrderID: n.orders[oi].ID, Pieces: int(f), Reason: n.why(oi)})
		}
	}
	if t.Assignments == nil {
		t.Assignments = []Assignment{}
	}
	t.Cost = decimal.New(cents, -2)
	return t
}

// WriteDIMACS writes the flow problem Schedule solves for the same input
// as a DIMACS "p min" file, so the optimum can be checked with an
// independent solver, e.g. LEMON's "dimacs-solver -long problem.min" (the
// -long flag: sums exceed 32 bits) or
// "glpsol --mincost problem.min". Nodes are numbered from 1: the orders in
// ID order, then for each producer and technique its weekly deadline
// nodes, then the sink.
// Costs are in sen; the arcs from each order straight to the sink carry
// unfilled pieces at the penalty given in a comment line, so the optimal
// objective is Timetable.Cost in sen plus the penalty times the unfilled
// pieces. Errors are Schedule's, or w's.
func WriteDIMACS(w io.Writer, orders []batik.Order, producers []batik.Producer, opts ScheduleOptions) error {
	n, err := buildNetwork(orders, producers, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "c batikkit capacity.Schedule: %d orders, %d producers, from %s\n", len(n.orders), len(n.prods), opts.From)
	fmt.Fprintf(bw, "c costs in sen; unfilled pieces cost %d each\n", n.penalty)
	fmt.Fprintf(bw, "p min %d %d\n", n.g.NumNodes(), n.g.NumArcs())
	for u := range n.g.NumNodes() {
		if s := n.g.Supply(u); s != 0 {
			fmt.Fprintf(bw, "n %d %d\n", u+1, s)
		}
	}
	for e := range n.g.NumArcs() {
		u, v, c, cost := n.g.Arc(e)
		fmt.Fprintf(bw, "a %d %d 0 %d %d\n", u+1, v+1, c, cost)
	}
	return bw.Flush()
}
