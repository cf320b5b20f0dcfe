package mcf

// The steps of one pivot after the pivot rule has chosen the entering
// arc, in the order start calls them, each as LEMON has it: find the
// cycle's apex (findJoinNode), the leaving arc (findLeavingArc), push the
// flow (changeFlow), then re-hang the tree (updateTreeStructure) and fix
// the potentials (updatePotential).

// findJoinNode finds join, the nearest common ancestor of the entering
// arc's ends: it climbs from whichever end has the smaller subtree, which
// cannot be the ancestor of the other.
func (s *solver) findJoinNode() {
	parent, succNum := s.parent, s.succNum
	u, v := s.src[s.inArc], s.dst[s.inArc]
	for u != v {
		if succNum[u] < succNum[v] {
			u = parent[u]
		} else {
			v = parent[v]
		}
	}
	s.join = u
}

// findLeavingArc finds the arc of the cycle that first blocks the flow
// change, and delta, the flow that can be pushed round the cycle. It
// reports whether the leaving arc differs from the entering one (when the
// entering arc itself blocks first, it only flips between its bounds and
// the tree stays).
func (s *solver) findLeavingArc() bool {
	// Orient the cycle along the entering arc's push: from first, through
	// the arc, to second, then from second up to join and down to first.
	var first, second int32
	if s.state[s.inArc] == stateLower {
		first, second = s.src[s.inArc], s.dst[s.inArc]
	} else {
		first, second = s.dst[s.inArc], s.src[s.inArc]
	}
	s.delta = s.cap[s.inArc]
	result := 0
	parent, pred, predDir, flow, cp := s.parent, s.pred, s.predDir, s.flow, s.cap

	// Search the path from first up to join: the push runs against the
	// tree paths towards the root, so an up arc loses flow (it can give
	// up its flow) and a down arc gains (its residual capacity).
	for u := first; u != s.join; u = parent[u] {
		e := pred[u]
		d := flow[e]
		if predDir[u] == dirDown {
			if c := cp[e]; c >= Inf {
				d = Inf
			} else {
				d = c - d
			}
		}
		if d < s.delta {
			s.delta, s.uOut, result = d, u, 1
		}
	}

	// Search the path from second up to join, where the push runs
	// towards the root. Ties go to the arc met last going round the cycle
	// from join in the push's direction: on this side (<=), the one
	// nearest join; on the first side (<), the one nearest first. That is
	// Cunningham's rule, as in LEMON: it keeps the basis strongly
	// feasible, which prevents cycling through degenerate pivots.
	for u := second; u != s.join; u = parent[u] {
		e := pred[u]
		d := flow[e]
		if predDir[u] == dirUp {
			if c := cp[e]; c >= Inf {
				d = Inf
			} else {
				d = c - d
			}
		}
		if d <= s.delta {
			s.delta, s.uOut, result = d, u, 2
		}
	}

	// The end of the entering arc on the leaving arc's side becomes uIn,
	// the root of the subtree that moves.
	if result == 1 {
		s.uIn, s.vIn = first, second
	} else {
		s.uIn, s.vIn = second, first
	}
	return result != 0
}

// changeFlow pushes delta round the cycle and updates the states of the
// entering and leaving arcs.
func (s *solver) changeFlow(change bool) {
	// Augment along the cycle.
	if s.delta > 0 {
		parent, pred, predDir, flow := s.parent, s.pred, s.predDir, s.flow
		val := int64(s.state[s.inArc]) * s.delta
		flow[s.inArc] += val
		for u := s.src[s.inArc]; u != s.join; u = parent[u] {
			flow[pred[u]] -= int64(predDir[u]) * val
		}
		for u := s.dst[s.inArc]; u != s.join; u = parent[u] {
			flow[pred[u]] += int64(predDir[u]) * val
		}
	}
	// The entering arc joins the tree and the leaving arc leaves it at
	// the bound it reached; or the entering arc just changes bound.
	if change {
		s.state[s.inArc] = stateTree
		out := s.pred[s.uOut]
		if s.flow[out] == 0 {
			s.state[out] = stateLower
		} else {
			s.state[out] = stateUpper
		}
	} else {
		s.state[s.inArc] = -s.state[s.inArc]
	}
}

