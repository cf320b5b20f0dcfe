// Command campaign runs a month of a marketplace campaign on the capacity
// ledger, in simulated time: two hundred small orders of batik cap shirts
// arrive from four sales channels at once (web, WhatsApp, marketplace,
// resellers), each channel its own goroutine, and are booked on eight
// workshops in Surakarta and Pekalongan. Along the way: holds that are
// confirmed the next working day, cancellations, a hold nobody confirms
// (it expires), a flash sale in which the four channels race for the last
// week's capacity, a workshop closed for a week, and a workshop that
// delivers short and whose shortfall is rebooked elsewhere. Holds are
// asked for a length of time (HoldFor), so a channel that retries a
// request after a lost answer gets its booking back; deliveries carry a
// key of their own, so a retried delivery counts once; an order that
// needs at least 30 of its 40 pieces (MinFill) is refused when the week
// is full. It then prints the campaign board: each workshop's weeks,
// booked and delivered against capacity.
//
//	go run ./examples/campaign
//
// The output is the same on every run. The channels book concurrently, but
// each working day the workshops are split into four groups and each
// channel books only on its group that day (the groups rotate, so every
// channel uses every workshop over the month); and in the flash sale,
// where the channels do race for the same workshops, demand exceeds the
// week's capacity, so the week fills exactly whoever wins each piece.
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/batikkit/batikkit/pricing"
)

//go:embed workshops.csv
var workshopsCSV string

var (
	wib      = time.FixedZone("WIB", 7*3600)
	monday   = time.Date(2026, 11, 30, 0, 0, 0, 0, wib) // Monday of 2026-W49
	channels = []string{"WEB", "WA", "MP", "RS"}
	first    = capacity.MustParseWeek("2026-W50") // the first week of work
	lastWeek = capacity.MustParseWeek("2026-W53")
	closed   = capacity.CalendarEntry{ProducerID: "PKL-04", Week: capacity.MustParseWeek("2026-W51"), Capacity: 0}
	short    = "SLO-08" // delivers half of what it booked in 2026-W50
)

// day returns the time of day h:m on working day d (0 = Monday 30 November).
func day(d, h, m int) time.Time {
	return monday.AddDate(0, 0, d/5*7+d%5).Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

// campaign is the simulation's state, owned by main between the phases.
type campaign struct {
	ctx       context.Context
	ledger    *capacity.Ledger
	producers []batik.Producer
	groups    [][]batik.Producer
	orders    map[string]batik.Order // by key
	byDay     [][]string             // keys of each day's orders, in arrival order
	hold      map[string]bool        // booked as a hold
	cancel    map[string]bool        // cancelled the next working day
	forget    string                 // a hold nobody confirms
	refused   map[string]bool        // booked nothing: no capacity in its weeks
	mu        sync.Mutex             // guards refused
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "campaign:", err)
		os.Exit(1)
	}
}

func run() error {
	producers, err := batik.ReadProducersCSV(strings.NewReader(workshopsCSV))
	if err != nil {
		return err
	}
	c := &campaign{
		ctx:       context.Background(),
		ledger:    capacity.NewLedger(memstore.New(), capacity.LedgerOptions{MaxRetries: 100}),
		producers: producers,
		orders:    map[string]batik.Order{},
		hold:      map[string]bool{},
		cancel:    map[string]bool{},
		refused:   map[string]bool{},
	}
	// Four groups of two workshops, one per channel each day.
	for g := range 4 {
		c.groups = append(c.groups, []batik.Producer{producers[g], producers[g+4]})
	}
	// 200 orders, 10 each working day for four weeks, spread over the channels.
	c.byDay = make([][]string, 20)
	for n := range 200 {
		d := n / 10
		key := fmt.Sprintf("%s-%03d", channels[n%4], n)
		c.orders[key] = batik.Order{ID: key, SKU: "KMJ-CAP-PARANG", Technique: batik.Cap, MinGrade: batik.Sedang,
			Quantity: 2 + n*3%7 + n%3, Due: nextWeek(d).Add(2).Monday().AddDays(2)}
		c.byDay[d] = append(c.byDay[d], key)
		c.hold[key] = n%5 == 0
		c.cancel[key] = n%17 == 0 && n > 0
	}
	c.forget = "WEB-040"

	if err := c.ledger.SetCalendar(c.ctx, closed, day(0, 8, 0)); err != nil {
		return err
	}
	fmt.Printf("%s is closed in %s (a family wedding): capacity 0\n", closed.ProducerID, closed.Week)

	for d := range 21 {
		if d%5 == 0 && d >= 10 {
			// Monday: the week before last has ended (deliveries on Sunday),
			// late lines are rebooked.
			if err := c.deliver(first.Add(d/5-2), day(d, -6, 0)); err != nil {
				return err
			}
			if d == 10 {
				if err := c.rebook(day(d, 8, 0)); err != nil {
					return err
				}
			}
		}
		if d > 0 {
			if err := c.settle(d); err != nil {
				return err
			}
		}
		if d < 20 {
			if err := c.book(d); err != nil {
				return err
			}
		}
		if d == 1 {
			if err := c.flashSale(day(d, 11, 0)); err != nil {
				return err
			}
		}
	}
	if err := c.deliver(lastWeek, day(25, -6, 0)); err != nil {
		return err
	}
	return c.report(day(25, -4, 0))
}

