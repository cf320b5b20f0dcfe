package batik

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func assertDecimal(t *testing.T, want string, got decimal.Decimal) {
	t.Helper()
	assert.True(t, decimal.RequireFromString(want).Equal(got), "want %s, got %s", want, got)
}

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
		var ae *AmountError
		require.ErrorAs(t, err, &ae, tt.give)
		require.ErrorIs(t, err, ErrInvalid)
		assert.Equal(t, tt.code, ae.Code, tt.give)
	}
}

func TestProductJSONStrict(t *testing.T) {
	p := validProduct()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var back Product
	require.NoError(t, json.Unmarshal(b, &back))
	assertDecimal(t, "185000", back.Price)
	back.Price = p.Price
	assert.Equal(t, p, back)

	for _, price := range []string{`"1e9"`, `1e9`, `"1e-1000000000"`, `"NaN"`, `"12.500,00"`} {
		s := strings.Replace(string(b), `"price":"185000"`, `"price":`+price, 1)
		require.NotEqual(t, string(b), s)
		err := json.Unmarshal([]byte(s), &back)
		require.ErrorIs(t, err, ErrInvalid, price)
		assert.Contains(t, err.Error(), "price", price)
	}
	err = json.Unmarshal([]byte(`{"sku":"A","prise":100}`), &back)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "prise")
}
