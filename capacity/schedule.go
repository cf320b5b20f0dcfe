package capacity

import (
	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity/internal/mcf"
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

// MaxArcs bounds the size of the flow network Schedule builds (about one
// arc per order and eligible producer, two per producer, technique and
// usable week, one per order). A larger problem is an error rather than
// hours of work or gigabytes of memory.
const MaxArcs = 50_000_000

// MaxNodes bounds the nodes of that network (orders, one per producer,
// technique and usable week, and a sink). Both limits are checked in
// O(orders + producers), before anything the size of the network is
// allocated.
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
// than MaxWeeks weeks after it; a producer that fails Validate (a producer
// with no capabilities among them, as in Allocate);
// repeated order or producer IDs; a Free answer above batik.MaxQuantity;
// more than MaxProducerWeeks producers x weeks (up to the last week an
// order can use); a network of more than MaxNodes nodes or MaxArcs arcs
// (see the package documentation's Limits). Wrapping ErrOverflow: costs and quantities whose products
// or sums do not fit an int64. An empty order list gives an empty
// timetable.
func Schedule(orders []batik.Order, producers []batik.Producer, opts ScheduleOptions) (Timetable, error) {
	n, err := buildNetwork(orders, producers, opts)
	if err != nil {
		return Timetable{}, err
	}
	res, err := n.g.Solve()
	if err != nil {
		return Timetable{}, overflow("producers", "", cCostsTooLarge)
	}
	if res.Status != mcf.Optimal {
		// The bypass arcs make every instance feasible and costs are
		// non-negative, so this cannot happen.
		return Timetable{}, invalid("orders", "", cFlowStatus, res.Status.String())
	}
	if opts.Spread {
		if res, err = n.spread(res); err != nil {
			return Timetable{}, err
		}
	}
	return n.timetable(res), nil
}
