package msg

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormat(t *testing.T) {
	tx := Text{Code: "range", EN: "must be in [{0}, {1}], {2}", ID: "harus dalam [{0}, {1}]"}
	tests := []struct {
		give []string
		lang Lang
		want string
	}{
		{[]string{"1", "9", "x"}, English, "must be in [1, 9], x"},
		{[]string{"1", "9"}, Indonesian, "harus dalam [1, 9]"},
		{[]string{"1"}, English, "must be in [1, {1}], {2}"},
		{nil, English, "must be in [{0}, {1}], {2}"},
		{[]string{"{1}", "z"}, English, "must be in [{1}, z], {2}"}, // arguments are not formats
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tx.Format(tt.lang, tt.give...))
	}
	assert.Equal(t, "{x} {", Text{EN: "{x} {"}.Format(English, "a"))
	assert.Equal(t, "a{", Text{EN: "{0}{"}.Format(English, "a"))
}

type said struct{}

func (said) Error() string         { return "said" }
func (said) Message(l Lang) string { return "said in " + l.String() }

func TestLine(t *testing.T) {
	assert.Equal(t, `key = "k": must not be empty`, Line(English, "key", `"k"`, "must not be empty", nil))
	assert.Equal(t, "key: kosong", Line(Indonesian, "key", "", "kosong", nil))
	assert.Equal(t, "a = 1: r: said in id", Line(Indonesian, "a", "1", "r", said{}))
	assert.Equal(t, "a = 1: r: plain", Line(English, "a", "1", "r", errors.New("plain")))
	assert.Equal(t, "a = 1: r", Line(Indonesian, "a", "1", "r", errors.New("plain")), "no English inside Indonesian")
}

func TestQuote(t *testing.T) {
	assert.Equal(t, `"abc"`, Quote("abc"))
	long := strings.Repeat("é", 40) // 80 bytes
	q := Quote(long)
	assert.Equal(t, `"`+strings.Repeat("é", 32)+`"... (80 bytes)`, q)
	assert.Equal(t, strings.Repeat("1", 64)+"... (100 bytes)", Clip(strings.Repeat("1", 100)))
	assert.Equal(t, "12", Clip("12"))
	assert.Equal(t, `"\xff"`, Quote("\xff"))
}

func TestCheck(t *testing.T) {
	good := []Text{
		{Code: "key_empty", EN: "must not be empty", ID: "tidak boleh kosong"},
		{Code: "range", EN: "must be in [{0}, {1}]", ID: "harus dalam [{1}, {0}]"},
		{Code: "hint", EN: "set ReadOptions.Comma", ID: "isi ReadOptions.Comma atau \"the\" hold_for"},
	}
	assert.Empty(t, Check(good))
	bad := []Text{
		{Code: "", EN: "x", ID: "y"},
		{Code: "twice", EN: "x", ID: "y"},
		{Code: "twice", EN: "x", ID: "y"},
		{Code: "NotSnake", EN: "x", ID: "y"},
		{Code: "no_id", EN: "x"},
		{Code: "holes", EN: "{0} {1}", ID: "{0}"},
		{Code: "english", EN: "is booked", ID: "sudah booked untuk the order"},
	}
	got := strings.Join(Check(bad), "\n")
	for _, want := range []string{"entry 0: no code", "twice: code given twice", "NotSnake: code is not snake_case",
		"no_id: no Indonesian", "holes: placeholders differ", "english: English in the Indonesian text: booked, the, order"} {
		assert.Contains(t, got, want)
	}
}

func TestLangString(t *testing.T) {
	assert.Equal(t, "en", Lang(0).String())
	assert.Equal(t, "en", English.String())
	assert.Equal(t, "id", Indonesian.String())
	assert.Equal(t, "en", Lang(9).String())
}

// TestQuoteBoundaries pins how a value is cut: up to MaxQuoted bytes
// whole; longer cut to at most MaxQuoted bytes at a character boundary
// (never inside a UTF-8 sequence) with the full length stated; Quote
// quotes it, Clip (for numbers) does not.
func TestQuoteBoundaries(t *testing.T) {
	x64, d64 := strings.Repeat("x", 64), strings.Repeat("9", 64)
	assert.Equal(t, `"`+x64+`"`, Quote(x64))
	assert.Equal(t, `"`+x64+`"... (65 bytes)`, Quote(x64+"y"))
	x63 := strings.Repeat("x", 63)
	assert.Equal(t, `"`+x63+`"... (67 bytes)`, Quote(x63+"é"+"zz")) // "é" is bytes 63 and 64
	assert.Equal(t, `""... (65 bytes)`, Quote(strings.Repeat("\x80", 65)))
	assert.Equal(t, d64, Clip(d64))
	assert.Equal(t, d64+"... (65 bytes)", Clip(d64+"1"))
}
