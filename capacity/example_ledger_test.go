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
	"github.com/batikkit/batikkit/capacity/memstore"
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
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
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
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
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
	// capacity: orders[0].quantity = 60: key "SHIRT-1" was booked with 50: a different request
}

func ExampleLedger_Confirm() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), HoldFor: 30 * time.Minute}, exNow)
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
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), HoldFor: 30 * time.Minute}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	_, err = ledger.Confirm(ctx, "SHIRT-1", b.HoldUntil) // too late: the hold expired at 08:30
	fmt.Println(err)
	fmt.Println(errors.Is(err, capacity.ErrConflict))
	// Output:
	// capacity: state = "expired": booking "SHIRT-1": only a held booking can be confirmed
	// true
}

func ExampleLedger_Cancel() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
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
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 80}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49")}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	slot := b.Lines[0].Slot
	b, err = ledger.Deliver(ctx, "SHIRT-1", "truck-1", []capacity.Delivery{{OrderID: "SHIRT-1", Slot: slot, Quantity: 30}}, exNow.AddDate(0, 0, 4))
	if err != nil {
		log.Fatal(err)
	}
	printLines(b)
	_, err = ledger.Deliver(ctx, "SHIRT-1", "truck-2", []capacity.Delivery{{OrderID: "SHIRT-1", Slot: slot, Quantity: 30}}, exNow.AddDate(0, 0, 5))
	fmt.Println(err)
	// Output:
	// SHIRT-1 confirmed v2
	//   SLO-01/cap/2026-W49 50 (delivered 30)
	//   SLO-02/cap/2026-W49 30 (delivered 0)
	// capacity: deliveries[0].quantity = 30: is more than the 20 left to deliver of 50 booked in "SLO-01/cap/2026-W49"
}

func ExampleLedger_Rebook() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 100, Due: batik.MustParseDate("2026-12-28")}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: ps,
		From: capacity.MustParseWeek("2026-W49"), Policy: capacity.LowestCost}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	printLines(b)
	// SLO-02 hands over 45 of its 60 in W49; SLO-01 all of its 40.
	_, err = ledger.Deliver(ctx, "SHIRT-1", "truck-1", []capacity.Delivery{
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
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
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
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	w49 := capacity.MustParseWeek("2026-W49")
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 70}
	_, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: ps, From: w49,
		HoldFor: time.Hour}, exNow)
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

// A list of slots (SlotQuery.Slots): the status of those alone, in slot
// order, without the rest of the producers x weeks they span.
func ExampleLedger_Slots_list() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	w49 := capacity.MustParseWeek("2026-W49")
	st, err := ledger.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(25), Slots: []capacity.Slot{
		{ProducerID: "SLO-02", Technique: batik.Cap, Week: w49.Add(25)},
		{ProducerID: "SLO-01", Technique: batik.Cap, Week: w49},
	}}, ps, exNow)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range st {
		fmt.Println(s.Slot, s.Free)
	}
	_, err = ledger.Slots(ctx, capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{
		{ProducerID: "SLO-01", Technique: batik.Cap, Week: w49.Add(1)},
	}}, ps, exNow)
	fmt.Println(err)
	// Output:
	// SLO-01/cap/2026-W49 100
	// SLO-02/cap/2027-W21 60
	// capacity: query.slots[0] = "SLO-01/cap/2026-W50": has week 2026-W50, outside query.from 2026-W49 to query.to 2026-W49
}

