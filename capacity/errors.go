package capacity

import (
	"errors"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/pricing"
)

// Sentinel errors. Every error the package returns wraps one of them.
var (
	// ErrInvalid is wrapped by every *InputError about bad input.
	ErrInvalid = errors.New("capacity: invalid input")
	// ErrOverflow is wrapped when capacities, quantities or costs are too
	// large to add or multiply exactly.
	ErrOverflow = errors.New("capacity: overflow")
)

// InputError names the input that is wrong: the field as a path
// ("producers[3].capabilities[0].per_week", "opts.weeks"), its value and
// why. It unwraps to ErrInvalid or ErrOverflow (the ledger's: also
// ErrNotFound for an unknown key, ErrConflict for a wrong state or a key
// reused for another request), and to the underlying error
// when there is one (a *batik.ValidationError for an order that fails
// Validate), so errors.Is and errors.As see both. It has the shape of every
// typed error in batikkit (pricing.ArgError too): field, value, reason,
// sentinel (Kind) and underlying error (Err).
type InputError struct {
	Field  string // the input, as a path: "producers[3].capabilities[0].per_week", "opts.weeks"
	Value  string // its value as text, abbreviated to 64 bytes
	Reason string // what is wrong, in English (Message gives Indonesian)
	Kind   error  // the sentinel: ErrInvalid, ErrOverflow, ErrNotFound, ErrConflict ...
	Err    error  // the underlying error, if any
}

// Error names the field, the value and the reason.
func (e *InputError) Error() string {
	s := "capacity: " + e.Field
	if e.Value != "" {
		s += " = " + e.Value
	}
	s += ": " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the sentinel (ErrInvalid when Kind is unset) and the
// underlying error.
func (e *InputError) Unwrap() []error {
	kind := e.Kind
	if kind == nil {
		kind = ErrInvalid
	}
	if e.Err != nil {
		return []error{kind, e.Err}
	}
	return []error{kind}
}

func invalid(field, value, reason string) *InputError {
	return &InputError{Field: field, Value: value, Reason: reason, Kind: ErrInvalid}
}

func overflow(field, value, reason string) *InputError {
	return &InputError{Field: field, Value: value, Reason: reason, Kind: ErrOverflow}
}

// maxQuoted is how many bytes of a value a message shows before it
// abbreviates; the full length is always stated.
const maxQuoted = 64

// quote renders a value for a message: Go-quoted, and abbreviated with its
// length when long, so a megabyte ID never becomes a megabyte error.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strconv.Quote(s[:cut]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

// inputReasons translate the reasons InputError carries into Indonesian. A
// reason matches an entry when it starts with the entry's English text; the
// rest (numbers, weeks) is kept.
var inputReasons = [...]struct{ en, id string }{
	{"unknown policy; use proportional, even_share, lowest_cost or fewest_producers", "kebijakan tidak dikenal; pilihan: proportional, even_share, lowest_cost, fewest_producers"},
	{"unknown booking state; use held, confirmed, cancelled or expired", "status pemesanan tidak dikenal; pilihan: held, confirmed, cancelled, expired"},
	{"unknown policy", "kebijakan tidak dikenal"},
	{"unknown booking state", "status pemesanan tidak dikenal"},
	{"unknown shortfall reason", "alasan kekurangan tidak dikenal"},
	{"unknown skip reason", "alasan dilewati tidak dikenal"},
	{"unknown technique", "teknik tidak dikenal"},
	{"unknown grade", "mutu tidak dikenal"},
	{"write an ISO week as YYYY-Www, e.g. 2026-W49", "tulis minggu ISO sebagai TTTT-Wmm, misalnya 2026-W49"},
	{"year must be in [1, 9999]", "tahun harus dalam [1, 9999]"},
	{"ISO year ", "tahun ISO "},
	{"Schedule needs a due date", "Schedule memerlukan tanggal jatuh tempo"},
	{"Schedule needs its first week", "Schedule memerlukan minggu pertamanya"},
	{"is needed with opts.free: the first week to plan on", "wajib diisi bersama opts.free: minggu pertama rencana"},
	{"is before opts.from ", "sebelum opts.from "},
	{"is not the Monday of week ", "bukan hari Senin minggu "},
	{"is listed twice for one producer", "tercantum dua kali untuk satu produsen"},
	{"must be >= 0 (0 means 1)", "tidak boleh negatif (0 berarti 1)"},
	{"must be in [0, 100000000] with at most 2 decimals", "harus dalam [0, 100000000] dengan paling banyak 2 desimal"},
	{"must be in [0, 2147483647]", "harus dalam [0, 2147483647]"},
	{"must be at most ", "paling banyak "},
	{"must not be empty", "tidak boleh kosong"},
	{"must be valid UTF-8", "harus berupa UTF-8 yang sah"},
	{"must not contain a NUL byte", "tidak boleh memuat bita NUL"},
	{"lists an order's slot twice", "mencantumkan slot satu pesanan dua kali"},
	{"changes a slot by more than 2147483647 pieces", "mengubah satu slot lebih dari 2147483647 potong"},
	{"must be in [1, 2147483647]", "harus dalam [1, 2147483647]"},
	{"must be >= 0", "tidak boleh negatif"},
	{"is more than ", "lebih dari "},
	{"order ID appears twice", "kode pesanan muncul dua kali"},
	{"producer ID appears twice", "kode produsen muncul dua kali"},
	{"free capacity of ", "kapasitas kosong "},
	{"the sum of free capacities overflows int64", "jumlah kapasitas kosong terlalu besar untuk dihitung dengan tepat"},
	{"the network would have ", "jaringan akan berisi "},
	{"too many producers", "terlalu banyak produsen"},
	{"unit costs too large for an exact solution", "ongkos per potong terlalu besar untuk penyelesaian yang tepat"},
	{"times the largest unit cost overflows int64", "dikali ongkos terbesar terlalu besar untuk dihitung dengan tepat"},
	{"is not valid", "tidak sah"},
	{"is not an amount", "bukan jumlah uang"},
	{"cannot be decoded", "tidak dapat dibaca"},
}

// inputFragments translate the English that reasons put between values.
var inputFragments = strings.NewReplacer(
	" has weeks 1 to ", " punya minggu 1 sampai ",
	" weeks after opts.from ", " minggu setelah opts.from ",
	" is above 2147483647", " lebih dari 2147483647",
	" weeks overflows int64", " minggu terlalu besar untuk dihitung dengan tepat",
	"times ", "kali ",
	" nodes", " simpul",
	" arcs", " busur",
)

// Message returns the error in language l: the field, its value and why,
// and the underlying error's own message when it has one in l (a
// *batik.ValidationError of an order). A reason without an Indonesian
// wording gets a general sentence rather than English.
func (e *InputError) Message(l pricing.Lang) string {
	if l != pricing.Indonesian {
		return strings.TrimPrefix(e.Error(), "capacity: ")
	}
	s := e.Field
	if e.Value != "" {
		s += " = " + e.Value
	}
	reason := "nilai tidak sah"
	for _, r := range inputReasons {
		if rest, ok := strings.CutPrefix(e.Reason, r.en); ok {
			reason = r.id + inputFragments.Replace(rest)
			break
		}
	}
	s += ": " + reason
	switch u := e.Err.(type) {
	case interface{ Messages(pricing.Lang) []string }:
		if m := u.Messages(l); len(m) > 0 {
			s += ": " + m[0]
			if len(m) > 1 {
				s += " (dan " + strconv.Itoa(len(m)-1) + " lagi)"
			}
		}
	case interface{ Message(pricing.Lang) string }:
		s += ": " + u.Message(l)
	}
	return s
}
