package batik

import (
	"strings"
	"testing"

	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseAmount(t *testing.T) {
	for give, want := range map[string]string{"0": "0", "12500": "12500", "12500.5": "12500.5", "-3.25": "-3.25", "007": "7"} {
		d, err := ParseAmount(give)
		require.NoError(t, err, give)
		assertDecimal(t, want, d)
	}
	tests := []struct{ give, code string }{
		{"", "empty"}, {"1e9", "exponent"}, {"1e-1000000000", "exponent"}, {"NaN", "nan"}, {"-Inf", "nan"},
		{"12.500,00", "grouping"}, {"12,500", "grouping"}, {"1.2.3", "grouping"}, {"12.500", "decimals"},
		{"Rp100", "char"}, {" 100", "char"}, {"-", "nan"}, {".5", "nan"}, {"5.", "nan"},
		{strings.Repeat("9", 1<<20), "digits"},
	}
	for _, tt := range tests {
		_, err := ParseAmount(tt.give)
		var ae *FieldError
		require.ErrorAs(t, err, &ae, tt.give)
		require.ErrorIs(t, err, ErrInvalid)
		assert.Equal(t, "amount_"+tt.code, ae.Code, tt.give)
		var pe *pricing.ParseError
		require.ErrorAs(t, err, &pe, tt.give)
		assert.Equal(t, tt.code, pe.Code, tt.give)
	}
}

func TestAmountJSONStringWithEscape(t *testing.T) {
	var c Capability
	require.NoError(t, c.UnmarshalJSON([]byte(`{"technique":"cap","grade":"sedang","per_week":1,"unit_cost":"1\u00300"}`)))
	assert.True(t, decimal.NewFromInt(100).Equal(c.UnitCost), c.UnitCost.String())

	in := `[{"id":"P1","name":"Batik","region":"33.72","capabilities":[{"technique":"cap","grade":"sedang","per_week":1,"unit_cost":"1\u00300"}]}]`
	ps, err := ReadProducersJSON(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.True(t, decimal.NewFromInt(100).Equal(ps[0].Capabilities[0].UnitCost))

	var p Product
	bad := `"price":"1\u002c5"` // "1,5": ambiguous, refused
	err = p.UnmarshalJSON([]byte(`{"sku":"S1",` + bad + `}`))
	require.Error(t, err)
	_, err = ReadProducersJSON(strings.NewReader(strings.Replace(in, `"1\u00300"`, `"1\u002c5"`, 1)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "capabilities[0].unit_cost")
}
