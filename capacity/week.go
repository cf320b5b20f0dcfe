package capacity

import (
	"cmp"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// MaxWeeks is the longest horizon Allocate and Schedule plan over: two
// years of weeks. A due date further out than that from the first week, or
// Weeks above it, is an error rather than a network of millions of week
// nodes (batik orders are made in weeks, not decades).
const MaxWeeks = 104

// Week is an ISO 8601 week: Monday to Sunday, numbered within its ISO year
// (week 1 is the week with the year's first Thursday, so a year has 52 or
// 53 weeks and 2026-W01 begins on Monday 2025-12-29). It is written
// "2026-W49". Weeks are what capacity is counted in: a workshop finishes
// PerWeek pieces in each Week.
//
// The zero Week is not a valid week (IsZero reports it): it means "not
// stated". Weeks are comparable with == and ordered by Compare. Years run
// from 1 to 9999, as batik.Date's.
type Week struct {
	year int16
	week uint8
}

// WeekOf returns the ISO week that contains d, or the zero Week for the
// zero Date (or a day whose ISO year falls outside [1, 9999]).
func WeekOf(d batik.Date) Week {
	if d.IsZero() {
		return Week{}
	}
	return weekOfDays(d.Days())
}

// weekOfDays returns the ISO week of the day numbered n from 1970-01-01.
func weekOfDays(n int64) Week {
	// The ISO year is the year of the Thursday of the same week.
	wd := (n + 3) % 7 // 0 Monday .. 6 Sunday (1970-01-01 was a Thursday)
	if wd < 0 {
		wd += 7
	}
	thursday := batik.DateFromDays(n - wd + 3)
	if thursday.IsZero() {
		return Week{}
	}
	jan1, _ := batik.NewDate(thursday.Year(), time.January, 1)
	return Week{int16(thursday.Year()), uint8((thursday.Days()-jan1.Days())/7 + 1)}
}

// NewWeek returns week number w of ISO year y, or an error wrapping
// ErrInvalid when y is outside [1, 9999] or the year has no week w (every
// year has weeks 1 to 52; some, such as 2020 and 2026, also have 53).
func NewWeek(y, w int) (Week, error) {
	s := func() string { return strconv.Itoa(y) + "-W" + strconv.Itoa(w) }
	if y < batik.MinDateYear || y > batik.MaxDateYear {
		return Week{}, invalid("week", quote(s()), cWeekYear)
	}
	// Every year has weeks 1 to 52; only week 53 needs the calendar.
	if w < 1 || w > 52 && w > weeksIn(y) {
		return Week{}, invalid("week", quote(s()), cWeekOfYear, strconv.Itoa(y), strconv.Itoa(weeksIn(y)))
	}
	return Week{int16(y), uint8(w)}, nil
}

// weeksIn returns 52 or 53: a year has 53 ISO weeks when 28 December (always
// in its last week) falls in week 53.
func weeksIn(y int) int {
	d, _ := batik.NewDate(y, time.December, 28)
	return int(weekOfDays(d.Days()).week)
}

// ParseWeek reads "2026-W49" (also "2026W49" and lower-case "w"). The year
// has four digits and the week two. Errors are *InputError values wrapping
// ErrInvalid that quote the input: "2026-W54" and "2026-W00" do not exist,
// nor does "2021-W53" ("2020-W53" does).
func ParseWeek(s string) (Week, error) {
	if len(s) < 7 || len(s) > 8 {
		return Week{}, invalid("week", quote(s), cWeekForm)
	}
	rest := s[4:]
	if rest[0] == '-' {
		rest = rest[1:]
	}
	y, ok1 := atoiDigits(s[:4])
	if len(rest) != 3 || (rest[0] != 'W' && rest[0] != 'w') || !ok1 {
		return Week{}, invalid("week", quote(s), cWeekForm)
	}
	w, ok2 := atoiDigits(rest[1:])
	if !ok2 {
		return Week{}, invalid("week", quote(s), cWeekForm)
	}
	wk, err := NewWeek(y, w)
	if err != nil {
		err.(*InputError).Value = quote(s) // as written
	}
	return wk, err
}

// MustParseWeek is ParseWeek for constants in programs and tests; it
// panics on an error.
func MustParseWeek(s string) Week {
	w, err := ParseWeek(s)
	if err != nil {
		panic(err)
	}
	return w
}

func atoiDigits(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, len(s) > 0
}

// IsZero reports whether w is the zero Week ("not stated").
func (w Week) IsZero() bool { return w == Week{} }

// Year returns w's ISO year (which can differ from the calendar year of
// some of its days).
func (w Week) Year() int { return int(w.year) }

// Number returns w's number within its ISO year, 1 to 53.
func (w Week) Number() int { return int(w.week) }

// String returns w as "2026-W49", or "" for the zero Week.
func (w Week) String() string {
	if w.IsZero() {
		return ""
	}
	return string(w.AppendText(make([]byte, 0, 8)))
}

// AppendText appends w as "2026-W49" (nothing for the zero Week) to b.
func (w Week) AppendText(b []byte) []byte {
	if w.IsZero() {
		return b
	}
	y := int(w.year)
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10),
		'-', 'W', byte('0'+w.week/10), byte('0'+w.week%10))
}

