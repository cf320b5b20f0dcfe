// Package pricing is exact rupiah arithmetic for the batik trade: reading
// and writing amounts the Indonesian way, rounding to the coins and steps
// people price in, splitting a sum without losing a rupiah, PPN and PPh
// final, volume tiers, cost-plus prices, marketplace fees, quotes and
// producer payouts.
//
// Amounts are decimal.Decimal rupiah (github.com/shopspring/decimal). The
// package never goes through float64, never calls Decimal.Div and never
// touches shopspring's package settings: every division is a division with
// remainder (QuoRem) or integer arithmetic, and the rounding is stated.
// There is no package state; everything is safe for concurrent use.
//
// # Parsing and formatting
//
// Parse reads what people write; Format writes the canonical form.
//
//	input                 value        note
//	1250000               1250000      plain digits
//	1.250.000             1250000      '.' groups thousands, in threes
//	Rp1.250.000           1250000      "Rp", "RP", "rp" or "Rp." prefix
//	Rp 1.250.000          1250000      one space (or no-break space) after Rp
//	Rp1.250.000,50        1250000.5    ',' then 1 or 2 digits of sen
//	Rp1.250.000,-         1250000      ",-" means no sen
//	-Rp5.000              -5000        a leading minus, before Rp
//	" 5 "                 5            white space around is ignored (as the CSV reader trims cells)
//	0,50                  0.5          half a rupiah
//	1.25, 12.50, 1250.00  error        '.' must group three digits: ambiguous
//	0.500, Rp0.001        error        a grouped number cannot start with 0: 0,50 or 500?
//	1,250                 error        3 digits of sen: ambiguous
//	1e9, NaN, Inf         error        no exponents, no specials
//	Rp-5.000, 1.2.3, ""   error        stray or misplaced characters
//
// Input longer than MaxInputLen (64 bytes) is refused before any work, and
// amounts of more than MaxDigits (30) digits are refused. An
// ambiguous string is an error, never a guess. Format gives "Rp1.250.000",
// "-Rp5.000", and "Rp1.250.000,50" when there are sen; Format(Parse(s)) is
// canonical and Parse(Format(d)) == d for every d Parse can return (at
// most 2 decimals, at most 30 digits). An amount built in code beyond the
// limits formats in a bounded scientific form ("Rp1e+100000000") that Parse
// refuses, never as a 100-million-digit string.
//
// ParseDecimal is the machine grammar of JSON and APIs ("85000.50": digits,
// '.', at most 2 decimals); it refuses grouping, "Rp" and exponents.
//
// # JSON
//
// Quote, QuoteLine, Tier, FeeSchedule and Tax decode strictly: an unknown
// key, a key in another case ("UNIT_PRICE"), a repeated key, null and
// text that is not UTF-8 (or a lone surrogate escape such as \ud800) are
// errors; required keys are those without omitempty/omitzero in the tag;
// amounts go through ParseDecimal; RoundingMode travels as "half_up",
// "half_even", "down" or "up" (ParseRoundingMode); Tax as "ppn" or
// "ppn_luxury" (ParseTax), or, for a tax built with NewTax, as an object
// {"name", "numerator", "denominator"} with its exact rate. Breakdown
// encodes amounts as JSON strings.
//
// # Limits
//
//	MaxInputLen      64 bytes   longest text Parse reads; longer is refused unread
//	MaxDigits        30         most digits of an amount Parse or ParseDecimal reads, and Format writes in full
//	coefficient      40 digits  Format writes a longer one (or an exponent past the limits) in scientific form
//	amounts in code  30, 40, 70 the largest exponent, decimals and digits in all of an amount Round, Split
//	                            and Quote.Price compute with; beyond, ErrOverflow before any arithmetic
//	rates            9 decimals NewTax rates, FeeSchedule rates read from JSON
//	tax base         10^6       largest denominator of NewTax's base
//	tax denominator  10^15      a custom tax's rate read from JSON
//	names            64 bytes   longest text ParseTax reads (ParseRoundingMode: 32)
//	message values   64 bytes   values in messages are abbreviated, with the full length stated
//
// Memory: Parse, Format, Round, the tax functions and the int64 functions
// use a fixed amount beside their result. SplitSen's result is 8 bytes a
// part, and Split's about 64 bytes a part on 64-bit platforms (the
// Decimal, its big.Int and its word: 8 times the weights), plus 8 bytes a
// part for the unit counts while it runs. Quote.Price and Payouts hold a
// few decimals a line. Decoding JSON allocates, in all, about 30 times its
// input (the strict check reads it once, encoding/json once more; most of
// it is garbage at once); FuzzQuoteJSON holds it below 64 times plus
// 64 KiB.
//
// # Rounding
//
// Round rounds to any positive step (Rp1, Rp100 the smallest coin, Rp500,
// Rp1000, or 0.01 for sen) by one of four RoundingMode values, on negative
// amounts as the mirror of positive ones. Tax.On rounds tax down to whole
// rupiah (PER-25/PJ/2014). PriceRule rounds list prices (by default Up, so
// a markup is never undercut) and can force an ending such as ...900.
//
// # Splitting
//
// Split divides a total in proportion to integer weights by largest
// remainder: the parts sum to the total exactly, each is within one step
// of its exact share, and ties go to the lower index. Payouts uses it to
// pay producers in proportion to the pieces they make. Weights near
// math.MaxInt64 and totals of Rp10^15 are exact (128-bit and math/big).
//
// Largest remainder has the Alabama paradox: raising the total can lower a
// part. Rp10 among 6:6:2 gives 4, 4, 2; Rp11 gives 5, 5, 1.
//
// Which to use: Split for a decimal total now and then (a quote's
// discount, one payout run), SplitSen for whole amounts in sen on a hot
// path or at volume. Split builds a decimal for every non-zero part, two
// allocations each; SplitSen computes the same parts as int64 with one
// allocation in all, and AppendSplitSen into a reused buffer with none.
//
// # Amounts in sen
//
// For work at volume the package also computes on int64 amounts in the
// smallest unit, sen (Rp1.250.000,50 is 125000050): SplitSen and
// AppendSplitSen, RoundSen, Tax.OnSen and Tax.WithinSen follow the rules
// of Split, Round, Tax.On and Tax.Within exactly, and are the code those
// run when the amounts fit.
// Overflow is an error wrapping ErrOverflow, never a wrap-around; where
// nothing can overflow (a split's parts lie between 0 and the total, a tax
// is at most its base), the doc says so.
//
// # Tax
//
// PPN is the 2025 rule for ordinary goods (PMK 131/2024): 12% on 11/12 of
// the price, 11% in effect, computed as price x 11/100. PPNLuxury is 12% on
// the full price. NewTax builds others. Tax.Within splits a tax-inclusive
// amount so that net + tax == gross always. PPhFinal is the 0.5% final
// income tax most batik UMKM pay on turnover (PP 55/2022).
//
// # Prices, fees and quotes
//
// Tiers are volume prices. CostSheet adds up the cost of goods (HPP) of one
// piece from its materials, labour and overhead; PriceByMarkup and
// PriceByMargin turn it into a list price. FeeSchedule holds a
// marketplace's commission (with a per-item cap), order fee and payment fee
// as data, and Settle gives the seller's net. Quote prices a whole order
// (tiers, discounts, tax inclusive or exclusive, shipping, fees) into a
// Breakdown whose parts add up exactly and which encodes to JSON with
// amounts as strings.
//
// # Cost
//
// Each function's doc states its time; the money primitives below also
// state their allocations, and TestAllocations holds each statement to
// testing.AllocsPerRun. A decimal.Decimal owns a big.Int, which costs two
// allocations (the struct and its one word) whenever a non-zero result is
// made, so on amounts of up to 18 digits:
//
//	function                      allocations
//	Parse                         2 (1 for zero)
//	Format                        1 (the string)
//	Round                         2 (1 for a zero result)
//	Tax.On                        2 (0 for a zero tax)
//	Tax.Within                    4 (2 for each non-zero part)
//	Split, n parts                1, +2 for each non-zero part, +1 when
//	                              n > 64
//	SplitSen                      1 (the result)
//	AppendSplitSen, RoundSen,
//	Tax.OnSen, Tax.WithinSen      0 (AppendSplitSen: into a buffer with
//	                              room, weights summing below 2^64)
//
// A loop over many amounts that must not make garbage keeps them in sen
// and calls the int64 functions with a reused buffer.
//
// # Errors
//
// Every error the package returns has one shape, that of every typed
// error about an input in batikkit:
//
//	Field  the input, as a path in its JSON names: "lines[2].discount"
//	Value  its value as text, abbreviated: text quoted, cut at 64 bytes
//	       with its length; a decimal past Format's limits in its bounded
//	       scientific form ("1e+100000000")
//	Code   the catalogue code of the reason: "not_negative", "exponent"
//	Args   the reason's arguments: the step of "not_multiple"
//	Kind   the sentinel it wraps: ErrInvalid, ErrOverflow or ErrSyntax
//	Err    the underlying error, if any
//
// Parse and ParseDecimal return it as a *ParseError wrapping ErrSyntax,
// with no Field (its message names the field "amount"); every other
// function returns it as an *ArgError wrapping ErrInvalid, or ErrOverflow
// when a number is too large to compute with exactly. Use errors.Is with
// the sentinels and errors.As for the details. Both types render as
// "field = value: reason": Error in English after "pricing: ",
// Message(Lang) in English or Indonesian (with no English in it beyond the
// caller's own field names and values), Reason(Lang) the reason alone.
// Reasons come from one catalogue (messages.go), each in both languages;
// ParseError's codes ("empty", "grouping", "exponent", "leading_zero" ...)
// are stable, for callers that match them. Lang is the module's one
// language type (batik and capacity use the same), named here so that
// pricing's callers need no other import.
//
// # Files
//
// parse.go (Parse), format.go (Format), decimal.go (ParseDecimal, the
// machine grammar), cents.go (Cents); round.go and rounding_mode.go
// (Round, RoundingMode); split.go and split_sen.go (Split on decimals and
// on int64 sen: one algorithm); tax.go and tax_text.go (Tax, PPN, PPh
// final); tiers.go, costplus.go, fees.go, quote.go, payout.go; json.go
// (strict JSON); errors.go (the error shape) and messages.go (Lang and the
// catalogue of reasons).
package pricing
