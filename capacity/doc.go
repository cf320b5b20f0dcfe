// Package capacity shares batik orders among producers without pushing
// anyone past what they can make: Allocate splits one order, Schedule plans
// many orders over weeks, and the Ledger books plans so that no workshop's
// week is ever promised twice.
//
// # Weeks and dates
//
// Capacity is counted in ISO 8601 weeks (Week, written "2026-W49"), Monday
// to Sunday; due dates are civil dates (batik.Date). A piece made in week w
// is on time for due date d when w.Sunday() is before d, so the last
// on-time week is the one before d's week (LastOnTime). Neither has a clock
// or a zone: no time zone or daylight-saving rule can move a week or a due
// date. Plans reach at most MaxWeeks (104) weeks ahead.
//
// # Files
//
// allocate.go (Allocate), policy.go and minlot.go (its sharing rules),
// schedule.go (Schedule and its flow network), shortfall.go (why an order
// falls short), week.go (Week), types.go (options and plan types),
// json.go (JSON forms), shares.go (payout shares), store.go (the ledger's
// records and Store), errors.go (sentinels and InputError).
//
// # Allocate
//
// An order of Q pieces arrives; each workshop can finish about 100 a week.
// A producer can take part when it has a capability for the order's
// technique and that capability's grade is at least the order's minimum
// grade (a workshop can be halus at tulis and sedang at cap). Its free
// capacity is PerWeek x Weeks (Weeks zero means 1) or, with
// AllocateOptions.Free (a FreeCapacity view, such as the ledger's), the sum
// of what is free in weeks From .. From+Weeks-1. The Policy decides how
// the order is shared among the producers that can take part:
//
//	Proportional     in proportion to free capacity, leftover pieces to the largest remainders
//	EvenShare        max-min fair (water-filling): the smallest shares as large as possible
//	LowestCost       cheapest UnitCost first, each filled to capacity
//	FewestProducers  largest free capacity first: fewest hand-offs, most uniform lots
//
// Every tie is broken by producer ID, so the plan does not depend on the
// order of the producers slice. Lines are sorted by producer ID and hold
// only positive quantities; every producer with nothing is in Skipped with
// one reason (wrong_technique, below_grade, no_capacity, below_min_lot or
// not_needed). A producer with no capabilities at all is skipped as
// wrong_technique; Schedule, which validates every producer, refuses it. A
// shortfall is Plan.Unfilled, never an error, and
// Unfilled is zero whenever the eligible capacity suffices.
//
// A worked example (TestWorkedExample checks it). Q = 1000 pieces among
// four producers with free capacity 400, 300, 200 and 150 (sum 1050) and
// unit costs Rp76.000, Rp80.000, Rp85.000 and Rp78.000, IDs A to D:
//
//	policy           A    B    C    D
//	Proportional     381  286  190  143
//	EvenShare        350  300  200  150
//	LowestCost       400  300  150  150
//	FewestProducers  400  300  200  100
//
// Proportional: the quotas are 380.95, 285.71, 190.48 and 142.86; the
// floors sum to 997 and the 3 leftover pieces go to the largest remainders,
// A (.95), D (.86) and B (.71). EvenShare: C and D are below the level and
// filled; the level for A and B is 350, which B's 300 caps. LowestCost
// fills A, D and B, then C takes the last 150. FewestProducers fills A, B
// and C and gives D the last 100.
//
// # Minimum lots
//
// With MinLot m > 1 no producer gets fewer than m pieces. Producers whose
// free capacity is below m are skipped ("below minimum lot"). The plan
// still places as many pieces as any choice of producers allows: a set S
// can take any amount from |S|*m to its capacity, the largest capacities
// give the most, so the most any plan can place is X = min(Q, the sum of
// the floor(Q/m) largest capacities). Among plans placing X, the policy
// chooses the producers (Proportional and EvenShare: everyone if each can
// have a full lot, else the largest; LowestCost: the cheapest whose
// capacity covers X; FewestProducers: the largest that cover X), gives each
// m, and shares the rest by its own rule over the capacity above m.
//
// # What Allocate checks
//
// Allocate runs Order.Validate on the order. Of the producers, on this hot
// path, it checks directly only what the allocation relies on: IDs present
// and unique, known grades and techniques (each technique once per
// producer), PerWeek in [0, MaxQuantity] and UnitCost in [0, MaxUnitCost]
// with at most 2 decimals. Run
// Producer.Validate when the records come from outside (the batik readers
// do). Capacities whose product or sum overflows int64 are an error
// wrapping ErrOverflow, never a wrapped number.
//
// # Schedule
//
// Schedule plans many orders at once over ISO weeks from
// ScheduleOptions.From. Each producer's PerWeek (or what
// ScheduleOptions.Free reports) is per technique per week, shared by all
// orders of that technique. The plan places as many pieces on time as the
// capacities allow, then has the lowest total cost among such plans; it is
// computed exactly as a minimum-cost flow by a primal network simplex
// (capacity/internal/mcf, after LEMON's NetworkSimplex).
// Timetable.Unfilled lists only the orders with a shortfall, and
// Timetable.Shortfalls says why each falls short: no producer with the
// technique, none at the grade, due before the first week ends, not enough
// capacity even alone, or capacity taken by other orders.
//
// # JSON
//
// Every result type encodes with snake_case keys, [] for empty lists (never
// null), weeks as "2026-W49" (an Assignment adds its Monday as
// "week_start"), enums as text (Policy "even_share", SkipReason
// "below_grade") and amounts as JSON strings in the machine form
// ("85000.50"), whatever shopspring/decimal's package settings say.
// Decoding is strict: unknown keys, unknown enum text and amounts outside
// the machine grammar ("1.55e5") are refused. Plan.Shares and
// Timetable.Shares turn a plan into pricing.Payouts shares.
//
// To check an optimum with another solver, write the problem with
// WriteDIMACS and run, for example, LEMON's dimacs-solver (Debian package
// liblemon-utils) with 64-bit numbers:
//
//	dimacs-solver -long problem.min
//
// Its "Min flow cost" is Timetable.Cost in sen plus the penalty stated in
// the file's comment times the unfilled pieces.
//
// # Errors
//
// Bad input gets an *InputError naming the field
// ("producers[3].capabilities[0].grade", "opts.weeks") and its value
// (abbreviated to 64 bytes with its length), wrapping ErrInvalid or
// ErrOverflow (and, for an invalid order, the *batik.ValidationError).
// Nothing panics.
package capacity
