package pricing

// Lang selects the language of a message. It is defined here, in the
// package every other package of the module imports, so that one value
// chooses the language of pricing, batik and capacity messages alike
// (batik.Lang is this type). The zero Lang means English.
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

// pick returns id for Indonesian and en otherwise.
func (l Lang) pick(en, id string) string {
	if l == Indonesian {
		return id
	}
	return en
}
