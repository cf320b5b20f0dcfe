package aql_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"

	"github.com/batikkit/batikkit/batik/aql"
)

func ExampleParseAQL() {
	for _, s := range []string{"2.5", "2,5", "0.01", "2.4"} {
		a, err := aql.ParseAQL(s)
		if err != nil {
			fmt.Println(errors.Is(err, aql.ErrInvalid), err)
			continue
		}
		fmt.Println(a)
	}
	// Output:
	// 2.5
	// 2.5
	// 0.010
	// true aql: aql = "2.4": not in the preferred series 0.010 ... 1000 of ISO 2859-1 (values are not rounded)
}

func ExampleMustParseAQL() {
	major, minor := aql.MustParseAQL("2.5"), aql.MustParseAQL("4.0")
	fmt.Println(major, minor, major.Compare(minor))
	// Output: 2.5 4.0 -1
}

func ExampleAQLs() {
	all := aql.AQLs()
	fmt.Println(len(all), all[0], all[12], all[len(all)-1])
	// Output: 26 0.010 2.5 1000
}

func ExampleParseLevel() {
	l, err := aql.ParseLevel("level ii")
	fmt.Println(l, err)
	_, err = aql.ParseLevel("IV")
	fmt.Println(err)
	// Output:
	// II <nil>
	// aql: level = "IV": not an inspection level (I, II, III, S-1 ... S-4)
}

func ExampleParseSeverity() {
	s, _ := aql.ParseSeverity("Diperketat")
	fmt.Println(s)
	// Output: tightened
}

func ExampleCodeLetterFor() {
	for _, size := range []int{8, 150, 1000, 3200, 600000} {
		l, _ := aql.CodeLetterFor(size, aql.LevelII)
		s3, _ := aql.CodeLetterFor(size, aql.LevelS3)
		fmt.Println(size, l, s3)
	}
	// Output:
	// 8 A A
	// 150 F C
	// 1000 J E
	// 3200 K E
	// 600000 Q H
}

func ExampleLookup() {
	a := aql.MustParseAQL("1.0")
	for _, sev := range []aql.Severity{aql.Normal, aql.Tightened, aql.Reduced} {
		p, _ := aql.Lookup("F", a, sev) // F at 1.0: the arrows lead to other rows
		fmt.Printf("%-9s %s -> %s n=%d Ac=%d Re=%d\n", sev, p.Letter, p.PlanLetter, p.SampleSize, p.Ac, p.Re)
	}
	// Output:
	// normal    F -> E n=13 Ac=0 Re=1
	// tightened F -> F n=20 Ac=0 Re=1
	// reduced   F -> E n=5 Ac=0 Re=1
}

func ExamplePlanFor() {
	p, _ := aql.PlanFor(1000, aql.LevelII, aql.MustParseAQL("2.5"), aql.Normal)
	fmt.Printf("%s n=%d Ac=%d Re=%d\n", p.Letter, p.SampleSize, p.Ac, p.Re)
	p, _ = aql.PlanFor(12, aql.LevelII, aql.MustParseAQL("0.65"), aql.Normal)
	fmt.Printf("%s -> %s n=%d Ac=%d full=%v\n", p.Letter, p.PlanLetter, p.SampleSize, p.Ac, p.FullInspection)
	// Output:
	// J n=80 Ac=5 Re=6
	// B -> F n=12 Ac=0 full=true
}

func ExampleNewState() {
	s, _ := aql.NewState("ws-07", "tulis", aql.MustParseAQL("2.5"), "")
	b, _ := json.Marshal(s)
	fmt.Println(string(b))
	// Output: {"producer":"ws-07","technique":"tulis","aql":"2.5","level":"II","severity":"normal","discontinued":false,"switching_score":0,"recent":"","consecutive_accepted":0,"not_accepted":0}
}

