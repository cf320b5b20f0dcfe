package batik_test

import (
	"fmt"

	"github.com/batikkit/batikkit/batik"
)

func ExampleParseDate() {
	for _, s := range []string{"2026-12-21", "21/12/2026", "21-12-2026", "2026-12-14T00:00:00+07:00", "12/21/2026", "2026-02-30"} {
		d, err := batik.ParseDate(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d, d.Weekday())
	}
	// Output:
	// 2026-12-21 Monday
	// 2026-12-21 Monday
	// 2026-12-21 Monday
	// 2026-12-14 Monday
	// batik: date = "12/21/2026": month 21 does not exist: dates are read day first; write YYYY-MM-DD (2026-12-21), DD/MM/YYYY (21/12/2026) or DD-MM-YYYY (21-12-2026)
	// batik: date = "2026-02-30": the day must be in [1, 28] for that month
}

func ExampleDate_AddDays() {
	due := batik.MustParseDate("2026-12-28")
	fmt.Println(due.AddDays(-7), due.AddDays(7), due.Compare(due.AddDays(1)))
	// Output: 2026-12-21 2027-01-04 -1
}
