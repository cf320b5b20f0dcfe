package aql

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// Table 1 written column by column (the transcription in codeletter.go is
// row by row), lot-size rows 2-8, 9-15, ..., 500 001 and over.
var table1Columns = map[Level]string{
	LevelS1:  "AAAABBBBCCCCDDD",
	LevelS2:  "AAABBBCCCDDDEEE",
	LevelS3:  "AABBCCDDEEFFGGH",
	LevelS4:  "AABCCDEEFGGHJJK",
	LevelI:   "AABCCDEFGHJKLMN",
	LevelII:  "ABCDEFGHJKLMNPQ",
	LevelIII: "BCDEFGHJKLMNPQR",
}

func TestTable1EveryCell(t *testing.T) {
	lower := []int{2, 9, 16, 26, 51, 91, 151, 281, 501, 1201, 3201, 10001, 35001, 150001, 500001}
	upper := []int{8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, MaxLotSize}
	for level, col := range table1Columns {
		for r := range lower {
			want := CodeLetter(col[r : r+1])
			for _, size := range []int{lower[r], (lower[r] + upper[r]) / 2, upper[r]} {
				got, err := CodeLetterFor(size, level)
				require.NoError(t, err)
				assert.Equal(t, want, got, "level %s lot size %d", level, size)
			}
		}
		got, err := CodeLetterFor(1, level) // one unit: the first row
		require.NoError(t, err)
		assert.Equal(t, CodeLetter(col[:1]), got)
	}
}
