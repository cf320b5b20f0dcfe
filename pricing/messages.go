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

// code is a reason an error gives: the index of its entry in texts, so a
// code used in code always has both languages.
type code uint16

// The codes of Parse and ParseDecimal come first: they are ParseError's
// Code values, which callers match, so their text codes never change.
const (
	codeLong code = iota
	codeEmpty
	codeMinus
	codeNoDigits
	codeFirstGroup
	codeLeadingZero
	codeGroup
	codeSen
	codeComma
	codeCommaTwice
	codeDot
	codeSign
	codeUnexpected // {0}: the character, quoted
	codeDigits
	codeNaN
	codeExponent
	codeGrouping
	codeChar
	codeDecimals
	codeRateDecimals

	codeAmount  // the field a ParseError names when the caller gave none
	codeInvalid // the reason of an ArgError whose Code is unknown

	codePositive
	codePositiveOrTiers
	codeAtLeastOne
	codeNotNegative
	codeNotEmpty
	codeAllZero
	codeTooManyDigits
	codeNotMultiple   // {0}: the step
	codeRoundsPast    // {0}: the steps, {1}: the step
	codeShareTooLarge // an amount too large to weigh a share of a discount
	codeUnknownMode
	codeUnitRange
	codeRateRange
	codeOverheadRange
	codeBaseRange
	codeTaxRange
	codeMarkupRange
	codeMarginRange
	codeEndingRange        // {0}: the modulus
	codeLineDiscountRange  // {0}: the unit price
	codeOrderDiscountRange // {0}: the goods after line discounts
	codeTierQuantityOrder  // {0}: the previous tier's minimum
	codeTierPriceOrder     // {0}: the previous tier's price
	codeBelowFirstTier     // {0}: the first tier's minimum
	codeTwice
	codeUnknownTax
	codeCustomTaxText

	codeUnknownKey
	codeKeyCase // {0}: the key as the type spells it
	codeRepeatedKey
	codeRequired
	codeNull
	codeWantInteger
	codeWantText
	codeWantList
	codeWantObject
	codeWantBoolean
	codeWantAmount
	codeWantTax
	codeBadJSON
	codeNotUTF8

	numCodes
)