func ExampleLedger_Bookings() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	for _, id := range []string{"SHIRT-2", "SHIRT-1", "SCARF-1"} {
		o := batik.Order{ID: id, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
		_, err := ledger.Book(ctx, capacity.BookRequest{Key: id, Orders: []batik.Order{o}, Producers: ps, From: capacity.MustParseWeek("2026-W49"),
			Policy: capacity.LowestCost}, exNow)
		if err != nil {
			log.Fatal(err)
		}
	}
	page, err := ledger.Bookings(ctx, capacity.BookingFilter{ProducerID: "SLO-01"}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range page.Bookings {
		fmt.Println(b.Key, b.Lines[0].Slot)
	}
	// Output:
	// SCARF-1 SLO-01/cap/2026-W49
	// SHIRT-1 SLO-01/cap/2026-W49
}

func ExampleLedger_Free() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
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
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
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
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 30}
	_, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), Policy: capacity.LowestCost, HoldFor: time.Hour}, exNow)
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
	//   "request": "ee99d81755fa...",
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
	//   "orders": [
	//     {
	//       "order_id": "SHIRT-1",
	//       "booked": 30,
	//       "unfilled": 0
	//     }
	//   ],
	//   "skipped": [
	//     {
	//       "producer_id": "SLO-01",
	//       "reason": "not_needed"
	//     }
	//   ],
	//   "version": 1,
	//   "created": "2026-12-01T08:00:00+07:00",
	//   "updated": "2026-12-01T08:00:00+07:00"
	// }
}

func ExampleLedger_DeliverInspected() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
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
	b, v, err := ledger.DeliverInspected(ctx, order.ID, "lot-1", d, state, aql.Lot{Nonconforming: 2}, exNow.AddDate(0, 0, 4))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("n", v.Plan.SampleSize, "accepted", v.Accepted, "delivered", b.Lines[0].Delivered)
	// Reworked and sampled again: none defective.
	b, v, err = ledger.DeliverInspected(ctx, order.ID, "lot-2", d, v.Next, aql.Lot{}, exNow.AddDate(0, 0, 5))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("n", v.Plan.SampleSize, "accepted", v.Accepted, "delivered", b.Lines[0].Delivered)
	// Output:
	// n 5 accepted false delivered 0
	// n 5 accepted true delivered 50
}

func ExampleLedger_Book_holdFor() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 120}
	req := capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), HoldFor: 15 * time.Minute} // while the buyer pays
	b, err := ledger.Book(ctx, req, exNow)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.State, "until", b.HoldUntil.Format("15:04"))
	// The answer was lost; the client retries two minutes later, through a
	// replica that reloaded the workshops' records: the same booking.
	req.Producers = soloWorkshops()[1:]
	again, err := ledger.Book(ctx, req, exNow.Add(2*time.Minute))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(again.State, "until", again.HoldUntil.Format("15:04"), "version", again.Version)
	// Output:
	// held until 08:15
	// held until 08:15 version 1
}

func ExampleBookRequest_minFill() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	// 300 pieces due by 8 December: only week 49 is on time, 160 pieces.
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 300, Due: batik.MustParseDate("2026-12-08")}
	req := capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), Weeks: 4, MinFill: 200} // fewer than 200 is no use to the buyer
	_, err := ledger.Book(ctx, req, exNow)
	fmt.Println(errors.Is(err, capacity.ErrNoCapacity))
	fmt.Println(err)
	var ie *capacity.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Message(batik.Indonesian))
	}
	_, err = ledger.Booking(ctx, order.ID, exNow)
	fmt.Println(errors.Is(err, capacity.ErrNotFound)) // nothing recorded
	req.MinFill = 150
	b, err := ledger.Book(ctx, req, exNow)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", b.Orders[0])
	// Output:
	// true
	// capacity: orders[0] = "SHIRT-1": gets 160 of 300 pieces, 200 needed: not enough capacity on time
	// orders[0] = "SHIRT-1": mendapat 160 dari 300 potong, perlu 200: kapasitas tepat waktu tidak cukup
	// true
	// {OrderID:SHIRT-1 Booked:160 Unfilled:140 Reason:not_enough_capacity}
}

