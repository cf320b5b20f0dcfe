package batik

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestValidateAllocs guards the claim that validating a valid record does
// not allocate (the plain-code path answers without the validator).
func TestValidateAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	p, pr, o := validProducer(), validProduct(), validOrder()
	for name, fn := range map[string]func() error{"Producer": p.Validate, "Product": pr.Validate, "Order": o.Validate} {
		if n := testing.AllocsPerRun(100, func() { _ = fn() }); n != 0 {
			t.Errorf("%s.Validate: %v allocations, want 0", name, n)
		}
	}
}

// fastPools holds good and bad values for every field of the records, with
// each documented bound on both sides (1000 and 1001 cm, 2000 and 2001
// characters, one byte and one rune over), so that dropping or moving any
// check in the fast path changes a result the reflective validator gives.
type fastPools struct {
	rng *rand.Rand
}

func (g fastPools) pick(pool []string) string { return pool[g.rng.IntN(len(pool))] }

func (g fastPools) int(pool []int) int { return pool[g.rng.IntN(len(pool))] }

// text returns a string of n copies of unit, sometimes with a trap inside.
func (g fastPools) text(lengths []int) string {
	n := g.int(lengths)
	unit := g.pick([]string{"a", "é", " ", "-"})
	s := strings.Repeat(unit, n)
	switch g.rng.IntN(6) {
	case 0:
		return "Batik " + s
	case 1:
		return s + "\n"
	case 2:
		return s + "\x00"
	case 3:
		return "=" + s
	}
	return s
}

var (
	fastIDs      = []string{"", " ", "A", "SLO-01", "a b", "-x", "x.y_z/1", strings.Repeat("a", 50), strings.Repeat("a", 51), strings.Repeat("a", 64), strings.Repeat("a", 65), "é1"}
	fastNames    = []string{"", "  ", "Batik", "Kain", "Kain Tulis", "=SUM(A1)", "+62", "a\u202eb", "a\x07b", "a\nb", strings.Repeat("é", 70), strings.Repeat("é", 71), strings.Repeat("x", 70), strings.Repeat("x", 71), strings.Repeat("x", 200), strings.Repeat("x", 201), strings.Repeat("é", 200), strings.Repeat("é", 201), "Batik Tulis Parang", "hand-drawn batik", "Kain printing motif batik"}
	fastTechs    = []string{"", "tulis", "cap", "kombinasi", "printing", "Tulis", "ikat"}
	fastGrades   = []string{"", "halus", "sedang", "kasar", "fine", "Halus"}
	fastLabels   = []string{"", "emas", "putih", "perak", "gold"}
	fastStyles   = []string{"", "surakarta", "yogyakarta", "lainnya", "solo", "Surakarta"}
	fastFabrics  = []string{"", "primisima", "sutra", "tenun_gedog", "silk", "Sutra"}
	fastDyes     = []string{"", "alam", "sintetis", "campuran", "natural", "Alam"}
	fastForms    = []string{"", "kain_panjang", "kemeja", "lainnya", "shirt", "Kemeja"}
	fastSizes    = []int{-1000, -1, 0, 1, 75, 999, 1000, 1001, 1 << 40}
	fastWeights  = []int{-1, 0, 1, 250, 999999, 1000000, 1000001}
	fastCounts   = []int{-1, 0, 1, 2, 99, 100, MaxQuantity - 1, MaxQuantity, MaxQuantity + 1}
	fastCosts    = []string{"-0.01", "-1", "0", "0.00", "0.01", "0.5", "0.001", "1.005", "99", "99.99", "100", "100.00", "100.001", "185000", "99999999.99", "100000000", "100000000.00", "100000000.01", "100000001", "1e8", "1e9", "1e-30", "-1e-30", "1e30", "-1e30", "1e-3", "100e-4"}
	fastTextLens = []int{0, 1, 99, 100, 101, 1999, 2000, 2001}
)

func (g fastPools) capability() Capability {
	c := Capability{Technique: Tulis, Grade: Halus, PerWeek: 6, UnitCost: decimal.NewFromInt(450000)}
	for range 1 + g.rng.IntN(2) {
		switch g.rng.IntN(4) {
		case 0:
			c.Technique = Technique(g.pick(fastTechs))
		case 1:
			c.Grade = Grade(g.pick(fastGrades))
		case 2:
			c.PerWeek = g.int(fastCounts)
		case 3:
			c.UnitCost = decimal.RequireFromString(g.pick(fastCosts))
		}
	}
	return c
}