// texts is the package's message catalogue, one entry per code; the
// package's tests run msg.Check on it.
var texts = [numCodes]msg.Text{
	codeLong:         {Code: "long", EN: "longer than 64 bytes", ID: "lebih dari 64 byte"},
	codeEmpty:        {Code: "empty", EN: "empty", ID: "kosong"},
	codeMinus:        {Code: "minus", EN: "write the minus before Rp: -Rp5.000", ID: "tulis tanda minus sebelum Rp: -Rp5.000"},
	codeNoDigits:     {Code: "no_digits", EN: "no digits", ID: "tidak ada angka"},
	codeFirstGroup:   {Code: "first_group", EN: "'.' groups thousands: the first group has at most 3 digits (1.250.000)", ID: "'.' memisahkan ribuan: kelompok pertama paling banyak 3 angka (1.250.000)"},
	codeLeadingZero:  {Code: "leading_zero", EN: "a number grouped with '.' cannot start with 0: write 0,50 for half a rupiah or 500 for five hundred", ID: "angka yang dikelompokkan dengan '.' tidak boleh diawali 0: tulis 0,50 untuk setengah rupiah atau 500 untuk lima ratus"},
	codeGroup:        {Code: "group", EN: "'.' groups thousands and must be followed by exactly 3 digits; the decimal separator is ','", ID: "'.' memisahkan ribuan dan harus diikuti tepat 3 angka; pemisah desimal adalah ','"},
	codeSen:          {Code: "sen", EN: "more than 2 decimal digits after ','", ID: "lebih dari 2 angka desimal setelah ','"},
	codeComma:        {Code: "comma", EN: "',' must be followed by 1 or 2 digits or by '-'", ID: "',' harus diikuti 1 atau 2 angka atau '-'"},
	codeCommaTwice:   {Code: "comma_twice", EN: "',' is the decimal separator and can appear once, before at most 2 digits", ID: "',' adalah pemisah desimal dan hanya boleh muncul sekali, sebelum paling banyak 2 angka"},
	codeDot:          {Code: "dot", EN: "'.' groups thousands in threes", ID: "'.' memisahkan ribuan per 3 angka"},
	codeSign:         {Code: "sign", EN: "a sign may only lead the amount", ID: "tanda + atau - hanya boleh di depan"},
	codeUnexpected:   {Code: "unexpected", EN: "unexpected {0} (amounts look like Rp1.250.000 or 1250000,50)", ID: "karakter {0} tidak sah (contoh penulisan: Rp1.250.000 atau 1250000,50)"},
	codeDigits:       {Code: "digits", EN: "more than 30 digits", ID: "lebih dari 30 angka"},
	codeNaN:          {Code: "nan", EN: "not a number", ID: "bukan angka"},
	codeExponent:     {Code: "exponent", EN: "exponents are not allowed", ID: "eksponen tidak diperbolehkan"},
	codeGrouping:     {Code: "grouping", EN: "write digits with '.' before at most 2 decimals, without grouping", ID: "tulis angka dengan '.' sebelum paling banyak 2 desimal, tanpa pemisah ribuan"},
	codeChar:         {Code: "char", EN: "unexpected character", ID: "ada karakter yang tidak sah"},
	codeDecimals:     {Code: "decimals", EN: "more than 2 decimal places", ID: "lebih dari 2 angka desimal"},
	codeRateDecimals: {Code: "rate_decimals", EN: "more than 9 decimal places", ID: "lebih dari 9 angka desimal"},

	codeAmount:  {Code: "amount", EN: "amount", ID: "jumlah uang"},
	codeInvalid: {Code: "invalid", EN: "invalid value", ID: "nilai tidak sah"},

	codePositive:           {Code: "positive", EN: "must be positive", ID: "harus lebih dari 0"},
	codePositiveOrTiers:    {Code: "positive_or_tiers", EN: "must be positive (or give tiers)", ID: "harus lebih dari 0 (atau isi tingkat harga)"},
	codeAtLeastOne:         {Code: "at_least_one", EN: "must be at least 1", ID: "minimal 1"},
	codeNotNegative:        {Code: "not_negative", EN: "must be >= 0", ID: "tidak boleh negatif"},
	codeNotEmpty:           {Code: "not_empty", EN: "must not be empty", ID: "tidak boleh kosong"},
	codeAllZero:            {Code: "all_zero", EN: "must not all be zero: the sum must be positive", ID: "tidak boleh semuanya nol: jumlahnya harus lebih dari 0"},
	codeTooManyDigits:      {Code: "too_many_digits", EN: "has more digits than an amount may", ID: "lebih banyak angka daripada yang diizinkan untuk jumlah uang"},
	codeNotMultiple:        {Code: "not_multiple", EN: "must be a multiple of step {0}", ID: "harus kelipatan langkah {0}"},
	codeRoundsPast:         {Code: "rounds_past_int64", EN: "rounds to {0} steps of {1}, past the int64 range", ID: "dibulatkan menjadi {0} langkah sebesar {1}, di luar rentang int64"},
	codeShareTooLarge:      {Code: "share_too_large", EN: "is too large to share a discount over", ID: "terlalu besar untuk membagi diskon"},
	codeUnknownMode:        {Code: "unknown_mode", EN: "unknown rounding mode; use half_up, half_even, down or up", ID: "cara pembulatan tidak dikenal; pilihan: half_up, half_even, down, up"},
	codeUnitRange:          {Code: "unit_range", EN: "must be in [0, 1]", ID: "harus dalam [0, 1]"},
	codeRateRange:          {Code: "rate_range", EN: "must be a fraction in [0, 1] (0.065 for 6.5%)", ID: "harus pecahan dalam [0, 1] (0.065 untuk 6,5%)"},
	codeOverheadRange:      {Code: "overhead_range", EN: "must be a fraction in [0, 10]", ID: "harus pecahan dalam [0, 10]"},
	codeBaseRange:          {Code: "base_range", EN: "must be a fraction in (0, 1] with a denominator up to 1,000,000", ID: "harus pecahan dalam (0, 1] dengan penyebut paling besar 1.000.000"},
	codeTaxRange:           {Code: "tax_range", EN: "must be a fraction in [0, 1] with a denominator from 1 to 10^15", ID: "harus pecahan dalam [0, 1] dengan penyebut dari 1 sampai 10^15"},
	codeMarkupRange:        {Code: "markup_range", EN: "must be above -1 (-100%)", ID: "harus lebih dari -1 (-100%)"},
	codeMarginRange:        {Code: "margin_range", EN: "must be in [-1, 1) (a margin of 100% has no price)", ID: "harus dalam [-1, 1) (margin 100% tidak punya harga)"},
	codeEndingRange:        {Code: "ending_range", EN: "must be in [0, modulus {0})", ID: "harus dalam [0, modulus {0})"},
	codeLineDiscountRange:  {Code: "line_discount_range", EN: "must be in [0, unit price {0}]", ID: "harus dalam [0, harga satuan {0}]"},
	codeOrderDiscountRange: {Code: "order_discount_range", EN: "must be in [0, goods after line discounts {0}]", ID: "harus dalam [0, nilai barang setelah diskon baris {0}]"},
	codeTierQuantityOrder:  {Code: "tier_quantity_order", EN: "must be above the previous tier's {0}", ID: "harus lebih besar dari tingkat sebelumnya: {0}"},
	codeTierPriceOrder:     {Code: "tier_price_order", EN: "must be below the previous tier's {0}", ID: "harus lebih kecil dari tingkat sebelumnya: {0}"},
	codeBelowFirstTier:     {Code: "below_first_tier", EN: "is below the first tier's minimum of {0}", ID: "di bawah jumlah minimal tingkat pertama: {0}"},
	codeTwice:              {Code: "twice", EN: "appears twice", ID: "muncul dua kali"},
	codeUnknownTax:         {Code: "unknown_tax", EN: "unknown tax; use ppn or ppn_luxury, or an object with name, numerator and denominator", ID: "pajak tidak dikenal; pilihan: ppn atau ppn_luxury, atau objek berisi name, numerator, dan denominator"},
	codeCustomTaxText:      {Code: "custom_tax_text", EN: "a custom tax has no text form; it travels in JSON as an object", ID: "pajak buatan sendiri tidak punya bentuk teks; di JSON ditulis sebagai objek"},

	codeUnknownKey:  {Code: "unknown_key", EN: "unknown key", ID: "kunci tidak dikenal"},
	codeKeyCase:     {Code: "key_case", EN: "unknown key; write it {0}", ID: "kunci tidak dikenal; tulis {0}"},
	codeRepeatedKey: {Code: "repeated_key", EN: "repeated key", ID: "kunci muncul lebih dari sekali"},
	codeRequired:    {Code: "required", EN: "is required", ID: "wajib diisi"},
	codeNull:        {Code: "null", EN: "null is not a value: leave the key out or give a value", ID: "null bukan nilai: hapus kuncinya atau isi nilainya"},
	codeWantInteger: {Code: "want_integer", EN: "wrong JSON type: want a whole number", ID: "jenis nilai JSON salah: harus bilangan bulat"},
	codeWantText:    {Code: "want_text", EN: "wrong JSON type: want text", ID: "jenis nilai JSON salah: harus teks"},
	codeWantList:    {Code: "want_list", EN: "wrong JSON type: want a list", ID: "jenis nilai JSON salah: harus daftar"},
	codeWantObject:  {Code: "want_object", EN: "wrong JSON type: want an object", ID: "jenis nilai JSON salah: harus objek"},
	codeWantBoolean: {Code: "want_boolean", EN: "wrong JSON type: want true or false", ID: "jenis nilai JSON salah: harus true atau false"},
	codeWantAmount:  {Code: "want_amount", EN: "wrong JSON type: want an amount such as \"85000.50\"", ID: "jenis nilai JSON salah: harus jumlah uang seperti \"85000.50\""},
	codeWantTax:     {Code: "want_tax", EN: "wrong JSON type: want a tax name or an object", ID: "jenis nilai JSON salah: harus nama pajak atau objek"},
	codeBadJSON:     {Code: "bad_json", EN: "not well-formed JSON", ID: "JSON tidak tersusun dengan benar"},
	codeNotUTF8:     {Code: "not_utf8", EN: `not UTF-8 text here (a byte, or a \u escape that is no character)`, ID: `bukan teks UTF-8 di sini (bita atau escape \u yang bukan karakter)`},
}

// reason returns the text of the catalogue code c in l with its arguments:
// "" for no code, and the general "invalid value" for a code the
// catalogue lacks (an error a caller built). O(len(texts)).
func reason(l Lang, c string, args []string) string {
	if c == "" {
		return ""
	}
	t, ok := msg.Find(texts[:], c)
	if !ok {
		t = texts[codeInvalid]
	}
	return t.Format(l, args...)
}
