package capacity_test

import (
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/storetest"
)

func TestMemoryStoreConformance(t *testing.T) {
	storetest.Run(t, func(*testing.T) capacity.Store { return capacity.NewMemoryStore() })
}
