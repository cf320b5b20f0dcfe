package batik

import (
	"cmp"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/internal/msg"
)

// Date is a civil (calendar) date: a year, a month and a day, with no clock
// and no time zone, so no zone or daylight-saving rule can ever move it. It
// is what a due date is: "2026-12-21" means that day wherever the reader is.
//
// Years run from 1 to 9999. The zero Date is not a valid date: it means
// "not stated" (Order.Due of an order that has none) and IsZero reports it.
// Dates are comparable with == and ordered by Compare. A Date is 4 bytes
// and is passed by value.
type Date struct {
	year  int16
	month uint8
	day   uint8
}

// Date limits: the years a Date can hold.
const (
	MinDateYear = 1
	MaxDateYear = 9999
)

// NewDate returns the date year-month-day, or a *FieldError wrapping
// ErrInvalid (codes "date_year", "date_month_range", "date_day") when the
// year is outside [1, 9999] or the day does not exist in that month
// (2026-02-30). Nothing is normalised: 31 April is an error, not 1 May.
func NewDate(year int, month time.Month, day int) (Date, error) {
	text := func() string { return strconv.Itoa(year) + "-" + strconv.Itoa(int(month)) + "-" + strconv.Itoa(day) }
	switch {
	case year < MinDateYear || year > MaxDateYear:
		return Date{}, dateErr(text(), codeDateYear)
	case month < time.January || month > time.December:
		return Date{}, dateErr(text(), codeDateMonthRange)
	case day < 1 || day > daysIn(year, month):
		return Date{}, dateErr(text(), codeDateDay, strconv.Itoa(daysIn(year, month)))
	}
	return Date{int16(year), uint8(month), uint8(day)}, nil
}

// MustDate is NewDate for constants in programs and tests; it panics on an
// invalid date.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t in t's own location: the date a clock
// on a wall there shows. It returns the zero Date for the zero time or a
// year outside [1, 9999].
func DateOf(t time.Time) Date {
	if t.IsZero() {
		return Date{}
	}
	y, m, d := t.Date()
	if y < MinDateYear || y > MaxDateYear {
		return Date{}
	}
	return Date{int16(y), uint8(m), uint8(d)}
}

// DateForms lists the forms ParseDate accepts, for messages and docs.
const DateForms = "YYYY-MM-DD (2026-12-21), DD/MM/YYYY (21/12/2026) or DD-MM-YYYY (21-12-2026)"

// ParseDate reads a date in one of three forms:
//
//	2026-12-21   ISO 8601, as systems and JSON write it
//	21/12/2026   day first, as Indonesian Excel writes it
//	21-12-2026   day first, with dashes
//
// Day and month may have one or two digits in the day-first forms; the
// year always has four. A date-time with a midnight clock
// ("2026-12-14T00:00:00+07:00", "2026-12-14T00:00:00Z") is read as the date
// it names, whatever the offset, because that is the day its writer meant;
// any other clock is an error (a due date is a day, not an instant).
// Month-first dates ("12/21/2026") are refused: the month is out of range.
// Errors are *FieldErrors of the field "date" wrapping ErrInvalid that
// quote the input (abbreviated) and list the accepted forms (code "date",
// or "date_month", "date_day", "date_year", "date_time" for what is wrong
// with a well-formed one). O(len(s)), no allocation on success.
func ParseDate(s string) (Date, error) {
	if len(s) > 40 {
		return Date{}, dateErr(s, codeDate)
	}
	if len(s) > 10 && s[10] == 'T' {
		return parseMidnight(s)
	}
	var y, m, d int
	var ok bool
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, ok = digits(s[0:4])
		m, ok = digitsAnd(ok, s[5:7])
		d, ok = digitsAnd(ok, s[8:10])
	default:
		d, m, y, ok = dayFirst(s)
	}
	if !ok {
		return Date{}, dateErr(s, codeDate)
	}
	if m < 1 || m > 12 {
		return Date{}, dateErr(s, codeDateMonth, strconv.Itoa(m))
	}
	date, err := NewDate(y, time.Month(m), d)
	if err != nil {
		return Date{}, reDate(err, s)
	}
	return date, nil
}

// parseMidnight reads an RFC 3339 date-time whose clock is midnight.
func parseMidnight(s string) (Date, error) {
	rest := s[10:]
	if len(rest) < 9 || rest[:9] != "T00:00:00" {
		return Date{}, dateErr(s, codeDateTime)
	}
	rest = rest[9:]
	if len(rest) > 0 && rest[0] == '.' { // fractional zeros
		i := 1
		for i < len(rest) && rest[i] == '0' {
			i++
		}
		if i == 1 {
			return Date{}, dateErr(s, codeDate)
		}
		rest = rest[i:]
	}
	switch {
	case rest == "Z":
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		if h, ok := digits(rest[1:3]); !ok || h > 23 {
			return Date{}, dateErr(s, codeDate)
		}
		if mm, ok := digits(rest[4:6]); !ok || mm > 59 {
			return Date{}, dateErr(s, codeDate)
		}
	default:
		if rest != "" {
			return Date{}, dateErr(s, codeDate)
		}
	}
	d, err := ParseDate(s[:10])
	if err != nil {
		return Date{}, reDate(err, s)
	}
	return d, nil
}