// nextWeek is the week after the one of working day d: orders are made
// from the next Monday on.
func nextWeek(d int) capacity.Week {
	return capacity.WeekOf(batik.DateOf(day(d, 12, 0))).Add(1)
}

// book books day d's orders: each channel its own, concurrently, on its
// group of workshops for the day.
func (c *campaign) book(d int) error {
	errs := make([]error, len(channels))
	var wg sync.WaitGroup
	for ch := range channels {
		wg.Add(1)
		go func() {
			defer wg.Done()
			group := c.groups[(ch+d)%len(c.groups)]
			for i, key := range c.byDay[d] {
				if !strings.HasPrefix(key, channels[ch]+"-") {
					continue
				}
				now := day(d, 10, i)
				req := capacity.BookRequest{Key: key, Orders: []batik.Order{c.orders[key]}, Producers: group, From: nextWeek(d), Weeks: 2,
					Policy: capacity.LowestCost}
				if c.hold[key] {
					req.HoldFor = day(d+1, 12, 0).Sub(now) // confirm by noon of the next working day
				}
				_, err := c.ledger.Book(c.ctx, req, now)
				if errors.Is(err, capacity.ErrNoCapacity) {
					c.mu.Lock()
					c.refused[key] = true
					c.mu.Unlock()
					continue
				}
				if err != nil {
					errs[ch] = err
					return
				}
				if key == "MP-002" {
					// The marketplace lost the answer and sends the request
					// again a minute later: the same booking comes back.
					again, err := c.ledger.Book(c.ctx, req, now.Add(time.Minute))
					if err != nil {
						errs[ch] = err
						return
					}
					fmt.Printf("%s sent twice: one booking, version %d, %d pieces\n", key, again.Version, pieces(again))
				}
			}
		}()
	}
	wg.Wait()
	return firstErr(errs)
}

