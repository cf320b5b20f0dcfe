package aql

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
