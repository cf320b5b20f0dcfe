package batik

import (
	"strings"
	"sync"

	"github.com/batikkit/batikkit/pricing"
	"golang.org/x/text/language"
)

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
// *FieldError wrapping ErrUnknown. O(len(s)) for s up to 256 bytes; longer
// text is refused before any work.
func ParseLang(s string) (Lang, error) {
	if len(s) > 256 {
		return 0, unknownErr("language", s, codeLanguage)
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "en", "eng", "english", "inggris", "bahasa inggris":
		return English, nil
	case "id", "ind", "in", "indonesian", "indonesia", "bahasa", "bahasa indonesia":
		return Indonesian, nil
	}
	tags, _, err := language.ParseAcceptLanguage(s)
	if err != nil || len(tags) == 0 {
		return 0, unknownErr("language", s, codeLanguage)
	}
	_, i, conf := langMatcher().Match(tags...)
	if conf == language.No {
		return 0, unknownErr("language", s, codeLanguage)
	}
	if i == 1 {
		return Indonesian, nil
	}
	return English, nil
}
