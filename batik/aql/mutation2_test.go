package aql

// Tests written to kill mutants gremlins found alive (see .ci/mutation):
// each pins a boundary or a branch the other tests left open, by the
// behaviour a caller sees.

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseAQLNumberOutsideSeries pins ParseAQL's two kinds of refusal for
// well-formed numbers that hold the digit 9, in the integer part, in the
// first decimals and past the third: each is a decimal number, so the
// reason is that it is not in the preferred series, not that the text is
// malformed.
func TestParseAQLNumberOutsideSeries(t *testing.T) {
	for _, give := range []string{"9", "19", "0.9", "2.59", "0.0109", "6.59"} {
		_, err := ParseAQL(give)
		var ie *InputError
		require.True(t, errors.As(err, &ie), give)
		require.ErrorIs(t, err, ErrInvalid, give)
		assert.Equal(t, "aql", ie.Field, give)
		assert.Contains(t, ie.Reason, "not in the preferred series", give)
	}
	for _, give := range []string{"9x", "0.9x", "2.5000x"} {
		_, err := ParseAQL(give)
		var ie *InputError
		require.True(t, errors.As(err, &ie), give)
		assert.Contains(t, ie.Reason, "not a decimal number", give)
	}
}

// TestCodeLetterNotOneByte pins that a code letter is exactly one byte:
// the zero CodeLetter and longer text ("AB", "S-1") are not letters, so
// Valid is false, MarshalText and UnmarshalText refuse them and Lookup
// gives no plan.
func TestCodeLetterNotOneByte(t *testing.T) {
	for _, c := range []CodeLetter{"", "AB", "S-1", "JJ"} {
		assert.False(t, c.Valid(), "%q", c)
		_, err := c.MarshalText()
		require.ErrorIs(t, err, ErrInvalid, "%q", c)
		var back CodeLetter = "K"
		require.ErrorIs(t, back.UnmarshalText([]byte(c)), ErrInvalid, "%q", c)
		assert.Equal(t, CodeLetter("K"), back)
		_, err = Lookup(c, MustParseAQL("2.5"), Normal)
		require.ErrorIs(t, err, ErrInvalid, "%q", c)
	}
}

// TestCodeLetterLowerCaseEnds pins UnmarshalText's lower-case letters at
// the ends of the alphabet it reads: "a" is A and "s" is S (the extra row
// of Table 2-B), as their capitals are.
func TestCodeLetterLowerCaseEnds(t *testing.T) {
	for give, want := range map[string]CodeLetter{"a": "A", "A": "A", "s": "S", "r": "R", "b": "B"} {
		var c CodeLetter
		require.NoError(t, c.UnmarshalText([]byte(give)), give)
		assert.Equal(t, want, c, give)
	}
}

// TestErrorValueQuotedUpTo64Bytes pins where an error message starts to
// abbreviate the value it quotes: a value of exactly 64 bytes is quoted
// whole, one of 65 bytes is cut to 64 and its length stated.
func TestErrorValueQuotedUpTo64Bytes(t *testing.T) {
	v64 := strings.Repeat("x", 64)
	_, err := ParseLevel(v64)
	var ie *InputError
	require.True(t, errors.As(err, &ie))
	assert.Equal(t, `"`+v64+`"`, ie.Value)

	_, err = ParseLevel(v64 + "y")
	require.True(t, errors.As(err, &ie))
	assert.Equal(t, `"`+v64+`"... (65 bytes)`, ie.Value)

	// The cut never splits a character: "é" is 2 bytes, at bytes 63 and
	// 64, so the cut moves back to 63 bytes and the message stays UTF-8.
	v63 := strings.Repeat("x", 63)
	_, err = ParseLevel(v63 + "é" + "zz")
	require.True(t, errors.As(err, &ie))
	assert.Equal(t, `"`+v63+`"... (67 bytes)`, ie.Value)

	// Not UTF-8 at all: 65 continuation bytes leave no character to keep.
	_, err = ParseLevel(strings.Repeat("\x80", 65))
	require.True(t, errors.As(err, &ie))
	assert.Equal(t, `""... (65 bytes)`, ie.Value)
}

// TestLookupRefusesRowS pins that Lookup takes the letters of Table 1
// only: S, the extra row of Table 2-B that only a tightened arrow reaches,
// is refused at every severity, while PlanFor can still land on it.
func TestLookupRefusesRowS(t *testing.T) {
	for _, sev := range []Severity{Normal, Tightened, Reduced} {
		_, err := Lookup("S", MustParseAQL("0.025"), sev)
		require.ErrorIs(t, err, ErrInvalid, sev)
	}
	// R at 0.025 tightened: the arrow leads down to S, n = 3150, 1/2
	// (Table 2-B), for a lot of 500,001 or more at level III.
	p, err := PlanFor(1_000_000, LevelIII, MustParseAQL("0.025"), Tightened)
	require.NoError(t, err)
	assert.Equal(t, CodeLetter("R"), p.Letter)
	assert.Equal(t, CodeLetter("S"), p.PlanLetter)
	assert.Equal(t, 3150, p.SampleSize)
	assert.Equal(t, 1, p.Ac)
	assert.Equal(t, 2, p.Re)
}

// TestAQLCompare pins Compare: -1, 0, +1 for tighter, the same and looser,
// with the zero AQL first.
func TestAQLCompare(t *testing.T) {
	a, b := MustParseAQL("1.0"), MustParseAQL("2.5")
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 1, b.Compare(a))
	assert.Equal(t, 0, a.Compare(a))
	assert.Equal(t, 0, AQL{}.Compare(AQL{}))
	assert.Equal(t, -1, AQL{}.Compare(a))
	assert.Equal(t, 1, a.Compare(AQL{}))
}

// TestFullInspectionWhenSampleEqualsLot pins clause 10's "sample size at
// least the lot size": a lot of 2 at level II is letter A, and at AQL 6.5
// normal the plan samples 2 (Table 2-A, A: n = 2, 0/1), so every unit is
// inspected; a lot of 3 samples 2 of them.
func TestFullInspectionWhenSampleEqualsLot(t *testing.T) {
	p, err := PlanFor(2, LevelII, MustParseAQL("6.5"), Normal)
	require.NoError(t, err)
	assert.Equal(t, CodeLetter("A"), p.Letter)
	assert.Equal(t, 2, p.SampleSize)
	assert.True(t, p.FullInspection)
	assert.Equal(t, 0, p.Ac)

	p, err = PlanFor(3, LevelII, MustParseAQL("6.5"), Normal)
	require.NoError(t, err)
	assert.Equal(t, 2, p.SampleSize)
	assert.False(t, p.FullInspection)
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
		assert.Contains(t, ie.Reason, "must be 1 to 256 bytes")
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
// count: field state.consecutive_accepted, both counts given as
// "consecutive/not accepted".
func TestStateNegativeCounts(t *testing.T) {
	s := State{Producer: "p", Technique: "tulis", AQL: MustParseAQL("2.5"), Level: LevelII, Severity: Tightened,
		ConsecutiveAccepted: 2, NotAccepted: -1}
	err := s.Validate()
	var ie *InputError
	require.True(t, errors.As(err, &ie))
	require.ErrorIs(t, err, ErrState)
	assert.Equal(t, "state.consecutive_accepted", ie.Field)
	assert.Equal(t, `"2/-1"`, ie.Value)
}
