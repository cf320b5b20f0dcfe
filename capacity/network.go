package capacity

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity/internal/mcf"
	"github.com/batikkit/batikkit/pricing"
)

// Schedule's flow network: orders, weekly deadline chains per producer and
// technique, and a sink, built from the records.

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
		return nil, invalid("opts.from", `""`, cScheduleFrom)
	}
	n := &network{from: opts.From}
	var totalQ int64
	for i := range orders {
		o := &orders[i]
		field := "orders[" + strconv.Itoa(i) + "]"
		if err := o.Validate(); err != nil {
			return nil, &InputError{Field: field, Value: quote(o.ID), Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
		}
		if o.Due.IsZero() {
			return nil, invalid(field+".due", `""`, cScheduleDue)
		}
		if o.Due.Before(opts.From.Monday()) {
			return nil, invalid(field+".due", o.Due.String(), cDueBeforeFrom, opts.From.String(), opts.From.Monday().String())
		}
		if LastOnTime(o.Due).Sub(opts.From) >= MaxWeeks {
			return nil, invalid(field+".due", o.Due.String(), cDueAfterHorizon, strconv.Itoa(MaxWeeks), opts.From.String())
		}
		totalQ += int64(o.Quantity) // each <= MaxInt32: no overflow below 2^32 orders
		n.orders = append(n.orders, o)
	}
	for i := range producers {
		p := &producers[i]
		if err := p.Validate(); err != nil {
			return nil, &InputError{Field: "producers[" + strconv.Itoa(i) + "]", Value: quote(p.ID), Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
		}
		n.prods = append(n.prods, p)
	}
	slices.SortFunc(n.orders, func(a, b *batik.Order) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(n.prods, func(a, b *batik.Producer) int { return cmp.Compare(a.ID, b.ID) })
	for i := 1; i < len(n.orders); i++ {
		if n.orders[i].ID == n.orders[i-1].ID {
			return nil, invalid("orders", quote(n.orders[i].ID), cIDTwice)
		}
	}
	for i := 1; i < len(n.prods); i++ {
		if n.prods[i].ID == n.prods[i-1].ID {
			return nil, invalid("producers", quote(n.prods[i].ID), cIDTwice)
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
	holds, err := holdsOf(opts.Quality)
	if err != nil {
		return nil, err
	}
	n.holds = holds
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
		return nil, invalid("orders", strconv.Itoa(len(orders)), cNodes, strconv.FormatInt(nodes, 10), strconv.Itoa(MaxNodes))
	}
	if arcs := pairs + 2*chain + int64(len(n.orders)); arcs > MaxArcs {
		return nil, invalid("orders", strconv.Itoa(len(orders)), cArcs, strconv.FormatInt(arcs, 10), strconv.Itoa(MaxArcs))
	}
	if maxCents > 0 && totalQ > math.MaxInt64/maxCents {
		return nil, overflow("orders", strconv.FormatInt(totalQ, 10), cCostTimesPieces)
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
		return nil, overflow("producers", "", cCostsTooLarge)
	}
	n.penalty = maxCents*hops + 1
	for oi, o := range n.orders {
		n.bypass = append(n.bypass, n.g.AddArc(oi, n.sink, int64(o.Quantity), n.penalty))
	}
	return n, nil
}
