package batik

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/batikkit/batikkit/pricing"
	"golang.org/x/text/language"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can match with errors.Is whatever the concrete type.
var (
	// ErrInvalid is wrapped by every *ValidationError: a record broke a rule.
	ErrInvalid = errors.New("batik: invalid record")
	// ErrUnknown is wrapped by every *EnumError: a spelling no enum accepts.
	ErrUnknown = errors.New("batik: unknown value")
	// ErrData is wrapped by every *DataError: a CSV or JSON input had bad rows.
	ErrData = errors.New("batik: bad input data")
)

// EnumError reports text that is not a known spelling of an enum such as
// Technique or Grade. It unwraps to ErrUnknown.
type EnumError struct {
	Type  string // the enum, e.g. "technique"
	Value string // the text as given
}

// Error names the enum and quotes the value.
func (e *EnumError) Error() string {
	return fmt.Sprintf("batik: unknown %s %s", e.Type, quote(e.Value))
}

// Unwrap returns ErrUnknown.
func (e *EnumError) Unwrap() error { return ErrUnknown }

// Message returns the error in language l, with the values the enum
// accepts where the package has a wording for it.
func (e *EnumError) Message(l Lang) string {
	f := FieldError{Field: e.Type, Tag: enumTag(e.Type), Value: quote(e.Value)}
	if _, ok := messages[f.Tag]; !ok {
		if l == Indonesian {
			return "nilai " + quote(e.Value) + " tidak dikenal"
		}
		return "unknown " + e.Type + " " + quote(e.Value)
	}
	return f.Message(l)
}

// maxQuoted is how many bytes of a value an error message shows before it
// abbreviates; the full length is always stated, so nothing is hidden.
const maxQuoted = 64

// quote renders a value for an error message: Go-quoted, and abbreviated with
// its length when it is long (a 1 MiB cell must not become a 1 MiB message).
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// clip abbreviates text shown unquoted (a number) the way quote does.
func clip(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	cut := maxQuoted
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

// Lang selects the language of a message. It is pricing.Lang, so one value
// chooses the language of batik, pricing and capacity messages alike. The
// zero Lang means English.
type Lang = pricing.Lang

const (
	English    = pricing.English    // English
	Indonesian = pricing.Indonesian // Bahasa Indonesia
)

// langMatcher matches what a client asks for against the two languages of
// the messages. Built once; a language.Matcher is safe for concurrent use.
var langMatcher = sync.OnceValue(func() language.Matcher {
	return language.NewMatcher([]language.Tag{language.English, language.Indonesian})
})

// ParseLang reads the language a caller wants messages in: a BCP 47 tag
// ("id", "id-ID", "en-US"), an HTTP Accept-Language value
// ("en-US,en;q=0.9", "id;q=0.8"), or a name ("english", "indonesian",
// "bahasa", "bahasa indonesia"), in any case. Tags are matched with
// golang.org/x/text/language, so a regional variant or a close language
// the matcher knows picks the nearest of English and Indonesian ("ms" may
// give Indonesian). Text that names no language either could serve is an
// *EnumError wrapping ErrUnknown. O(len(s)) for s up to 256 bytes; longer
// text is refused before any work.
func ParseLang(s string) (Lang, error) {
	if len(s) > 256 {
		return 0, &EnumError{Type: "language", Value: s}
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "en", "eng", "english", "inggris", "bahasa inggris":
		return English, nil
	case "id", "ind", "in", "indonesian", "indonesia", "bahasa", "bahasa indonesia":
		return Indonesian, nil
	}
	tags, _, err := language.ParseAcceptLanguage(s)
	if err != nil || len(tags) == 0 {
		return 0, &EnumError{Type: "language", Value: s}
	}
	_, i, conf := langMatcher().Match(tags...)
	if conf == language.No {
		return 0, &EnumError{Type: "language", Value: s}
	}
	if i == 1 {
		return Indonesian, nil
	}
	return English, nil
}
