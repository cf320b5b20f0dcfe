package batik

import "github.com/batikkit/batikkit/internal/msg"

// code is a reason a FieldError gives: the index of its entry in texts, so
// a code used in code always has both languages. A validation rule's code
// is its struct tag ("gte", "technique"), which TestCatalogue checks has
// an entry.
type code uint16

const (
	// Reading CSV.
	codeEmpty code = iota
	codeSeparator
	codeSeparatorOption
	codeColumns // {0}: cells in the header, {1}: MaxColumns
	codeColumn  // {0}: the columns a header may name, {1}: the separator, quoted
	codeMissing // {0}: the column's first Indonesian name, quoted
	codeRepeated
	codeUnnamed // {0}: the value, quoted
	codeFields  // {0}: cells in the row, {1}: cells in the header
	codeCSVQuote
	codeUTF8
	codeUTF16
	codeUTF8Not1252
	codeCP1252
	codeInt
	codeConflict    // {0}: the earlier value, quoted
	codeDuplicate   // an ID given twice
	codeDuplicateAt // {0}: the index of the element that gave it first
	codeMaxItems    // {0}: MaxCapabilities; also the struct tag of Producer.Capabilities
	codeAmount      // an amount pricing refused without a reason of its own (the others' codes are "amount_" and pricing's)

	// Reading JSON.
	codeJSONUTF8
	codeJSONSyntax
	codeJSONArray
	codeJSONUnclosed
	codeJSONTrailing
	codeJSONUnknown
	codeJSONCase // {0}: the key as the field spells it, quoted
	codeJSONDuplicate
	codeJSONNull
	codeJSONInteger
	codeJSONText
	codeJSONList
	codeJSONObject
	codeJSONBool
	codeJSONAmount

	// Validation: each code is the rule's struct tag.
	codeRequired
	codeVisible
	codeTrimmed
	codePlaintext
	codeNotFormula
	codeMax // {0}: the most characters
	codeMin // {0}: the fewest items
	codeGT  // {0}: the bound
	codeGTE
	codeLTE
	codeDMin // {0}: the bound in rupiah
	codeDMax
	codeRupiah
	codeNIB
	codeRegion
	codeGTIN
	codeSKU
	codeIdent
	codeUnique
	codeNotBatik          // {0}: the phrase that claims batik
	codeBatikmarkPrinting //
	codeBatikmarkTech     // {0}: the technique the label certifies

	// Enums: the code of a value no spelling table holds is its kind,
	// which is also the struct tag of the fields of that kind.
	codeTechnique
	codeGrade
	codeFabric
	codeDye
	codeForm
	codeStyle
	codeBatikmark
	codeLanguage

	// Dates.
	codeDate
	codeDateYear
	codeDateMonthRange
	codeDateMonth // {0}: the month read
	codeDateDay   // {0}: the days of that month
	codeDateTime

	// The parts of aggregate messages.
	codeAtLine  // {0}: the line
	codeAtCell  // {0}: the line, {1}: the column
	codeAndMore // {0}: how many
	codeOmitted // {0}: how many, {1}: MaxProblems
	codeInvalid // {0}: a code without an entry

	numCodes
)

