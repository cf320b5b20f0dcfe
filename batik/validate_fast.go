package batik

import (
	"strings"
	"unicode/utf8"

	"github.com/batikkit/batikkit/internal/textrule"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// The checks below restate the struct-tag rules in plain code. Validate
// runs them first and only falls back to the reflective validator, which
// names every failing field, when one of them fails, so a valid record (the
// common case when reading thousands of rows) costs no reflection. The
// tests check the two agree on every input the fuzzers find.

func identOK(s string, max int) bool { return len(s) <= max && textrule.Ident(s) }

func textOK(s string, max int, required bool) bool {
	if required && strings.TrimSpace(s) == "" {
		return false
	}
	return len(s) <= max || utf8.RuneCountInString(s) <= max
}

// nameOK is the rule of a record's name: required, visible, trimmed, no
// formula lead.
func nameOK(s string, max int) bool {
	// Visible implies the name is not blank, so only the length is left
	// of textOK's checks.
	return textrule.Visible(s) && textrule.Trimmed(s) && (len(s) <= max || utf8.RuneCountInString(s) <= max) && !textrule.FormulaLead(s)
}

// freeTextOK is the rule of optional free text (description, motif).
func freeTextOK(s string, max int) bool { return textOK(s, max, false) && textrule.PlainLines(s) }

// bounded returns d, or when d's exponent lies outside [-2, 19], a stand-in
// that the amount rules (at most 2 decimals; a bound of at most 10^18
// rupiah, or 0) judge as they judge d: 10^20 with d's sign for a value
// of at least 10^20, and 0.001 with d's sign for a value below 0.01 with
// a digit past the second decimal. Found from the exponent and the
// coefficient's length, so a decimal built in code as 10^-4194304 costs
// no arithmetic on 4 million digits. A coefficient with more digits than
// its exponent removes is returned as is: work on it is bounded by its
// own size.
func bounded(d decimal.Decimal) decimal.Decimal {
	e := int64(d.Exponent())
	if e >= -2 && e <= 19 {
		return d
	}
	sign := int64(d.Sign())
	switch {
	case sign == 0:
		return decimal.Zero
	case e > 19:
		return decimal.New(sign, 20)
	case int64(d.NumDigits()) <= -e-2:
		// |coefficient| < 10^(-e-2): not a whole number of sen, and below 0.01.
		return decimal.New(sign, -3)
	}
	return d
}

func centsOK(d decimal.Decimal) bool {
	d = bounded(d)
	return d.Exponent() >= -2 || d.Equal(d.Round(2))
}

// centsIn reports whether d has at most 2 decimals and lies in [min, max] rupiah.
func centsIn(d decimal.Decimal, min, max int64) bool {
	d = bounded(d)
	if c, ok := pricing.Cents(d); ok {
		return c >= min*100 && c <= max*100
	}
	return centsOK(d) && d.Cmp(decimal.NewFromInt(min)) >= 0 && d.Cmp(decimal.NewFromInt(max)) <= 0
}

func quantityOK(n, min int) bool { return n >= min && n <= MaxQuantity }

func (c *Capability) valid() bool {
	return c.Technique.Valid() && c.Grade.Valid() && quantityOK(c.PerWeek, 0) && centsIn(c.UnitCost, 0, MaxUnitCost)
}

func (p *Producer) valid() bool {
	if !textrule.ID(p.ID) || !nameOK(p.Name, 200) || (p.NIB != "" && !ValidNIB(p.NIB)) ||
		!ValidRegion(p.Region) || len(p.Capabilities) == 0 || len(p.Capabilities) > MaxCapabilities {
		return false
	}
	var seen [4]bool
	for i := range p.Capabilities {
		c := &p.Capabilities[i]
		if !c.valid() {
			return false
		}
		k := techniqueIndex(c.Technique)
		if seen[k] {
			return false
		}
		seen[k] = true
	}
	return true
}

func techniqueIndex(t Technique) int {
	switch t {
	case Tulis:
		return 0
	case Cap:
		return 1
	case Kombinasi:
		return 2
	}
	return 3
}

func (o *Order) valid() bool {
	return textrule.ID(o.ID) && (o.SKU == "" || identOK(o.SKU, 50)) && o.Technique.Valid() &&
		o.MinGrade.Valid() && quantityOK(o.Quantity, 1)
}

func (p *Product) valid() bool {
	ok := identOK(p.SKU, 50) && nameOK(p.Name, 70) && freeTextOK(p.Description, 2000) &&
		p.Technique.Valid() && freeTextOK(p.Motif, 100) &&
		(p.Style == "" || p.Style.Valid()) && (p.Fabric == "" || p.Fabric.Valid()) &&
		(p.Dye == "" || p.Dye.Valid()) && (p.Form == "" || p.Form.Valid()) && p.Grade.Valid() &&
		p.LengthCM >= 0 && p.LengthCM <= 1000 && p.WidthCM >= 0 && p.WidthCM <= 1000 &&
		p.WeightGrams > 0 && p.WeightGrams <= 1000000 &&
		centsIn(p.Price, MinPrice, MaxPrice) &&
		quantityOK(p.MinOrder, 1) && (p.GTIN == "" || ValidGTIN(p.GTIN)) &&
		(p.Batikmark == NoLabel || p.Batikmark.Valid())
	if !ok {
		return false
	}
	if p.Technique == Printing {
		return p.Batikmark == NoLabel && ClaimsBatik(p.Name) == "" && ClaimsBatik(p.Description) == ""
	}
	return p.Batikmark == NoLabel || p.Batikmark.Technique() == p.Technique
}
