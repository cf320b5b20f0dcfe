package pgstore

import (
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInterner: values read through the driver's bytes are copied, not
// aliased (the driver reuses its buffer for the next row), each distinct
// one kept once; a bad week is refused even after good ones were kept,
// naming the record.
func TestInterner(t *testing.T) {
	var in interner
	buf := []byte("P01cap2026-W50")
	sl, err := in.slot("K", in.str(buf[:3]), buf[3:6], buf[6:])
	require.NoError(t, err)
	copy(buf, "XXXXXXXXXXXXXX") // the driver's next row
	assert.Equal(t, capacity.Slot{ProducerID: "P01", Technique: "cap", Week: w1}, sl)

	again, err := in.slot("K", in.str([]byte("P01")), []byte("cap"), []byte("2026-W50"))
	require.NoError(t, err)
	assert.Equal(t, sl, again)
	assert.Len(t, in.strs, 2, "P01 and cap, once each")

	_, err = in.slot("K2", in.str([]byte("P01")), []byte("cap"), []byte("2026-W54"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "K2")
	_, err = in.cost("K3", []byte("15000.5x"))
	require.Error(t, err)
	c, err := in.cost("K4", []byte("15000.50"))
	require.NoError(t, err)
	assert.Equal(t, "15000.5", c.String())
}