func ExampleLedger_Deliver_retry() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 60}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), Policy: capacity.LowestCost}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	// The warehouse scans a handover; its call key is the handover note.
	handover := []capacity.Delivery{{OrderID: order.ID, Slot: b.Lines[0].Slot, Quantity: 25}}
	for range 3 { // the scanner retries: the pieces count once
		b, err = ledger.Deliver(ctx, order.ID, "SJ-0071", handover, exNow.AddDate(0, 0, 3))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(b.Lines[0].Slot, "delivered", b.Lines[0].Delivered, "version", b.Version)
	}
	handover[0].Quantity = 26
	_, err = ledger.Deliver(ctx, order.ID, "SJ-0071", handover, exNow.AddDate(0, 0, 3))
	fmt.Println(err)
	// Output:
	// SLO-02/cap/2026-W49 delivered 25 version 2
	// SLO-02/cap/2026-W49 delivered 25 version 2
	// SLO-02/cap/2026-W49 delivered 25 version 2
	// capacity: call = "SJ-0071": booking "SHIRT-1" took other deliveries under this key
}

func ExampleLedger_Extend() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
	_, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), HoldFor: 15 * time.Minute}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	// At 08:12 the buyer asks for 10 minutes more: until 08:22 (a retry
	// of the same call at the same time changes nothing).
	b, err := ledger.Extend(ctx, order.ID, 10*time.Minute, exNow.Add(12*time.Minute))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(b.State, "until", b.HoldUntil.Format("15:04"))
	// Too late at 08:25: the hold lapsed at 08:22.
	_, err = ledger.Extend(ctx, order.ID, 10*time.Minute, exNow.Add(25*time.Minute))
	fmt.Println(err)
	// Output:
	// held until 08:22
	// capacity: state = "expired": booking "SHIRT-1": only a live hold can be extended
}

func ExampleLedger_Sweep() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	for i, hold := range []time.Duration{10 * time.Minute, 20 * time.Minute, time.Hour} {
		o := batik.Order{ID: fmt.Sprintf("SHIRT-%d", i+1), Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 10}
		_, err := ledger.Book(ctx, capacity.BookRequest{Key: o.ID, Orders: []batik.Order{o}, Producers: soloWorkshops(),
			From: capacity.MustParseWeek("2026-W49"), HoldFor: hold}, exNow)
		if err != nil {
			log.Fatal(err)
		}
	}
	// A job at 08:30 marks the holds that lapsed 5 minutes ago or more (a
	// replica's clock may run a little fast), 100 at a time.
	job := capacity.WithActor(ctx, "sweeper")
	now := exNow.Add(30 * time.Minute)
	for {
		n, err := ledger.Sweep(job, now, 5*time.Minute, 100)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("marked", n)
		if n < 100 {
			break
		}
	}
	page, err := ledger.Bookings(ctx, capacity.BookingFilter{State: capacity.Held}, now)
	if err != nil {
		log.Fatal(err)
	}
	for _, b := range page.Bookings {
		fmt.Println("still held:", b.Key)
	}
	// Output:
	// marked 2
	// still held: SHIRT-3
}

func ExampleLedger_History() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}
	web, cashier := capacity.WithActor(ctx, "web-shop"), capacity.WithActor(ctx, "kasir-ani")
	b, err := ledger.Book(web, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), HoldFor: time.Hour}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := ledger.Confirm(cashier, order.ID, exNow.Add(20*time.Minute)); err != nil {
		log.Fatal(err)
	}
	ds := []capacity.Delivery{{OrderID: order.ID, Slot: b.Lines[0].Slot, Quantity: 10}}
	if _, err := ledger.Deliver(capacity.WithActor(ctx, "gudang"), order.ID, "SJ-0001", ds, exNow.AddDate(0, 0, 3)); err != nil {
		log.Fatal(err)
	}
	h, err := ledger.History(ctx, order.ID)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range h {
		fmt.Println(e.Version, e.Time.In(exNow.Location()).Format("02 Jan 15:04"), e.Actor, e.Op, "call="+e.Call)
	}
	// Output:
	// 1 01 Dec 08:00 web-shop book call=
	// 2 01 Dec 08:20 kasir-ani confirm call=
	// 3 04 Dec 08:00 gudang deliver call=SJ-0001
}

