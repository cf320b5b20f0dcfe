package pricing

import (
	"strings"

	"github.com/batikkit/batikkit/internal/msg"
)

// Messages in two languages. Every error of the package has an English
// Error() and a Message(Lang); the Indonesian text holds no English words
// beyond the names of fields, which are the caller's own JSON keys.

// reason is one wording of a problem, in English and Indonesian.
type reason struct{ en, id string }

// parseReasons are the reasons behind ParseError codes: those of Parse (what
// people type) and of ParseDecimal (the machine form).
var parseReasons = map[string]reason{
	"long":          {"longer than 64 bytes", "lebih dari 64 byte"},
	"empty":         {"empty", "kosong"},
	"minus":         {"write the minus before Rp: -Rp5.000", "tulis tanda minus sebelum Rp: -Rp5.000"},
	"no_digits":     {"no digits", "tidak ada angka"},
	"first_group":   {"'.' groups thousands: the first group has at most 3 digits (1.250.000)", "'.' memisahkan ribuan: kelompok pertama paling banyak 3 angka (1.250.000)"},
	"leading_zero":  {"a number grouped with '.' cannot start with 0: write 0,50 for half a rupiah or 500 for five hundred", "angka yang dikelompokkan dengan '.' tidak boleh diawali 0: tulis 0,50 untuk setengah rupiah atau 500 untuk lima ratus"},
	"group":         {"'.' groups thousands and must be followed by exactly 3 digits; the decimal separator is ','", "'.' memisahkan ribuan dan harus diikuti tepat 3 angka; pemisah desimal adalah ','"},
	"sen":           {"more than 2 decimal digits after ','", "lebih dari 2 angka desimal setelah ','"},
	"comma":         {"',' must be followed by 1 or 2 digits or by '-'", "',' harus diikuti 1 atau 2 angka atau '-'"},
	"comma_twice":   {"',' is the decimal separator and can appear once, before at most 2 digits", "',' adalah pemisah desimal dan hanya boleh muncul sekali, sebelum paling banyak 2 angka"},
	"dot":           {"'.' groups thousands in threes", "'.' memisahkan ribuan per 3 angka"},
	"sign":          {"a sign may only lead the amount", "tanda + atau - hanya boleh di depan"},
	"unexpected":    {"unexpected {detail} (amounts look like Rp1.250.000 or 1250000,50)", "karakter {detail} tidak sah (contoh penulisan: Rp1.250.000 atau 1250000,50)"},
	"digits":        {"more than 30 digits", "lebih dari 30 angka"},
	"nan":           {"not a number", "bukan angka"},
	"exponent":      {"exponents are not allowed", "eksponen tidak diperbolehkan"},
	"grouping":      {"write digits with '.' before at most 2 decimals, without grouping", "tulis angka dengan '.' sebelum paling banyak 2 desimal, tanpa pemisah ribuan"},
	"char":          {"unexpected character", "ada karakter yang tidak sah"},
	"decimals":      {"more than 2 decimal places", "lebih dari 2 angka desimal"},
	"rate_decimals": {"more than 9 decimal places", "lebih dari 9 angka desimal"},
}

func parseErr(input, code, detail string) *ParseError {
	r := parseReasons[code]
	return &ParseError{Input: input, Code: code, Reason: strings.Replace(r.en, "{detail}", detail, 1), detail: detail}
}

// ReasonIn returns what is wrong with the input, without the input, in
// language l: the part a caller puts after its own field name.
func (e *ParseError) ReasonIn(l Lang) string {
	r, ok := parseReasons[e.Code]
	if !ok {
		return pick(l, e.Reason, "jumlah uang tidak sah")
	}
	return strings.Replace(pick(l, r.en, r.id), "{detail}", e.detail, 1)
}

// Message returns the error in language l: the input quoted (abbreviated
// when long) and what is wrong with it.
func (e *ParseError) Message(l Lang) string {
	return pick(l, "invalid amount ", "jumlah uang tidak sah ") + msg.Quote(e.Input) + ": " + e.ReasonIn(l)
}

