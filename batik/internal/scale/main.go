// Command scale reads hostile and valid inputs of growing size with
// batik's readers, each in a process of its own, and prints what each
// cost: the peak resident set of the process, the peak and the live heap
// (after a collection, the result kept) over the input's size, and the
// time. The memory bound batik's doc states ("# Limits") is checked
// against these figures:
//
//	go run ./batik/internal/scale             # every shape at 5 MB and 50 MB
//	go run ./batik/internal/scale -mb 5 -shape csv-ids
//
// It is a measurement, not a test: run it on a quiet machine.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// A shape is one kind of input: make builds about n bytes of it, read
// reads it and returns what the caller would keep.
type shape struct {
	name string
	make func(n int) []byte
	read func([]byte) any
}

const producerHeader = "id,name,nib,region,grade,technique,per_week,unit_cost\n"

var shapes = []shape{
	{"csv-header-semicolons", // the standard header, then one line of semicolons
		func(n int) []byte {
			return append(buf(n, strings.TrimSuffix(producerHeader, "\n")), bytes.Repeat([]byte(";"), n)...)
		}, readProducersCSV},
	{"csv-wide-row", // the header, then one row of millions of cells
		func(n int) []byte { return append(buf(n, producerHeader), bytes.Repeat([]byte("a,"), n/2)...) },
		readProducersCSV},
	{"csv-ids", // rows that each carry an ID and nothing else
		func(n int) []byte {
			b := buf(n, producerHeader)
			for i := 0; len(b) < n; i++ {
				b = fmt.Appendf(b, "N%07d,,,,,,,\n", i)
			}
			return b
		}, readProducersCSV},
	{"csv-producers", // valid producers of one row each, every cost different
		func(n int) []byte {
			b := buf(n, producerHeader)
			for i := 0; len(b) < n; i++ {
				b = fmt.Appendf(b, "P%07d,Batik %07d,,33.72,halus,tulis,6,%d\n", i, i, 100000+i)
			}
			return b
		}, readProducersCSV},
	{"csv-orders", // valid orders
		func(n int) []byte {
			b := buf(n, "id,technique,min_grade,quantity\n")
			for i := 0; len(b) < n; i++ {
				b = fmt.Appendf(b, "O%07d,cap,b,%d\n", i, 1+i%999)
			}
			return b
		}, func(b []byte) any { os, _ := batik.ReadOrdersCSV(bytes.NewReader(b)); return os }},
	{"json-numbers", // an array of numbers given as producers
		func(n int) []byte { return append(append(buf(n, "["), bytes.Repeat([]byte("1,"), n/2)...), '1', ']') },
		readProducersJSON},
	{"json-objects", // an array of empty objects given as producers
		func(n int) []byte {
			return append(append(buf(n, "["), bytes.Repeat([]byte("{},"), n/3)...), '{', '}', ']')
		},
		readProducersJSON},
	{"json-producers", // valid producers
		func(n int) []byte {
			b := buf(n, "[")
			for i := 0; len(b) < n; i++ {
				if i > 0 {
					b = append(b, ',')
				}
				b = fmt.Appendf(b, `{"id":"P%07d","name":"Batik %07d","region":"33.72","capabilities":[{"technique":"tulis","grade":"halus","per_week":6,"unit_cost":"%d"}]}`, i, i, 100000+i)
			}
			return append(b, ']')
		}, readProducersJSON},
}

// buf returns a buffer for an input of about n bytes that starts with s,
// with room to grow to it without a copy (which would count in the RSS).
func buf(n int, s string) []byte { return append(make([]byte, 0, n+n/16+256), s...) }

func readProducersCSV(b []byte) any { ps, _ := batik.ReadProducersCSV(bytes.NewReader(b)); return ps }

func readProducersJSON(b []byte) any { ps, _ := batik.ReadProducersJSON(bytes.NewReader(b)); return ps }

func main() {
	child := flag.Bool("child", false, "measure one shape in this process (used by the parent)")
	only := flag.String("shape", "", "measure only this shape")
	mbs := flag.String("mb", "5,50", "input sizes in MB, comma separated")
	flag.Parse()
	if *child {
		n, _ := strconv.Atoi(flag.Arg(1))
		measure(flag.Arg(0), n)
		return
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "shape\tinput MB\tpeak RSS MB\tRSS/input\tpeak heap/input\tlive heap/input\ttime\t")
	for _, s := range shapes {
		if *only != "" && s.name != *only {
			continue
		}
		for _, mb := range strings.Split(*mbs, ",") {
			m, err := strconv.Atoi(mb)
			if err != nil {
				fmt.Fprintln(os.Stderr, "scale: -mb:", err)
				os.Exit(2)
			}
			exe, _ := os.Executable()
			cmd := exec.Command(exe, "-child", s.name, strconv.Itoa(m<<20))
			cmd.Stderr = os.Stderr
			out, err := cmd.Output()
			if err != nil {
				fmt.Fprintln(os.Stderr, "scale:", s.name, err)
				os.Exit(1)
			}
			var in, peak, live float64
			var took time.Duration
			if _, err := fmt.Sscan(string(out), &in, &peak, &live, &took); err != nil {
				fmt.Fprintln(os.Stderr, "scale:", s.name, err)
				os.Exit(1)
			}
			rss := maxRSS(cmd.ProcessState)
			fmt.Fprintf(tw, "%s\t%.1f\t%.0f\t%.1fx\t%.1fx\t%.1fx\t%v\t\n", s.name, in/(1<<20), rss/(1<<20), rss/in, peak/in, live/in, took.Round(time.Millisecond))
		}
	}
	tw.Flush()
}

// measure builds the input, reads it and prints the input's size, the
// peak heap the read added, the heap it left live and the time taken.
func measure(name string, n int) {
	var s *shape
	for i := range shapes {
		if shapes[i].name == name {
			s = &shapes[i]
		}
	}
	if s == nil {
		fmt.Fprintln(os.Stderr, "scale: no shape", name)
		os.Exit(2)
	}
	in := s.make(n)
	runtime.GC()
	debug.FreeOSMemory()
	base := heap()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() { // samples the heap while the read runs
		for {
			select {
			case <-done:
				return
			default:
			}
			if h := heap(); h > peak.Load() {
				peak.Store(h)
			}
			time.Sleep(100 * time.Microsecond)
		}
	}()
	start := time.Now()
	out := s.read(in)
	took := time.Since(start)
	close(done)
	runtime.GC()
	live := heap() - min(base, heap())
	runtime.KeepAlive(out)
	runtime.KeepAlive(in)
	fmt.Println(len(in), peak.Load()-min(base, peak.Load()), live, int64(took))
}

var sample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}

// heap returns the bytes of heap objects, live or not yet collected.
func heap() uint64 {
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}
