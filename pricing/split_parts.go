package pricing

import (
	"math/big"
	"math/bits"
	"reflect"
	"slices"
	"unsafe"

	"github.com/shopspring/decimal"
)

// This file turns Split's unit counts (the int64 path) into Decimals.
//
// decimal.New allocates two objects for every part: a big.Int and its
// one-word backing array. shopspring/decimal has no constructor that takes
// a big.Int without copying it. So, when sharedParts, fillParts builds the
// coefficients of all the parts in one []partCell and points each Decimal
// at its cell through unsafe, in a struct laid out as decimal.Decimal is.
// layoutMatches checks that layout once, when the package starts; if the
// check fails, fillParts uses decimal.New for good.
//
// Sharing is safe because a Decimal never changes the big.Int it holds:
// every shopspring method that computes into a big.Int first makes a new
// one (rescale, Add, Copy, ...), what it hands out (Coefficient, BigInt,
// Rat) is a copy, and its decoding methods (UnmarshalJSON, Scan, ...)
// replace the pointer rather than write through it. Split relied on this
// before, when equal neighbours shared one value. Each cell's word slice
// has a capacity of exactly its length, so even a big.Int operation on it
// could not grow into the next cell.

// partWords is the number of big.Words a part's coefficient may need: its
// magnitude is at most |total| <= 2^63, one word on 64-bit platforms, two
// on 32-bit ones.
const partWords = 64 / bits.UintSize

// partCell is one part's coefficient: the big.Int and the words it holds
// (40 bytes on 64-bit platforms).
type partCell struct {
	v big.Int
	w [partWords]big.Word
}

// decimalLayout has the layout of shopspring/decimal's Decimal (v1.6.0:
// value *big.Int, then exp int32); layoutMatches checks it.
type decimalLayout struct {
	value *big.Int
	exp   int32
}

// sharedParts is true when decimal.Decimal's layout is decimalLayout's, so
// that fillParts may build the parts over one []partCell.
var sharedParts = layoutMatches()

// layoutMatches reports whether decimal.Decimal is laid out as
// decimalLayout: first by its type (field names, types and offsets, size
// and alignment; nothing goes through unsafe unless these agree), then by
// behaviour: Decimals made by wrapDecimal and by fillParts over cells must
// agree with the ones decimal's own constructors make.
func layoutMatches() bool {
	t := reflect.TypeFor[decimal.Decimal]()
	var l decimalLayout
	if t.Kind() != reflect.Struct || t.NumField() != 2 ||
		t.Size() != unsafe.Sizeof(l) || uintptr(t.Align()) != unsafe.Alignof(l) {
		return false
	}
	value, exp := t.Field(0), t.Field(1)
	if value.Name != "value" || value.Type != reflect.TypeFor[*big.Int]() || value.Offset != unsafe.Offsetof(l.value) ||
		exp.Name != "exp" || exp.Type.Kind() != reflect.Int32 || exp.Offset != unsafe.Offsetof(l.exp) {
		return false
	}
	big40, _ := new(big.Int).SetString("-1234567890123456789012345678901234567890", 10)
	for _, c := range []struct {
		v   *big.Int
		exp int32
	}{
		{big.NewInt(1), 0}, {big.NewInt(-1), 0}, {big.NewInt(125000050), -2}, {big.NewInt(-5000), 3},
		{big.NewInt(1<<63 - 1), -18}, {new(big.Int).Lsh(big.NewInt(-1), 63), 7},
		{big40, -10}, {new(big.Int).Abs(big40), 25},
	} {
		got, want := wrapDecimal(new(big.Int).Set(c.v), c.exp), decimal.NewFromBigInt(c.v, c.exp)
		if !sameDecimal(got, want) || got.String() != want.String() {
			return false
		}
	}
	// fillParts itself, both ways: a positive and a negative split with
	// zero, equal, repeated and unequal parts, and one of -2^63.
	for _, tc := range []struct {
		counts []int64
		cs     uint64
		negs   []bool
	}{
		{[]int64{0, 3, 3, 1 << 40, 7, 3}, 2500, []bool{false, true}},
		{[]int64{1, 0}, 1 << 63, []bool{true}},
	} {
		for _, neg := range tc.negs {
			for _, es := range []int32{-2, 5} {
				n := len(tc.counts)
				got, want := make([]decimal.Decimal, n), make([]decimal.Decimal, n)
				fillParts(got, slices.Clone(tc.counts), tc.cs, es, neg, true)
				fillParts(want, slices.Clone(tc.counts), tc.cs, es, neg, false)
				for i := range got {
					if !sameDecimal(got[i], want[i]) || got[i].IsZero() != (tc.counts[i] == 0) {
						return false
					}
				}
			}
		}
	}
	return true
}

