package ledgerhttp

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// workshops returns n producers of cap, sedang, with 15 to 19 pieces a
// week.
func workshops(n int) []batik.Producer {
	ps := make([]batik.Producer, n)
	for i := range ps {
		ps[i] = batik.Producer{ID: fmt.Sprintf("W-%04d", i), Name: fmt.Sprintf("Batik %04d", i), Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 15 + i%5, UnitCost: decimal.NewFromInt(int64(76000 + i%7*1000))}}}
	}
	return ps
}

func benchHandler(l *capacity.Ledger, ps []batik.Producer) http.Handler {
	return New(l, Options{
		Clock:     func() time.Time { return now },
		Producers: func(context.Context) ([]batik.Producer, error) { return ps, nil },
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
}

// BenchmarkBook books a 1,000-piece order over 15 workshops x 4 weeks
// (60 lines) through the handler (POST /bookings: headers, JSON in and
// out, the Idempotency-Key lock and the replay check) and through
// Ledger.Book directly; the difference is the handler's own share. Each
// booking is cancelled, outside the timer, to free the capacity again.
func BenchmarkBook(b *testing.B) {
	ps := workshops(15)
	order := batik.Order{ID: "ORD", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1000}
	b.Run("ledger", func(b *testing.B) {
		l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
		ctx := context.Background()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			key := fmt.Sprintf("ORD-%d", i)
			i++
			order.ID = key
			bk, err := l.Book(ctx, capacity.BookRequest{Key: key, Orders: []batik.Order{order}, Producers: ps,
				From: capacity.MustParseWeek("2026-W11"), Weeks: 4, HoldFor: 15 * time.Minute}, now)
			if err != nil || len(bk.Lines) != 60 {
				b.Fatal(err, len(bk.Lines))
			}
			release(b, l, key)
		}
	})
	b.Run("handler", func(b *testing.B) {
		l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
		h := benchHandler(l, ps)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			key := fmt.Sprintf("ORD-%d", i)
			i++
			r, _ := http.NewRequest("POST", "/bookings", strings.NewReader(bookBody(key, 1000, "2026-W11", 4, "15m0s")))
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("Idempotency-Key", key)
			w := &discard{header: http.Header{}}
			h.ServeHTTP(w, r)
			if w.status != http.StatusCreated {
				b.Fatal(w.status)
			}
			release(b, l, key)
		}
	})
}

// BenchmarkOverhead measures the handler's fixed costs: routing, the
// language, headers and a small answer (GET /healthz, a map lookup in the
// memory store), and a problem (GET /bookings/{key} of no booking:
// routing, the ledger's lookup, problem mapping and its JSON).
func BenchmarkOverhead(b *testing.B) {
	h := benchHandler(capacity.NewLedger(memstore.New(), capacity.LedgerOptions{}), workshops(15))
	for _, tt := range []struct {
		name, path string
		status     int
	}{{"healthz", "/healthz", http.StatusOK}, {"problem", "/bookings/NOPE", http.StatusNotFound}} {
		b.Run(tt.name, func(b *testing.B) {
			r, _ := http.NewRequest("GET", tt.path, nil)
			r.Header.Set("Accept-Language", "id-ID,id;q=0.9")
			b.ReportAllocs()
			for b.Loop() {
				w := &discard{header: http.Header{}}
				h.ServeHTTP(w, r)
				if w.status != tt.status {
					b.Fatal(w.status)
				}
			}
		})
	}
}

// release cancels the booking outside the timer, to free its capacity
// for the next.
func release(b *testing.B, l *capacity.Ledger, key string) {
	b.StopTimer()
	if _, err := l.Cancel(context.Background(), key, now); err != nil {
		b.Fatal(err)
	}
	b.StartTimer()
}

// BenchmarkBookJSON measures the two codecs of POST /bookings that are
// the ledger's types' own: decoding the request (capacity.BookRequest's
// strict UnmarshalJSON, with the server's keys added) and encoding the
// 60-line booking (capacity.Booking.MarshalJSON).
func BenchmarkBookJSON(b *testing.B) {
	ps := workshops(15)
	l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	bk, err := l.Book(context.Background(), capacity.BookRequest{Key: "ORD", Producers: ps, From: capacity.MustParseWeek("2026-W11"), Weeks: 4,
		Orders: []batik.Order{{ID: "ORD", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1000}}, HoldFor: 15 * time.Minute}, now)
	require.NoError(b, err)
	body := []byte(bookBody("ORD", 1000, "2026-W11", 4, "15m0s"))
	b.Run("request", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeBookRequest(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("booking", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := bk.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// discard is a ResponseWriter that keeps the status only.
type discard struct {
	header http.Header
	status int
	n      int
}

func (d *discard) Header() http.Header         { return d.header }
func (d *discard) Write(p []byte) (int, error) { d.n += len(p); return len(p), nil }
func (d *discard) WriteHeader(status int)      { d.status = status }

// campaignOf books orders on ps so that most cells of weeks 2026-W10 to
// 2026-W35 hold something: confirmed and delivered in the past weeks,
// held in the weeks ahead.
func campaignOf(tb testing.TB, l *capacity.Ledger, ps []batik.Producer) {
	ctx := context.Background()
	for k := range 26 {
		w := capacity.MustParseWeek("2026-W10").Add(k)
		hold := time.Duration(0)
		if k > 2 {
			hold = 24 * time.Hour
		}
		key := "ORD-" + w.String()
		_, err := l.Book(ctx, capacity.BookRequest{Key: key, Orders: []batik.Order{{ID: key, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: len(ps) * 12}},
			Producers: ps, From: w, HoldFor: hold}, now)
		require.NoError(tb, err)
	}
}

// BenchmarkBoardHTML renders GET /board.html for 50 workshops x 26 weeks
// (one page at the default per_page), beside Ledger.Board of the same
// query: the difference is the page's own share.
func BenchmarkBoardHTML(b *testing.B) {
	benchBoard(b, 50, "/board.html?from=2026-W10&weeks=26")
}

// BenchmarkBoardJSON answers GET /board for 3,000 workshops x 26 weeks in
// one page, beside Ledger.Board of the same query.
func BenchmarkBoardJSON(b *testing.B) {
	benchBoard(b, 3000, "/board?from=2026-W10&weeks=26&per_page=3000")
}

func benchBoard(b *testing.B, n int, path string) {
	ps := workshops(n)
	l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	campaignOf(b, l, ps)
	b.Run("ledger", func(b *testing.B) {
		b.ReportAllocs()
		q := capacity.BoardQuery{Producers: ps, From: capacity.MustParseWeek("2026-W10"), Weeks: 26}
		for b.Loop() {
			if _, err := l.Board(context.Background(), now, q); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("handler", func(b *testing.B) {
		h := benchHandler(l, ps)
		r, _ := http.NewRequest("GET", path, nil)
		b.ReportAllocs()
		var size int
		for b.Loop() {
			w := &discard{header: http.Header{}}
			h.ServeHTTP(w, r)
			if w.status != http.StatusOK {
				b.Fatal(w.status)
			}
			size = w.n
		}
		b.ReportMetric(float64(size), "bytes/answer")
	})
}
