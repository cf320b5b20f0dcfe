package textrule

// MaxID is the longest ID in bytes: batik's producer and order IDs, and
// capacity's producer IDs.
const MaxID = 64

// Ident reports whether s is made of ASCII letters, digits and '.', '_',
// '/', '-', starting with a letter or a digit: text that survives every
// store, URL path segment, spreadsheet and file name unchanged. The empty
// string is not an identifier. Length is the caller's rule (see ID).
func Ident(s string) bool {
	if s == "" || !alnum(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !alnum(c) && c != '.' && c != '_' && c != '/' && c != '-' {
			return false
		}
	}
	return true
}

// ID reports whether s is an ID: an Ident of at most MaxID bytes.
func ID(s string) bool { return len(s) <= MaxID && Ident(s) }

func alnum(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
