package batik

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A name with a space at either end would not survive the reader's
// trimming: Validate refuses it, as the doc says.
func TestNamesTrimmed(t *testing.T) {
	for _, name := range []string{" =1+1", " Batik", "Batik ", "\u00a0Batik", "Batik\u3000"} {
		p := validProducer()
		p.Name = name
		assert.Equal(t, []string{"name:trimmed"}, fieldTags(t, p.Validate()), "%q", name)
		assert.False(t, p.valid())
		pr := validProduct()
		pr.Name = name
		assert.Equal(t, []string{"name:trimmed"}, fieldTags(t, pr.Validate()), "%q", name)
	}
}

// Names need a visible character and valid UTF-8; control characters and
// bidi overrides are refused in every text field.
func TestTextFields(t *testing.T) {
	for _, name := range []string{"\u200b", "\ufeff", "\u202e", "\x00", "\u200b\u200b ", "Batik\xff", "Batik\u202eexe.", "Batik\nSolo", "Batik\tSolo", "Bat\u0085ik", "=1+1", "+62", "-Batik", "@batik"} {
		p := validProducer()
		p.Name = name
		require.ErrorIs(t, p.Validate(), ErrInvalid, "%q", name)
		pr := validProduct()
		pr.Name = name
		require.ErrorIs(t, pr.Validate(), ErrInvalid, "%q", name)
	}
	for _, name := range []string{"Batik Sekar Jagad", "Batik 'Pagi Sore'", "Ñ", "バティック", "Batik – Solo", "1 Batik"} {
		p := validProducer()
		p.Name = name
		require.NoError(t, p.Validate(), "%q", name)
	}
	for _, text := range []string{"\x00", "a\u202eb", "a\xffb", "a\x1bb"} {
		pr := validProduct()
		pr.Description = text
		require.ErrorIs(t, pr.Validate(), ErrInvalid, "description %q", text)
		pr = validProduct()
		pr.Motif = text
		require.ErrorIs(t, pr.Validate(), ErrInvalid, "motif %q", text)
	}
	pr := validProduct()
	pr.Description = "Baris satu\nbaris dua\tdengan tab"
	require.NoError(t, pr.Validate())
}

// TestAmountValueAbbreviated pins the value of a failing amount in a
// message: an absurd price of 70 digits is cut as numbers are (msg.Clip).
func TestAmountValueAbbreviated(t *testing.T) {
	p := validProduct()
	p.Price = decimal.RequireFromString(strings.Repeat("1", 70))
	var ve *ValidationError
	require.True(t, errors.As(p.Validate(), &ve))
	require.Len(t, ve.Fields, 1)
	assert.Equal(t, strings.Repeat("1", 64)+"... (70 bytes)", ve.Fields[0].Value)
}

func TestValidRecords(t *testing.T) {
	require.NoError(t, validProducer().Validate())
	require.NoError(t, validProduct().Validate())
	require.NoError(t, validOrder().Validate())
}

func TestProducerValidate(t *testing.T) {
	tests := []struct {
		name string
		give func(*Producer)
		want []string
	}{
		{"empty id", func(p *Producer) { p.ID = "" }, []string{"id:required"}},
		{"blank id", func(p *Producer) { p.ID = "   " }, []string{"id:ident"}},
		{"id with space", func(p *Producer) { p.ID = "SLO 01" }, []string{"id:ident"}},
		{"blank name", func(p *Producer) { p.Name = " \t " }, []string{"name:visible"}},
		{"empty name", func(p *Producer) { p.Name = "" }, []string{"name:required"}},
		{"nib 12 digits", func(p *Producer) { p.NIB = "123456789012" }, []string{"nib:nib"}},
		{"nib 14 digits", func(p *Producer) { p.NIB = "12345678901234" }, []string{"nib:nib"}},
		{"nib letters", func(p *Producer) { p.NIB = "12345678901AB" }, []string{"nib:nib"}},
		{"region no dot", func(p *Producer) { p.Region = "3372" }, []string{"region:region"}},
		{"region one digit", func(p *Producer) { p.Region = "33.7" }, []string{"region:region"}},
		{"region empty", func(p *Producer) { p.Region = "" }, []string{"region:required"}},
		{"grade unknown", func(p *Producer) { p.Capabilities[1].Grade = "super" }, []string{"capabilities[1].grade:grade"}},
		{"grade missing", func(p *Producer) { p.Capabilities[0].Grade = "" }, []string{"capabilities[0].grade:required"}},
		{"no capabilities", func(p *Producer) { p.Capabilities = nil }, []string{"capabilities:min"}},
		{"negative per week", func(p *Producer) { p.Capabilities[1].PerWeek = -5 }, []string{"capabilities[1].per_week:gte"}},
		{"huge per week", func(p *Producer) { p.Capabilities[0].PerWeek = 1 << 31 }, []string{"capabilities[0].per_week:lte"}},
		{"negative cost", func(p *Producer) { p.Capabilities[0].UnitCost = decimal.NewFromInt(-1) }, []string{"capabilities[0].unit_cost:dmin"}},
		{"cost with sen fraction", func(p *Producer) { p.Capabilities[0].UnitCost = decimal.RequireFromString("1.005") }, []string{"capabilities[0].unit_cost:rupiah"}},
		{"cost too high", func(p *Producer) { p.Capabilities[0].UnitCost = decimal.NewFromInt(MaxUnitCost + 1) }, []string{"capabilities[0].unit_cost:dmax"}},
		{"unknown technique", func(p *Producer) { p.Capabilities[0].Technique = "batik" }, []string{"capabilities[0].technique:technique"}},
		{"duplicate technique", func(p *Producer) { p.Capabilities[1].Technique = Tulis }, []string{"capabilities[1].technique:unique"}},
		{"several at once", func(p *Producer) { p.ID, p.Region, p.Capabilities[1].PerWeek = "", "33.7", -1 },
			[]string{"id:required", "region:region", "capabilities[1].per_week:gte"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProducer()
			tt.give(&p)
			assert.Equal(t, tt.want, fieldTags(t, p.Validate()))
		})
	}
}

