package batik

import "testing"

// TestValidateAllocs guards the claim that validating a valid record does
// not allocate (the plain-code path answers without the validator).
func TestValidateAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	p, pr, o := validProducer(), validProduct(), validOrder()
	for name, fn := range map[string]func() error{"Producer": p.Validate, "Product": pr.Validate, "Order": o.Validate} {
		if n := testing.AllocsPerRun(100, func() { _ = fn() }); n != 0 {
			t.Errorf("%s.Validate: %v allocations, want 0", name, n)
		}
	}
}
