package aql

import (
	"errors"
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
		assert.Equal(t, "aql_series", ie.Code, give)
	}
	for _, give := range []string{"9x", "0.9x", "2.5000x"} {
		_, err := ParseAQL(give)
		var ie *InputError
		require.True(t, errors.As(err, &ie), give)
		assert.Equal(t, "aql_syntax", ie.Code, give)
	}
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