func ExampleInspect() {
	s, _ := aql.NewState("ws-07", "tulis", aql.MustParseAQL("2.5"), aql.LevelII)
	for _, found := range []int{2, 7, 1, 6} { // lots of 1000 shirts: J, n = 80, 5/6
		v, err := aql.Inspect(s, aql.Lot{Size: 1000, Nonconforming: found})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%d found: accepted=%-5v score=%d %s", found, v.Accepted, v.Next.SwitchingScore, v.Next.Severity)
		if v.Switch != aql.NoSwitch {
			fmt.Print(" (", v.Switch, ")")
		}
		fmt.Println()
		s = v.Next
	}
	// Output:
	// 2 found: accepted=true  score=3 normal
	// 7 found: accepted=false score=0 normal
	// 1 found: accepted=true  score=3 normal
	// 6 found: accepted=false score=0 tightened (to_tightened)
}

func ExampleResume() {
	s, err := aql.NewState("ws-09", "cap", aql.MustParseAQL("4.0"), aql.LevelII)
	if err != nil {
		log.Fatal(err)
	}
	lot := aql.Lot{Size: 500, Nonconforming: 20} // H, n = 50: far too many
	for s.Severity != aql.Tightened || !s.Discontinued {
		v, err := aql.Inspect(s, lot)
		if err != nil {
			log.Fatal(err)
		}
		if v.Switch != aql.NoSwitch {
			fmt.Println(v.Switch)
		}
		s = v.Next
	}
	_, err = aql.Inspect(s, lot)
	fmt.Println(errors.Is(err, aql.ErrDiscontinued))
	s, err = aql.Resume(s) // corrective action taken and agreed
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Severity, s.Discontinued)
	// Output:
	// to_tightened
	// discontinue
	// true
	// tightened false
}

func ExampleState_UnmarshalJSON() {
	var s aql.State
	err := json.Unmarshal([]byte(`{"producer":"ws-07","technique":"tulis","class":"major","aql":"2.5","level":"II",
 "severity":"normal","discontinued":false,"switching_score":9,
 "recent":"NAAA","consecutive_accepted":0,"not_accepted":0}`), &s)
	fmt.Println(s.Producer, s.Class, s.Severity, s.SwitchingScore, err)

	// A key given twice (here in another case) is refused, never read as
	// the last one: that would quietly relax inspection.
	err = json.Unmarshal([]byte(`{"severity":"tightened","Severity":"normal"}`), &s)
	fmt.Println(errors.Is(err, aql.ErrInvalid), err)

	// A state the rules cannot reach.
	err = json.Unmarshal([]byte(`{"producer":"ws-02","technique":"cap","aql":"2.5","level":"II",
		"severity":"tightened","discontinued":false,"switching_score":12,"recent":"","consecutive_accepted":0,"not_accepted":0}`), &s)
	fmt.Println(errors.Is(err, aql.ErrState), err)
	// Output:
	// ws-07 major normal 9 <nil>
	// true aql: state.Severity = "Severity": unknown key; write it "severity"
	// true aql: state.switching_score = 12: a switching score is kept on normal inspection only (9.3.3.2)
}

func ExampleDraw() {
	s, err := aql.Draw(2859, 1000, 80) // the seed goes into the lot's record
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.PickList(13)) // the 13 units a class with n = 13 inspects
	// Output: [51 61 144 193 250 483 572 576 684 796 847 975 983]
}

func ExampleInspectLot() {
	var states []aql.State
	for _, c := range []struct {
		class aql.Class
		basis aql.Basis
		aql   string
	}{{aql.Critical, aql.Items, "0.10"}, {aql.Major, aql.Items, "2.5"}, {aql.Minor, aql.Nonconformities, "4.0"}} {
		s, err := aql.NewClassState("ws-03", "tulis", c.class, c.basis, aql.MustParseAQL(c.aql), aql.LevelII)
		if err != nil {
			log.Fatal(err)
		}
		states = append(states, s)
	}
	rec, next, err := aql.InspectLot(states, aql.Inspection{
		LotID: "KAMPANYE-01", Inspector: "Sri", Date: "2026-12-21", Size: 1000, Seed: 2859,
		Found: []int{0, 4, 9}, // items, items, nonconformities
	})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range rec.Classes {
		fmt.Printf("%-8s n=%-3d Ac=%d found=%d accepted=%v\n", c.Class, c.Plan.SampleSize, c.Plan.Ac, c.Found, c.Accepted)
	}
	fmt.Println("lot accepted:", rec.Accepted, "| minor next:", next[2].Recent)
	// Output:
	// critical n=125 Ac=0 found=0 accepted=true
	// major    n=80  Ac=5 found=4 accepted=true
	// minor    n=80  Ac=7 found=9 accepted=false
	// lot accepted: false | minor next: N
}

