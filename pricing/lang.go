package pricing

import "github.com/batikkit/batikkit/internal/msg"

// Lang selects the language of a message. It is defined in the module's
// internal message package and named here, in the package every other
// package of the module imports, so that one value chooses the language
// of pricing, batik, capacity and batik/aql messages alike (batik.Lang is
// this type). The zero Lang means English; String returns the BCP 47 tag,
// "en" or "id".
type Lang = msg.Lang

const (
	English    = msg.English    // English
	Indonesian = msg.Indonesian // Bahasa Indonesia
)

// pick returns id for Indonesian and en otherwise.
func pick(l Lang, en, id string) string {
	if l == Indonesian {
		return id
	}
	return en
}