func ExampleLedger_Board() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	ps := soloWorkshops()
	w49 := capacity.MustParseWeek("2026-W49")
	// SLO-02 is closed in W50; two orders, one of them a hold.
	if err := ledger.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "SLO-02", Week: w49.Add(1), Capacity: 0}, exNow); err != nil {
		log.Fatal(err)
	}
	for _, r := range []capacity.BookRequest{
		{Key: "SHIRT-1", Orders: []batik.Order{{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 150}}, Producers: ps, From: w49, Weeks: 2},
		{Key: "SCARF-1", Orders: []batik.Order{{ID: "SCARF-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 40}}, Producers: ps, From: w49.Add(2),
			HoldFor: time.Hour},
	} {
		if _, err := ledger.Book(ctx, r, exNow); err != nil {
			log.Fatal(err)
		}
	}
	board, err := ledger.Board(ctx, exNow, capacity.BoardQuery{Producers: ps, From: w49, Weeks: 3})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("cells: [capacity, held, confirmed, delivered, free, late]")
	for _, row := range board.Rows {
		cells, _ := json.Marshal(row.Cells)
		fmt.Println(row.ProducerID, string(cells), "closed", row.Closed)
	}
	total, _ := json.Marshal(board.Totals)
	fmt.Println("total ", string(total))
	// Output:
	// cells: [capacity, held, confirmed, delivered, free, late]
	// SLO-01 [[100,0,100,0,0,0],[100,0,15,0,85,0],[100,25,0,0,75,0]] closed []
	// SLO-02 [[60,0,35,0,25,0],[0,0,0,0,0,0],[60,15,0,0,45,0]] closed [1]
	// total  [[160,0,135,0,25,0],[100,0,15,0,85,0],[160,40,0,0,120,0]]
}

func ExampleLedger_BookCreated() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 50}
	req := capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49"), HoldFor: 15 * time.Minute}
	_, created, err := ledger.BookCreated(ctx, req, exNow)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first call created it:", created) // 201 Created over HTTP
	_, created, err = ledger.BookCreated(ctx, req, exNow.Add(time.Minute))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("the retry created it:", created) // 200 OK
	// Output:
	// first call created it: true
	// the retry created it: false
}

func ExampleLedger_DeliverLot() {
	ctx := context.Background()
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
	order := batik.Order{ID: "SHIRT-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 80}
	b, err := ledger.Book(ctx, capacity.BookRequest{Key: order.ID, Orders: []batik.Order{order}, Producers: soloWorkshops(),
		From: capacity.MustParseWeek("2026-W49")}, exNow)
	if err != nil {
		log.Fatal(err)
	}
	slot := b.Lines[0].Slot // SLO-01's 50 pieces
	var states []aql.State  // major defects by items, minor by nonconformities per 100 items
	for _, c := range []struct {
		class aql.Class
		basis aql.Basis
		aql   string
	}{{aql.Major, aql.Items, "2.5"}, {aql.Minor, aql.Nonconformities, "4.0"}} {
		s, err := aql.NewClassState(slot.ProducerID, string(slot.Technique), c.class, c.basis, aql.MustParseAQL(c.aql), aql.LevelII)
		if err != nil {
			log.Fatal(err)
		}
		states = append(states, s)
	}
	d := capacity.Delivery{OrderID: order.ID, Slot: slot, Quantity: 50}
	in := aql.Inspection{LotID: "SJ-0412", Inspector: "Sri", Date: "2026-12-04", Size: 50, Seed: 2859, Found: []int{0, 1}}
	b, rec, _, err := ledger.DeliverLot(ctx, order.ID, "lot-1", d, states, in, exNow.AddDate(0, 0, 3))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("accepted", rec.Accepted, "delivered", b.Lines[0].Delivered)
	// A dispute a month later: the record is kept with the call.
	kept, err := ledger.Inspection(ctx, order.ID, "lot-1")
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range kept.Classes {
		fmt.Printf("%s n=%d Ac=%d found=%d\n", c.Class, c.Plan.SampleSize, c.Plan.Ac, c.Found)
	}
	// Output:
	// accepted true delivered 50
	// major n=5 Ac=0 found=0
	// minor n=13 Ac=1 found=1
}
