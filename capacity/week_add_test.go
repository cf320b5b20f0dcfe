package capacity_test

import (
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
)

// TestWeekAddAgainstDays checks Week.Add's O(1) path against counting
// days, for every week of years around the ISO 53-week years and the
// limits of the range.
func TestWeekAddAgainstDays(t *testing.T) {
	for _, span := range [][2]int{{1, 3}, {1995, 2035}, {9997, 9999}} {
		for y := span[0]; y <= span[1]; y++ {
			for wk := 1; wk <= 53; wk++ {
				w, err := capacity.NewWeek(y, wk)
				if err != nil {
					continue
				}
				for n := -60; n <= 60; n++ {
					want := capacity.Week{}
					if d := w.Monday().Days() + 7*int64(n); !batik.DateFromDays(d).IsZero() {
						want = capacity.WeekOf(batik.DateFromDays(d))
					}
					if got := w.Add(n); got != want {
						t.Fatalf("%s.Add(%d) = %q, want %q", w, n, got, want)
					}
				}
			}
		}
	}
}