func (g fastPools) producer() Producer {
	p := validProducer()
	for range 1 + g.rng.IntN(3) {
		switch g.rng.IntN(8) {
		case 0:
			p.ID = g.pick(fastIDs)
		case 1:
			p.Name = g.pick(fastNames)
		case 2:
			p.NIB = g.pick([]string{"", "1234567890123", "123456789012", "12345678901234", "12345678901x3", " 1234567890123"})
		case 3:
			p.Region = g.pick([]string{"", "33", "33.72", "3372", "33.72.01", "33.72.01.1001", "33.7", "33.72.", "x"})
		case 4, 5:
			if len(p.Capabilities) == 0 {
				p.Capabilities = append(p.Capabilities, g.capability())
			} else {
				p.Capabilities[g.rng.IntN(len(p.Capabilities))] = g.capability()
			}
		case 6: // the count of capabilities, around 0, 1 and MaxCapabilities
			// The fast path's MaxCapabilities bound cannot change its answer:
			// with four techniques, a fifth capability names one twice or an
			// unknown one. Planting MaxCapabilities+1 there survives for
			// that reason, not for want of a case.
			n := g.int([]int{0, 1, 3, 4, MaxCapabilities, MaxCapabilities + 1})
			caps := make([]Capability, n)
			techs := []Technique{Tulis, Cap, Kombinasi, Printing}
			for i := range caps {
				caps[i] = Capability{Technique: techs[i%len(techs)], Grade: Kasar, PerWeek: 1, UnitCost: decimal.NewFromInt(1)}
			}
			p.Capabilities = caps
		case 7: // a technique named twice, or not
			p.Capabilities = append(p.Capabilities, Capability{Technique: Technique(g.pick(fastTechs)), Grade: Sedang, PerWeek: 1, UnitCost: decimal.NewFromInt(1)})
		}
	}
	return p
}

func (g fastPools) product() Product {
	pr := validProduct()
	for range 1 + g.rng.IntN(3) {
		switch g.rng.IntN(19) {
		case 0:
			pr.SKU = g.pick(fastIDs)
		case 1:
			pr.Name = g.pick(fastNames)
		case 2:
			pr.Description = g.text(fastTextLens)
		case 3:
			pr.Technique = Technique(g.pick(fastTechs))
		case 4:
			pr.Motif = g.text(fastTextLens)
		case 5:
			pr.Style = Style(g.pick(fastStyles))
		case 6:
			pr.Fabric = Fabric(g.pick(fastFabrics))
		case 7:
			pr.Dye = Dye(g.pick(fastDyes))
		case 8:
			pr.Form = Form(g.pick(fastForms))
		case 9:
			pr.Grade = Grade(g.pick(fastGrades))
		case 10:
			pr.LengthCM = g.int(fastSizes)
		case 11:
			pr.WidthCM = g.int(fastSizes)
		case 12:
			pr.WeightGrams = g.int(fastWeights)
		case 13:
			pr.Price = decimal.RequireFromString(g.pick(fastCosts))
		case 14:
			pr.MinOrder = g.int(fastCounts)
		case 15:
			pr.GTIN = g.pick([]string{"", "8991234567891", "8991234567892", "96385074", "96385075", "036000291452", "10012345678902", "1", "899123456789a"})
		case 16:
			pr.Batikmark = Label(g.pick(fastLabels))
		case 17: // a label and technique that match or not
			pr.Technique, pr.Batikmark = Technique(g.pick(fastTechs)), Label(g.pick(fastLabels))
		case 18: // a printed imitation, honest or not
			pr.Technique, pr.Batikmark = Printing, Label(g.pick([]string{"", "", "putih"}))
			pr.Name = g.pick([]string{"Kain motif parang", "Kain batik printing", "Kemeja"})
			pr.Description = g.pick([]string{"", "motif parang", "batik cap asli", "Batik Tulis"})
		}
	}
	return pr
}

func (g fastPools) order() Order {
	o := validOrder()
	for range 1 + g.rng.IntN(3) {
		switch g.rng.IntN(5) {
		case 0:
			o.ID = g.pick(fastIDs)
		case 1:
			o.SKU = g.pick(fastIDs)
		case 2:
			o.Technique = Technique(g.pick(fastTechs))
		case 3:
			o.MinGrade = Grade(g.pick(fastGrades))
		case 4:
			o.Quantity = g.int(fastCounts)
		}
	}
	return o
}

// TestFastCheckAgreesWithValidator changes one to three fields of valid
// records, every field of Capability, Producer, Product and Order, to values
// from pools of good and bad ones and checks that the plain-code check and
// the reflective validation agree on every result.
func TestFastCheckAgreesWithValidator(t *testing.T) {
	g := fastPools{rng: rand.New(rand.NewPCG(1, 2))}
	var accepted, refused [3]int
	count := func(i int, fast bool) {
		if fast {
			accepted[i]++
		} else {
			refused[i]++
		}
	}
	for range 20000 {
		p := g.producer()
		fast, full := p.valid(), p.validateAll()
		if fast != (full == nil) {
			t.Fatalf("producer %+v: fast %t, full %v", p, fast, full)
		}
		count(0, fast)

		pr := g.product()
		fast, full = pr.valid(), pr.validateAll()
		if fast != (full == nil) {
			t.Fatalf("product %+v: fast %t, full %v", pr, fast, full)
		}
		count(1, fast)

		o := g.order()
		fast, full = o.valid(), o.validateAll()
		if fast != (full == nil) {
			t.Fatalf("order %+v: fast %t, full %v", o, fast, full)
		}
		count(2, fast)
	}
	// Both outcomes must be common, or the agreement says little.
	for i, name := range []string{"producer", "product", "order"} {
		if accepted[i] < 1000 || refused[i] < 1000 {
			t.Errorf("%s: %d accepted, %d refused: the generator is lopsided", name, accepted[i], refused[i])
		}
	}
}

