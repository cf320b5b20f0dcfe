package batik

import (
	"github.com/shopspring/decimal"
)

// Limits shared by the records. Counts are bounded by MaxQuantity so that a
// sum or product of a few of them cannot wrap an int on any platform Go
// supports for this module's users (64-bit), and so that a typo of six extra
// zeros is caught at the door.
const (
	MaxQuantity = 1<<31 - 1 // largest PerWeek, Quantity or MinOrder: math.MaxInt32
	MinPrice    = 100       // smallest listed price in rupiah (marketplace floor, smallest coin)
	MaxPrice    = 100000000 // largest listed price in rupiah (Rp100.000.000, marketplace ceiling)
	MaxUnitCost = MaxPrice  // largest UnitCost a producer is paid for one piece
)

// Capability is what a producer makes with one technique: the grade of that
// work, how many finished pieces a week, and what it is paid a piece. A
// workshop can be halus at tulis and sedang at cap, so the grade belongs to
// the capability. The zero Capability is not valid (it has no technique).
type Capability struct {
	Technique Technique       `json:"technique" validate:"required,technique"`
	Grade     Grade           `json:"grade" validate:"required,grade"`
	PerWeek   int             `json:"per_week" validate:"gte=0,lte=2147483647"`          // finished pieces a week
	UnitCost  decimal.Decimal `json:"unit_cost" validate:"rupiah,dmin=0,dmax=100000000"` // rupiah paid to the producer a piece
}

// Producer is a workshop (UMKM) that makes batik. The zero Producer is not
// valid. A producer names each technique in Capabilities at most once, and
// has at most MaxCapabilities capabilities.
type Producer struct {
	ID           string       `json:"id" validate:"required,ident,max=64"`
	Name         string       `json:"name" validate:"required,visible,trimmed,notformula,max=200"`
	NIB          string       `json:"nib,omitempty" validate:"omitempty,nib"`          // 13 digits
	Region       string       `json:"region" validate:"required,region"`               // Kemendagri code, e.g. "33.72" (Kota Surakarta)
	Capabilities []Capability `json:"capabilities" validate:"min=1,max_items=16,dive"` // at most MaxCapabilities
}

// Capability returns p's capability for t and whether it has one. O(len(p.Capabilities)).
func (p *Producer) Capability(t Technique) (Capability, bool) {
	for _, c := range p.Capabilities {
		if c.Technique == t {
			return c, true
		}
	}
	return Capability{}, false
}

// Order asks for Quantity pieces made with Technique at MinGrade or better.
// Due is the civil date by which the pieces are wanted (see Date); it is
// needed by capacity.Schedule only, and the zero Date means none. The zero
// Order is not valid.
type Order struct {
	ID        string    `json:"id" validate:"required,ident,max=64"`
	SKU       string    `json:"sku,omitempty" validate:"omitempty,sku,max=50"`
	Technique Technique `json:"technique" validate:"required,technique"`
	MinGrade  Grade     `json:"min_grade" validate:"required,grade"`
	Quantity  int       `json:"quantity" validate:"gt=0,lte=2147483647"`
	Due       Date      `json:"due,omitzero"` // needed by capacity.Schedule only
}

// Product is one listing: a batik (or a printed imitation, honestly named)
// as a cooperative or a marketplace seller sells it. Limits follow the
// listing rules Tokopedia and TikTok Shop Indonesia share (name at most 70 characters,
// description at most 2,000, SKU at most 50, price Rp100 to Rp100,000,000,
// weight above 0 g, minimum order at least 1). The zero Product is not valid.
type Product struct {
	SKU         string          `json:"sku" validate:"required,sku,max=50"`
	Name        string          `json:"name" validate:"required,visible,trimmed,notformula,max=70"`
	Description string          `json:"description,omitempty" validate:"plaintext,max=2000"` // line breaks and tabs allowed
	Technique   Technique       `json:"technique" validate:"required,technique"`
	Motif       string          `json:"motif,omitempty" validate:"plaintext,max=100"` // free text: "Parang Kusumo", "Jlamprang"
	Style       Style           `json:"style,omitempty" validate:"omitempty,style"`
	Fabric      Fabric          `json:"fabric,omitempty" validate:"omitempty,fabric"`
	Dye         Dye             `json:"dye,omitempty" validate:"omitempty,dye"`
	Form        Form            `json:"form,omitempty" validate:"omitempty,form"`
	Grade       Grade           `json:"grade" validate:"required,grade"`
	LengthCM    int             `json:"length_cm,omitempty" validate:"gte=0,lte=1000"` // 0 when not stated
	WidthCM     int             `json:"width_cm,omitempty" validate:"gte=0,lte=1000"`  // 0 when not stated
	WeightGrams int             `json:"weight_grams" validate:"gt=0,lte=1000000"`      // shipping weight of one piece
	Price       decimal.Decimal `json:"price" validate:"rupiah,dmin=100,dmax=100000000"`
	MinOrder    int             `json:"min_order" validate:"gte=1,lte=2147483647"`
	GTIN        string          `json:"gtin,omitempty" validate:"omitempty,gtin"`           // GS1 GTIN-8/12/13/14
	Batikmark   Label           `json:"batikmark,omitempty" validate:"omitempty,batikmark"` // Batikmark label claimed, if any
}

// MaxCapabilities is the most capabilities a producer may have: one per
// technique is four; the limit leaves room and keeps hostile input cheap.
const MaxCapabilities = 16
