// Package textrule holds the rules the module applies to text a person
// typed or a program sent: names, descriptions, idempotency keys and IDs.
// Each rule is one predicate, written once, so that batik's records and
// capacity's ledger keys and producer IDs refuse the same text:
//
//	Plain, PlainLines  valid UTF-8 without control or bidirectional characters (plain.go)
//	Trimmed            no white space at either end (plain.go)
//	Visible            Plain, with at least one visible character (visible.go)
//	FormulaLead        starts like a spreadsheet formula (formula.go)
//	Ident, ID          ASCII letters, digits and . _ / -; an ID at most MaxID bytes (ident.go)
//
// Every function is O(len(s)), allocates nothing and is safe for
// concurrent use.
package textrule