// settle confirms the holds and makes the cancellations of the day before
// d, each channel its own, concurrently. Neither plans anything, so the
// order among channels does not matter.
func (c *campaign) settle(d int) error {
	errs := make([]error, len(channels))
	var wg sync.WaitGroup
	for ch := range channels {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, key := range c.byDay[d-1] {
				if !strings.HasPrefix(key, channels[ch]+"-") {
					continue
				}
				var err error
				switch {
				case c.refused[key]:
				case c.cancel[key]:
					_, err = c.ledger.Cancel(c.ctx, key, day(d, 9, 30))
				case c.hold[key] && key != c.forget:
					_, err = c.ledger.Confirm(c.ctx, key, day(d, 9, 30))
				}
				if err != nil {
					errs[ch] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	if d-1 == dayOf(c.forget) {
		b, err := c.ledger.Booking(c.ctx, c.forget, day(d, 12, 0))
		if err != nil {
			return err
		}
		fmt.Printf("%s was held until %s and not confirmed: %s at noon, its %d pieces free again\n",
			c.forget, b.HoldUntil.Format("Mon 2 Jan 15:04"), b.State, pieces(b))
	}
	return firstErr(errs)
}

func dayOf(key string) int {
	var n int
	fmt.Sscanf(key[strings.IndexByte(key, '-')+1:], "%d", &n)
	return n / 10
}

// flashSale: the four channels race for the last week's capacity on every
// workshop with 30 holds of 4 pieces each, 480 pieces for the week's 284;
// the holds lapse two hours later. Then a reseller asks for 40 pieces, at
// least 30 of them or none (MinFill), which the full week cannot give.
func (c *campaign) flashSale(now time.Time) error {
	const holds = 30 // a channel's
	errs := make([]error, len(channels))
	refused := make([]int, len(channels))
	var wg sync.WaitGroup
	for ch := range channels {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range holds {
				key := fmt.Sprintf("FLASH-%s-%02d", channels[ch], i)
				o := batik.Order{ID: key, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 4}
				_, err := c.ledger.Book(c.ctx, capacity.BookRequest{Key: key, Orders: []batik.Order{o}, Producers: c.producers,
					From: lastWeek, HoldFor: 2 * time.Hour}, now)
				if errors.Is(err, capacity.ErrNoCapacity) {
					refused[ch]++
					continue
				}
				if err != nil {
					errs[ch] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	if err := firstErr(errs); err != nil {
		return err
	}
	q := capacity.SlotQuery{From: lastWeek, To: lastWeek}
	st, err := c.ledger.Slots(c.ctx, q, c.producers, now)
	if err != nil {
		return err
	}
	held, capSum := 0, 0
	for _, s := range st {
		held += s.Held
		capSum += s.Capacity
	}
	fmt.Printf("flash sale for %s: 4 channels asked for 480 pieces at once; %d of the week's %d held, no piece twice\n", lastWeek, held, capSum)
	st, err = c.ledger.Slots(c.ctx, q, c.producers, now.Add(2*time.Hour))
	if err != nil {
		return err
	}
	held = 0
	for _, s := range st {
		held += s.Held
	}
	fmt.Printf("flash sale holds lapse at %s: %d pieces held after it\n", now.Add(2*time.Hour).Format("15:04"), held)
	all := 0
	for _, n := range refused {
		all += n
	}
	fmt.Printf("flash sale: %d of %d requests found the week full and were refused, nothing recorded for them\n", all, holds*len(channels))
	o := batik.Order{ID: "RS-BULK-40", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
	_, err = c.ledger.Book(c.ctx, capacity.BookRequest{Key: o.ID, Orders: []batik.Order{o}, Producers: c.producers,
		From: lastWeek, HoldFor: 2 * time.Hour, MinFill: 30}, now)
	var ie *capacity.InputError
	if !errors.As(err, &ie) || !errors.Is(err, capacity.ErrNoCapacity) {
		return fmt.Errorf("the order with a minimum: want ErrNoCapacity, got %v", err)
	}
	fmt.Printf("%s, at least 30 pieces: refused: %s\n  (id) %s\n", o.ID, ie.Message(pricing.English), ie.Message(pricing.Indonesian))
	return nil
}

// deliver records, on Sunday evening after week w, what the workshops
// handed over: everything booked in w, except that the short workshop
// hands over half of its pieces in the first week.
func (c *campaign) deliver(w capacity.Week, now time.Time) error {
	bs, err := c.bookings(capacity.BookingFilter{State: capacity.Confirmed}, now)
	if err != nil {
		return err
	}
	retried := false
	for _, b := range bs {
		var ds []capacity.Delivery
		for _, ln := range b.Lines {
			if ln.Week != w || ln.Delivered == ln.Quantity {
				continue
			}
			q := ln.Quantity - ln.Delivered
			if ln.ProducerID == short && w == first {
				q /= 2
			}
			ds = append(ds, capacity.Delivery{OrderID: ln.OrderID, Slot: ln.Slot, Quantity: q})
		}
		if len(ds) == 0 {
			continue
		}
		call := "handover-" + w.String() // the workshop's handover note: one a week
		got, err := c.ledger.Deliver(c.ctx, b.Key, call, ds, now)
		if err != nil {
			return err
		}
		if !retried && w == first {
			// The office's connection drops and the clerk sends the same
			// handover again: it counts once.
			again, err := c.ledger.Deliver(c.ctx, b.Key, call, ds, now.Add(5*time.Minute))
			if err != nil {
				return err
			}
			if again.Version != got.Version || delivered(again) != delivered(got) {
				return fmt.Errorf("handover of %s for %s sent twice changed the booking: version %d, then %d", b.Key, w, got.Version, again.Version)
			}
			fmt.Printf("handover of %s for %s sent twice: %d pieces delivered, version %d both times\n",
				b.Key, w, delivered(again), got.Version)
			retried = true
		}
	}
	return nil
}

// bookings reads every page of the bookings f selects.
func (c *campaign) bookings(f capacity.BookingFilter, now time.Time) ([]capacity.Booking, error) {
	var out []capacity.Booking
	for {
		page, err := c.ledger.Bookings(c.ctx, f, now)
		if err != nil {
			return nil, err
		}
		out = append(out, page.Bookings...)
		if page.Next == "" {
			return out, nil
		}
		f.Cursor = page.Next
	}
}

// rebook moves what the short workshop did not hand over in the first
// week to other workshops, on time for each order's due date if possible.
func (c *campaign) rebook(now time.Time) error {
	bs, err := c.bookings(capacity.BookingFilter{ProducerID: short}, now)
	if err != nil {
		return err
	}
	booked, delivered, unfilled, n := 0, 0, 0, 0
	for _, b := range bs {
		if b.State != capacity.Confirmed {
			continue
		}
		late := false
		for _, ln := range b.Lines {
			if ln.ProducerID == short && ln.Week == first {
				booked += ln.Quantity
				delivered += ln.Delivered
				late = late || ln.Delivered < ln.Quantity
			}
		}
		if !late {
			continue
		}
		before := b.Unfilled[b.Key]
		after, err := c.ledger.Rebook(c.ctx, b.Key, []batik.Order{c.orders[b.Key]}, c.producers, now)
		if err != nil {
			return err
		}
		unfilled += after.Unfilled[b.Key] - before
		n++
	}
	missing := booked - delivered
	fmt.Printf("%s handed over %d of %d pieces booked in %s; %d bookings rebooked: %d pieces moved to other workshops, %d too late to make on time\n",
		short, delivered, booked, first, n, missing-unfilled, unfilled)
	return nil
}

// report prints the bookings by state and the campaign board.
func (c *campaign) report(now time.Time) error {
	bs, err := c.bookings(capacity.BookingFilter{}, now)
	if err != nil {
		return err
	}
	states := map[capacity.State]int{}
	ordered, unfilled := 0, 0
	for _, o := range c.orders {
		ordered += o.Quantity
	}
	for _, b := range bs {
		if _, ok := c.orders[b.Key]; !ok {
			continue // the flash sale's
		}
		states[b.State]++
		if b.State == capacity.Confirmed {
			unfilled += b.Unfilled[b.Key]
		}
	}
	fmt.Printf("%d orders, %d pieces: %d confirmed, %d cancelled, %d expired, %d refused (no capacity in their two weeks); %d pieces of confirmed orders found no capacity\n",
		len(c.orders), ordered, states[capacity.Confirmed], states[capacity.Cancelled], states[capacity.Expired], len(c.refused), unfilled)
	fmt.Println()
	board, err := c.ledger.Board(c.ctx, now, capacity.BoardQuery{Producers: c.producers, From: first, Weeks: lastWeek.Sub(first) + 1})
	if err != nil {
		return err
	}
	return printBoard(board)
}

// printBoard prints the board as a table: per workshop and week, pieces
// booked (held and confirmed) of the capacity, "closed" for a week the
// calendar closed, and the totals.
func printBoard(b capacity.Board) error {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-9s", "workshop")
	for _, w := range b.Weeks {
		fmt.Fprintf(&sb, " %10s", w)
	}
	fmt.Fprintf(&sb, " %11s  %s\n", "total", "delivered")
	cell := func(c capacity.BoardCell) string { return fmt.Sprintf("%d/%d", c.Held+c.Confirmed, c.Capacity) }
	for _, r := range b.Rows {
		fmt.Fprintf(&sb, "%-9s", r.ProducerID)
		for k, c := range r.Cells {
			text := cell(c)
			if slices.Contains(r.Closed, k) {
				text = "closed"
			}
			fmt.Fprintf(&sb, " %10s", text)
		}
		fmt.Fprintf(&sb, " %11s  %d\n", cell(r.Total), r.Total.Delivered)
	}
	fmt.Fprintf(&sb, "%-9s", "all")
	for _, c := range b.Totals {
		fmt.Fprintf(&sb, " %10s", cell(c))
	}
	fmt.Fprintf(&sb, " %11s  %d\n", cell(b.Total), b.Total.Delivered)
	_, err := os.Stdout.WriteString(sb.String())
	return err
}

func delivered(b capacity.Booking) int {
	n := 0
	for _, ln := range b.Lines {
		n += ln.Delivered
	}
	return n
}

func pieces(b capacity.Booking) int {
	n := 0
	for _, ln := range b.Lines {
		n += ln.Quantity
	}
	return n
}

func firstErr(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
