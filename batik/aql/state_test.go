package aql

import (
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stateJSON is a complete State in JSON with some keys replaced: give is
// `"key":value` pairs; a key given here replaces the base's.
func stateJSON(give string) string {
	base := map[string]string{
		"producer": `"p"`, "technique": `"tulis"`, "aql": `"4.0"`, "level": `"II"`, "severity": `"normal"`,
		"discontinued": "false", "switching_score": "0", "recent": `""`, "consecutive_accepted": "0", "not_accepted": "0",
	}
	var extra map[string]json.RawMessage
	if err := json.Unmarshal([]byte("{"+give+"}"), &extra); err != nil {
		panic(err)
	}
	for k, v := range extra {
		base[k] = string(v)
	}
	parts := make([]string, 0, len(base))
	for k, v := range base {
		parts = append(parts, strconv.Quote(k)+":"+v)
	}
	slices.Sort(parts)
	return "{" + strings.Join(parts, ",") + "}"
}

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
	require.NoError(t, json.Unmarshal([]byte(stateJSON(`"aql":"2,50","level":"level ii","severity":"Diperketat","not_accepted":2,"class":"Mayor","basis":"unit"`)), &back))
	assert.Equal(t, State{Producer: "p", Technique: "tulis", Class: Major, Basis: Items, AQL: MustParseAQL("2.5"), Level: LevelII, Severity: Tightened, NotAccepted: 2}, back)

	// A class and a basis travel in the JSON; AQL 15 only counting nonconformities.
	c, err := NewClassState("ws-02", "cap", Minor, Nonconformities, MustParseAQL("15"), LevelII)
	require.NoError(t, err)
	b, err = json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"class":"minor","basis":"nonconformities","aql":"15"`)
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c, back)
}

// TestStateJSONStrict: what encoding/json would take silently is an error
// naming the key: a key given twice in two spellings (the later one would
// quietly relax inspection), a key in another case, an unknown key, null
// for a number, a missing key. Nothing is decoded on error, and a long key
// is not echoed in full.
func TestStateJSONStrict(t *testing.T) {
	tests := []struct {
		name  string
		give  string
		field string
		code  string
	}{
		{"repeated in another case", `{"severity":"tightened","Severity":"normal",` + stateJSON("")[1:], "state.Severity", "json_case"},
		{"repeated", `{"severity":"tightened",` + stateJSON("")[1:], "state.severity", "json_duplicate"},
		{"unknown key", `{"grade":"halus",` + stateJSON("")[1:], "state.grade", "json_unknown"},
		{"null score", stateJSON(`"switching_score":null`), "state.switching_score", "json_null"},
		{"score as text", stateJSON(`"switching_score":"9"`), "state.switching_score", "json_integer"},
		{"score beyond int", stateJSON(`"switching_score":99999999999999999999`), "state.switching_score", "json_integer"},
		{"missing key", `{"producer":"p","technique":"tulis","aql":"4.0","level":"II","severity":"normal"}`, "state.discontinued", "json_missing"},
		{"not an object", `[1]`, "state", "json_object"},
		{"not UTF-8", strings.Replace(stateJSON(""), `"p"`, "\"p\xff\"", 1), "state", "json_utf8"},
		{"lone surrogate", strings.Replace(stateJSON(""), `"p"`, `"\ud800p"`, 1), "state", "json_utf8"},
		{"unknown AQL", stateJSON(`"aql":"2.4"`), "state.aql", "aql_series"},
		{"unknown class", stateJSON(`"class":"cosmetic"`), "state.class", "class"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := State{Producer: "kept"}
			err := json.Unmarshal([]byte(tt.give), &s)
			require.ErrorIs(t, err, ErrInvalid)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.field, ie.Field)
			assert.Equal(t, tt.code, ie.Code)
			assert.Equal(t, State{Producer: "kept"}, s, "nothing decoded on error")
			assert.NotContains(t, err.Error(), "Go struct field")
			assert.NotContains(t, err.Error(), "UnmarshalJSON")
		})
	}
	var s State
	err := s.UnmarshalJSON([]byte(`{"producer":`))
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "aql: state.producer: not well-formed JSON", err.Error())

	long := `{"` + strings.Repeat("k", 1<<20) + `":1,` + stateJSON("")[1:]
	err = json.Unmarshal([]byte(long), &s)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Less(t, len(err.Error()), 300)
}

// TestStateDocExample: the State JSON of the package documentation (the
// indented block of its # State section) decodes.
func TestStateDocExample(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	_, after, ok := strings.Cut(string(doc), "// # State\n")
	require.True(t, ok)
	var block []string
	for _, line := range strings.Split(after, "\n") {
		if text, ok := strings.CutPrefix(line, "//\t"); ok {
			block = append(block, text)
		} else if len(block) > 0 {
			break
		}
	}
	require.NotEmpty(t, block)
	var s State
	require.NoError(t, json.Unmarshal([]byte(strings.Join(block, "\n")), &s))
	assert.Equal(t, 9, s.SwitchingScore)
	assert.Equal(t, Major, s.Class)
}

func TestImpossibleStatesRefused(t *testing.T) {
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
		{"AQL 15 counted in items", `"aql":"15"`, "state.aql", ErrState},
		{"no producer", `"producer":""`, "state.producer", ErrState},
		{"no severity", `"severity":""`, "state.severity", ErrInvalid},
		{"unknown severity", `"severity":"strict"`, "state.severity", ErrInvalid},
		{"unknown level", `"level":"IV"`, "state.level", ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s State
			err := json.Unmarshal([]byte(stateJSON(tt.give)), &s)
			require.ErrorIs(t, err, tt.want)
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.field, ie.Field)
			assert.Equal(t, State{}, s, "nothing decoded on error")
		})
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

// TestStateBoundsInclusive pins the limits of a State as closed ranges:
// producer and technique IDs of exactly MaxIDLen (256) bytes are accepted
// by NewState and Validate, 257 are refused; a switching score of exactly
// MaxSwitchingScore is a valid normal state (after 4 accepted lots), one
// more is refused.
func TestStateBoundsInclusive(t *testing.T) {
	id256, id257 := strings.Repeat("p", MaxIDLen), strings.Repeat("p", MaxIDLen+1)
	a := MustParseAQL("2.5")
	s, err := NewState(id256, id256, a, LevelII)
	require.NoError(t, err)
	require.NoError(t, s.Validate())

	_, err = NewState(id257, "tulis", a, LevelII)
	require.ErrorIs(t, err, ErrInvalid)
	_, err = NewState("p", id257, a, LevelII)
	require.ErrorIs(t, err, ErrInvalid)

	for field, bad := range map[string]State{
		"state.producer":  {Producer: id257, Technique: "tulis", AQL: a, Level: LevelII, Severity: Normal},
		"state.technique": {Producer: "p", Technique: id257, AQL: a, Level: LevelII, Severity: Normal},
	} {
		err := bad.Validate()
		var ie *InputError
		require.True(t, errors.As(err, &ie), field)
		require.ErrorIs(t, err, ErrState)
		assert.Equal(t, field, ie.Field)
		assert.Equal(t, "id_length", ie.Code)
	}

	top := State{Producer: "p", Technique: "tulis", AQL: a, Level: LevelII, Severity: Normal,
		SwitchingScore: MaxSwitchingScore, Recent: "AAAA"}
	require.NoError(t, top.Validate())
	top.SwitchingScore++
	err = top.Validate()
	var ie *InputError
	require.True(t, errors.As(err, &ie))
	assert.Equal(t, "state.switching_score", ie.Field)
}

// TestScoreSinceFirstLotNotAccepted pins 9.3.3.2's reset when the lot not
// accepted is the oldest one remembered: with Recent "NA" only the one
// accepted lot since counts, so a score above 3 is impossible (and with
// "N" alone, any score above 0).
func TestScoreSinceFirstLotNotAccepted(t *testing.T) {
	base := State{Producer: "p", Technique: "tulis", AQL: MustParseAQL("2.5"), Level: LevelII, Severity: Normal}
	for _, tt := range []struct {
		recent string
		score  int
		ok     bool
	}{
		{"NA", 3, true}, {"NA", 4, false}, {"N", 0, true}, {"N", 1, false}, {"NAA", 6, true}, {"NAA", 7, false},
	} {
		s := base
		s.Recent, s.SwitchingScore = tt.recent, tt.score
		err := s.Validate()
		if tt.ok {
			require.NoError(t, err, "%s %d", tt.recent, tt.score)
			continue
		}
		var ie *InputError
		require.True(t, errors.As(err, &ie), "%s %d", tt.recent, tt.score)
		require.ErrorIs(t, err, ErrState)
		assert.Equal(t, "state.switching_score", ie.Field)
	}
}

// TestStateNegativeCounts pins the message of a State with a negative lot
// count: the field of the negative count, its value bare.
func TestStateNegativeCounts(t *testing.T) {
	s := State{Producer: "p", Technique: "tulis", AQL: MustParseAQL("2.5"), Level: LevelII, Severity: Tightened,
		ConsecutiveAccepted: 2, NotAccepted: -1}
	err := s.Validate()
	var ie *InputError
	require.True(t, errors.As(err, &ie))
	require.ErrorIs(t, err, ErrState)
	assert.Equal(t, "state.not_accepted", ie.Field)
	assert.Equal(t, "-1", ie.Value)
}