func TestProductValidate(t *testing.T) {
	tests := []struct {
		name string
		give func(*Product)
		want []string
	}{
		{"printed named batik tulis", func(p *Product) { p.Technique, p.Batikmark, p.Name = Printing, NoLabel, "Batik Tulis Parang" }, []string{"name:notbatik"}},
		{"printed described hand-drawn", func(p *Product) {
			p.Technique, p.Batikmark, p.Name, p.Description = Printing, NoLabel, "Kemeja Motif Parang", "Genuine hand-drawn batik from Solo"
		}, []string{"description:notbatik"}},
		{"printed with batikmark", func(p *Product) { p.Technique, p.Name = Printing, "Kemeja Motif Parang" }, []string{"batikmark:batikmark_printing"}},
		{"label mismatch", func(p *Product) { p.Batikmark = Emas }, []string{"batikmark:batikmark_technique"}},
		{"label unknown", func(p *Product) { p.Batikmark = "bronze" }, []string{"batikmark:batikmark"}},
		{"price below Rp100", func(p *Product) { p.Price = decimal.NewFromInt(99) }, []string{"price:dmin"}},
		{"price above Rp100,000,000", func(p *Product) { p.Price = decimal.NewFromInt(100000001) }, []string{"price:dmax"}},
		{"price three decimals", func(p *Product) { p.Price = decimal.RequireFromString("1500.125") }, []string{"price:rupiah"}},
		{"gtin bad check digit", func(p *Product) { p.GTIN = "8991234567892" }, []string{"gtin:gtin"}},
		{"gtin 11 digits", func(p *Product) { p.GTIN = "89912345678" }, []string{"gtin:gtin"}},
		{"sku with space", func(p *Product) { p.SKU = "KMJ CAP" }, []string{"sku:sku"}},
		{"sku too long", func(p *Product) { p.SKU = strings.Repeat("A", 51) }, []string{"sku:max"}},
		{"name too long", func(p *Product) { p.Name = strings.Repeat("a", 71) }, []string{"name:max"}},
		{"blank name", func(p *Product) { p.Name = "  " }, []string{"name:visible"}},
		{"weight zero", func(p *Product) { p.WeightGrams = 0 }, []string{"weight_grams:gt"}},
		{"min order zero", func(p *Product) { p.MinOrder = 0 }, []string{"min_order:gte"}},
		{"unknown fabric", func(p *Product) { p.Fabric = "denim" }, []string{"fabric:fabric"}},
		{"unknown style", func(p *Product) { p.Style = "bali" }, []string{"style:style"}},
		{"unknown dye", func(p *Product) { p.Dye = "neon" }, []string{"dye:dye"}},
		{"unknown form", func(p *Product) { p.Form = "hat" }, []string{"form:form"}},
		{"missing grade", func(p *Product) { p.Grade = "" }, []string{"grade:required"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validProduct()
			tt.give(&p)
			assert.Equal(t, tt.want, fieldTags(t, p.Validate()))
		})
	}
}

func TestPrintingHonestlyNamedIsValid(t *testing.T) {
	p := validProduct()
	p.Technique, p.Batikmark = Printing, NoLabel
	p.Name = "Kemeja Printing Motif Parang"
	p.Description = "Kain printing bermotif batik capung (tiruan batik)."
	require.NoError(t, p.Validate())
}

