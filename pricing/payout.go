package pricing

import (
	"strconv"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/shopspring/decimal"
)

// Share is how many pieces one producer makes of an order.
type Share struct {
	ProducerID string `json:"producer_id"`
	Quantity   int    `json:"quantity"`
}

// Payout is one producer's line of a payout statement. Amount is what it is
// paid; PPhFinal is the 0.5% final tax on that amount it owes (an estimate
// shown for its bookkeeping, not withheld); AfterPPh is Amount - PPhFinal.
type Payout struct {
	ProducerID string          `json:"producer_id"`
	Quantity   int             `json:"quantity"`
	Amount     decimal.Decimal `json:"amount"`
	PPhFinal   decimal.Decimal `json:"pph_final"`
	AfterPPh   decimal.Decimal `json:"after_pph"`
}

// Payouts divides amount among producers in proportion to the pieces each
// makes, in multiples of step (Rp1 or Rp100 ...), by Split: the amounts sum
// to amount exactly, and leftover rupiah go to the largest remainders, ties
// to the earlier share. Payouts come back in the order of shares. Errors
// (*ArgError wrapping ErrInvalid): no shares, an empty or repeated producer
// ID, a negative quantity, all quantities zero, or an amount that is not a
// multiple of step. O(len(shares)).
func Payouts(amount decimal.Decimal, shares []Share, step decimal.Decimal) ([]Payout, error) {
	if len(shares) == 0 {
		return nil, argErr("shares", "[]", codeNotEmpty)
	}
	weights := make([]int64, len(shares))
	seen := make(map[string]bool, len(shares))
	for i, s := range shares {
		switch {
		case s.ProducerID == "":
			return nil, argErr(index("shares", i)+".producer_id", `""`, codeNotEmpty)
		case seen[s.ProducerID]:
			return nil, argErr(index("shares", i)+".producer_id", msg.Quote(s.ProducerID), codeTwice)
		case s.Quantity < 0:
			return nil, argErr(index("shares", i)+".quantity", strconv.Itoa(s.Quantity), codeNotNegative)
		}
		seen[s.ProducerID] = true
		weights[i] = int64(s.Quantity)
	}
	parts, err := Split(amount, weights, step)
	if err != nil {
		return nil, err
	}
	out := make([]Payout, len(shares))
	for i, s := range shares {
		pph := PPhFinal.On(parts[i])
		out[i] = Payout{ProducerID: s.ProducerID, Quantity: s.Quantity, Amount: parts[i], PPhFinal: pph, AfterPPh: parts[i].Sub(pph)}
	}
	return out, nil
}
