package textrule

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormulaLead(t *testing.T) {
	for _, s := range []string{"=1+1", "+62", "-5", "@SUM(A1)", "\tx", "\rx", "="} {
		assert.True(t, FormulaLead(s), "%q", s)
	}
	for _, s := range []string{"", "'=1+1", " =1", "a=b", "1-2", "Ndalem"} {
		assert.False(t, FormulaLead(s), "%q", s)
	}
}
