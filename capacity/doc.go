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
// Planning: allocate.go (Allocate, MaxProducerWeeks), policy.go and minlot.go (its sharing
// rules); schedule.go (Schedule), network.go (its flow network),
// spread.go (the spreading re-solve), timetable.go (flow to timetable),
// shortfall.go (why an order falls short), dimacs.go (WriteDIMACS); the
// solver is capacity/internal/mcf. week.go (Week); types.go (options and
// plan types); json.go and json_strict.go (JSON forms, strict decoding),
// json_append.go (a booking's JSON written directly);
// shares.go (payout shares).
//
// The ledger: ledger.go (Ledger, the update loop, the actor),
// ledger_request.go (BookRequest, its checks and canonical form),
// ledger_book.go (Book), ledger_snapshot.go (free capacity as a store shows
// it, Free), ledger_ops.go (Confirm, Cancel, Extend, Sweep),
// ledger_deliver.go (Deliver, DeliverLot, DeliverInspected, Inspection),
// ledger_rebook.go (Rebook), ledger_read.go (Booking, Bookings, History,
// SetCalendar), ledger_slots.go (Slots), ledger_board.go (Board),
// ledger_legacy.go (the fingerprint of bookings made before revision 3). The records and the
// Store: booking.go (Slot, State, Booking), store.go (the Store interface
// and what travels through it), change.go (the rules every store holds its
// input to: Change.Validate and friends), bookings_filter.go (pages of
// bookings), store_errors.go (errors a store returns). The stores are
// capacity/memstore and capacity/pgstore; capacity/storetest is the suite
// they pass; capacity/ledgerhttp serves the ledger over HTTP.
//
// Messages: errors.go (sentinels and InputError), messages.go (every
// reason in English and Indonesian).
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
// not_needed). A producer with no capabilities at all is not a valid record
// (batik's Validate refuses it), and Allocate and Schedule both refuse it
// with an error naming it: one rule. A shortfall is Plan.Unfilled, never
// an error, and
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
// Decoding is strict: unknown keys, unknown enum text, amounts outside
// the machine grammar ("1.55e5") and text that is not UTF-8 (or a lone
// surrogate escape such as \ud800, which encoding/json would read as
// U+FFFD) are refused. Plan.Shares and
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
// # Ledger
//
// Allocate and Schedule are pure functions: two requests planned at the
// same moment would both promise the same workshop week. A Ledger makes
// plans bookable. It keeps bookings per slot, a (producer, technique, ISO
// week), in a Store: capacity/memstore in one process, capacity/pgstore on
// PostgreSQL for several. A slot's capacity is the capability's PerWeek
// unless a calendar entry set with SetCalendar says otherwise for that
// week (0 for a workshop closed for Lebaran); free = capacity - held -
// confirmed.
//
//	Book         plan one order (Allocate) or several (Schedule) on the free capacity and record it,
//	             held for a time (HoldFor) or confirmed at once
//	Confirm      a held booking becomes confirmed
//	Extend       a live hold gets more time
//	Cancel       release every slot of a booking
//	Deliver      record pieces handed over per slot, against a confirmed booking, under a call key
//	DeliverLot   the same for a lot inspected by ISO 2859-1 (batik/aql), its record kept with the call
//	DeliverInspected  DeliverLot for one class of nonconformity
//	Rebook       move what a workshop did not deliver in an ended week to other free capacity
//	SetCalendar  a slot's capacity for one week
//	Sweep        mark lapsed holds expired in the store, in batches
//	Booking, Bookings, History, Board, Slots, Free, Inspection
//	             read a booking, pages of bookings, a booking's changes, the campaign board,
//	             per-slot capacity / held / confirmed / delivered / free, a free-capacity view,
//	             an inspected lot's record
//	BookCreated  Book, saying whether this call made the booking (201 or 200 over HTTP)
//
// Every operation takes the caller's clock (now): the core never reads
// time.Now, so a test or a replayed event log gets the same answers.
// States are held, confirmed, cancelled and expired, as text in JSON. Who
// acts comes from the context (WithActor) and is kept in each booking's
// history.
//
// What is guaranteed:
//
//   - No slot is overbooked: held + confirmed <= capacity in every slot,
//     always, across goroutines sharing a store, and across processes
//     sharing a durable store (capacity/pgstore). Book plans on a snapshot
//     and commits only if every slot still has the room it planned on
//     (one atomic Store.Commit); otherwise it re-plans on fresh data, up
//     to LedgerOptions.MaxRetries times, then returns ErrContention.
//     Bookings one Ledger is committing count as taken when it plans the
//     next, so that bookings made at once in one process seldom collide
//     (see Ledger.Book). A calendar entry recorded in the store wins over
//     a plan made before it, so a closed week stays closed.
//   - Pieces are conserved: for every order of a booking, Booked +
//     Unfilled is its quantity, and Booking.Orders says why any piece is
//     unfilled. A request that would book nothing, or less than its
//     MinFill (or AllOrNothing) asks, records nothing and returns
//     ErrNoCapacity with the reason.
//   - Each operation is all or nothing, and an invalid request, an unknown
//     key, a wrong state or a cancelled context changes nothing.
//   - Retries are safe. A booking has a caller-given key (the order ID is
//     the natural one). Book looks it up before planning: the same request
//     (its orders, options, HoldFor, MinFill and AllOrNothing, not the
//     producer records, not the clock) returns the booking as it stands,
//     at any later time; a different one is ErrConflict naming the first
//     field that differs. Never a second booking, also when the same
//     request races itself from many goroutines or processes. Deliver and
//     DeliverInspected take a call key: a retried call counts once, and a
//     retried inspection returns the stored verdict.
//   - Expiry without a background goroutine: a hold whose HoldUntil is at
//     or before now is expired for every read and every later booking; a
//     commit that needs its room marks it expired and frees its pieces.
//     Sweep does the same in batches for reports that read the store
//     directly; correctness never depends on calling it. Delivered pieces
//     never exceed the pieces booked on a line.
//
// What is not:
//
//   - The memory store is not durable: it lives and dies with the
//     process, and two processes with a memory store each share nothing.
//   - A booking's times come back from the memory store as wall clock and
//     location, without the monotonic clock reading of a time.Now (as
//     Time.Round(0) gives), and from pgstore in UTC, Created and Updated
//     to the microsecond (HoldUntil to the nanosecond): compare times
//     with Equal, not ==.
//   - A slot's capacity per request comes from the caller's producer data
//     (PerWeek) and the calendar: the ledger checks bookings against the
//     capacity it is told, and does not know whether a workshop can really
//     make that many. Booking with a lower PerWeek than earlier bookings
//     took does not undo them; use SetCalendar, which refuses a capacity
//     below what is booked.
//   - Clocks: expiry is judged by the now each caller passes. Ledgers that
//     share a store should share a clock (a hold expires for the caller
//     whose clock has passed HoldUntil, and a commit at that clock marks
//     it expired for good; Sweep's grace keeps a fast clock from taking
//     holds others still honour).
//   - Rebook plans with the Proportional policy and needs the booking's
//     orders passed in (a booking records order IDs, not grades and due
//     dates).
//
// On PostgreSQL: open a pgxpool.Pool on the service's DSN, run
// pgstore.Migrate(ctx, pool, "batikkit") once (idempotent and versioned),
// and pass pgstore.New(pool, pgstore.Options{}) to NewLedger.
// capacity/pgstore's documentation has the details. Over HTTP, mount
// capacity/ledgerhttp's handler.
//
// Lot inspection: DeliverInspected records a delivered lot only when
// ISO 2859-1 inspection (batik/aql) accepts it, keeps the inspection with
// the booking either way, and returns the verdict whose next state the
// caller keeps and passes to AllocateOptions.Quality.
//
// # From revision 2
//
// What a service written against revision 2 changes:
//
//	capacity.NewMemoryStore()            memstore.New() (import "github.com/batikkit/batikkit/capacity/memstore")
//	BookRequest.HoldUntil: now.Add(d)    BookRequest.HoldFor: d ("hold_for": "15m0s" in JSON, required; "0s" confirms at once)
//	Deliver(ctx, key, ds, now)           Deliver(ctx, key, callKey, ds, now): a key of the call, such as an HTTP Idempotency-Key
//	DeliverInspected(ctx, key, d, ...)   DeliverInspected(ctx, key, callKey, d, ...)
//	Bookings(...) []Booking              Bookings(...) BookingPage: read Bookings, follow Next
//	InputError.Reason (a field)          InputError.Reason(lang), Code and Args; Message(lang) as before
//	a Book that placed nothing: success  ErrNoCapacity, nothing recorded (Booking.Orders says why, when some is placed)
//
// A Store of one's own adds History, DeliveryCall and Sweep, returns pages
// from Bookings, keeps Change.Op, Actor and Call, Booking.Orders, Skipped
// and Canonical, and calls Change.Validate (capacity/storetest says what
// else). A replay of a booking made before revision 3 is recognised by
// the fingerprint it was made with.
//
// # Limits
//
// Every cap is checked before the work it bounds starts, and a request
// over it is refused with an *InputError wrapping ErrInvalid that states
// the figure and the cap:
//
//	MaxWeeks          104         weeks from the first week: Allocate's Weeks, an order's due date in Schedule
//	MaxProducerWeeks  1,000,000   producers x weeks of one Allocate or Schedule call (Schedule: up to the last
//	                              week an order can use); refused in O(1) memory, before any producer is read
//	MaxNodes          10,000,000  nodes of Schedule's network (orders, producer-technique-weeks, the sink)
//	MaxArcs           50,000,000  arcs of Schedule's network (about one per order and eligible producer,
//	                              two per producer-technique-week, one per order)
//
// The ledger's caps, checked the same way:
//
//	MaxProducerWeeks  1,000,000   also the producers x weeks a Book, Rebook, Free, Slots or Board reads, and the
//	                              slots a SlotQuery lists (Slots)
//	MaxBookingLines   10,000      lines a booking (a Book's or Rebook's plan, refused after planning, before anything is written)
//	MaxHold           366 days    a hold (HoldFor; Extend)
//	MaxPageLimit      1,000       bookings a page of Bookings (DefaultPageLimit 100)
//	MaxSweep          10,000      holds one Sweep marks
//	keys              256 bytes   of visible text; producer IDs of a booking follow batik's rule (64 bytes)
//
// Schedule measures its network from the orders and producers alone, in
// O(orders + producers) time and memory, and checks MaxNodes and MaxArcs
// before it allocates anything the size of the network. Quantities and
// PerWeek are at most batik.MaxQuantity, unit costs at most
// batik.MaxUnitCost; sums and products that would not fit an int64 are an
// error wrapping ErrOverflow.
//
// Memory: a Book holds its snapshot (8 bytes a producer-week slot of one
// technique, four times that when its orders mix techniques) and its plan
// besides what Allocate or Schedule take. Allocate uses about 130 bytes
// per producer besides the plan it returns. Schedule uses about 75 bytes
// per arc of its network (the problem, the solver's copy and the flow;
// WriteDIMACS's "p min" line and BenchmarkSchedule report the arcs), so
// MaxArcs bounds it near 4 GB.
//
// Time: Allocate is O(n log n) for n producers. Schedule's network simplex
// has no polynomial bound. Medians of 3 runs on a shared 2-core machine
// (go test -run '^$' -bench 'Schedule/(300x250x4|1000x500x8)$|ScheduleGrowth'
// -benchtime 1x -count 3 ./capacity):
//
//	orders x producers x weeks   arcs        nodes     Schedule   per million arcs
//	300 x 250 x 4                48,920      2,001     9.4 ms     0.19 s
//	1,000 x 500 x 8              327,657     7,769     57 ms      0.17 s
//	250 x 250 x 104              119,555     42,696    91 ms      0.76 s
//	500 x 500 x 104              324,982     86,753    0.21 s     0.64 s
//	1,000 x 1,000 x 104          924,350     170,311   0.75 s     0.81 s
//	2,000 x 2,000 x 104          3,091,451   347,593   6.5 s      2.1 s (1.3 to 3.5)
//
// So the time per arc depends on the horizon (the weeks multiply the
// nodes, and the solver makes one to three pivots per node) and is about
// constant up to a million arcs; beyond, it grows with the network: each
// pivot scans more arcs the larger the network, most of all near the
// optimum, where few arcs can still improve the plan. LEMON's
// NetworkSimplex grows at least as fast on the same networks. A campaign
// planned over the weeks it needs, rather than the whole horizon, is much
// faster.
//
// # Errors
//
// Every error of the package has one shape, as in every package of
// batikkit: an *InputError naming the field as a path in the input's own
// JSON names ("producers[3].capabilities[0].grade", "orders[0].quantity",
// "hold_for"), its value (abbreviated to 64 bytes with its length), the
// code of the reason in the package's message catalogue with its
// arguments, the sentinel it wraps (ErrInvalid and ErrOverflow for bad
// input; ErrNotFound, ErrConflict, ErrNoCapacity and ErrContention from
// the ledger; ErrNoRoom, ErrStale and ErrExists from a Store) and the
// underlying error, if any (a *batik.ValidationError for an invalid
// order). Error gives English; Message(lang) English or Indonesian, with
// no English in the Indonesian. Nothing panics.
package capacity
