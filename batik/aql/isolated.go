package aql

import "math/big"

// IsolatedPlan chooses the plan for one lot inspected in isolation: a
// campaign's one-off lot, which no switching rules can follow. ISO
// 2859-1:1999, 12.6, gives the way with its own tables: among the plans
// for the designated AQL, take one that gives not less than a specified
// limiting quality (LQ) protection, the LQ and the consumer's risk (the
// probability of accepting a lot at the LQ) being chosen for it. ISO
// 2859-2 indexes such plans by a series of LQs with a consumer's risk
// usually below 10 %; its tables are not transcribed here, so the plan is
// computed:
//
// among the plans of Table 2-A (normal inspection) at aql for code letters
// A ... R, with every unit inspected when the sample is at least the lot,
// IsolatedPlan returns the one with the smallest sample (the lower code
// letter on a tie) whose probability of accepting a lot of lotSize units
// holding ceil(lq x lotSize / 100 %) nonconforming items (its quality at
// least lq) is at most risk thousandths, by the hypergeometric model,
// exactly (AcceptanceExact). It returns the plan, named by the row that
// holds it (Letter = PlanLetter), and that probability.
// Every lot worse than lq is accepted with a smaller probability still.
//
// lq is in thousandths of a percent (8 % is 8000, 1 to 100 %); risk in
// thousandths (100 is 10 %, 1 to 999). The count is of nonconforming items
// (the plan's Basis is Items); aql is at most 10.
//
// It returns an *InputError wrapping ErrInvalid for a lot size below 1 or
// above MaxLotSize, the zero AQL or one above 10, an lq or risk out of
// range, and when no plan of the table meets the risk at this lq (the
// lot is too small or lq too close to the AQL): inspect every unit then.
// Cost: one exact acceptance probability (AcceptanceExact) per distinct
// plan the rows lead to, at most 16: up to about 25 ms in all for a lot
// of 10^9 (BenchmarkIsolatedPlan). Safe for concurrent use.
func IsolatedPlan(lotSize int, aql AQL, lq int64, risk int) (Plan, float64, error) {
	if err := checkLotSize(lotSize); err != nil {
		return Plan{}, 0, err
	}
	if !aql.IsValid() {
		return Plan{}, 0, fail(ErrInvalid, "aql", "", codeAQLZero)
	}
	if !checkAQLBasis(aql, Items) {
		return Plan{}, 0, fail(ErrInvalid, "aql", aql.String(), codeAQLBasis)
	}
	if lq < 1 || lq > hundredThousand {
		return Plan{}, 0, fail(ErrInvalid, "lq", itoa(int(lq)), codeQuality, itoa(hundredThousand))
	}
	if risk < 1 || risk > 999 {
		return Plan{}, 0, invalidInt("risk", risk, codeRisk)
	}
	limit := big.NewRat(int64(risk), 1000)
	var best, last Plan
	var bestPa, lastPa *big.Rat
	for row := range letters {
		p, err := Lookup(letterAt(row), aql, Normal)
		if err != nil {
			return Plan{}, 0, err
		}
		if p.SampleSize >= lotSize {
			p.SampleSize, p.FullInspection = lotSize, true
		}
		if bestPa != nil && p.SampleSize >= best.SampleSize {
			continue
		}
		pa := lastPa
		if lastPa == nil || p.SampleSize != last.SampleSize || p.Ac != last.Ac || p.Re != last.Re {
			// Rows whose arrows lead to one plan share its probability.
			var err error
			if pa, err = AcceptanceExact(p, Hypergeometric, lq, lotSize); err != nil {
				return Plan{}, 0, err
			}
			last, lastPa = p, pa
		}
		if pa.Cmp(limit) <= 0 {
			p.Letter = p.PlanLetter // the row that holds the plan, not an arrow's
			best, bestPa = p, pa
		}
	}
	if bestPa == nil {
		return Plan{}, 0, invalidInt("lot.size", lotSize, codeNoIsolatedPlan, itoa(lotSize))
	}
	f, _ := bestPa.Float64()
	return best, f, nil
}

// ClassPlan is the plan one class of an isolated lot is judged by
// (IsolatedPlan for nonconforming items, PlanFor for the others).
type ClassPlan struct {
	Class Class
	Plan  Plan
}

// JudgeIsolated judges a lot inspected in isolation, with no switching
// state: each class by its own plan and count (in.Found, in the order of
// plans), the lot accepted only when every class is. The record is the
// one InspectLot would write, without switches; in's production facts
// (Steady, ...) are not used.
//
// It returns an *InputError wrapping ErrInvalid when plans is empty or
// longer than 4, two plans share a class, a plan is not one of Tables
// 2-A to 2-C for its code letter, AQL and severity and this lot size, a
// count is out of its range, or in is malformed as for InspectLot. Field
// paths name the record's fields ("record.classes[1].found").
// O(len(plans)); safe for concurrent use.
func JudgeIsolated(producer, technique string, plans []ClassPlan, in Inspection) (Record, error) {
	if err := checkID("producer", producer); err != nil {
		return Record{}, err
	}
	if err := checkID("technique", technique); err != nil {
		return Record{}, err
	}
	if len(in.Found) != len(plans) {
		return Record{}, fail(ErrInvalid, "inspection.found", itoa(len(in.Found)), codeCounts, itoa(len(plans)))
	}
	rec := Record{
		LotID: in.LotID, Producer: producer, Technique: technique, LotSize: in.Size,
		Seed: in.Seed, Inspector: in.Inspector, Date: in.Date, Accepted: true,
		Classes: make([]ClassResult, len(plans)),
	}
	for k, cp := range plans {
		ok := in.Found[k] <= cp.Plan.Ac
		rec.Classes[k] = ClassResult{Class: cp.Class, Plan: cp.Plan, Found: in.Found[k], Accepted: ok}
		rec.Accepted = rec.Accepted && ok
	}
	if err := rec.Validate(); err != nil {
		ie := *err.(*InputError)
		ie.Kind = ErrInvalid
		return Record{}, &ie
	}
	return rec, nil
}
