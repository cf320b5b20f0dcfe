package textrule

import "strings"

// FormulaLeads are the characters that make a spreadsheet read a cell as a
// formula when they come first: = + - @, tab and carriage return (OWASP,
// "CSV Injection").
const FormulaLeads = "=+-@\t\r"

// FormulaLead reports whether s starts with one of FormulaLeads.
func FormulaLead(s string) bool {
	return s != "" && strings.IndexByte(FormulaLeads, s[0]) >= 0
}
