package batik

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestValidRegionDigits pins ValidRegion's digits: 0 to 9 in each place
// ("99", "33.99" and "35.30" pass, as the doc says), anything else not.
func TestValidRegionDigits(t *testing.T) {
	for _, s := range []string{"99", "33.99", "35.30", "00.00.00.0000", "99.99.99.9999", "19.09.90.1909"} {
		assert.True(t, ValidRegion(s), s)
	}
	for _, s := range []string{"9:", "3/", "33.9a", "33,99", "33.72.01.100"} {
		assert.False(t, ValidRegion(s), s)
	}
}

func TestIdentifiers(t *testing.T) {
	for _, s := range []string{"33", "33.72", "33.72.01", "33.72.01.1001"} {
		assert.True(t, ValidRegion(s), s)
	}
	for _, s := range []string{"", "3", "3372", "33.7", "33.720", "33.72.", "33-72", "ab.cd", "33.72.01.100"} {
		assert.False(t, ValidRegion(s), s)
	}
	for _, s := range []string{"8991234567891", "96385074", "036000291452", "10012345678902"} {
		assert.True(t, ValidGTIN(s), s)
	}
	for _, s := range []string{"", "8991234567890", "899123456789a", "1234567", "123456789"} {
		assert.False(t, ValidGTIN(s), s)
	}
	assert.Equal(t, 1, GTINCheckDigit("899123456789"))
	assert.Equal(t, -1, GTINCheckDigit("89x"))
	assert.True(t, ValidNIB("1234567890123"))
	assert.False(t, ValidNIB("123456789012"))
}
