package batik

import (
	"slices"
	"strings"
	"unicode"
)

// enumSpec is the table behind one text enum: its canonical values and every
// spelling UnmarshalText accepts. Specs are built once and never written, so
// they are safe for concurrent use.
type enumSpec struct {
	code  code                // the reason of text no spelling is; its Code names the enum ("technique")
	alias map[string]string   // normalised spelling -> canonical value
	canon map[string]struct{} // canonical values
	list  []string            // canonical values, sorted
}

// canonical reports whether v is one of spec's canonical values (not merely
// an accepted spelling).
func (s *enumSpec) canonical(v string) bool {
	_, ok := s.canon[v]
	return ok
}

func newEnumSpec(c code, values map[string][]string) *enumSpec {
	s := &enumSpec{code: c, alias: make(map[string]string), canon: make(map[string]struct{})}
	for canon, spellings := range values {
		s.canon[canon] = struct{}{}
		s.list = append(s.list, canon)
		s.alias[normalise(canon)] = canon
		for _, sp := range spellings {
			s.alias[normalise(sp)] = canon
		}
	}
	slices.Sort(s.list)
	return s
}

// parse maps text to its canonical value. Empty text gives the zero value
// "", so an absent optional field decodes; validation reports it where the
// field is required. Only empty text means "not stated": "-", "_" or blanks
// normalise to nothing but are an error, not a silent zero. The error is a
// *FieldError wrapping ErrUnknown, its Field and Code the enum's name.
func (s *enumSpec) parse(text string) (string, error) {
	if text == "" {
		return "", nil
	}
	for _, c := range s.list { // the common case: already canonical
		if text == c {
			return c, nil
		}
	}
	n := normalise(text)
	if n == "" {
		return "", s.unknown(text)
	}
	if c, ok := s.alias[n]; ok {
		return c, nil
	}
	return "", s.unknown(text)
}

// unknown is the error of text no spelling of the enum is.
func (s *enumSpec) unknown(text string) error {
	return unknownErr(texts[s.code].Code, text, s.code)
}

// normalise lower-cases text, turns '_' and '-' into spaces and folds runs of
// white space, so "Batik  Tulis", "BATIK_TULIS" and "batik-tulis" compare
// equal. The common case (already canonical) does not allocate.
func normalise(text string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			prevSpace = false
		case c == ' ' && !prevSpace:
			prevSpace = true
		default:
			clean = false
		}
		if !clean {
			break
		}
	}
	if clean && !prevSpace {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func marshalEnum(spec *enumSpec, v string, ok bool) ([]byte, error) {
	if !ok {
		return nil, spec.unknown(v)
	}
	return []byte(v), nil
}

func parseRequired(spec *enumSpec, s string) (string, error) {
	v, err := spec.parse(s)
	if err == nil && v == "" {
		err = spec.unknown(s)
	}
	return v, err
}
