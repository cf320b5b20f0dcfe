package batik

// An amount given as a JSON string with an escape, "1\u00300" (the JSON
// value "100"), passed the strict check (which reads the string as JSON
// does) but was then refused when decoded, which read the raw bytes, and
// reported under a wrong path (found by mutation testing). A string that
// is not an amount after unescaping is still refused, with its path.

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
