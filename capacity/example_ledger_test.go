package capacity_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
)

// Two Solo workshops that stamp (cap) 100 and 60 pieces a week.
func soloWorkshops() []batik.Producer {
	mk := func(id string, perWeek int, cost int64) batik.Producer {
		return batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: perWeek, UnitCost: decimal.NewFromInt(cost)}}}
	}
	return []batik.Producer{mk("SLO-01", 100, 82000), mk("SLO-02", 60, 80000)}
}

// The service's clock, passed in by the caller: Tuesday 1 December 2026, 08:00 WIB.
var exNow = time.Date(2026, 12, 1, 8, 0, 0, 0, time.FixedZone("WIB", 7*3600))

func printLines(b capacity.Booking) {
	fmt.Printf("%s %s v%d", b.Key, b.State, b.Version)
	if len(b.Unfilled) > 0 {
		fmt.Printf(" unfilled %v", b.Unfilled)
	}
	fmt.Println()
	for _, ln := range b.Lines {
		fmt.Printf("  %s %d (delivered %d)\n", ln.Slot, ln.Quantity, ln.Delivered)
	}
}

func ExampleLedger_Book() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 300}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), Weeks: 2}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	printLines(b)
	// The same order booked at the same moment elsewhere gets what is left.
	other := batik.Order{ID: "SHIRT-2", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 100}
	b, err = ledger.Book(ctx, capacity.BookRequest{Key: other.ID, Orders: []batik.Order{other}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), Weeks: 2}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	printLines(b)
	// Output:
	// SHIRT-1 confirmed v1
	//   SLO-01/cap/2026-W49 100 (delivered 0)
	//   SLO-01/cap/2026-W50 88 (delivered 0)
	//   SLO-02/cap/2026-W49 60 (delivered 0)
	//   SLO-02/cap/2026-W50 52 (delivered 0)
	// SHIRT-2 confirmed v1 unfilled map[SHIRT-2:80]
	//   SLO-01/cap/2026-W50 12 (delivered 0)
	//   SLO-02/cap/2026-W50 8 (delivered 0)
}

func ExampleLedger_Book_idempotent() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 50}
	req := capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(), From: capacity.MustParseWeek("2026-W49")}
	first, err := ledger.Book(ctx, req, exNow)
	if err != nil {
		log.Fatal(err)
	}
	again, err := ledger.Book(ctx, req, exNow.Add(time.Minute)) // a client retry
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(first.Request == again.Request, again.Version)
	req.Orders[0].Quantity = 60
	_, err = ledger.Book(ctx, req, exNow)
	fmt.Println(errors.Is(err, capacity.ErrConflict))
	fmt.Println(err)
	// Output:
	// true 1
	// true
	// capacity: key = "SHIRT-1": is booked already for a different request
}

func ExampleLedger_Confirm() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), HoldUntil: exNow.Add(30 * time.Minute)}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.State, b.HoldUntil.Format("15:04"))
	b, err = ledger.Confirm(ctx, "SHIRT-1", exNow.Add(10*time.Minute)) // payment arrived
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.State, b.Version)
	// Output:
	// held 08:30
	// confirmed 2
}

func ExampleLedger_Confirm_expired() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
	until := exNow.Add(30 * time.Minute)
	_, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), HoldUntil: until}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	_, err = ledger.Confirm(ctx, "SHIRT-1", until) // too late: the hold expired at 08:30
	fmt.Println(err)
	fmt.Println(errors.Is(err, capacity.ErrConflict))
	// Output:
	// capacity: state = "expired": confirm "SHIRT-1": only a held booking can be confirmed
	// true
}

func ExampleLedger_Cancel() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 120}
	w49 := capacity.MustParseWeek("2026-W49")
	_, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: ps, From: w49}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	b, err := ledger.Cancel(ctx, "SHIRT-1", exNow)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.State)
	st, err := ledger.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, exNow)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range st {
		fmt.Println(s.Slot, "free", s.Free)
	}
	// Output:
	// cancelled
	// SLO-01/cap/2026-W49 free 100
	// SLO-02/cap/2026-W49 free 60
}

