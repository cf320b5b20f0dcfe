package batik

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York on any CI machine

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDateForms(t *testing.T) {
	want := MustDate(2026, time.December, 21)
	tests := []struct {
		give string
		want Date
	}{
		{"2026-12-21", want},
		{"21/12/2026", want},
		{"21-12-2026", want},
		{"1/2/2026", MustDate(2026, time.February, 1)}, // day first, one digit each
		{"2026-12-21T00:00:00Z", want},
		{"2026-12-21T00:00:00+07:00", want},
		{"2026-12-21T00:00:00.000-05:00", want},
		{"2026-12-21T00:00:00", want},
		{"2024-02-29", MustDate(2024, time.February, 29)},
		{"0001-01-01", MustDate(1, time.January, 1)},
		{"9999-12-31", MustDate(9999, time.December, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := ParseDate(tt.give)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseDateRefused(t *testing.T) {
	tests := []struct {
		give   string
		reason string // a piece of the message
	}{
		{"2026-02-30", "day must be in [1, 28]"},
		{"2025-02-29", "day must be in [1, 28]"},
		{"2026-04-31", "day must be in [1, 30]"},
		{"0000-01-01", "year must be in [1, 9999]"},
		{"10000-01-01", "YYYY-MM-DD"},
		{"12/21/2026", "YYYY-MM-DD (2026-12-21), DD/MM/YYYY (21/12/2026) or DD-MM-YYYY (21-12-2026)"}, // month first
		{"2026-13-01", "month 13"},
		{"2026-00-10", "month 0"},
		{"00/12/2026", "day must be in [1, 31]"},
		{"21/12/26", "YYYY-MM-DD"},    // two-digit year: which century?
		{"2026/12/21", "YYYY-MM-DD"},  // year first with slashes
		{"21/12-2026", "YYYY-MM-DD"},  // mixed separators
		{"21.12.2026", "YYYY-MM-DD"},  // dots
		{"2026-1-2", "YYYY-MM-DD"},    // ISO needs two digits
		{" 2026-12-21", "YYYY-MM-DD"}, // the caller trims
		{"2026-12-21 ", "YYYY-MM-DD"},
		{"", "YYYY-MM-DD"},
		{"tomorrow", "YYYY-MM-DD"},
		{"2026-12-21T10:00:00+07:00", "a day, not a time"},
		{"2026-12-21T00:00:00+24:00", "YYYY-MM-DD"},
		{"2026-12-21T00:00:00.Z", "YYYY-MM-DD"},
		{"+2026-12-21", "YYYY-MM-DD"},
		{"-001-12-21", "YYYY-MM-DD"},
		{"２０２６-12-21", "YYYY-MM-DD"}, // full-width digits
		{strings.Repeat("2026-12-21", 1000), "(10000 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			_, err := ParseDate(tt.give)
			require.ErrorIs(t, err, ErrInvalid)
			var de *FieldError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, msg.Quote(tt.give), de.Value)
			assert.Contains(t, err.Error(), tt.reason)
			assert.LessOrEqual(t, len(err.Error()), 400, "message is bounded")
		})
	}
}

// A month-first date is refused with a message that says which forms are
// read, so a clerk can fix the cell.
func TestParseDateMonthFirstShowsForms(t *testing.T) {
	_, err := ParseDate("12/21/2026")
	require.Error(t, err)
	assert.Contains(t, err.Error(), DateForms)
	assert.Contains(t, err.Error(), "day first")
}

func TestNewDateRefused(t *testing.T) {
	for _, tt := range []struct {
		y, m, d int
	}{{0, 1, 1}, {10000, 1, 1}, {2026, 0, 1}, {2026, 13, 1}, {2026, 2, 29}, {2026, 4, 31}, {2026, 1, 0}, {-5, 1, 1}} {
		_, err := NewDate(tt.y, time.Month(tt.m), tt.d)
		require.ErrorIs(t, err, ErrInvalid, "%d-%d-%d", tt.y, tt.m, tt.d)
	}
	assert.Panics(t, func() { MustDate(2026, time.February, 30) })
	assert.Panics(t, func() { MustParseDate("30/02/2026") })
}

// A due date is a civil date: the day a wall clock shows where the time
// was taken, whatever the zone, and daylight-saving changes do not move it.
func TestDateOfDaylightSaving(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	// 2026-03-08 is the day New York springs forward (02:00 -> 03:00), so
	// that day is 23 hours long; 2026-11-01 falls back and is 25 hours.
	tests := []struct {
		give time.Time
		want Date
	}{
		{time.Date(2026, time.March, 8, 0, 30, 0, 0, ny), MustDate(2026, time.March, 8)},
		{time.Date(2026, time.March, 8, 23, 30, 0, 0, ny), MustDate(2026, time.March, 8)},
		{time.Date(2026, time.March, 7, 23, 30, 0, 0, ny), MustDate(2026, time.March, 7)},
		{time.Date(2026, time.November, 1, 0, 30, 0, 0, ny), MustDate(2026, time.November, 1)},
		{time.Date(2026, time.November, 1, 23, 30, 0, 0, ny), MustDate(2026, time.November, 1)},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DateOf(tt.give), "%v", tt.give)
	}
	// Adding days is civil: 168 hours after Saturday 00:30 before the
	// change is Sunday 01:30 wall time, but seven days later is Saturday.
	before := DateOf(time.Date(2026, time.March, 7, 0, 30, 0, 0, ny))
	assert.Equal(t, MustDate(2026, time.March, 14), before.AddDays(7))
	assert.Equal(t, time.Saturday, before.AddDays(7).Weekday())
	hours := time.Date(2026, time.March, 7, 0, 30, 0, 0, ny).Add(7 * 24 * time.Hour)
	assert.Equal(t, 1, hours.Hour(), "the instant arithmetic this type avoids moves the clock")
	// In returns the first instant of the day in loc, and DateOf goes back.
	for _, d := range []Date{MustDate(2026, time.March, 8), MustDate(2026, time.November, 1)} {
		assert.Equal(t, d, DateOf(d.In(ny)))
		assert.Equal(t, d, DateOf(d.In(time.UTC)))
	}
	assert.True(t, DateOf(time.Time{}).IsZero())
	assert.True(t, DateOf(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero())
}

func TestOrderDueJSON(t *testing.T) {
	var o Order
	require.NoError(t, json.Unmarshal([]byte(`{"id":"O-1","technique":"cap","min_grade":"sedang","quantity":5,"due":"2026-12-21"}`), &o))
	assert.Equal(t, MustDate(2026, time.December, 21), o.Due)
	b, err := json.Marshal(o)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"due":"2026-12-21"`)

	// Indonesian spreadsheets' day-first form and a midnight timestamp
	// name the same day.
	for _, due := range []string{"21/12/2026", "2026-12-21T00:00:00+07:00"} {
		var o Order
		require.NoError(t, json.Unmarshal([]byte(`{"id":"O-1","technique":"cap","min_grade":"sedang","quantity":5,"due":"`+due+`"}`), &o), due)
		assert.Equal(t, MustDate(2026, time.December, 21), o.Due)
	}
	// No due date: omitted on output.
	b, err = json.Marshal(Order{ID: "O-2"})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "due")
	// A bad date is an error naming the input.
	err = json.Unmarshal([]byte(`{"id":"O-1","technique":"cap","min_grade":"sedang","quantity":5,"due":"2026-02-30"}`), &o)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, err.Error(), `"2026-02-30"`)
}

func TestDateMethods(t *testing.T) {
	d := MustDate(2026, time.December, 31)
	assert.Equal(t, "2026-12-31", d.String())
	assert.Equal(t, MustDate(2027, time.January, 1), d.AddDays(1))
	assert.Equal(t, MustDate(2026, time.December, 1), d.AddDays(-30))
	assert.Equal(t, time.Thursday, d.Weekday())
	assert.Equal(t, 1, d.Compare(d.AddDays(-1)))
	assert.Equal(t, -1, d.Compare(d.AddDays(1)))
	assert.Equal(t, 0, d.Compare(MustParseDate("31/12/2026")))
	assert.True(t, Date{}.Before(MustDate(1, time.January, 1)))
	assert.True(t, MustDate(9999, time.December, 31).AddDays(1).IsZero())
	assert.True(t, MustDate(1, time.January, 1).AddDays(-1).IsZero())
	assert.True(t, Date{}.AddDays(1).IsZero())
	assert.Equal(t, "", Date{}.String())
	assert.Equal(t, int64(0), MustDate(1970, time.January, 1).Days())

	var z Date
	require.NoError(t, z.UnmarshalText(nil))
	assert.True(t, z.IsZero())
	b, err := Date{}.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
}

// Weekday and Days agree with the time package over every day of four
// centuries (an independent oracle).
func TestDateAgreesWithTime(t *testing.T) {
	start := time.Date(1900, time.January, 1, 0, 0, 0, 0, time.UTC)
	first := MustDate(1900, time.January, 1)
	for i := 0; i < 146097; i++ { // 400 Gregorian years
		tm := start.AddDate(0, 0, i)
		d := first.AddDays(i)
		y, m, dd := tm.Date()
		if d.Year() != y || d.Month() != m || d.Day() != dd || d.Weekday() != tm.Weekday() {
			t.Fatalf("day %d: Date %v (%v), time %v", i, d, d.Weekday(), tm)
		}
		if d.Days() != tm.Unix()/86400 {
			t.Fatalf("%v: Days %d, want %d", d, d.Days(), tm.Unix()/86400)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-21", "21/12/2026", "1-2-2026", "2026-12-21T00:00:00+07:00", "12/21/2026", "0000-01-01", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != (Date{}) {
				t.Fatalf("%q: error with a date %v", s, d)
			}
			if len(err.Error()) > 400 {
				t.Fatalf("%q: message of %d bytes", s, len(err.Error()))
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("%q: no error and the zero date", s)
		}
		text := d.String()
		back, err := ParseDate(text)
		if err != nil || back != d {
			t.Fatalf("%q -> %v -> %q -> %v, %v", s, d, text, back, err)
		}
		if _, err := NewDate(d.Year(), d.Month(), d.Day()); err != nil {
			t.Fatalf("%q: parsed to a date NewDate refuses: %v", s, err)
		}
		if DateFromDays(d.Days()) != d {
			t.Fatalf("%v: Days/DateFromDays do not round-trip", d)
		}
	})
}

func TestDateInNilLocation(t *testing.T) {
	assert.Equal(t, time.Date(2026, 12, 21, 0, 0, 0, 0, time.UTC), MustParseDate("2026-12-21").In(nil))
}

// TestDateAfter pins After and Before as strict: a date is neither before
// nor after itself.
func TestDateAfter(t *testing.T) {
	a, b := MustDate(2026, time.December, 21), MustDate(2026, time.December, 22)
	assert.True(t, b.After(a))
	assert.False(t, a.After(b))
	assert.False(t, a.After(a))
	assert.False(t, a.Before(a))
	assert.True(t, a.Before(b))
	assert.True(t, a.After(Date{})) // the zero Date sorts first
}

// TestDateFromDaysBeforeYearOne pins DateFromDays and AddDays below the
// range: every day before 0001-01-01 (day -719162, by hand: 1969 years of
// 365 days and 477 leap days) gives the zero Date, not a date with a wrong
// era.
func TestDateFromDaysBeforeYearOne(t *testing.T) {
	first := MustDate(1, time.January, 1)
	require.Equal(t, int64(-719162), first.Days())
	assert.Equal(t, first, DateFromDays(-719162))
	for n := int64(-719163); n >= -719162-3*146097; n-- {
		if d := DateFromDays(n); !d.IsZero() {
			t.Fatalf("DateFromDays(%d) = %v, want the zero Date", n, d)
		}
	}
	assert.True(t, first.AddDays(-1).IsZero())
	assert.True(t, first.AddDays(-700).IsZero())
}

// TestParseDateMidnightOffsetEnds pins the offset of a midnight date-time:
// minutes up to 59, hours up to 23, and nothing after the offset or the Z.
func TestParseDateMidnightOffsetEnds(t *testing.T) {
	want := MustDate(2026, time.December, 14)
	for _, s := range []string{"2026-12-14T00:00:00+23:59", "2026-12-14T00:00:00-00:00", "2026-12-14T00:00:00.0Z"} {
		got, err := ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"2026-12-14T00:00:00+07:60", "2026-12-14T00:00:00+07:0x", "2026-12-14T00:00:00Z ", "2026-12-14T00:00:00X", "2026-12-14T00:00:00+0700"} {
		_, err := ParseDate(s)
		var de *FieldError
		require.True(t, errors.As(err, &de), s)
		assert.Equal(t, msg.Quote(s), de.Value)
	}
}

// TestParseDateDigitEdges pins the digits of the day-first forms and the
// fractional zeros of a midnight: 9 is a digit like the others, a day or
// month has at most two digits ("001/12/2026" is not a date, not the 1st),
// text that stops after the day or the month ("21", "21/12") is refused,
// zeros may end the text, and an offset of +23:00 is the largest hour.
func TestParseDateDigitEdges(t *testing.T) {
	for give, want := range map[string]Date{
		"9/9/2029":                      MustDate(2029, time.September, 9),
		"19-09-1999":                    MustDate(1999, time.September, 19),
		"29/09/2099":                    MustDate(2099, time.September, 29),
		"2026-12-21T00:00:00.000":       MustDate(2026, time.December, 21),
		"2026-12-21T00:00:00.0+23:00":   MustDate(2026, time.December, 21),
		"2026-12-21T00:00:00-23:59":     MustDate(2026, time.December, 21),
		"2026-12-21T00:00:00.00000000Z": MustDate(2026, time.December, 21),
	} {
		got, err := ParseDate(give)
		require.NoError(t, err, give)
		assert.Equal(t, want, got, give)
	}
	for _, give := range []string{"21", "21/12", "2/", "001/12/2026", "1/012/2026", "01/12/02026", "2026-12-21T00:00:00+24:00", "2026-12-21T00:00:00.001"} {
		_, err := ParseDate(give)
		require.ErrorIs(t, err, ErrInvalid, give)
	}
}

// TestLeapCenturies pins the Gregorian leap rule at the centuries: 1900
// and 2100 are not leap years (divisible by 100), 2000 and 2400 are
// (divisible by 400), so 29 February exists only in the latter.
func TestLeapCenturies(t *testing.T) {
	for _, y := range []int{1600, 2000, 2400} {
		d, err := NewDate(y, time.February, 29)
		require.NoError(t, err, y)
		assert.Equal(t, MustDate(y, time.March, 1), d.AddDays(1), y)
	}
	for _, y := range []int{1700, 1800, 1900, 2100} {
		_, err := NewDate(y, time.February, 29)
		require.ErrorIs(t, err, ErrInvalid, y)
		assert.Contains(t, err.Error(), "day must be in [1, 28]", y)
		assert.Equal(t, MustDate(y, time.March, 1), MustDate(y, time.February, 28).AddDays(1), y)
	}
}

// TestDateOfYearRange pins DateOf's range, both ends included: a time in
// year 1 or year 9999 gives its date, year 0 or 10000 the zero Date.
func TestDateOfYearRange(t *testing.T) {
	assert.Equal(t, MustDate(1, time.January, 1), DateOf(time.Date(1, time.January, 1, 12, 0, 0, 0, time.UTC)))
	assert.Equal(t, MustDate(9999, time.December, 31), DateOf(time.Date(9999, time.December, 31, 23, 0, 0, 0, time.UTC)))
	assert.True(t, DateOf(time.Date(0, time.December, 31, 12, 0, 0, 0, time.UTC)).IsZero())
	assert.True(t, DateOf(time.Date(10000, time.January, 1, 12, 0, 0, 0, time.UTC)).IsZero())
}

// TestParseDateLengthBound pins ParseDate's 40-byte bound: a midnight with
// 14 fractional zeros and an offset is exactly 40 bytes and is read; one
// more zero is refused before any parsing.
func TestParseDateLengthBound(t *testing.T) {
	s := "2026-12-21T00:00:00." + strings.Repeat("0", 14) + "+07:00"
	require.Len(t, s, 40)
	d, err := ParseDate(s)
	require.NoError(t, err)
	assert.Equal(t, MustDate(2026, time.December, 21), d)
	_, err = ParseDate("2026-12-21T00:00:00." + strings.Repeat("0", 15) + "+07:00")
	require.ErrorIs(t, err, ErrInvalid)
}