func ExampleAcceptance() {
	p, _ := aql.PlanFor(1000, aql.LevelII, aql.MustParseAQL("2.5"), aql.Normal) // J: n = 80, Ac = 5
	for _, q := range []int64{1000, 2500, 5000, 10000} {                        // 1 %, 2.5 %, 5 %, 10 %
		b, _ := aql.Acceptance(p, aql.Binomial, q, 0)
		h, _ := aql.Acceptance(p, aql.Hypergeometric, q, 1000)
		fmt.Printf("%5.1f%%  process %.4f  lot of 1000 %.4f\n", float64(q)/1000, b, h)
	}
	aoql, at, _ := aql.AOQL(p, aql.Binomial, 1000)
	fmt.Printf("AOQL %.2f%% at %.2f%%\n", aoql/1000, float64(at)/1000)
	// Output:
	//   1.0%  process 0.9998  lot of 1000 1.0000
	//   2.5%  process 0.9848  lot of 1000 0.9888
	//   5.0%  process 0.7892  lot of 1000 0.7964
	//  10.0%  process 0.1769  lot of 1000 0.1658
	// AOQL 3.66% at 5.40%
}

func ExampleIsolatedPlan() {
	// A one-off lot of 1,000 shirts, AQL 2.5: protect the buyer against a
	// lot with 8 % nonconforming shirts with a risk of at most 10 %.
	p, pa, err := aql.IsolatedPlan(1000, aql.MustParseAQL("2.5"), 8000, 100)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s n=%d Ac=%d Re=%d, accepted at 8%%: %.3f\n", p.Letter, p.SampleSize, p.Ac, p.Re, pa)
	// Output: L n=200 Ac=10 Re=11, accepted at 8%: 0.049
}

func ExampleAcceptanceExact() {
	// A lot of 20 with 2 nonconforming units (10 %), sampled n = 5, Ac 0:
	// accepted when the 5 miss both, C(18,5)/C(20,5) = 21/38.
	p := aql.Plan{SampleSize: 5, Ac: 0, Re: 1}
	pa, err := aql.AcceptanceExact(p, aql.Hypergeometric, 10000, 20)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(pa.RatString())
	// Output: 21/38
}

func ExampleJudgeIsolated() {
	// The campaign's one-off lot of 1,000 shirts: major defects by the
	// isolated plan for 8 % at 10 % risk, minor ones by the AQL scheme's.
	major, _, err := aql.IsolatedPlan(1000, aql.MustParseAQL("2.5"), 8000, 100)
	if err != nil {
		log.Fatal(err)
	}
	minor, err := aql.PlanFor(1000, aql.LevelII, aql.MustParseAQL("4.0"), aql.Normal)
	if err != nil {
		log.Fatal(err)
	}
	minor.Basis = aql.Nonconformities
	rec, err := aql.JudgeIsolated("KOPERASI-LAWEYAN", "cap", []aql.ClassPlan{{Class: aql.Major, Plan: major}, {Class: aql.Minor, Plan: minor}},
		aql.Inspection{LotID: "KAMPANYE-01", Inspector: "Sri", Date: "2026-12-21", Size: 1000, Seed: 2859, Found: []int{6, 9}})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range rec.Classes {
		fmt.Printf("%-5s n=%d Ac=%d found=%d accepted=%v\n", c.Class, c.Plan.SampleSize, c.Plan.Ac, c.Found, c.Accepted)
	}
	fmt.Println("lot accepted:", rec.Accepted)
	// Output:
	// major n=200 Ac=10 found=6 accepted=true
	// minor n=80 Ac=7 found=9 accepted=false
	// lot accepted: false
}
