package pricing

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Tier is one volume (grosir) price: UnitPrice applies from MinQuantity pieces.
type Tier struct {
	MinQuantity int             `json:"min_quantity"`
	UnitPrice   decimal.Decimal `json:"unit_price"`
}

// Tiers are volume prices: MinQuantity strictly rising from at least 1,
// UnitPrice positive and strictly falling (the old Tokopedia grosir rule,
// still common in cooperative and B2B sales).
type Tiers []Tier

// Validate checks the rules at Tiers. The error is an *ArgError wrapping
// ErrInvalid that names the first broken tier ("tiers[2].unit_price").
// O(len(t)).
func (t Tiers) Validate() error {
	if len(t) == 0 {
		return argErr("tiers", "[]", codeNotEmpty)
	}
	for i, tr := range t {
		switch {
		case tr.MinQuantity < 1:
			return argErr(index("tiers", i)+".min_quantity", strconv.Itoa(tr.MinQuantity), codeAtLeastOne)
		case tr.UnitPrice.Sign() <= 0:
			return argErr(index("tiers", i)+".unit_price", decText(tr.UnitPrice), codePositive)
		case i > 0 && tr.MinQuantity <= t[i-1].MinQuantity:
			return argErr(index("tiers", i)+".min_quantity", strconv.Itoa(tr.MinQuantity),
				codeTierQuantityOrder, strconv.Itoa(t[i-1].MinQuantity))
		case i > 0 && tr.UnitPrice.Cmp(t[i-1].UnitPrice) >= 0:
			return argErr(index("tiers", i)+".unit_price", decText(tr.UnitPrice),
				codeTierPriceOrder, decText(t[i-1].UnitPrice))
		}
	}
	return nil
}

// UnitPrice returns the price a piece for an order of quantity pieces: the
// tier with the largest MinQuantity not above quantity. Errors (*ArgError,
// wrapping ErrInvalid): invalid tiers, quantity < 1, or quantity below the
// first tier's MinQuantity. O(log len(t)) after an O(len(t)) validation.
func (t Tiers) UnitPrice(quantity int) (decimal.Decimal, error) {
	if err := t.Validate(); err != nil {
		return decimal.Decimal{}, err
	}
	if quantity < 1 {
		return decimal.Decimal{}, argErr("quantity", strconv.Itoa(quantity), codeAtLeastOne)
	}
	if quantity < t[0].MinQuantity {
		return decimal.Decimal{}, argErr("quantity", strconv.Itoa(quantity),
			codeBelowFirstTier, strconv.Itoa(t[0].MinQuantity))
	}
	lo, hi := 0, len(t)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if t[mid].MinQuantity <= quantity {
			lo = mid
		} else {
			hi = mid
		}
	}
	return t[lo].UnitPrice, nil
}