// argReasons translate the reasons ArgError carries. A reason matches an
// entry when it starts with the entry's English text; the rest (a value
// such as the unit price in "must be in [0, unit price 185000]") is kept.
var argReasons = []reason{
	{"must be in [0, goods after line discounts ", "harus dalam [0, nilai barang setelah diskon baris "},
	{"must be in [0, unit price ", "harus dalam [0, harga satuan "},
	{"must be in [0, modulus ", "harus dalam [0, modulus "},
	{"must be in [-1, 1) (a margin of 100% has no price)", "harus dalam [-1, 1) (margin 100% tidak punya harga)"},
	{"must be in [0, 1]", "harus dalam [0, 1]"},
	{"must be a fraction in [0, 1] (0.065 for 6.5%)", "harus pecahan dalam [0, 1] (0.065 untuk 6,5%)"},
	{"must be a fraction in [0, 10]", "harus pecahan dalam [0, 10]"},
	{"must be a fraction in (0, 1] with a denominator up to 1,000,000", "harus pecahan dalam (0, 1] dengan penyebut paling besar 1.000.000"},
	{"must be above -1 (-100%)", "harus lebih dari -1 (-100%)"},
	{"must be above the previous tier's ", "harus lebih besar dari tingkat sebelumnya: "},
	{"must be below the previous tier's ", "harus lebih kecil dari tingkat sebelumnya: "},
	{"is below the first tier's minimum of ", "di bawah jumlah minimal tingkat pertama: "},
	{"must be a multiple of step ", "harus kelipatan langkah "},
	{"is not a multiple of step ", "bukan kelipatan langkah "},
	{"is too large to share a discount over", "terlalu besar untuk membagi diskon"},
	{"has more than 9 decimals", "lebih dari 9 angka desimal"},
	{"must be positive (or give tiers)", "harus lebih dari 0 (atau isi tingkat harga)"},
	{"must be positive", "harus lebih dari 0"},
	{"must be at least 1", "minimal 1"},
	{"must be >= 0", "tidak boleh negatif"},
	{"must not be empty", "tidak boleh kosong"},
	{"need a positive sum", "jumlahnya harus lebih dari 0"},
	{"need at least one item", "minimal satu item"},
	{"need at least one line", "minimal satu baris"},
	{"need at least one share", "minimal satu bagian"},
	{"need at least one tier", "minimal satu tingkat harga"},
	{"need at least one weight", "minimal satu bobot"},
	{"unknown rounding mode; use half_up, half_even, down or up", "cara pembulatan tidak dikenal; pilihan: half_up, half_even, down, up"},
	{"unknown rounding mode", "cara pembulatan tidak dikenal"},
	{"unknown tax; use ppn or ppn_luxury, or an object with name, numerator and denominator", "pajak tidak dikenal; pilihan: ppn atau ppn_luxury, atau objek berisi name, numerator, dan denominator"},
	{"a custom tax has no text form; it travels in JSON as an object", "pajak buatan sendiri tidak punya bentuk teks; di JSON ditulis sebagai objek"},
	{"appears twice", "muncul dua kali"},
	{"unknown key", "kunci tidak dikenal"},
	{"repeated key", "kunci muncul lebih dari sekali"},
	{"is required", "wajib diisi"},
	{"null is not a value: leave the key out or give a value", "null bukan nilai: hapus kuncinya atau isi nilainya"},
	{"unknown tax", "pajak tidak dikenal"},
	{"wrong JSON type", "jenis nilai JSON salah"},
	{"not well-formed JSON", "JSON tidak tersusun dengan benar"},
	{"more than 30 digits", "lebih dari 30 angka"},
	{"has more digits than an amount may", "lebih banyak angka daripada yang diizinkan untuk jumlah uang"},
}

// Message returns the error in language l: the field (a path such as
// "lines[2].discount"), its value and why it is refused. A reason without an
// Indonesian wording gets a general sentence rather than English.
func (e *ArgError) Message(l Lang) string {
	if l != Indonesian {
		return e.Field + " = " + e.Value + ": " + e.Reason
	}
	for _, r := range argReasons {
		if rest, ok := strings.CutPrefix(e.Reason, r.en); ok {
			return e.Field + " = " + e.Value + ": " + r.id + rest
		}
	}
	if pe, ok := e.Err.(*ParseError); ok {
		return e.Field + " = " + e.Value + ": " + pe.ReasonIn(l)
	}
	return e.Field + " = " + e.Value + ": nilai tidak sah"
}
