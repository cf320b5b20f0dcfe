package batik

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func validProducer() Producer {
	return Producer{
		ID: "SLO-01", Name: "Batik Sekar Jagad", NIB: "1234567890123", Region: "33.72",
		Capabilities: []Capability{
			{Technique: Tulis, Grade: Halus, PerWeek: 6, UnitCost: decimal.NewFromInt(450000)},
			{Technique: Cap, Grade: Sedang, PerWeek: 80, UnitCost: decimal.NewFromInt(95000)},
		},
	}
}

func validProduct() Product {
	return Product{
		SKU: "KMJ-CAP-PRG-L", Name: "Kemeja Batik Cap Parang Kusumo Lengan Panjang", Technique: Cap,
		Motif: "Parang Kusumo", Style: Surakarta, Fabric: Primisima, Dye: Sintetis, Form: Kemeja, Grade: Sedang,
		LengthCM: 75, WidthCM: 55, WeightGrams: 250, Price: decimal.NewFromInt(185000), MinOrder: 1,
		GTIN: "8991234567891", Batikmark: Putih,
	}
}

func validOrder() Order {
	return Order{ID: "ORD-1", SKU: "KMJ-CAP-PRG-L", Technique: Cap, MinGrade: Sedang, Quantity: 1000}
}

// fieldTags returns "field:tag" for each failing field of err, in order.
func fieldTags(t *testing.T, err error) []string {
	t.Helper()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	require.ErrorIs(t, err, ErrInvalid)
	out := make([]string, len(ve.Fields))
	for i, f := range ve.Fields {
		out[i] = f.Field + ":" + f.Tag
	}
	return out
}

func rowTags(t *testing.T, err error) []string {
	t.Helper()
	var de *DataError
	require.True(t, errors.As(err, &de), "want *DataError, got %v", err)
	require.ErrorIs(t, err, ErrData)
	out := make([]string, len(de.Rows))
	for i, r := range de.Rows {
		out[i] = itoa(r.Line) + ":" + itoa(r.Column) + ":" + r.Field + ":" + r.Tag
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}
