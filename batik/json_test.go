package batik

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// JSON keys: a repeated key and a key in another case are refused with the
// field named; null is absence; a missing required number is refused.
func TestJSONKeysStrict(t *testing.T) {
	const caps = `"capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":"1"}]`
	tests := []struct {
		name, give, want string
	}{
		{"repeated id", `{"id":"A","id":"B","name":"x","region":"33.72",` + caps + `}`, "1:1:[0].id:json_duplicate"},
		{"repeated capabilities", `{"id":"A","name":"x","region":"33.72",` + caps + `,` + caps + `}`, "1:1:[0].capabilities:json_duplicate"},
		{"case", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":1,"UNIT_COST":"2"}]}`, "1:1:[0].capabilities[0].UNIT_COST:json_case"},
		{"case alone", `{"ID":"A","name":"x","region":"33.72",` + caps + `}`, "1:1:[0].ID:json_case"},
		{"null cost", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":null}]}`, "1:1:[0].capabilities[0].unit_cost:json_null"},
		{"missing per week", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","unit_cost":"1"}]}`, "1:1:[0].capabilities[0].per_week:required"},
		{"null per week", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":null,"unit_cost":"1"}]}`, "1:1:[0].capabilities[0].per_week:json_null"},
		{"null nib", `{"id":"A","name":"x","nib":null,"region":"33.72",` + caps + `}`, "1:1:[0].nib:json_null"},
		{"third capability's type", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":"1"},{"technique":"tulis","grade":"halus","per_week":1,"unit_cost":"1"},{"technique":"kombinasi","grade":"halus","per_week":"2","unit_cost":"1"}]}`, "1:1:[0].capabilities[2].per_week:json_type_integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadProducersJSON(strings.NewReader("[" + tt.give + "]"))
			assert.Equal(t, []string{strings.Replace(tt.want, "1:1:", "1:2:", 1)}, rowTags(t, err))
			for _, leak := range []string{"Go struct", "plain", "json:", "Unmarshal", "int", "batik."} {
				assert.NotContains(t, strings.TrimPrefix(err.Error(), "batik: "), leak)
			}
			var p Producer
			require.Error(t, json.Unmarshal([]byte(tt.give), &p))
		})
	}
	// The optional keys of an order may be left out.
	var o Order
	require.NoError(t, json.Unmarshal([]byte(`{"id":"O","technique":"cap","min_grade":"sedang","quantity":1}`), &o))
}
