package capacity

import (
	"context"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDeliverInspectedBadInput: a state of another producer or technique,
// a lot size that is not the delivery's, and a discontinued state are
// refused with nothing recorded.
func TestDeliverInspectedBadInput(t *testing.T) {
	ctx := context.Background()
	l := NewLedger(NewMemoryStore(), LedgerOptions{})
	producers := []batik.Producer{prod("A", batik.Halus, capOf(batik.Cap, 100, 1000))}
	now := start.Monday().In(nil)
	b, err := l.Book(ctx, BookRequest{Key: "K", Orders: []batik.Order{capOrder(60)}, Producers: producers, From: start}, now)
	require.NoError(t, err)
	d := Delivery{OrderID: "ORD-1", Slot: b.Lines[0].Slot, Quantity: 60}
	st, err := aql.NewState("A", "cap", aql.MustParseAQL("2.5"), aql.LevelII)
	require.NoError(t, err)
	other, err := aql.NewState("A", "tulis", aql.MustParseAQL("2.5"), aql.LevelII)
	require.NoError(t, err)
	held := st
	held.Severity, held.Discontinued, held.NotAccepted = aql.Tightened, true, 5

	_, _, err = l.DeliverInspected(ctx, "K", d, other, aql.Lot{}, now)
	require.ErrorIs(t, err, ErrInvalid)
	_, _, err = l.DeliverInspected(ctx, "K", d, st, aql.Lot{Size: 61}, now)
	require.ErrorIs(t, err, ErrInvalid)
	_, _, err = l.DeliverInspected(ctx, "K", d, held, aql.Lot{}, now)
	require.ErrorIs(t, err, aql.ErrDiscontinued)
	_, _, err = l.DeliverInspected(ctx, "nope", d, st, aql.Lot{}, now)
	require.ErrorIs(t, err, ErrNotFound)
	got, err := l.Booking(ctx, "K", now)
	require.NoError(t, err)
	assert.Equal(t, b.Version, got.Version, "nothing recorded")
	assert.Zero(t, got.Lines[0].Delivered)
}
