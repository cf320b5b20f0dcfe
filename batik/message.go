package batik

import "strings"

// ValidationError lists every field of a record that broke a rule, in the
// order the fields appear in the struct (tag rules first, then the rules
// that span fields). It unwraps to ErrInvalid.
type ValidationError struct {
	Fields []FieldError
}

// Error joins every field's English message.
func (e *ValidationError) Error() string {
	return "batik: invalid record: " + strings.Join(e.Messages(English), "; ")
}

// Unwrap returns ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Messages returns one message per failing field in the language l.
func (e *ValidationError) Messages(l Lang) []string {
	out := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		out[i] = f.Message(l)
	}
	return out
}

// FieldError is one broken rule.
type FieldError struct {
	Field string // JSON path of the field, e.g. "capabilities[1].per_week"
	Tag   string // the rule that failed, e.g. "gte", "nib", "technique"
	Param string // the rule's parameter, e.g. "0" for gte=0; "" if none
	Value string // the offending value as shown in messages (strings quoted, long ones abbreviated)
}

// Error returns the English message.
func (f FieldError) Error() string { return f.Message(English) }

// Message returns the message in language l (English for an unknown Lang).
// Every rule this package uses has its own wording in both languages; an
// unlisted tag still gets a sentence naming the field, the rule and the value.
func (f FieldError) Message(l Lang) string {
	m, ok := messages[f.Tag]
	if !ok {
		m = fallbackMessage
	}
	tmpl := m.en
	if l == Indonesian {
		tmpl = m.id
	}
	return strings.NewReplacer("{field}", f.Field, "{param}", f.Param, "{value}", f.Value, "{tag}", f.Tag).Replace(tmpl)
}

type message struct{ en, id string }

var fallbackMessage = message{
	en: "{field} fails the rule {tag} {param} with {value}",
	id: "{field} tidak memenuhi aturan {tag} {param} dengan nilai {value}",
}

