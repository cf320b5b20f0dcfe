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
// anything else is an *EnumError naming the value. MarshalText of an
// unknown non-empty value is an error too, so invalid text never travels.
//
// # Validation
//
// Product.Validate, Producer.Validate, Order.Validate and
// Capability.Validate check every rule at once and return a
// *ValidationError listing every failing field, or nil. Each FieldError has
// the JSON path of the field ("capabilities[1].per_week"), the rule's Tag
// ("gte", "nib", "technique", "notbatik" ...), its Param and the Value, and
// gives its message in English or Indonesian:
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
// # Amounts
//
// Amounts in records are decimal.Decimal rupiah. Reading them from CSV or
// JSON goes through ParseAmount, which takes plain digits with at most two
// decimals after a '.', and refuses exponents ("1e9"), NaN, grouping
// ("12.500" would be read as twelve and a half by a lenient parser) and
// hostile lengths, so no amount is ever misread. Display formats such as
// "Rp1.250.000" belong to package pricing.
//
// # Reading CSV
//
// Cooperatives keep producers in spreadsheets. ReadProducersCSV reads one
// row per producer capability, with a header row naming the columns in any
// order (case and spaces do not matter: "Per Week" is per_week):
//
//	column     required  meaning
//	id         yes       producer ID; rows with the same id merge into one producer
//	name       yes       workshop name (first row of the producer; later rows blank or equal)
//	nib        no        Nomor Induk Berusaha, 13 digits
//	region     yes       Kemendagri code, e.g. 33.72 (Kota Surakarta), 33.75 (Kota Pekalongan)
//	grade      yes       halus, sedang or kasar (fine, medium, coarse)
//	technique  yes       tulis, cap, kombinasi or printing (spellings as UnmarshalText)
//	per_week   yes       finished pieces a week, a whole number without separators
//	unit_cost  yes       rupiah paid a piece, plain digits: 85000 or 85000.50
//
// For example:
//
//	id,name,nib,region,grade,technique,per_week,unit_cost
//	SLO-01,Batik Sekar Jagad,1234567890123,33.72,halus,tulis,6,450000
//	SLO-01,,,,,cap,80,95000
//
// ReadOrdersCSV reads one order per row: id, sku (optional), technique,
// min_grade, quantity, due (optional; "2026-12-24" or RFC 3339).
//
// Both readers strip a UTF-8 byte order mark, accept CRLF line ends, skip
// blank rows (no cells or only empty cells) and trim spaces around cells.
// They report every problem together in one *DataError, each RowError with
// its line and column and a message in both languages: an unknown or
// repeated header column, a missing required column, a row with too few or
// too many cells, an unterminated quote, an unreadable number, amount or
// enum, a merged row that contradicts an earlier one, and every validation
// failure mapped back to the cell it came from. The valid records are
// returned beside the error; a record with any problem is left out and its
// problems are reported, so no row is ever dropped silently.
// ReadProducersJSON and ReadOrdersJSON do the same for JSON arrays.
//
// # JSON
//
// Records encode with the field names shown in their struct tags. Decoding
// is strict: an unknown key is an error (a misspelt key would lose a value)
// and amounts go through ParseAmount. Decoding does not validate; call
// Validate, or use the Read functions.
//
// # Errors
//
// Every error wraps one of the sentinels ErrInvalid (a *ValidationError or
// *AmountError), ErrUnknown (an *EnumError) or ErrData (a *DataError), so
// callers can test with errors.Is and read details with errors.As. Values
// in messages are quoted, and a value longer than 64 bytes is abbreviated
// with its full length stated.
package batik