// updateTreeStructure replaces the leaving arc pred[uOut] by the entering
// arc in the tree. The subtree cut off by the leaving arc is re-hung from
// uIn under vIn: the nodes on the path from uIn up to uOut (the stem)
// swap parent and child, and thread, revThread, succNum and lastSucc are
// repaired along the stem and on the paths from vIn and vOut up to join.
// O(length of the stem + the paths to join + the subtrees of the stem
// nodes' thread runs).
func (s *solver) updateTreeStructure() {
	parent, pred, predDir := s.parent, s.pred, s.predDir
	thread, revThread := s.thread, s.revThread
	succNum, lastSucc := s.succNum, s.lastSucc
	inArc, uIn, vIn, uOut, join := s.inArc, s.uIn, s.vIn, s.uOut, s.join

	oldRevThread := revThread[uOut]
	oldSuccNum := succNum[uOut]
	oldLastSucc := lastSucc[uOut]
	vOut := parent[uOut]
	s.vOut = vOut

	if uIn == uOut {
		// The entering and leaving arcs meet at uIn: only uIn's parent
		// changes, and its subtree keeps its shape.
		parent[uIn] = vIn
		pred[uIn] = inArc
		if uIn == s.src[inArc] {
			predDir[uIn] = dirUp
		} else {
			predDir[uIn] = dirDown
		}

		// Move uIn's thread run (uIn to oldLastSucc) to just after vIn,
		// unless it is there already.
		if thread[vIn] != uOut {
			after := thread[oldLastSucc]
			thread[oldRevThread] = after
			revThread[after] = oldRevThread
			after = thread[vIn]
			thread[vIn] = uOut
			revThread[uOut] = vIn
			thread[oldLastSucc] = after
			revThread[after] = oldLastSucc
		}
	} else {
		// Where the thread goes on after the moved subtree: after vIn,
		// unless vIn was just before uOut in the thread (then join is
		// vOut and the subtree stays where it was in the thread).
		var threadContinue int32
		if oldRevThread == vIn {
			threadContinue = thread[oldLastSucc]
		} else {
			threadContinue = thread[vIn]
		}

		// Walk the stem from uIn up to uOut. Each stem node becomes the
		// child of the one before it (uIn of vIn); its thread run, without
		// the run of the next stem node, is cut out and spliced after the
		// previous run, so the new thread is a preorder of the new tree.
		// revThread is fixed afterwards from dirtyRevs.
		stem, parStem := uIn, vIn // the stem node and its new parent
		last := lastSucc[uIn]     // the last node of stem's run
		after := thread[last]
		thread[vIn] = uIn
		s.dirtyRevs = append(s.dirtyRevs[:0], vIn)
		for stem != uOut {
			// Insert the next stem node into the thread after the run.
			nextStem := parent[stem]
			thread[last] = nextStem
			s.dirtyRevs = append(s.dirtyRevs, last)

			// Cut stem's run out of its old place.
			before := revThread[stem]
			thread[before] = after
			revThread[after] = before

			// Re-parent stem and move up.
			parent[stem] = parStem
			parStem = stem
			stem = nextStem

			// The next run ends where the stem node's subtree ends,
			// unless the previous stem node's subtree ended there too:
			// then it ends just before that subtree.
			if lastSucc[stem] == lastSucc[parStem] {
				last = revThread[parStem]
			} else {
				last = lastSucc[stem]
			}
			after = thread[last]
		}
		parent[uOut] = parStem
		thread[last] = threadContinue
		revThread[threadContinue] = last
		lastSucc[uOut] = last

		// Close the gap the subtree left in the thread, except when
		// oldRevThread is vIn (the subtree never left).
		if oldRevThread != vIn {
			thread[oldRevThread] = after
			revThread[after] = oldRevThread
		}

		// Repair revThread where thread changed.
		for _, u := range s.dirtyRevs {
			revThread[thread[u]] = u
		}

		// Walk the stem back from uOut to uIn: each node takes its old
		// parent's tree arc, reversed; subtree sizes and last successors
		// follow from the nodes below.
		tmpSc, tmpLs := int32(0), lastSucc[uOut]
		for u, p := uOut, parent[uOut]; u != uIn; u, p = p, parent[p] {
			pred[u] = pred[p]
			predDir[u] = -predDir[p]
			tmpSc += succNum[u] - succNum[p]
			succNum[u] = tmpSc
			lastSucc[p] = tmpLs
		}
		pred[uIn] = inArc
		if uIn == s.src[inArc] {
			predDir[uIn] = dirUp
		} else {
			predDir[uIn] = dirDown
		}
		succNum[uIn] = oldSuccNum
	}

	// Update lastSucc from vIn towards the root: the ancestors whose
	// subtree ended at vIn now end where the moved subtree ends. Stop at
	// join if its subtree ended at vIn, for the walk from vOut below.
	upLimitOut := int32(-1)
	if lastSucc[join] == vIn {
		upLimitOut = join
	}
	lastSuccOut := lastSucc[uOut]
	for u := vIn; u != -1 && lastSucc[u] == vIn; u = parent[u] {
		lastSucc[u] = lastSuccOut
	}

	// Update lastSucc from vOut towards the root: the ancestors whose
	// subtree ended with the moved subtree now end just before it
	// (oldRevThread), or, when the subtree stayed in place in the thread,
	// where it ends now.
	if join != oldRevThread && vIn != oldRevThread {
		for u := vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u] {
			lastSucc[u] = oldRevThread
		}
	} else if lastSuccOut != oldLastSucc {
		for u := vOut; u != upLimitOut && lastSucc[u] == oldLastSucc; u = parent[u] {
			lastSucc[u] = lastSuccOut
		}
	}

	// Update succNum from vIn and from vOut up to join: the subtree's
	// nodes moved from the one path to the other.
	for u := vIn; u != join; u = parent[u] {
		succNum[u] += oldSuccNum
	}
	for u := vOut; u != join; u = parent[u] {
		succNum[u] -= oldSuccNum
	}
}

// updatePotential makes the entering arc's reduced cost zero. LEMON
// shifts the potentials of the moved subtree (uIn and its thread run) by
// sigma. Only differences of potentials matter, so when that subtree
// holds more than half the nodes we shift the rest of the tree (the rest
// of the cyclic thread, root included) by -sigma instead: at most half
// the nodes each time. For the 2000x1000x13 and 5000x2000x26 schedules
// that walks 45% and 26% of the nodes LEMON's way does (about as many on
// the smaller benchmark schedules). The root's potential then drifts
// from 0; init says why the arithmetic stays exact, and Solve subtracts
// the drift at the end.
func (s *solver) updatePotential() {
	sigma := s.pi[s.vIn] - s.pi[s.uIn] - int64(s.predDir[s.uIn])*s.cost[s.inArc]
	pi, thread := s.pi, s.thread
	u, end := s.uIn, thread[s.lastSucc[s.uIn]]
	if 2*int(s.succNum[s.uIn]) > s.n+1 {
		u, end, sigma = end, s.uIn, -sigma
	}
	for ; u != end; u = thread[u] {
		pi[u] += sigma
	}
}
