package batik

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York on any CI machine

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
			var de *DateError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.give, de.Value)
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
