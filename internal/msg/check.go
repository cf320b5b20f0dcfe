package msg

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// englishWords are words that give away English inside an Indonesian
// message: none of them is an Indonesian word. Field names and values
// reach a message only through placeholders, which Check removes first.
var englishWords = []string{
	"the", "is", "are", "was", "be", "been", "must", "should", "can", "cannot",
	"of", "and", "or", "not", "no", "with", "without", "from", "to", "for",
	"than", "that", "this", "these", "which", "has", "have", "had", "more",
	"less", "least", "most", "only", "each", "every", "any", "all", "left",
	"booked", "asked", "already", "after", "before", "between", "into",
	"week", "weeks", "order", "orders", "producer", "producers", "booking",
	"pieces", "piece", "capacity", "held", "hold", "deliver", "delivered",
	"invalid", "unknown", "empty", "missing", "too", "large", "long", "got",
	"expected", "use", "write", "give", "value", "number", "text", "list",
}

var (
	placeholder = regexp.MustCompile(`\{[0-9]\}`)
	word        = regexp.MustCompile(`[A-Za-z]+`)
	// quoted spans ("...", `...`) and code-like tokens (snake_case names,
	// JSON keys and paths such as orders[0], option names such as
	// ReadOptions.Comma) are names, not prose, in either language.
	quoted   = regexp.MustCompile("\"[^\"]*\"|`[^`]*`|'[^']*'")
	codeLike = regexp.MustCompile(`[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+|[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Za-z_]+\[[^\]]*\]`)
)

// EnglishIn returns the English words of the list found in s, outside
// placeholders, quoted spans and code-like names ("hold_for",
// "ReadOptions.Comma").
func EnglishIn(s string) []string {
	s = placeholder.ReplaceAllString(s, " ")
	s = quoted.ReplaceAllString(s, " ")
	s = codeLike.ReplaceAllString(s, " ")
	var found []string
	for _, w := range word.FindAllString(s, -1) {
		if slices.Contains(englishWords, strings.ToLower(w)) && !slices.Contains(found, w) {
			found = append(found, w)
		}
	}
	return found
}

// Check returns what is wrong with a catalogue, one line per problem: an
// entry without a code or without a language, a code given twice, a code
// that is not snake_case, placeholders that differ between the English and
// the Indonesian format, and English words in the Indonesian one. A
// package's test fails when it returns anything.
func Check(texts []Text) []string {
	var problems []string
	seen := map[string]bool{}
	for i, t := range texts {
		name := t.Code
		if name == "" {
			name = "entry " + strconv.Itoa(i)
			problems = append(problems, name+": no code")
		}
		if seen[t.Code] {
			problems = append(problems, name+": code given twice")
		}
		seen[t.Code] = true
		if !snake.MatchString(t.Code) {
			problems = append(problems, name+": code is not snake_case")
		}
		if strings.TrimSpace(t.EN) == "" {
			problems = append(problems, name+": no English")
		}
		if strings.TrimSpace(t.ID) == "" {
			problems = append(problems, name+": no Indonesian")
		}
		if en, id := holes(t.EN), holes(t.ID); !slices.Equal(en, id) {
			problems = append(problems, name+": placeholders differ: English "+strings.Join(en, "")+", Indonesian "+strings.Join(id, ""))
		}
		if w := EnglishIn(t.ID); len(w) > 0 {
			problems = append(problems, name+": English in the Indonesian text: "+strings.Join(w, ", "))
		}
	}
	return problems
}

var snake = regexp.MustCompile(`^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$`)

// holes returns the placeholders of a format, sorted, each once.
func holes(f string) []string {
	h := placeholder.FindAllString(f, -1)
	slices.Sort(h)
	return slices.Compact(h)
}