func TestOrderValidate(t *testing.T) {
	tests := []struct {
		name string
		give func(*Order)
		want []string
	}{
		{"empty id", func(o *Order) { o.ID = "" }, []string{"id:required"}},
		{"zero quantity", func(o *Order) { o.Quantity = 0 }, []string{"quantity:gt"}},
		{"negative quantity", func(o *Order) { o.Quantity = -3 }, []string{"quantity:gt"}},
		{"huge quantity", func(o *Order) { o.Quantity = 1 << 40 }, []string{"quantity:lte"}},
		{"unknown technique", func(o *Order) { o.Technique = "ikat" }, []string{"technique:technique"}},
		{"missing grade", func(o *Order) { o.MinGrade = "" }, []string{"min_grade:required"}},
		{"unknown grade", func(o *Order) { o.MinGrade = "premium" }, []string{"min_grade:grade"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := validOrder()
			tt.give(&o)
			assert.Equal(t, tt.want, fieldTags(t, o.Validate()))
		})
	}
}

func TestMessagesBothLanguages(t *testing.T) {
	p := validProducer()
	p.Capabilities[1].PerWeek = -5
	var ve *ValidationError
	require.ErrorAs(t, p.Validate(), &ve)
	f := ve.Fields[0]
	assert.Equal(t, "capabilities[1].per_week = -5: must be at least 0", f.Message(English))
	assert.Equal(t, "capabilities[1].per_week = -5: minimal 0", f.Message(Indonesian))
	assert.Equal(t, "batik: invalid record: capabilities[1].per_week = -5: must be at least 0", ve.Error())
}

func TestLongValueAbbreviated(t *testing.T) {
	p := validProducer()
	p.Name = strings.Repeat("x", 1<<20)
	var ve *ValidationError
	require.ErrorAs(t, p.Validate(), &ve)
	msg := ve.Fields[0].Message(English)
	assert.Less(t, len(msg), 300)
	assert.Contains(t, msg, "(1048576 bytes)")
}

func TestClaimsBatik(t *testing.T) {
	tests := []struct{ give, want string }{
		{"Batik Tulis Parang", "batik tulis"},
		{"BATIK-CAP Kawung", "batik cap"},
		{"Kain batik kombinasi", "batik kombinasi"},
		{"Batik asli Solo", "batik asli"},
		{"Hand-drawn batik shirt", "hand drawn batik"},
		{"Motif capung, batik capung", ""},
		{"Kemeja printing motif parang", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ClaimsBatik(tt.give), tt.give)
	}
}

// A name needs a character that shows: fillers, joiners and blanks alone
// (Default_Ignorable_Code_Point, U+2800) are refused by both paths.
func TestNamesNeedAVisibleCharacter(t *testing.T) {
	for _, name := range []string{"\u3164", "\u115f", "\u2800", "\u034f", "\ufe0f", "\u3164\u2800"} {
		p := validProducer()
		p.Name = name
		assert.Equal(t, []string{"name:visible"}, fieldTags(t, p.Validate()), "%q", name)
		assert.False(t, p.valid(), "%q", name)
		pr := validProduct()
		pr.Name = name
		require.ErrorIs(t, pr.Validate(), ErrInvalid, "%q", name)
	}
}

// Decimals built in code may carry any exponent: validation bounds it
// before any arithmetic, so a 10^-4194304 or 10^4194304 costs no more to
// refuse than 1.001 (rescaling them allocated megabytes and took seconds).
func TestValidateHugeExponents(t *testing.T) {
	tests := []struct {
		give decimal.Decimal
		want []string
	}{
		{decimal.New(1, -1<<22), []string{"capabilities[0].unit_cost:rupiah"}},
		{decimal.New(-1, -1<<22), []string{"capabilities[0].unit_cost:rupiah"}}, // one rule reported a field
		{decimal.New(1, 1<<22), []string{"capabilities[0].unit_cost:dmax"}},
		{decimal.New(-7, 1<<22), []string{"capabilities[0].unit_cost:dmin"}},
		{decimal.New(0, -1<<30), nil},
		{decimal.New(0, 1<<30), nil},
		{decimal.New(5, -1<<30), []string{"capabilities[0].unit_cost:rupiah"}},
		{decimal.New(1_000_000, -6), nil},
		{decimal.New(1_000_000, -7), nil}, // 0.1
		{decimal.New(1_000_001, -7), []string{"capabilities[0].unit_cost:rupiah"}},
	}
	for _, tt := range tests {
		p := validProducer()
		p.Capabilities[0].UnitCost = tt.give
		var err error
		total, _ := heapUse(func() { err = p.Validate() })
		if tt.want == nil {
			assert.NoError(t, err, "exponent %d", tt.give.Exponent())
		} else {
			assert.Equal(t, tt.want, fieldTags(t, err), "exponent %d", tt.give.Exponent())
			assert.Less(t, len(err.Error()), 300)
		}
		assert.Less(t, total, uint64(64<<10), "exponent %d: %d bytes allocated", tt.give.Exponent(), total)
	}
	pr := validProduct()
	pr.Price = decimal.New(185000, 1<<22)
	total, _ := heapUse(func() { assert.Equal(t, []string{"price:dmax"}, fieldTags(t, pr.Validate())) })
	assert.Less(t, total, uint64(64<<10))
}