// sameDecimal reports whether a and b are the same decimal, written the
// same way (the same coefficient and exponent).
func sameDecimal(a, b decimal.Decimal) bool {
	return a.Equal(b) && a.Exponent() == b.Exponent() && a.Coefficient().Cmp(b.Coefficient()) == 0
}

// wrapDecimal returns the Decimal v*10^exp that holds v itself, not a copy.
// Only once layoutMatches holds (or inside it), and only with a v that
// nothing will change.
func wrapDecimal(v *big.Int, exp int32) (d decimal.Decimal) {
	*(*decimalLayout)(unsafe.Pointer(&d)) = decimalLayout{value: v, exp: exp}
	return d
}

// fillParts sets parts[i] to counts[i]*cs*10^es, negated when neg (every
// counts[i]*cs is at most 2^63, and 2^63 only when neg). A zero part is the
// zero Decimal, and a part equal to an earlier one shares its value (see
// markRepeats). The distinct non-zero values are built in one []partCell
// when shared (one allocation in all), else by decimal.New (two
// allocations each). fillParts overwrites counts.
func fillParts(parts []decimal.Decimal, counts []int64, cs uint64, es int32, neg, shared bool) {
	var small [smallRepeats]seenCount
	table := small[:]
	if len(counts) > smallRepeats {
		var large [largeRepeats]seenCount
		table = large[:]
	}
	k := markRepeats(counts, table)
	if k == 0 {
		return
	}
	var cells []partCell
	if shared {
		cells = make([]partCell, k)
	}
	for i, c := range counts {
		switch {
		case c == 0:
			// The zero Decimal: nothing to build.
		case c < 0:
			parts[i] = parts[^c]
		case shared:
			cell := &cells[0]
			cells = cells[1:]
			v := uint64(c) * cs // the magnitude
			for j := range cell.w {
				cell.w[j] = big.Word(v >> (j * bits.UintSize))
			}
			cell.v.SetBits(cell.w[:]) // drops a high zero word, as big.NewInt does
			if neg {
				cell.v.Neg(&cell.v)
			}
			parts[i] = wrapDecimal(&cell.v, es)
		default:
			v := uint64(c) * cs
			if neg {
				v = -v
			}
			parts[i] = decimal.New(int64(v), es)
		}
	}
}

// The sizes of markRepeats's table, powers of two: 256 bytes of stack up
// to smallRepeats parts, 16 KiB beyond.
const (
	smallRepeats = 16
	largeRepeats = 1024
)

// seenCount is an entry of markRepeats's table: a count, and 1 + the index
// of the part that has it (0: an empty entry).
type seenCount struct {
	c    int64
	from int
}

// markRepeats replaces each positive counts[i] equal to an earlier count
// that table remembers by ^j (negative), j being the index of the first
// part with that count, and returns how many positive counts are left: the
// values to build. table, all zero and a power of two in length, is a
// direct-mapped cache from count to part: a count pushed out by another
// is built again, which costs memory, never correctness. A count equal to
// the one before it always hits, as that one was just looked up.
//
// Equal weights give equal counts (or counts one apart, where the leftover
// units fall), so a split among many producers with a few hundred distinct
// weights builds a few hundred values, not one per producer.
func markRepeats(counts []int64, table []seenCount) int {
	shift := 64 - bits.TrailingZeros(uint(len(table)))
	k := 0
	for i, c := range counts {
		if c == 0 {
			continue
		}
		e := &table[(uint64(c)*0x9e3779b97f4a7c15)>>shift] // Fibonacci hashing: the top bits
		if e.from != 0 && e.c == c {
			counts[i] = ^int64(e.from - 1)
			continue
		}
		*e = seenCount{c: c, from: i + 1}
		k++
	}
	return k
}
