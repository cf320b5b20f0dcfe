// Package aql is lot-by-lot acceptance sampling by attributes after
// ISO 2859-1:1999 (published identically as IS 2500 (Part 1):2000 and
// GB/T 2828.1-2012): sample size code letters (Table 1), single sampling
// plans for normal, tightened and reduced inspection (Tables 2-A, 2-B,
// 2-C), the switching rules of clause 9 kept per producer, technique and
// class of nonconformity as a State a service stores as JSON, the random
// sample of clause 8, lot records, and the operating characteristic of a
// plan, with a plan for a lot inspected in isolation.
//
// The package is a leaf: of the module it imports only internal/, and it
// names producers and techniques with plain strings, kept as given, so
// batik, capacity and any service can use it.
//
// # Inspection
//
// What a cooperative's quality officer does for each lot a workshop hands
// over, and what the package does for each step:
//
//  1. Agree the AQL with the buyer for each class of nonconformity
//     (clause 5): for garments often a small one for critical, 2.5 for
//     major and 4.0 for minor defects. Agree what is counted (Basis):
//     nonconforming items (percent nonconforming: a shirt with two flaws
//     counts once) or nonconformities per 100 items (it counts twice);
//     AQLs above 10 exist for nonconformities only. The AQL is one of the
//     preferred values 0.010 ... 1000; ParseAQL refuses others and never
//     rounds.
//  2. Choose the inspection level (clause 10): II unless the buyer says
//     otherwise; I for less discrimination, III for more; S-1 to S-4 only
//     where small samples are a must and larger risks acceptable.
//  3. Start every producer on normal inspection (9.1), one State per
//     technique and class: NewClassState (NewState for one unnamed class
//     counted in items).
//  4. When a lot arrives, count its units (one lot: the same product,
//     technique and workshop, made under the same conditions, clause 6).
//     PlanFor gives each class's code letter (Table 1) and plan: sample
//     size n, acceptance number Ac, rejection number Re. Where the table
//     shows an arrow the plan is the first one below or above it, and n
//     is that row's (clause 10). When n is at least the lot size, inspect
//     every unit.
//  5. Number the units and Draw the largest sample from a seed (clause 8:
//     every unit equally likely, never the top of the pile); each class
//     inspects the first n of the pick list (Sample.PickList).
//  6. Record the counts with InspectLot (Inspect for one class). A class
//     is accepted when its count is at most Ac, not accepted when it is Re
//     or more (clause 11); the lot is accepted only when every class is.
//     A lot not accepted goes back to the workshop; what happens to it is
//     for the contract (clause 7), not for this package.
//  7. Keep the Record (it holds the seed: Draw gives the same units again)
//     and the next States, and use them for the producer's next lot.
//
// # Isolated lots
//
// The switching rules serve a continuing series of lots. A campaign's
// one-off lot (1,000 shirts from a dozen workshops, made once) is
// isolated: ISO 2859-1:1999, 12.6, chooses among the plans of the AQL the
// one that gives a stated limiting quality (LQ) protection, which is what
// ISO 2859-2 (sampling plans indexed by LQ; the edition followed is
// ISO 2859-2:1985, published identically as IS 2500 (Part 3):1995)
// tabulates. Its tables are not transcribed here. IsolatedPlan computes
// the choice instead: the smallest plan of Table 2-A at the AQL whose
// probability of accepting the lot at the LQ, by the hypergeometric model
// of a lot of known size (the model of ISO 2859-2's procedure A), is at
// most the consumer's risk.
//
// # Switching rules
//
// Inspect applies clause 9 after every lot, to each class separately and
// on original inspection only (do not submit a resubmitted lot again):
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
//	tightened -> stop      the 5th lot not accepted in total since
//	                       tightened inspection began: inspection is
//	                       discontinued (9.4); Inspect refuses the
//	                       producer's lots until Resume records corrective
//	                       action, after which inspection restarts on
//	                       tightened
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
// the enums as text ("2.5", "II", "tightened"; "class" and "basis" left
// out when zero), and its UnmarshalJSON is strict and refuses states the
// rules cannot reach, so a tampered or corrupted store is caught on read:
//
//	{"producer":"ws-07","technique":"tulis","class":"major","aql":"2.5","level":"II",
//	 "severity":"normal","discontinued":false,"switching_score":9,
//	 "recent":"NAAA","consecutive_accepted":0,"not_accepted":0}
//
// (one lot not accepted four lots ago, three accepted since at +3 each).
//
// # Records and JSON
//
// Record (a lot), State, Lot, Plan, Verdict and Sample decode strictly: a key
// must be one of the type's JSON names exactly (an unknown key, a key in
// another case and a key given twice are errors), null is never a value,
// every key without omitempty is required, the input must be UTF-8, and
// the decoded value must hold together (a record's plans are the tables',
// its verdicts follow from its counts; a sample's units are the ones its
// seed gives).
//
// # OC figures
//
// Acceptance gives a plan's probability of accepting a lot of a given
// quality: Binomial for nonconforming items from a process, Hypergeometric
// for an isolated lot of known size, Poisson for nonconformities per 100
// items; the first two are exact sums in math/big (AcceptanceExact). AOQL
// gives the average outgoing quality limit under rectifying inspection.
//
// # Tables
//
// The transcription of Tables 1, 2-A, 2-B and 2-C, its sources and the
// cells where the printed arrow has no plan to point to are described in
// tables.go and codeletter.go. The tests check every cell against the
// tables' structure (each entry depends on code letter plus AQL column,
// with the exceptions listed), Re = Ac + 1, that every arrow reaches a
// plan, that a looser AQL never gives a stricter plan, that tightened
// plans are stricter than normal ones, and that under normal inspection a
// lot exactly at the AQL is accepted with probability at least 0.874 for
// every code letter and AQL (the minimum is code letter A at AQL 6.5,
// n = 2, Ac = 0).
//
// # Errors
//
// Every error is an *InputError: Field, the input as a path ("lot.size",
// "state.switching_score", "record.classes[1].accepted"); Value, its
// value abbreviated to 64 bytes with the full length (quoted when text);
// Code and Args, the reason in the package's catalogue (messages.go),
// rendered in English or Indonesian by Message and Reason; Kind, the
// sentinel it wraps; Err, an underlying error if any. Error is
// "aql: " + Message(English). The sentinels, matched with errors.Is:
//
//	ErrInvalid        an argument, a lot field or a JSON input out of range
//	                  or malformed: lot size below 1 or above 10^9; a count
//	                  negative or above its range; an AQL outside the
//	                  series (2.4) or above 10 counted in items; an unknown
//	                  level, severity, class, basis or code letter; steady
//	                  and irregular at once; Resume on a state that is not
//	                  discontinued; JSON with unknown, repeated or
//	                  case-folded keys, null, a missing key or not UTF-8
//	ErrState          a State or Record the rules cannot reach (Validate,
//	                  Inspect, UnmarshalJSON)
//	ErrDiscontinued   Inspect on a discontinued State
//
// # Limits
//
//   - Single sampling only: no double or multiple sampling (Tables 3 and
//     4), no fractional acceptance numbers, no skip-lot.
//   - Lot sizes 1 to MaxLotSize (10^9); counts of nonconformities at most
//     MaxPerItem (100) for each item of the sample; one lot at most 4
//     classes (critical, major, minor and the unnamed class).
//   - Producer, technique, lot ID and inspector: 1 to MaxIDLen (256) bytes
//     of UTF-8. The technique is kept as given; whether it names a known
//     technique is for the caller (capacity refuses states whose technique
//     is not a batik technique's canonical text).
//   - Draw: at most MaxSample (100,000) units, 16 bytes of memory each.
//   - OC figures for samples of 1 to 3150; the exact sums hold numbers of
//     about n log2(N) bits (n = 3150, N = 10^9: about 100,000 bits) and
//     take up to about 30 ms each; IsolatedPlan computes one per distinct
//     plan of the table's rows, up to about 25 ms in all.
//   - On 100% inspection the plan's Ac and Re still decide the lot.
//   - ISO 2859-2's tables (procedures A and B) are not transcribed;
//     IsolatedPlan computes an isolated lot's plan from Table 2-A instead.
//   - The limit numbers of the 1989 edition for normal to reduced are
//     gone; the 1999 switching score is used.
//   - JSON inputs: memory a small multiple of the input (one pass of
//     internal/strictjson, then encoding/json).
//
// # Concurrency and cost
//
// Every function is pure: no global state is written, nothing reads the
// clock, and all are safe for concurrent use. Lookup, PlanFor and Inspect
// are O(1) and do not allocate when they succeed; InspectLot allocates the
// record and the next states.
package aql