// messages holds the wording of every rule the package checks. The test
// TestEveryTagHasMessages keeps it complete.
var messages = map[string]message{
	// Reading CSV and JSON.
	"empty":           {"the input has no header row", "masukan tidak berisi baris judul"},
	"column":          {"{field}: unknown column {value} (known columns: {param})", "{field}: kolom {value} tidak dikenal (kolom yang dikenal: {param})"},
	"missing":         {"{field}: required column is missing from the header", "{field}: kolom wajib tidak ada di baris judul"},
	"repeated":        {"{field}: column appears twice in the header", "{field}: kolom muncul dua kali di baris judul"},
	"fields":          {"row has {value} fields, the header has {param}", "baris berisi {value} kolom, baris judul berisi {param}"},
	"csv":             {"cannot read CSV: {param}", "CSV tidak dapat dibaca: {param}"},
	"csv_quote":       {"a quote is not closed or stands inside an unquoted field", "tanda kutip tidak ditutup atau berada di dalam kolom tanpa kutip"},
	"json":            {"cannot read JSON: {param}", "JSON tidak dapat dibaca: {param}"},
	"int":             {"{field} must be a whole number without separators, got {value}", "{field} harus bilangan bulat tanpa pemisah ribuan, isinya {value}"},
	"amount_empty":    {"{field}: an amount is required", "{field}: jumlah uang wajib diisi"},
	"amount_exponent": {"{field}: exponents are not allowed in an amount, got {value}", "{field}: jumlah uang tidak boleh memakai eksponen, isinya {value}"},
	"amount_grouping": {"{field}: write the amount as digits with '.' before at most 2 decimals, without grouping, got {value}", "{field}: tulis jumlah uang sebagai angka dengan '.' sebelum maksimal 2 desimal, tanpa pemisah ribuan, isinya {value}"},
	"amount_char":     {"{field}: unexpected character in amount {value}", "{field}: ada karakter yang tidak sah di jumlah uang {value}"},
	"amount_digits":   {"{field}: amount {value} has more than 30 digits", "{field}: jumlah uang {value} lebih dari 30 angka"},
	"amount_nan":      {"{field}: {value} is not a number", "{field}: {value} bukan angka"},
	"amount_decimals": {"{field}: amount {value} has more than 2 decimal places (write 12500, not 12.500)", "{field}: jumlah uang {value} lebih dari 2 angka desimal (tulis 12500, bukan 12.500)"},
	"date":            {"{field} must be a date YYYY-MM-DD or an RFC 3339 time, got {value}", "{field} harus tanggal TTTT-BB-HH atau waktu RFC 3339, isinya {value}"},
	"conflict":        {"{field}: {value} differs from {param} on an earlier row of the same producer", "{field}: {value} berbeda dari {param} di baris sebelumnya untuk produsen yang sama"},
	"duplicate":       {"{field}: {value} appears more than once", "{field}: {value} muncul lebih dari sekali"},
	"required":        {"{field} is required", "{field} wajib diisi"},
	"notblank":        {"{field} must not be blank, got {value}", "{field} tidak boleh kosong, isinya {value}"},
	"max":             {"{field} is too long: at most {param} characters, got {value}", "{field} terlalu panjang: maksimal {param} karakter, isinya {value}"},
	"min":             {"{field} needs at least {param} item, got {value}", "{field} harus berisi minimal {param} item, isinya {value}"},
	"gt":              {"{field} must be greater than {param}, got {value}", "{field} harus lebih dari {param}, isinya {value}"},
	"gte":             {"{field} must be at least {param}, got {value}", "{field} minimal {param}, isinya {value}"},
	"lte":             {"{field} must be at most {param}, got {value}", "{field} maksimal {param}, isinya {value}"},
	"dmin":            {"{field} must be at least Rp{param}, got {value}", "{field} minimal Rp{param}, isinya {value}"},
	"dmax":            {"{field} must be at most Rp{param}, got {value}", "{field} maksimal Rp{param}, isinya {value}"},
	"rupiah":          {"{field} must have at most 2 decimal places, got {value}", "{field} maksimal 2 angka di belakang koma, isinya {value}"},
	"technique": {"{field}: unknown technique {value} (want tulis, cap, kombinasi or printing)",
		"{field}: teknik {value} tidak dikenal (pilihan: tulis, cap, kombinasi, printing)"},
	"grade": {"{field}: unknown grade {value} (want halus, sedang or kasar)",
		"{field}: grade {value} tidak dikenal (pilihan: halus, sedang, kasar)"},
	"fabric": {"{field}: unknown fabric {value}", "{field}: jenis kain {value} tidak dikenal"},
	"dye":    {"{field}: unknown dye class {value} (want alam, sintetis or campuran)", "{field}: jenis pewarna {value} tidak dikenal (pilihan: alam, sintetis, campuran)"},
	"form":   {"{field}: unknown form {value}", "{field}: bentuk produk {value} tidak dikenal"},
	"style":  {"{field}: unknown regional style {value}", "{field}: gaya daerah {value} tidak dikenal"},
	"batikmark": {"{field}: unknown Batikmark label {value} (want emas, putih or perak)",
		"{field}: label Batikmark {value} tidak dikenal (pilihan: emas, putih, perak)"},
	"nib": {"{field} must be a NIB of exactly 13 digits, got {value}", "{field} harus NIB 13 angka, isinya {value}"},
	"region": {"{field} must be a Kemendagri region code such as 33.72, got {value}",
		"{field} harus kode wilayah Kemendagri seperti 33.72, isinya {value}"},
	"gtin": {"{field} is not a valid GTIN (8, 12, 13 or 14 digits ending in a GS1 check digit), got {value}",
		"{field} bukan GTIN yang sah (8, 12, 13, atau 14 angka dengan digit periksa GS1), isinya {value}"},
	"sku": {"{field} may hold only letters, digits and . _ / - and must start with a letter or digit, got {value}",
		"{field} hanya boleh berisi huruf, angka, dan . _ / - serta diawali huruf atau angka, isinya {value}"},
	"ident": {"{field} may hold only letters, digits and . _ / - and must start with a letter or digit, got {value}",
		"{field} hanya boleh berisi huruf, angka, dan . _ / - serta diawali huruf atau angka, isinya {value}"},
	"unique": {"{field}: technique {value} is listed more than once for this producer",
		"{field}: teknik {value} tercantum lebih dari sekali untuk produsen ini"},
	"notbatik": {"{field} claims \"{param}\" but the technique is printing: printed cloth is tiruan batik (SNI 8184:2015) and must not be sold as batik, got {value}",
		"{field} menyebut \"{param}\" padahal tekniknya printing: kain cetak adalah tiruan batik (SNI 8184:2015) dan tidak boleh dijual sebagai batik, isinya {value}"},
	"batikmark_printing": {"{field}: a printed product cannot carry a Batikmark label, got {value}",
		"{field}: produk printing tidak boleh memakai label Batikmark, isinya {value}"},
	"batikmark_technique": {"{field}: Batikmark label {value} certifies batik {param}, not this product's technique",
		"{field}: label Batikmark {value} hanya untuk batik {param}, tidak cocok dengan teknik produk ini"},
}
