package aql

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// errorsIsAny reports whether err wraps one of the sentinels.
func errorsIsAny(err error, sentinels ...error) bool {
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
