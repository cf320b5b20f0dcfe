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
//
// Nodes: the orders; for each producer and technique a chain of deadline
// nodes D_0..D_K; the sink. An order due after week k sends its pieces to
// D_k of each eligible producer (one arc, at the unit cost); D_j passes
// them down to D_(j-1) (work may be done earlier) and on to the sink
// within week j's PerWeek. So an order can use any week up to its last,
// with one arc per order and producer instead of one per week. A chain is
// numbered producer*numTechs + technique (techIndex), producers in ID
// order.

// numTechs is the number of techniques, batik.Techniques().
const numTechs = 4

// network is the flow problem of a Schedule call.
type network struct {
	g       mcf.Graph
	orders  []*batik.Order    // in ID order; node i is orders[i]
	prods   []*batik.Producer // in ID order
	from    Week              // week 0
	holds   holds             // producers on quality hold, by technique
	members [numTechs][]member

	// Per technique, the best grade rank (gradeRank) of any producer with
	// it, and of any not on quality hold: 0 for none.
	bestGrade, bestFree [numTechs]int8

	lastWeek    []int   // per order, its last usable week (-1: none)
	lastFor     []int   // per chain, its last week (-1: no chain)
	chainBase   []int   // per chain, the node of D_0, or -1
	chainOf     []int32 // per node, the chain it belongs to (-1: an order or the sink)
	sink        int
	firstAssign int   // the first order -> chain arc
	numAssign   int   // the order -> chain arcs: firstAssign .. firstAssign+numAssign-1
	weekArc     []int // per chain node, its arc to the sink
	bypass      []int // per order, its arc to the sink
	penalty     int64 // cost of a bypass arc, in sen a piece
}

// member is a producer that can work with a technique, in
// network.members.
type member struct {
	prod  int32 // index into network.prods
	grade int8  // gradeRank of its capability
	per   int64 // PerWeek
	cents int64 // UnitCost in sen
}

// networkSize is the size of a network, known before it is built.
type networkSize struct {
	pairs  int64 // order -> chain arcs
	chains int64 // chains in use
	chain  int64 // deadline nodes, over all chains
}

func (z networkSize) nodes(orders int) int64 { return int64(orders) + z.chain + 1 }

// arcs: the order -> chain arcs, per chain one arc down per node but the
// first and one to the sink per node, and a bypass arc per order.
func (z networkSize) arcs(orders int) int64 { return z.pairs + 2*z.chain - z.chains + int64(orders) }

// check refuses a network of more than MaxNodes nodes or MaxArcs arcs.
func (z networkSize) check(orders int) error {
	if nodes := z.nodes(orders); nodes > MaxNodes {
		return invalid("orders", strconv.Itoa(orders), cNodes, strconv.FormatInt(nodes, 10), strconv.Itoa(MaxNodes))

	}
	if arcs := z.arcs(orders); arcs > MaxArcs {
		return invalid("orders", strconv.Itoa(orders), cArcs, strconv.FormatInt(arcs, 10), strconv.Itoa(MaxArcs))

	}
	return nil
}

// buildNetwork checks the input and builds Schedule's network. Every cap
// (MaxProducerWeeks, MaxNodes, MaxArcs) and the cost bounds are checked in
// O(orders + producers) before anything the size of the network is
// allocated.
func buildNetwork(orders []batik.Order, producers []batik.Producer, opts ScheduleOptions) (*network, error) {
	n, totalQ, err := newNetwork(orders, producers, opts)
	if err != nil {
		return nil, err
	}
	maxCents := n.collectMembers(opts)
	size := n.measure()
	if err := size.check(len(n.orders)); err != nil {
		return nil, err
	}
	if maxCents > 0 && totalQ > math.MaxInt64/maxCents {
		return nil, overflow("orders", strconv.FormatInt(totalQ, 10), cCostTimesPieces)
	}
	// An augmenting path alternates order nodes and chains, so its cost is
	// below maxCents * (orders + 1): the bypass costs more, and filling a
	// piece always beats leaving it unfilled.
	hops := int64(len(n.orders) + 1)
	if maxCents > 0 && hops > (math.MaxInt64/4)/(maxCents+1)/(size.nodes(len(n.orders))+2) {
		return nil, overflow("producers", "", cCostsTooLarge)
	}
	n.penalty = maxCents*hops + 1

	n.g.Grow(int(size.nodes(len(n.orders))), int(size.arcs(len(n.orders))))
	n.addNodes(totalQ)
	n.addAssignArcs(opts)
	if err := n.addChainArcs(opts); err != nil {
		return nil, err
	}
	for oi, o := range n.orders {
		n.bypass = append(n.bypass, n.g.AddArc(oi, n.sink, int64(o.Quantity), n.penalty))
	}
	return n, nil
}

