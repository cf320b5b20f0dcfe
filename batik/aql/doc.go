// Package aql is lot-by-lot acceptance sampling by attributes after
// ISO 2859-1:1999 (published identically as IS 2500 (Part 1):2000 and
// GB/T 2828.1-2012): sample size code letters (Table 1), single
// sampling plans for normal, tightened and reduced inspection (Tables 2-A,
// 2-B, 2-C), and the switching rules of clause 9, kept per producer and
// technique as a State a service stores as JSON.
//
// The package is a leaf: it imports only the standard library, and names
// producers and techniques with plain strings, so batik, capacity and any
// service can use it.
//
// # Inspection
//
// What a cooperative's quality officer does for each lot a workshop hands
// over, and what the package does for each step:
//
//  1. Agree the AQL with the buyer, per class of nonconformity (clause 5):
//     for garments often 2.5 for major and 4.0 for minor defects. It must be
//     one of the preferred values 0.010 ... 1000; ParseAQL refuses others
//     and never rounds. Keep one State per producer, technique and class.
//  2. Choose the inspection level (clause 10). Level II unless the buyer
//     says otherwise; I for less discrimination, III for more; S-1 to S-4
//     only where small samples are a must and larger risks acceptable.
//  3. Start every producer on normal inspection (9.1): NewState.
//  4. When a lot arrives, count its units (one lot: the same product,
//     technique and workshop, made under the same conditions, clause 6).
//     PlanFor (or Inspect, which calls it) gives the code letter from
//     Table 1 and the plan: sample size n, acceptance number Ac and
//     rejection number Re. Where the table shows an arrow, the plan is the
//     first one below or above it, and n is that row's (clause 10). When n
//     is at least the lot size, inspect every unit.
//  5. Draw n units at random from the whole lot (clause 8: every unit
//     equally likely, e.g. numbered units and random numbers; not the top
//     of the pile) and inspect each against the specification. Count the
//     nonconforming items: a shirt with two defects of the class counts
//     once.
//  6. Record the count with Inspect. Accept the lot when the count is at
//     most Ac; do not accept it when it is Re or more (clause 11). A lot
//     not accepted goes back to the workshop; what happens to it is for
//     the contract (clause 7), not for this package.
//  7. Store Verdict.Next and use it for the producer's next lot: the
//     switching rules below have moved it if the record says so.
//
// # Switching rules
//
// Inspect applies clause 9 after every lot, on original inspection only
// (do not submit a resubmitted lot again):
//
//	normal -> tightened    this lot and one of the previous 4 not accepted:
//	                       2 of 5 or fewer consecutive lots (9.3.1)
//	tightened -> normal    5 consecutive lots accepted (9.3.2)
//	normal -> reduced      switching score at least 30, production steady
//	                       (Lot.Steady) and the responsible authority
//	                       approves (Lot.Approved) (9.3.3)
//	reduced -> normal      a lot not accepted, production irregular or
//	                       delayed (Lot.Irregular), or other conditions
//	                       that warrant it (Lot.OtherNormal) (9.3.4)
//	tightened -> stop      5 lots not accepted in total since tightened
//	                       inspection began: inspection is discontinued
//	                       (9.4); Inspect refuses the producer's lots until
//	                       Resume records corrective action, after which
//	                       inspection restarts on tightened
//
// The switching score (9.3.3.2) starts at 0 with each period of normal
// inspection and is updated after every lot on normal inspection: when the
// plan's Ac is 2 or more, add 3 if the lot would have been accepted with
// the AQL one step tighter (the Ac of Table 2-A for the same sample, one
// column to the left), otherwise reset to 0; when Ac is 0 or 1, add 2 if
// the lot is accepted, otherwise reset to 0. A lot not accepted always
// resets it. Ten good lots at Ac >= 2 reach 30; fifteen at Ac 0 or 1.
//
// # State
//
// A State carries only what the rules need: on normal the switching score
// and the last 4 results; on tightened the run of accepted lots and the
// lots not accepted so far; nothing on reduced. It marshals to JSON with
// the enums as text ("2.5", "II", "tightened") and its UnmarshalJSON
// refuses states the rules cannot reach, so a tampered or corrupted store
// is caught on read:
//
//	{"producer":"ws-07","technique":"tulis","aql":"2.5","level":"II",
//	 "severity":"normal","discontinued":false,"switching_score":9,
//	 "recent":"AANA","consecutive_accepted":0,"not_accepted":0}
//
// # Tables
//
// The transcription of Tables 1, 2-A, 2-B and 2-C, its source and the
// three edge cells where the printed arrow has no plan to point to are
// described in tables.go and codeletter.go. The tests check every cell
// against the tables' structure (each entry depends on code letter plus
// AQL column), Re = Ac + 1, that every arrow reaches a plan, that
// tightened plans are stricter than normal ones, and the operating
// characteristic: under normal inspection a lot exactly at the AQL is
// accepted with probability at least 0.874 for every code letter and AQL
// (binomial up to AQL 10, Poisson above; the minimum is code letter A at
// AQL 6.5, n = 2, Ac = 0).
//
// # Limits
//
//   - Single sampling only: no double or multiple sampling (Tables 3 and
//     4), no fractional acceptance numbers, no skip-lot.
//   - Nonconforming items only (percent nonconforming): Lot.Nonconforming
//     cannot exceed the sample size. The nonconformities-per-100-units form
//     is not supported. The standard defines AQLs above 10 for that form
//     only; the package still gives their plans, but counted in items a
//     plan whose Ac is at least n accepts every lot.
//   - Lot sizes 1 to MaxLotSize (10^9).
//   - On 100% inspection the plan's Ac and Re still decide the lot.
//   - One AQL per State: for major and minor defects keep two States per
//     producer and technique, as the standard applies the rules to each
//     class separately.
//   - The limit numbers of the 1989 edition for normal to reduced are
//     gone; the 1999 switching score is used.
//   - The package judges lots; it does not compute OC curves, AOQL or the
//     process average (clause 12 and the standard's annexes).
//
// # Errors
//
// Every error is an *InputError naming the field ("lot.size",
// "state.switching_score", "aql"), the value (quoted, cut at 64 bytes with
// the full length) and the reason, and it unwraps to one sentinel:
//
//	ErrInvalid        lot size below 1 or above 10^9; nonconforming count
//	                  negative or above the sample size; an AQL outside the
//	                  series (2.4); an unknown level, severity or code
//	                  letter; steady and irregular at once; Resume on a
//	                  state that is not discontinued
//	ErrState          a State the rules cannot reach (Validate, Inspect,
//	                  UnmarshalJSON)
//	ErrDiscontinued   Inspect on a discontinued State
//
// # Concurrency and cost
//
// Every function is pure: no global state is written, nothing reads the
// clock, and all are safe for concurrent use. Lookup, PlanFor and Inspect
// are O(1) and do not allocate when they succeed.
package aql
