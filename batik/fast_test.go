package batik

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestFastCheckAgreesWithValidator mutates valid records with values from
// pools of good and bad ones and checks that the plain-code check and the
// reflective validation agree on every result.
func TestFastCheckAgreesWithValidator(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(pool []string) string { return pool[rng.IntN(len(pool))] }
	ids := []string{"", " ", "A", "SLO-01", "a b", "-x", strings.Repeat("a", 64), strings.Repeat("a", 65), "é1"}
	names := []string{"", "  ", "Batik", strings.Repeat("é", 70), strings.Repeat("é", 71), strings.Repeat("x", 201), "Batik Tulis Parang", "hand-drawn batik"}
	ints := []int{-1, 0, 1, 99, 100, 1000, 1000001, MaxQuantity, MaxQuantity + 1}
	decs := []string{"-1", "0", "0.5", "99", "99.99", "100", "100.001", "185000", "100000000", "100000000.01", "1.005"}
	techs := []string{"", "tulis", "cap", "kombinasi", "printing", "Tulis", "ikat"}
	grades := []string{"", "halus", "sedang", "kasar", "fine"}
	labels := []string{"", "emas", "putih", "perak", "gold"}
	for range 20000 {
		p := validProducer()
		switch rng.IntN(8) {
		case 0:
			p.ID = pick(ids)
		case 1:
			p.Name = pick(names)
		case 2:
			p.NIB = pick([]string{"", "1234567890123", "123456789012", "12345678901x3"})
		case 3:
			p.Region = pick([]string{"", "33", "33.72", "3372", "33.72.01.1001", "33.7"})
		case 4:
			p.Capabilities[rng.IntN(2)].Grade = Grade(pick(grades))
		case 5:
			p.Capabilities[rng.IntN(2)].Technique = Technique(pick(techs))
		case 6:
			p.Capabilities[rng.IntN(2)].PerWeek = ints[rng.IntN(len(ints))]
		case 7:
			p.Capabilities[rng.IntN(2)].UnitCost = decimal.RequireFromString(pick(decs))
		}
		if fast, full := p.valid(), p.validateAll(); fast != (full == nil) {
			t.Fatalf("producer %+v: fast %t, full %v", p, fast, full)
		}

		pr := validProduct()
		for range 1 + rng.IntN(2) {
			switch rng.IntN(10) {
			case 0:
				pr.SKU = pick(ids)
			case 1:
				pr.Name = pick(names)
			case 2:
				pr.Description = pick(names)
			case 3:
				pr.Technique = Technique(pick(techs))
			case 4:
				pr.Batikmark = Label(pick(labels))
			case 5:
				pr.Price = decimal.RequireFromString(pick(decs))
			case 6:
				pr.WeightGrams = ints[rng.IntN(len(ints))]
			case 7:
				pr.MinOrder = ints[rng.IntN(len(ints))]
			case 8:
				pr.GTIN = pick([]string{"", "8991234567891", "8991234567892", "96385074", "1"})
			case 9:
				pr.Style, pr.Fabric = Style(pick([]string{"", "solo", "surakarta"})), Fabric(pick([]string{"", "sutra", "silk"}))
			}
		}
		if fast, full := pr.valid(), pr.validateAll(); fast != (full == nil) {
			t.Fatalf("product %+v: fast %t, full %v", pr, fast, full)
		}

		o := validOrder()
		o.ID, o.SKU = pick(ids), pick(ids)
		o.Technique, o.MinGrade, o.Quantity = Technique(pick(techs)), Grade(pick(grades)), ints[rng.IntN(len(ints))]
		if fast, full := o.valid(), o.validateAll(); fast != (full == nil) {
			t.Fatalf("order %+v: fast %t, full %v", o, fast, full)
		}
	}
}