// newNetwork checks the orders and producers and returns a network with
// both in ID order and each order's last usable week, and the pieces
// ordered in all. The producers are counted against MaxProducerWeeks
// before any is checked.
func newNetwork(orders []batik.Order, producers []batik.Producer, opts ScheduleOptions) (*network, int64, error) {
	if opts.From.IsZero() {
		return nil, 0, invalid("opts.from", `""`, cScheduleFrom)
	}
	holds, err := holdsOf(opts.Quality)
	if err != nil {
		return nil, 0, err
	}
	n := &network{from: opts.From, holds: holds}
	n.orders = make([]*batik.Order, len(orders))
	n.lastWeek = make([]int, len(orders))
	var totalQ int64
	horizon := 0 // the weeks any order can use
	for i := range orders {
		o := &orders[i]
		if err := checkScheduleOrder(o, i, opts.From); err != nil {
			return nil, 0, err
		}
		totalQ += int64(o.Quantity) // each <= MaxInt32: no overflow below 2^32 orders
		n.orders[i] = o
		horizon = max(horizon, LastOnTime(o.Due).Sub(opts.From)+1)
	}
	if err := checkProducerWeeks(len(producers), horizon); err != nil {
		return nil, 0, err
	}
	n.prods = make([]*batik.Producer, len(producers))
	for i := range producers {
		p := &producers[i]
		if err := p.Validate(); err != nil {
			return nil, 0, &InputError{Field: "producers[" + strconv.Itoa(i) + "]", Value: quote(p.ID), Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
		}
		n.prods[i] = p
	}
	slices.SortFunc(n.orders, func(a, b *batik.Order) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(n.prods, func(a, b *batik.Producer) int { return cmp.Compare(a.ID, b.ID) })
	for i := 1; i < len(n.orders); i++ {
		if n.orders[i].ID == n.orders[i-1].ID {
			return nil, 0, invalid("orders", quote(n.orders[i].ID), cIDTwice)
		}
	}
	for i := 1; i < len(n.prods); i++ {
		if n.prods[i].ID == n.prods[i-1].ID {
			return nil, 0, invalid("producers", quote(n.prods[i].ID), cIDTwice)
		}
	}
	for oi, o := range n.orders {
		n.lastWeek[oi] = LastOnTime(o.Due).Sub(opts.From) // < MaxWeeks, checked
	}
	return n, totalQ, nil
}

// checkScheduleOrder checks orders[i] for Schedule: valid, with a due date
// in opts.From's week or later and at most MaxWeeks weeks after it.
func checkScheduleOrder(o *batik.Order, i int, from Week) error {
	field := func() string { return "orders[" + strconv.Itoa(i) + "]" } // for an error only
	if err := o.Validate(); err != nil {
		return &InputError{Field: field(), Value: quote(o.ID), Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
	}
	if o.Due.IsZero() {
		return invalid(field()+".due", `""`, cScheduleDue)
	}
	if o.Due.Before(from.Monday()) {
		return invalid(field()+".due", o.Due.String(), cDueBeforeFrom, from.String(), from.Monday().String())
	}
	if LastOnTime(o.Due).Sub(from) >= MaxWeeks {
		return invalid(field()+".due", o.Due.String(), cDueAfterHorizon, strconv.Itoa(MaxWeeks), from.String())
	}
	return nil
}

// collectMembers lists, per technique, the producers that can work with
// it (a capability with capacity, no quality hold), best grade first, so
// that the producers eligible for an order are a prefix of its
// technique's list; it returns the largest unit cost in sen among them.
// It also sets bestGrade and bestFree.
func (n *network) collectMembers(opts ScheduleOptions) (maxCents int64) {
	for pi, p := range n.prods {
		for _, c := range p.Capabilities {
			t, grade, onHold := techIndex(c.Technique), int8(gradeRank(c.Grade)), n.holds.on(p.ID, c.Technique)
			n.bestGrade[t] = max(n.bestGrade[t], grade)
			if !onHold {
				n.bestFree[t] = max(n.bestFree[t], grade)
			}
			if (c.PerWeek == 0 && opts.Free == nil) || onHold {
				continue
			}
			cents, _ := pricing.Cents(c.UnitCost) // Validate checked it
			n.members[t] = append(n.members[t], member{int32(pi), grade, int64(c.PerWeek), cents})
			maxCents = max(maxCents, cents)
		}
	}
	for _, list := range n.members {
		slices.SortStableFunc(list, func(a, b member) int { return cmp.Compare(b.grade, a.grade) })
	}
	return maxCents
}

// eligible returns the members that can make order o: those with its
// technique at its grade or better.
func (n *network) eligible(o *batik.Order) []member {
	list := n.members[techIndex(o.Technique)]
	need := int8(gradeRank(o.MinGrade))
	k := 0
	for k < len(list) && list[k].grade >= need {
		k++
	}
	return list[:k]
}

// measure sets lastFor, the last week of each chain (the latest last
// usable week of the orders that may use it), and returns the size of the
// network, in O(orders + producers): an order's eligible producers are a
// prefix of its technique's list, so only its length and, per technique
// and grade, the latest week of the orders asking for it are needed.
func (n *network) measure() networkSize {
	// prefix[t][r]: how many members of technique t have grade rank >= r.
	// latest[t][r]: the latest last week of the orders of t at MinGrade
	// rank r (-1: none), then, cumulated, at rank r or below.
	var prefix, latest [numTechs][4]int64
	for t, list := range n.members {
		for r := range 4 {
			prefix[t][r] = int64(len(list))
			latest[t][r] = -1
		}
		for _, m := range list {
			for r := int(m.grade) + 1; r < 4; r++ {
				prefix[t][r]--
			}
		}
	}
	var z networkSize
	for oi, o := range n.orders {
		if n.lastWeek[oi] < 0 {
			continue
		}
		t, r := techIndex(o.Technique), gradeRank(o.MinGrade)
		z.pairs += prefix[t][r]
		latest[t][r] = max(latest[t][r], int64(n.lastWeek[oi]))
	}
	n.lastFor = make([]int, len(n.prods)*numTechs)
	for i := range n.lastFor {
		n.lastFor[i] = -1
	}
	for t, list := range n.members {
		for r := 1; r < 4; r++ {
			latest[t][r] = max(latest[t][r], latest[t][r-1])
		}
		for _, m := range list {
			g := int(m.prod)*numTechs + t
			n.lastFor[g] = int(latest[t][m.grade])
			if n.lastFor[g] >= 0 {
				z.chains++
				z.chain += int64(n.lastFor[g] + 1)
			}
		}
	}
	return z
}

// addNodes adds the order nodes (supplying their quantities), the chains
// and the sink (demanding every piece).
func (n *network) addNodes(totalQ int64) {
	for _, o := range n.orders {
		n.g.AddNode(int64(o.Quantity))
	}
	n.chainBase = make([]int, len(n.lastFor))
	for g, last := range n.lastFor {
		n.chainBase[g] = -1
		if last >= 0 {
			n.chainBase[g] = n.g.NumNodes()
			for range last + 1 {
				n.g.AddNode(0)
			}
		}
	}
	n.sink = n.g.AddNode(-totalQ)
	n.chainOf = make([]int32, n.g.NumNodes())
	for u := range n.chainOf {
		n.chainOf[u] = -1
	}
	for g, base := range n.chainBase {
		for k := 0; base >= 0 && k <= n.lastFor[g]; k++ {
			n.chainOf[base+k] = int32(g)
		}
	}
}

// addAssignArcs adds an arc from each order to the deadline node of its
// last usable week in the chain of each eligible producer, at the unit
// cost, within the order's quantity (and, without opts.Free, within what
// the producer can make by then).
func (n *network) addAssignArcs(opts ScheduleOptions) {
	n.firstAssign = n.g.NumArcs()
	for oi, o := range n.orders {
		last := n.lastWeek[oi]
		if last < 0 {
			continue
		}
		t := techIndex(o.Technique)
		for _, m := range n.eligible(o) {
			limit := int64(o.Quantity)
			if opts.Free == nil {
				limit = min(limit, m.per*int64(last+1))
			}
			n.g.AddArc(oi, n.chainBase[int(m.prod)*numTechs+t]+last, limit, m.cents)
		}
	}
	n.numAssign = n.g.NumArcs() - n.firstAssign
}

// addChainArcs adds, along each chain, the arcs passing work to an
// earlier week and each week's arc to the sink within that week's
// capacity: PerWeek, or what opts.Free reports.
func (n *network) addChainArcs(opts ScheduleOptions) error {
	n.weekArc = make([]int, n.g.NumNodes())
	techs := batik.Techniques()
	for g, base := range n.chainBase {
		if base < 0 {
			continue
		}
		p := n.prods[g/numTechs]
		c, _ := p.Capability(techs[g%numTechs])
		for k := 0; k <= n.lastFor[g]; k++ {
			if k > 0 {
				n.g.AddArc(base+k, base+k-1, mcf.Inf, 0)
			}
			capK := c.PerWeek
			if opts.Free != nil {
				f, err := freeIn(opts.Free, p.ID, c.Technique, opts.From.Add(k))
				if err != nil {
					return err
				}
				capK = f
			}
			n.weekArc[base+k] = n.g.AddArc(base+k, n.sink, int64(capK), 0)
		}
	}
	return nil
}
