package batik

import (
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/pricing"
)

// ValidationError lists every field of a record that broke a rule, in the
// order the fields appear in the struct (tag rules first, then the rules
// that span fields). It unwraps to ErrInvalid.
type ValidationError struct {
	Fields []FieldError
}

// Error joins the English messages of the first five fields and counts
// the rest, so that it is bounded however many fields fail.
func (e *ValidationError) Error() string {
	const show = 5
	var b strings.Builder
	b.WriteString("batik: invalid record: ")
	for i, f := range e.Fields {
		if i == show {
			b.WriteString("; and " + strconv.Itoa(len(e.Fields)-show) + " more")
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Message(English))
	}
	return b.String()
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

	amount *pricing.ParseError // for an amount refused by pricing: its reason in both languages
}

// Error returns the English message.
func (f FieldError) Error() string { return f.Message(English) }

// Message returns the message in language l (English for an unknown Lang).
// Every rule this package uses has its own wording in both languages; an
// unlisted tag still gets a sentence naming the field, the rule and the value.
func (f FieldError) Message(l Lang) string {
	if f.amount != nil {
		got := ", got "
		if l == Indonesian {
			got = ", isinya "
		}
		return f.Field + ": " + f.amount.ReasonIn(l) + got + f.Value
	}
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
	"empty":             {"the input has no header row", "masukan tidak berisi baris judul"},
	"separator":         {"cannot tell the separator from the header line (as many ';' as ',' or tabs): pass ReadOptions.Comma", "pemisah kolom tidak dapat ditentukan dari baris judul (jumlah ';', ',' atau tab sama): isi ReadOptions.Comma"},
	"separator_option":  {"the separator must be ',', ';' or a tab, got {value}", "pemisah kolom harus ',', ';' atau tab, isinya {value}"},
	"column":            {"unknown column {value} (known columns: {param})", "kolom {value} tidak dikenal (kolom yang dikenal: {param})"},
	"missing":           {"required column {value} ({param}) is missing from the header", "kolom wajib {param} ({value}) tidak ada di baris judul"},
	"repeated":          {"column {value} repeats column {param} (the same column under two names)", "kolom {value} mengulang kolom {param} (kolom yang sama dengan dua nama)"},
	"unnamed":           {"a column without a name in the header holds {value}: name the column or empty it", "kolom tanpa nama di baris judul berisi {value}: beri nama kolomnya atau kosongkan"},
	"fields":            {"row has {value} fields, the header has {param}", "baris berisi {value} kolom, baris judul berisi {param}"},
	"csv":               {"cannot read this row as CSV", "baris ini tidak dapat dibaca sebagai CSV"},
	"csv_quote":         {"a quote is not closed or stands inside an unquoted field", "tanda kutip tidak ditutup atau berada di dalam kolom tanpa kutip"},
	"utf8":              {"the text is not UTF-8: save the file as \"CSV UTF-8\" (or read it with ReadOptions.Windows1252)", "teks bukan UTF-8: simpan berkas sebagai \"CSV UTF-8\" (atau baca dengan ReadOptions.Windows1252)"},
	"json_syntax":       {"the JSON is not well formed here", "JSON tidak tersusun dengan benar di sini"},
	"json_array":        {"the input must be a JSON array of records", "masukan harus berupa larik JSON berisi rekaman"},
	"json_truncated":    {"the input ends inside this element", "masukan berakhir di tengah elemen ini"},
	"json_unclosed":     {"the array is not closed", "larik tidak ditutup"},
	"json_trailing":     {"data after the closing ]", "ada data setelah tanda ] penutup"},
	"json_unknown":      {"unknown key {value}", "kunci {value} tidak dikenal"},
	"json_case":         {"unknown key {value}: write it {param}", "kunci {value} tidak dikenal: tulis {param}"},
	"json_duplicate":    {"key {value} appears more than once", "kunci {value} muncul lebih dari sekali"},
	"json_null":         {"{field}: null is not a value; leave the key out or give a value", "{field}: null bukan nilai; hapus kuncinya atau isi nilainya"},
	"json_type_integer": {"{field} must be a whole number", "{field} harus bilangan bulat"},
	"json_type_text":    {"{field} must be text (a JSON string)", "{field} harus teks (string JSON)"},
	"json_type_list":    {"{field} must be a list (a JSON array)", "{field} harus daftar (larik JSON)"},
	"json_type_object":  {"{field} must be a JSON object", "{field} harus objek JSON"},
	"json_type_bool":    {"{field} must be true or false", "{field} harus true atau false"},
	"json_type_amount":  {"{field} must be an amount such as \"85000.50\"", "{field} harus jumlah uang seperti \"85000.50\""},
	"int":               {"{field} must be a whole number without separators, got {value}", "{field} harus bilangan bulat tanpa pemisah ribuan, isinya {value}"},
	"date":              {"{field} must be a date: " + DateForms + "; got {value}", "{field} harus tanggal: TTTT-BB-HH (2026-12-21), HH/BB/TTTT (21/12/2026) atau HH-BB-TTTT (21-12-2026); isinya {value}"},
	"conflict":          {"{field}: {value} differs from {param} on an earlier row of the same producer", "{field}: {value} berbeda dari {param} di baris sebelumnya untuk produsen yang sama"},
	"duplicate":         {"{field}: {value} appears more than once", "{field}: {value} muncul lebih dari sekali"},
	"max_items":         {"{field}: at most {param} capabilities a producer, got {value}", "{field}: paling banyak {param} kemampuan per produsen, isinya {value}"},
	"visible":           {"{field} must be UTF-8 text with a visible character and no control or direction characters, got {value}", "{field} harus teks UTF-8 yang berisi huruf terlihat, tanpa karakter kendali atau pengarah teks, isinya {value}"},
	"plaintext":         {"{field} must be UTF-8 text without control or direction characters, got {value}", "{field} harus teks UTF-8 tanpa karakter kendali atau pengarah teks, isinya {value}"},
	"notformula":        {"{field} must not start with = + - or @ (a spreadsheet would run it as a formula), got {value}", "{field} tidak boleh diawali = + - atau @ (spreadsheet akan menjalankannya sebagai rumus), isinya {value}"},
	"required":          {"{field} is required", "{field} wajib diisi"},
	"notblank":          {"{field} must not be blank, got {value}", "{field} tidak boleh kosong, isinya {value}"},
	"max":               {"{field} is too long: at most {param} characters, got {value}", "{field} terlalu panjang: maksimal {param} karakter, isinya {value}"},
	"min":               {"{field} needs at least {param} item, got {value}", "{field} harus berisi minimal {param} item, isinya {value}"},
	"gt":                {"{field} must be greater than {param}, got {value}", "{field} harus lebih dari {param}, isinya {value}"},
	"gte":               {"{field} must be at least {param}, got {value}", "{field} minimal {param}, isinya {value}"},
	"lte":               {"{field} must be at most {param}, got {value}", "{field} maksimal {param}, isinya {value}"},
	"dmin":              {"{field} must be at least Rp{param}, got {value}", "{field} minimal Rp{param}, isinya {value}"},
	"dmax":              {"{field} must be at most Rp{param}, got {value}", "{field} maksimal Rp{param}, isinya {value}"},
	"rupiah":            {"{field} must have at most 2 decimal places, got {value}", "{field} maksimal 2 angka di belakang koma, isinya {value}"},
	"technique": {"{field}: unknown technique {value} (want tulis, cap, kombinasi or printing)",
		"{field}: teknik {value} tidak dikenal (pilihan: tulis, cap, kombinasi, printing)"},
	"grade": {"{field}: unknown grade {value} (want halus, sedang or kasar)",
		"{field}: mutu {value} tidak dikenal (pilihan: halus, sedang, kasar)"},
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