// dayFirst reads D/M/YYYY or D-M-YYYY with one or two digits for D and M.
func dayFirst(s string) (d, m, y int, ok bool) {
	sep := byte(0)
	i := 0
	read := func(max int) (int, bool) {
		j := i
		for i < len(s) && i-j < max && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == j {
			return 0, false
		}
		v, _ := strconv.Atoi(s[j:i])
		return v, true
	}
	next := func() bool {
		if i >= len(s) || (s[i] != '/' && s[i] != '-') || (sep != 0 && s[i] != sep) {
			return false
		}
		sep = s[i]
		i++
		return true
	}
	if d, ok = read(2); !ok || !next() {
		return 0, 0, 0, false
	}
	if m, ok = read(2); !ok || !next() {
		return 0, 0, 0, false
	}
	j := i
	if y, ok = read(4); !ok || i-j != 4 || i != len(s) {
		return 0, 0, 0, false
	}
	return d, m, y, true
}

func digits(s string) (int, bool) {
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, len(s) > 0
}

func digitsAnd(ok bool, s string) (int, bool) {
	v, ok2 := digits(s)
	return v, ok && ok2
}

// MustParseDate is ParseDate for constants in programs and tests; it panics
// on an error.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether d is the zero Date ("not stated").
func (d Date) IsZero() bool { return d == Date{} }

// Year returns d's year (0 for the zero Date).
func (d Date) Year() int { return int(d.year) }

// Month returns d's month (0 for the zero Date).
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns d's day of the month (0 for the zero Date).
func (d Date) Day() int { return int(d.day) }

// String returns d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return string(d.AppendText(make([]byte, 0, 10)))
}

// AppendText appends d as YYYY-MM-DD (nothing for the zero Date) to b.
func (d Date) AppendText(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	y := int(d.year)
	b = append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+d.month/10), byte('0'+d.month%10), '-', byte('0'+d.day/10), byte('0'+d.day%10))
	return b
}

// MarshalText returns d as YYYY-MM-DD; the zero Date marshals as "".
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(nil), nil }

// UnmarshalText reads any form ParseDate accepts; "" gives the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e. The
// zero Date sorts before every valid date.
func (d Date) Compare(e Date) int {
	switch {
	case d.year != e.year:
		return cmp.Compare(int(d.year), int(e.year))
	case d.month != e.month:
		return cmp.Compare(int(d.month), int(e.month))
	}
	return cmp.Compare(int(d.day), int(e.day))
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Days returns the number of days from 1970-01-01 to d (negative before
// it). The zero Date gives the day number of 0000-00-00, which is not
// meaningful. O(1).
func (d Date) Days() int64 { return daysFromCivil(int64(d.year), int64(d.month), int64(d.day)) }

// DateFromDays is the inverse of Days; it returns the zero Date when the
// day falls outside the years [1, 9999].
func DateFromDays(n int64) Date {
	y, m, dd := civilFromDays(n)
	if y < MinDateYear || y > MaxDateYear {
		return Date{}
	}
	return Date{int16(y), uint8(m), uint8(dd)}
}

// AddDays returns d plus n days (n may be negative). It returns the zero
// Date when d is zero or the result falls outside the years [1, 9999].
// Civil days have no length in hours, so no daylight-saving rule applies.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return Date{}
	}
	return DateFromDays(d.Days() + int64(n))
}

// Weekday returns the day of the week of d (Sunday for the zero Date is
// not meaningful).
func (d Date) Weekday() time.Weekday {
	// 1970-01-01 was a Thursday.
	w := (d.Days() + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// In returns the instant at which d begins in loc (midnight, or the first
// instant of the day where midnight does not exist); a nil loc means UTC.
func (d Date) In(loc *time.Location) time.Time {
	if loc == nil { // time.Date panics on a nil location; nil means UTC here
		loc = time.UTC
	}
	return time.Date(int(d.year), time.Month(d.month), int(d.day), 0, 0, 0, 0, loc)
}

func daysIn(year int, m time.Month) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// daysFromCivil and civilFromDays convert between proleptic Gregorian dates
// and day numbers from 1970-01-01 in integer arithmetic (H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms").
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int64) (y, m, d int64) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// dateErr is the *FieldError of text that is not a date for the reason c.
func dateErr(text string, c code, args ...string) *FieldError {
	f := fieldErr("date", msg.Quote(text), c, args...)
	return &f
}

// reDate gives the error of a date read from part of s the whole of s as
// its value.
func reDate(err error, s string) error {
	f := *err.(*FieldError)
	f.Value = msg.Quote(s)
	return &f
}
