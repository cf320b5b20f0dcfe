package aql

// CodeLetter is a sample size code letter of ISO 2859-1:1999, Table 1:
// "A" to "R" without "I" and "O". "S" (n = 3150) occurs only as the row a
// tightened plan's arrow leads to (Table 2-B), never from Table 1. The text
// form is the letter. The zero CodeLetter ("") is not a letter.
type CodeLetter string

// letters is the number of code letters A ... R, the rows of Tables 2-A to
// 2-C (Table 2-B has the extra row S, held apart).
const letters = 16

// letterText is the rows of Tables 2-A to 2-C, then S.
const letterText = "ABCDEFGHJKLMNPQRS"

// row is the row of Tables 2-A to 2-C (16 for S), or -1.
func (c CodeLetter) row() int {
	if len(c) != 1 {
		return -1
	}
	for k := 0; k < len(letterText); k++ {
		if letterText[k] == c[0] {
			return k
		}
	}
	return -1
}

// letterAt returns the code letter of row k of the tables (16 is S).
func letterAt(k int) CodeLetter { return CodeLetter(letterText[k : k+1]) }

// Valid reports whether c is one of A ... R or S.
func (c CodeLetter) Valid() bool { return c.row() >= 0 }

// String returns the letter.
func (c CodeLetter) String() string { return string(c) }

// MarshalText returns the letter; an unknown letter is an error.
func (c CodeLetter) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, invalid("code_letter", string(c), codeLetter)
	}
	return []byte(c), nil
}

// UnmarshalText accepts one letter A ... R or S, in either case.
func (c *CodeLetter) UnmarshalText(text []byte) error {
	v := CodeLetter(text)
	if len(text) == 1 && text[0] >= 'a' && text[0] <= 'z' {
		v = CodeLetter([]byte{text[0] - 'a' + 'A'})
	}
	if !v.Valid() {
		return invalid("code_letter", string(text), codeLetter)
	}
	*c = v
	return nil
}

// MaxLotSize is the largest lot size the package accepts: Table 1's last
// row is open ended ("500 001 and over"); the bound keeps every count an
// int on any platform and a lot size typo from passing as a plan.
const MaxLotSize = 1_000_000_000

// table1Upper is the upper end of each lot-size row of ISO 2859-1:1999,
// Table 1 (the last row, 500 001 and over, ends at MaxLotSize).
var table1Upper = [15]int{8, 15, 25, 50, 90, 150, 280, 500, 1200, 3200, 10000, 35000, 150000, 500000, MaxLotSize}

// table1 is ISO 2859-1:1999, Table 1 "Sample size code letters", one row
// per lot size range, columns S-1, S-2, S-3, S-4, I, II, III. Transcribed
// from ISO 2859-1:1999 (identical to ANSI/ASQ Z1.4-2003 Table I and
// MIL-STD-105E Table I; also IS 2500 (Part 1):2000).
var table1 = [15][7]byte{
	//  S-1  S-2  S-3  S-4   I    II   III
	{'A', 'A', 'A', 'A', 'A', 'A', 'B'}, // 2 to 8
	{'A', 'A', 'A', 'A', 'A', 'B', 'C'}, // 9 to 15
	{'A', 'A', 'B', 'B', 'B', 'C', 'D'}, // 16 to 25
	{'A', 'B', 'B', 'C', 'C', 'D', 'E'}, // 26 to 50
	{'B', 'B', 'C', 'C', 'C', 'E', 'F'}, // 51 to 90
	{'B', 'B', 'C', 'D', 'D', 'F', 'G'}, // 91 to 150
	{'B', 'C', 'D', 'E', 'E', 'G', 'H'}, // 151 to 280
	{'B', 'C', 'D', 'E', 'F', 'H', 'J'}, // 281 to 500
	{'C', 'C', 'E', 'F', 'G', 'J', 'K'}, // 501 to 1 200
	{'C', 'D', 'E', 'G', 'H', 'K', 'L'}, // 1 201 to 3 200
	{'C', 'D', 'F', 'G', 'J', 'L', 'M'}, // 3 201 to 10 000
	{'C', 'D', 'F', 'H', 'K', 'M', 'N'}, // 10 001 to 35 000
	{'D', 'E', 'G', 'J', 'L', 'N', 'P'}, // 35 001 to 150 000
	{'D', 'E', 'G', 'J', 'M', 'P', 'Q'}, // 150 001 to 500 000
	{'D', 'E', 'H', 'K', 'N', 'Q', 'R'}, // 500 001 and over
}

// CodeLetterFor returns the sample size code letter of ISO 2859-1:1999,
// Table 1 for a lot of lotSize units inspected at level. A lot of one unit
// is read with the first row (2 to 8).
//
// It returns an *InputError wrapping ErrInvalid when lotSize is below 1 or
// above MaxLotSize, or when level is not one of the seven levels. O(1);
// no allocation; safe for concurrent use.
func CodeLetterFor(lotSize int, level Level) (CodeLetter, error) {
	if err := checkLotSize(lotSize); err != nil {
		return "", err
	}
	col := level.column()
	if col < 0 {
		return "", invalid("level", string(level), codeLevel)
	}
	return letterAt(rowOfLetter(table1[table1Row(lotSize)][col])), nil
}

func checkLotSize(lotSize int) error {
	if lotSize < 1 || lotSize > MaxLotSize {
		return invalidInt("lot.size", lotSize, codeLotSize, itoa(MaxLotSize))
	}
	return nil
}

func table1Row(lotSize int) int {
	for k, up := range table1Upper {
		if lotSize <= up {
			return k
		}
	}
	return len(table1Upper) - 1
}

func rowOfLetter(b byte) int {
	for k := 0; k < len(letterText); k++ {
		if letterText[k] == b {
			return k
		}
	}
	return 0
}
