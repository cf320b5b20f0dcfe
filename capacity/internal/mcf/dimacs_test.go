package mcf

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
)

// readDIMACS reads a DIMACS "p min" file (the format capacity.WriteDIMACS
// writes and LEMON's dimacs-solver reads): "c" comment lines, one
// "p min NODES ARCS" line, "n ID SUPPLY" lines and "a FROM TO LOW CAP COST"
// lines, nodes numbered from 1. Lower bounds must be 0; a capacity of -1
// means none (Inf), as in LEMON. It is for tests and benchmarks only.
func readDIMACS(r io.Reader) (*Graph, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	g := &Graph{}
	nodes, arcs, line := -1, 0, 0
	num := func(f []string, i int) (int64, error) {
		if i >= len(f) {
			return 0, fmt.Errorf("line %d: want %d fields, have %d", line, i+1, len(f))
		}
		return strconv.ParseInt(f[i], 10, 64)
	}
	node := func(f []string, i int) (int, error) {
		v, err := num(f, i)
		if err != nil {
			return 0, err
		}
		if v < 1 || v > int64(nodes) {
			return 0, fmt.Errorf("line %d: node %d outside [1, %d]", line, v, nodes)
		}
		return int(v - 1), nil
	}
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 || f[0] == "c" {
			continue
		}
		if f[0] != "p" && nodes < 0 {
			return nil, fmt.Errorf("line %d: %q before the problem line", line, f[0])
		}
		switch f[0] {
		case "p":
			if nodes >= 0 || len(f) != 4 || f[1] != "min" {
				return nil, fmt.Errorf("line %d: want one \"p min NODES ARCS\" line", line)
			}
			n, err := num(f, 2)
			if err != nil {
				return nil, err
			}
			m, err := num(f, 3)
			if err != nil {
				return nil, err
			}
			nodes = int(n)
			g.Grow(nodes, int(m))
			for range nodes {
				g.AddNode(0)
			}
		case "n":
			u, err := node(f, 1)
			if err != nil {
				return nil, err
			}
			s, err := num(f, 2)
			if err != nil {
				return nil, err
			}
			g.supply[u] += s
		case "a":
			u, err := node(f, 1)
			if err != nil {
				return nil, err
			}
			v, err := node(f, 2)
			if err != nil {
				return nil, err
			}
			var lcw [3]int64
			for i := range lcw {
				if lcw[i], err = num(f, 3+i); err != nil {
					return nil, err
				}
			}
			if lcw[0] != 0 {
				return nil, fmt.Errorf("line %d: lower bound %d, only 0 is supported", line, lcw[0])
			}
			if lcw[1] == -1 {
				lcw[1] = Inf
			}
			if lcw[1] < 0 || lcw[2] < 0 {
				return nil, fmt.Errorf("line %d: negative capacity or cost", line)
			}
			g.AddArc(u, v, lcw[1], lcw[2])
			arcs++
		default:
			return nil, fmt.Errorf("line %d: unknown line type %q", line, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if nodes < 0 {
		return nil, fmt.Errorf("no problem line")
	}
	return g, nil
}

func TestReadDIMACS(t *testing.T) {
	// Two supplies of 4 and 3, a demand of 7; the cheap route 1->3 holds
	// only 2, so 2 pieces go 1->3 at 1, 2 go 1->2->3 at 2+2, and 3 go
	// 2->3 at 2: cost 2 + 8 + 6 = 16.
	const in = `c a small problem
p min 3 3
n 1 4
n 2 3
n 3 -7
a 1 3 0 2 1
a 1 2 0 -1 2
a 2 3 0 10 2
`
	g, err := readDIMACS(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if g.NumNodes() != 3 || g.NumArcs() != 3 {
		t.Fatalf("%d nodes, %d arcs", g.NumNodes(), g.NumArcs())
	}
	if _, _, c, _ := g.Arc(1); c != Inf {
		t.Fatalf("capacity -1 read as %d", c)
	}
	r, err := g.Solve()
	if err != nil {
		t.Fatal(err)
	}
	if cost := check(t, g, r); cost != 16 {
		t.Fatalf("cost %d, want 16", cost)
	}
	for _, bad := range []string{
		"a 1 2 0 1 1\n",
		"p min 2 1\np min 2 1\n",
		"p min 2 1\na 1 3 0 1 1\n",
		"p min 2 1\na 1 2 1 1 1\n",
		"p min 2 1\na 1 2 0 1\n",
		"p min 2 1\nx\n",
		"",
	} {
		if _, err := readDIMACS(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
