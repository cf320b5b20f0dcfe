// Package batik holds the records of the batik trade, validated to be
// honest and complete: what a product is (Product), who makes it and how
// much a week (Producer, Capability), and what was ordered (Order).
//
// # Techniques and the line between batik and imitation
//
// Batik is a resist-dyeing craft with hot wax (malam) applied by canting
// tulis or canting cap (SNI 0239:2014). Technique has four values: Tulis
// (hand-drawn), Cap (stamped), Kombinasi (both on one cloth) and Printing,
// which covers printed, screen (sablon) and other textiles that only carry
// a batik motif: tiruan batik (SNI 8184:2015), not batik. Technique.IsBatik
// is false for Printing, and Product.Validate refuses a Printing product
// whose name or description presents it as batik ("Batik Tulis Parang",
// "hand-drawn batik", "batik asli" ...: see ClaimsBatik) or that claims a
// Batikmark label. A Batikmark label (Permenperin 74/M-IND/PER/9/2007) must
// match the technique: emas for tulis, putih for cap, perak for kombinasi
// (Technique.Label).
//
// Grade is the quality of the work: Halus (fine), Sedang (medium), Kasar
// (coarse), best first. Grade.AtLeast compares: an order at MinGrade Sedang
// may go to Halus and Sedang producers, never to Kasar ones.
//
// # Enums
//
// Technique, Grade, Fabric, Dye, Form, Style and Label are typed strings.
// Each has Valid, String, MarshalText and UnmarshalText. UnmarshalText
// accepts the canonical value and the spellings people use in spreadsheets,
// in any case and with spaces, '-' or '_' between words ("Batik Tulis",
// "TULIS", "hand-drawn"; "Solo" for Surakarta); empty text gives the zero
// value (which validation then reports where the field is required), and
// anything else is a *FieldError wrapping ErrUnknown, its Field and Code the
// enum's name ("technique", "batikmark"). MarshalText of an
// unknown non-empty value is an error too, so invalid text never travels.
//
// # Validation
//
// Product.Validate, Producer.Validate, Order.Validate and
// Capability.Validate check every rule at once and return a
// *ValidationError listing every failing field, or nil. Each FieldError has
// the JSON path of the field ("capabilities[1].per_week"), the value, the
// rule's struct tag as its Code ("gte", "nib", "technique", "notbatik" ...)
// with the tag's parameter as its argument, and gives its message in
// English or Indonesian (see "Errors"):
//
//	var ve *batik.ValidationError
//	if errors.As(p.Validate(), &ve) {
//		for _, f := range ve.Fields {
//			fmt.Println(f.Message(batik.Indonesian))
//		}
//	}
//
// Rules beyond the field limits: IDs and SKUs use ASCII letters, digits and
// . _ / - only; NIB is 13 digits (ValidNIB); Region is a Kemendagri code
// such as "33.72" (ValidRegion); GTIN carries a GS1 check digit (ValidGTIN);
// amounts have at most 2 decimals; a producer names each technique at most
// once, with PerWeek in [0, MaxQuantity] and UnitCost in [0, MaxUnitCost];
// an order has an ID, a positive Quantity up to MaxQuantity, a known
// technique and a known minimum grade. Validation runs on one
// *validator.Validate built on first use and never changed afterwards: the
// package has no settings a caller can change, and every function is safe
// for concurrent use.
//
// # Text
//
// Free text (Name, Description, Motif) must be valid UTF-8 without control
// characters (line breaks and tabs are allowed in a description or a motif)
// and without bidirectional controls (U+202A..U+202E, U+2066..U+2069,
// U+200E, U+200F, U+061C). A name must not begin or end with white space
// (the CSV readers trim it), must not start with '=', '+', '-' or '@',
// which a spreadsheet runs as a formula, and needs at least one visible
// character: one that is graphic, not white space, not
// Default_Ignorable_Code_Point (Unicode 15.0.0: zero-width spaces and
// joiners, U+034F, variation selectors, the Hangul fillers U+115F, U+1160,
// U+3164, U+FFA0 ...) and not one of U+2800 BRAILLE PATTERN BLANK, U+1D159
// MUSICAL SYMBOL NULL NOTEHEAD and U+16FE4 KHITAN SMALL SCRIPT FILLER,
// which show nothing either. IDs and SKUs are ASCII letters, digits and
// . _ / -, starting with a letter or a digit. These rules live in the
// module's internal/textrule, so that other packages of the module (the
// ledger's keys and producer IDs) can apply the same ones. Enums: only
// empty text means "not stated"; "-" or "_" is an unknown value.
//
// # Amounts
//
// Amounts in records are decimal.Decimal rupiah. There are two grammars,
// both in package pricing:
//
//   - JSON is the machine form, ParseAmount (pricing.ParseDecimal): plain
//     digits with at most two decimals after a '.', "85000.50", as a JSON
//     string or number; exponents ("1e9"), NaN and grouping are refused.
//   - CSV cells are what people type, pricing.Parse: "Rp 450.000",
//     "85.000,50", "450000", "Rp450.000,-". '.' groups thousands in threes
//     and ',' comes before sen, so "84.5" and "0.500" are errors, never a
//     guess. WriteProducersCSV writes "85000,50", which both Parse and a
//     spreadsheet with Indonesian settings read as a number.
//
// # Reading CSV
//
// Cooperatives keep producers in spreadsheets. ReadProducersCSV reads one
// row per producer capability, with a header row naming the columns in any
// order, in English or Indonesian, in any case and with spaces, '-' or '_'
// between words ("Per Week", "KAPASITAS PER MINGGU" and "kapasitas_per_minggu"
// are one column). Koperasi menyimpan data produsen di spreadsheet; baris
// judul boleh memakai nama kolom bahasa Inggris atau Indonesia:
//
//	column     Indonesian names (nama kolom)             required  meaning (arti)
//	id         Kode, Kode produsen, ID produsen          yes       producer ID; rows with the same id merge into one producer
//	                                                               kode produsen; baris dengan kode sama digabung
//	name       Nama, Nama produsen, Nama usaha           yes       workshop name (first row; later rows blank or equal)
//	                                                               nama usaha (baris pertama; baris berikutnya kosong atau sama)
//	nib        Nomor induk berusaha                      no        Nomor Induk Berusaha, 13 digits (13 angka)
//	region     Wilayah, Kode wilayah                     yes       Kemendagri code, e.g. 33.72 (Kota Surakarta) / kode wilayah Kemendagri
//	grade      Mutu, Kualitas                            yes       halus, sedang or kasar (fine, medium, coarse); blank repeats the row above
//	technique  Teknik                                    yes       tulis, cap, kombinasi or printing (spellings as UnmarshalText)
//	per_week   Kapasitas per minggu, Kapasitas,          yes       finished pieces a week, a whole number without separators
//	           Per minggu                                          potong jadi per minggu, bilangan bulat tanpa pemisah ribuan
//	unit_cost  Harga satuan, Ongkos per potong, Ongkos   yes       rupiah paid a piece: 85000, 85.000,50, Rp 450.000 / ongkos per potong
//
// ReadOrdersCSV reads one order per row:
//
//	column     Indonesian names (nama kolom)                    required  meaning (arti)
//	id         Kode, Kode pesanan, ID pesanan, Nomor pesanan   yes       order ID / kode pesanan
//	sku        Kode produk                                     no        product SKU / kode produk
//	technique  Teknik                                          yes       tulis, cap, kombinasi or printing
//	min_grade  Mutu minimal, Kualitas minimal, Grade minimal   yes       lowest grade accepted / mutu terendah yang diterima
//	quantity   Jumlah, Jumlah pesanan                          yes       pieces, a whole number / jumlah potong
//	due        Tanggal jatuh tempo, Jatuh tempo, Tenggat       no        2026-12-21, 21/12/2026 or 21-12-2026 (day first / hari dulu)
//
// For example, as Excel with Indonesian regional settings saves it:
//
//	Kode;Nama;NIB;Kode wilayah;Mutu;Teknik;Kapasitas per minggu;Harga satuan
//	SLO-01;Batik Sekar Jagad;1234567890123;33.72;halus;tulis;6;Rp 450.000
//	SLO-01;;;;sedang;cap;80;95.000,50
//
// The separator is ',', ';' or tab: ReadOptions.Comma, or, when zero, the
// one that occurs most often outside quotes in the header line (a tie is an
// error asking for the option); ReadReport.Comma says which was used. An
// unknown column is an error (a misspelt header would lose a value) unless
// ReadOptions.Ignore names it ("catatan"); a column with an empty header
// cell is skipped while its cells are empty (Excel adds one after a
// trailing separator) and a value under it is an error. Skipped columns are
// listed in ReadReport.Ignored. Two header cells naming one column ("id" and
// "Kode") are an error, and so is a header of more than MaxColumns cells.
// Text must be UTF-8 (a byte order mark is dropped): invalid UTF-8 is an
// error at its line and column asking for the file to be saved as "CSV
// UTF-8"; a UTF-16 file (Excel's "Unicode Text") is refused at once with
// the same advice. ReadOptions.Windows1252 decodes Excel's legacy "CSV
// (Comma delimited)" instead; a file that is UTF-8 beyond ASCII is then
// refused whole (read it without the option: decoded as Windows-1252 it
// would become mojibake), and the five bytes the code page leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are errors at their cell.
// ReadProducersCSV and ReadOrdersCSV are the With forms with the zero
// ReadOptions.
//
// Both readers accept LF, CRLF and old Mac CR line ends, skip blank rows
// (no cells or only empty cells) and trim white space around cells, which
// is why Validate refuses names that begin or end with a space. They
// report problems together in one *DataError, each RowError with its line
// and column, the column's header cell as the file has it (messages name
// the column that way, in both languages) and a message in both
// languages: an unknown or repeated header column, a missing required
// column, a row with too few or too many cells (counted, however many), an
// unterminated quote, text that is not UTF-8, an unreadable number,
// amount, date or enum, a merged row that contradicts an earlier one, and
// every validation failure mapped back to the cell it came from. The valid
// records are returned beside the error; a record with any problem is left
// out and its problems are reported, so no row is ever dropped silently.
// ReadProducersJSON and ReadOrdersJSON do the same for JSON arrays.
//
// WriteProducersCSV writes what ReadProducersCSV reads, with ',' between
// cells: every producer that passes Validate is read back as itself. A
// cell starting with '=', '+', '-', '@', tab or CR gets an apostrophe
// before it (OWASP, "CSV Injection") so a spreadsheet shows it as text,
// and so does a cell starting with an apostrophe followed by one of those
// or by another apostrophe; the readers remove that one apostrophe, and
// keep any other ("'Ndalem").
//
// # JSON
//
// Records encode with the field names shown in their struct tags. Decoding
// is strict: an unknown key, a key that differs from its field's name only
// in case ("UNIT_COST", which encoding/json would match) and a key given
// twice (where encoding/json keeps the last) are errors; a key is required
// unless its tag has omitempty or omitzero; null is never a value: for a
// required key it is refused as absence is, and an optional key is left out
// rather than set to null (so null never silently becomes zero). The optional keys are
// Producer.nib, Order.sku and due, and Product's description, motif, style,
// fabric, dye, form, length_cm, width_cm, gtin and batikmark. Values must
// have their field's JSON type (a quantity in quotes is an error). Amounts go
// through ParseAmount. Problems name the field by its path with indexes
// ("[3].capabilities[2].per_week"), never by a Go type. Decoding does not
// validate; call Validate, or use the Read functions.
//
// # Messages
//
// Every error gives its message in English or Indonesian (Message; the
// aggregates also Messages, one line a problem), from one catalogue
// (messages.go): a code and its arguments, a format in each language. The
// Indonesian text holds no English beyond the names the input itself uses
// (JSON keys, header cells, option names). Lang is pricing.Lang, so one
// value chooses the language of every package; ParseLang reads BCP 47 tags
// and Accept-Language values ("id-ID", "en-US,en;q=0.9", "id;q=0.8").
//
// # Limits
//
//	MaxProblems       1,000     problems a reader lists; the rest are counted in DataError.Omitted
//	MaxColumns        256       cells of a CSV row: a header with more is refused; a data row must
//	                            have as many as its header (more are counted, never kept)
//	MaxCapabilities   16        capabilities of one producer
//	MaxQuantity       2^31-1    PerWeek, Quantity, MinOrder
//	MinPrice/MaxPrice Rp100 to Rp100.000.000, Product.Price; UnitCost Rp0 to MaxUnitCost
//	ID 64, SKU 50, producer name 200, product name 70, description 2,000, motif 100 characters
//	dates             years 1 to 9999 (MinDateYear, MaxDateYear)
//	amounts           30 digits, 64 bytes of text (pricing.MaxDigits, pricing.MaxInputLen); a
//	                  decimal built in code is judged from its exponent before any arithmetic
//	messages          a value is shown up to 64 bytes, then abbreviated with its full length;
//	                  Error() lists the first 5 problems and counts the rest
//	memory            for any CSV or JSON input, valid or not, the heap a reader leaves live
//	                  (its result) is at most 10 times the input plus 1 MiB, and the heap at
//	                  its peak, garbage not yet collected included, at most 20 times the
//	                  input; the JSON readers and ReadOptions.Windows1252 hold the whole
//	                  input, the CSV readers 64 KiB of it and one row at a time
//
// The memory bound is tested (TestReadProducersCSVMemory,
// TestReadOrdersCSVMemory, TestReadProducersJSONMemory) and measured by input
// shape at 5 and 50 MB with go run ./batik/internal/scale.
//
// # Errors
//
// An error about an input has one shape, *FieldError:
//
//	Field  the input, as a path in the input's JSON names: "capabilities[1].per_week"
//	Value  its value as text, abbreviated: text quoted, numbers as they are, and a value
//	       over 64 bytes cut there with its full length stated; "" when there is none
//	Code   the catalogue code of the reason: a rule's struct tag ("gte", "technique"), a
//	       reader's problem ("fields", "utf8"), a date's ("date_month"), or for an amount
//	       "amount_" and pricing.ParseError's Code ("amount_exponent")
//	Args   the reason's arguments: the bound of "gte", the phrase of "notbatik"
//	Kind   the sentinel it wraps: ErrInvalid (a value that breaks a rule), ErrUnknown (text
//	       no enum accepts) or ErrData (the form of an input: its header, a row, its JSON)
//	Err    the error underneath: an amount's *pricing.ParseError
//
// Error returns "batik: " and Message(English); Message(l) is "field =
// value: reason", the reason being Reason(l), the catalogue's text of Code
// with Args (for an amount, its ParseError's reason, said once); Unwrap
// returns Kind and Err, so errors.Is matches the sentinel and errors.As
// finds the *pricing.ParseError. ParseTechnique, ParseGrade (and every
// enum's UnmarshalText), ParseLang, ParseDate, NewDate and ParseAmount
// return one.
// Validate returns a *ValidationError, a list of FieldErrors, which unwraps
// to ErrInvalid. The readers return a *DataError, a list of RowErrors (a
// FieldError with its line, column and the column's header cell), which
// unwraps to ErrData; so does a single record's UnmarshalJSON for JSON
// that breaks the strict rules, while a value its parser refuses there
// (an enum, an amount, a date) is that parser's *FieldError with the
// value's path as Field. Both aggregates' Error lists the first five
// problems and counts the rest.
//
// # Files
//
// types.go (Capability, Producer, Order, Product and their limits);
// technique.go, grade.go, fabric.go, dye.go, form.go, style.go, label.go
// (one enum each) and enum.go (the spelling tables they share); date.go
// (Date); ident.go (NIB, region, GTIN); validate.go (Validate and the
// cross-field rules), validate_fast.go (the same rules in plain code, the
// hot path); csv_reader.go (CSV records), csv_input.go (a file's encoding
// and separator), csv_columns.go, csv_table.go (header and cells),
// csv_producers.go, csv_orders.go and csv_write.go; json.go (strict JSON of
// one record), json_array.go (the JSON readers); problems.go (the capped
// list of problems), chunked.go (the records a reader keeps); amount.go
// (amounts in JSON); errors.go (the sentinels and the error shape),
// messages.go (the catalogue), lang.go (ParseLang). The rules for text are
// the module's internal/textrule. Lot inspection is the subpackage
// batik/aql.
package batik
