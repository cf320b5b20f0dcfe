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
