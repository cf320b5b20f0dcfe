package capacity

import (
	"bufio"
	"fmt"
	"io"

	"github.com/batikkit/batikkit/batik"
)

// WriteDIMACS writes the flow problem Schedule solves for the same input
// as a DIMACS "p min" file, so the optimum can be checked with an
// independent solver, e.g. LEMON's "dimacs-solver -long problem.min" (the
// -long flag: sums exceed 32 bits; TestScheduleAgainstLEMON runs it). Nodes
// are numbered from 1: the orders in
// ID order, then for each producer and technique its weekly deadline
// nodes, then the sink.
// Costs are in sen; the arcs from each order straight to the sink carry
// unfilled pieces at the penalty given in a comment line, so the optimal
// objective is Timetable.Cost in sen plus the penalty times the unfilled
// pieces. Errors are Schedule's, or w's.
func WriteDIMACS(w io.Writer, orders []batik.Order, producers []batik.Producer, opts ScheduleOptions) error {
	n, err := buildNetwork(orders, producers, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "c batikkit capacity.Schedule: %d orders, %d producers, from %s\n", len(n.orders), len(n.prods), opts.From)
	fmt.Fprintf(bw, "c costs in sen; unfilled pieces cost %d each\n", n.penalty)
	fmt.Fprintf(bw, "p min %d %d\n", n.g.NumNodes(), n.g.NumArcs())
	for u := range n.g.NumNodes() {
		if s := n.g.Supply(u); s != 0 {
			fmt.Fprintf(bw, "n %d %d\n", u+1, s)
		}
	}
	for e := range n.g.NumArcs() {
		u, v, c, cost := n.g.Arc(e)
		fmt.Fprintf(bw, "a %d %d 0 %d %d\n", u+1, v+1, c, cost)
	}
	return bw.Flush()
}
