package pricing

import (
	"strings"
	"unicode"

	"github.com/batikkit/batikkit/internal/msg"
)

// Text form of RoundingMode. A mode travels in JSON as snake_case text:
// "half_up", "half_even", "down" or "up" (String); ParseRoundingMode
// and UnmarshalText read those, the Go names ("HalfUp") and the same
// words with spaces or dashes, in any case.

var modeTexts = [...]string{HalfUp: "half_up", HalfEven: "half_even", Down: "down", Up: "up"}

// RoundingModes lists every rounding mode, in the order of their constants.
func RoundingModes() []RoundingMode { return []RoundingMode{HalfUp, HalfEven, Down, Up} }

// ParseRoundingMode reads a mode's text form ("half_up") or its Go name
// ("HalfUp"), in any case, with '_', '-' or spaces between the words or
// none ("Half Up", "HALF-EVEN", "halfeven"). Anything else, the empty
// string included, is an *ArgError wrapping ErrInvalid that quotes the text
// and lists the modes. O(len(s)).
func ParseRoundingMode(s string) (RoundingMode, error) {
	if len(s) <= 32 {
		key := strings.Map(func(r rune) rune {
			switch r {
			case '_', '-', ' ':
				return -1
			}
			return unicode.ToLower(r)
		}, s)
		for _, m := range RoundingModes() {
			if key == strings.ReplaceAll(modeTexts[m], "_", "") {
				return m, nil
			}
		}
	}
	return 0, argErr("rounding", msg.Quote(s), codeUnknownMode)
}

// MarshalText returns m's text form ("half_up"). The zero mode and unknown
// values are an *ArgError wrapping ErrInvalid: no text would read back as
// them. A field where the zero mode means a default (FeeSchedule.Rounding,
// PriceRule.Mode) is tagged omitzero so that it is left out instead.
func (m RoundingMode) MarshalText() ([]byte, error) {
	if !m.valid() {
		return nil, argErr("rounding", m.String(), codeUnknownMode)
	}
	return []byte(modeTexts[m]), nil
}

// UnmarshalText reads what ParseRoundingMode reads; empty text is an error
// (leave the key out of JSON for a field's default).
func (m *RoundingMode) UnmarshalText(b []byte) error {
	v, err := ParseRoundingMode(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}
