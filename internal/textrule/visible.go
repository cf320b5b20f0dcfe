package textrule

import "unicode"

// Visible reports whether s is Plain and holds at least one visible
// character (VisibleRune): a name of spaces, zero-width characters or
// fillers alone shows nothing on a screen or an invoice, so it is blank.
func Visible(s string) bool {
	plain, visible := scan(s, false)
	return plain && visible
}

// VisibleRune reports whether r shows as something: a graphic character
// (unicode.IsGraphic) that is not white space, not Default_Ignorable_Code_Point
// (DefaultIgnorable) and not one of the characters that are drawn as
// nothing though Unicode does not call them ignorable:
//
//	U+2800   BRAILLE PATTERN BLANK         (So)
//	U+1D159  MUSICAL SYMBOL NULL NOTEHEAD  (So)
//	U+16FE4  KHITAN SMALL SCRIPT FILLER    (Mn)
//
// The Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the combining
// grapheme joiner U+034F and the variation selectors are
// Default_Ignorable_Code_Point, so they are not visible either.
func VisibleRune(r rune) bool {
	if r < 0x80 {
		return r > ' ' && r < 0x7f
	}
	switch r {
	case 0x2800, 0x1d159, 0x16fe4:
		return false
	}
	return unicode.IsGraphic(r) && !unicode.IsSpace(r) && !DefaultIgnorable(r)
}

// UnicodeVersion is the version of the Unicode Character Database whose
// Default_Ignorable_Code_Point table DefaultIgnorable holds.
const UnicodeVersion = "15.0.0"

// DefaultIgnorable reports whether r has the Default_Ignorable_Code_Point
// property: characters a renderer shows as nothing when it has no glyph
// for them (format controls, zero-width spaces and joiners, variation
// selectors, fillers, tags).
func DefaultIgnorable(r rune) bool { return unicode.Is(defaultIgnorable, r) }

// defaultIgnorable is Default_Ignorable_Code_Point as listed in
// DerivedCoreProperties.txt of Unicode 15.0.0 (UAX #44), 4,174 code
// points; adjacent ranges of the file are merged. The file derives it as
// Other_Default_Ignorable_Code_Point + Cf + Variation_Selector
// - White_Space - U+FFF9..U+FFFB - U+13430..U+13440
// - Prepended_Concatenation_Mark, which the tests recompute from the
// standard library's tables of the same version.
var defaultIgnorable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x00ad, Hi: 0x00ad, Stride: 1}, // SOFT HYPHEN
		{Lo: 0x034f, Hi: 0x034f, Stride: 1}, // COMBINING GRAPHEME JOINER
		{Lo: 0x061c, Hi: 0x061c, Stride: 1}, // ARABIC LETTER MARK
		{Lo: 0x115f, Hi: 0x1160, Stride: 1}, // HANGUL CHOSEONG FILLER..HANGUL JUNGSEONG FILLER
		{Lo: 0x17b4, Hi: 0x17b5, Stride: 1}, // KHMER VOWEL INHERENT AQ..KHMER VOWEL INHERENT AA
		{Lo: 0x180b, Hi: 0x180f, Stride: 1}, // MONGOLIAN FREE VARIATION SELECTOR ONE..FOUR, VOWEL SEPARATOR
		{Lo: 0x200b, Hi: 0x200f, Stride: 1}, // ZERO WIDTH SPACE..RIGHT-TO-LEFT MARK
		{Lo: 0x202a, Hi: 0x202e, Stride: 1}, // LEFT-TO-RIGHT EMBEDDING..RIGHT-TO-LEFT OVERRIDE
		{Lo: 0x2060, Hi: 0x206f, Stride: 1}, // WORD JOINER..NOMINAL DIGIT SHAPES (U+2065 reserved)
		{Lo: 0x3164, Hi: 0x3164, Stride: 1}, // HANGUL FILLER
		{Lo: 0xfe00, Hi: 0xfe0f, Stride: 1}, // VARIATION SELECTOR-1..VARIATION SELECTOR-16
		{Lo: 0xfeff, Hi: 0xfeff, Stride: 1}, // ZERO WIDTH NO-BREAK SPACE
		{Lo: 0xffa0, Hi: 0xffa0, Stride: 1}, // HALFWIDTH HANGUL FILLER
		{Lo: 0xfff0, Hi: 0xfff8, Stride: 1}, // reserved
	},
	R32: []unicode.Range32{
		{Lo: 0x1bca0, Hi: 0x1bca3, Stride: 1}, // SHORTHAND FORMAT LETTER OVERLAP..SHORTHAND FORMAT UP STEP
		{Lo: 0x1d173, Hi: 0x1d17a, Stride: 1}, // MUSICAL SYMBOL BEGIN BEAM..MUSICAL SYMBOL END PHRASE
		{Lo: 0xe0000, Hi: 0xe0fff, Stride: 1}, // LANGUAGE TAG, TAG SPACE..CANCEL TAG, VARIATION SELECTOR-17..256, reserved
	},
	LatinOffset: 1,
}