// texts is the catalogue: what each code says, in English and in
// Indonesian. The Indonesian holds no English but the names the input
// itself uses (JSON keys, header cells, option names).
var texts = [numCodes]msg.Text{
	codeEmpty:           {Code: "empty", EN: "the input has no header row", ID: "masukan tidak berisi baris judul"},
	codeSeparator:       {Code: "separator", EN: "cannot tell the separator from the header line (as many ';' as ',' or tabs): pass ReadOptions.Comma", ID: "pemisah kolom tidak dapat ditentukan dari baris judul (jumlah ';', ',' atau tab sama): isi ReadOptions.Comma"},
	codeSeparatorOption: {Code: "separator_option", EN: "must be ',', ';' or a tab", ID: "harus ',', ';' atau tab"},
	codeColumns:         {Code: "columns", EN: "the header has {0} columns; at most {1} are read", ID: "baris judul berisi {0} kolom; paling banyak {1} kolom yang dibaca"},
	codeColumn:          {Code: "column", EN: "unknown column (known columns: {0}; separator {1})", ID: "kolom tidak dikenal (kolom yang dikenal: {0}; pemisah {1})"},
	codeMissing:         {Code: "missing", EN: "required column is missing from the header (also named {0})", ID: "kolom wajib tidak ada di baris judul (nama lainnya {0})"},
	codeRepeated:        {Code: "repeated", EN: "repeats column {0} (the same column under two names)", ID: "mengulang kolom {0} (kolom yang sama dengan dua nama)"},
	codeUnnamed:         {Code: "unnamed", EN: "a column without a name in the header holds {0}: name the column or empty it", ID: "kolom tanpa nama di baris judul berisi {0}: beri nama kolomnya atau kosongkan"},
	codeFields:          {Code: "fields", EN: "the row has {0} cells, the header {1}", ID: "baris berisi {0} sel, baris judul {1}"},
	codeCSVQuote:        {Code: "csv_quote", EN: "a quote is not closed or stands inside a cell", ID: "tanda kutip tidak ditutup atau berada di dalam sel"},
	codeUTF8:            {Code: "utf8", EN: `the text is not UTF-8: save the file as "CSV UTF-8" (or read it with ReadOptions.Windows1252)`, ID: `teks bukan UTF-8: simpan berkas sebagai "CSV UTF-8" (atau baca dengan ReadOptions.Windows1252)`},
	codeUTF16:           {Code: "utf16", EN: `the file is UTF-16 (Excel's "Unicode Text"): save it as "CSV UTF-8"`, ID: `berkas ini UTF-16 ("Unicode Text" dari Excel): simpan sebagai "CSV UTF-8"`},
	codeUTF8Not1252:     {Code: "utf8_not_1252", EN: "the file is UTF-8, not Windows-1252: read it without ReadOptions.Windows1252", ID: "berkas ini UTF-8, bukan Windows-1252: baca tanpa ReadOptions.Windows1252"},
	codeCP1252:          {Code: "cp1252", EN: "a byte here has no character in Windows-1252 (0x81, 0x8D, 0x8F, 0x90 or 0x9D): check the file's encoding", ID: "ada bita tanpa karakter Windows-1252 di sini (0x81, 0x8D, 0x8F, 0x90 atau 0x9D): periksa pengodean berkas"},
	codeInt:             {Code: "int", EN: "must be a whole number without separators", ID: "harus bilangan bulat tanpa pemisah ribuan"},
	codeConflict:        {Code: "conflict", EN: "differs from {0} on an earlier row of the same producer", ID: "berbeda dari {0} di baris sebelumnya untuk produsen yang sama"},
	codeDuplicate:       {Code: "duplicate", EN: "appears more than once", ID: "muncul lebih dari sekali"},
	codeDuplicateAt:     {Code: "duplicate_at", EN: "appears more than once (first at [{0}])", ID: "muncul lebih dari sekali (pertama di [{0}])"},
	codeAmount:          {Code: "amount", EN: "not an amount", ID: "bukan jumlah uang"},
	codeMaxItems:        {Code: "max_items", EN: "at most {0} capabilities a producer", ID: "paling banyak {0} kemampuan per produsen"},

	codeJSONUTF8:      {Code: "json_utf8", EN: `the text is not UTF-8 here (a byte or a \u escape that is no character)`, ID: `teks di sini bukan UTF-8 (bita atau escape \u yang bukan karakter)`},
	codeJSONSyntax:    {Code: "json_syntax", EN: "the JSON is not well formed here", ID: "JSON tidak tersusun dengan benar di sini"},
	codeJSONArray:     {Code: "json_array", EN: "the input must be a JSON array of records", ID: "masukan harus berupa larik JSON berisi rekaman"},
	codeJSONUnclosed:  {Code: "json_unclosed", EN: "the array is not closed", ID: "larik tidak ditutup"},
	codeJSONTrailing:  {Code: "json_trailing", EN: "data after the closing ]", ID: "ada data setelah tanda ] penutup"},
	codeJSONUnknown:   {Code: "json_unknown", EN: "unknown key", ID: "kunci tidak dikenal"},
	codeJSONCase:      {Code: "json_case", EN: "unknown key: write it {0}", ID: "kunci tidak dikenal: tulis {0}"},
	codeJSONDuplicate: {Code: "json_duplicate", EN: "the key appears more than once", ID: "kunci muncul lebih dari sekali"},
	codeJSONNull:      {Code: "json_null", EN: "null is not a value; leave the key out or give a value", ID: "null bukan nilai; hapus kuncinya atau isi nilainya"},
	codeJSONInteger:   {Code: "json_type_integer", EN: "must be a whole number", ID: "harus bilangan bulat"},
	codeJSONText:      {Code: "json_type_text", EN: "must be text (a JSON string)", ID: "harus teks (string JSON)"},
	codeJSONList:      {Code: "json_type_list", EN: "must be a list (a JSON array)", ID: "harus daftar (larik JSON)"},
	codeJSONObject:    {Code: "json_type_object", EN: "must be a JSON object", ID: "harus objek JSON"},
	codeJSONBool:      {Code: "json_type_bool", EN: "must be true or false", ID: "harus true atau false"},
	codeJSONAmount:    {Code: "json_type_amount", EN: `must be an amount such as "85000.50"`, ID: `harus jumlah uang seperti "85000.50"`},

	codeRequired:          {Code: "required", EN: "is required", ID: "wajib diisi"},
	codeVisible:           {Code: "visible", EN: "must be UTF-8 text with a visible character and no control or direction characters", ID: "harus teks UTF-8 yang berisi huruf terlihat, tanpa karakter kendali atau pengarah teks"},
	codeTrimmed:           {Code: "trimmed", EN: "must not begin or end with a space", ID: "tidak boleh diawali atau diakhiri spasi"},
	codePlaintext:         {Code: "plaintext", EN: "must be UTF-8 text without control or direction characters", ID: "harus teks UTF-8 tanpa karakter kendali atau pengarah teks"},
	codeNotFormula:        {Code: "notformula", EN: "must not start with = + - or @ (a spreadsheet would run it as a formula)", ID: "tidak boleh diawali = + - atau @ (spreadsheet akan menjalankannya sebagai rumus)"},
	codeMax:               {Code: "max", EN: "is too long: at most {0} characters", ID: "terlalu panjang: maksimal {0} karakter"},
	codeMin:               {Code: "min", EN: "must have at least {0} item", ID: "harus berisi minimal {0} item"},
	codeGT:                {Code: "gt", EN: "must be greater than {0}", ID: "harus lebih dari {0}"},
	codeGTE:               {Code: "gte", EN: "must be at least {0}", ID: "minimal {0}"},
	codeLTE:               {Code: "lte", EN: "must be at most {0}", ID: "maksimal {0}"},
	codeDMin:              {Code: "dmin", EN: "must be at least Rp{0}", ID: "minimal Rp{0}"},
	codeDMax:              {Code: "dmax", EN: "must be at most Rp{0}", ID: "maksimal Rp{0}"},
	codeRupiah:            {Code: "rupiah", EN: "must have at most 2 decimal places", ID: "maksimal 2 angka di belakang koma"},
	codeNIB:               {Code: "nib", EN: "must be a NIB of exactly 13 digits", ID: "harus NIB 13 angka"},
	codeRegion:            {Code: "region", EN: "must be a Kemendagri region code such as 33.72", ID: "harus kode wilayah Kemendagri seperti 33.72"},
	codeGTIN:              {Code: "gtin", EN: "is not a valid GTIN (8, 12, 13 or 14 digits ending in a GS1 check digit)", ID: "bukan GTIN yang sah (8, 12, 13, atau 14 angka dengan digit periksa GS1)"},
	codeSKU:               {Code: "sku", EN: "may hold only letters, digits and . _ / - and must start with a letter or digit", ID: "hanya boleh berisi huruf, angka, dan . _ / - serta diawali huruf atau angka"},
	codeIdent:             {Code: "ident", EN: "may hold only letters, digits and . _ / - and must start with a letter or digit", ID: "hanya boleh berisi huruf, angka, dan . _ / - serta diawali huruf atau angka"},
	codeUnique:            {Code: "unique", EN: "this technique is listed more than once for this producer", ID: "teknik ini tercantum lebih dari sekali untuk produsen ini"},
	codeNotBatik:          {Code: "notbatik", EN: `claims "{0}" but the technique is printing: printed cloth is tiruan batik (SNI 8184:2015) and must not be sold as batik`, ID: `menyebut "{0}" padahal tekniknya printing: kain cetak adalah tiruan batik (SNI 8184:2015) dan tidak boleh dijual sebagai batik`},
	codeBatikmarkPrinting: {Code: "batikmark_printing", EN: "a printed product cannot carry a Batikmark label", ID: "produk printing tidak boleh memakai label Batikmark"},
	codeBatikmarkTech:     {Code: "batikmark_technique", EN: "the Batikmark label certifies batik {0}, not this product's technique", ID: "label Batikmark ini hanya untuk batik {0}, tidak cocok dengan teknik produk ini"},

	codeTechnique: {Code: "technique", EN: "unknown technique (want tulis, cap, kombinasi or printing)", ID: "teknik tidak dikenal (pilihan: tulis, cap, kombinasi, printing)"},
	codeGrade:     {Code: "grade", EN: "unknown grade (want halus, sedang or kasar)", ID: "mutu tidak dikenal (pilihan: halus, sedang, kasar)"},
	codeFabric:    {Code: "fabric", EN: "unknown fabric", ID: "jenis kain tidak dikenal"},
	codeDye:       {Code: "dye", EN: "unknown dye class (want alam, sintetis or campuran)", ID: "jenis pewarna tidak dikenal (pilihan: alam, sintetis, campuran)"},
	codeForm:      {Code: "form", EN: "unknown form", ID: "bentuk produk tidak dikenal"},
	codeStyle:     {Code: "style", EN: "unknown regional style", ID: "gaya daerah tidak dikenal"},
	codeBatikmark: {Code: "batikmark", EN: "unknown Batikmark label (want emas, putih or perak)", ID: "label Batikmark tidak dikenal (pilihan: emas, putih, perak)"},
	codeLanguage:  {Code: "language", EN: "unknown language (want en or id)", ID: "bahasa tidak dikenal (pilihan: en, id)"},

	codeDate:           {Code: "date", EN: "not a date; write " + DateForms, ID: "bukan tanggal; tulis " + dateFormsID},
	codeDateYear:       {Code: "date_year", EN: "the year must be in [1, 9999]", ID: "tahun harus dalam [1, 9999]"},
	codeDateMonthRange: {Code: "date_month_range", EN: "the month must be in [1, 12]", ID: "bulan harus dalam [1, 12]"},
	codeDateMonth:      {Code: "date_month", EN: "month {0} does not exist: dates are read day first; write " + DateForms, ID: "bulan {0} tidak ada: tanggal dibaca hari dulu; tulis " + dateFormsID},
	codeDateDay:        {Code: "date_day", EN: "the day must be in [1, {0}] for that month", ID: "hari harus dalam [1, {0}] untuk bulan itu"},
	codeDateTime:       {Code: "date_time", EN: "a due date is a day, not a time; write " + DateForms, ID: "tenggat adalah hari, bukan jam; tulis " + dateFormsID},

	codeAtLine:  {Code: "at_line", EN: "line {0}", ID: "baris {0}"},
	codeAtCell:  {Code: "at_cell", EN: "line {0}, column {1}", ID: "baris {0}, kolom {1}"},
	codeAndMore: {Code: "and_more", EN: "and {0} more", ID: "dan {0} lagi"},
	codeOmitted: {Code: "omitted", EN: "and {0} more problems not listed (only the first {1} are)", ID: "dan {0} masalah lain yang tidak dicantumkan (hanya {1} pertama yang dicantumkan)"},
	codeInvalid: {Code: "invalid", EN: "breaks the rule {0}", ID: "melanggar aturan {0}"},
}

// dateFormsID is DateForms in Indonesian.
const dateFormsID = "TTTT-BB-HH (2026-12-21), HH/BB/TTTT (21/12/2026) atau HH-BB-TTTT (21-12-2026)"

// reason returns the text of the code named c in l with args; a code
// without an entry gives a sentence naming it.
func reason(l Lang, c string, args []string) string {
	if c == "" {
		return ""
	}
	t, ok := msg.Find(texts[:], c)
	if !ok {
		return texts[codeInvalid].Format(l, c)
	}
	return t.Format(l, args...)
}
