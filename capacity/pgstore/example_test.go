package pgstore_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/pgstore"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/shopspring/decimal"
)

// Run the ledger on PostgreSQL: the service opens the pool, migrates the
// schema at start (every replica may), and books through a Ledger. It
// needs a server, so it has no Output to check; TestConformance and the
// load tests run the same calls.
func Example() {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv("BATIKKIT_PG_DSN")) // e.g. "host=/run/postgresql dbname=shop user=shop"
	if err != nil {
		fmt.Println(err)
		return
	}
	defer pool.Close()
	if err := pgstore.Migrate(ctx, pool, "batikkit"); err != nil {
		fmt.Println(err) // wraps pgstore.ErrConnect, or pgstore.ErrSchema for a newer schema
		return
	}
	ledger := capacity.NewLedger(pgstore.New(pool, pgstore.Options{Schema: "batikkit"}), capacity.LedgerOptions{})

	producers := []batik.Producer{{ID: "SLO-01", Name: "Batik Sekar", Region: "33.72",
		Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Halus, PerWeek: 100, UnitCost: decimal.NewFromInt(80000)}}}}
	now := time.Now()
	b, err := ledger.Book(ctx, capacity.BookRequest{
		Key:       "MELOKAL-2026-12",
		Orders:    []batik.Order{{ID: "MELOKAL-2026-12", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 150}},
		Producers: producers,
		From:      capacity.MustParseWeek("2026-W50"),
		Weeks:     2,
		HoldFor:   30 * time.Minute,
	}, now)
	if err != nil {
		fmt.Println(err) // a lost connection wraps pgstore.ErrConnection; replaying with the same key is safe
		return
	}
	for _, l := range b.Lines {
		fmt.Println(l.Slot, l.Quantity)
	}
	if _, err := ledger.Confirm(ctx, b.Key, time.Now()); err != nil {
		fmt.Println(err)
	}
}
