package aql

// This file holds the single sampling master tables of ISO 2859-1:1999:
// Table 2-A (normal inspection), Table 2-B (tightened inspection) and
// Table 2-C (reduced inspection).
//
// Source of the transcription. ISO 2859-1:1999 is published word for word
// as IS 2500 (Part 1):2000 (Bureau of Indian Standards, public under
// India's right to information) and as GB/T 2828.1-2012 (Tables 2-A, 2-B
// and 2-C on its printed pages 15, 16 and 17). The tables of IS 2500 were
// not compared cell by cell. The cells here were compared with:
//
//   - a public transcription of GB/T 2828.1-2012 made from its printed
//     pages (repository nihantao-crosis/quality-platform, src/core/aql.ts
//     and src/core/__tests__/fixtures; part of it checked by two readers
//     against the print): every cell, arrows followed (plan row, sample
//     size, Ac and Re of all 3 x 16 x 26 cells); they agree in all but
//     one, Table 2-B, A at 10 (below);
//   - a second transcription of the three tables made apart from this
//     one, from that source and from a table declared as ISO 2859-1:1999
//     (repository EGTools/EGToolsPP, src/functions/FxEgQC.cpp) and from
//     MIL-STD-105E and ANSI/ASQ Z1.4: it agrees in every cell, reading
//     Table 2-B, A at 10, as a down arrow and the 14 cells of Table 2-C
//     that hold 5/6 as uncertain (the ISO-declared table has 4/5 there;
//     the GB/T transcription's readers checked 8 of the 14 against the
//     print: 5/6).
//
// Table 2-B, A at 10, is a down arrow (to D, n = 8, 1/2), as in
// MIL-STD-105E Table II-B, Z1.4 and the ISO-declared table, and as the
// 1999 edition left Table 2-B unchanged; the GB/T transcription has the
// plan 0/1 (n = 2) there, in a part of it that was not checked against
// the print.
//
// The arrows are read back from the plans: a cell whose plan lies in its
// own row holds the plan, one whose plan lies below holds dn, above up.
//
// Table 2-C is the 1999 table, not MIL-STD-105E's Table II-C: along each
// diagonal the plans run 0/1, up, down, down, 1/2, 2/3, 3/4, 5/6, 6/7,
// 8/9, 10/11 (105E: 0/1, up, down, 0/2, 1/3, 1/4, 2/5, 3/6, 5/8, 7/10,
// 10/13), rows A and B (n = 2) hold the plans of row A of Table 2-A, and
// the arrows of rows Q and R at 0.025 point up to N (n = 200, 0/1), as no
// plan lies below.
//
// Layout. One row per code letter A ... R, one column per AQL 0.010 ...
// 1000, as printed. A cell is a plan {Ac, Re}, dn ("use the first sampling
// plan below the arrow") or up ("use the first sampling plan above the
// arrow"). Following an arrow changes the sample size too: the plan's row
// gives n (clause 10).
//
// Two cells of Table 2-A and one of Table 2-B point where there is no plan
// in the printed direction: Table 2-A, A at 10 (an up arrow in the first
// row) and R at 0.015 (a down arrow in the last row), and Table 2-B, R at
// 0.015. They are transcribed as the arrow that reaches a plan (A at 10
// down to C, 1/2; R at 0.015 up to P, 0/1 in Table 2-A and up to Q, 0/1
// in Table 2-B), which is where the GB/T 2828.1-2012 transcription's
// plans lie too.
//
// Table 2-B has a row S (n = 3150) below R, reached only by the arrows of
// Q and R at 0.025; it holds the plan 1/2 in that column and nothing else.

// cell is one cell of a master table: a plan {Ac, Re}, or an arrow.
type cell struct{ ac, re int8 }

var (
	dn = cell{-1, -1} // use the first sampling plan below the arrow
	up = cell{-2, -2} // use the first sampling plan above the arrow
	no = cell{-3, -3} // empty cell (Table 2-B, row S outside 0.025)
)

// sampleSize is the sample size of each row of Tables 2-A and 2-B; index
// 16 is row S of Table 2-B.
var sampleSize = [letters + 1]int{2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800, 1250, 2000, 3150}

// reducedSampleSize is the sample size of each row of Table 2-C.
var reducedSampleSize = [letters]int{2, 2, 2, 3, 5, 8, 13, 20, 32, 50, 80, 125, 200, 315, 500, 800}

// Columns, in order:
// 0.010 0.015 0.025 0.040 0.065 0.10 0.15 0.25 0.40 0.65 1.0 1.5 2.5 4.0 6.5
// 10 15 25 40 65 100 150 250 400 650 1000

// normalTable is ISO 2859-1:1999, Table 2-A, single sampling plans for
// normal inspection.
var normalTable = [letters][numAQL]cell{
	/* A */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, {30, 31}},
	/* B */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, {30, 31}, {44, 45}},
	/* C */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, {30, 31}, {44, 45}, up},
	/* D */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, {30, 31}, {44, 45}, up, up},
	/* E */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, {30, 31}, {44, 45}, up, up, up},
	/* F */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up},
	/* G */ {dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up},
	/* H */ {dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up},
	/* J */ {dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up, up},
	/* K */ {dn, dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up, up, up},
	/* L */ {dn, dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up, up, up, up},
	/* M */ {dn, dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up, up, up, up, up},
	/* N */ {dn, dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* P */ {dn, {0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* Q */ {{0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* R */ {up, up, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
}

// tightenedTable is ISO 2859-1:1999, Table 2-B, single sampling plans for
// tightened inspection (rows A ... R; row S is tightenedS).
var tightenedTable = [letters][numAQL]cell{
	/* A */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, {27, 28}},
	/* B */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, {27, 28}, {41, 42}},
	/* C */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, {27, 28}, {41, 42}, up},
	/* D */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, {27, 28}, {41, 42}, up, up},
	/* E */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, {27, 28}, {41, 42}, up, up, up},
	/* F */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up},
	/* G */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up},
	/* H */ {dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up},
	/* J */ {dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up, up},
	/* K */ {dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up, up, up},
	/* L */ {dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up, up, up, up},
	/* M */ {dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up, up, up, up, up},
	/* N */ {dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* P */ {dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* Q */ {dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* R */ {{0, 1}, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {8, 9}, {12, 13}, {18, 19}, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
}

// tightenedS is row S (n = 3150) of Table 2-B.
var tightenedS = [numAQL]cell{no, no, {1, 2}, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no}

// reducedTable is ISO 2859-1:1999, Table 2-C, single sampling plans for
// reduced inspection. Rows A, B and C share the sample size 2.
var reducedTable = [letters][numAQL]cell{
	/* A */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, {30, 31}},
	/* B */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {7, 8}, {10, 11}, {14, 15}, {21, 22}, {30, 31}},
	/* C */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, {14, 15}, {21, 22}, up},
	/* D */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, {14, 15}, {21, 22}, up, up},
	/* E */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, {14, 15}, {21, 22}, up, up, up},
	/* F */ {dn, dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up},
	/* G */ {dn, dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up},
	/* H */ {dn, dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up},
	/* J */ {dn, dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up, up},
	/* K */ {dn, dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up, up, up},
	/* L */ {dn, dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up, up, up, up},
	/* M */ {dn, dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up, up, up, up, up},
	/* N */ {dn, dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* P */ {dn, {0, 1}, up, dn, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* Q */ {{0, 1}, up, up, dn, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
	/* R */ {up, up, up, {1, 2}, {2, 3}, {3, 4}, {5, 6}, {6, 7}, {8, 9}, {10, 11}, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up, up},
}