// TestFastCheckBounds pins each bound of the fast path on both sides, so a
// dropped or moved check fails here by name and not only by a random draw.
func TestFastCheckBounds(t *testing.T) {
	tests := []struct {
		name string
		give func(*Product)
		want bool
	}{
		{"length 1000", func(p *Product) { p.LengthCM = 1000 }, true},
		{"length 1001", func(p *Product) { p.LengthCM = 1001 }, false},
		{"length 0", func(p *Product) { p.LengthCM = 0 }, true},
		{"length -1", func(p *Product) { p.LengthCM = -1 }, false},
		{"width 1000", func(p *Product) { p.WidthCM = 1000 }, true},
		{"width 1001", func(p *Product) { p.WidthCM = 1001 }, false},
		{"width 0", func(p *Product) { p.WidthCM = 0 }, true},
		{"width -1", func(p *Product) { p.WidthCM = -1 }, false},
		{"weight 1", func(p *Product) { p.WeightGrams = 1 }, true},
		{"weight 0", func(p *Product) { p.WeightGrams = 0 }, false},
		{"weight 1000000", func(p *Product) { p.WeightGrams = 1000000 }, true},
		{"weight 1000001", func(p *Product) { p.WeightGrams = 1000001 }, false},
		{"min order 1", func(p *Product) { p.MinOrder = 1 }, true},
		{"min order 0", func(p *Product) { p.MinOrder = 0 }, false},
		{"min order max", func(p *Product) { p.MinOrder = MaxQuantity }, true},
		{"min order max+1", func(p *Product) { p.MinOrder = MaxQuantity + 1 }, false},
		{"price 100", func(p *Product) { p.Price = decimal.NewFromInt(100) }, true},
		{"price 99.99", func(p *Product) { p.Price = decimal.RequireFromString("99.99") }, false},
		{"price max", func(p *Product) { p.Price = decimal.NewFromInt(MaxPrice) }, true},
		{"price max+0.01", func(p *Product) { p.Price = decimal.RequireFromString("100000000.01") }, false},
		{"price 3 decimals", func(p *Product) { p.Price = decimal.RequireFromString("185000.001") }, false},
		{"price 3 zero decimals", func(p *Product) { p.Price = decimal.RequireFromString("185000.000") }, true},
		{"description 2000", func(p *Product) { p.Description = strings.Repeat("é", 2000) }, true},
		{"description 2001", func(p *Product) { p.Description = strings.Repeat("é", 2001) }, false},
		{"motif 100", func(p *Product) { p.Motif = strings.Repeat("é", 100) }, true},
		{"motif 101", func(p *Product) { p.Motif = strings.Repeat("é", 101) }, false},
		{"motif control", func(p *Product) { p.Motif = "a\x00" }, false},
		{"name 70", func(p *Product) { p.Name = strings.Repeat("é", 70) }, true},
		{"name 71", func(p *Product) { p.Name = strings.Repeat("é", 71) }, false},
		{"sku 50", func(p *Product) { p.SKU = strings.Repeat("a", 50) }, true},
		{"sku 51", func(p *Product) { p.SKU = strings.Repeat("a", 51) }, false},
		{"dye unknown", func(p *Product) { p.Dye = "natural" }, false},
		{"dye none", func(p *Product) { p.Dye = "" }, true},
		{"form unknown", func(p *Product) { p.Form = "shirt" }, false},
		{"form none", func(p *Product) { p.Form = "" }, true},
		{"style unknown", func(p *Product) { p.Style = "solo" }, false},
		{"fabric unknown", func(p *Product) { p.Fabric = "silk" }, false},
		{"grade unknown", func(p *Product) { p.Grade = "fine" }, false},
		{"grade none", func(p *Product) { p.Grade = "" }, false},
		{"gtin bad check digit", func(p *Product) { p.GTIN = "8991234567892" }, false},
		{"label for another technique", func(p *Product) { p.Batikmark = Emas }, false},
		{"label unknown", func(p *Product) { p.Batikmark = "gold" }, false},
		{"printing without claims", func(p *Product) { p.Technique, p.Batikmark, p.Name = Printing, NoLabel, "Kemeja motif parang" }, true},
		{"printing with a label", func(p *Product) { p.Technique, p.Batikmark, p.Name = Printing, Putih, "Kemeja motif parang" }, false},
		{"printing named batik", func(p *Product) { p.Technique, p.Batikmark = Printing, NoLabel }, false},
		{"printing described as batik", func(p *Product) {
			p.Technique, p.Batikmark, p.Name, p.Description = Printing, NoLabel, "Kemeja motif parang", "batik tulis"
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProduct()
			tt.give(&p)
			if got := p.valid(); got != tt.want {
				t.Errorf("valid() = %t, want %t", got, tt.want)
			}
			if got := p.Validate() == nil; got != tt.want {
				t.Errorf("Validate() == nil is %t, want %t", got, tt.want)
			}
		})
	}
}