// MarshalText returns w as "2026-W49"; the zero Week marshals as "".
func (w Week) MarshalText() ([]byte, error) { return w.AppendText(nil), nil }

// UnmarshalText reads what ParseWeek reads; "" gives the zero Week.
func (w *Week) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*w = Week{}
		return nil
	}
	v, err := ParseWeek(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// monday returns the day number of w's Monday.
func (w Week) monday() int64 {
	jan4, _ := batik.NewDate(int(w.year), time.January, 4) // always in week 1
	n := jan4.Days()
	wd := (n + 3) % 7 // 0 Monday
	if wd < 0 {
		wd += 7
	}
	return n - wd + 7*int64(w.week-1)
}

// Monday returns the first day of w (the zero Date for the zero Week).
func (w Week) Monday() batik.Date {
	if w.IsZero() {
		return batik.Date{}
	}
	return batik.DateFromDays(w.monday())
}

// Sunday returns the last day of w (the zero Date for the zero Week). A
// piece made in week w is on time for due date d when w.Sunday() is before d.
func (w Week) Sunday() batik.Date {
	if w.IsZero() {
		return batik.Date{}
	}
	return batik.DateFromDays(w.monday() + 6)
}

// Add returns the week n weeks after w (before it for negative n). It
// returns the zero Week when w is zero or the result falls outside the
// years [1, 9999].
func (w Week) Add(n int) Week {
	if w.IsZero() {
		return Week{}
	}
	if n > -52 && n < 52 { // O(1): at most one year boundary is crossed
		y, k := int(w.year), int(w.week)+n
		switch {
		case k > isoWeeks(y):
			k -= isoWeeks(y)
			y++
		case k < 1:
			y--
			k += isoWeeks(y)
		}
		if y < batik.MinDateYear || y > batik.MaxDateYear {
			return Week{}
		}
		return Week{int16(y), uint8(k)}
	}
	return weekOfDays(w.monday() + 7*int64(n))
}

// isoWeeks returns 52 or 53, the weeks of ISO year y, in O(1): a year has
// 53 when it begins on a Thursday, or is a leap year beginning on a
// Wednesday. p(y) is the weekday (0 Sunday) of 31 December of year y.
func isoWeeks(y int) int {
	p := func(y int) int { return (y + y/4 - y/100 + y/400) % 7 }
	if p(y) == 4 || p(y-1) == 3 {
		return 53
	}
	return 52
}

// Sub returns the number of weeks from u to w (w - u). O(1).
func (w Week) Sub(u Week) int {
	switch {
	case w.year == u.year:
		return int(w.week) - int(u.week)
	case w.year == u.year+1 && !u.IsZero():
		return int(w.week) + isoWeeks(int(u.year)) - int(u.week)
	}
	return int((w.monday() - u.monday()) / 7)
}

// Compare returns -1, 0 or +1 as w is before, equal to or after u. The
// zero Week sorts first.
func (w Week) Compare(u Week) int { return cmp.Compare(w.key(), u.key()) }

// key orders weeks as Compare does, in one integer.
func (w Week) key() int32 { return int32(w.year)<<8 | int32(w.week) }

// Before reports whether w is before u.
func (w Week) Before(u Week) bool { return w.key() < u.key() }

// LastOnTime returns the last week whose pieces are on time for due date d,
// the last week whose Sunday is before d: always the week before the one d
// falls in, since d's own week ends on or after d. It returns the zero Week
// for the zero Date. O(1).
func LastOnTime(d batik.Date) Week {
	if d.IsZero() {
		return Week{}
	}
	return weekOfDays(d.Days() - 7)
}
