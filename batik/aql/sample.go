package aql

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"slices"
	"strconv"
)

// MaxSample is the largest sample Draw gives: more than every sample of
// Tables 2-A to 2-C (3150 at most), room for inspecting every unit of a
// lot of up to 100,000, and a bound on Draw's memory (16 bytes a unit).
const MaxSample = 100_000

// Sample is a simple random sample of a lot (ISO 2859-1:1999, clause 8:
// every unit equally likely to be drawn): unit numbers 1 ... LotSize,
// numbered in the order the units lie (the workshop's bundle labels, a
// chalk number on each folded shirt). Units holds them in the order drawn;
// any first k of them are themselves a simple random sample of k units,
// so the smaller samples of the other classes of one lot are taken from
// the same pick list. Seed is what the record keeps: the same seed, lot
// size and sample size give the same units on any machine.
type Sample struct {
	Seed    uint64 `json:"seed"`
	LotSize int    `json:"lot_size"`
	Units   []int  `json:"units"`
}

// Draw draws n distinct unit numbers from 1 ... lotSize, uniformly, from
// seed:
//
//   - the generator is ChaCha8 of math/rand/v2 (the C2SP chacha8rand
//     stream), seeded with the seed's 8 bytes little endian followed by 24
//     zero bytes;
//   - a number uniform in 1 ... m is Lemire's multiply-and-reject method
//     on the generator's Uint64 ("Fast random integer generation in an
//     interval", ACM TOMACS 29(1), 2019), written out here so that no
//     change of math/rand's own methods can change a drawn sample;
//   - the n numbers are chosen by Robert Floyd's algorithm (J. Bentley,
//     "A sample of brilliance", CACM 30(9), 1987: for j = N-n+1 ... N take
//     t uniform in 1 ... j; add t, or j if t is already in), then put in
//     random order by a Fisher-Yates shuffle from the same generator.
//
// It returns an *InputError wrapping ErrInvalid when lotSize is below 1 or
// above MaxLotSize, or n is below 1, above lotSize or above MaxSample.
// O(n) time and memory; safe for concurrent use.
func Draw(seed uint64, lotSize, n int) (Sample, error) {
	if err := checkLotSize(lotSize); err != nil {
		return Sample{}, err
	}
	if n < 1 || n > lotSize || n > MaxSample {
		return Sample{}, invalidInt("sample.size", n, codeSampleSize, itoa(lotSize), itoa(MaxSample))
	}
	var key [32]byte
	binary.LittleEndian.PutUint64(key[:8], seed)
	g := rand.NewChaCha8(key)
	chosen := make(map[int]struct{}, n)
	units := make([]int, 0, n)
	for j := lotSize - n + 1; j <= lotSize; j++ {
		t := 1 + uniform(g, uint64(j))
		if _, dup := chosen[t]; dup {
			t = j
		}
		chosen[t] = struct{}{}
		units = append(units, t)
	}
	for i := len(units) - 1; i > 0; i-- {
		k := uniform(g, uint64(i+1))
		units[i], units[k] = units[k], units[i]
	}
	return Sample{Seed: seed, LotSize: lotSize, Units: units}, nil
}

// uniform returns a number uniform in 0 ... m-1 (m >= 1) by Lemire's
// method: the high word of a 128-bit product, rejecting the few low words
// that would bias it.
func uniform(g *rand.ChaCha8, m uint64) int {
	hi, lo := bits.Mul64(g.Uint64(), m)
	if lo < m {
		threshold := -m % m
		for lo < threshold {
			hi, lo = bits.Mul64(g.Uint64(), m)
		}
	}
	return int(hi)
}

// PickList returns the first k units of the sample in ascending order:
// the units a class whose plan samples k inspects, listed as the officer
// walks along the lot. It returns nil when k is below 1 or above the
// sample's size. O(k log k); the sample is not changed.
func (s Sample) PickList(k int) []int {
	if k < 1 || k > len(s.Units) {
		return nil
	}
	out := slices.Clone(s.Units[:k])
	slices.Sort(out)
	return out
}

// UnmarshalJSON decodes a Sample strictly and checks that its units are
// the ones Draw gives for its seed, lot size and number of units (else an
// *InputError wrapping ErrState): a stored pick list cannot be edited
// without the record showing it. O(len(data) + len(Units)).
func (s *Sample) UnmarshalJSON(data []byte) error {
	type plain Sample
	var v plain
	if err := decodeStrict(data, &v, "sample"); err != nil {
		return err
	}
	want, err := Draw(v.Seed, v.LotSize, len(v.Units))
	if err != nil {
		err.(*InputError).Kind = ErrState
		return err
	}
	if !slices.Equal(want.Units, v.Units) {
		return fail(ErrState, "sample.units", itoa(len(v.Units)), codeSampleUnits, strconv.FormatUint(v.Seed, 10))
	}
	*s = Sample(v)
	return nil
}
