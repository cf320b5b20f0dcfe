package pgstore

import (
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/storetest"
)

// TestConformance runs the suite every capacity.Store passes, each case
// on a fresh schema.
func TestConformance(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) capacity.Store {
		s, _ := testStoreConns(t, 16)
		return s
	})
}
