// Package msg holds what every package of the module needs to speak to
// people: the language of a message, message catalogues (one format per
// code and language), the one rendering of an error about an input
// ("field = value: reason"), and the quoting that keeps a message short
// whatever the input.
//
// A package keeps its catalogue as a table of Text, one entry per code,
// each with an English and an Indonesian format. Arguments are numbered:
// "{0}" is the first argument an error carries, "{1}" the second. Check
// says what is wrong with a catalogue (a missing language, a code twice,
// placeholders that differ between the languages, English words inside
// Indonesian); every package's tests call it.
package msg

import (
	"strconv"
	"strings"
)

// Lang selects the language of a message. The zero Lang means English.
// Exported as pricing.Lang and batik.Lang.
type Lang uint8

const (
	English    Lang = iota + 1 // English
	Indonesian                 // Bahasa Indonesia
)

// String returns the language's BCP 47 tag: "en" or "id" ("en" for the
// zero Lang, which means English, and for an unknown value).
func (l Lang) String() string {
	if l == Indonesian {
		return "id"
	}
	return "en"
}

// Text is one entry of a catalogue: a stable code and the message's format
// in each language, with numbered placeholders ("{0}", "{1}") for the
// arguments.
type Text struct {
	Code string // stable, snake_case: "hold_for_range"
	EN   string // English format
	ID   string // Indonesian format
}

// Format returns the text in l with its placeholders replaced by args; a
// placeholder without an argument is left as it is. O(len(format) +
// len(args)).
func (t Text) Format(l Lang, args ...string) string {
	f := t.EN
	if l == Indonesian {
		f = t.ID
	}
	if len(args) == 0 || !strings.Contains(f, "{") {
		return f
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(f, '{')
		if i < 0 || i+2 >= len(f) || f[i+2] != '}' || f[i+1] < '0' || f[i+1] > '9' {
			if i < 0 {
				b.WriteString(f)
				return b.String()
			}
			b.WriteString(f[:i+1])
			f = f[i+1:]
			continue
		}
		b.WriteString(f[:i])
		if n := int(f[i+1] - '0'); n < len(args) {
			b.WriteString(args[n])
		} else {
			b.WriteString(f[i : i+3])
		}
		f = f[i+3:]
	}
}

// Messager is an error that can say itself in a language: every typed
// error of the module.
type Messager interface {
	Message(Lang) string
}

// Line renders an error about an input in the module's one shape:
//
//	field = value: reason: underlying
//
// The value is left out when empty; the underlying error's own message in
// l is added when it has one (a Messager; of a list of messages, such as
// a record's failing fields, the first and "(+n)" for the others), its
// Error text in English, and nothing in Indonesian for an error that
// cannot say itself so (an Indonesian message holds no English).
func Line(l Lang, field, value, reason string, err error) string {
	var b strings.Builder
	b.WriteString(field)
	if value != "" {
		b.WriteString(" = ")
		b.WriteString(value)
	}
	if reason != "" {
		b.WriteString(": ")
		b.WriteString(reason)
	}
	if err != nil {
		if m, ok := err.(Messager); ok {
			b.WriteString(": ")
			b.WriteString(m.Message(l))
		} else if all := messagesOf(err, l); len(all) > 0 {
			b.WriteString(": ")
			b.WriteString(all[0])
			if len(all) > 1 {
				b.WriteString(" (+" + strconv.Itoa(len(all)-1) + ")")
			}
		} else if l != Indonesian {
			b.WriteString(": ")
			b.WriteString(err.Error())
		}
	}
	return b.String()
}

// Find returns the entry of texts with the code, and false when none has
// it. O(len(texts)); errors call it only when rendered.
func Find(texts []Text, code string) (Text, bool) {
	for _, t := range texts {
		if t.Code == code {
			return t, true
		}
	}
	return Text{}, false
}

// MaxQuoted is how many bytes of a value a message shows before it
// abbreviates; the full length is always stated.
const MaxQuoted = 64

// Quote renders a value for a message: Go-quoted, and cut at a rune
// boundary with its length in bytes when longer than MaxQuoted bytes, so
// a megabyte input never becomes a megabyte message.
func Quote(s string) string {
	if len(s) <= MaxQuoted {
		return strconv.Quote(s)
	}
	return strconv.Quote(s[:cut(s)]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

// Clip abbreviates text shown unquoted (a number) the way Quote does.
func Clip(s string) string {
	if len(s) <= MaxQuoted {
		return s
	}
	return s[:cut(s)] + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

// cut is where a long s is cut: at most MaxQuoted bytes, at a rune start.
func cut(s string) int {
	n := MaxQuoted
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return n
}

// messagesOf returns err's messages in l when err is a list that says
// itself (Messages), else nil.
func messagesOf(err error, l Lang) []string {
	if ms, ok := err.(interface{ Messages(Lang) []string }); ok {
		return ms.Messages(l)
	}
	return nil
}
