package capacity

import (
	"flag"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
)

var stressFor = flag.Duration("stress", 200*time.Millisecond, "how long TestStress runs its 64 goroutines (go test -race -run TestStress -stress 90s)")

// TestStress runs Allocate under every policy, Schedule (plain and
// spread) and JSON encoding of their results from 64 goroutines at once
// over shared inputs; under -race it proves they share no mutable state,
// and every result must equal the one computed alone. Short by default,
// longer with -stress.
func TestStress(t *testing.T) {
	producers := workedProducers()
	orders := []batik.Order{schedOrder("O1", batik.Cap, batik.Sedang, 500, 1), schedOrder("O2", batik.Cap, batik.Sedang, 900, 3)}
	wantPlans := make([]Plan, 4)
	for i, p := range Policies() {
		var err error
		wantPlans[i], err = Allocate(capOrder(1000), producers, AllocateOptions{Policy: p, Weeks: 2})
		if err != nil {
			t.Fatal(err)
		}
	}
	wantTT, err := Schedule(orders, producers, ScheduleOptions{From: start, Spread: true})
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(*stressFor)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline) || i == 0; i++ {
				if k := (g + i) % 5; k < 4 {
					plan, err := Allocate(capOrder(1000), producers, AllocateOptions{Policy: Policies()[k], Weeks: 2})
					if err != nil || !samePlan(plan, wantPlans[k]) {
						errs <- "allocate " + Policies()[k].String()
						return
					}
					continue
				}
				tt, err := Schedule(orders, producers, ScheduleOptions{From: start, Spread: true})
				if err != nil || len(tt.Assignments) != len(wantTT.Assignments) || !tt.Cost.Equal(wantTT.Cost) {
					errs <- "schedule"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func samePlan(a, b Plan) bool {
	if a.OrderID != b.OrderID || a.Unfilled != b.Unfilled || len(a.Lines) != len(b.Lines) || len(a.Skipped) != len(b.Skipped) {
		return false
	}
	for i := range a.Lines {
		if a.Lines[i].ProducerID != b.Lines[i].ProducerID || a.Lines[i].Quantity != b.Lines[i].Quantity {
			return false
		}
	}
	return true
}
