package batik

// ValidNIB reports whether s is a Nomor Induk Berusaha: exactly 13 ASCII
// digits. No check digit is published for NIB, so none is checked.
func ValidNIB(s string) bool { return len(s) == 13 && allDigits(s) }

// ValidRegion reports whether s has the form of a Kemendagri region code,
// the numbering of Kepmendagri 300.2.2-2138/2025: a province "33", a
// regency or city "33.72", a district "33.72.01" or a village
// "33.72.01.1001", matching ^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$. Only
// the form is checked, not that the code exists in the decree's list:
// "99", "33.99" and "35.30" pass. A caller that needs existence checks the
// code against the decree's published list.
func ValidRegion(s string) bool {
	switch len(s) {
	case 2, 5, 8, 13:
	default:
		return false
	}
	for i := 0; i < len(s); i++ {
		isDot := i == 2 || i == 5 || i == 8
		if isDot != (s[i] == '.') || (!isDot && (s[i] < '0' || s[i] > '9')) {
			return false
		}
	}
	return true
}

// ValidGTIN reports whether s is a GTIN-8, -12, -13 or -14 whose last digit
// is the GS1 mod-10 check digit (GS1 General Specifications 7.9.1: weights
// 3, 1, 3, ... from the right, the check digit excluded).
func ValidGTIN(s string) bool {
	switch len(s) {
	case 8, 12, 13, 14:
	default:
		return false
	}
	if !allDigits(s) {
		return false
	}
	return int(s[len(s)-1]-'0') == GTINCheckDigit(s[:len(s)-1])
}

// GTINCheckDigit returns the GS1 check digit for body (a GTIN without its
// last digit), or -1 if body holds a non-digit or is empty.
func GTINCheckDigit(body string) int {
	if body == "" || !allDigits(body) {
		return -1
	}
	sum := 0
	for i := 0; i < len(body); i++ {
		d := int(body[len(body)-1-i] - '0')
		if i%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