func ExampleLedger_Deliver() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 80}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49")}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	slot := b.Lines[0].Slot
	b, err = ledger.Deliver(ctx, "SHIRT-1", []capacity.Delivery{{OrderID: "SHIRT-1", Slot: slot, Quantity: 30}}, exNow.AddDate(0, 0, 4))
	if err != nil {
		log.Fatal(err)
	}
	printLines(b)
	_, err = ledger.Deliver(ctx, "SHIRT-1", []capacity.Delivery{{OrderID: "SHIRT-1", Slot: slot, Quantity: 30}}, exNow.AddDate(0, 0, 5))
	fmt.Println(err)
	// Output:
	// SHIRT-1 confirmed v2
	//   SLO-01/cap/2026-W49 50 (delivered 30)
	//   SLO-02/cap/2026-W49 30 (delivered 0)
	// capacity: deliveries[0].quantity = 30: is more than the 20 left to deliver of 50 booked in "SLO-01/cap/2026-W49"
}

func ExampleLedger_Rebook() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 100, Due: batik.MustParseDate("2026-12-28")}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: ps,
		From: capacity.MustParseWeek("2026-W49"), Policy: capacity.LowestCost}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	printLines(b)
	// SLO-02 hands over 45 of its 60 in W49; SLO-01 all of its 40.
	_, err = ledger.Deliver(ctx, "SHIRT-1", []capacity.Delivery{
		{OrderID: "SHIRT-1", Slot: b.Lines[0].Slot, Quantity: 40},
		{OrderID: "SHIRT-1", Slot: b.Lines[1].Slot, Quantity: 45},
	}, exNow.AddDate(0, 0, 5))
	if err != nil {
		log.Fatal(err)
	}
	// A week later the 15 missing pieces move to SLO-01, due by 28 December.
	b, err = ledger.Rebook(ctx, "SHIRT-1", []batik.Order{order}, ps, exNow.AddDate(0, 0, 7))
	if err != nil {
		log.Fatal(err)
	}
	printLines(b)
	// Output:
	// SHIRT-1 confirmed v1
	//   SLO-01/cap/2026-W49 40 (delivered 0)
	//   SLO-02/cap/2026-W49 60 (delivered 0)
	// SHIRT-1 confirmed v3
	//   SLO-01/cap/2026-W49 40 (delivered 40)
	//   SLO-01/cap/2026-W50 15 (delivered 0)
	//   SLO-02/cap/2026-W49 45 (delivered 45)
}

func ExampleLedger_SetCalendar() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	w49 := capacity.MustParseWeek("2026-W49")
	// SLO-01 is closed in W50 (a family wedding).
	if err := ledger.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "SLO-01", Week: w49.Add(1), Capacity: 0}, exNow); err != nil {
		log.Fatal(err)
	}
	st, err := ledger.Slots(ctx, capacity.SlotQuery{ProducerIDs: []string{"SLO-01"}, From: w49, To: w49.Add(2)}, ps, exNow)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range st {
		fmt.Println(s.Week, s.Capacity)
	}
	err = ledger.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "SLO-01", Week: w49, Capacity: 1 << 31}, exNow)
	fmt.Println(err)
	// Output:
	// 2026-W49 100
	// 2026-W50 0
	// 2026-W51 100
	// capacity: calendar.capacity = 2147483648: must be in [0, 2147483647]
}

func ExampleLedger_Slots() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	w49 := capacity.MustParseWeek("2026-W49")
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 70}
	_, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: ps, From: w49,
		HoldUntil: exNow.Add(time.Hour)}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	st, err := ledger.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, exNow)
	if err != nil {
		log.Fatal(err)
	}
	data, err := json.Marshal(st[0])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))
	// Output:
	// {"producer_id":"SLO-01","technique":"cap","week":"2026-W49","capacity":100,"held":44,"confirmed":0,"delivered":0,"free":56}
}

