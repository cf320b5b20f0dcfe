package aql

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStateJSON(t *testing.T) {
	s := newTestState(t, "2.5")
	s.SwitchingScore, s.Recent = 6, "ANAA"
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"producer":"ws-01","technique":"tulis","aql":"2.5","level":"II","severity":"normal",
		"discontinued":false,"switching_score":6,"recent":"ANAA","consecutive_accepted":0,"not_accepted":0}`, string(b))
	var back State
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)

	// Reasonable spellings of the enums are read back to their constants.
	require.NoError(t, json.Unmarshal([]byte(`{"producer":"p","technique":"cap","aql":"2,50","level":"level ii","severity":"Diperketat","not_accepted":2}`), &back))
	assert.Equal(t, State{Producer: "p", Technique: "cap", AQL: MustParseAQL("2.5"), Level: LevelII, Severity: Tightened, NotAccepted: 2}, back)
}

func TestImpossibleStatesRefused(t *testing.T) {
	base := `"producer":"p","technique":"tulis","aql":"4.0","level":"II"`
	tests := []struct {
		name  string
		give  string
		field string
		want  error
	}{
		{"tightened with a switching score", `"severity":"tightened","switching_score":3`, "state.switching_score", ErrState},
		{"discontinued with a clean history", `"severity":"tightened","discontinued":true`, "state.discontinued", ErrState},
		{"discontinued on normal", `"severity":"normal","discontinued":true`, "state.discontinued", ErrState},
		{"discontinued on reduced", `"severity":"reduced","discontinued":true`, "state.discontinued", ErrState},
		{"discontinued after an accepted lot", `"severity":"tightened","discontinued":true,"not_accepted":5,"consecutive_accepted":1`, "state.discontinued", ErrState},
		{"five not accepted but not discontinued", `"severity":"tightened","not_accepted":5`, "state.not_accepted", ErrState},
		{"five accepted still tightened", `"severity":"tightened","consecutive_accepted":5`, "state.consecutive_accepted", ErrState},
		{"normal that should be tightened", `"severity":"normal","recent":"NAN"`, "state.recent", ErrState},
		{"history too long", `"severity":"normal","recent":"AAAAA"`, "state.recent", ErrState},
		{"history with other letters", `"severity":"normal","recent":"AXA"`, "state.recent", ErrState},
		{"score not reset after the lot not accepted", `"severity":"normal","recent":"AANA","switching_score":6`, "state.switching_score", ErrState},
		{"score above 3 a lot", `"severity":"normal","recent":"AA","switching_score":7`, "state.switching_score", ErrState},
		{"negative score", `"severity":"normal","switching_score":-1`, "state.switching_score", ErrState},
		{"reduced with a history", `"severity":"reduced","recent":"A"`, "state.recent", ErrState},
		{"reduced with tightened counts", `"severity":"reduced","consecutive_accepted":2`, "state.consecutive_accepted", ErrState},
		{"no severity", `"severity":""`, "severity", ErrInvalid},
		{"unknown severity", `"severity":"strict"`, "severity", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s State
			err := json.Unmarshal([]byte("{"+base+","+tt.give+"}"), &s)
			require.ErrorIs(t, err, tt.want)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.field, ie.Field)
			assert.Equal(t, State{}, s, "nothing decoded on error")
		})
	}
	var s State
	for _, give := range []string{
		`{"technique":"tulis","aql":"4.0","level":"II","severity":"normal"}`,                // no producer
		`{"producer":"p","technique":"tulis","level":"II","severity":"normal"}`,             // no AQL
		`{"producer":"p","technique":"tulis","aql":"4.0","severity":"normal"}`,              // no level
		`{"producer":"p","technique":"tulis","aql":"2.4","level":"II","severity":"normal"}`, // AQL outside the series
		`{"producer":"p","technique":"tulis","aql":"4.0","level":"IV","severity":"normal"}`, // unknown level
	} {
		err := json.Unmarshal([]byte(give), &s)
		require.Error(t, err, give)
		require.True(t, errors.Is(err, ErrState) || errors.Is(err, ErrInvalid), give)
	}
}

func TestValidateReachableStates(t *testing.T) {
	// Every state the rules reach from NewState is valid: the property test
	// checks it along random paths; here the corner the check is tightest at.
	s := newTestState(t, "2.5")
	s, _ = run(t, s, Lot{}, 0, 0, 9, 0) // score reset by the 3rd lot, +3 after
	assert.Equal(t, "AANA", s.Recent)
	assert.Equal(t, 3, s.SwitchingScore)
	require.NoError(t, s.Validate())
	s, _ = run(t, s, Lot{}, 0, 0, 0, 0)
	assert.Equal(t, "AAAA", s.Recent)
	assert.Equal(t, 15, s.SwitchingScore)
	require.NoError(t, s.Validate())
}

func TestErrors(t *testing.T) {
	long := strings.Repeat("é", 100) // 200 bytes
	s := newTestState(t, "2.5")
	disc := s
	disc.Severity, disc.Discontinued, disc.NotAccepted = Tightened, true, 5
	bad := s
	bad.Severity = "strict"
	tests := []struct {
		name  string
		err   func() error
		want  error
		field string
	}{
		{"lot size 0", func() error { _, err := Inspect(s, Lot{Size: 0}); return err }, ErrInvalid, "lot.size"},
		{"lot size negative", func() error { _, err := Inspect(s, Lot{Size: -5}); return err }, ErrInvalid, "lot.size"},
		{"lot size above 1e9", func() error { _, err := Inspect(s, Lot{Size: MaxLotSize + 1}); return err }, ErrInvalid, "lot.size"},
		{"defects negative", func() error { _, err := Inspect(s, Lot{Size: 100, Nonconforming: -1}); return err }, ErrInvalid, "lot.nonconforming"},
		{"defects above the sample", func() error { _, err := Inspect(s, Lot{Size: 1000, Nonconforming: 81}); return err }, ErrInvalid, "lot.nonconforming"},
		{"steady and irregular", func() error { _, err := Inspect(s, Lot{Size: 10, Steady: true, Irregular: true}); return err }, ErrInvalid, "lot.irregular"},
		{"discontinued", func() error { _, err := Inspect(disc, Lot{Size: 10}); return err }, ErrDiscontinued, "state.discontinued"},
		{"bad state", func() error { _, err := Inspect(bad, Lot{Size: 10}); return err }, ErrState, "state.severity"},
		{"AQL 2.4", func() error { _, err := ParseAQL("2.4"); return err }, ErrInvalid, "aql"},
		{"AQL text", func() error { _, err := ParseAQL(long); return err }, ErrInvalid, "aql"},
		{"unknown level", func() error { _, err := ParseLevel("IV"); return err }, ErrInvalid, "level"},
		{"unknown severity", func() error { _, err := ParseSeverity("strict"); return err }, ErrInvalid, "severity"},
		{"code letter for level", func() error { _, err := CodeLetterFor(100, "IV"); return err }, ErrInvalid, "level"},
		{"lookup letter I", func() error { _, err := Lookup("I", MustParseAQL("1.0"), Normal); return err }, ErrInvalid, "code_letter"},
		{"lookup letter S", func() error { _, err := Lookup("S", MustParseAQL("1.0"), Tightened); return err }, ErrInvalid, "code_letter"},
		{"lookup zero AQL", func() error { _, err := Lookup("J", AQL{}, Normal); return err }, ErrInvalid, "aql"},
		{"lookup severity", func() error { _, err := Lookup("J", MustParseAQL("1.0"), "strict"); return err }, ErrInvalid, "severity"},
		{"plan for lot size", func() error { _, err := PlanFor(0, LevelII, MustParseAQL("1.0"), Normal); return err }, ErrInvalid, "lot.size"},
		{"new state producer", func() error { _, err := NewState(long+long, "tulis", MustParseAQL("1.0"), ""); return err }, ErrInvalid, "producer"},
		{"new state technique", func() error { _, err := NewState("p", "", MustParseAQL("1.0"), ""); return err }, ErrInvalid, "technique"},
		{"new state AQL", func() error { _, err := NewState("p", "cap", AQL{}, ""); return err }, ErrInvalid, "aql"},
		{"new state level", func() error { _, err := NewState("p", "cap", MustParseAQL("1.0"), "IV"); return err }, ErrInvalid, "level"},
		{"resume not discontinued", func() error { _, err := Resume(s); return err }, ErrInvalid, "state.discontinued"},
		{"resume bad state", func() error { _, err := Resume(bad); return err }, ErrState, "state.severity"},
		{"marshal zero AQL", func() error { _, err := AQL{}.MarshalText(); return err }, ErrInvalid, "aql"},
		{"marshal level", func() error { _, err := Level("IV").MarshalText(); return err }, ErrInvalid, "level"},
		{"marshal severity", func() error { _, err := Severity("x").MarshalText(); return err }, ErrInvalid, "severity"},
		{"marshal switch", func() error { _, err := Switch("x").MarshalText(); return err }, ErrInvalid, "switch"},
		{"unmarshal switch", func() error { var w Switch; return w.UnmarshalText([]byte("x")) }, ErrInvalid, "switch"},
		{"marshal code letter", func() error { _, err := CodeLetter("I").MarshalText(); return err }, ErrInvalid, "code_letter"},
		{"unmarshal code letter", func() error { var c CodeLetter; return c.UnmarshalText([]byte("O")) }, ErrInvalid, "code_letter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			require.ErrorIs(t, err, tt.want)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.field, ie.Field)
			msg := err.Error()
			assert.True(t, strings.HasPrefix(msg, "aql: "+tt.field), msg)
			assert.Less(t, len(msg), 300, "value abbreviated: %s", msg)
		})
	}
	_, err := ParseAQL(long)
	assert.Contains(t, err.Error(), "... (200 bytes)")
}

func TestParseAQL(t *testing.T) {
	tests := []struct {
		give string
		want string // "" for an error
	}{
		{"2.5", "2.5"}, {"2,5", "2.5"}, {" 2.50 ", "2.5"}, {"2.5%", "2.5"}, {"0.010", "0.010"},
		{"0.01", "0.010"}, {".65", "0.65"}, {"10", "10"}, {"10.000", "10"}, {"1000", "1000"},
		{"4", "4.0"}, {"0.065", "0.065"},
		{"2.4", ""}, {"0.005", ""}, {"2.5001", ""}, {"1500", ""}, {"-2.5", ""}, {"+2.5", ""},
		{"2.5e0", ""}, {"", ""}, {".", ""}, {"2..5", ""}, {"2.5.0", ""}, {"99999999999999999999999", ""},
	}
	for _, tt := range tests {
		a, err := ParseAQL(tt.give)
		if tt.want == "" {
			require.ErrorIs(t, err, ErrInvalid, tt.give)
			continue
		}
		require.NoError(t, err, tt.give)
		assert.Equal(t, tt.want, a.String())
	}
	all := AQLs()
	require.Len(t, all, 26)
	for k, a := range all {
		back, err := ParseAQL(a.String())
		require.NoError(t, err)
		assert.Equal(t, a, back)
		tighter, ok := a.Tighter()
		assert.Equal(t, k > 0, ok)
		if ok {
			assert.Equal(t, all[k-1], tighter)
			assert.Equal(t, -1, tighter.Compare(a))
			assert.Less(t, tighter.Thousandths(), a.Thousandths())
		}
	}
	assert.Equal(t, "invalid", AQL{}.String())
	assert.Zero(t, AQL{}.Thousandths())
}

func TestParseEnums(t *testing.T) {
	for give, want := range map[string]Level{"II": LevelII, "ii": LevelII, "Level III": LevelIII, "s2": LevelS2, "S-4": LevelS4, " i ": LevelI} {
		got, err := ParseLevel(give)
		require.NoError(t, err, give)
		assert.Equal(t, want, got)
	}
	for give, want := range map[string]Severity{"Normal": Normal, "TIGHTENED": Tightened, "diperketat": Tightened, "dikurangi": Reduced} {
		got, err := ParseSeverity(give)
		require.NoError(t, err, give)
		assert.Equal(t, want, got)
	}
	var c CodeLetter
	require.NoError(t, c.UnmarshalText([]byte("j")))
	assert.Equal(t, CodeLetter("J"), c)
}

func TestInspectDoesNotAllocate(t *testing.T) {
	s := newTestState(t, "2.5")
	s.Recent, s.SwitchingScore = "AAA", 9
	lot := Lot{Size: 1000, Nonconforming: 1}
	allocs := testing.AllocsPerRun(100, func() {
		v, err := Inspect(s, lot)
		if err != nil || !v.Accepted {
			panic("unexpected")
		}
	})
	assert.Zero(t, allocs)
}

func TestEnumsTextRoundTrip(t *testing.T) {
	for _, l := range []Level{LevelS1, LevelS2, LevelS3, LevelS4, LevelI, LevelII, LevelIII} {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back Level
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
	}
	for _, s := range []Severity{Normal, Tightened, Reduced} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back Severity
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	for _, w := range []Switch{NoSwitch, ToTightened, ToNormal, ToReduced, Discontinue} {
		b, err := w.MarshalText()
		require.NoError(t, err)
		var back Switch
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, w, back)
	}
	for k := range letters + 1 {
		c := letterAt(k)
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back CodeLetter
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	}
	for _, a := range AQLs() {
		b, err := a.MarshalText()
		require.NoError(t, err)
		var back AQL
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
	}
}

func TestVerdictJSONRoundTrip(t *testing.T) {
	s := newTestState(t, "2.5")
	v, err := Inspect(s, Lot{Size: 12, Nonconforming: 0})
	require.NoError(t, err)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.JSONEq(t, `{"plan":{"severity":"normal","aql":"2.5","code_letter":"B","plan_letter":"C","sample_size":5,"ac":0,"re":1,"full_inspection":false},
		"nonconforming":0,"accepted":true,"switch":"",
		"next":{"producer":"ws-01","technique":"tulis","aql":"2.5","level":"II","severity":"normal","discontinued":false,
		"switching_score":2,"recent":"A","consecutive_accepted":0,"not_accepted":0}}`, string(b))
	var back Verdict
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v, back)
}

func TestPlanForDoesNotAllocate(t *testing.T) {
	a := MustParseAQL("0.010")
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := PlanFor(600000, LevelIII, a, Tightened); err != nil {
			panic(err)
		}
	})
	assert.Zero(t, allocs)
}
