package batik

import (
	"bytes"
	"errors"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func assertDecimal(t *testing.T, want string, got decimal.Decimal) {
	t.Helper()
	assert.True(t, decimal.RequireFromString(want).Equal(got), "want %s, got %s", want, got)
}

const header = "id,name,nib,region,grade,technique,per_week,unit_cost\n"

// producersCSV makes n rows: n/2 producers with a tulis and a cap row each.
func producersCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for i := range n / 2 {
		id := "P-" + itoa(i)
		// Unit costs vary over 500 values, as a large cooperative's might.
		b.WriteString(id + ",Batik Workshop " + itoa(i) + ",1234567890123,33.72,sedang,tulis,5," + itoa(300000+500*(i%250)) + "\n")
		b.WriteString(id + ",,,,,cap,100,\"" + itoa(80000+50*(i%250)) + ",50\"\n")
	}
	return b.Bytes()
}

// heapUse runs fn and returns the bytes it allocated in all and the bytes
// still live afterwards (what fn returned and kept).
func heapUse(fn func()) (total, live uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	total = after.TotalAlloc - before.TotalAlloc
	runtime.GC()
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > before.HeapAlloc {
		live = after.HeapAlloc - before.HeapAlloc
	}
	return total, live
}

// heapPeak runs read and returns the most heap it added at any time
// (sampled; the sampling can only miss a peak, never invent one) and the
// heap it left live after a collection, with its result kept.
func heapPeak(read func() any) (peak, live uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	runtime.GC()
	base := heap()
	var top atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		for {
			if h := heap(); h > top.Load() {
				top.Store(h)
			}
			select {
			case <-done:
				return
			case <-time.After(50 * time.Microsecond):
			}
		}
	}()
	out := read()
	close(done)
	<-stopped
	if h := heap(); h > top.Load() {
		top.Store(h)
	}
	runtime.GC()
	after := heap()
	runtime.KeepAlive(out)
	return top.Load() - min(base, top.Load()), after - min(base, after)
}

// memoryInput is the size of the inputs the readers' memory tests read.
const memoryInput = 4 << 20

// rowsOf returns head and as many rows as make memoryInput bytes.
func rowsOf(head string, row func(b []byte, i int) []byte) []byte {
	b := append(make([]byte, 0, memoryInput+256), head...)
	for i := 0; len(b) < memoryInput; i++ {
		b = row(b, i)
	}
	return b
}

// checkMemory checks the readers' memory bound (the package doc's
// "Limits") on reading in: the heap left live at most 10 times the input
// plus 1 MiB, and the heap at its peak (garbage not yet collected
// included) at most 20 times the input plus the 4 MiB a Go program may
// allocate before its first collection.
func checkMemory(t *testing.T, in []byte, read func([]byte) any) {
	t.Helper()
	if testing.Short() || raceEnabled {
		t.Skip("builds megabytes of input; the race detector adds its own memory")
	}
	size := uint64(len(in))
	peak, live := heapPeak(func() any { return read(in) })
	t.Logf("%d bytes: peak %.1fx, live %.1fx", size, float64(peak)/float64(size), float64(live)/float64(size))
	assert.LessOrEqual(t, live, 10*size+1<<20, "live heap")
	assert.LessOrEqual(t, peak, 20*size+4<<20, "peak heap")
}

func validProducer() Producer {
	return Producer{
		ID: "SLO-01", Name: "Batik Sekar Jagad", NIB: "1234567890123", Region: "33.72",
		Capabilities: []Capability{
			{Technique: Tulis, Grade: Halus, PerWeek: 6, UnitCost: decimal.NewFromInt(450000)},
			{Technique: Cap, Grade: Sedang, PerWeek: 80, UnitCost: decimal.NewFromInt(95000)},
		},
	}
}

func validProduct() Product {
	return Product{
		SKU: "KMJ-CAP-PRG-L", Name: "Kemeja Batik Cap Parang Kusumo Lengan Panjang", Technique: Cap,
		Motif: "Parang Kusumo", Style: Surakarta, Fabric: Primisima, Dye: Sintetis, Form: Kemeja, Grade: Sedang,
		LengthCM: 75, WidthCM: 55, WeightGrams: 250, Price: decimal.NewFromInt(185000), MinOrder: 1,
		GTIN: "8991234567891", Batikmark: Putih,
	}
}

func validOrder() Order {
	return Order{ID: "ORD-1", SKU: "KMJ-CAP-PRG-L", Technique: Cap, MinGrade: Sedang, Quantity: 1000}
}

// fieldTags returns "field:tag" for each failing field of err, in order.
func fieldTags(t *testing.T, err error) []string {
	t.Helper()
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	require.ErrorIs(t, err, ErrInvalid)
	out := make([]string, len(ve.Fields))
	for i, f := range ve.Fields {
		out[i] = f.Field + ":" + f.Code
	}
	return out
}

func rowTags(t *testing.T, err error) []string {
	t.Helper()
	var de *DataError
	require.True(t, errors.As(err, &de), "want *DataError, got %v", err)
	require.ErrorIs(t, err, ErrData)
	out := make([]string, len(de.Rows))
	for i, r := range de.Rows {
		out[i] = itoa(r.Line) + ":" + itoa(r.Column) + ":" + r.Field + ":" + r.Code
	}
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	if neg {
		s = "-" + s
	}
	return s
}