func ExampleLedger_Bookings() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	for _, id := range []string{"SHIRT-2", "SHIRT-1", "SCARF-1"} {
		o := batik.Order{ID: id, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
		_, err := ledger.Book(ctx, capacity.BookRequest{Key: id, Orders: []batik.Order{o}, Producers: ps, From: capacity.MustParseWeek("2026-W49"),
			Policy: capacity.LowestCost}, exNow)
		if err != nil {
			log.Fatal(err)
		}
	}
	bs, err := ledger.Bookings(ctx, capacity.BookingFilter{ProducerID: "SLO-01"}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range bs {
		fmt.Println(b.Key, b.Lines[0].Slot)
	}
	// Output:
	// SCARF-1 SLO-01/cap/2026-W49
	// SHIRT-1 SLO-01/cap/2026-W49
}

func ExampleLedger_Free() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	w49 := capacity.MustParseWeek("2026-W49")
	o := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 120}
	_, err := ledger.Book(ctx, capacity.BookRequest{Key: o.ID, Orders: []batik.Order{o}, Producers: ps, From: w49}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	// Plan another order on what is left, without booking it.
	free, err := ledger.Free(ctx, ps, w49, 2, exNow)
	if err != nil {
		log.Fatal(err)
	}
	plan, err := capacity.Allocate(batik.Order{ID: "QUOTE", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 150}, ps,
		capacity.AllocateOptions{Weeks: 2, From: w49, Free: free})
	if err != nil {
		log.Fatal(err)
	}
	show(plan)
	// Output: SLO-01:94 SLO-02:56 unfilled:0 cost:12188000
}

func ExampleLedger_Book_schedule() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	// Two orders booked together by Schedule: all on time, the cheaper
	// workshop (SLO-02) full first.
	orders := []batik.Order{
		{ID: "SCARF-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 150, Due: batik.MustParseDate("2026-12-08")},
		{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 100, Due: batik.MustParseDate("2026-12-15")},
	}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: "CAMPAIGN-12", Orders: orders, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49")}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	for _, ln := range b.Lines {
		fmt.Println(ln.OrderID, ln.Slot, ln.Quantity)
	}
	fmt.Println("unfilled", b.Unfilled)
	// Output:
	// SCARF-1 SLO-01/cap/2026-W49 90
	// SCARF-1 SLO-02/cap/2026-W49 60
	// SHIRT-1 SLO-01/cap/2026-W50 40
	// SHIRT-1 SLO-02/cap/2026-W50 60
	// unfilled map[]
}

func ExampleLedger_Booking() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 30}
	_, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), Policy: capacity.LowestCost, HoldUntil: exNow.Add(time.Hour)}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	b, err := ledger.Booking(ctx, "SHIRT-1", exNow.Add(2*time.Hour)) // read after the hold lapsed
	if err != nil {
		log.Fatal(err)
	}
	b.Request = b.Request[:12] + "..."
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))
	// Output:
	// {
	//   "key": "SHIRT-1",
	//   "state": "expired",
	//   "hold_until": "2026-12-01T09:00:00+07:00",
	//   "request": "7d2a49fd197f...",
	//   "lines": [
	//     {
	//       "order_id": "SHIRT-1",
	//       "producer_id": "SLO-02",
	//       "technique": "cap",
	//       "week": "2026-W49",
	//       "quantity": 30,
	//       "delivered": 0,
	//       "unit_cost": "80000"
	//     }
	//   ],
	//   "unfilled": {},
	//   "version": 1,
	//   "created": "2026-12-01T08:00:00+07:00",
	//   "updated": "2026-12-01T08:00:00+07:00"
	// }
}

func ExampleLedger_DeliverInspected() {
	ctx := context.Background()
	ledger := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 80}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49")}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	slot := b.Lines[0].Slot // SLO-01's 50 pieces
	state, err := aql.NewState(slot.ProducerID, string(slot.Technique), aql.MustParseAQL("2.5"), aql.LevelII)
	if err != nil {
		log.Fatal(err)
	}
	d := capacity.Delivery{OrderID: order.ID, Slot: slot, Quantity: 50}
	// The sample of the 50 pieces (code letter D; at AQL 2.5 the arrow leads to
	// n = 5, Ac 0) has 2 defective: the lot is handed back.
	b, v, err := ledger.DeliverInspected(ctx, order.ID, d, state, aql.Lot{Nonconforming: 2}, exNow.AddDate(0, 0, 4))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("n", v.Plan.SampleSize, "accepted", v.Accepted, "delivered", b.Lines[0].Delivered)
	// Reworked and sampled again: none defective.
	b, v, err = ledger.DeliverInspected(ctx, order.ID, d, v.Next, aql.Lot{}, exNow.AddDate(0, 0, 5))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("n", v.Plan.SampleSize, "accepted", v.Accepted, "delivered", b.Lines[0].Delivered)
	// Output:
	// n 5 accepted false delivered 0
	// n 5 accepted true delivered 50
}
