// Package mcf solves minimum-cost flow problems exactly with the primal
// network simplex method. It is a port of LEMON 1.3.1's NetworkSimplex
// (lemon/network_simplex.h; Kovács, "Minimum-cost flow algorithms: an
// experimental evaluation", Optimization Methods and Software 30, 2015)
// restricted to what capacity needs: equality supplies, zero lower
// bounds, non-negative costs and the block search pivot rule.
//
// # Reading it beside LEMON
//
// The files follow LEMON's class block by block, and the comments say in
// our words what LEMON's say:
//
//	graph.go    the problem (LEMON's parameter maps) and the result
//	simplex.go  the solver's state, Solve, newSolver (LEMON's constructor
//	            and reset), init and start
//	pivot.go    blockSearch (LEMON's BlockSearchPivotRule)
//	tree.go     one pivot: findJoinNode, findLeavingArc, changeFlow,
//	            updateTreeStructure, updatePotential
//	verify.go   Verify, an optimality certificate LEMON does not have
//
// Names are LEMON's in Go case (_rev_thread is revThread). Where the port
// differs it says so at the spot: the artificial cost and the overflow
// checks (init), the mixed arc order (newSolver), the block size
// (blockSizeFactor), the scan of a block (blockSearch.findEnteringArc)
// and which side of the tree gets new potentials (updatePotential).
//
// # Numbers
//
// All arithmetic is int64 and exact. Solve returns ErrTooLarge rather
// than let a potential, a reduced cost or a flow overflow (see
// solver.init for the bounds).
//
// # Concurrency
//
// A Graph is not safe for concurrent mutation; Solve and Verify only read
// it, so several goroutines may solve one Graph at once.
package mcf
